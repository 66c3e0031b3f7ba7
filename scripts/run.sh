#!/usr/bin/env bash
# Set up, build and open polcmp on the bundled example policies.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
# The example policies (examples/README.md describes them and is not one).
exec build/polcmp examples/[0-9]*.txt examples/[0-9]*.md examples/[0-9]*.html "$@"
