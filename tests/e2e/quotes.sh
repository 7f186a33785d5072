# quotes.sh - the " key toggles quote highlighting: the attributes on a line holding a
# quotation change, while its text stays the same.
. "$(dirname "$0")/lib.sh"

start 100 40
wait_for "(sample)"
# The first screen line holding an opening quotation mark.
row=$(screen | grep -n -m1 -E '“|"' | cut -d: -f1)
[ -n "$row" ] || fail "no quotation on the first screen"
before=$(screen_e | sed -n "${row}p")
plain_before=$(screen | sed -n "${row}p")
keys '"'
changed() {
    [ "$(screen_e | sed -n "${row}p")" != "$before" ]
}
wait_until 5 changed || fail "the quote's attributes did not change"
[ "$(screen | sed -n "${row}p")" = "$plain_before" ] || fail "the quote's text changed"
keys '"'
back() {
    [ "$(screen_e | sed -n "${row}p")" = "$before" ]
}
wait_until 5 back || fail "toggling twice did not restore the quote's attributes"
keys q
wait_exit
echo "ok"
