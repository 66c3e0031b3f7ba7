#!/usr/bin/env bash
# The modules depend on each other one way only: scripts/layering.py checks every #include of
# core/, tui/ and cli/, and the symbols the built object files use, against the order
# util < text < segment < taxonomy < classify < compare < eval < review < present < session
# < tui < cli, with no cycle and no internal header used outside its folder. Its self-test runs
# first: it plants one violation of each kind in a copy of the tree (and in object files it
# compiles) and fails unless every one is reported, so this test cannot pass by checking
# nothing.
set -euo pipefail
src=${POLCMP_SRC:?}
build=$(dirname "${POLCMP_BIN:?}")
command -v python3 >/dev/null || { echo "python3 not installed (scripts/setup.sh)"; exit 1; }
python3 "$src/scripts/layering.py" --self-test "$src"
python3 "$src/scripts/layering.py" --objects "$build" "$src"
