#!/usr/bin/env bash
# Benchmarks `throughline check` on a 100,000-node plan that Throughline did not write
# (bench/foreign_plan.py: Python's json.dump, keys in another order, \u escapes,
# indent=2, dropped nodes, goals with several parents), against Python's json.load of
# the same file, in the same run, round after round; and the same for a plan from
# `throughline generate`, for comparison. Wall time (best and median), CPU time
# (user + system, median) and peak memory (GNU time's maximum resident set size).
#
# On a shared machine the wall time also counts waiting for a core; the CPU column is
# what each command itself cost, and the ratio of CPU medians the fairest comparison.
#
# Usage: bench/foreign.sh [NODES]      (default 100000)
# Env:   RUNS (default 5), SEED (default 1), BENCH_DIR (default target/bench-plans),
#        BIN (see bench/common.sh), BASELINE (another build of throughline, e.g. of
#        main, to time in the same rounds as BIN)
set -euo pipefail

cd "$(dirname "$0")/.."
NODES=${1:-100000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-target/bench-plans}
BASELINE=${BASELINE:-}
AS_OF=2026-11-23

source bench/common.sh
mkdir -p "$BENCH_DIR"

FOREIGN="$BENCH_DIR/foreign-$NODES-seed$SEED.json"
GENERATED="$BENCH_DIR/plan-$NODES-seed$SEED.json"
# The foreign plan is written anew each time: the writer is part of what is measured.
python3 bench/foreign_plan.py "$NODES" "$SEED" "$FOREIGN"
[[ -f $GENERATED ]] || "$BIN" generate --nodes "$NODES" --seed "$SEED" -o "$GENERATED"

# A plan the reader refuses would be timed as a fast failure: check that it reads.
set +e
"$BIN" check "$FOREIGN" --as-of "$AS_OF" >/dev/null
status=$?
set -e
if [[ $status -gt 1 ]]; then
  echo "$FOREIGN does not read (exit $status)" >&2
  exit 1
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
best() { sort -n | head -1; }

# Each command timed: a label, then the command without the plan.
LABELS=(check)
COMMANDS=("$BIN check --as-of $AS_OF --format json")
if [[ -n $BASELINE ]]; then
  LABELS+=(baseline)
  COMMANDS+=("$BASELINE check --as-of $AS_OF --format json")
fi
LABELS+=(json.load)
LOAD=$(mktemp)
trap 'rm -f "$LOAD"' EXIT
echo 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' >"$LOAD"
COMMANDS+=("python3 $LOAD")

ROWS=()
for plan in "$FOREIGN" "$GENERATED"; do
  name=$(basename "$plan")
  size_mb=$(du -m "$plan" | cut -f1)
  declare -A wall=() cpu=() peak=()
  # Interleaved, so that every command meets the same load on the machine.
  for ((run = 0; run < RUNS; run++)); do
    for i in "${!COMMANDS[@]}"; do
      # shellcheck disable=SC2086 # the command is words on purpose
      read -r ns kb cpu_ms < <(measure ${COMMANDS[$i]} "$plan")
      wall[$i]+="$ns "
      cpu[$i]+="$cpu_ms "
      ((kb > ${peak[$i]:-0})) && peak[$i]=$kb
    done
  done
  last=$((${#COMMANDS[@]} - 1))
  load_wall=$(echo ${wall[$last]} | tr ' ' '\n' | median)
  load_cpu=$(echo ${cpu[$last]} | tr ' ' '\n' | median)
  for i in "${!COMMANDS[@]}"; do
    w_best=$(echo ${wall[$i]} | tr ' ' '\n' | best)
    w_med=$(echo ${wall[$i]} | tr ' ' '\n' | median)
    c_med=$(echo ${cpu[$i]} | tr ' ' '\n' | median)
    ratio=""
    if ((i < last)); then
      ratio=$(awk -v w="$w_med" -v lw="$load_wall" -v c="$c_med" -v lc="$load_cpu" \
        'BEGIN { printf "%.2fx / %.2fx", w / lw, (lc > 0 ? c / lc : 0) }')
    fi
    ROWS+=("$(printf '| %-26s | %4s MB | %-9s | %8s | %8s | %8s | %6d MB | %-22s |' "$name" "$size_mb" \
      "${LABELS[$i]}" "$(seconds "$w_best")" "$(seconds "$w_med")" \
      "$(seconds "$((c_med * 1000000))")" $((peak[$i] / 1024)) "$ratio")")
  done
  unset wall cpu peak
done

echo
echo "throughline check ($BIN${BASELINE:+; baseline $BASELINE}) vs python3 json.load, $NODES nodes, as of $AS_OF, $RUNS rounds, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "| plan                       |    size | command   | best (s) | median s | CPU med. |  peak RSS | vs json.load: wall / CPU |"
echo "|----------------------------|--------:|-----------|---------:|---------:|---------:|----------:|------------------------|"
printf '%s\n' "${ROWS[@]}"
