#!/usr/bin/env bash
# Compile-checks (with clippy) the mobile builds, Android and iOS, whose share-sheet
# code no other step compiles. Nothing is linked: there is no Android NDK or Apple SDK
# here, so SQLite's C is left out (its Rust bindings are bundled) and the one small
# Objective-C file of the iOS tree is compiled by the system clang without an SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export LIBSQLITE3_SYS_USE_PKG_CONFIG=1 SQLITE3_LIB_DIR=/nonexistent
sdk="$(mktemp -d)"  # an empty "SDK": cc needs a folder, the file needs no headers
trap 'rmdir "$sdk"' EXIT
export SDKROOT="$sdk" CC_aarch64_apple_ios=clang
AR_aarch64_apple_ios="$(command -v llvm-ar || command -v ar)"
export AR_aarch64_apple_ios
for target in aarch64-linux-android aarch64-apple-ios; do
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
  echo "== mobile: $target"
  cargo clippy --locked --target "$target" --features mobile --lib -- -D warnings
done
