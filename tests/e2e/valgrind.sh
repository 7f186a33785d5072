#!/usr/bin/env bash
# valgrind.sh - the command line under valgrind memcheck, on the bundled sample and on
# bad inputs: no memory errors, nothing definitely lost, and the usual exit status.
set -u
: "${LEDE:?path of the lede binary}"
src=${LEDE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "skipped: valgrind not installed"
    exit 77
fi
if grep -qa __asan_init "$LEDE"; then
    echo "skipped: $LEDE is built with AddressSanitizer"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config LC_ALL=C.UTF-8
pass=0 fail=0

# memcheck EXPECTED-STATUS ARGS...: runs lede under valgrind with stdin from $stdin.
stdin=/dev/null
memcheck() {
    local want=$1 n=$((pass + fail))
    shift
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --log-file="$tmp/vg$n.log" "$LEDE" "$@" <"$stdin" >/dev/null 2>"$tmp/err$n"
    local rc=$?
    if [ "$rc" -eq "$want" ] && grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg$n.log" &&
        grep -qE "definitely lost: 0 bytes|no leaks are possible" "$tmp/vg$n.log"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: lede $* (stdin $stdin): exit $rc, want $want"
        grep -E "^==[0-9]+== [A-Z ]*(SUMMARY|lost|Invalid|uninit|Conditional)" "$tmp/vg$n.log"
        head -3 "$tmp/err$n"
    fi
}

sample=$src/src/sample/article.txt
memcheck 0 --json "$sample"
memcheck 0 --entities "$sample"
memcheck 0 "$sample"
memcheck 0 --color=always "$sample"
stdin=$sample memcheck 0 --json -
stdin=/dev/null

# Bad inputs end with one line on stderr and status 1 (2 for usage), leaking nothing.
: >"$tmp/empty.txt"
printf 'Mayor Ines Varga \xa3 said \xff\xfe \xe2\x80\x9cfine\x00 work,\xe2\x80\x9d in Kestra.\n' >"$tmp/bad_utf8.txt"
printf '\xe2\x80\x9c%.0s' $(seq 1000) >"$tmp/quotes.txt"
printf 'color person red\ncolor nosuch red\nfrobnicate\ninclude /nonexistent/x.theme\n' >"$tmp/bad.theme"
printf '[first]\nInes\nstray\n[nosuch]\nx\n' >"$tmp/bad.lex"
memcheck 1 "$tmp/missing.txt"
memcheck 1 "$tmp"
memcheck 1 "$tmp/empty.txt"
memcheck 1 /bin/ls
memcheck 1 # closed stdin: empty input
memcheck 0 --json "$tmp/bad_utf8.txt"
memcheck 0 --json "$tmp/quotes.txt"
memcheck 0 --color=always --theme "$tmp/bad.theme" "$sample"
memcheck 0 --lexicon "$tmp/bad.lex" --entities "$sample"
memcheck 1 --lexicon "$tmp/missing.lex" "$sample"
memcheck 2 --frobnicate
memcheck 1 --json "$sample" "$tmp/missing.txt"

echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
