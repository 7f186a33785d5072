# less_keys.sh - what less users reach for: Ctrl-F/B/D/U, h, :n/:p, marks (m x, ' x),
# = (where am I), v (the editor at the line, curses back after it), search history
# (Up in the prompt) and "press ? for help" for an unbound key.
. "$(dirname "$0")/lib.sh"

one=$E2E_TMP/one.txt
two=$E2E_TMP/two.txt
for i in $(seq 1 80); do
    echo "Line $i of the long story about the river."
    echo
done >"$one"
printf 'Second story headline\n\nA short second story.\n' >"$two"
cp "$one" "$E2E_TMP/one.orig"

# The editor records how it was called and changes nothing.
editor=$E2E_TMP/editor.sh
printf '#!/bin/sh\necho "$@" > %q\n' "$E2E_TMP/editor.args" >"$editor"
chmod +x "$editor"
export EDITOR=$editor VISUAL=

start 80 20 --no-state "$one" "$two"
wait_for "Line 1 of"
keys C-f
wait_for "Line 10 of"
wait_gone "Line 1 of"
keys C-b
wait_for "Line 1 of"
keys C-d
wait_gone "Line 2 of"
keys C-u
wait_for "Line 1 of"
# Ctrl-L paints again what another program wrote over the screen.
printf '\033[1;1HGARBLED' >"$(tm display -p -t lede '#{pane_tty}')"
wait_for "GARBLED"
keys C-l
wait_gone "GARBLED"
screen_lacks "press ? for help" || fail "C-l answered as an unbound key"
# Marks: mark a here, go to the end, come back.
keys C-d m a
wait_for "mark a set"
top=$(screen | grep -m1 -o "^Line [0-9]* ")
keys G
wait_for "Line 80 of"
keys "'" a
wait_gone "Line 80 of"
[ "$(screen | grep -m1 -o "^Line [0-9]* ")" = "$top" ] || fail "' a did not go back to the mark ($top)"
keys "'" b
wait_for "no mark b"
# = says where the reader is.
keys =
wait_for "article 1/2, line "
wait_for "byte "
# An unbound key answers as less does.
keys X
wait_for "press ? for help"
# h opens the help; any key closes it.
keys h
wait_for "Moving"
keys x
wait_gone "Moving"
# :n and :p switch articles.
keys : n
wait_for "Second story headline"
keys : p
wait_for "Line "
# v: the editor at the top line, then the reader again; the file is untouched.
keys g v
wait_until 5 test -s "$E2E_TMP/editor.args" || fail "the editor did not run"
grep -q "^+1 .*one.txt$" "$E2E_TMP/editor.args" || fail "editor args: $(cat "$E2E_TMP/editor.args")"
wait_for "Line 1 of"
cmp -s "$one" "$E2E_TMP/one.orig" || fail "the article changed"
# Search history: Up in the prompt brings back the last search.
keys / river Enter
wait_for "match 1/"
keys Escape / Up
wait_for "/river"
keys Enter
wait_for "match 1/"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
