#!/usr/bin/env bash
# Benchmarks `throughline check` on generated 100,000- and 1,000,000-node plans, as
# JSON and as .throughline files: wall time (best and median of RUNS) and peak memory
# (GNU time's maximum resident set size). Targets (PRODUCT.md): 100k under 0.5 s,
# 1M under 5 s and 2 GB, on a 2-core machine.
#
# On a shared machine the wall time also counts waiting for a core; the CPU column
# (user + system) is what the check itself cost.
#
# Usage: bench/check.sh [SIZES...]     e.g. bench/check.sh 100000
# Env:   RUNS (default 3), BENCH_DIR (default target/bench-plans), SEED (default 1),
#        BIN (default: target/release/throughline, built first; set it to compare
#        another build, which is then used as it is)
# The core's own benchmarks (analysis, an edit in the app, check in-process):
#        cargo bench -p throughline-core --bench targets
set -euo pipefail

cd "$(dirname "$0")/.."
if [[ $# -gt 0 ]]; then SIZES=("$@"); else SIZES=(100000 1000000); fi
RUNS=${RUNS:-3}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-target/bench-plans}
AS_OF=2026-11-23

source bench/common.sh
mkdir -p "$BENCH_DIR"

ROWS=()
for size in "${SIZES[@]}"; do
  for ext in json throughline; do
    plan="$BENCH_DIR/plan-$size-seed$SEED.$ext"
    if [[ ! -f $plan ]]; then
      read -r gen_ns gen_kb _ < <(measure "$BIN" generate --nodes "$size" --seed "$SEED" -o "$plan")
      printf 'generated %-45s in %ss (peak %d MB)\n' "$plan" "$(seconds "$gen_ns")" $((gen_kb / 1024)) >&2
    fi
    for format in text json; do
      times=()
      cpus=()
      peak_max=0
      for ((run = 0; run < RUNS; run++)); do
        read -r ns kb cpu < <(measure "$BIN" check "$plan" --as-of "$AS_OF" --format "$format")
        times+=("$ns")
        cpus+=("$cpu")
        ((kb > peak_max)) && peak_max=$kb
      done
      mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
      mapfile -t sorted_cpu < <(printf '%s\n' "${cpus[@]}" | sort -n)
      best=$(seconds "${sorted[0]}")
      median=$(seconds "${sorted[$((RUNS / 2))]}")
      cpu_median=$(seconds "$((sorted_cpu[$((RUNS / 2))] * 1000000))")
      size_mb=$(du -m "$plan" | cut -f1)
      ROWS+=("$(printf '| %9s | %-11s | %5s MB | %-4s | %8s | %8s | %8s | %7d MB |' \
        "$size" "$ext" "$size_mb" "$format" "$best" "$median" "$cpu_median" $((peak_max / 1024)))")
    done
  done
done

echo
echo "throughline check ($BIN), as of $AS_OF, $RUNS runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "|     nodes | file        |    size | out  | best (s) | median s | CPU med. |   peak RSS |"
echo "|----------:|-------------|--------:|------|---------:|---------:|---------:|-----------:|"
printf '%s\n' "${ROWS[@]}"

if command -v hyperfine >/dev/null; then
  echo
  for size in "${SIZES[@]}"; do
    for ext in json throughline; do
      plan="$BENCH_DIR/plan-$size-seed$SEED.$ext"
      hyperfine --warmup 1 --runs "$RUNS" -i \
        "$BIN check $plan --as-of $AS_OF --format json"
    done
  done
fi
