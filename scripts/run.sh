#!/usr/bin/env bash
# Set up, build and open polcmp on the bundled example policies.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
exec build/polcmp examples/*.txt examples/*.md examples/*.html "$@"
