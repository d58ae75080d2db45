#!/usr/bin/env bash
# Sets up what is missing, builds the web app and serves it on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh web
scripts/build-web.sh
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
