#!/usr/bin/env bash
# eval_bar.sh: the default taxonomy must reach the quality bar on the OPP-115 validation split
# (macro-F1 and micro-F1 at least 0.70, every category's F1 at least 0.50). Skipped (77) when
# the shared material is absent; eval's exit status is passed through.
set -u
gold="${POLCMP_SHARED:-}/opp115/validation.jsonl"
if [ ! -f "$gold" ]; then
    echo "skip: $gold not found" >&2
    exit 77
fi
"$POLCMP_BIN" eval --require macro=0.70,micro=0.70,min=0.50 "$gold"
