#!/usr/bin/env bash
# Measures edit-to-screen in the desktop app: a node's status changed from the inspector,
# many times, on a generated plan, timed by the app's own hook (ui/src/timing.ts) through
# WebDriver (tests/e2e/tests/edit_timing.rs). Per edit: edit-ipc (click to Rust's answer),
# edit-work (click to the last change the edit makes to the page) and edit-to-screen (click
# to the end of the first frame painted after that change: style, layout and WebKit's paint).
# Then paint-* for comparison: what the window costs to paint changes made by script, with no
# IPC and no React (a word in a corner; the status select; the map node; both in one frame).
# Targets (issue 9): edit-to-screen under 8 ms at 10,000 nodes and under 50 ms at 100,000.
#
# Usage: bench/edit.sh [NODES...]     default: 10000 100000
# Env:   EDITS (default 20), SEED (default 7), BENCH_DIR (default target/bench-plans).
# A plan bigger than the overview's threshold opens as one card per org goal; the test opens
# the first card and edits a node of that group, as a user would.
# App binary: $THROUGHLINE_APP_BIN, else target/release/throughline-app if it exists (what
# users run; build it with `cargo build --release -p throughline-app --features
# throughline-app/custom-protocol`), else the debug build the e2e tests use. Needs
# tauri-driver and xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${SEED:-7}
BENCH_DIR=${BENCH_DIR:-target/bench-plans}
EDITS=${EDITS:-20}
mkdir -p "$BENCH_DIR"
if [[ -z ${THROUGHLINE_APP_BIN:-} && -x target/release/throughline-app ]]; then
  export THROUGHLINE_APP_BIN=$PWD/target/release/throughline-app
fi
echo "app: ${THROUGHLINE_APP_BIN:-target/debug/throughline-app}"
[[ $# -gt 0 ]] || set -- 10000 100000
cargo build --quiet -p throughline-cli
for nodes in "$@"; do
  plan="$BENCH_DIR/edit-$nodes.throughline"
  if [[ ! -f $plan ]]; then
    target/debug/throughline generate --nodes "$nodes" --seed "$SEED" -o "$BENCH_DIR/edit-$nodes.json"
    target/debug/throughline import "$BENCH_DIR/edit-$nodes.json" -o "$plan" --force
  fi
  echo "== $nodes nodes, $EDITS edits; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  THROUGHLINE_BENCH_PLAN=$(realpath "$plan") THROUGHLINE_BENCH_EDITS=$EDITS \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    cargo test --quiet -p throughline-e2e --locked --test edit_timing -- --include-ignored --nocapture 2>&1 |
    grep -E '^(plan|edit-|paint-)'
done
