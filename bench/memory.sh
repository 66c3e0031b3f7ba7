#!/usr/bin/env bash
# memory.sh [MB] [POLCMP...]: peak memory and time of one large policy (not part of the test
# suite). Writes two policies of about MB megabytes (default 60) under ${TMPDIR:-/tmp}: the
# generated corpus of gen.py joined into one file, and a few sentences repeated (numbered
# clauses under a heading every 50 lines, as the `60mb` row of tests/acceptance/bad_input.sh),
# then runs `compare --format json` and `classify` on each under /usr/bin/time -v with every
# polcmp binary given (default build/polcmp), one after the other, printing the maximum resident
# set size and the wall time; whether the binaries' outputs are byte-identical; deletes it all
# (KEEP=1 keeps the two policies).
set -euo pipefail
mb=${1:-60}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=("$(dirname "$here")/build/polcmp")
work=${TMPDIR:-/tmp}/polcmp-memory
rm -rf "$work" && mkdir -p "$work"
trap '[ "${KEEP:-0}" = 1 ] && rm -rf "$work/out" || rm -rf "$work"' EXIT
python3 "$here/gen.py" "$mb" "$work/corpus" >/dev/null
cat "$work/corpus"/*.txt >"$work/generated.txt" && rm -rf "$work/corpus"
python3 - "$mb" "$work/repeated.txt" <<'PY'
import sys
parts = ["We collect your email address when you register for an account.",
         "We share order details with the courier that delivers your parcel.",
         "You may opt out of marketing messages at any time from your settings.",
         "We keep invoices for seven years because tax law requires it."]
with open(sys.argv[2], "w") as f:
    size, i = 0, 0
    while size < float(sys.argv[1]) * 1024 * 1024:
        s = f"\n{i // 50 + 1}. Part {i // 50 + 1}\n" if i % 50 == 0 else \
            " ".join(parts[(i + k) % 4] for k in range(3)) + f" Clause {i}.\n"
        f.write(s); size += len(s); i += 1
PY
mkdir -p "$work/out"
for policy in generated repeated; do
    for cmd in "compare --format json" classify; do
        first=
        for b in "${bins[@]}"; do
            out="$work/out/$(basename "$b")-$RANDOM"
            # shellcheck disable=SC2086
            /usr/bin/time -v -o "$work/time.txt" "$b" $cmd "$work/$policy.txt" >"$out"
            rss=$(awk -F': ' '/Maximum resident/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
            wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
            same=
            if [ -n "$first" ]; then
                cmp -s "$first" "$out" && same=" (output identical)" || same=" (output DIFFERS)"
                rm -f "$out"
            else
                first=$out
            fi
            echo "$policy $(stat -c %s "$work/$policy.txt") bytes, ${cmd%% *}: $b: ${rss} MB, ${wall}$same"
        done
        rm -f "$first"
    done
done
