#!/usr/bin/env bash
# --json escaping, byte for byte: the file name is written as the "source" string, so
# names with control characters, quotes, backslashes and invalid UTF-8 exercise every
# escape of the hand-written JSON writer (src/cli_json.c).
set -u
: "${LEDE:?path of the lede binary}"
case $LEDE in /*) ;; *) LEDE=$PWD/$LEDE ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

printf 'The harbour opened on Monday, and Mayor Elena Ruiz cut the ribbon.\n' >"$tmp/text"

# expect NAME SOURCE: lede --json on a file called NAME writes "source":SOURCE.
expect() {
    local name=$1 want=$2 path out
    path="$tmp/$name"
    cp "$tmp/text" "$path"
    out=$(cd "$tmp" && "$LEDE" --json "$name" 2>&1)
    local got=${out#\{\"lede\":1,\"source\":}
    got=${got%%,\"bytes\":*}
    if [ "$got" = "$want" ]; then ok; else bad "$(printf '%q' "$name"): want $want, got $got"; fi
    if python3 -c 'import json,sys; json.loads(sys.stdin.read())' <<<"$out" 2>/dev/null; then ok; else
        bad "$(printf '%q' "$name"): not valid JSON"; fi
}

expect 'plain.txt' '"plain.txt"'
expect 'say "hi".txt' '"say \"hi\".txt"'
expect 'back\slash.txt' '"back\\slash.txt"'
expect $'tab\there' '"tab\there"'
expect $'line\nend' '"line\nend"'
expect $'cr\rend' '"cr\rend"'
expect $'bs\bff\f' '"bs\bff\f"'
expect $'esc\x1b[1m' '"esc\u001B[1m"'
expect $'ctl\x01\x1f\x7f' '"ctl\u0001\u001F\u007F"'
expect $'caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d' $'"caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d"'
expect $'latin\xe9' $'"latin\xef\xbf\xbd"'
expect $'cut\xe2\x80' $'"cut\xef\xbf\xbd\xef\xbf\xbd"'
expect $'surrogate\xed\xa0\x80' $'"surrogate\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"'
expect $'overlong\xc0\xaf' $'"overlong\xef\xbf\xbd\xef\xbf\xbd"'
expect $'c1\xc2\x9b1m\xc2\x80\xc2\x9f' '"c1\u009B1m\u0080\u009F"'
expect $'csi\x9b1m' $'"csi\xef\xbf\xbd1m"'
expect $'rlo\xe2\x80\xaeabc\xe2\x81\xa9\xe2\x80\x8f' $'"rlo\\u202Eabc\\u2069\xe2\x80\x8f"'
expect $'emoji\xf0\x9f\x98\x80' $'"emoji\xf0\x9f\x98\x80"'
expect $'fffd\xef\xbf\xbd' $'"fffd\xef\xbf\xbd"'
expect $'mix"\\\x02\xff!' $'"mix\\"\\\\\\u0002\xef\xbf\xbd!"'

echo "json_escape: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
