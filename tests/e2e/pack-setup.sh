#!/usr/bin/env bash
# What the content-pack browser test (tests/e2e/pack.test.mjs) needs, all under
# target/e2e-pack/ and never in dist/: a test key pair made here on every run, the
# checker module built to trust that key (SAUGA_TEST_PUBLISHER_KEY), and a copy of the
# built site with that checker in place of the release one. Run after
# scripts/build-web.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/e2e-pack
rm -rf "$out"
mkdir -p "$out"
cargo build --locked --quiet --bin content-check
public=$(target/debug/content-check keygen "$out/test.key" | sed -n 's/^public key: //p')
test -n "$public"
SAUGA_TEST_PUBLISHER_KEY="$public" cargo rustc --release --locked --target wasm32-unknown-unknown \
  -p sauga-checker --crate-type cdylib
wasm-bindgen --target web --no-typescript --out-dir "$out/checker" \
  target/wasm32-unknown-unknown/release/sauga_checker.wasm
cp -a dist "$out/site"
rm -rf "$out/site/checker"
cp -a "$out/checker" "$out/site/checker"
echo "test key $public; the site that trusts it is $out/site"
