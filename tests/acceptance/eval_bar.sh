#!/usr/bin/env bash
# eval_bar.sh: the default taxonomy with its model must keep the quality bar on the OPP-115
# validation split (the classifier polcmp uses: the model and the rules combined, ten
# categories), and the rules alone must keep theirs. Skipped (77) when the shared material is
# absent; eval's exit status is passed through.
set -u
gold="${POLCMP_SHARED:-}/opp115/validation.jsonl"
if [ ! -f "$gold" ]; then
    echo "skip: $gold not found" >&2
    exit 77
fi
"$POLCMP_BIN" eval --worst 0 --require macro=0.78,micro=0.79,min=0.60 "$gold" || exit $?
"$POLCMP_BIN" eval --no-model --worst 0 --require macro=0.75,micro=0.72,min=0.58 "$gold"
