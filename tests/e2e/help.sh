# help.sh - ? shows the help screen generated from the key table, in columns sized by
# their lines; any key closes it. At 80x24 it is one column that j/k scroll.
. "$(dirname "$0")/lib.sh"

start 120 40
wait_for "(sample)"
keys '?'
wait_for "Moving"
wait_for "quit"
screen_has "next mention" || fail "help lacks the mention keys"
screen_has "any key closes" || fail "no hint how to close the help"
keys j
wait_gone "Moving"
wait_for "(sample)"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
tm kill-server

# 80x24: no help line is cut, j scrolls to the last one, another key closes.
start 80 24
wait_for "(sample)"
keys '?'
wait_for "Moving"
screen_has "Tab               switch between article and index" || fail "the Tab line is cut"
screen_has "next quote (of the selected person)" || fail "the } line is cut"
screen_has "any other key closes" || fail "no hint how to close the help"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do keys j; done
wait_for "this help"
wait_for "quit"
wait_gone "Moving"
keys x
wait_gone "any other key closes"
wait_for "(sample)"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
