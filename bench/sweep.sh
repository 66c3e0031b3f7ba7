#!/usr/bin/env bash
# sweep.sh [GB] [JOBS]: peak memory and throughput of a corpus-scale sweep (not part of the test
# suite). Builds polcmp in Release (build-bench/), generates about GB gigabytes (default 1) of
# policies on disk with gen.py (one file at a time, never the corpus in memory), runs
# `polcmp classify --jobs JOBS DIR > /dev/null` (default 2 jobs) under /usr/bin/time -v, prints
# MB/s (input bytes over wall time) and the maximum resident set size, then deletes the corpus
# (KEEP=1 keeps it). Needs about GB gigabytes free under ${TMPDIR:-/tmp}, plus file overhead.
set -euo pipefail
gb=${1:-1}
jobs=${2:-2}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$root/build-bench
work=${TMPDIR:-/tmp}/polcmp-sweep
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target polcmp >/dev/null
rm -rf "$work" && mkdir -p "$work"
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
mb=$(python3 -c "print($gb * 1000)")
t0=$(date +%s.%N)
python3 "$here/gen.py" "$mb" "$work/corpus" | sed 's/^/generated: /'
t1=$(date +%s.%N)
bytes=$(find "$work/corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$work/corpus" -type f | wc -l)
echo "corpus: $files files, $(python3 -c "print('%.0f' % ($bytes / 1e6))") MB (generated in $(python3 -c "print('%.0f' % ($t1 - $t0))") s)"
/usr/bin/time -v -o "$work/time.txt" "$build/polcmp" classify --jobs "$jobs" "$work/corpus" >/dev/null
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
secs=$(python3 -c "
p = '$wall'.split(':')
print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(p))))")
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
cpu=$(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time.txt")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 - "$bytes" "$secs" "$rss" "$jobs" "$cpu" <<'PY'
import sys
b, s, rss, jobs, cpu = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
print("sweep classify --jobs %s: %.0f MB in %.1f s = %.1f MB/s (CPU %s)" % (jobs, b / 1e6, s, b / 1e6 / s, cpu))
print("sweep peak memory (max RSS): %.1f MB (target under 100 MB: %s)" % (rss / 1024, "met" if rss / 1024 < 100 else "not met"))
PY
