# reader.sh - the status line keeps what matters at 60x20 with a long path; } shows the
# speaker of the quote; a missing file among three does not end the session. The same
# on a real BBC story is reader_bbc.sh (skipped without ../shared).
. "$(dirname "$0")/lib.sh"

dir=$E2E_TMP/a/rather/long/directory/path/under/which/the/corpus/of/stories/lives
mkdir -p "$dir"
story=$dir/politics-story.txt
{
    echo "Minister defends the harbour plan"
    echo
    echo "Harbour minister Elena Ruiz defended the plan on Monday in Lisbon."
    echo
    echo "\"We will finish the pier before winter,\" Ruiz said."
    echo
    echo "Opposition leader Tomas Brandt said the plan was rushed."
    echo
    echo "\"Nobody asked the fishermen,\" said Brandt, who leads the opposition."
    echo
    echo "\"It is a fine day for it,\" a voice from the crowd added."
} >"$story"

start 60 20 "$story"
wait_for "Minister defends"
keys ']'
wait_for "mention 1/"
screen | tail -1 | grep -q "…" || fail "the long path was not shortened with an ellipsis"
keys ']'
wait_for "mention 2/"
# } says who said it, with the role.
keys Escape '}'
wait_for "quote 1/3 — Elena Ruiz"
keys '}'
wait_for "quote 2/3 — Tomas Brandt"
keys '}'
wait_for "quote 3/3 — unattributed"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
tm kill-server

# A missing file among three: the first good one opens; the missing one is a page.
start 80 20 "$E2E_TMP/missing.txt" "$story" "$story"
wait_for "Minister defends"
wait_for "politics-story.txt 2/3"
keys '<'
wait_for "missing.txt: no such file"
keys '<'
wait_for "politics-story.txt 3/3"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
tm kill-server

echo "ok"
