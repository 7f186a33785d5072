# measure.sh - the readable width: at 200 columns the article's lines are at most 80
# columns, centred; M gives the text the whole pane; --width N sets the measure; a
# theme's "layout measure left" puts it at the left.
. "$(dirname "$0")/lib.sh"

story=$E2E_TMP/story.txt
{
    echo "Measure of a line"
    echo
    for i in $(seq 1 12); do
        printf 'Paragraph %s runs on and on with words enough to fill a very wide terminal line many times over, so that wrapping shows. ' "$i" "$i" "$i"
        echo
        echo
    done
} >"$story"

# The article pane of a 200-column screen is left of the index (at most 40 wide).
text_width() { # the widest text line, measured from its first letter
    screen | head -n -1 | sed 's/│.*//; s/^ *//; s/ *$//' | awk '{ if (length > w) w = length } END { print w }'
}
text_indent() { # columns before the first paragraph line
    screen | grep -m1 "^ *Paragraph 1" | sed 's/Paragraph.*//' | awk '{ print length }'
}

start 200 50 --no-state "$story"
wait_for "Paragraph 1 "
w=$(text_width)
[ "$w" -le 80 ] || fail "lines of $w columns at 200 columns"
[ "$w" -ge 70 ] || fail "lines of only $w columns"
[ "$(text_indent)" -gt 20 ] || fail "the text is not centred"
keys M
wait_for "readable width off"
w=$(text_width)
[ "$w" -gt 120 ] || fail "M did not give the text the whole pane ($w)"
keys q
wait_exit
tm kill-server

start 200 50 --no-state --width 60 "$story"
wait_for "Paragraph 1 "
w=$(text_width)
[ "$w" -le 60 ] && [ "$w" -ge 50 ] || fail "--width 60 gave lines of $w columns"
keys q
wait_exit
tm kill-server

printf 'include default\nlayout measure left\n' >"$E2E_TMP/left.theme"
start 200 50 --no-state --theme "$E2E_TMP/left.theme" "$story"
wait_for "Paragraph 1 "
[ "$(text_indent)" = 0 ] || fail "layout measure left did not put the text at the left"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
