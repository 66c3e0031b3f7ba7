#!/usr/bin/env bash
# run.sh [SIZE_MB]: the throughput benchmark (not part of the test suite).
# Builds polcmp in Release (build-bench/), generates a SIZE_MB corpus from examples/ (gen.py),
# and prints side by side, in one run: the prefilter engine, the plain PCRE2 (reference)
# engine, the first pass alone (medians of 3 interleaved runs), Python's `re` (pyref.py) and
# ripgrep over the patterns that translate (three ripgrep modes); then the issue's ratios with
# met / NOT met, `--jobs 2` against `--jobs 1`, and `polcmp compare` on 20 policies with each
# engine. The 1 GB sweep's memory is bench/sweep.sh. Needs python3 with PyYAML;
# installs ripgrep if missing (this script's own setup, not scripts/setup.sh).
# Then the current build against an earlier one built from git in a worktree (BEFORE=REV; the
# latest tag, else main; skipped when it is the current commit): `classify --jobs 1` end to
# end (files in, JSON Lines out, learned model on) on the generated corpus and on the real
# policies under ../shared (skipped without it), and the taxonomy + model load of a starting
# program (medians of interleaved runs).
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
libs=$(pkg-config --libs libpcre2-8 yaml-0.1 libxml-2.0 jansson xlsxwriter libhs uchardet poppler-glib libzip libxxhash)
cc -O2 -I"$root/core" "$here/pcbench.c" -o "$build/pcbench" "$build/libpolcmp_core.a" $libs -llinear -lm -lpthread
cc -O2 -I"$root/core" "$here/loadbench.c" -o "$build/loadbench" "$build/libpolcmp_core.a" $libs -llinear -lm -lpthread

rm -rf "$work" && mkdir -p "$work"
python3 "$here/gen.py" "$size" "$work/corpus"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$build/pcbench" "$tax" "$work/corpus" dump "$work/clauses.txt" >/dev/null

