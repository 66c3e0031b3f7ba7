#!/usr/bin/env bash
# polcmp compare --review: two small policies (tests/data/review) and a review file written by
# hand; the JSON and CSV exports read back by Python carry the decisions and notes, a relabel
# changes the matrix, a dismissed finding does not trigger --fail-on, an edited clause shows as
# stale, a broken review file is refused (exit 2, one line with file:line:col) and never
# rewritten, and without --review nothing about reviews appears or is written.
set -euo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
data="$src/tests/data/review"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$data/alpha.md" "$data/beta.md" "$data/review.yaml" "$tmp/"
tax=(--taxonomy "$data/taxonomy.yaml")
pols=("$tmp/alpha.md" "$tmp/beta.md")
sum_before=$(sha256sum "$tmp/review.yaml")

"$bin" compare "${tax[@]}" --review "$tmp/review.yaml" -o "$tmp/out.json" "${pols[@]}"
"$bin" compare "${tax[@]}" --review "$tmp/review.yaml" -o "$tmp/out.csv" "${pols[@]}"
"$bin" compare "${tax[@]}" -o "$tmp/plain.json" "${pols[@]}"

# The edited policy: the reviewed clause now says more.
mkdir "$tmp/edited"
sed 's/We never sell your personal information\./We never sell or rent your personal information./' \
    "$data/alpha.md" > "$tmp/edited/alpha.md"
cp "$data/beta.md" "$tmp/edited/"
"$bin" compare "${tax[@]}" --review "$tmp/review.yaml" -o "$tmp/stale.json" \
    "$tmp/edited/alpha.md" "$tmp/edited/beta.md"

python3 - "$tmp" <<'PY'
import csv, json, sys
d = sys.argv[1]
fail = []
def check(ok, what):
    if not ok: fail.append(what)

j = json.load(open(f"{d}/out.json", encoding="utf-8"))
contra = [f for f in j["findings"] if f["kind"] == "contradiction"]
check(len(contra) == 1, f"json: {len(contra)} contradictions")
if contra:
    r = contra[0].get("review")
    check(r == {"status": "dismissed", "note": "The second clause is about a business transfer.",
                "stale": False}, f"json: contradiction review {r}")
others = [f for f in j["findings"] if f["kind"] != "contradiction"]
check(all("review" not in f for f in others), "json: review on an undecided finding")
rev = j.get("review", [])
check(len(rev) == 4, f"json: {len(rev)} decisions")
by_key = {x["key"]: x for x in rev}
never = by_key.get("We never sell your personal information.", {})
check(never.get("status") == "reviewed" and never.get("fit") == "current"
      and never.get("clause") == 2 and never.get("section") == "2. Sharing",
      f"json: never-sell decision {never}")
check(never.get("note") == "Checked with legal: stands as written.", "json: note with a colon")
contact = by_key.get("Write to privacy@alpha.example with any question about this policy.", {})
check(contact.get("labels") == ["security"] and contact.get("fit") == "current",
      f"json: relabel {contact}")
orphan = by_key.get("We send a monthly newsletter to every customer.", {})
check(orphan.get("fit") == "orphan" and orphan.get("policy") == "beta", f"json: orphan {orphan}")
# The relabel made alpha cover Security: its cell is covered by the contact clause (5) and
# the gap finding the plain run has is gone.
cell = [c for c in j["cells"] if c["category"] == "security" and c["policy"] == "alpha"]
check(cell and cell[0]["status"] == "covered" and cell[0]["clauses"] == [5], f"json: cell {cell}")
check(not any(f["kind"] == "gap" and f["category"] == "security" for f in j["findings"]),
      "json: security gap still reported")

p = json.load(open(f"{d}/plain.json", encoding="utf-8"))
check("review" not in p, "plain json has a review array")
check(all("review" not in f for f in p["findings"]), "plain json: review on a finding")
check(any(f["kind"] == "gap" and f["category"] == "security" and f["policies"] == ["alpha"]
          for f in p["findings"]), "plain json: no security gap for alpha")

rows = list(csv.reader(open(f"{d}/out.csv", encoding="utf-8", newline="")))
heads = [r for r in rows if r[:2] == ["Severity", "Kind"]]
check(heads and heads[0][-2:] == ["Review", "Note"], f"csv: findings header {heads}")
crow = [r for r in rows if len(r) > 1 and r[1] == "contradiction"]
check(crow and crow[0][-2:] == ["dismissed", "The second clause is about a business transfer."],
      f"csv: contradiction row {crow}")
notes = [r for r in rows if r and r[0] in ("alpha", "beta") and len(r) == 7]
check(len(notes) == 3, f"csv: {len(notes)} review-note rows")
fits = {r[2]: r[6] for r in notes}
check(fits.get("We send a monthly newsletter to every customer.")
      == "clause no longer in the policy", f"csv: orphan {fits}")
check(any(r[4] == "security" and r[5] == "This mailbox also takes security reports."
          for r in notes), "csv: relabel row")

s = json.load(open(f"{d}/stale.json", encoding="utf-8"))
sk = {x["key"]: x for x in s["review"]}
never = sk.get("We never sell your personal information.", {})
check(never.get("fit") == "stale" and never.get("clause") == 2, f"stale: clause {never}")
sc = [f for f in s["findings"] if f["kind"] == "contradiction"]
check(sc and sc[0].get("review", {}).get("stale") is True, f"stale: finding {sc}")

if fail:
    print("\n".join(fail))
    sys.exit(1)
PY

# --fail-on: the dismissed contradiction does not count; without the review it does; gaps
# nobody dismissed still do.
status() { set +e; "$@" >/dev/null 2>&1; echo $?; set -e; }
test "$(status "$bin" compare "${tax[@]}" --review "$tmp/review.yaml" --fail-on contradiction "${pols[@]}")" = 0
test "$(status "$bin" compare "${tax[@]}" --fail-on contradiction "${pols[@]}")" = 1
test "$(status "$bin" compare "${tax[@]}" --review "$tmp/review.yaml" --fail-on gap "${pols[@]}")" = 1
# Once the clause changed, the dismissal no longer holds.
test "$(status "$bin" compare "${tax[@]}" --review "$tmp/review.yaml" --fail-on contradiction \
    "$tmp/edited/alpha.md" "$tmp/edited/beta.md")" = 1

# compare never writes the review file, and without --review it reads and writes none.
test "$(sha256sum "$tmp/review.yaml")" = "$sum_before"
test ! -e "$tmp/polcmp-review.yaml"

# A broken review file: exit 2, one line naming file:line:col, the file left as it was.
printf 'polcmp-review: 1\ndecisions:\n  - policy: alpha\n    clause: x\n    colour: red\n' \
    > "$tmp/bad.yaml"
cp "$tmp/bad.yaml" "$tmp/bad.orig"
set +e
"$bin" compare "${tax[@]}" --review "$tmp/bad.yaml" "${pols[@]}" >/dev/null 2>"$tmp/err"
rc=$?
set -e
test "$rc" = 2
test "$(wc -l < "$tmp/err")" = 1
grep -q "bad.yaml:5:5: unknown key 'colour'" "$tmp/err"
cmp -s "$tmp/bad.yaml" "$tmp/bad.orig"
# A newer version is refused the same way.
printf 'polcmp-review: 2\ndecisions: []\n' > "$tmp/new.yaml"
set +e
"$bin" compare "${tax[@]}" --review "$tmp/new.yaml" "${pols[@]}" >/dev/null 2>"$tmp/err"
rc=$?
set -e
test "$rc" = 2
grep -q "new.yaml:1:16: .*newer" "$tmp/err"
echo "review exports: ok"
