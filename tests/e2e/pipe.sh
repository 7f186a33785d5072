# pipe.sh - an article on standard input is shown, and keys come from the terminal.
. "$(dirname "$0")/lib.sh"

article=$E2E_TMP/piped.txt
cat >"$article" <<'TEXT'
Lighthouse keepers return to Skerry Point

The last crew of keepers left Skerry Point in 1987. This spring, a volunteer trust
will put two of them back, to tend the lamp and count the seabirds.

"It is quieter than you think," said Marta Vell, who will take the first shift.
TEXT
E2E_STDIN=$article start 90 24
wait_for "Lighthouse keepers return"
wait_for "seabirds"
keys G
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
terminal_restored || fail "terminal modes not restored"
echo "ok"
