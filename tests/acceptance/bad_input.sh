#!/usr/bin/env bash
# The bad-input table (docs/hardening.md) run against the real binary: every hostile or broken
# input gives the documented exit status, stderr lines that name the file (line:col where
# there is one), no raw terminal controls in the output, no partial output file, and finishes
# well inside a timeout so a hang fails. Every input is generated here at run time.
set -uo pipefail
bin=${POLCMP_BIN:?}
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

fails=0
fail() { echo "FAIL [$row]: $*"; fails=$((fails + 1)); }
note() { echo "  [$row] $*"; }

# A sanitizer build is several times slower and uses far more memory: keep the checks, widen
# the timeouts, skip the memory figure.
sanitized=0
if [ "$({ nm "$bin" 2>/dev/null; ldd "$bin" 2>/dev/null; } | grep -c -e __asan_init -e libasan)" != 0 ]; then
    sanitized=1
fi
limit=20
[ $sanitized = 1 ] && limit=120

# run RC CMD...: run the command under the timeout; stdout in out, stderr in err.
run() {
    local want=$1
    shift
    timeout "$limit" "$@" >out 2>err
    rc=$?
    if [ $rc = 124 ]; then
        fail "timed out after ${limit}s: $*"
    elif [ "$rc" != "$want" ]; then
        fail "exit $rc, expected $want: $*"
        sed 's/^/    stderr: /' err | head -5
    fi
}
# one_line NEEDLE...: stderr is exactly one line and holds every needle.
one_line() {
    local n
    n=$(wc -l <err)
    [ "$n" = 1 ] || { fail "stderr has $n lines, expected 1"; sed 's/^/    stderr: /' err | head -5; }
    for needle in "$@"; do
        grep -qF -- "$needle" err || fail "stderr does not say '$needle': $(head -1 err)"
    done
}
# each_line_names FILE: stderr is not empty and every line names FILE.
each_line_names() {
    [ -s err ] || fail "nothing on stderr"
    if grep -vqF -- "$1" err; then fail "a stderr line does not name $1: $(grep -vF -- "$1" err | head -1)"; fi
}
quiet() { [ -s err ] && fail "unexpected stderr: $(head -1 err)"; return 0; }
has() { grep -qF -- "$1" "${2:-out}" || fail "output lacks '$1'"; }
# Raw controls: ESC, BEL, C1 (as UTF-8 or a lone byte), bidi overrides and isolates.
raw_controls() { LC_ALL=C grep -c -P '\x1b|\x07|\x9b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$@" | awk -F: '{s += $NF} END {print s + 0}'; }

policy_text() {
    cat <<'TXT'
Privacy Policy

1. What we collect
We collect your email address when you create an account.

2. Sharing
We share your data with service providers who deliver orders.

3. Contact
Contact us at privacy@example.org with any question.
TXT
}
policy_text >good.txt

# ---- files that cannot be read ---------------------------------------------------------
row=missing
run 2 "$bin" segment missing.txt
one_line missing.txt

row=unreadable
if [ "$(id -u)" = 0 ]; then
    note "skipped: root reads a mode-000 file anyway"
else
    cp good.txt locked.txt && chmod 000 locked.txt
    run 2 "$bin" segment locked.txt
    one_line locked.txt
fi

row=directory
mkdir adir
run 2 "$bin" segment adir
one_line adir directory

row=empty
: >empty.txt
run 2 "$bin" segment empty.txt
one_line empty.txt empty

row=executable
cp /bin/true program
run 2 "$bin" segment program
one_line program binary

row=png
python3 - <<'PY'
import struct, zlib
def chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
rows = b"".join(b"\x00" + bytes([200, 30, 30]) * 8 for _ in range(8))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
open("picture.png", "wb").write(png)
open("picture.txt", "wb").write(png)
PY
run 2 "$bin" segment picture.png
one_line picture.png binary
run 2 "$bin" segment picture.txt
one_line picture.txt binary

row=nul-bytes
printf 'We collect your email address.\0\0\0We share it.\n' >nul.txt
run 2 "$bin" segment nul.txt
one_line nul.txt NUL

# ---- encodings ---------------------------------------------------------------------------
row=invalid-utf8
# UTF-8 (a valid "café") with broken bytes: the bad bytes are replaced, nothing re-decoded
printf 'We collect your email address at the caf\xc3\xa9.\nWe keep \xff\xfe logs \xc3 for a year.\n' >bad-utf8.txt
run 0 "$bin" segment bad-utf8.txt
each_line_names bad-utf8.txt
has "We collect your email address at the café."
has $'\xef\xbf\xbd'   # U+FFFD stands where the bad bytes were
[ "$(raw_controls out)" = 0 ] || fail "raw control in output"

row=windows-1252
printf 'Privacy\n\nIf you select \x93Remember Me\x94 we keep a cookie \x96 for a year.\n' >cp1252.txt
run 0 "$bin" segment cp1252.txt
one_line cp1252.txt "read as windows-1252"
has "If you select “Remember Me” we keep a cookie – for a year."
grep -q $'\xef\xbf\xbd' out && fail "U+FFFD in the output"

row=encoding-batch-summary
mkdir -p legacy && for i in 1 2 3; do cp cp1252.txt "legacy/p$i.txt"; done
run 0 "$bin" classify legacy
one_line "3 files read as windows-1252"

row=encoding-forced
run 2 "$bin" segment --encoding no-such-thing good.txt
one_line "--encoding" "no-such-thing"

row=utf16-le-bom
policy_text | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } >le.txt
run 0 "$bin" segment le.txt
quiet
has "We collect your email address when you create an account."

