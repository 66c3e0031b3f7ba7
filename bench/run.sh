#!/usr/bin/env bash
# run.sh [SIZE_MB]: the throughput benchmark (not part of the test suite).
# Builds polcmp in Release (build-bench/), generates a SIZE_MB corpus from examples/ (gen.py),
# and prints side by side, in one run: the prefilter engine, the plain PCRE2 (reference)
# engine, the first pass alone, Python's `re` (pyref.py) and ripgrep over the patterns that
# translate; then `polcmp compare` on 20 policies with each engine. Needs python3 with PyYAML;
# installs ripgrep if missing (this script's own setup, not scripts/setup.sh).
set -euo pipefail
size=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$root/build-bench
work=${TMPDIR:-/tmp}/polcmp-bench
tax=$root/taxonomy/privacy.yaml

command -v rg >/dev/null || { apt-get install -y -qq ripgrep >/dev/null 2>&1 || sudo apt-get install -y -qq ripgrep >/dev/null 2>&1 || true; }
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target polcmp_core polcmp >/dev/null
libs=$(pkg-config --libs libpcre2-8 yaml-0.1 libxml-2.0 jansson xlsxwriter libhs)
cc -O2 -I"$root/core" "$here/pcbench.c" -o "$build/pcbench" "$build/libpolcmp_core.a" $libs -lm -lpthread

rm -rf "$work" && mkdir -p "$work"
python3 "$here/gen.py" "$size" "$work/corpus"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$build/pcbench" "$tax" "$work/corpus" dump "$work/clauses.txt" >/dev/null

declare -A mbps cps
row() { printf '%-34s %9s %12s %9s\n' "$@"; }
row engine MB/s clauses/s peakMiB
for mode in prefilter reference scan; do
  read -r _ _ secs _ mb _ rate _ ncl _ crate _ peak _ loadms _ pfms _ state _ _ < <("$build/pcbench" "$tax" "$work/corpus" "$mode")
  mbps[$mode]=$rate; cps[$mode]=$crate
  row "polcmp $mode" "$rate" "$crate" "$peak"
done
read -r _ nrules _ skipped _ ncl _ _ _ pysecs < <(python3 "$here/pyref.py" "$tax" "$work/clauses.txt")
bytes=$(wc -c < "$work/clauses.txt")
py=$(python3 -c "print('%.3f' % ($bytes/1e6/$pysecs))")
row "python re ($nrules rules, $skipped skipped)" "$py" "$(python3 -c "print('%.0f' % ($ncl/$pysecs))")" "-"
if command -v rg >/dev/null; then
  python3 - "$tax" "$work/rg.pats" <<'PY'
import re, sys, yaml
def rules(n):
    if isinstance(n, dict):
        if "pattern" in n and "id" in n: yield n
        for v in n.values(): yield from rules(v)
    elif isinstance(n, list):
        for v in n: yield from rules(v)
import subprocess
def rg_ok(p):
    return subprocess.run(["rg", "-q", "-e", p, "/dev/null"], stderr=subprocess.PIPE).returncode != 2
# one regex for all: named groups would clash, so they become plain groups
pats = [re.sub(r"\(\?P?<([A-Za-z]\w*)>", "(?:", r["pattern"]) for r in rules(yaml.safe_load(open(sys.argv[1])))]
ok = [p for p in pats if rg_ok(p)]
open(sys.argv[2], "w").write("\n".join(ok) + "\n")
print("ripgrep: %d patterns translate (the rest use look-arounds or other syntax rg rejects)" % len(ok), file=sys.stderr)
PY
  t0=$(date +%s.%N); rg -i -c -f "$work/rg.pats" "$work/clauses.txt" >/dev/null 2>"$work/rg.err" || true
  [ -s "$work/rg.err" ] && { echo "ripgrep failed: $(head -c 200 "$work/rg.err")"; }; t1=$(date +%s.%N)
  row "ripgrep (any pattern per line)" "$(python3 -c "print('%.1f' % ($bytes/1e6/($t1-$t0)))")" "-" "-"
fi
echo "taxonomy load ${loadms} ms (prefilter build ${pfms} ms); matching state ${state} KiB"
python3 - "${mbps[prefilter]}" "${mbps[reference]}" "$py" "${mbps[scan]}" <<'PY'
import sys
pf, ref, py, scan = map(float, sys.argv[1:])
print("ratio prefilter/reference %.1fx (target 8x)" % (pf / ref))
print("ratio prefilter/python    %.0fx (target 100x)" % (pf / py))
PY
pols=$(ls "$work/corpus" | head -20 | sed "s|^|$work/corpus/|")
for engine in prefilter reference; do
  /usr/bin/time -f "compare 20 policies ($engine): %e s, peak %M KiB" env POLCMP_ENGINE=$engine \
    "$build/polcmp" compare --format json -o "$work/compare.json" $pols || true
done
