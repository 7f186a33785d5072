# resize_prompt.sh - rapid resizes while the search prompt is open keep the prompt and
# its text; the search still runs afterwards.
. "$(dirname "$0")/lib.sh"

start 100 30
wait_for "(sample)"
keys /
keys -l "wor"
wait_for "/wor"
for w in 30 120 15 80 1 64 200 25 100; do
    resize "$w" $((w / 3 + 3))
done
resize 100 30
wait_for "/wor"
keys -l "ld"
wait_for "/world"
keys Escape
wait_gone "/world"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
