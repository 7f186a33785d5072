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
screen_has "Tab                 article / index focus" || fail "the Tab line is cut"
screen_has "any other key closes" || fail "no hint how to close the help"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do keys j; done
wait_for "redraw the screen"
wait_for "this help"
wait_for "quit"
wait_gone "Moving"
keys x
wait_gone "any other key closes"
wait_for "(sample)"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
tm kill-server

# 100x30: two columns; every heading has its keys under it in the same column (the
# "Other" heading used to end column 1 with its keys in column 2); h opens it too.
start 100 30
wait_for "(sample)"
keys h
wait_for "Moving"
wait_for "quit"
screen_lacks "j/k scroll" || fail "the help scrolls at 100x30"
rows=$(screen | head -28)
for heading in Moving Entities Quotes Search Articles Other; do
    line=$(printf '%s\n' "$rows" | grep -n -E "(^| )$heading( |$)" | head -1 | cut -d: -f1)
    [ -n "$line" ] || fail "no $heading heading"
    [ "$line" -lt 28 ] || fail "$heading ends a column"
    col=$(printf '%s\n' "$rows" | sed -n "${line}p" | grep -b -o -E "(^| )$heading" | head -1 | cut -d: -f1)
    next=$(printf '%s\n' "$rows" | sed -n "$((line + 1))p" | cut -c$((col + 2))-$((col + 4)))
    [ "$next" = "   " ] && fail "$heading has no key under it"
done
keys x
wait_gone "any key closes"
keys q
wait_exit
echo "ok"
