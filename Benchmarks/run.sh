#!/usr/bin/env bash
# chitieu benchmarks B1–B3, side by side with the peers in ../shared/bench (see Benchmarks/README.md).
#
#   Benchmarks/run.sh                 # full run: B1 at 10k/100k/1M series, B2 22×1M draws, B3 1.5M/15M rows
#   Benchmarks/run.sh --smoke         # CI: small sizes, checks agreement with the peers, no timing claims
#   Benchmarks/run.sh --sizes 10000,100000 --draws 200000
#
# Every workload runs chitieu and its peer on the same files in one run and prints the ratio
# peer time / chitieu time (> 1 means chitieu is faster). Peak RSS from GNU time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
bench="${CHITIEU_BENCH_PEERS:-$root/../shared/bench}"
sizes="10000,100000,1000000"
draws=1000000
smoke=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; sizes="2000"; draws=20000; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --draws) draws="$2"; shift 2 ;;
    *) echo "usage: $0 [--smoke] [--sizes N,N] [--draws N]" >&2; exit 64 ;;
  esac
done
[ -d "$bench" ] || { echo "benchmark peers not found at $bench (set CHITIEU_BENCH_PEERS)" >&2; exit 66; }
python3 -c "import numpy, pandas, scipy, statsmodels" 2>/dev/null || {
  echo "the peers need numpy pandas scipy statsmodels: pip install -r Notebooks/requirements.txt" >&2; exit 69; }

work="${CHITIEU_BENCH_DIR:-/tmp/chitieu-bench}"
mkdir -p "$work"
cd "$root"
swift build -c release --product chitieu >&2
bin="$(swift build -c release --show-bin-path)/chitieu"

echo "# chitieu benchmarks $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1);" \
     "OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset (OpenBLAS default: all cores)}"
echo "# release build; times are wall-clock seconds of whole commands (read + fit + write), one run each"
[ "$smoke" = 1 ] && echo "# SMOKE RUN: sizes too small for meaningful ratios; this checks that everything runs and agrees"

# run LABEL OUTFILE cmd… : runs cmd under GNU time, records seconds and peak RSS (KiB) in $LAST_T / $LAST_RSS
run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" 2> "$work/$label.err" >/dev/null || {
    echo "FAILED: $label" >&2; cat "$work/$label.err" >&2; exit 1; }
  read -r LAST_T LAST_RSS < "$work/time.txt"
}
rows=()
row() { rows+=("$(printf '%-4s %-22s %10s %10s %9s %14s %10s' "$@")"); }

IFS=, read -r -a size_list <<< "$sizes"
for n in "${size_list[@]}"; do
  s="$work/series_$n.csv"; t="$work/targets_$n.csv"
  [ -f "$s" ] || python3 "$bench/gen_series.py" --series "$n" --out "$s" --targets-out "$t"
  run "chitieu_b1_$n" "$bin" attain --data "$s" --targets "$t" --format csv --out "$work/ours_$n.csv" --force --quiet
  ct=$LAST_T; crss=$LAST_RSS
  run "numpy_b1_$n" python3 "$bench/peer_numpy.py" "$s" "$t" --out "$work/numpy_$n.csv"
  nt=$LAST_T
  python3 "$here/compare.py" B1 "$work/ours_$n.csv" "$work/numpy_$n.csv"
  row B1 "numpy $n series" "$ct" "$nt" "$(python3 -c "print(f'{$nt/max($ct,1e-9):.1f}x')")" \
      "$(python3 -c "print(f'{$n/max($ct,1e-9):,.0f}')")" "$((crss / 1024)) MiB"
  limit=$(( n < 2000 ? n : 2000 ))
  run "statsmodels_b1_$n" python3 "$bench/peer_statsmodels.py" "$s" "$t" --out "$work/sm_$n.csv" --limit "$limit"
  smrate=$(sed -n 's/.*= *\([0-9.]*\) series\/s.*/\1/p' "$work/statsmodels_b1_$n.err" | tail -1)
  row B1 "statsmodels/series $n" "$ct" "-" \
      "$(python3 -c "print(f'{($n/max($ct,1e-9))/max(float('${smrate:-0}' or 0),1e-9):.0f}x')")" \
      "$(python3 -c "print(f'{$n/max($ct,1e-9):,.0f}')")" "sm: ${smrate:-?}/s"
done

# B2: joint attainment Monte Carlo on the first 22 series of the smallest file
n0="${size_list[0]}"
s="$work/series_$n0.csv"; t="$work/targets_$n0.csv"
run chitieu_b2 "$bin" attain --data "$s" --targets "$t" --joint --series 22 --draws "$draws" --seed 7 \
    --format csv --out "$work/ours_mc.csv" --force --quiet
ct=$LAST_T
run numpy_b2 python3 "$bench/peer_numpy_mc.py" "$s" "$t" --series 22 --draws "$draws" --seed 7 --out "$work/numpy_mc.csv"
nt=$LAST_T
python3 "$here/compare.py" B2 "$work/ours_mc.csv" "$work/numpy_mc.csv" --draws "$draws"
row B2 "22 x $draws draws" "$ct" "$nt" "$(python3 -c "print(f'{$nt/max($ct,1e-9):.1f}x')")" \
    "$(python3 -c "print(f'{22*$draws/max($ct,1e-9)/1e6:.1f} M draws/s')")" "-"

# B3: ingest (parse + strict validation into typed series) vs pandas.read_csv (C engine)
for n in "${size_list[@]}"; do
  [ "$smoke" = 1 ] || [ "$n" -ge 100000 ] || continue
  s="$work/series_$n.csv"
  run "chitieu_b3_$n" "$bin" data check "$s" --format csv --quiet
  ct=$LAST_T; crss=$LAST_RSS
  run "pandas_b3_$n" python3 -c "import pandas, sys; pandas.read_csv(sys.argv[1])" "$s"
  nt=$LAST_T
  rowsn=$(( n * 15 ))
  row B3 "ingest $rowsn rows" "$ct" "$nt" "$(python3 -c "print(f'{$nt/max($ct,1e-9):.1f}x')")" \
      "$(python3 -c "print(f'{$rowsn/max($ct,1e-9)/1e6:.1f} M rows/s')")" "$((crss / 1024)) MiB"
done

echo
printf '%-4s %-22s %10s %10s %9s %14s %10s\n' wl workload "chitieu s" "peer s" ratio throughput "peak RSS"
printf '%s\n' "${rows[@]}"
