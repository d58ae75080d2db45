#!/usr/bin/env bash
# Sets up what is missing and runs every check and test: formatting, clippy, unit,
# component and storage tests, the content check, the desktop app driven under Xvfb,
# and the end-to-end test of the web app in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start ))s)"; }

step "setup"
scripts/setup.sh all

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked -p sauga-tools --all-targets --features xlsx,qr -- -D warnings
# The pupil's web app is the library without teacher mode (scripts/build-web.sh).
cargo clippy --locked --lib --no-default-features -- -D warnings
cargo clippy --locked -p sauga-checker --all-targets -- -D warnings

step "content check"
cargo run --locked --quiet --bin content-check

step "unit, component and storage tests"
cargo test --locked
cargo test --locked -p sauga-tools --features xlsx,qr
cargo test --locked -p sauga-checker

step "desktop build compiles, without warnings (with its test driver)"
cargo clippy --locked --features desktop-e2e --bins -- -D warnings

step "desktop app driven through teacher mode (WebKitGTK under Xvfb)"
tests/desktop/run.sh

step "mobile builds compile, without warnings (Android, iOS)"
scripts/check-mobile.sh

step "web build"
scripts/build-web.sh

step "a pack checker trusting a test key, for the browser tests only (never in dist/)"
tests/e2e/pack-setup.sh

step "browser end-to-end test (headless Chromium)"
export SAUGA_SCREENSHOTS="${SAUGA_SCREENSHOTS:-$(pwd)/target/e2e-screenshots}"
echo "screenshots go to $SAUGA_SCREENSHOTS"
rm -rf "$SAUGA_SCREENSHOTS"
# One file at a time: each serves dist/ on the same port.
node --test --test-concurrency=1 tests/e2e/app.test.mjs tests/e2e/a11y.test.mjs tests/e2e/classroom.test.mjs tests/e2e/pupil.test.mjs tests/e2e/pack.test.mjs

echo
echo "all checks passed in $(( $(date +%s) - start ))s"
