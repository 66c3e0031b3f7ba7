#!/usr/bin/env bash
# model_cli.sh: the learned model through the command line, on training data this script
# writes: `polcmp train` writes a model, `classify` shows each label's "model" object (score,
# threshold, n-grams) and `--no-model` leaves it out, `eval` shows rules, model and combined,
# and a model file that is corrupt, truncated or for another taxonomy is refused with one line
# naming the file and exit status 2, no crash.
set -u
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
tax=$src/tests/data/model/mini.yaml
fail=0
python3 - "$tmp/gold.jsonl" <<'PY'
import json, sys
rows = []
for d in ["email address", "name", "phone number", "postal address", "location", "payment details"]:
    rows.append({"policy": "p" + d[:2], "text": "We collect your %s when you sign up." % d, "labels": ["First Party Collection/Use"]})
    rows.append({"policy": "p" + d[:2], "text": "We protect your %s with encryption." % d, "labels": ["Data Security"]})
    rows.append({"policy": "p" + d[:2], "text": "Your %s is stored for 90 days, then deleted." % d, "labels": ["Data Retention"]})
    rows.append({"policy": "p" + d[:2], "text": "We keep you informed about the %s page." % d, "labels": []})
open(sys.argv[1], "w").write("".join(json.dumps(r) + "\n" for r in rows))
PY
"$bin" train --taxonomy "$tax" --set min_df=1,folds=3 -o "$tmp/m.model" "$tmp/gold.jsonl" \
    2>"$tmp/err" || { echo "FAIL: train"; cat "$tmp/err"; exit 1; }
printf 'Storage\n\nYour email address is stored for 90 days, then deleted.\n' > "$tmp/p.txt"
"$bin" classify --taxonomy "$tax" --model "$tmp/m.model" "$tmp/p.txt" > "$tmp/with.jsonl" || fail=1
"$bin" classify --taxonomy "$tax" --no-model "$tmp/p.txt" > "$tmp/without.jsonl" || fail=1
python3 - "$tmp/with.jsonl" "$tmp/without.jsonl" <<'PY' || fail=1
import json, sys
with_ = [json.loads(l) for l in open(sys.argv[1])]
without = [json.loads(l) for l in open(sys.argv[2])]
labels = [l for c in with_ for l in c["labels"]]
ret = [l for l in labels if l["category"] == "retention"]
assert ret, "no retention label with the model: %r" % labels
m = ret[0]["model"]
assert m["class"] == "Data Retention" and m["score"] >= m["threshold"], m
assert m["ngrams"] and all(len(g["span"]) == 2 and g["text"] for g in m["ngrams"]), m
assert ret[0]["rules"] == [] and ret[0]["spans"], ret[0]
assert all("overruled" in c for c in with_)
assert not any("model" in l for c in without for l in c["labels"]), without
assert not any("overruled" in c for c in without)
PY
"$bin" eval --taxonomy "$tax" --model "$tmp/m.model" --worst 0 "$tmp/gold.jsonl" > "$tmp/eval" || fail=1
grep -q "rules.*model.*combined" "$tmp/eval" || { echo "FAIL: eval shows no side-by-side table"; fail=1; }
grep -q "^twelve classes" "$tmp/eval" || { echo "FAIL: eval shows no twelve-class table"; fail=1; }
# refused files: one line naming the file, exit 2
head -c 300 "$tmp/m.model" > "$tmp/short.model"
python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[-5]^=0x40; open(sys.argv[2],'wb').write(b)" "$tmp/m.model" "$tmp/flip.model"
for bad in short flip; do
    "$bin" classify --taxonomy "$tax" --model "$tmp/$bad.model" "$tmp/p.txt" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" != 2 ] || [ "$(wc -l < "$tmp/err")" != 1 ] || ! grep -q "$bad.model" "$tmp/err" || [ -s "$tmp/out" ]; then
        echo "FAIL: $bad.model: exit $rc, stderr:"; cat "$tmp/err"; fail=1
    fi
done
"$bin" classify --model "$tmp/m.model" "$tmp/p.txt" >"$tmp/out" 2>"$tmp/err"
if [ $? != 2 ] || ! grep -q "trained for taxonomy 'mini-model-test'" "$tmp/err"; then
    echo "FAIL: a model for another taxonomy was not refused:"; cat "$tmp/err"; fail=1
fi
[ $fail = 0 ] && echo "ok: train, classify with and without the model, eval, refused files"
exit $fail
