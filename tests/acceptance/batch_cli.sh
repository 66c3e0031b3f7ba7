#!/usr/bin/env bash
# Batch mode of polcmp classify and compare: a directory walked in path order (only policy
# extensions, no hidden files), a path list and JSON Lines on stdin (a broken line reported by
# its number, the others processed), the same output for --jobs 1 and --jobs 4, a bad file
# skipped with exit 2, corpus compare (per-policy lines, a gap judged against the corpus, a
# summary), nothing on stderr when it is not a terminal and a progress line when it is, and
# memory that does not grow with the number of files.
set -euo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
data=$src/tests/data/batch
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
files_of() { python3 -c 'import json,sys
seen=[]
for l in sys.stdin:
    f=json.loads(l)["file"]
    if not seen or seen[-1]!=f: seen.append(f)
print(" ".join(seen))'; }

# 1. A directory: the three policies in path order; notes.csv and .hidden.txt are left out.
"$bin" classify --jobs 2 "$data" > "$tmp/dir.jsonl" 2> "$tmp/dir.err"
got=$(files_of < "$tmp/dir.jsonl")
check "directory walk order: $got" \
    test "$got" = "$data/a-shop.txt $data/sub/b-club.md $data/sub/c-forum.html"
check "stderr is quiet when it is not a terminal" test ! -s "$tmp/dir.err"
# The retention clause of a-shop is labelled as such (what the fixture says).
check "a-shop retention clause" grep -q '"text":"We retain order records for 90 days and then delete them.","labels":\[{"category":"retention"' "$tmp/dir.jsonl"

# 2. The same paths as a list on stdin give the same output.
printf '%s\n' "$data/a-shop.txt" "$data/sub/b-club.md" "" "$data/sub/c-forum.html" |
    "$bin" classify - > "$tmp/list.jsonl"
check "path list on stdin equals the directory run" cmp -s "$tmp/dir.jsonl" "$tmp/list.jsonl"

# 3. JSON Lines on stdin: a text object, a broken line, a path object with an extra field.
{
    echo '{"id":"t1","text":"We retain chat logs for 30 days.","vendor":"acme"}'
    echo '{"text": "unterminated'
    echo "{\"path\":\"$data/a-shop.txt\",\"vendor\":\"lantern\"}"
} > "$tmp/in.jsonl"
set +e
"$bin" classify --jobs 3 - < "$tmp/in.jsonl" > "$tmp/obj.jsonl" 2> "$tmp/obj.err"
rc=$?
set -e
check "broken JSON line: exit 2 (got $rc)" test "$rc" -eq 2
check "broken JSON line reported with its number" grep -q '^polcmp: -:2:' "$tmp/obj.err"
python3 - "$tmp/obj.jsonl" <<'PY' || fail=1
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
first = lines[0]
ok = first.get("id") == "t1" and first.get("vendor") == "acme" and \
     [l["category"] for l in first["labels"]] == ["retention"]
ok = ok and len(lines) == 4  # the text, then a-shop's three clauses
ok = ok and all(l.get("vendor") == "lantern" and "path" not in l for l in lines[1:])
if not ok:
    print("FAIL: JSON Lines objects on stdin:", lines[:2], file=sys.stderr)
    sys.exit(1)
PY

# 4. --jobs 1 and --jobs 4 give identical output on a larger corpus (mixed formats).
mkdir -p "$tmp/many"
for i in $(seq -w 1 15); do
    for f in "$src"/examples/0*; do cp "$f" "$tmp/many/$i-$(basename "$f")"; done
done
"$bin" classify --jobs 1 "$tmp/many" > "$tmp/j1.jsonl"
"$bin" classify --jobs 4 "$tmp/many" > "$tmp/j4.jsonl"
check "--jobs 1 and --jobs 4 outputs are identical" cmp -s "$tmp/j1.jsonl" "$tmp/j4.jsonl"
check "every file of the corpus is in the output" \
    test "$(files_of < "$tmp/j4.jsonl" | wc -w)" -eq 90
# Files of a directory are matched in groups; paths read from stdin one by one: the same.
(cd "$tmp/many" && LC_ALL=C ls | sed "s|^|$tmp/many/|") | "$bin" classify --jobs 1 - > "$tmp/alone.jsonl"
check "files matched in groups and one by one give identical output" \
    cmp -s "$tmp/j1.jsonl" "$tmp/alone.jsonl"
"$bin" compare --jobs 1 "$tmp/many" > "$tmp/c1.jsonl"
"$bin" compare --jobs 4 "$tmp/many" > "$tmp/c4.jsonl"
check "compare: --jobs 1 and --jobs 4 outputs are identical" cmp -s "$tmp/c1.jsonl" "$tmp/c4.jsonl"

# 5. A bad file (binary) among good ones: reported by name, skipped, the rest written, exit 2.
mkdir -p "$tmp/bad"
cp "$data/a-shop.txt" "$tmp/bad/1-good.txt"
printf 'PK\003\004\000\000\000binary\000\001\002' > "$tmp/bad/2-broken.txt"
cp "$data/sub/b-club.md" "$tmp/bad/3-good.md"
set +e
"$bin" classify --jobs 2 "$tmp/bad" > "$tmp/bad.jsonl" 2> "$tmp/bad.err"
rc=$?
set -e
check "bad file: exit 2 (got $rc)" test "$rc" -eq 2
check "bad file named on stderr" grep -q "2-broken.txt" "$tmp/bad.err"
check "good files still written" \
    test "$(files_of < "$tmp/bad.jsonl")" = "$tmp/bad/1-good.txt $tmp/bad/3-good.md"

# 6. Corpus compare: retention is covered by a-shop and b-club (2 of 3), so c-forum has a gap
#    on it; security is covered by one policy only, so nobody has a gap on it.
"$bin" compare "$data" > "$tmp/cmp.jsonl"
python3 - "$tmp/cmp.jsonl" <<'PY' || fail=1
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
kinds = [l["type"] for l in lines]
errors = []
if kinds[:3] != ["policy"] * 3 or kinds[-1] != "summary":
    errors.append(f"line types {kinds}")
pol = {l["policy"]: l for l in lines if l["type"] == "policy"}
if "retention" not in pol["a-shop"]["covered"] or "retention" in pol["c-forum"]["covered"]:
    errors.append("coverage of retention")
gaps = [(l["policy"], l["category"]) for l in lines if l["type"] == "gap"]
if ("c-forum", "retention") not in gaps:
    errors.append(f"no retention gap for c-forum: {gaps}")
if any(c == "security" for _, c in gaps):
    errors.append(f"a gap on security, which only one policy covers: {gaps}")
s = lines[-1]
share = {c["category"]: c["share"] for c in s["coverage"]}
if s["policies"] != 3 or abs(share["retention"] - 2 / 3) > 1e-6 or s["findings"]["gap"] != len(gaps):
    errors.append(f"summary {s['policies']} {share.get('retention')} {s['findings']}")
attrs = {a["normalized"] for a in pol["a-shop"]["attributes"]}
if "90 days" not in attrs:
    errors.append(f"a-shop attributes {attrs}")
if errors:
    print("FAIL: corpus compare:", errors, file=sys.stderr)
    sys.exit(1)
PY
set +e
"$bin" compare --format md "$data" > /dev/null 2> "$tmp/fmt.err"
rc=$?
set -e
check "batch compare refuses a table format (exit 2, got $rc)" test "$rc" -eq 2

# 7. On a terminal (script(1) gives one) a progress line is drawn with \r, with the total:
#    counted in advance for files and directories, unknown for "-"; with --color=never it
#    holds no escape sequence. Off a terminal nothing but the output is printed.
if command -v script > /dev/null; then
    script -qc "'$bin' classify --jobs 2 '$data/a-shop.txt' '$data/sub/b-club.md' > /dev/null" \
        /dev/null > "$tmp/tty.out" < /dev/null || true
    check "progress line on a terminal" grep -q $'\rpolcmp: [0-9]*/2 policies, [0-9.]* MB/s' \
        "$tmp/tty.out"
    script -qc "'$bin' compare --color=never --jobs 1 '$data' > /dev/null" /dev/null \
        > "$tmp/tty-dir.out" < /dev/null || true
    check "a directory's total counted in advance" grep -q $'\rpolcmp: [0-9]*/3 policies' \
        "$tmp/tty-dir.out"
    check "no escape sequence with --color=never" test "$(grep -c $'\e' "$tmp/tty-dir.out")" = 0
    script -qc "ls '$data'/*.txt | '$bin' classify - > /dev/null" /dev/null \
        > "$tmp/tty-stdin.out" < /dev/null || true
    check "no total for standard input" grep -q $'\rpolcmp: [0-9]* policies, [0-9.]* MB/s' \
        "$tmp/tty-stdin.out"
else
    echo "skipped the progress check: script(1) is missing"
fi
"$bin" classify --jobs 2 "$data" > /dev/null 2> "$tmp/notty.err"
check "no progress line off a terminal" test ! -s "$tmp/notty.err"

# 8. Memory does not grow with the number of files: 400 files against 40.
if [ -x /usr/bin/time ]; then
    mkdir -p "$tmp/m40" "$tmp/m400"
    for i in $(seq -w 1 400); do
        f=$(ls "$src"/examples/0* | sed -n "$(( (10#$i % 6) + 1 ))p")
        cp "$f" "$tmp/m400/$i-$(basename "$f")"
        [ "$((10#$i))" -le 40 ] && cp "$f" "$tmp/m40/$i-$(basename "$f")"
    done
    # No ASan quarantine (a sanitizer build keeps freed memory), so RSS shows what is live.
    rss() { ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0 /usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null 2>&1; cat "$tmp/rss"; }
    for cmd in classify compare; do
        r40=$(rss "$bin" $cmd --jobs 2 "$tmp/m40")
        r400=$(rss "$bin" $cmd --jobs 2 "$tmp/m400")
        echo "$cmd max RSS: 40 files ${r40} KB, 400 files ${r400} KB"
        check "$cmd: RSS for 400 files ($r400 KB) within 25% + 2 MB of 40 files ($r40 KB)" \
            test "$r400" -le $(( r40 * 5 / 4 + 2048 ))
    done
else
    echo "skipped the memory check: /usr/bin/time is missing"
fi

exit $fail
