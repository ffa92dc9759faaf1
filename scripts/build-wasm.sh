#!/usr/bin/env bash
# Builds the widget: the Wasm (wasm-release profile), its JS glue
# (wasm-bindgen --target web) and wasm-opt -Oz, into www/pkg; the widget's
# player (compiled banks only) beside it as citequiz_player*; the same for
# the headless API into www/pkg/api; then the pages' bundles. Prints the
# widget's sizes. Output is git-ignored.
#   bash scripts/build-wasm.sh           the widget, the API, the bundles
#   bash scripts/build-wasm.sh checker   only the npm package's Node checker
#                                        (feature `check`, --target nodejs)
#                                        into npm/checker
#   bash scripts/build-wasm.sh names FEATURE DIR
#                                        one Wasm as the widget's is built,
#                                        keeping its function names (wasm-opt
#                                        -g), into DIR, for twiggy
#                                        (bench/wasm-parts.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
out=www/pkg
# The standard library is rebuilt for the widget (-Zbuild-std, through
# RUSTC_BOOTSTRAP on stable Rust) at the profile's opt-level "z", with its
# optimize_for_size feature, and with the immediate-abort panic strategy,
# which drops every panic message and the formatting behind them: 17 KB
# gzip smaller than the prebuilt std. It needs the rust-src component
# (setup.sh adds it); without it the build falls back to the prebuilt std
# and says so (`make test`'s size ceiling then fails). Its own target
# directory keeps these flags from invalidating the test builds.
std_flags=()
if [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  std_flags=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  export RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
else
  echo "build-wasm: the rust-src component is missing (rustup component add rust-src): building with the prebuilt std, about 17 KB gzip larger" >&2
fi

# build FEATURE DIR [GLUE [NAME]]: the Wasm with one of the shell's exports
# (Cargo.toml, [features]), its glue (wasm-bindgen's target GLUE, `web`
# unless given) and wasm-opt, into DIR as NAME.js and NAME_bg.wasm
# (`citequiz` unless given).
build() {
  local glue=${3:-web} name=${4:-citequiz}
  cargo build --profile wasm-release --target wasm32-unknown-unknown --lib \
    --target-dir target/widget "${std_flags[@]}" --no-default-features --features "$1"
  wasm-bindgen --target "$glue" --out-dir "$2" --out-name "$name" \
    target/widget/wasm32-unknown-unknown/wasm-release/citequiz.wasm
  # npm's binaryen (never Debian's: its wasm-opt writes modules Chromium
  # rejects). --converge repeats -Oz while it still shrinks the module;
  # --low-memory-unused lets it fold constant addresses into loads and
  # stores (Rust's data and stack start at 1 MiB, so the first 1 KiB is
  # never used).
  node_modules/.bin/wasm-opt -Oz ${keep_names:-} --converge --low-memory-unused --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$2/${name}_bg.wasm" -o "$2/${name}_bg.wasm"
  # The web glue is an ES module; this says so to Node (tests/e2e/stack.test.mjs
  # imports it there). The nodejs glue is CommonJS, whatever package.json
  # above it says.
  if [ "$glue" = web ]; then type=module; else type=commonjs; fi
  echo "{\"type\": \"$type\"}" > "$2/package.json"
}
if [ "${1:-}" = names ]; then
  keep_names=-g
  build "${2:?names FEATURE DIR}" "${3:?names FEATURE DIR}"
  exit
fi
# The npm package's checker for Node (`npx citequiz check`): the library's
# `checker`, which the native command runs too; its size is not budgeted.
if [ "${1:-}" = checker ]; then
  build check npm/checker nodejs
  exit
fi
# The widget (`Widget`, `articlePath`) for pages, and the headless `Quiz`
# (and `articlePath`) for hosts that draw their own UI: each without the
# other's code (the Quiz API was 7 kB gzip of the widget's Wasm).
build widget "$out"
# The player: the widget for compiled banks only (feature `player`: the raw
# bank's reader compiled out, 21 kB gzip less), with its own glue, which
# load.js starts for a compiled bank (see ARCHITECTURE.md, Size).
build player "$out" web citequiz_player
build api "$out/api"
# The two widget Wasms' URLs, for load.js to start a Wasm's fetch beside its
# glue's import (the glue knows its Wasm's URL only once it has come). The
# module sits beside the Wasms, so that `import.meta.url` finds them both
# from the sources (www/load.js imports ./pkg/wasm.js) and from the bundles
# (in www/pkg, where this module is inlined); bundlers that copy assets
# see the literal `new URL(…, import.meta.url)` pattern.
cat > "$out/wasm.js" <<'JS'
// Written by scripts/build-wasm.sh: the widget's two Wasms (see www/load.js).
export const WASM = {
  full: new URL('citequiz_bg.wasm', import.meta.url),
  player: new URL('citequiz_player_bg.wasm', import.meta.url),
};
JS

# What pages load: each entry point bundled with what it imports (the
# loader, the LRS reporter) into one minified module, and the CSS
# minified: 10 kB gzip less than the sources as they are, and one request
# where the module graph took five. Each Wasm's glue, which load.js
# imports only when a bank needs that build, is a chunk of its own
# (--splitting): citequiz.min.js (the full widget's) and
# citequiz_player.min.js, the same files for every entry point, so that
# each is built alone (built together, the entry points would share their
# common code as more chunks: more requests). The bundles and chunks sit
# beside the Wasm and the CSS, which they find relative to themselves
# (import.meta.url). Source maps point back to www/. UTF-8 as it is rather
# than escaped (module scripts are always read as UTF-8).
for entry in cite-quiz=www/citequiz.js main=www/main.js embed=www/embed.js preview=www/preview.js; do
  node_modules/.bin/esbuild "$entry" --bundle --minify --format=esm --splitting --charset=utf8 \
    --chunk-names='[name].min' --sourcemap --log-level=warning --outdir="$out"
done
node_modules/.bin/esbuild www/style.css --minify --log-level=warning --outfile="$out/style.css"
# `citequiz build`'s self-contained page inlines this one (src/package): the
# page's script with both glues (it starts the one for the Wasm the page
# holds), minified, in one module, without a source map to point at.
node_modules/.bin/esbuild single=www/single.js --bundle --minify --format=esm \
  --log-level=warning --outdir="$out"
bash scripts/size.sh
