#!/usr/bin/env bash
# man_page.sh: polcmp(1) documents every UI command with the help text the help screen shows
# (both come from tui/command.h), it renders without warnings, and `cmake --install` installs it.
set -euo pipefail
page="$POLCMP_SRC/docs/polcmp.1"
status=0
while IFS= read -r help; do
    if ! grep -qF -- "$help" "$page"; then
        echo "polcmp.1 lacks the UI command \"$help\" (tui/command.h)"
        status=1
    fi
done < <(sed -n 's/^ *C([A-Z_]*, "[^"]*", "[^"]*", "\([^"]*\)").*/\1/p' "$POLCMP_SRC/tui/command.h")
n=$(sed -n 's/^ *C([A-Z_]*, "[^"]*", "[^"]*", "\([^"]*\)").*/\1/p' "$POLCMP_SRC/tui/command.h" | wc -l)
[[ $n -ge 30 ]] || { echo "found only $n commands in tui/command.h"; status=1; }
if command -v man >/dev/null && command -v groff >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null || true)
    [[ -z "$warnings" ]] || { echo "man warnings: $warnings"; status=1; }
fi
build=$(dirname "$POLCMP_BIN")
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
[[ -s "$prefix/share/man/man1/polcmp.1" ]] || { echo "cmake --install did not install polcmp.1"; status=1; }
[[ -x "$prefix/bin/polcmp" ]] || { echo "cmake --install did not install polcmp"; status=1; }
exit $status
