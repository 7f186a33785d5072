#!/usr/bin/env bash
# The command line without a terminal: --json, --entities, printing, errors, exit codes.
set -u
: "${LEDE:?path of the lede binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# Runs lede with args; sets out, err, rc.
run() { out=$("$LEDE" "$@" 2>"$tmp/err" </dev/null); rc=$?; err=$(cat "$tmp/err"); }

# An error: exit status $1, one stderr line starting "lede:" that contains $2.
expect_error() {
    local status=$1 words=$2; shift 2
    run "$@"
    check "$* exits $status (got $rc)" test "$rc" -eq "$status"
    check "$* says '$words' (got '$err')" grep -q "^lede: .*$words" <<<"$err"
    check "$* prints one line" test "$(wc -l <<<"$err")" -eq 1
}

cat >"$tmp/a.txt" <<'TXT'
World
Harbour deal signed after long talks

Mayor Elena Ruiz signed the harbour deal in Valparaíso on Tuesday. “This is a good day for the port,” Ruiz said.

Dock workers of the Pacific Stevedores Union welcomed it. “We waited ten years,” said union leader Tomás Vidal.
TXT

# --json: valid JSON, the schema, and spans that hold what they claim.
run --json "$tmp/a.txt"
check "--json exits 0" test "$rc" -eq 0
printf '%s' "$out" >"$tmp/out.json"
cat >"$tmp/check.py" <<'PY'
import json, sys
doc = json.load(open(sys.argv[2]))
data = open(sys.argv[1], "rb").read()
assert doc["lede"] == 1 and doc["bytes"] == len(data), doc
ents = doc["entities"]
assert [e["id"] for e in ents] == list(range(len(ents)))
names = {e["name"]: e for e in ents}
ruiz = names["Elena Ruiz"]
assert ruiz["type"] == "person" and ruiz["role"] == "Mayor", ruiz
for e in ents:
    for s, t in e["mentions"]:
        assert 0 <= s < t <= len(data)
for q in doc["quotes"]:
    s, t = q["span"]
    assert data[s:t].startswith("“".encode()) and data[s:t].endswith("”".encode())
speakers = [ents[q["speaker"]]["name"] for q in doc["quotes"]]
assert speakers == ["Elena Ruiz", "Tomás Vidal"], speakers
src = doc["quotes"][0]["source"]
assert data[src[0]:src[1]] == b"Ruiz"
firsts = [e["mentions"][0][0] for e in ents]
assert firsts == sorted(firsts), "entities in order of first mention"
PY
check "--json schema, speakers and offsets" python3 "$tmp/check.py" "$tmp/a.txt" "$tmp/out.json"

# --entities: a table with people first.
run --entities "$tmp/a.txt"
check "--entities exits 0" test "$rc" -eq 0
check "--entities has a header" grep -q "^TYPE *NAME *ROLE *MENTIONS *QUOTES" <<<"$out"
check "--entities lists people first" test "$(sed -n 2p <<<"$out" | cut -c1-6)" = "person"

# Standard input, and the sample when asked by name.
out=$("$LEDE" --json - <"$tmp/a.txt"); rc=$?
check "--json - reads stdin" test "$rc" -eq 0
check "stdin source is -" grep -q '"source":"-"' <<<"$out"
out=$("$LEDE" <"$tmp/a.txt"); rc=$?
check "piped article printed as is" cmp -s <(printf '%s\n' "$out") "$tmp/a.txt"
out=$("$LEDE" --color=always "$tmp/a.txt"); rc=$?
check "--color=always adds SGR colours" grep -q $'\e\\[' <<<"$out"

