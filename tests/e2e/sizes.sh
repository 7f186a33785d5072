# sizes.sh - tiny terminals do not crash lede, the smallest usable one works, and so
# does a very large one.
. "$(dirname "$0")/lib.sh"

start 1 1
lede_pid >/dev/null
resize 19 5
wait_for "terminal"
resize 1 1
keys j j G g
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC at 1x1"
tm kill-server

start 20 6
wait_for "(sample)"
keys j G
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC at 20x6"
tm kill-server

start 300 100
wait_for "(sample)"
wait_for "People"
keys G
at_end() {
    screen | tail -1 | grep -qE '(End|All) *$'
}
wait_until 10 at_end || fail "G did not reach the end at 300x100"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC at 300x100"
echo "ok"
