#!/usr/bin/env bash
# man_page.sh: polcmp(1) against the tables it documents, so neither can drift:
# - its SYNOPSIS holds exactly the usage lines `polcmp --help` prints (the command table);
# - its OPTIONS list every option of every command with its argument, as `polcmp help CMD`
#   prints them (the option table), and nothing the table lacks;
# - its KEYS list every UI command with the help text and the keys of tui/command.h and
#   tui/command.c (the help screen's table);
# - README.md's Commands section shows the usage `polcmp --help` prints;
# and it renders without warnings, and `cmake --install` installs it.
set -euo pipefail
bin=${POLCMP_BIN:?}
page="$POLCMP_SRC/docs/polcmp.1"
command -v groff >/dev/null || { echo "groff is missing (scripts/setup.sh installs groff-base)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# The page as text, one line per synopsis form and per option tag; minus signs and hyphens
# as '-'.
GROFF_NO_SGR=1 groff -man -Tutf8 -rLL=300n -rHY=0 -P-cbou "$page" 2>"$tmp/groff.err" |
    sed 's/\xe2\x88\x92/-/g; s/\xe2\x80\x90/-/g' >"$tmp/page.txt"
[[ -s "$tmp/groff.err" ]] && { echo "groff: $(head -3 "$tmp/groff.err")"; status=1; }
"$bin" --help >"$tmp/help.txt"
for cmd in $(awk '/^Commands/{on=1; next} on && /^$/{exit} on && /^  [a-z]/{print $1}' "$tmp/help.txt"); do
    "$bin" help "$cmd" >"$tmp/help-$cmd.txt"
done
ls "$tmp"/help-*.txt >/dev/null 2>&1 || { echo "polcmp --help lists no commands"; status=1; }

python3 - "$tmp" "$POLCMP_SRC" <<'PY' || status=1
import glob, re, sys
tmp, src = sys.argv[1], sys.argv[2]
page = open(f"{tmp}/page.txt", encoding="utf-8").read().splitlines()
fails = []

def section(name):
    """The lines of a top-level section of the rendered page."""
    out, on = [], False
    for line in page:
        if re.match(r"^[A-Z][A-Z ]+$", line):
            on = line == name
        elif on:
            out.append(line)
    return out

def roff_text(line):
    """A roff line as it reads: '.BI \\-\\-taxonomy " FILE"' is '--taxonomy FILE'."""
    m = re.match(r"\.([BIR]{1,2})\s+(.*)", line)
    if m:
        args = [a or b for a, b in re.findall(r'"([^"]*)"|(\S+)', m.group(2))]
        line = ("".join if len(m.group(1)) == 2 else " ".join)(args)
    line = re.sub(r"\\f[BIRP]", "", line).replace("\\-", "-").replace("\\e", "\\")
    return " ".join(line.split())

def roff_tags(name):
    """The tags of a section's .TP paragraphs, each with the line after it."""
    src_lines = open(f"{src}/docs/polcmp.1", encoding="utf-8").read().splitlines()
    out, on = [], False
    for i, line in enumerate(src_lines):
        if line.startswith(".SH"):
            on = line.split(None, 1)[1].strip('"') == name
        elif on and line == ".TP" and i + 2 < len(src_lines):
            out.append((roff_text(src_lines[i + 1]), roff_text(src_lines[i + 2])))
    return out

def usage_forms(text):
    """The usage block's forms, wrapped lines joined."""
    forms = []
    for line in text.splitlines():
        if not line.strip():
            break
        if line.startswith("usage: ") or line.startswith("       polcmp"):
            forms.append(line.split(None, 1)[1] if line.startswith("usage: ") else line.strip())
        else:
            forms[-1] += " " + line.strip()
    return [" ".join(f.split()) for f in forms]

def option_tags(text):
    """The option tags of a help text: '-o, --output OUT', '--taxonomy FILE'."""
    return {" ".join(m.group(1).split()) for m in
            re.finditer(r"^  ((?:-\w, | {4})--[\w-]+(?: \S+)?)", text, re.M)}

helps = {path: open(path).read() for path in glob.glob(f"{tmp}/help*.txt")}
overview = helps[f"{tmp}/help.txt"]

# SYNOPSIS: the same forms, in the same order.
want = usage_forms(overview)
got = [" ".join(l.split()) for l in section("SYNOPSIS") if l.strip()]
for form in want:
    if form not in got:
        fails.append(f"SYNOPSIS lacks: {form}")
for form in got:
    if form not in want:
        fails.append(f"SYNOPSIS has what polcmp --help does not: {form}")
if not fails and got != want:
    fails.append("SYNOPSIS lists the forms in another order than polcmp --help")
if fails:
    fails.append("(scripts/man_synopsis.py build/polcmp prints the SYNOPSIS the help implies)")
for path, text in helps.items():
    for form in usage_forms(text):
        if form not in want:
            fails.append(f"{path.split('/')[-1]}: usage '{form}' is not in polcmp --help")

# OPTIONS: every tag of every command's help, and no other.
table = set().union(*(option_tags(t) for t in helps.values()))
tags = {tag for tag, _ in roff_tags("OPTIONS")}
for tag in sorted(table - tags):
    fails.append(f"OPTIONS lacks '{tag}' (from polcmp help)")
for tag in sorted(tags - table):
    fails.append(f"OPTIONS has '{tag}', which no command takes (polcmp help)")
if len(table) < 15:
    fails.append(f"found only {len(table)} options in polcmp's help")

# KEYS: each UI command's help text under a tag naming its printable keys.
header = open(f"{src}/tui/command.h").read()
helptext = dict(re.findall(r'^\s*C\((\w+), "[^"]*", "[^"]*", "([^"]*)"\)', header, re.M))
keys = {}
for ch, cmd in re.findall(r"\{'((?:[^'\\]|\\.))', TUI_CMD_(\w+)", open(f"{src}/tui/command.c").read()):
    if not ch.startswith("\\"):
        keys.setdefault(cmd, []).append("Space" if ch == " " else ch)
key_tags = roff_tags("KEYS")
for cmd, text in helptext.items():
    tag = next((t for t, body in key_tags if body == text), None)
    if tag is None:
        fails.append(f'KEYS lacks the UI command "{text}" (tui/command.h)')
        continue
    for k in keys.get(cmd, []):
        if k not in [t.strip() for t in tag.split(",")]:
            fails.append(f'KEYS: "{text}" is under "{tag}", without its key {k} (tui/command.c)')
if len(helptext) < 30:
    fails.append(f"found only {len(helptext)} commands in tui/command.h")

# README.md: the usage block as polcmp --help prints it.
block = overview.split("\n\n")[0]
if block not in open(f"{src}/README.md", encoding="utf-8").read():
    fails.append("README.md's Commands section does not show the usage polcmp --help prints "
                 "(paste the block before its first empty line)")

for f in fails:
    print(f)
sys.exit(1 if fails else 0)
PY

if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null || true)
    [[ -z "$warnings" ]] || { echo "man warnings: $warnings"; status=1; }
fi
build=$(dirname "$bin")
prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
[[ -s "$prefix/share/man/man1/polcmp.1" ]] || { echo "cmake --install did not install polcmp.1"; status=1; }
[[ -x "$prefix/bin/polcmp" ]] || { echo "cmake --install did not install polcmp"; status=1; }
exit $status
