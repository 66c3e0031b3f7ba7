#!/usr/bin/env bash
# model_retrain.sh: the committed model is what `polcmp train` makes from the OPP-115 training
# split with the default settings: retraining gives the same bytes (training is deterministic
# and the model matches the taxonomy and the code). Skipped (77) without the shared material.
set -u
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
gold="${POLCMP_SHARED:-}/opp115/train.jsonl"
if [ ! -f "$gold" ]; then
    echo "skip: $gold not found" >&2
    exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
"$bin" train -o "$tmp/privacy.model" "$gold" || { echo "FAIL: polcmp train failed"; exit 1; }
if ! cmp -s "$tmp/privacy.model" "$src/taxonomy/privacy.model"; then
    echo "FAIL: taxonomy/privacy.model differs from a model retrained from $gold;"
    echo "      rebuild it: polcmp train -o taxonomy/privacy.model ../shared/opp115/train.jsonl"
    head -5 "$tmp/privacy.model" | diff - <(head -5 "$src/taxonomy/privacy.model")
    exit 1
fi
echo "ok: retraining gives taxonomy/privacy.model byte for byte"
