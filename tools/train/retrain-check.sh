#!/usr/bin/env bash
# retrain-check.sh TRAINER SRC - retrains the quote ranker from ../shared/eval/polnear/train
# and fails unless the result is byte-identical to SRC/src/models/quotes.model.
set -u
trainer=$1 src=$2
train=${LEDE_SHARED:-$src/../shared}/eval/polnear/train
if [ ! -d "$train" ]; then
    echo "skipped: no gold data at $train (it lives beside the checkout in ../shared)"
    exit 77
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$trainer" "$train" "$tmp" || { echo "FAIL: the trainer failed"; exit 1; }
if ! cmp -s "$tmp" "$src/src/models/quotes.model"; then
    echo "FAIL: retrained model differs from src/models/quotes.model:"
    diff "$src/src/models/quotes.model" "$tmp" | head -20
    exit 1
fi
echo "ok: retrained model is byte-identical"
