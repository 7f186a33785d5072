# mentions.sh - Tab to the index, Enter selects an entity, ] goes to its next mention.
. "$(dirname "$0")/lib.sh"

start 110 30
wait_for "(sample)"
wait_for "People"
keys Tab
keys Enter
wait_for "mention 1/"
keys ']'
wait_for "mention 2/"
keys '['
wait_for "mention 1/"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
