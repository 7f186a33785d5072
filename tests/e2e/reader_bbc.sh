# reader_bbc.sh - reader.sh's mention and quote steps on a real BBC story from
# ../shared: ] reaches the first two mentions, } a quote with its speaker in the status.
# A test of its own so that CTest shows it skipped (exit 77) without ../shared, rather
# than reader.sh passing with a part left out.
. "$(dirname "$0")/lib.sh"

bbc=${LEDE_SHARED:-$LEDE_SRC/../shared}/corpus/bbc/politics/013.txt
if [ ! -f "$bbc" ]; then
    echo "skipped: $bbc not found (../shared is not beside the checkout)"
    exit 77
fi
start 60 20 --no-state "$bbc"
wait_for "politics/013.txt"
keys ']'
wait_for "mention 1/"
keys ']'
wait_for "mention 2/"
keys Escape '}'
wait_for "quote 1/"
screen | tail -1 | grep -q "quote 1/[0-9]* — [A-Z]" || fail "no speaker in the status"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
