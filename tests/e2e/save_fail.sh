#!/usr/bin/env bash
# save_fail.sh - a reading position that cannot be saved (here: past the file-size limit,
# ulimit -f, which would send SIGXFSZ) never breaks the terminal: lede ends normally, the
# terminal is restored, one clear line says why, and no temporary file is left. Output
# to a full disk or past the limit is said as such too.
. "$(dirname "$0")/lib.sh"

real=$LEDE
LEDE=$E2E_TMP/limited.sh
# dash and bash count ulimit -f in 512- and 1024-byte blocks: 8 blocks is at most 8 kB.
printf '#!/bin/sh\nulimit -f 8 || exit 99\nexec %q "$@"\n' "$real" >"$LEDE"
chmod +x "$LEDE"
mkdir -p "$XDG_STATE_HOME/lede"
awk 'BEGIN { print "lede-state 1"; for (i = 0; i < 480; i++) printf "%016x %d /old/article-%d.txt\n", i, i, i }' \
    >"$XDG_STATE_HOME/lede/positions"
before=$(cksum <"$XDG_STATE_HOME/lede/positions")

start 80 24
wait_for "(sample)"
keys j j q
wait_exit 5
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
terminal_restored || fail "terminal modes not restored"
grep -q "cannot save the reading position.*file size limit exceeded" "$E2E_TMP/stderr.txt" ||
    fail "no clear message about the size limit"
[ "$(wc -l <"$E2E_TMP/stderr.txt")" -eq 1 ] || fail "more than one line on stderr"
[ "$(cksum <"$XDG_STATE_HOME/lede/positions")" = "$before" ] || fail "the old positions changed"
left=$(find "$XDG_STATE_HOME/lede" -name 'positions.*' | wc -l)
[ "$left" -eq 0 ] || fail "$left temporary files left"
msg=$(cat "$E2E_TMP/stderr.txt")

if [ -w /dev/full ]; then
    "$real" --json "$LEDE_SRC/src/sample/article.txt" >/dev/full 2>"$E2E_TMP/full.err"
    rc=$?
    [ "$rc" = 1 ] || fail "exit status $rc writing to /dev/full"
    [ "$(cat "$E2E_TMP/full.err")" = "lede: standard output: no space left on device" ] ||
        fail "full disk: $(cat "$E2E_TMP/full.err")"
fi
awk 'BEGIN { for (i = 0; i < 3000; i++) print "Mayor Ann Lee said the harbour would open." }' >"$E2E_TMP/long.txt"
"$LEDE" --json "$E2E_TMP/long.txt" >"$E2E_TMP/out.json" 2>"$E2E_TMP/fbig.err"
rc=$?
[ "$rc" = 1 ] || fail "exit status $rc past the size limit (killed by SIGXFSZ?)"
[ "$(cat "$E2E_TMP/fbig.err")" = "lede: standard output: file size limit exceeded" ] ||
    fail "size limit: $(cat "$E2E_TMP/fbig.err")"
echo "ok: $msg"
