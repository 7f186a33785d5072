# position.sh - the reading position of a long text (drawn before it is annotated) is
# restored exactly, open after open: the top line neither drifts back nor moves.
. "$(dirname "$0")/lib.sh"

# About 400 kB (past the early-draw size) of numbered paragraphs with names in them.
awk 'BEGIN {
    print "Harbour news"
    for (i = 0; i < 2100; i++)
        printf "\nParagraph %d. Alice Moreau told Bob Tran in Lisbon that the harbour works of the Harbour Authority would need another long winter of careful planning, said the paper on day %d of the talks.\n", i, i
}' >"$E2E_TMP/long.txt"
[ "$(wc -c <"$E2E_TMP/long.txt")" -gt 300000 ] || fail "the test text is too short"

# True when the screen is the same twice in a row, a moment apart (keys all handled).
settled() {
    local a
    a=$(screen)
    sleep 0.3
    [ "$a" = "$(screen)" ]
}

first=""
for round in 1 2 3 4; do
    start 100 30 long.txt
    wait_for "People"
    if [ "$round" = 1 ]; then
        keys Space Space Space j j j
        wait_gone "Harbour news"
        wait_until 10 settled || fail "the screen kept changing"
    fi
    top=$(screen | head -1 | cut -c1-66)
    [ -n "${top// /}" ] || fail "round $round: blank top line"
    keys q
    wait_exit
    [ "$E2E_RC" = 0 ] || fail "round $round: exit status $E2E_RC"
    if [ "$round" = 1 ]; then
        first=$top
    elif [ "$top" != "$first" ]; then
        fail "round $round: top line '$top', first time '$first'"
    fi
    tm kill-server
    wait_until 5 sh -c "! tmux -L $E2E_SOCK has-session 2>/dev/null" || fail "tmux stays"
done
echo "ok: the top line stayed '$first'"
