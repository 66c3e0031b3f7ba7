#!/usr/bin/env bash
# Build the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and run each for SECONDS
# (default 60). Seeds: fuzz/corpus/NAME/ plus, at run time, the examples and the test data.
# Any crash, leak or timeout fails the run and prints the reproducer's path; add it under
# tests/data/fuzz-regressions/NAME/ so the unit suite replays it.
#   scripts/fuzz.sh [SECONDS]        FUZZ_TARGETS="fuzz_review fuzz_jsonl" scripts/fuzz.sh 600
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
root=$PWD
build=$root/build-fuzz
targets=${FUZZ_TARGETS:-fuzz_load_text fuzz_load_html fuzz_load_pdf fuzz_load_office fuzz_taxonomy fuzz_review fuzz_jsonl fuzz_model fuzz_pfcache fuzz_json_escape}

echo "== build the fuzz targets ($build)"
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLCMP_FUZZ=ON -DPOLCMP_SANITIZE=ON -DBUILD_TESTING=OFF >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target $targets >/dev/null

# seeds NAME DIR: the committed corpus plus run-time material for that target.
seeds() {
    local name=$1 dir=$2
    mkdir -p "$dir"
    cp fuzz/corpus/"$name"/* "$dir"/ 2>/dev/null || true
    case $name in
    fuzz_load_text) cp examples/*.txt examples/*.md tests/data/segment/*.txt "$dir"/ ;;
    fuzz_load_html) cp examples/*.html tests/data/load/*.html "$dir"/ ;;
    fuzz_taxonomy) cp tests/data/taxonomy/*.yaml tests/data/compare/*.yaml "$dir"/ ;;
    fuzz_jsonl) cp tests/data/classify/*.jsonl "$dir"/ ;;
    fuzz_review | fuzz_model | fuzz_json_escape) ;;
    esac
    # earlier crashes stay in the corpus so they are tried again first
    cp tests/data/fuzz-regressions/"$name"/* "$dir"/ 2>/dev/null || true
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
work=$build/runs
status=0
for t in $targets; do
    run=$work/$t
    rm -rf "$run"
    mkdir -p "$run/artifacts"
    seeds "$t" "$run/corpus"
    dict=()
    [ -f "fuzz/$t.dict" ] && dict=("-dict=fuzz/$t.dict")
    echo "== $t: ${secs}s"
    if "$build/fuzz/$t" "${dict[@]}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$run/artifacts/" \
        "$run/corpus" >"$run/log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$run/log" | tail -2 || true
    else
        status=1
        echo "FAIL: $t crashed; log: $run/log"
        grep -E 'ERROR: |SUMMARY: |runtime error' "$run/log" | head -5 || true
        for a in "$run"/artifacts/*; do
            [ -e "$a" ] && echo "reproducer: $a"
        done
    fi
done
exit $status
