#!/usr/bin/env bash
# Configure and build polcmp. Usage: scripts/build.sh [BUILD_DIR [extra cmake args...]]
# Warnings are errors here, as in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOLCMP_WERROR=ON "$@" >/dev/null
cmake --build "$dir" -j "$jobs"
