#!/usr/bin/env bash
# classify's output as it streams: --fields keeps exactly the fields asked for (and the labels
# the full output has, without their spans and n-grams); a policy large enough to be classified
# a window of clauses at a time (over 1 MB: an example repeated) labels every copy of the
# example alike, across window boundaries and list lead-ins before them; an unknown field is a
# usage error.
set -euo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if ! "$@"; then
        echo "FAIL: $what" >&2
        fail=1
    fi
}
ex=$src/examples/01-freshbox.txt

# 1. --fields id,labels: policy, file, clause and labels, the labels those of the full line.
"$bin" classify --jobs 1 "$ex" > "$tmp/full.jsonl"
"$bin" classify --jobs 1 --fields id,labels "$ex" > "$tmp/short.jsonl"
check "--fields id,labels keeps those fields and the full output's labels" python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
full = [json.loads(l) for l in open(d + "/full.jsonl")]
short = [json.loads(l) for l in open(d + "/short.jsonl")]
assert len(full) == len(short) > 20, (len(full), len(short))
labelled = 0
for f, s in zip(full, short):
    assert list(s) == ["policy", "file", "clause", "labels"], list(s)
    assert (s["policy"], s["file"], s["clause"]) == (f["policy"], f["file"], f["clause"])
    want = []
    for l in f["labels"]:
        l = {k: v for k, v in l.items() if k != "spans"}
        if isinstance(l.get("model"), dict):
            l["model"] = {k: v for k, v in l["model"].items() if k != "ngrams"}
        want.append(l)
    assert s["labels"] == want, (s["labels"], want)
    labelled += bool(want)
assert labelled > 10, labelled
PY
size=$(stat -c %s "$tmp/short.jsonl")
full=$(stat -c %s "$tmp/full.jsonl")
check "--fields id,labels is under half the full output ($size of $full bytes)" test $((size * 2)) -lt "$full"

# 2. A policy over 1 MB: every copy of the example after the first is labelled like the second.
for _ in $(seq 300); do cat "$ex"; echo; done > "$tmp/big.txt"
"$bin" classify --jobs 2 "$tmp/big.txt" > "$tmp/big.jsonl"
check "a large policy's copies are classified alike" python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
def norm(v):
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()
                if k not in ("span", "spans", "section", "clause", "start", "end")}
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v
texts = [l["text"] for l in lines]
# the clauses of one copy: the period of the texts after the first copy
p = next(p for p in range(1, len(texts) // 3)
         if texts[p:2 * p] == texts[2 * p:3 * p] and texts[p:3 * p] == texts[2 * p:4 * p])
assert len(lines) > 3 * 4096, len(lines)  # several windows
copies = (len(lines) - p) // p
ref = [norm(l) for l in lines[p:2 * p]]
assert any(l["labels"] for l in ref) and any(l["frames"] for l in ref)
for k in range(1, copies):
    for i in range(p):
        got = norm(lines[p * k + i])
        assert got == ref[i], (p * k + i, got, ref[i])
PY

# 3. Name, path and heading (escaped once and copied onto each line): a path that needs
#    escaping, each line's heading its own section's, also with only some head fields kept.
pol="$tmp/odd \"q\" caf\303\251.txt"
printf 'Information We Gather\n\nWe gather the email address you type in.\n\nWe gather your city.\n\n' > "$pol"
printf 'Who Sees It\n\nWe show your city to couriers only.\n\nNobody else sees your email.\n' >> "$pol"
"$bin" classify --jobs 1 "$pol" > "$tmp/heads.jsonl"
"$bin" classify --jobs 1 --fields heading,text,policy "$pol" > "$tmp/heads2.jsonl"
check "each clause line carries its policy, file and section heading" python3 - "$tmp" "$pol" <<'PY'
import json, os, sys
d, pol = sys.argv[1], sys.argv[2]
lines = [json.loads(l) for l in open(d + "/heads.jsonl", encoding="utf-8")]
assert len(lines) >= 4, len(lines)
for l in lines:
    assert l["file"] == pol, l["file"]
    assert l["policy"] == os.path.splitext(os.path.basename(pol))[0], l["policy"]
    want = "Who Sees It" if ("couriers" in l["text"] or "Nobody" in l["text"]) else "Information We Gather"
    assert l["heading"] == want, (l["text"], l["heading"])
keys = ["policy", "file", "section", "heading", "clause", "start", "end", "text", "labels",
        "attributes", "stances", "overruled", "frames"]
assert all(list(l) == keys for l in lines), [list(l) for l in lines]
assert any(l["labels"] == [] for l in lines) and all(l["stances"] == [] for l in lines)
short = [json.loads(l) for l in open(d + "/heads2.jsonl", encoding="utf-8")]
assert [list(s) for s in short] == [["policy", "heading", "text"]] * len(lines), short[0]
assert [(s["policy"], s["heading"]) for s in short] == [(l["policy"], l["heading"]) for l in lines]
PY

# 4. An unknown field: exit 2, the field named.
rc=0
"$bin" classify --fields id,nope "$ex" > "$tmp/out" 2> "$tmp/err" || rc=$?
check "unknown field: exit 2 (got $rc)" test "$rc" -eq 2
check "unknown field named" grep -q "unknown field 'nope'" "$tmp/err"
check "unknown field: no output" test ! -s "$tmp/out"
exit $fail
