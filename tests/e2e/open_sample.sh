# open_sample.sh - lede without a file, in a terminal, opens the bundled sample; q quits
# and leaves the terminal as it was.
. "$(dirname "$0")/lib.sh"

start 100 30
wait_for "(sample)"
screen_has "Top" || fail "status line has no position"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
terminal_restored || fail "terminal modes not restored: $(cat "$E2E_TMP/stty.txt")"
[ ! -s "$E2E_TMP/stderr.txt" ] || fail "lede wrote to stderr"
wait_for "[lede exited]"
screen_lacks "(sample)" || fail "the reader's screen was left behind (no alternate screen?)"
echo "ok"
