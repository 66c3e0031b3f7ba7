#!/usr/bin/env bash
# The XLSX and CSV exports opened by LibreOffice (headless): every sheet converts, the sheets
# keep their names, CJK text and the neutralised formula survive as text. Skips (77) without
# soffice.
set -euo pipefail
command -v soffice >/dev/null || { echo "soffice not installed"; exit 77; }
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/=SUM(1+1).txt" <<'POLICY'
Privacy Policy
1. Sharing
=HYPERLINK("http://evil.example","click") We may sell customer lists to partners.
2. お問い合わせ
個人情報の取り扱いに関するお問い合わせは、privacy@example.jp までご連絡ください。
POLICY
"$bin" compare -o "$tmp/out.xlsx" "$src"/examples/0* "$tmp/=SUM(1+1).txt" 2>/dev/null
"$bin" compare -o "$tmp/out.csv" "$src"/examples/0* "$tmp/=SUM(1+1).txt" 2>/dev/null
csvout='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
(cd "$tmp" && HOME="$tmp" soffice --headless --convert-to "$csvout" --outdir lo out.xlsx \
  >/dev/null 2>&1)
for s in Matrix "Stated values" Findings; do
  [ -s "$tmp/lo/out-$s.csv" ] || { echo "xlsx: sheet $s did not open"; exit 1; }
done
grep -q "'=SUM(1+1): Privacy Policy" "$tmp/lo/out-Matrix.csv" \
  || { echo "xlsx: the formula header was not kept as text"; exit 1; }
grep -q "個人情報" "$tmp/out.csv" || { echo "the CJK clause is in no table"; exit 1; }
cat "$tmp"/lo/out-*.csv | grep -q "個人情報" || { echo "xlsx: CJK text lost"; exit 1; }
(cd "$tmp" && HOME="$tmp" soffice --headless --infilter='Text - txt - csv (StarCalc):44,34,76' \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir lo2 out.csv >/dev/null 2>&1)
head -c 9 "$tmp/lo2/out.csv" | grep -q '^Category,' || { echo "csv: BOM not skipped"; exit 1; }
grep -q "個人情報" "$tmp/lo2/out.csv" || { echo "csv: CJK text lost"; exit 1; }
echo "office: LibreOffice opens the xlsx (3 sheets) and csv as text, CJK intact"