# Bad input: one clear line, status 1; usage errors: status 2.
expect_error 1 "no such file" "$tmp/missing.txt"
# A folder opens as the files below it; one with no files is still refused.
mkdir "$tmp/nofiles"
expect_error 1 "is a directory" "$tmp/nofiles"
: >"$tmp/empty.txt"
expect_error 1 "empty input" "$tmp/empty.txt"
printf ' \n\n\t \n' >"$tmp/blank.txt"
expect_error 1 "empty input" "$tmp/blank.txt"
head -c 4096 /dev/urandom | tr -d '\n' | tr '\001-\077' '\000' >"$tmp/bin.dat"
expect_error 1 "not text" "$tmp/bin.dat"
expect_error 2 "unknown option" --frobnicate
expect_error 2 "option needs an argument" --theme
expect_error 2 "color" --color=sometimes "$tmp/a.txt"
expect_error 2 "-x: unknown option" -x "$tmp/a.txt"
expect_error 2 "-q: unknown option" "$tmp/a.txt" -qy
expect_error 2 "--json: option takes no argument" --json=1 "$tmp/a.txt"
expect_error 2 "nosuch: no such theme" --theme nosuch "$tmp/a.txt"
expect_error 2 "nosuch: no such theme" --theme nosuch --json "$tmp/a.txt"
# A theme file in the current folder named without a path is no theme name: lede says
# how to name the file.
printf 'color person red default\n' >"$tmp/here.theme"
(cd "$tmp" && "$LEDE" --theme here.theme --json a.txt >/dev/null 2>"$tmp/err"); rc=$?
check "--theme FILE-here exits 2 (got $rc)" test "$rc" -eq 2
check "--theme FILE-here says ./NAME" grep -qx "lede: here.theme: no such theme (the file here is --theme ./here.theme)" "$tmp/err"
out=$("$LEDE" </dev/null 2>"$tmp/err"); rc=$?
check "closed stdin is empty input" test "$rc" -eq 1
check "closed stdin message" grep -q "^lede: -: empty input" "$tmp/err"
if [ "$(id -u)" -ne 0 ]; then
    cp "$tmp/a.txt" "$tmp/secret.txt" && chmod 000 "$tmp/secret.txt"
    expect_error 1 "permission denied" "$tmp/secret.txt"
else
    echo "note: running as root, the permission-denied case cannot be made"
fi

# Invalid UTF-8 and NUL bytes still give valid JSON with true offsets.
printf 'Mayor Elena Ruiz \xa3 said \xff\xfe “fine\x00 work,” in Valparaíso.\n' >"$tmp/latin.txt"
run --json "$tmp/latin.txt"
check "invalid UTF-8 exits 0" test "$rc" -eq 0
check "invalid UTF-8 gives JSON" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$out"

# --lexicon adds a user's word lists; a bad line is reported as file:line and skipped.
printf 'The Quillmoor Syndicate met in Brackenfell.\n' >"$tmp/lex.txt"
printf '# mine\n[org]\nQuillmoor Syndicate\n[place]\nBrackenfell\nstray line\n[nonsense]\n' >"$tmp/user.lex"
out=$("$LEDE" --lexicon "$tmp/user.lex" --entities "$tmp/lex.txt" 2>"$tmp/err"); rc=$?
check "--lexicon exits 0" test "$rc" -eq 0
check "--lexicon org" grep -q "^organization *Quillmoor Syndicate" <<<"$out"
check "--lexicon place" grep -q "^place *Brackenfell" <<<"$out"
check "--lexicon reports bad lines" grep -q "user.lex:7:" "$tmp/err"
expect_error 1 "no such file" --lexicon "$tmp/none.lex" "$tmp/lex.txt"

# --model: a missing file, a directory, a text file and a cut model each say so in one
# line (the built-in model, cut short, is what a half-copied file looks like).
expect_error 1 "none.model: no such file" --model "$tmp/none.model" --json "$tmp/lex.txt"
expect_error 1 "is a directory" --model "$tmp" --json "$tmp/lex.txt"
expect_error 1 "not an entity model for this lede" --model "$tmp/lex.txt" --json "$tmp/lex.txt"
head -c 1000 "$LEDE_SRC/src/models/ner.model" >"$tmp/cut.model"
expect_error 1 "cut.model: not an entity model" --model "$tmp/cut.model" --json "$tmp/lex.txt"

# lede never writes to the article.
sum=$(sha256sum "$tmp/a.txt")
"$LEDE" --json "$tmp/a.txt" >/dev/null
"$LEDE" --entities "$tmp/a.txt" >/dev/null
check "the article is unchanged" test "$sum" = "$(sha256sum "$tmp/a.txt")"

# A reader that goes away: no error, no crash.
for i in $(seq 2000); do cat "$tmp/a.txt"; done >"$tmp/long.txt"
"$LEDE" "$tmp/long.txt" 2>"$tmp/err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
check "SIGPIPE: exit 0 (got $rc)" test "$rc" -eq 0
check "SIGPIPE: silent" test ! -s "$tmp/err"

run --version
check "--version" grep -q "^lede [0-9]" <<<"$out"
run --help
check "--help" grep -q "^usage: lede" <<<"$out"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
