#!/usr/bin/env bash
# Builds the release web app and prints the phone bench's figures (tests/e2e/bench.mjs):
# bytes on the wire, requests, time to the first screen, to the home screen and to the
# first lesson page, and the JS heap, on Chromium's mobile preset and unthrottled,
# for a first visit and a second one offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh all
scripts/build-web.sh
node tests/e2e/bench.mjs
