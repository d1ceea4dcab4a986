#!/usr/bin/env bash
# chitieu benchmarks B1–B4, B1–B3 side by side with the peers in ../shared/bench (see Benchmarks/README.md).
#
#   Benchmarks/run.sh                 # full run: B1 at 10k/100k/1M series, B2 22×1M draws, B3 1.5M/15M rows,
#                                     # B4 business as usual + 3 scenarios for 700 regions × 26 indicators, 10k draws
#   Benchmarks/run.sh --smoke         # CI: small sizes, debug build, checks agreement with the peers, no timing claims
#   Benchmarks/run.sh --sizes 10000,100000 --draws 200000
#
# Every workload runs chitieu and its peer on the same files in one run and prints the ratio
# peer time / chitieu time (> 1 means chitieu is faster). Peak RSS from GNU time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
# The peers live in ../shared/bench next to the checkout (for a git worktree: next to the main checkout).
bench="${CHITIEU_BENCH_PEERS:-$root/../shared/bench}"
if [ -z "${CHITIEU_BENCH_PEERS:-}" ] && [ ! -d "$bench" ]; then
  common="$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
  [ -n "$common" ] && [ -d "$common/../../shared/bench" ] && bench="$(cd "$common/../../shared/bench" && pwd)"
fi
sizes="10000,100000,1000000"
draws=1000000
b4_regions=700
b4_draws=10000
smoke=0
force_release=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; sizes="2000"; draws=20000; b4_regions=4; b4_draws=200; shift ;;
    --release) force_release=1; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --draws) draws="$2"; shift 2 ;;
    --b4-regions) b4_regions="$2"; shift 2 ;;
    --b4-draws) b4_draws="$2"; shift 2 ;;
    *) echo "usage: $0 [--smoke] [--release] [--sizes N,N] [--draws N] [--b4-regions N] [--b4-draws N]" >&2; exit 64 ;;
  esac
done
if [ ! -d "$bench" ]; then
  # CI machines without the peer scripts skip the smoke run (it compares against them); a timed run needs them.
  [ "$smoke" = 1 ] && { echo "benchmark smoke run skipped: peers not found at $bench (set CHITIEU_BENCH_PEERS)" >&2; exit 0; }
  echo "benchmark peers not found at $bench (set CHITIEU_BENCH_PEERS)" >&2; exit 66
fi
python3 -c "import numpy, pandas, scipy, statsmodels" 2>/dev/null || {
  echo "the peers need numpy pandas scipy statsmodels: pip install -r Notebooks/requirements.txt" >&2; exit 69; }

work="${CHITIEU_BENCH_DIR:-/tmp/chitieu-bench}"
mkdir -p "$work"
cd "$root"
# Timed runs use a release build. The smoke run (CI) only checks that everything runs and agrees, so it
# uses the debug build the test step already made, unless --release is given.
config=release
[ "$smoke" = 1 ] && [ "$force_release" = 0 ] && config=debug
swift build -c "$config" -Xswiftc -warnings-as-errors --product chitieu >&2
swift build -c "$config" -Xswiftc -warnings-as-errors --product chitieu-scenario-bench >&2
bin="$(swift build -c "$config" -Xswiftc -warnings-as-errors --show-bin-path)/chitieu"
b4bin="$(dirname "$bin")/chitieu-scenario-bench"

echo "# chitieu benchmarks $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)," \
     "$(free -g 2>/dev/null | awk '/^Mem:/{print $2 " GiB RAM"}'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# OpenBLAS threads (chitieu and numpy): ${OPENBLAS_NUM_THREADS:-unset, so OpenBLAS uses all $(nproc) cores}"
echo "# $config build of chitieu; python $(python3 -c 'import platform; print(platform.python_version())')," \
     "$(python3 -c 'import numpy, pandas, statsmodels; print(f"numpy {numpy.__version__}, pandas {pandas.__version__}, statsmodels {statsmodels.__version__}")')"
echo "# times are wall-clock seconds of whole commands (read + fit + write), one run each; peak RSS from GNU time"
[ "$smoke" = 1 ] && echo "# SMOKE RUN: sizes too small for meaningful ratios; this checks that everything runs and agrees"

# run LABEL OUTFILE cmd… : runs cmd under GNU time, records seconds and peak RSS (KiB) in $LAST_T / $LAST_RSS
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" 2> "$work/$label.err" >/dev/null || {
    echo "FAILED: $label" >&2; cat "$work/$label.err" >&2; exit 1; }
  read -r LAST_T LAST_RSS < "$work/time.txt"
}
rows=()
# row WL WORKLOAD CHITIEU_S PEER PEER_S RATIO THROUGHPUT CHITIEU_RSS_KIB PEER_RSS_KIB
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $(( $8 / 1024 )) MiB | $(( $9 / 1024 )) MiB |"); }
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / max(b, 1e-9):.1f}x')" "$1" "$2"; }

