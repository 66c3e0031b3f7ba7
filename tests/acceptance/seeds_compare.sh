#!/usr/bin/env bash
# polcmp compare on the five seed policies in ../shared (skipped when it is absent): the
# findings a careful reader of those policies expects. What is expected was read off the
# policies themselves, not off polcmp's output.
set -euo pipefail
bin=${POLCMP_BIN:?}
seeds=${POLCMP_SHARED:-}/seeds
if [ ! -d "$seeds" ]; then
  echo "skipped: no seed policies at $seeds"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" compare --regime gdpr --format json -o "$out" "$seeds"/*.txt

python3 - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [p["id"] for p in d["policies"]]
fail = []
def check(ok, what):
    if not ok: fail.append(what)
def pid(prefix):
    return next(i for i in ids if i.startswith(prefix))
def findings(kind, policy=None):
    return [f for f in d["findings"] if f["kind"] == kind and (policy is None or policy in f["policies"])]
def values(policy, attribute):
    return {a["normalized"] for a in d["attributes"] if a["policy"] == policy and a["attribute"] == attribute}

check(len(ids) == 5, f"five policies, got {ids}")
# 004 keeps log files for 90 days; 000 answers in 30 working days, 004 in 15 working days.
check("90 days" in values(pid("004"), "retention-period"), "004: retention 90 days")
# 004 also lists periods per kind of data: 30 days for accounts and two years for orders.
check({"30 days", "730 days"} <= values(pid("004"), "retention-period"),
      "004: the listed retention periods")
check("15 working days" in values(pid("004"), "response-deadline"), "004: 15 working days")
check("30 working days" in values(pid("000"), "response-deadline"), "000: 30 working days")
check(any(f.get("attribute") == "response-deadline" for f in findings("disagreement")),
      "a disagreement on the response deadline")
# 001 says nothing about how long it keeps data: under GDPR that is a missing disclosure.
check(any(f["category"] == "retention" for f in findings("missing-required", pid("001"))),
      "001: missing-required on retention")
# 002 names no controller beyond an e-mail address and leaves its contact slot unfilled.
check(any("[Your company name" in f["message"] for f in findings("placeholder", pid("002"))),
      "002: the unfilled contact placeholder")
# 002 also leaves a template note in brackets in one of its headings.
check(any(f.get("sections") for f in findings("placeholder", pid("002"))),
      "002: the template note in a heading")
# 001 ends its contact section with a lead-in to contact means that never come.
check(findings("incomplete", pid("001")), "001: the contact lead-in followed by nothing")
# 002 repeats the sentence about the customer linking service word for word.
check(any("customer linking service" in f["message"] for f in findings("duplicate", pid("002"))),
      "002: the repeated sentence")
# 000 takes consent from mere use of the site.
check(findings("vague", pid("000")), "000: consent inferred from use")
# 001 never says it sells, and never contradicts itself.
check(not findings("contradiction", pid("001")), "001: no contradiction")
# Every finding shows its evidence.
for f in d["findings"]:
    check(f["clauses"] or f.get("sections") or f["kind"] in ("gap", "missing-required"),
          f"evidence: {f['message']}")
if fail:
    print("\n".join(fail)); sys.exit(1)
print(f"seeds: {len(d['findings'])} findings, the expected ones among them")
PY
