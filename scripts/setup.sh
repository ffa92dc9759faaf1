#!/usr/bin/env bash
# Installs what `make test` and `make demo` need and is missing; skips what
# is there. Safe to run again. Each step says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The toolchain rust-toolchain.toml pins, with its components and target.
# RUSTUP_AUTO_INSTALL may be 0, so nothing installs it on first use: every
# cargo call in this folder fails until it is there.
channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$channel-"; then
  say "installing the Rust toolchain $channel (rust-toolchain.toml)"
  rustup toolchain install "$channel" --profile minimal \
    --component rust-src,rustfmt,clippy --target wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    say "adding the $c component"
    rustup component add "$c"
  fi
done

# The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's source, which the widget's build recompiles for
# size (scripts/build-wasm.sh).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# wasm-bindgen-cli, at exactly the version Cargo.toml pins.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}; takes about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$want" --locked \
    || cargo install wasm-bindgen-cli --version "$want"
fi

# Debian's Chromium and its driver, for the browser tests.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# xmllint (Debian's libxml2-utils), with which tests/export.rs validates
# `citequiz export --format qti3` against the QTI 3.0 schemas.
if ! command -v xmllint >/dev/null; then
  say "installing xmllint (libxml2-utils) from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils
fi

# npm packages: playwright-core and axe-core for the end-to-end tests,
# binaryen for wasm-opt (never Debian's binaryen: its wasm-opt writes modules
# Chromium rejects).
if [ -f package.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
# A Python virtualenv with ralph (PyPI ralph-malph, the version verified here), whose xAPI statement
# model tests/xapi.rs checks statements against (tests/lrs/validate.py).
if ! .venv-lrs/bin/python -c 'import ralph.models.xapi.base.statements' 2>/dev/null; then
  say "creating .venv-lrs with ralph-malph, for the xAPI checks (about a minute)"
  python3 -m venv .venv-lrs
  .venv-lrs/bin/pip install --quiet --disable-pip-version-check ralph-malph==5.1.0
fi
say "ready"
