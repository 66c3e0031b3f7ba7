#!/usr/bin/env bash
# Main-content extraction from saved web pages, scored against the text a reader sees
# (../shared/html: pages and gold text; skipped without it). Prints median recall, the share of
# pages with recall >= 0.8, the pages below 0.5 and median precision, then the targets
# with met / NOT met; fails when a floor is broken (html_extraction.py says which).
set -u
bin=${POLCMP_BIN:?}
shared=${POLCMP_SHARED:-}
src=${POLCMP_SRC:?}
if [ -z "$shared" ] || [ ! -d "$shared/html/pages" ]; then
    echo "no ../shared/html: skipped"
    exit 77
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
exec python3 "$src/tests/acceptance/html_extraction.py" "$bin" "$shared"
