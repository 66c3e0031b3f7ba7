#!/usr/bin/env bash
# The local form of the corpus recipe in docs/corpus.md: split the path list into chunks, run
# `polcmp classify -` on each chunk in parallel (xargs -P, as GNU parallel or a cluster would
# on many machines), concatenate the chunk outputs in chunk order, and check the result equals
# one `polcmp classify` run over the whole directory. Then the streaming form of the same
# sweep: {"path":..} JSON Lines piped through `polcmp classify -`. GNU parallel is used as
# well when it is installed.
set -euo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C # path order is byte order, as polcmp walks directories

mkdir -p "$tmp/corpus" "$tmp/chunks"
for i in $(seq -w 1 20); do
    for f in "$src"/examples/0*; do cp "$f" "$tmp/corpus/$i-$(basename "$f")"; done
done
cp "$src"/tests/data/batch/a-shop.txt "$tmp/corpus/zz-shop.txt"

# The reference: one run over the directory.
"$bin" classify --jobs 2 "$tmp/corpus" > "$tmp/single.jsonl"

# The recipe: a sorted path list, chunks of 16 paths, four chunks at a time.
find "$tmp/corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort \
    > "$tmp/paths"
split -l 16 -d -a 4 "$tmp/paths" "$tmp/chunks/part."
ls "$tmp"/chunks/part.* | xargs -P 4 -I{} sh -c '"$0" classify --jobs 1 - < "$1" > "$1.out"' \
    "$bin" {}
cat "$tmp"/chunks/part.*.out > "$tmp/merged.jsonl"

fail=0
if ! cmp -s "$tmp/single.jsonl" "$tmp/merged.jsonl"; then
    echo "FAIL: chunked sweep differs from one run" >&2
    fail=1
fi
lines=$(wc -l < "$tmp/single.jsonl")
if [ "$lines" -lt 121 ]; then
    echo "FAIL: only $lines lines for 121 policies" >&2
    fail=1
fi

# The streaming form (a Hadoop or Spark step): JSON Lines in, JSON Lines out.
python3 -c 'import json,sys
for p in sys.stdin: print(json.dumps({"path": p.rstrip("\n")}))' < "$tmp/paths" |
    "$bin" classify - > "$tmp/stream.jsonl"
if ! cmp -s "$tmp/single.jsonl" "$tmp/stream.jsonl"; then
    echo "FAIL: {\"path\"} JSON Lines through classify - differ from one run" >&2
    fail=1
fi

if command -v parallel > /dev/null; then
    parallel --will-cite --pipe -N 16 -k "$bin" classify --jobs 1 - < "$tmp/paths" \
        > "$tmp/parallel.jsonl"
    if ! cmp -s "$tmp/single.jsonl" "$tmp/parallel.jsonl"; then
        echo "FAIL: GNU parallel --pipe sweep differs from one run" >&2
        fail=1
    fi
else
    echo "GNU parallel not installed: its form of the recipe was not run"
fi
exit $fail
