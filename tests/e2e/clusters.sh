# clusters.sh - grapheme clusters on screen: "Zoë" with a combining diaeresis, a family
# (an emoji ZWJ sequence) and a flag are each drawn whole on one line at a narrow width,
# and the columns after them line up as layout.c counted them.
. "$(dirname "$0")/lib.sh"

art=$E2E_TMP/clusters.txt
family=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')
man=$(printf '\360\237\221\250')
flag=$(printf '\360\237\207\265\360\237\207\271')
zoe=$(printf 'Zoe\314\210')
{
    printf 'Clusters\n\n'
    printf 'Then %s met a family %s%s at the border %s%s of the town.\n' \
        "$zoe" "$family" "$family" "$flag" "$flag"
    printf '\nLater that day again %s came home.\n' "$zoe"
} >"$art"

# row N (1-based) of the screen, trailing blanks trimmed
row() {
    screen | sed -n "${1}p" | sed 's/ *$//'
}
# True when rows 3.. of the screen are exactly the lines given.
rows_are() {
    local i=3 want
    for want in "$@"; do
        [ "$(row $i)" = "$want" ] || return 1
        i=$((i + 1))
    done
}
last_row_is() {
    [ "$(screen | tail -1 | sed 's/ *$//')" = "$1" ]
}
expect_rows() {
    wait_until 5 rows_are "$@" || fail "rows 3.. are not: $*"
}

# A family is 2 columns, as layout.c counts it: curses draws its first person (no
# terminal agrees on a ZWJ sequence's width), and the wrap falls after it, the next
# family going whole to the next line. The second "Zoë" ends on the wrap column (24
# columns of text): its combining mark stays with its e.
start 24 12 "$art"
wait_for "Clusters"
expect_rows "Then $zoe met a family $man" "$man at the border $flag$flag of" "the town." "" \
    "Later that day again $zoe" "came home."

# The second flag at the wrap column goes whole to the next line.
resize 21 12
expect_rows "Then $zoe met a family" "$man$man at the border $flag" "$flag of the town."

# The narrowest terminal with an article pane.
resize 20 12
expect_rows "Then $zoe met a" "family $man$man at the" "border $flag$flag of the" "town." "" \
    "Later that day again" "$zoe came home."

# In the search prompt, backspace takes "ë" (e and its mark) whole, then a family whole.
keys / "Zo" "$zoe" "$family"
wait_for "/Zo$zoe$man"
keys BSpace
wait_until 5 last_row_is "/Zo$zoe" || fail "backspace left part of the family"
keys BSpace
wait_until 5 last_row_is "/ZoZo" || fail "backspace did not take e and its mark together"
keys Escape q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
