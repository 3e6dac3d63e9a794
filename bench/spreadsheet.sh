#!/usr/bin/env bash
# Benchmarks the spreadsheet paths on a generated plan: `throughline import` of the plan
# as CSV (bench/spreadsheet_plan.py writes it), of the same plan as JSON for
# comparison, and `throughline report -o r.xlsx`. Wall time (best and median of RUNS)
# and peak memory (GNU time's maximum resident set size).
#
# Usage: bench/spreadsheet.sh [NODES]      (default 10000)
# Env:   RUNS (default 5), SEED (default 1), BENCH_DIR (default target/bench-plans),
#        BIN (see bench/common.sh)
set -euo pipefail

cd "$(dirname "$0")/.."
NODES=${1:-10000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-target/bench-plans}
AS_OF=2026-11-23

source bench/common.sh
mkdir -p "$BENCH_DIR"

JSON="$BENCH_DIR/plan-$NODES-seed$SEED.json"
CSV="$BENCH_DIR/sheet-$NODES-seed$SEED.csv"
[[ -f $JSON ]] || "$BIN" generate --nodes "$NODES" --seed "$SEED" -o "$JSON"
python3 bench/spreadsheet_plan.py "$JSON" "$CSV"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
best() { sort -n | head -1; }

LABELS=("import CSV" "import JSON" "report XLSX")
COMMANDS=(
  "$BIN import $CSV -o $OUT/from-csv.throughline --force"
  "$BIN import $JSON -o $OUT/from-json.throughline --force"
  "$BIN report $JSON -o $OUT/report.xlsx --as-of $AS_OF"
)
declare -A wall=() peak=()
for ((run = 0; run < RUNS; run++)); do
  for i in "${!COMMANDS[@]}"; do
    # shellcheck disable=SC2086 # the command is words on purpose
    read -r ns kb _ < <(measure ${COMMANDS[$i]})
    wall[$i]+="$ns "
    ((kb > ${peak[$i]:-0})) && peak[$i]=$kb
  done
done

echo
echo "spreadsheets ($BIN), $NODES nodes, $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "| command     | best (s) | median s | peak RSS |"
echo "|-------------|---------:|---------:|---------:|"
for i in "${!COMMANDS[@]}"; do
  printf '| %-11s | %8s | %8s | %5d MB |\n' "${LABELS[$i]}" \
    "$(seconds "$(echo ${wall[$i]} | tr ' ' '\n' | best)")" \
    "$(seconds "$(echo ${wall[$i]} | tr ' ' '\n' | median)")" $((peak[$i] / 1024))
done
