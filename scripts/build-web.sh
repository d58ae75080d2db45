#!/usr/bin/env bash
# Builds the web app into dist/: cargo (wasm32) → wasm-bindgen → static files.
# Expects the tools that scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --target wasm32-unknown-unknown --features web --bin sauga
# The teacher-only tools (xlsx writer, QR reader) as their own wasm module, loaded the
# first time a teacher needs them: a pupil never downloads them (crates/tools).
cargo rustc --release --locked --target wasm32-unknown-unknown -p sauga-tools --features web --crate-type cdylib
rm -rf dist
mkdir -p dist
# The course as one data file per language (checked first; a failing check stops the
# build): the wasm carries no lesson text, and a phone downloads only its language.
cargo run --locked --quiet --bin content-check -- export dist/content >/dev/null
wasm-bindgen --target web --no-typescript --out-dir dist \
  target/wasm32-unknown-unknown/release/sauga.wasm
wasm-bindgen --target web --no-typescript --out-dir dist/tools \
  target/wasm32-unknown-unknown/release/sauga_tools.wasm
cp assets/index.html assets/calc.html assets/sauga.css assets/favicon.svg assets/manifest.webmanifest dist/
# The app's code starts downloading with the page: the wasm, its JS and every snippet
# module the JS imports (otherwise each waits for the one before it).
preloads='<link rel="preload" href="sauga_bg.wasm" as="fetch" type="application/wasm" crossorigin>'
for f in sauga.js $(cd dist && find snippets -name '*.js' | sort); do
  preloads="$preloads<link rel=\"modulepreload\" href=\"$f\">"
done
sed -i "s|<!-- PRELOADS:|$preloads\n  <!-- PRELOADS:|" dist/index.html
# The pages' Content-Security-Policy, with the hashes of their inline scripts.
node scripts/csp.mjs dist
# The install icons, drawn from the SVGs (the maskable one keeps to the safe zone).
rsvg-convert -w 192 -h 192 assets/favicon.svg -o dist/icon-192.png
rsvg-convert -w 512 -h 512 assets/favicon.svg -o dist/icon-512.png
rsvg-convert -w 512 -h 512 assets/icon-maskable.svg -o dist/icon-maskable-512.png
# The service worker's cache is named after this build, so a new build replaces it.
build=$(find dist -type f | sort | xargs cat | sha256sum | cut -c1-12)
# The tools module is not in it: the worker keeps it once teacher mode has read it.
files=$(cd dist && find . -type f ! -name sw.js ! -path './tools/*' | sed 's|^\./||' | sort | sed 's/.*/"&"/' | paste -sd, -)
sed -e "s/sauga-BUILD/sauga-$build/" -e "s|FILE_LIST|[$files]|" assets/sw.js > dist/sw.js
# Precompressed copies beside each file, for servers that send them as they are
# (tests/e2e/serve.mjs; nginx's gzip_static/brotli_static, Caddy's precompressed):
# the browser downloads a third of the wasm's size.
find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.html' -o -name '*.svg' -o -name '*.css' -o -name '*.json' -o -name '*.webmanifest' \) ! -name sw.js |
  while read -r f; do
    gzip -9 -k -n -f "$f"
    brotli -q 11 -f -o "$f.br" "$f"
  done
wire=$(( $(stat -c %s dist/sauga_bg.wasm.br) + $(stat -c %s dist/sauga.js.br) + $(stat -c %s dist/index.html.br) ))
tools=$(stat -c %s dist/tools/sauga_tools_bg.wasm.br)
echo "web app built in $(pwd)/dist ($(du -h dist/sauga_bg.wasm | cut -f1) of wasm; $((wire / 1024)) KB of wasm, JS and page with brotli; the teacher-only tools module, not read by pupils: $((tools / 1024)) KB)"
