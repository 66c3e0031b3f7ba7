#!/usr/bin/env bash
# man_keys.sh: the KEYS section of polcmp(1) lists exactly the UI's commands, with the keys that
# run them and the help text the help screen shows, group by group, in the table's order (all
# of it comes from tui/command.h and tui/command.c, printed by tests/tools/tui_keys.c).
set -euo pipefail
page="$POLCMP_SRC/docs/polcmp.1"
tool="$(dirname "$POLCMP_BIN")/tests/tui_keys"
[[ -x "$tool" ]] || { echo "no $tool: build the tests"; exit 1; }
want=$("$tool" | awk -F'\t' '$1 != g { print ".SS " $1; g = $1 } { print ".TP"; print ".B " $2; print $3 }')
# The page's KEYS section from its first group to the next section.
got=$(sed -n '/^\.SH KEYS/,/^\.SH /p' "$page" | sed '1d;$d' | sed -n '/^\.SS /,$p')
if [[ "$want" != "$got" ]]; then
    echo "polcmp(1)'s KEYS section differs from the UI's command table (< the table, > the page):"
    diff <(echo "$want") <(echo "$got") || true
    exit 1
fi
echo "man_keys: $(echo "$want" | grep -c '^\.TP') commands, keys and help as the UI has them"
