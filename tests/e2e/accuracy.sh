#!/usr/bin/env bash
# Accuracy regression check: scores lede on the dev sets of ../shared/eval and fails
# when a figure drops below tests/accuracy-floors.txt. Skipped without ../shared/eval.
set -u
: "${LEDE:?path of the lede binary}" "${LEDE_SRC:?source tree}"
eval_dir=${LEDE_SHARED:-$LEDE_SRC/../shared}/eval
if [ ! -x "$eval_dir/score" ] || [ ! -d "$eval_dir/conll2003/dev" ] || [ ! -d "$eval_dir/bbc/dev" ] ||
    [ ! -d "$eval_dir/polnear/dev" ]; then
    echo "skipped: no gold data at $eval_dir (it lives beside the checkout in ../shared)"
    exit 77
fi
command -v python3 >/dev/null || { echo "skipped: python3 not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$eval_dir/score" ner "$eval_dir/conll2003/dev" --cmd "$LEDE --json" --json >"$tmp/ner.json" || exit 1
"$eval_dir/score" quotes "$eval_dir/polnear/dev" --cmd "$LEDE --json" --json >"$tmp/quotes.json" || exit 1
"$eval_dir/score" quotes "$eval_dir/bbc/dev" --cmd "$LEDE --json" --json >"$tmp/bbcq.json" || exit 1
"$eval_dir/score" ner "$eval_dir/bbc/dev" --cmd "$LEDE --json" --json >"$tmp/bbcn.json" || exit 1
python3 - "$tmp/ner.json" "$tmp/quotes.json" "$LEDE_SRC/tests/accuracy-floors.txt" "$tmp/bbcq.json" "$tmp/bbcn.json" <<'PY'
import json, sys
ner, quotes = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
bbc, bbcn = json.load(open(sys.argv[4])), json.load(open(sys.argv[5]))
got = {"quotes.f1": quotes["f1"], "quotes.source": quotes["source"]["accuracy"],
       "quotes.speaker": quotes["speaker"]["accuracy"],
       "bbc.quotes.f1": bbc["f1"], "bbc.quotes.source": bbc["source"]["accuracy"],
       "bbc.quotes.speaker": bbc["speaker"]["accuracy"],
       "bbc.quotes.resolved": bbc["resolved"]["accuracy"]}
for t in ("person", "place", "organization", "micro"):
    got["ner.%s.f1" % t] = ner["types"][t]["f1"]
    got["ner.bbc.%s.f1" % t] = bbcn["types"][t]["f1"]
passed = failed = 0
floored = set()
for line in open(sys.argv[3]):
    if not line.strip() or line.startswith("#"):
        continue
    key, floor = line.split()
    floored.add(key)
    ok = got[key] + 1e-9 >= float(floor)
    print("%-22s %.3f  floor %.3f  %s" % (key, got[key], float(floor), "ok" if ok else "DROPPED"))
    passed, failed = passed + ok, failed + (not ok)
# Every figure measured has a floor: one added here without a floor would go unguarded.
for key in sorted(set(got) - floored):
    print("%-22s %.3f  no floor in tests/accuracy-floors.txt" % (key, got[key]))
    failed += 1
errors = ner["errors"] + quotes["errors"] + bbc["errors"] + bbcn["errors"]
if errors:
    print("documents with errors: %d" % errors)
    failed += 1
print("accuracy: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
