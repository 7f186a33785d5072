# articles.sh - several files: > and < switch between them, each keeps its own place,
# and the reading position is remembered across runs (unless --no-state).
. "$(dirname "$0")/lib.sh"

first=$E2E_TMP/first.txt
second=$E2E_TMP/second.txt
{
    echo "Ferry timetable changes for the winter"
    echo
    for i in $(seq 1 60); do
        echo "Paragraph $i of the ferry story says the crossing will run less often."
        echo
    done
    echo "The last line of the ferry story."
} >"$first"
printf 'Orchard harvest ends early\n\nThe apple harvest in the valley ended a week early this year.\n' >"$second"

start 80 20 "$first" "$second"
wait_for "Ferry timetable"
wait_for "first.txt 1/2"
keys '>'
wait_for "Orchard harvest"
wait_for "second.txt 2/2"
keys '<'
wait_for "first.txt 1/2"
keys G
wait_for "The last line of the ferry story."
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
tm kill-server

# The first file opens where it was left.
start 80 20 "$first"
wait_for "The last line of the ferry story."
keys q
wait_exit
tm kill-server

# Not with --no-state.
start 80 20 --no-state "$first"
wait_for "Ferry timetable"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
