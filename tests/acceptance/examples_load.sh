#!/usr/bin/env bash
# Every bundled example policy loads and segments: `polcmp segment --json FILE` exits 0 and
# prints one valid JSON object of the documented shape with at least 3 clauses in all
# (counted through nested sections).
set -u
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }

examples=(01-freshbox.txt 02-kidquest.md 03-stridely.txt 04-buchhaus.html 05-kamiya.txt
          06-metricly.txt)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# Reads the JSON on stdin; prints the clause count, or an error and exits 1.
check_json='
import json, sys
try:
    doc = json.load(sys.stdin)
except ValueError as e:
    sys.exit("invalid JSON: %s" % e)
if not isinstance(doc, dict) or not isinstance(doc.get("sections"), list):
    sys.exit("no \"sections\" array at the top level")
if doc.get("file") != sys.argv[1]:
    sys.exit("\"file\" is %r, expected %r" % (doc.get("file"), sys.argv[1]))
def count(sections):
    n = 0
    for s in sections:
        for c in s.get("clauses", []):
            if not isinstance(c.get("text"), str) or not c["text"].strip():
                sys.exit("a clause without text: %r" % (c,))
            if not (isinstance(c.get("start"), int) and isinstance(c.get("end"), int)
                    and 0 <= c["start"] < c["end"]):
                sys.exit("a clause with a bad span: %r" % (c,))
            n += 1
        n += count(s.get("sections", []))
    return n
n = count(doc["sections"])
if n < 3:
    sys.exit("only %d clause(s), expected at least 3" % n)
print(n)
'

fail=0
for name in "${examples[@]}"; do
    file=$src/examples/$name
    if [ ! -f "$file" ]; then
        echo "FAIL $name: missing from examples/"; fail=1; continue
    fi
    "$bin" segment --json "$file" >"$tmp/out.json" 2>"$tmp/err.txt"
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $name: exit status $rc: $(head -c 300 "$tmp/err.txt")"; fail=1; continue
    fi
    if ! n=$(python3 -c "$check_json" "$file" <"$tmp/out.json" 2>"$tmp/py.txt"); then
        echo "FAIL $name: $(head -c 300 "$tmp/py.txt")"; fail=1; continue
    fi
    echo "ok   $name: $n clauses"
done
exit $fail
