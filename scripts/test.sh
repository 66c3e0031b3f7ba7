#!/usr/bin/env bash
# Set up, build and run every test: a normal build, then an AddressSanitizer +
# UndefinedBehaviorSanitizer build, then every libFuzzer target for FUZZ_SECONDS each (default
# 45; 0 skips them). This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh

echo "== build (warnings are errors)"
scripts/build.sh build
echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DPOLCMP_SANITIZE=ON -DCMAKE_C_COMPILER=clang

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
echo "== tests (sanitizers)"
ctest --test-dir build-asan --output-on-failure -j "$jobs" || status=1
echo "== tests"
ctest --test-dir build --output-on-failure -j "$jobs" || status=1
fuzz_seconds=${FUZZ_SECONDS:-45}
if [ "$fuzz_seconds" -gt 0 ]; then
    echo "== fuzzing, ${fuzz_seconds}s per target"
    scripts/fuzz.sh "$fuzz_seconds" || status=1
fi
exit $status
