# move_keys.sh - the bound keys no other end-to-end test sends: k, Up, Down, f, PgDn,
# PgUp, d, u, Home (moving), e (entity colours) and { (previous quote). Each key is sent
# and its effect on the screen checked, so a key dropped from the table (src/keys.c) or
# bound to the wrong command fails here.
. "$(dirname "$0")/lib.sh"

long=$E2E_TMP/long.txt
for i in $(seq 1 80); do
    echo "Line $i of the long story about the river."
    echo
done >"$long"

# The article pane (the screen without its status line).
pane() {
    screen | head -n -1
}
# Sends one key and waits until the pane equals the snapshot in $1 (a variable name).
expect_after() {
    local want=$1
    shift
    keys "$@"
    same() { [ "$(pane)" = "${!want}" ]; }
    wait_until 5 same || fail "after '$*' the pane is not the one in \$$want"
}
# Sends keys and waits until the pane differs from the snapshot in $1; prints the pane.
moved_by() {
    local old=$1
    shift
    keys "$@"
    differs() { [ "$(pane)" != "${!old}" ]; }
    wait_until 5 differs || fail "'$*' did not move the article"
}

start 80 20 --no-state "$long"
wait_for "Line 1 of"
top=$(pane)
moved_by top Down
down1=$(pane)
moved_by down1 j
expect_after down1 k
expect_after top Up
moved_by top f
page=$(pane)
screen_lacks "Line 2 of" || fail "f moved less than a page"
expect_after top Home
expect_after page NPage
expect_after top PPage
expect_after page Space
expect_after top b
moved_by top d
half=$(pane)
[ "$half" != "$page" ] || fail "d moved a whole page"
expect_after top u
moved_by top G
expect_after top Home
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
tm kill-server

story=$E2E_TMP/story.txt
printf '%s\n\n' "Pier opens in Porto" "Mayor Ines Lobo opened the new pier on Friday." \
    "\"We waited ten years for this,\" Lobo said." "Harbour chief Rui Sousa said the work went well." \
    "\"It is finished at last,\" said Sousa." >"$story"

start 100 20 --no-state "$story"
wait_for "Pier opens"
# { steps back through the quotes that } went forward through.
keys '}' '}'
wait_for "quote 2/2 — Rui Sousa"
keys '{'
wait_for "quote 1/2 — Ines Lobo"
keys Escape
# e turns the entity colours off and on: the line naming Ines Lobo keeps its text and
# loses, then regains, its attributes.
row=$(screen | grep -n -m1 "Ines Lobo opened" | cut -d: -f1)
[ -n "$row" ] || fail "no line names Ines Lobo"
line_e() {
    screen_e | sed -n "${row}p"
}
before=$(line_e)
plain=$(screen | sed -n "${row}p")
keys e
wait_until 5 eval '[ "$(line_e)" != "$before" ]' || fail "e did not change the entity colours"
[ "$(screen | sed -n "${row}p")" = "$plain" ] || fail "e changed the text"
keys e
wait_until 5 eval '[ "$(line_e)" = "$before" ]' || fail "e twice did not restore the colours"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