IFS=, read -r -a size_list <<< "$sizes"
for n in "${size_list[@]}"; do
  s="$work/series_$n.csv"; t="$work/targets_$n.csv"
  [ -f "$s" ] && [ -f "$t" ] || python3 "$bench/gen_series.py" --series "$n" --out "$s" --targets-out "$t"
  # The peers fit plain OLS with classical intervals: --weights none --intervals ols (chitieu's defaults are
  # recency weights λ = 0.8 and calibrated intervals).
  run "chitieu_b1_$n" "$bin" attain --data "$s" --targets "$t" --weights none --intervals ols \
      --format csv --out "$work/ours_$n.csv" --force --quiet
  ct=$LAST_T; crss=$LAST_RSS
  run "numpy_b1_$n" python3 "$bench/peer_numpy.py" "$s" "$t" --out "$work/numpy_$n.csv"
  nt=$LAST_T; nrss=$LAST_RSS
  python3 "$here/compare.py" B1 "$work/ours_$n.csv" "$work/numpy_$n.csv"
  rate=$(python3 -c "print(f'{$n/max($ct,1e-9):,.0f} series/s')")
  row B1 "$n series, end to end" "$ct" "numpy" "$nt" "$(ratio "$nt" "$ct")" "$rate" "$crss" "$nrss"
  # statsmodels fits one series at a time: run it on the first `limit` series and compare series per second.
  limit=$(( n < 2000 ? n : 2000 ))
  run "statsmodels_b1_$n" python3 "$bench/peer_statsmodels.py" "$s" "$t" --out "$work/sm_$n.csv" --limit "$limit"
  st=$LAST_T; srss=$LAST_RSS
  smrate=$(sed -n 's/.*= *\([0-9.]*\) series\/s.*/\1/p' "$work/statsmodels_b1_$n.err" | tail -1)
  row B1 "$n series, per series" "$ct" "statsmodels ($limit series)" "$st" \
      "$(python3 -c "import sys; n, t, r = map(float, sys.argv[1:]); print(f'{n / max(t, 1e-9) / max(r, 1e-9):.0f}x')" \
          "$n" "$ct" "${smrate:-0}")" \
      "statsmodels ${smrate:-?} series/s" "$crss" "$srss"
done

# B2: joint attainment Monte Carlo on the first 22 series of the smallest file
n0="${size_list[0]}"
s="$work/series_$n0.csv"; t="$work/targets_$n0.csv"
run chitieu_b2 "$bin" attain --data "$s" --targets "$t" --weights none --intervals ols \
    --joint --series 22 --draws "$draws" --seed 7 --format csv --out "$work/ours_mc.csv" --force --quiet
ct=$LAST_T; crss=$LAST_RSS
run numpy_b2 python3 "$bench/peer_numpy_mc.py" "$s" "$t" --series 22 --draws "$draws" --seed 7 --out "$work/numpy_mc.csv"
nt=$LAST_T; nrss=$LAST_RSS
python3 "$here/compare.py" B2 "$work/ours_mc.csv" "$work/numpy_mc.csv" --draws "$draws"
row B2 "22 series x $draws draws" "$ct" "numpy" "$nt" "$(ratio "$nt" "$ct")" \
    "$(python3 -c "print(f'{22*$draws/max($ct,1e-9)/1e6:.1f} M draws/s')")" "$crss" "$nrss"

# B3: ingest (parse + strict validation into typed series) vs pandas.read_csv (C engine)
for n in "${size_list[@]}"; do
  [ "$smoke" = 1 ] || [ "$n" -ge 100000 ] || continue
  s="$work/series_$n.csv"
  # `data check --validate-only`: the strict reader (UTF-8, RFC 4180, number and year grammar, catalogue bounds,
  # duplicates) into typed columns, no per-series summary printed.
  run "chitieu_b3_$n" "$bin" data check "$s" --validate-only
  ct=$LAST_T; crss=$LAST_RSS
  run "pandas_b3_$n" python3 -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$s"
  nt=$LAST_T; nrss=$LAST_RSS
  rowsn=$(( n * 15 ))
  row B3 "ingest $rowsn rows" "$ct" "pandas.read_csv" "$nt" "$(ratio "$nt" "$ct")" \
      "$(python3 -c "print(f'{$rowsn/max($ct,1e-9)/1e6:.1f} M rows/s')")" "$crss" "$nrss"
done

# B4: business as usual plus 3 scenarios (Benchmarks/b4/*.yaml) for every region, end to end: read the data and
# targets, fit every indicator of every region as `chitieu attain` does, run the 4 scenarios with their Monte
# Carlo, write one CSV row per (scenario, region, indicator, milestone). No peer: the smoke run adds --check
# (business as usual = the scorecard row for every region and milestone; no staff-adding lever below it).
s="$work/b4_data_$b4_regions.csv"; t="$work/b4_targets_$b4_regions.csv"
[ -f "$s" ] && [ -f "$t" ] || python3 "$here/b4/gen_b4.py" --regions "$b4_regions" --data-out "$s" --targets-out "$t"
check=()
[ "$smoke" = 1 ] && check=(--check)
run chitieu_b4 "$b4bin" --data "$s" --targets "$t" --out "$work/ours_b4.csv" --draws "$b4_draws" "${check[@]}" \
    "$here"/b4/bau.yaml "$here"/b4/hire.yaml "$here"/b4/retain.yaml "$here"/b4/mixed.yaml
ct=$LAST_T; crss=$LAST_RSS
sed 's/^/# /' "$work/chitieu_b4.err"
row B4 "BAU + 3 scenarios, $b4_regions regions x 26 indicators, $b4_draws draws" "$ct" "none" "–" "–" \
    "$(python3 -c "print(f'{4*$b4_regions/max($ct,1e-9):,.1f} region-scenarios/s')")" "$crss" 0

echo
echo "ratio = peer time / chitieu time (> 1: chitieu is faster); for statsmodels, chitieu's series/s over statsmodels' series/s"
echo
echo "| wl | workload | chitieu s | peer | peer s | ratio | chitieu throughput | chitieu peak RSS | peer peak RSS |"
echo "|---|---|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
