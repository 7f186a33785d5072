#!/usr/bin/env bash
# Reproducible model: retrains the entity tagger from ../shared/eval/conll2003/train with
# lede-train (beside the lede binary) and requires a model byte-identical to the one the
# binary embeds (src/models/ner.model). Skipped without ../shared/eval.
set -u
: "${LEDE:?path of the lede binary}" "${LEDE_SRC:?source tree}"
train=${LEDE_SHARED:-$LEDE_SRC/../shared}/eval/conll2003/train
trainer=$(dirname "$LEDE")/lede-train
if [ ! -d "$train" ]; then
    echo "skipped: no training data at $train (it lives beside the checkout in ../shared)"
    exit 77
fi
[ -x "$trainer" ] || { echo "no trainer at $trainer"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$trainer" -o "$tmp/ner.model" "$train" || exit 1
if ! cmp "$tmp/ner.model" "$LEDE_SRC/src/models/ner.model"; then
    echo "retrained model differs from src/models/ner.model: retrain and commit it (see README)"
    exit 1
fi
# The model file loads as --model, and gives what the built-in one gives.
"$LEDE" --json --model "$tmp/ner.model" "$LEDE_SRC/src/sample/article.txt" >"$tmp/a.json" || exit 1
"$LEDE" --json "$LEDE_SRC/src/sample/article.txt" >"$tmp/b.json" || exit 1
cmp "$tmp/a.json" "$tmp/b.json" || { echo "--model output differs from the built-in model's"; exit 1; }
echo "ok: retrained model is byte-identical ($(wc -c <"$tmp/ner.model") bytes)"
