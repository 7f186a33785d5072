# resize.sh - the index shows on a wide terminal and hides itself at 40 columns.
. "$(dirname "$0")/lib.sh"

start 100 30
wait_for "(sample)"
wait_for "│"
resize 40 30
wait_gone "│"
screen_has "(sample)" || fail "no status line at 40 columns"
while IFS= read -r line; do
    [ "${#line}" -le 40 ] || fail "a line is wider than the terminal: $line"
done < <(screen)
resize 100 30
wait_for "│"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
