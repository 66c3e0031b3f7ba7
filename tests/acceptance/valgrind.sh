#!/usr/bin/env bash
# valgrind (memcheck, leaks included) on a headless compare of the examples and on the fast
# unit tests. Only for the normal build: a sanitizer build cannot run under valgrind, so it is
# skipped (77), as it is when valgrind is missing. The OPP-115 and seed tests are left out to
# keep this under a few minutes; the sanitizer build covers them.
set -uo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
command -v valgrind >/dev/null || { echo "valgrind not installed: skipped"; exit 77; }
if [ "$({ nm "$bin" 2>/dev/null; ldd "$bin" 2>/dev/null; } | grep -c -e __asan_init -e libasan -e __ubsan)" != 0 ]; then
    echo "a sanitizer build: skipped"
    exit 77
fi
tests=$(dirname "$bin")/tests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg=(valgrind --error-exitcode=101 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --quiet
    --suppressions="$src/tests/tools/valgrind.supp")
fails=0
check() { # NAME CMD...: run under valgrind; 0 and 77 (a skipped unit test) are fine
    local name=$1 start=$SECONDS rc
    shift
    "${vg[@]}" --log-file="$tmp/$name.vg" "$@" >"$tmp/$name.out" 2>&1
    rc=$?
    if [ $rc != 0 ] && [ $rc != 77 ]; then
        echo "FAIL: $name (exit $rc)"
        head -40 "$tmp/$name.vg"
        tail -5 "$tmp/$name.out"
        fails=$((fails + 1))
    else
        echo "ok: $name ($((SECONDS - start)) s)"
    fi
}

check compare-examples "$bin" compare --format json -o "$tmp/cmp.json" "$src"/examples/0*
[ -s "$tmp/cmp.json" ] || { echo "FAIL: compare wrote nothing"; fails=$((fails + 1)); }
check segment-html "$bin" segment "$src"/examples/04-buchhaus.html
# test_compare_lint is left out: its lint over 100,000 clauses takes minutes under valgrind (the
# sanitizer build runs it).
for t in test_load test_normalize test_segment test_sentence test_classify \
         test_compare test_export test_jsonl test_review test_session test_stance \
         test_html test_fuzz_regressions; do
    [ -x "$tests/$t" ] || continue
    check "$t" "$tests/$t"
done
[ $fails = 0 ] || { echo "valgrind: $fails failure(s)"; exit 1; }
echo "valgrind: clean"
