# badinput.sh - the bad-input matrix on the real binary: each input gives correct output,
# or one "lede:" line on stderr and a non-zero exit; never a crash, a hang or a broken
# terminal. Complements cli.sh (missing file, directory, empty, closed stdin, SIGPIPE on
# the printer), sizes.sh (1x1, 20x6, 300x100), resize_prompt.sh and signals.sh.
. "$(dirname "$0")/lib.sh"

T=$E2E_TMP
pass=0 nfail=0
ok() { pass=$((pass + 1)); }
bad() { nfail=$((nfail + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# Runs lede with args, stdin from /dev/null; sets out, err, rc. The timeout only ends a
# hang (status 124, which every check then rejects); no check is about speed.
run() {
    timeout 60 "$LEDE" "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    err=$(cat "$T/err")
}
# A refusal: status 1 and exactly one "lede:" line on stderr containing $1.
refused() {
    local words=$1; shift
    run "$@"
    check "$* exits 1 (got $rc)" test "$rc" -eq 1
    check "$* says '$words' in one line (got '$err')" \
        test "$(grep -c "^lede: .*$words" "$T/err")" -eq 1 -a "$(wc -l <"$T/err")" -eq 1
}
# Correct output: status 0, nothing on stderr, and valid JSON whose spans lie inside
# the file (and mention spans hold what the entity list says).
json_ok() {
    local file=$1
    run --json "$file"
    check "--json $file exits 0 (got $rc: $err)" test "$rc" -eq 0
    check "--json $file writes no stderr" test ! -s "$T/err"
    # Offsets mean the text --text prints (the file itself for plain UTF-8).
    timeout 60 "$LEDE" --text "$file" >"$T/text" 2>/dev/null </dev/null
    check "--json $file is valid, spans in bounds" python3 - "$T/text" "$T/out" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
doc = json.load(open(sys.argv[2]))
assert doc["bytes"] == len(data)
last = 0
for e in doc["entities"]:
    for s, t in e["mentions"]:
        assert 0 <= s < t <= len(data), (s, t)
for q in doc["quotes"]:
    s, t = q["span"]
    assert last <= s < t <= len(data), (last, s, t)
    last = t
PY
}

# --- files ---------------------------------------------------------------------------
refused "not text" /bin/ls
head -c 3000 /dev/zero | tr '\0' 'a' | sed 's/aaaa/aaa\x00/g' >"$T/nul.txt"
refused "not text" "$T/nul.txt"
printf '\xef\xbb\xbf  \r\n\t\r\n' >"$T/bom_blank.txt"
refused "empty input" "$T/bom_blank.txt"

# No read permission: root reads everything, so ask as the user nobody.
printf 'Nobody may read this.\n' >"$T/secret.txt"
chmod 600 "$T/secret.txt"
chmod 755 "$T"
if [ "$(id -u)" -ne 0 ]; then
    chmod 000 "$T/secret.txt"
    refused "permission denied" "$T/secret.txt"
elif command -v setpriv >/dev/null && id nobody >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$LEDE"; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
        "$LEDE" --no-state "$T/secret.txt" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    check "unreadable file exits 1 as nobody (got $rc)" test "$rc" -eq 1
    check "unreadable file: one line 'permission denied'" \
        test "$(cat "$T/err")" = "lede: $T/secret.txt: permission denied"
else
    echo "note: running as root without setpriv or a usable 'nobody': permission case skipped"
fi

# stdin really closed (not /dev/null): an input error, not a crash.
timeout 20 "$LEDE" --json <&- >"$T/out" 2>"$T/err"
rc=$?
check "closed fd 0 exits 1 (got $rc)" test "$rc" -eq 1
check "closed fd 0: one lede: line" test "$(grep -c '^lede: ' "$T/err")" -eq 1

# --- odd text ------------------------------------------------------------------------
printf 'Mayor Ines Varga \xff\x81\xc3 met \xed\xa0\x80 Premier Ola Dahl \xe2\x80 in Kestra.\n' >"$T/invalid.txt"
json_ok "$T/invalid.txt"
run --color=always "$T/invalid.txt"
check "coloured invalid UTF-8 prints valid UTF-8" python3 -c \
    'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$T/out"

latin=$LEDE_SHARED/corpus/bbc/sport/199.txt
if [ ! -f "${latin}" ]; then
    latin=$T/latin1.txt
    printf 'Rovers sign striker for \xa315m\n\nThe club paid \xa315m for Ivo Kern, manager Anna Brill said.\n' >"$latin"
fi
run --json "$latin"
check "--json Latin-1 says windows-1252" grep -q '"input":"windows-1252","encoding":"Windows-1252"' "$T/out"
run "$latin"
iconv -f WINDOWS-1252 -t UTF-8 "$latin" >"$T/latin.utf8"
check "Latin-1 printed as UTF-8" cmp -s "$T/out" "$T/latin.utf8"
check "Latin-1: one note on stderr (got '$err')" test "$err" = "lede: $latin: read as Windows-1252"
run --encoding UTF-8 "$latin"
check "--encoding UTF-8 prints the bytes as read" cmp -s "$T/out" "$latin"

# Extracted and converted texts: the offsets of --json lie in what --text prints.
for f in page.html newsboat.txt email.txt cp1252.txt utf16.txt gutenberg.txt; do
    timeout 60 "$LEDE" --json "$LEDE_SRC/tests/fixtures/$f" >"$T/out" 2>/dev/null </dev/null
    timeout 60 "$LEDE" --text "$LEDE_SRC/tests/fixtures/$f" >"$T/text" 2>/dev/null </dev/null
    check "--json $f: mentions name their entities in the --text output" python3 - "$T/text" "$T/out" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
doc = json.load(open(sys.argv[2]))
assert doc["bytes"] == len(data), (doc["bytes"], len(data))
assert doc["entities"], "no entities"
for e in doc["entities"]:
    for s, t in e["mentions"]:
        assert 0 <= s < t <= len(data)
        # A mention is the name or part of it ("Wilde" of "Tomasz Wilde").
        words = set(data[s:t].decode().split())
        assert words & set(e["name"].split()), (data[s:t], e["name"])
PY
done

# --- reads that must stop (issue 14): endless devices, silent FIFOs, size limits ----
refused "not text" --json /dev/zero
refused "not text" --lexicon /dev/zero --json "$latin"
refused "too large" --max-size 1K --encoding latin1 --json /dev/zero
mkfifo "$T/fifo"
start_s=$(date +%s)
refused "no data in time" --json "$T/fifo"
check "a silent FIFO is given up within 10 s" test $(($(date +%s) - start_s)) -le 10
refused "too large" --max-size 10 --json "$latin"
run --max-size 10x "$latin"
check "--max-size 10x is a usage error (got $rc)" test "$rc" -eq 2
run --text /proc/self/status
check "a /proc file is read (got $rc: $err)" grep -q "^Name:" "$T/out"
run --encoding NO-SUCH-CODE "$latin"
check "an unknown --encoding is a usage error (got $rc: $err)" test "$rc" -eq 2 -a \
    "$err" = "lede: --encoding: unknown encoding (see iconv -l)"

printf 'Premier Ola Dahl\0 spoke in Kestra.\nHe said "fine\0 work".\n' >"$T/fewnul.txt"
json_ok "$T/fewnul.txt"

python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
piece = b"Premier Ola Dahl met Mayor Ines Varga in Kestra. "
big = (piece * (10 * 1024 * 1024 // len(piece) + 1))[: 10 * 1024 * 1024 - 1] + b"\n"
open(d + "/oneline.txt", "wb").write(big)
open(d + "/lines.txt", "wb").write(b"".join(b"Line %d of Kestra.\n" % i for i in range(100000)))
open(d + "/quotes.txt", "wb").write(b"Dahl said " + "\u201cw ".encode() * 500 + b'"w ' * 500 + b"\n")
nest = "Dahl said " + "".join(("\u201c", "\u2018")[i % 2] + "level " for i in range(10)) + "core"
nest += "".join(" end" + ("\u201d", "\u2019")[i % 2] for i in reversed(range(10)))
nest += '.\nAnd "a "b "c "d "e "f "g "h "i "j" i" h" g" f" e" d" c" b" a", Dahl said.\n'
open(d + "/nested.txt", "wb").write(nest.encode())
open(d + "/bom.txt", "wb").write(b"\xef\xbb\xbfMayor Ines Varga opened the bridge in Kestra.\n")
open(d + "/crlf.txt", "wb").write(b"World\r\nBridge opens\r\n\r\nMayor Ines Varga opened it.\r\n")
PY
# The 10 MB line, checked on its own run: exit 0, valid JSON, spans in bounds, and every
# name found to the very end (run's timeout only stops a hang; nothing here is timed).
json_ok "$T/oneline.txt"
check "10 MB line: every name found, to the end" python3 - "$T/oneline.txt" "$T/out" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
doc = json.load(open(sys.argv[2]))
for name in (b"Ola Dahl", b"Ines Varga"):
    ms = [m for e in doc["entities"] if e["name"].encode() == name for m in e["mentions"]]
    assert len(ms) == data.count(name), (name, len(ms), data.count(name))
    assert all(data[s:t] == name for s, t in ms), name
    assert max(t for s, t in ms) > len(data) - 100, name
PY
for f in lines quotes nested bom crlf; do
    json_ok "$T/$f.txt"
done
run "$T/crlf.txt"
check "CRLF printed byte for byte" cmp -s "$T/out" "$T/crlf.txt"
run --json "$T/bom.txt"
check "BOM counts in the offsets" python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
data = open(sys.argv[2], "rb").read()
spans = [m for e in doc["entities"] for m in e["mentions"]]
assert any(data[s:t] == b"Ines Varga" for s, t in spans), spans' "$T/out" "$T/bom.txt"

# SIGPIPE on every printer: exit 0, silent.
for mode in --json --entities --color=always; do
    "$LEDE" $mode "$T/lines.txt" 2>"$T/err" | head -1 >/dev/null
    rc=${PIPESTATUS[0]}
    check "SIGPIPE on $mode: exit 0 (got $rc)" test "$rc" -eq 0
    check "SIGPIPE on $mode: silent" test ! -s "$T/err"
done

# --- the reader's own files ------------------------------------------------------------
printf 'color person red\ncolor nosuch red\nfrobnicate\ninclude /nonexistent/x.theme\ncolor quote green default blink\n' >"$T/bad.theme"
run --color=always --theme "$T/bad.theme" "$T/crlf.txt"
check "bad theme lines: exit 0" test "$rc" -eq 0
check "bad theme lines: one line each" test "$(grep -c "^lede: $T/bad.theme:[0-9]*: " "$T/err")" -eq 5
check "bad theme lines: still coloured" grep -q $'\e\\[' "$T/out"

echo "badinput (printing): $pass passed, $nfail failed"
[ "$nfail" -eq 0 ] || exit 1

# --- in the terminal -----------------------------------------------------------------
# opens ARGS...: lede shows TEXT at 80x24, G reaches the end, q quits with status 0 and
# the terminal restored.
opens() {
    local text=$1; shift
    start 80 24 "$@"
    wait_for "$text" 30
    keys G
    wait_until 30 at_end || fail "G did not reach the end of $*"
    keys q
    # A 10 MB line takes the learned tagger seconds under the sanitizers on a busy
    # machine; quitting waits for it. Only a hang should fail here.
    wait_exit 60
    [ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC for $*"
    terminal_restored || fail "terminal not restored after $*"
    tm kill-server
}
at_end() {
    screen | tail -1 | grep -qE '(End|All) *$'
}
opens "Kestra" "$T/oneline.txt"
opens "Line 0 of" "$T/lines.txt"
opens "Dahl said" "$T/quotes.txt"
opens "Dahl said" "$T/nested.txt"
opens "Mayor" "$T/invalid.txt"
opens "Mayor" "$T/bom.txt"
opens "Bridge opens" "$T/crlf.txt"
opens "Premier" "$T/fewnul.txt"
opens "" "$latin"
opens "Bridge opens" --theme "$T/bad.theme" "$T/crlf.txt"
grep -q "bad.theme:2:" "$E2E_TMP/stderr.txt" || fail "bad theme lines not reported after the reader"

# A damaged state file: a warning after the reader, and a good file written in its place.
mkdir -p "$XDG_STATE_HOME/lede"
printf 'lede-state 1\nnot a position\n' >"$XDG_STATE_HOME/lede/positions"
opens "Bridge opens" "$T/crlf.txt"
grep -q "damaged" "$E2E_TMP/stderr.txt" || fail "no warning about the damaged state file"
head -1 "$XDG_STATE_HOME/lede/positions" | grep -q "^lede-state 1$" || fail "state file not rewritten"
# A state file that cannot be read (a directory): the reader still works.
rm -f "$XDG_STATE_HOME/lede/positions"
mkdir "$XDG_STATE_HOME/lede/positions"
opens "Bridge opens" "$T/crlf.txt"
test "$(grep -c '^lede: ' "$E2E_TMP/stderr.txt")" -ge 1 || fail "unreadable state file not reported"
rmdir "$XDG_STATE_HOME/lede/positions"

# Signals while a 10 MB line is open and while searching: lede ends, terminal restored.
start 80 24 "$T/oneline.txt"
wait_for "Kestra" 30
keys G
kill -TERM "$(lede_pid)"
wait_exit 10
case $E2E_RC in 0 | 143) ;; *) fail "exit status $E2E_RC after SIGTERM on the big file" ;; esac
terminal_restored || fail "terminal not restored after SIGTERM on the big file"
tm kill-server

start 80 24 "$T/lines.txt"
wait_for "Line 0 of"
keys /
keys -l "Line 9999"
for w in 30 120 15 1 200 40 80; do
    resize "$w" $((w / 4 + 2))
done
resize 80 24
keys Enter
wait_for "Line 9999"
keys C-c
wait_exit 10
case $E2E_RC in 0 | 130) ;; *) fail "exit status $E2E_RC after Ctrl-C while searching" ;; esac
terminal_restored || fail "terminal not restored after Ctrl-C while searching"
echo "ok: badinput"
