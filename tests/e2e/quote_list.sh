# quote_list.sh - who said what as lists: Q lists every quote with its speaker (an
# unattributed one says so), w the quotes of the person under the index cursor; Enter
# goes to the quote and the status names the speaker; Esc closes a list.
. "$(dirname "$0")/lib.sh"

story=$E2E_TMP/story.txt
{
    echo "Minister defends the harbour plan"
    echo
    echo "Harbour minister Elena Ruiz defended the plan on Monday in Lisbon."
    echo
    echo "\"We will finish the pier before winter,\" Ruiz said."
    echo
    echo "Opposition leader Tomas Brandt said the plan was rushed."
    echo
    echo "\"Nobody asked the fishermen,\" said Brandt."
    echo
    echo "\"It is a fine day for it,\" a voice from the crowd added."
    echo
    echo "\"The pier will be the longest in the country,\" said Elena Ruiz."
} >"$story"

start 100 30 --no-state "$story"
wait_for "Minister defends"
keys Q
wait_for "All quotes (4)"
wait_for "Elena Ruiz: \"We will finish the pier"
wait_for "Tomas Brandt: \"Nobody asked the fishermen"
wait_for "unattributed: \"It is a fine day"
keys j j Enter
wait_gone "All quotes"
wait_for "quote 3/4 — unattributed"
# w on a person in the index: her quotes only.
keys Tab g w
wait_for "Quotes of Elena Ruiz (2)"
screen | grep -q "Nobody asked" && fail "another person's quote in her list"
keys j Enter
wait_for "quote 2/2 — Elena Ruiz, minister"
keys w
wait_for "Quotes of Elena Ruiz (2)"
keys Escape
wait_gone "Quotes of Elena Ruiz"
wait_for "Minister defends"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
