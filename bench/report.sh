#!/usr/bin/env bash
# Benchmarks `throughline report` on a generated plan: the HTML and the PDF of the
# same plan, alternately in the same run, so that their ratio holds however busy the
# machine is. Wall time (best and median of RUNS), CPU time and peak memory (GNU
# time's maximum resident set size). Targets (PRODUCT.md): a 10,000-node plan's PDF
# under 1 s and at most 5x its HTML.
#
# Usage: bench/report.sh [NODES]     default 10000
# Env:   RUNS (default 5), SEED (default 7), BENCH_DIR (default target/bench-plans),
#        BIN (default: target/release/throughline, built first)
set -euo pipefail

cd "$(dirname "$0")/.."
NODES=${1:-10000}
RUNS=${RUNS:-5}
SEED=${SEED:-7}
BENCH_DIR=${BENCH_DIR:-target/bench-plans}
AS_OF=2026-11-23
BIN=${BIN:-}

if [[ ! -x /usr/bin/time ]]; then
  echo "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2
  exit 2
fi
if [[ -z $BIN ]]; then
  echo "Building release binary..." >&2
  cargo build --release --quiet -p throughline-cli
  BIN=target/release/throughline
fi
mkdir -p "$BENCH_DIR"
plan="$BENCH_DIR/plan-$NODES-seed$SEED.json"
[[ -f $plan ]] || "$BIN" generate --nodes "$NODES" --seed "$SEED" -o "$plan"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One run: "wall_ms cpu_ms peak_mb".
measure() {
  local log start end
  log="$out/time.log"
  start=$(date +%s%N)
  /usr/bin/time -o "$log" -f '%U %S %M' "$BIN" report "$plan" -o "$out/report.$1" --as-of "$AS_OF" >/dev/null
  end=$(date +%s%N)
  awk -v wall=$(((end - start) / 1000000)) '{ printf "%d %d %d\n", wall, ($1 + $2) * 1000, $3 / 1024 }' "$log"
}

declare -A walls cpus peaks
for ((run = 0; run < RUNS; run++)); do
  for format in html pdf; do
    read -r wall cpu peak < <(measure "$format")
    walls[$format]+="$wall "
    cpus[$format]+="$cpu "
    ((peak > ${peaks[$format]:-0})) && peaks[$format]=$peak
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
best() { tr ' ' '\n' | grep -v '^$' | sort -n | head -1; }

echo
echo "throughline report, $NODES-node plan (seed $SEED), $RUNS runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "| format | best (ms) | median (ms) | CPU median (ms) | peak RSS (MB) | pages |"
echo "|--------|----------:|------------:|----------------:|--------------:|------:|"
for format in html pdf; do
  pages=""
  if [[ $format == pdf ]] && command -v pdfinfo >/dev/null; then
    pages=$(pdfinfo "$out/report.pdf" | awk '/^Pages:/ { print $2 }')
  fi
  printf '| %-6s | %9s | %11s | %15s | %13s | %5s |\n' "$format" \
    "$(best <<<"${walls[$format]}")" "$(median <<<"${walls[$format]}")" \
    "$(median <<<"${cpus[$format]}")" "${peaks[$format]}" "$pages"
done
html=$(median <<<"${walls[html]}")
pdf=$(median <<<"${walls[pdf]}")
awk -v h="$html" -v p="$pdf" 'BEGIN { printf "PDF / HTML (median wall): %.2fx\n", p / h }'