row=utf16-be-bom
policy_text | iconv -f UTF-8 -t UTF-16BE | { printf '\xfe\xff'; cat; } >be.txt
run 0 "$bin" segment be.txt
quiet
has "We share your data with service providers who deliver orders."

# ---- size ----------------------------------------------------------------------------------
row=size-limit
policy_text >limited.txt
POLCMP_MAX_SIZE=100 run 2 "$bin" segment limited.txt
one_line limited.txt limit

row=60mb
python3 - <<'PY'
parts = ["We collect your email address when you register for an account.",
         "We share order details with the courier that delivers your parcel.",
         "You may opt out of marketing messages at any time from your settings.",
         "We keep invoices for seven years because tax law requires it."]
with open("huge.txt", "w") as f:
    size, i = 0, 0
    while size < 60 * 1024 * 1024:
        s = f"\n{i // 50 + 1}. Part {i // 50 + 1}\n" if i % 50 == 0 else \
            " ".join(parts[(i + k) % 4] for k in range(3)) + f" Clause {i}.\n"
        f.write(s); size += len(s); i += 1
    open("huge.last", "w").write(f"Part {(i - 1) // 50 + 1}")
PY
size=$(stat -c %s huge.txt)
saved_limit=$limit
limit=$((limit * 6))   # about 8 s of work on an idle machine; a guard against a hang, wide
                       # enough for two test suites sharing two cores
if [ -x /usr/bin/time ] && [ $sanitized = 0 ]; then
    run 0 /usr/bin/time -f 'maxrss_kb=%M' -o rss "$bin" segment huge.txt
    rss=$(sed -n 's/^maxrss_kb=//p' rss)
    note "60 MB policy: max RSS ${rss} KB for $((size / 1024)) KB of text"
    # Proportional: the text, its normalized copy and the outline, a few times the file.
    [ -n "$rss" ] && [ "$rss" -lt $((size / 1024 * 5)) ] || fail "max RSS ${rss} KB is over 5x the file"
else
    note "memory figure skipped (no /usr/bin/time or a sanitizer build)"
    run 0 "$bin" segment huge.txt
fi
quiet
has "$(cat huge.last)"   # the last section's heading: nothing was cut off
rm -f huge.txt
limit=$saved_limit

# ---- HTML ----------------------------------------------------------------------------------
row=html-deep
python3 -c '
n = 100000
open("deep.html", "w").write("<html><body>" + "<div>" * n
    + "<p>We collect your email address at the bottom of the page.</p>" + "</div>" * n
    + "</body></html>")'
run 0 "$bin" segment deep.html
quiet
has "We collect your email address at the bottom of the page."

row=html-unclosed
printf '<html><body><h1>Privacy<p>We collect your email address.<ul><li>We share data with couriers.<li>We keep logs for a month<div><p>Contact us at privacy@example.org' >unclosed.html
run 0 "$bin" segment unclosed.html
quiet
for t in "We collect your email address." "We share data with couriers." \
         "We keep logs for a month" "Contact us at privacy@example.org"; do has "$t"; done

row=html-entity-bomb
python3 - <<'PY'
ents = "".join('<!ENTITY e%d "%s">' % (i, ("&e%d;" % (i - 1)) * 10) for i in range(1, 10))
page = ('<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY e0 "boom">' + ents + ']>\n'
        '<html><body><p>We collect your email address. &e9;</p></body></html>\n')
