# Shared by the bench scripts (sourced, not run): GNU time for peak memory, the
# release binary, and a timed run of a command.

if [[ ! -x /usr/bin/time ]]; then
  echo "Installing GNU time (for peak memory)..." >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get install -y -qq time >/dev/null || {
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq time >/dev/null
  }
fi

# BIN: the binary to measure; by default target/release/throughline, built first. Set
# it to compare another build, which is then used as it is.
BIN=${BIN:-}
if [[ -z $BIN ]]; then
  echo "Building release binary..." >&2
  cargo build --release --quiet -p throughline-cli
  BIN=target/release/throughline
fi

now_ns() { date +%s%N; }

# Seconds with milliseconds, from nanoseconds.
seconds() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }

# Runs a command under GNU time; prints "wall_ns peak_kb cpu_ms". Exit code 1
# (findings) is the expected outcome of checking a plan with gaps; anything else is
# a failure.
measure() {
  local log start end status
  log=$(mktemp)
  start=$(now_ns)
  set +e
  /usr/bin/time -o "$log" -f 'Maximum resident set size (kbytes): %M
CPU seconds: %U %S' "$@" >/dev/null
  status=$?
  set -e
  end=$(now_ns)
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    echo "command failed ($status): $*" >&2
    cat "$log" >&2
    exit 1
  fi
  local peak cpu
  peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  cpu=$(awk '/CPU seconds/ { printf "%d", ($3 + $4) * 1000 }' "$log")
  rm -f "$log"
  echo "$((end - start)) $peak $cpu"
}