declare -A mbps cps peaks loads pfs
median() { tr ' ' '\n' | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
row() { printf '%-34s %9s %12s %9s\n' "$@"; }
# three rounds, the engines interleaved within each, so load on a shared machine hits all alike
for rep in 1 2 3; do
  for mode in prefilter rules reference scan; do
    read -r _ _ secs _ mb _ rate _ ncl _ crate _ peak _ loadms _ pfms _ state _ _ < <("$build/pcbench" "$tax" "$work/corpus" "$mode")
    mbps[$mode]+="$rate "; cps[$mode]+="$crate "; peaks[$mode]+="$peak "
    loads[$mode]+="$loadms "; pfs[$mode]+="$pfms "
  done
done
echo "(medians of 3 runs; MB/s counts clause text)"
row engine MB/s clauses/s peakMiB
for mode in prefilter rules reference scan; do
  for k in mbps cps peaks; do declare -n arr=$k; arr[$mode]=$(echo ${arr[$mode]} | median); done
  row "polcmp $mode" "${mbps[$mode]}" "${cps[$mode]}" "${peaks[$mode]}"
done
echo "(prefilter and reference classify with the taxonomy's learned model; rules is the prefilter engine with the rules alone)"
loadms=$(echo ${loads[prefilter]} ${loads[reference]} ${loads[scan]} | median)
pfms=$(echo ${pfs[prefilter]} ${pfs[reference]} ${pfs[scan]} | median)
loadmax=$(echo ${loads[prefilter]} ${loads[reference]} ${loads[scan]} | tr ' ' '\n' | sort -g | tail -1)
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
  # ripgrep's modes: its default regex engine with Unicode (what the patterns mean under
  # PCRE2's UCP), the same with a larger DFA cache, and its PCRE2 engine with JIT (which
  # rejects the joined set as too large); the fastest counts. ASCII mode (--no-unicode) is not
  # tried: it would change what \w and \b mean. Each answers only "does any pattern match this
  # line" (-c: matching lines), one thread (-j1).
  rgbest=0
  for mode in "default:-i" "bigdfa:-i --dfa-size-limit 1G --regex-size-limit 1G" "pcre2:-i -P"; do
    t0=$(date +%s.%N); rg -j1 ${mode#*:} -c -f "$work/rg.pats" "$work/clauses.txt" >/dev/null 2>"$work/rg.err" || true
    t1=$(date +%s.%N)
    if [ -s "$work/rg.err" ]; then echo "ripgrep ${mode%%:*}: not measured: $(head -c 120 "$work/rg.err")"; continue; fi
    r=$(python3 -c "print('%.2f' % ($bytes/1e6/($t1-$t0)))")
    row "ripgrep ${mode%%:*} (any pattern per line)" "$r" "-" "-"
    rgbest=$(python3 -c "print(max($rgbest, $r))")
  done
fi
echo "taxonomy load ${loadms} ms median, ${loadmax} ms worst of 9 (prefilter build ${pfms} ms); matching state ${state} KiB"
# --jobs: the whole CLI (load, segment, classify, JSON out) on the corpus directory; medians
# of 3 alternating runs
js1=; js2=
for rep in 1 2 3; do
  js1+="$( { /usr/bin/time -f %e "$build/polcmp" classify --jobs 1 "$work/corpus" >/dev/null; } 2>&1 | tail -1) "
  js2+="$( { /usr/bin/time -f %e "$build/polcmp" classify --jobs 2 "$work/corpus" >/dev/null; } 2>&1 | tail -1) "
done
j1=$(echo $js1 | median); j2=$(echo $js2 | median)
echo "polcmp classify DIR: --jobs 1 ${j1} s, --jobs 2 ${j2} s"
python3 - "${mbps[prefilter]}" "${mbps[reference]}" "$py" "${mbps[scan]}" "${rgbest:-0}" "$loadms" "$loadmax" "$state" "$j1" "$j2" <<'PY'
import sys
pf, ref, py, scan, rg, load, loadmax, state, j1, j2 = map(float, sys.argv[1:])
met = lambda ok: "met" if ok else "NOT met"
print("ratio prefilter/reference   %6.1fx (target 8x: %s)" % (pf / ref, met(pf / ref >= 8)))
print("ratio prefilter/python      %6.0fx (target 250x: %s)" % (pf / py, met(pf / py >= 250)))
if rg > 0:
    print("ratio first pass/ripgrep    %6.1fx (target: within 4x of ripgrep, i.e. at least 0.25x: %s)"
          % (scan / rg, met(scan / rg >= 0.25)))
print("taxonomy load %.0f ms median, %.0f ms worst (target under 50 ms: %s)"
      % (load, loadmax, met(load < 50) + ("" if loadmax < 50 else ", not in every run")))
print("matching state %.0f KiB (target under 10 MiB: %s)" % (state, met(state < 10240)))
print("ratio --jobs 2/--jobs 1     %6.2fx (target 1.7x: %s)" % (j1 / j2, met(j1 / j2 >= 1.7)))
print("peak memory of a 1 GB sweep: bench/sweep.sh 1")
PY
pols=$(ls "$work/corpus" | sed -n "1,20s|^|$work/corpus/|p")
for engine in prefilter reference; do
  /usr/bin/time -f "compare 20 policies ($engine): %e s, peak %M KiB" env POLCMP_ENGINE=$engine \
    "$build/polcmp" compare --format json -o "$work/compare.json" $pols || true
done

# ---- the current build against an earlier one, built from git --------------------------------
before_rev=${BEFORE:-$(git -C "$root" describe --tags --abbrev=0 2>/dev/null || echo main)}
bsrc=$work/before
before=
if ! git -C "$root" rev-parse -q --verify "$before_rev^{commit}" >/dev/null; then
  echo "before: $before_rev is not a commit here; the comparison with an earlier build is skipped"
elif [ "$(git -C "$root" rev-parse "$before_rev^{commit}")" = "$(git -C "$root" rev-parse HEAD)" ]; then
  echo "before: $before_rev is the current commit; the comparison with an earlier build is skipped"
else
  git -C "$root" worktree prune
  git -C "$root" worktree add -f --detach "$bsrc" "$before_rev" >/dev/null 2>&1
  trap 'git -C "$root" worktree remove --force "$bsrc" >/dev/null 2>&1 || true' EXIT
  cmake -S "$bsrc" -B "$bsrc/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$bsrc/build" -j"$(nproc)" --target polcmp_core polcmp >/dev/null
  cc -O2 -I"$bsrc/core" "$here/loadbench.c" -o "$bsrc/build/loadbench" "$bsrc/build/libpolcmp_core.a" $libs -llinear -lm -lpthread
  before=$bsrc/build
fi
if [ -n "$before" ]; then
  echo "current build $(git -C "$root" rev-parse --short HEAD) against $before_rev ($(git -C "$root" rev-parse --short "$before_rev")), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # e2e NAME FILES...: `classify --jobs 1`, each build with its own taxonomy and model, three
  # interleaved rounds; medians, and whether the two outputs are byte-identical
  e2e() {
    local name=$1; shift
    local mb tb= ta=; mb=$(cat "$@" | wc -c)
    for rep in 1 2 3; do
      tb+="$( { /usr/bin/time -f %e "$before/polcmp" classify --taxonomy "$bsrc/taxonomy/privacy.yaml" --jobs 1 "$@" >"$work/e2e.before"; } 2>&1 | tail -1) "
      ta+="$( { /usr/bin/time -f %e "$build/polcmp" classify --taxonomy "$tax" --jobs 1 "$@" >"$work/e2e.after"; } 2>&1 | tail -1) "
    done
    local b a same=identical; b=$(echo $tb | median); a=$(echo $ta | median)
    cmp -s "$work/e2e.before" "$work/e2e.after" || same="DIFFERENT"
    python3 -c "import sys; mb, b, a = float(sys.argv[1]) / 1e6, float(sys.argv[2]), float(sys.argv[3]); print('classify --jobs 1, %-24s %6.1f MB: before %6.2f s (%5.1f MB/s), now %6.2f s (%5.1f MB/s): %.2fx' % (sys.argv[4], mb, b, mb / b, a, mb / a, b / a))" "$mb" "$b" "$a" "$name"
    echo "  output: $same"
    e2e_ratio=$(python3 -c "print($b / $a)")
  }
  e2e "generated corpus" "$work"/corpus/*
  shared=$root/../shared
  if [ -d "$shared/contradictions/policies" ] || [ -d "$shared/html/pages" ]; then
    mapfile -t real < <(ls -d "$shared"/contradictions/policies/* "$shared"/html/pages/* 2>/dev/null)
    e2e "real policies (${#real[@]})" "${real[@]}"
    python3 -c "import sys; r = float(sys.argv[1]); print('end to end on real policies %.2fx before (target 3x: %s)' % (r, 'met' if r >= 3 else 'NOT met'))" "$e2e_ratio"
  else
    echo "real policies: ../shared is absent; skipped"
  fi
  # the taxonomy and its model as a starting program loads them (after a first load, which
  # writes the cache beside the taxonomy): ten interleaved rounds, one load per process
  "$build/loadbench" "$tax" >/dev/null; "$before/loadbench" "$bsrc/taxonomy/privacy.yaml" >/dev/null
  lb= la=
  for rep in 1 2 3 4 5 6 7 8 9 10; do
    lb+="$("$before/loadbench" "$bsrc/taxonomy/privacy.yaml" | awk '{print $6}') "
    la+="$("$build/loadbench" "$tax" | awk '{print $6}') "
  done
  lb=$(echo $lb | median); la=$(echo $la | median)
  python3 -c "import sys; b, a = map(float, sys.argv[1:]); print('taxonomy + model load: before %.1f ms, now %.1f ms (medians of 10; target under 20 ms: %s)' % (b, a, 'met' if a < 20 else 'NOT met'))" "$lb" "$la"
fi
