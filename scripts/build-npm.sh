#!/usr/bin/env bash
# What the npm package needs (package.json's `files`), for `npm pack` and
# `npm publish` (their `prepack`) and for `make test`: the widget's element
# bundle, its two Wasms (the full widget and the player) and CSS, and the
# headless API (www/pkg), and the Node checker (npm/checker). Each is built when missing or older than a source, and
# reused otherwise, so packing after `make wasm` takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
# stale FILE...: true when a file is missing or a source is newer than it.
stale() {
  for f in "$@"; do
    [ -f "$f" ] || return 0
    [ -z "$(find src www/*.js www/*.css Cargo.toml Cargo.lock build.rs rust-toolchain.toml scripts/build-wasm.sh -newer "$f" -print -quit)" ] || return 0
  done
  return 1
}
if stale www/pkg/cite-quiz.js www/pkg/citequiz.min.js www/pkg/citequiz_player.min.js www/pkg/citequiz_bg.wasm www/pkg/citequiz_player_bg.wasm www/pkg/style.css www/pkg/api/citequiz_bg.wasm; then
  bash scripts/build-wasm.sh
fi
if stale npm/checker/citequiz.js npm/checker/citequiz_bg.wasm; then
  bash scripts/build-wasm.sh checker
fi
