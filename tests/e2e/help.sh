# help.sh - ? shows the help screen generated from the key table; any key closes it.
. "$(dirname "$0")/lib.sh"

start 120 40
wait_for "(sample)"
keys '?'
wait_for "Moving"
wait_for "quit"
screen_has "next mention" || fail "help lacks the mention keys"
keys j
wait_gone "Moving"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
