# resize.sh - the index shows on a wide terminal and hides itself at 40 columns, where
# the article is wrapped again to the narrower width (not cut off at the edge).
. "$(dirname "$0")/lib.sh"

sample=$LEDE_SRC/src/sample/article.txt
headline=$(sed -n 2p "$sample")
first_para=$(sed -n 4p "$sample")

# The index's "People" header, beside the article after its separator.
index_shown() {
    screen | grep -qE '(^|│)People$'
}
# The screen's lines joined by spaces: wrapped text reads as it does in the file.
joined() {
    screen | tr '\n' ' ' | tr -s ' '
}
# True when the screen holds text as one run, each word whole and in order.
shows_text() {
    joined | grep -qF -- "$1"
}

start 100 30
wait_for "(sample)"
wait_for "│"
index_shown || fail "no People header in the index at 100 columns"

resize 40 30
wait_gone "│"
! index_shown || fail "the index is still shown at 40 columns"
screen_has "(sample)" || fail "no status line at 40 columns"
# Cut off at the edge instead of wrapped, these would lose the words past column 40.
shows_text "$headline" || fail "headline not wrapped whole at 40 columns"
shows_text "$first_para" || fail "first paragraph not wrapped whole at 40 columns"

resize 100 30
wait_for "│"
index_shown || fail "the index did not come back at 100 columns"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
