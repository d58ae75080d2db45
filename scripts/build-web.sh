#!/usr/bin/env bash
# Builds the web app into dist/: cargo (wasm32) → wasm-bindgen → static files.
# Expects the tools that scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --target wasm32-unknown-unknown --features web --bin sauga
rm -rf dist
mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist \
  target/wasm32-unknown-unknown/release/sauga.wasm
cp assets/index.html assets/calc.html assets/favicon.svg dist/
echo "web app built in $(pwd)/dist ($(du -h dist/sauga_bg.wasm | cut -f1) of wasm)"
