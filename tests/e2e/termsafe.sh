#!/usr/bin/env bash
# termsafe.sh - nothing hostile reaches a terminal by any path: C0/C1 controls (U+009B and
# the raw byte 0x9B, the one-byte CSI), escape sequences (an OSC title from a --lexicon
# value) and bidi overrides (U+202E) in --entities, --color always, TERM=dumb printing,
# stderr messages (file names, bad theme and lexicon lines) and the reader; plain output
# to a non-terminal stays the input byte for byte.
. "$(dirname "$0")/lib.sh"

cd "$E2E_TMP" || exit 1
esc=$'\x1b' osc=$'\x1b]0;pwned\x07' c1=$'\xc2\x9b' raw=$'\x9b' rlo=$'\xe2\x80\xae'
printf 'Harbour news\n\nMayor Ann Lee%s said "we will %s rebuild%s" in Lisbon.\n\nAnn Lee met Bob Tran %s and %s31m Carla Diaz.\n' \
    "$c1" "$rlo" "$esc[2J" "$raw" "$c1" >art.txt
printf '[person]\nAnn Lee = %sAnn Lee\n[title]\nMayor\n[bogus %s]\n' "$osc" "$osc" >lex.txt

# hostile FILE [sgr]: true when FILE holds ESC (with sgr: other than in SGR colours), BEL,
# a C1 control, the raw byte 0x9B or a bidi override (the test texts have no other
# character with a 0x9B byte).
hostile() {
    local data
    if [ "${2:-}" = sgr ]; then
        data=$(LC_ALL=C sed 's/\x1b\[[0-9;]*m//g' "$1" | od -An -tx1 -v | tr '\n' ' ')
    else
        data=$(od -An -tx1 -v <"$1" | tr '\n' ' ')
    fi
    grep -qE '( 1b| 07| 9b| c2 [89][0-9a-f]| e2 80 a[a-e]| e2 81 a[6-9])( |$)' <<<" $data"
}

"$LEDE" --entities --lexicon lex.txt art.txt >ent.out 2>ent.err
grep -q "Ann Lee" ent.out || fail "--entities lost the name: $(cat ent.out)"
! hostile ent.out || fail "--entities printed a control: $(od -c ent.out | head)"
! hostile ent.err || fail "the bad lexicon line reached stderr raw: $(od -c ent.err | head)"
grep -q "lex.txt:5: unknown section" ent.err || fail "no message for the bad section: $(cat ent.err)"

"$LEDE" --color always --lexicon lex.txt art.txt >color.out 2>/dev/null
grep -q $'\x1b\\[' color.out || fail "--color always printed no colours"
! hostile color.out sgr || fail "--color always printed a control: $(od -c color.out | head -20)"

"$LEDE" art.txt >plain.out 2>/dev/null
cmp -s plain.out art.txt || fail "plain output to a file is not the input byte for byte"

"$LEDE" --json --lexicon lex.txt art.txt >json.out 2>/dev/null
! hostile json.out || fail "--json printed a control raw"
python3 -c 'import json,sys; d=json.load(open("json.out")); assert any("\x1b" in e["name"] for e in d["entities"])' ||
    fail "--json lost the escaped name"

"$LEDE" "no${osc}such${c1}file" 2>name.err
! hostile name.err || fail "a file name reached stderr raw"
[ "$(wc -l <name.err)" -eq 1 ] || fail "the file-name error is not one line"

printf 'color person %sred default\ninclude %s\n' "$osc" "$c1" >bad.theme
"$LEDE" --theme ./bad.theme art.txt >/dev/null 2>theme.err
! hostile theme.err || fail "a bad theme line reached stderr raw: $(od -c theme.err | head)"
grep -q "bad.theme:1:" theme.err || fail "no message for the bad theme line"

if command -v script >/dev/null 2>&1; then
    TERM=dumb script -qec "$(printf %q "$LEDE") --lexicon lex.txt art.txt" /dev/null >dumb.out 2>&1
    grep -q "TERM=dumb" dumb.out || fail "TERM=dumb: no note: $(cat dumb.out)"
    grep -q "Lisbon" dumb.out || fail "TERM=dumb: the article was not printed"
    ! hostile dumb.out || fail "TERM=dumb printed a control: $(od -c dumb.out | head -20)"
    # An unknown TERM keeps its clear error, with the variable's value filtered.
    TERM="bogus${osc}" script -qec "$(printf %q "$LEDE") --no-state art.txt" /dev/null >unknown.out 2>&1
    grep -q "cannot use the terminal (TERM=bogus" unknown.out || fail "unknown TERM: $(cat unknown.out)"
    ! hostile unknown.out || fail "unknown TERM: the value reached the terminal raw"
    echo "ok: TERM=dumb prints the article plain, with a note"
else
    echo "skipped part: script(1) not installed (TERM=dumb)"
fi

# The reader: the override and the controls are drawn as U+FFFD.
start 100 20 --lexicon lex.txt art.txt
wait_for "Lisbon"
wait_for $'will \xef\xbf\xbd rebuild'
screen_e >reader.out
! hostile reader.out sgr || fail "the reader drew a control"
keys q
wait_exit
echo "ok: no control reached the terminal by any path"