open("bomb.html", "w").write(page)
PY
run 0 "$bin" segment bomb.html
quiet
has "We collect your email address."
grep -q 'boomboom' out && fail "an entity was expanded"
grep -q 'ENTITY' out && fail "the DOCTYPE's internal subset shows as text"
[ "$(wc -c <out)" -lt 4096 ] || fail "output grew to $(wc -c <out) bytes"

row=html-all-script
printf '<html><head><script>var t = "We collect";</script><style>p { color: red }</style></head><body><script>document.write("your email")</script><noscript></noscript></body></html>' >script.html
run 2 "$bin" segment script.html
one_line script.html "no policy text"

row=empty-extraction
printf '<html><body><nav><a href="/">Home</a></nav><h1>Privacy</h1></body></html>' >thin.html
run 2 "$bin" compare --format json good.txt thin.html
grep -q "thin.html: no clause found" err || fail "compare did not refuse the policy with no clause"
run 0 "$bin" compare --allow-empty --format json good.txt thin.html
grep -q "thin.html: no clause found" err || fail "no warning for the policy with no clause"

# ---- PDF and office documents ---------------------------------------------------------------
row=pdf-corrupt
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%%%EOF\n' >broken.pdf
run 2 "$bin" segment broken.pdf
one_line broken.pdf "cannot be opened"

row=pdf-not-a-pdf
policy_text >fake.pdf
run 2 "$bin" segment fake.pdf
one_line fake.pdf "not a PDF"

if command -v python3 >/dev/null 2>&1; then
row=docx-zip-bomb
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", "<w:document xmlns:w='w'><w:body>" + " " * (300 << 20) + "</w:body></w:document>")
PY
run 2 "$bin" segment bomb.docx
one_line bomb.docx "zip bomb"

row=docx-corrupt
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("damaged.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", "<w:document xmlns:w='w'><w:body><w:p><w:r><w:t>We collect data.</w:t></w:r></w:p></w:body></w:document>" * 50)
d = bytearray(open("damaged.docx", "rb").read())
d[60:90] = b"\xff" * 30
open("damaged.docx", "wb").write(bytes(d))
PY
run 2 "$bin" segment damaged.docx
one_line damaged.docx

row=docx-entities
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("lol.docx", "w") as z:
    z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
PY
run 2 "$bin" segment lol.docx
one_line lol.docx "refused"

row=docx-deep-xml
# 100,000 nested elements, stored uncompressed (deflated, the part would be refused as a bomb)
python3 - <<'PY'
import zipfile
body = "<w:p><w:r><w:t>We collect your email address.</w:t></w:r></w:p>"
deep = "<w:sdt>" * 100000 + body + "</w:sdt>" * 100000
with zipfile.ZipFile("deep.docx", "w", zipfile.ZIP_STORED) as z:
    z.writestr("word/document.xml", "<w:document xmlns:w='w'><w:body>" + deep + "</w:body></w:document>")
PY
run 0 "$bin" segment deep.docx
has "We collect your email address."
fi

# ---- taxonomy -------------------------------------------------------------------------------
row=catastrophic-pattern
cat >slow.yaml <<'YAML'
taxonomy:
  id: slow-test
categories:
  - id: slow
    name: Slow
    opp115: Other
    description: A rule with nested quantifiers that backtracks exponentially.
    rules:
      - id: slow.nested
        pattern: '(a+)+$'
  - id: contact
    name: Contact
    opp115: 'Other: Privacy contact information'
    description: How to reach the company.
    rules:
      - id: contact.us
        pattern: '\bcontact us\b'
YAML
python3 -c 'open("run-of-a.txt", "w").write("Contact us by post. " + "a" * 20000 + "!\n")'
run 0 "$bin" classify --taxonomy slow.yaml run-of-a.txt
each_line_names run-of-a.txt:1
grep -qF "slow.nested" err || fail "the warning does not name the rule"
has '"category":"contact"'

row=taxonomy-yaml-error
printf 'taxonomy:\n  id: broken\ncategories:\n  - id: x\n    name: [unclosed\n' >broken.yaml
run 2 "$bin" taxonomy check broken.yaml
one_line broken.yaml
grep -qE 'broken\.yaml:[0-9]+:[0-9]+:' err || fail "no line:col in: $(head -1 err)"

