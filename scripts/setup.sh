#!/usr/bin/env bash
# Installs what Sauga's build and tests need on Debian/Ubuntu with rustup, skipping
# whatever is already there. Usage: scripts/setup.sh [web|all]
#   web: what the web app needs (clang, the wasm target, wasm-bindgen-cli, Node.js)
#   all: also the desktop build's libraries and Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
export PATH="$HOME/.cargo/bin:$PATH"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(clang pkg-config curl ca-certificates brotli gzip librsvg2-bin)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
if [ "$what" = "all" ]; then
  # Desktop (WebView) build and its test under a virtual X server, then the
  # browser tests.
  packages+=(libwebkit2gtk-4.1-dev libgtk-3-dev libxdo-dev libssl-dev librsvg2-dev xvfb xauth chromium python3 python3-venv)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [ "$what" = "all" ]; then
  rustup component add clippy rustfmt >/dev/null 2>&1 || true
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  echo "setup: building wasm-bindgen-cli $wbg from crates.io (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg"
fi

if [ "$what" = "all" ] && [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

# openpyxl from PyPI reads the exported spreadsheets back in the browser tests, as an
# independent reader (a virtual environment under target/, pinned).
if [ "$what" = "all" ] && ! target/py/bin/python -c "import openpyxl" >/dev/null 2>&1; then
  python3 -m venv target/py
  target/py/bin/pip install --quiet --disable-pip-version-check "openpyxl==3.1.5"
fi
