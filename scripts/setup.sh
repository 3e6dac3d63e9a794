#!/usr/bin/env bash
# Installs what building and testing Throughline needs on a fresh Debian machine.
# Idempotent: each step is skipped when its result is already present, so `make run`
# and `make test` can call it every time at almost no cost.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

apt_packages=(
  # Tauri 2 build dependencies (webkit2gtk 4.1 and friends)
  libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev curl wget file
  # Running the window headless and driving it through WebDriver
  xvfb xauth imagemagick webkit2gtk-driver x11-utils
)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version "^2" --locked
fi

if [ -f ui/package-lock.json ] && { [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; }; then
  echo "setup: installing UI packages"
  npm ci --prefix ui --no-audit --no-fund
fi
