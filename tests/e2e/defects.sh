# defects.sh - small defects that stay fixed: the index scroll after a resize; Tab on a
# screen too narrow for the index shows it; with quotes off the current quote is not
# reversed; the current search match does not look like a person's name; roles cut
# with "…"; the --entities quotes table keeps its columns apart.
. "$(dirname "$0")/lib.sh"

story=$E2E_TMP/story.txt
{
    echo "Many names in one story"
    echo
    for i in $(seq 1 9); do
        echo "Minister Person$i Surname$i met Ambassador Visitor$i Guest$i in Town$i on Monday."
        echo
    done
    echo "\"We will finish the pier before winter,\" said Minister Person1 Surname1."
} >"$story"

# Index scroll: Tab, End, Tab, resize to 80x12, back to 100x30: the index starts at its
# top again instead of staying scrolled with empty rows below.
start 100 30 --no-state "$story"
wait_for "Many names"
keys Tab End Tab
resize 80 12
wait_for "Visitor"
screen_lacks "│People" || fail "the index did not scroll at 80x12"
resize 100 30
wait_for "People"
screen | grep -q "│People" || fail "the index stays scrolled after the resize"
tm kill-server

# Tab at 60 columns (index hidden for the width): it shows the index and focuses it.
start 60 20 --no-state "$story"
wait_for "Many names"
screen_lacks "│People" || fail "the index is shown at 60 columns"
keys Tab
wait_for "│People"
keys Tab i
wait_gone "│People"
keys Tab
wait_for "the index is hidden (i shows it)"
tm kill-server

# Roles cut with an ellipsis in a narrow index.
start 80 20 --no-state "$story"
wait_for "Many names"
screen | grep -q "│ Person2 Surname2, Mini… 1" || fail "a cut role has no ellipsis"
tm kill-server

# With quotes off, } still makes the quote current, but it is drawn as plain text.
start 100 30 --no-state "$story"
wait_for "Many names"
keys G '}'
wait_for "quote 1/1"
row=$(screen | grep -n -m1 "We will finish" | cut -d: -f1)
[ -n "$row" ] || fail "the quote is not on the screen"
screen_e | sed -n "${row}p" | grep -q $'\e\\[7m\|\e\\[[0-9;]*;7m\|\e\\[7;' || fail "the current quote is not reversed with quotes on"
keys '"'
wait_for "quotes off"
screen_e | sed -n "${row}p" | grep -q $'\e\\[7m\|\e\\[[0-9;]*;7m\|\e\\[7;' && fail "the current quote stays reversed with quotes off"
# The current search match: underlined, not reversed (a reversed yellow match was a
# person's bold yellow).
keys / Town3 Enter
wait_for "match 1/"
row=$(screen | grep -n -m1 "Town3" | cut -d: -f1)
line=$(screen_e | sed -n "${row}p")
grep -q $'\e\\[4m\|\e\\[[0-9;]*;4m\|\e\\[4;' <<<"$line" || fail "the current match is not underlined: $line"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"

# --entities: a long speaker name never runs into the next column.
printf '"We will finish it," said Ioannis Papadoyiannakisopoulos.\n' >"$E2E_TMP/long.txt"
out=$("$LEDE" --entities "$E2E_TMP/long.txt")
grep -q "Papadoyiannakisopoulos  *full" <<<"$out" || fail "columns collide: $out"
echo "ok"
