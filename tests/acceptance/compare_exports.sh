#!/usr/bin/env bash
# polcmp compare on the bundled examples, every export read back by a real reader (Python's
# json, csv, zipfile and html.parser), the injection defences, --fail-on, and an unwritable
# output path (exit 2, one line naming it, no file left).
set -euo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The examples, plus a hostile policy: a file name that is a formula (it becomes a column
# header) and markup and a formula inside clause text.
cat > "$tmp/=SUM(1+1).txt" <<'POLICY'
Privacy Policy
1. Sharing
<script>alert(1)</script> We never sell your personal information | not ever.
=HYPERLINK("http://evil.example","click") We may sell customer lists to partners.
POLICY
ex=("$src"/examples/0* "$tmp/=SUM(1+1).txt")

"$bin" compare --regime gdpr -o "$tmp/out.json" "${ex[@]}"
for f in csv tsv md html xlsx; do "$bin" compare -o "$tmp/out.$f" "${ex[@]}"; done
for f in md xlsx; do "$bin" compare --regime gdpr -o "$tmp/gdpr.$f" "${ex[@]}"; done

python3 - "$tmp" <<'PY'
import csv, html.parser, json, re, sys, zipfile
d = sys.argv[1]
fail = []
def check(ok, what):
    if not ok: fail.append(what)

j = json.load(open(f"{d}/out.json", encoding="utf-8"))
for key in ("policies", "categories", "cells", "attributes", "findings"):
    check(key in j, f"json: no {key}")
ids = [p["id"] for p in j["policies"]]
check(ids == ["01-freshbox", "02-kidquest", "03-stridely", "04-buchhaus", "05-kamiya",
              "06-metricly", "=SUM(1+1)"], f"json: policy ids {ids}")
check(all(c["status"] in ("covered", "gap") for c in j["cells"]), "json: cell status")
kinds = {f["kind"] for f in j["findings"]}
for k in ("gap", "missing-required", "contradiction", "disagreement"):
    check(k in kinds, f"json: no {k} finding")
for f in j["findings"]:
    check(f["clauses"] or f.get("sections") or f["kind"] in ("gap", "missing-required"),
          f"json: finding without evidence: {f['message']}")
contra = [f for f in j["findings"] if f["kind"] == "contradiction" and f["policies"] == ["01-freshbox"]]
check(len(contra) == 1 and "never sell" in contra[0]["clauses"][0]["text"],
      "json: the planted FreshBox contradiction")
check(not any(f["kind"] == "contradiction" and any("courier" in c["text"] for c in f["clauses"])
              for f in j["findings"]), "json: courier near-miss flagged")

raw = open(f"{d}/out.csv", "rb").read()
check(raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf"),
      "csv: no UTF-8 byte order mark (Excel then misreads non-ASCII text)")
rows = list(csv.reader(open(f"{d}/out.csv", newline="", encoding="utf-8-sig")))
check(rows[0][0] == "Category" and len(rows[0]) == 8, f"csv header {rows[0]}")
cells = [c for r in rows for c in r]
check(not any(c.startswith("=") for c in cells), "csv: a cell starts with =")
check("'=SUM(1+1): Privacy Policy" in rows[0], f"csv: the formula header is not neutralised: {rows[0]}")
check("-" in cells and "'-" not in cells, "csv: the '-' placeholder is prefixed or absent")
tsvraw = open(f"{d}/out.tsv", "rb").read()
check(not tsvraw.startswith(b"\xef\xbb\xbf"), "tsv: starts with a byte order mark")
tsv = [line.split("\t") for line in open(f"{d}/out.tsv", encoding="utf-8").read().splitlines()]
check(all(len(r) in (1, 8, 6) for r in tsv), "tsv: ragged rows")
check(not any(c.startswith("=") for r in tsv for c in r), "tsv: a cell starts with =")

md = open(f"{d}/out.md", encoding="utf-8").read()
check("information \\| not ever" in md, "md: pipe not escaped")
check("<script>" not in md, "md: raw <script>")

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.text = []
    def handle_starttag(self, tag, attrs): self.tags.append(tag)
    def handle_data(self, data): self.text.append(data)
p = P(); p.feed(open(f"{d}/out.html", encoding="utf-8").read())
check("script" not in p.tags and "link" not in p.tags and "img" not in p.tags, "html: active tags")
check(any("<script>" in t for t in p.text), "html: escaped <script> text missing")
page = open(f"{d}/out.html", encoding="utf-8").read()
check(re.search(r'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'', page),
      "html: no Content-Security-Policy forbidding scripts and loads")
check("overflow-wrap:anywhere" in page, "html: long tokens can widen columns off the page")
check("@page{size:landscape" in page, "html: prints in portrait, cutting off policy columns")
check(re.search(r'<th><span class="indent" style="padding-left:1em"></span>[A-Z]', page),
      "html: subcategory indentation collapsed")

z = zipfile.ZipFile(f"{d}/out.xlsx")
names = z.namelist()
check("xl/worksheets/sheet1.xml" in names, f"xlsx: sheets {names}")
sheets = "".join(z.read(n).decode() for n in names if n.startswith("xl/worksheets/sheet"))
strings = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in names else ""
check("<f>" not in sheets, "xlsx: a formula cell")
book = z.read("xl/workbook.xml").decode()
sheet_names = re.findall(r'<sheet name="([^"]*)"', book)
check(sheet_names == ["Matrix", "Stated values", "Findings"], f"xlsx: sheet names {sheet_names}")
check("_xlnm.Print_Titles" in book and "$1:$1" in book, "xlsx: header row not repeated on paper")
check('orientation="landscape"' in sheets, "xlsx: not landscape")
check(sheets.count("<autoFilter") == 3, "xlsx: header rows have no filter")
check(">-</t>" in strings and ">'-</t>" not in strings, "xlsx: the '-' placeholder is prefixed")
check("<pane" in sheets and 'ySplit="1"' in sheets, "xlsx: header row not frozen")
check("'=SUM(1+1)" in strings, "xlsx: the formula header is not neutralised")
check(not re.search(r"<t[^>]*>=", strings), "xlsx: a string starts with =")

# With a regime, the checklist is a table (a sheet) of its own: a requirement on a policy, the
# clause that meets it by number and text, as the JSON's requirements say.
book = zipfile.ZipFile(f"{d}/gdpr.xlsx").read("xl/workbook.xml").decode()
sheet_names = re.findall(r'<sheet name="([^"]*)"', book)
check(sheet_names == ["Matrix", "Stated values", "Findings", "Checklist"],
      f"xlsx with --regime: sheet names {sheet_names}")
md = open(f"{d}/gdpr.md", encoding="utf-8").read()
check("## Checklist" in md, "md with --regime: no checklist")
rows = [[c.strip() for c in line.strip("|").split("|")] for line in
        md.split("## Checklist", 1)[-1].splitlines() if line.startswith("| GDPR")]
reqs = [r for r in j["requirements"] if r["policy"] == "01-freshbox"]
compared = 0
check(len(rows) == len(j["requirements"]), f"md: {len(rows)} checklist rows, json {len(j['requirements'])}")
for r in reqs:
    row = next((x for x in rows if x[1].startswith(r["requirement"] + " ") and x[3] == "01-freshbox"), None)
    ev = next((p["evidence"] for p in r["parts"] if p["evidence"] and "number" in p["evidence"]), None)
    check(row is not None and row[4].startswith(r["status"].replace("-", " ")),
          f"md: checklist row of {r['requirement']}: {row}")
    if row and r["status"] == "met" and ev:
        check(row[5] == str(ev["number"]), f"md: {r['requirement']} met by clause {row[5]}, json {ev['number']}")
        compared += 1
check(compared >= 3, f"md: only {compared} met requirements compared with the json")

if fail:
    print("\n".join(fail)); sys.exit(1)
print("exports read back: json, csv, tsv, md, html, xlsx")
PY

set +e
"$bin" compare --fail-on contradiction "${ex[@]}" >/dev/null
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "--fail-on contradiction: exit $rc, want 1"; exit 1; }

set +e
err=$("$bin" compare -o "$tmp/no/such/dir/out.csv" "${ex[@]}" 2>&1 >/dev/null)
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "unwritable path: exit $rc, want 2"; exit 1; }
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ "$err" == *"$tmp/no/such/dir/out.csv"* ]] \
  || { echo "unwritable path: want one line naming it, got: $err"; exit 1; }
[ -z "$(find "$tmp" -name '.out.csv.*')" ] || { echo "temporary file left behind"; exit 1; }
echo "compare: exports, --fail-on and errors behave"
