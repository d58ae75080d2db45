#!/usr/bin/env bash
# Builds the web app into dist/: cargo (wasm32) → wasm-bindgen → static files.
# Expects the tools that scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=target/wasm32-unknown-unknown/release/sauga.wasm
# A release never trusts a test key: the content-pack checker takes one from this
# variable when it is built (tests/e2e/pack-setup.sh builds its own, outside dist/).
if [ -n "${SAUGA_TEST_PUBLISHER_KEY:-}" ]; then
  echo "build-web.sh: SAUGA_TEST_PUBLISHER_KEY is set; a release must not trust a test key" >&2
  exit 1
fi
rm -rf dist
mkdir -p dist
# Two builds of the app: the whole app, teacher mode included, for teacher.html, and
# the pupil's (index.html) without teacher mode's screens and strings
# (`--no-default-features`: no `teacher` feature), so a pupil's phone never downloads
# them. Both read the same database (IndexedDB of this origin).
cargo build --release --locked --target wasm32-unknown-unknown --features web --bin sauga
wasm-bindgen --target web --no-typescript --out-dir dist/teacher "$wasm"
cargo build --release --locked --target wasm32-unknown-unknown --no-default-features --features web --bin sauga
wasm-bindgen --target web --no-typescript --out-dir dist "$wasm"
# The teacher-only tools (xlsx writer, QR reader) as their own wasm module, loaded the
# first time a teacher needs them: a pupil never downloads them (crates/tools).
cargo rustc --release --locked --target wasm32-unknown-unknown -p sauga-tools --features web --crate-type cdylib
# The content-pack checker (signature, format, version and the full content check)
# as its own wasm module, loaded only when someone opens a pack (crates/checker).
cargo rustc --release --locked --target wasm32-unknown-unknown -p sauga-checker --crate-type cdylib
# The course as one data file per language (checked first; a failing check stops the
# build): the wasm carries no lesson text, and a phone downloads only its language.
cargo run --locked --quiet --bin content-check -- export dist/content >/dev/null
wasm-bindgen --target web --no-typescript --out-dir dist/tools \
  target/wasm32-unknown-unknown/release/sauga_tools.wasm
wasm-bindgen --target web --no-typescript --out-dir dist/checker \
  target/wasm32-unknown-unknown/release/sauga_checker.wasm
# A function the wasm calls but nothing defined (for instance one of the SQLite parts
# .cargo/config.toml leaves out) becomes an import from "env", and the page would fail
# to start: refuse it here.
for js in dist/sauga.js dist/teacher/sauga.js dist/tools/sauga_tools.js dist/checker/sauga_checker.js; do
  if grep -Eq "from ['\"]env['\"]" "$js"; then
    echo "$js imports from \"env\": the wasm calls a function nothing defines" >&2
    exit 1
  fi
done
cp assets/index.html assets/calc.html assets/sauga.css assets/favicon.svg assets/manifest.webmanifest dist/
# The teacher page: the same page, which loads the whole app from teacher/ there.
cp assets/index.html dist/teacher.html
# The app's code starts downloading with the page: the wasm, its JS and every snippet
# module the JS imports (otherwise each waits for the one before it).
preload() { # page, folder of the app's code ("" or "teacher/")
  local links="<link rel=\"preload\" href=\"$2sauga_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"
  for f in sauga.js $(cd "dist/$2" && find snippets -name '*.js' | sort); do
    links="$links<link rel=\"modulepreload\" href=\"$2$f\">"
  done
  sed -i "s|<!-- PRELOADS:|$links\n  <!-- PRELOADS:|" "dist/$1"
}
preload index.html ""
preload teacher.html teacher/
# The pages' Content-Security-Policy, with the hashes of their inline scripts.
node scripts/csp.mjs dist
# The install icons, drawn from the SVGs (the maskable one keeps to the safe zone).
rsvg-convert -w 192 -h 192 assets/favicon.svg -o dist/icon-192.png
rsvg-convert -w 512 -h 512 assets/favicon.svg -o dist/icon-512.png
rsvg-convert -w 512 -h 512 assets/icon-maskable.svg -o dist/icon-maskable-512.png
# The service worker's cache is named after this build, so a new build replaces it.
build=$(find dist -type f | sort | xargs cat | sha256sum | cut -c1-12)
# Teacher mode's page, the tools module and the pack checker are not in it: the worker
# keeps each once it has been read (and, after an update, teacher mode and the tools
# again if it had them).
list() { sed 's|^\./||' | sort | sed 's/.*/"&"/' | paste -sd, -; }
files=$(cd dist && find . -type f ! -name sw.js ! -name teacher.html ! -path './tools/*' ! -path './teacher/*' ! -path './checker/*' | list)
later=$(cd dist && find ./teacher.html ./teacher ./tools -type f | list)
sed -e "s/sauga-BUILD/sauga-$build/" -e "s|FILE_LIST|[$files]|" -e "s|LATER_LIST|[$later]|" assets/sw.js > dist/sw.js
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
checker=$(stat -c %s dist/checker/sauga_checker_bg.wasm.br)
teacher=$(( $(stat -c %s dist/teacher/sauga_bg.wasm.br) + $(stat -c %s dist/teacher/sauga.js.br) ))
echo "web app built in $(pwd)/dist ($(du -h dist/sauga_bg.wasm | cut -f1) of wasm; $((wire / 1024)) KB of wasm, JS and page with brotli; not read by pupils: teacher mode $((teacher / 1024)) KB, the tools module $((tools / 1024)) KB, the pack checker $((checker / 1024)) KB)"