# ---- JSON Lines -----------------------------------------------------------------------------
row=jsonl-malformed
{
    echo '{"id":1,"text":"Contact us at the office."}'
    echo '{"id":2,"text": unquoted'
    echo '[1,2,3]'
    echo '{"id":4,"note":"no text here"}'
    printf '{"id":5,"text":"bad \xff byte"}\n'
    echo '{"id":6,"text":"Please contact us by phone."}'
} >segs.jsonl
# Each broken line is reported and skipped; the good lines are still labelled and printed,
# and the exit status (2) tells a script that something was skipped.
run 2 "$bin" classify --taxonomy slow.yaml --segments segs.jsonl
each_line_names segs.jsonl
for n in 2 3 4; do grep -q "segs.jsonl:$n:" err || fail "line $n not reported"; done
grep -q "segs.jsonl:[16]:" err && fail "a good line was reported"
python3 - out <<'PY' || fail "the good lines are not all in the output, labelled"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ids = [o["id"] for o in objs]
assert 1 in ids and 6 in ids, ids
assert all("labels" in o for o in objs)
PY

# ---- terminal escapes and bidi --------------------------------------------------------------
row=escapes
{
    printf '# Privacy \033[31mPolicy\033[0m\n\n'
    printf 'We collect your email \033]0;owned\007address when you \033]8;;http://x.example\033\\register\033]8;;\033\\.\n\n'
    printf 'We share data \xc2\x9b2J with partners \xe2\x80\xaeelif exe.\xe2\x80\xac listed below.\n\n'
    printf 'We keep logs \x9b31m for \033P1$r\033\\ a year and \xe2\x81\xa6isolated\xe2\x81\xa9 text.\n'
} >esc.md
for cmd in "segment" "segment --json" "classify"; do
    # shellcheck disable=SC2086
    run 0 "$bin" $cmd esc.md
    each_line_names esc.md
    n=$(raw_controls out err)
    [ "$n" = 0 ] || fail "$cmd: $n raw control sequences in the output"
    grep -q 'owned' out && fail "$cmd: an OSC title survived"
    has "We collect your email address"
done
run 0 "$bin" compare --format md esc.md good.txt
n=$(raw_controls out err)
[ "$n" = 0 ] || fail "compare --format md: $n raw control sequences in the output"

# ---- exports: formulas and markup -----------------------------------------------------------
row=export-injection
cat >inject.txt <<'TXT'
Privacy Policy

1. Sharing
=HYPERLINK("http://evil.example","x") We share your email address with couriers.
+1+cmd|' /C calc'!A0 We may sell customer lists to partners.
@SUM(1+1) We never sell your personal information | not ever.
<script>alert(1)</script> We keep **logs** for [a year](javascript:alert(1)).
TXT
for f in csv md html; do
    run 0 "$bin" compare -o "inject.$f" inject.txt good.txt
    [ -s "inject.$f" ] || fail "no $f written"
done
python3 - <<'PY' || fail "an export carries a live formula or markup"
import csv, html.parser
cells = [c for r in csv.reader(open("inject.csv", newline="", encoding="utf-8")) for c in r]
assert not any(c[:1] in ("=", "+", "@", "-") and len(c) > 1 and not c[1:2].isdigit() for c in cells), \
    [c for c in cells if c[:1] in "=+@-"]
md = open("inject.md", encoding="utf-8").read()
assert "<script>" not in md and "](javascript:" not in md
class P(html.parser.HTMLParser):
    tags = []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        assert not any(v and v.lower().startswith("javascript:") for _, v in attrs)
p = P(); p.feed(open("inject.html", encoding="utf-8").read())
assert "script" not in p.tags, p.tags
PY

# ---- no partial output ----------------------------------------------------------------------
row=no-partial-output
mkdir outdir
run 2 "$bin" compare -o outdir/result.csv missing.txt empty.txt
[ -z "$(ls -A outdir)" ] || fail "files left in the output directory: $(ls -A outdir)"
run 2 "$bin" compare -o no/such/dir/result.csv good.txt
one_line no/such/dir/result.csv
[ -e no ] && fail "the output directory was created"

row=skip-unusable
run 2 "$bin" compare --format json good.txt empty.txt
[ "$(grep -c 'empty.txt' err)" = 1 ] || fail "empty.txt not named exactly once"
has '"policies"'

if [ $fails -gt 0 ]; then
    echo "bad_input: $fails failure(s)"
    exit 1
fi
echo "bad_input: all rows passed"
