#!/usr/bin/env bash
# Measures the desktop app on the sample plan: cold start to an interactive window, and
# the memory of all its processes together (the app, WebKitWebProcess, WebKitNetworkProcess).
#
# Each run starts on a fresh HOME (an empty WebKit profile, the sample plan written anew)
# under its own Xvfb. "Plan painted" is the moment the plan's name is painted in the top
# bar: the UI has loaded, asked Rust for the plan, and rendered it; "map painted" when the
# laid-out map shows (the window is then fully interactive). Memory is read 5 s
# later, when the map layout has settled: RSS (counts shared libraries once per process)
# and PSS (shares them out, so the sum is the real footprint).
#
# Usage: tests/e2e/measure.sh [runs]   (app binary: $THROUGHLINE_APP_BIN or target/debug/throughline-app)
set -euo pipefail
cd "$(dirname "$0")/../.."
APP=${THROUGHLINE_APP_BIN:-target/debug/throughline-app}
APP=$(realpath "$APP")
RUNS=${1:-5}

now_ms() { date +%s%3N; }

descendants() { # a pid and all its descendants
  local pid=$1
  echo "$pid"
  for child in $(ps -o pid= --ppid "$pid"); do descendants "$child"; done
}

for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d /tmp/throughline-measure-XXXXXX)
  display=:$((150 + run))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 0.5
  start=$(now_ms)
  HOME="$work/home" THROUGHLINE_CONFIG_DIR="$work/config" THROUGHLINE_AS_OF=2026-11-23 \
    DISPLAY=$display "$APP" >"$work/app.log" 2>&1 &
  app=$!
  window_ms=""; ready_ms=""; map_ms=""
  while [ -z "$map_ms" ] && [ $(( $(now_ms) - start )) -lt 30000 ]; do
    if [ -z "$window_ms" ] && DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q '"Throughline"'; then
      window_ms=$(( $(now_ms) - start ))
    fi
    if [ -n "$window_ms" ]; then
      # The plan name sits at about x 62-325, y 10-44; dark text there means it is painted.
      darkest=$(DISPLAY=$display import -window root -crop 260x30+64+12 +repage -colorspace Gray \
        -format '%[fx:minima]' info: 2>/dev/null || echo 1)
      if [ -z "$ready_ms" ] && awk -v d="$darkest" 'BEGIN { exit !(d < 0.3) }'; then ready_ms=$(( $(now_ms) - start )); fi
    fi
    if [ -n "$ready_ms" ]; then
      # The laid-out map: the middle of the map area stops being plain background.
      spread=$(DISPLAY=$display import -window root -crop 600x400+100+160 +repage -colorspace Gray \
        -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
      if awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }'; then map_ms=$(( $(now_ms) - start )); fi
    fi
    sleep 0.05
  done
  sleep 5
  rss=0; pss=0; names=""
  for pid in $(descendants "$app"); do
    [ -r "/proc/$pid/status" ] || continue
    r=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"); p=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
    rss=$((rss + ${r:-0})); pss=$((pss + ${p:-0}))
    names="$names $(cat "/proc/$pid/comm")=$(( ${r:-0} / 1024 ))M"
  done
  echo "run $run: window mapped ${window_ms:-?} ms, plan painted ${ready_ms:-?} ms, map painted ${map_ms:-?} ms; RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB ($names )"
  DISPLAY=$display import -window root "$work/window.png" 2>/dev/null && cp "$work/window.png" tests/e2e/shots/measure-last.png
  kill -TERM "$app"; wait "$app" 2>/dev/null || true
  kill -TERM "$xvfb"; wait "$xvfb" 2>/dev/null || true
  rm -rf "$work"
done
