# search.sh - / opens the prompt, Enter searches, n moves on, Esc clears.
. "$(dirname "$0")/lib.sh"

start 100 30
wait_for "(sample)"
keys /
keys -l "the"
wait_for "/the"
keys Enter
wait_for "match 1/"
keys n
wait_for "match 2/"
keys N
wait_for "match 1/"
# A bad regular expression is reported on the status line, not fatal.
keys /
keys -l "(unclosed"
wait_for "/(unclosed"
keys Enter
wait_gone "/(unclosed"
wait_for "bad regex"
screen | tail -1 | grep -qF "bad regex" || fail "bad regex not reported on the status line"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
