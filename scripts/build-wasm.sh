#!/usr/bin/env bash
# Builds the widget: the Wasm (wasm-release profile), its JS glue
# (wasm-bindgen --target web) and wasm-opt -Oz, into www/pkg. Prints the
# sizes. Output is git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
out=www/pkg
cargo build --profile wasm-release --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm-release/citequiz.wasm
# npm's binaryen (never Debian's: its wasm-opt writes modules Chromium rejects).
# --converge repeats -Oz while it still shrinks the module;
# --low-memory-unused lets it fold constant addresses into loads and stores
# (Rust's data and stack start at 1 MiB, so the first 1 KiB is never used).
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/citequiz_bg.wasm" -o "$out/citequiz_bg.wasm"
# The glue is an ES module; this says so to Node (tests/e2e/stack.test.mjs
# imports it there).
echo '{"type": "module"}' > "$out/package.json"
bash scripts/size.sh
