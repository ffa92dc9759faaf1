# The README's two commands, `make demo` and `make test`. Both first set up
# what is missing on a fresh machine (scripts/setup.sh); what is there is
# skipped.
SHELL := /bin/bash
PORT ?= 8000
BANKS := $(wildcard quiz-data/banks/*.json)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: demo test setup lint wasm npm cli compiled check test-native test-lrs test-wasm test-e2e bench bench-web size size-ceiling fuzz

## make demo: build the widget and serve the self-study page.
demo: setup wasm cli compiled
	./target/release/citequiz check --deny-warnings $(BANKS)
	./target/release/citequiz serve --port $(PORT)

## make test: every test: native, Wasm (Node and headless Chromium), browser end to end.
test: setup lint test-native test-lrs check test-wasm wasm size-ceiling test-e2e

setup:
	@bash scripts/setup.sh

# Formatting, and clippy with warnings as errors: natively over every target,
# and for wasm32 over the library (each of the shell's four builds) and the
# Wasm tests. clippy.toml's disallowed types and methods are the widget's
# size rules: they bind the wasm32 library, so the other runs allow them,
# and so does the Node checker's build (`check`: native code's path, its
# size not budgeted).
ALLOW_NATIVE := -A clippy::disallowed-types -A clippy::disallowed-methods
lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings $(ALLOW_NATIVE)
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features widget -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features player -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features api -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features check -- -D warnings $(ALLOW_NATIVE)
	cargo clippy --target wasm32-unknown-unknown --test web_api --test web_view -- -D warnings $(ALLOW_NATIVE)

wasm:
	bash scripts/build-wasm.sh

# What the npm package holds (scripts/build-npm.sh, also `npm pack`'s
# prepack): the widget's build when missing or stale, and the Node checker.
npm:
	bash scripts/build-npm.sh

cli:
	cargo build --release --bin citequiz

# The shipped banks compiled (`citequiz compile`) into quiz-data/compiled/
# (git-ignored), which the demo's home page links to: one request per quiz,
# and the widget's fast path. The banks in quiz-data/banks stay the source.
compiled: cli
	mkdir -p quiz-data/compiled
	for b in $(BANKS); do ./target/release/citequiz compile --force --out quiz-data/compiled/$$(basename $$b) $$b > /dev/null || exit 1; done

# The shipped banks pass every check, the item-writing warnings included;
# the every-kind fixture is test data (one question of each kind), held
# only to errors.
check: cli
	./target/release/citequiz check --deny-warnings $(BANKS)
	./target/release/citequiz check tests/fixtures/every-kind.json

test-native:
	cargo test

# xAPI statements for every shipped question, checked with ralph's model in
# .venv-lrs (made by setup); fails, never skips, when the venv is missing.
test-lrs:
	cargo test --features lrs --test xapi ralph

# The wasm-bindgen-test files: web_api under Node, web_view in Chromium.
test-wasm:
	cargo test --target wasm32-unknown-unknown --test web_api --test web_view

test-e2e: cli npm compiled
	node --test tests/e2e/

bench:
	cargo build --release --bins
	cargo bench --bench check
	cargo bench --bench suggest_recall

## make bench-web: citequiz beside quizdown, SurveyJS and a plain-JS page in
## headless Chromium, over loopback and emulated 4G (load time, memory, code
## and data sizes as sent); prints figures, asserts none.
## Options: make bench-web BENCH_ARGS="--sizes 20,200 --rounds 3 --network 4g".
bench-web: setup wasm cli
	node bench/peers.mjs $(BENCH_ARGS)

size:
	bash scripts/size.sh

# The built widget's size only goes down: the total at 2026-12-06 (135,567
# bytes gzip) plus about 1 %; lower this as the size falls. The old fixed
# 45 KiB budget is retired: the goals are relative to the peers (make
# bench-web; bench/README.md). Raised by 16,187 bytes, the measured cost of
# self-study (FSRS-6, the memory, the review bar, the passage map, progress
# export and import: 136,043 → 152,230 by scripts/build-wasm.sh). After
# the merges of that session (issue 19's format check and tab stop): 153,044,
# and the ceiling that plus 1 % for the layout's swing.
# Raised by the measured cost of issue 17's host reading (article-in:
# article::HostText, view::host, the highlight, the anchor-failed report,
# evidence sentences clicked in the page's text, passages to reread shown
# there; 153,309 -> 159,500 by scripts/build-wasm.sh) and of issue 18's
# compiled bank's reader (Bank::load_compiled, the widget's fast path:
# 153,309 -> 160,768), 168,029 bytes together after both merged, plus 0.5 %.
# SIZE_CEILING is the raw bank's page (the full widget); after the player
# (2026-12-06) that page was 168,497 by scripts/build-wasm.sh: its glue a
# chunk of its own, the loader choosing by the bank's first bytes. Then
# raised by the measured cost of issue 18's memory goal (raw and compiled
# banks read in 64 KiB pieces, the first save's snapshot handed to
# localStorage in pieces, a citation's quote kept once: 168,029 -> 171,001
# on its branch, for 8.21 -> 5.65 MB raw and 6.49 -> 4.73 compiled after
# GC at 2,000 questions; bench/README.md): 171,590 after both merged (and
# the home page's card styles, 101 bytes of CSS), plus 0.5 %.
SIZE_CEILING := 172450
# A compiled bank's page: the player (the widget built with feature
# `player`, the raw bank's reader compiled out), the element's bundle, the
# player's glue chunk and the CSS: 145,772 bytes gzip when it was built
# (2026-12-06, scripts/build-wasm.sh); 148,597 after the memory branch's
# pieces reader merged, plus 0.5 %.
PLAYER_SIZE_CEILING := 149350
size-ceiling:
	bash scripts/size.sh --max $(SIZE_CEILING) --max-player $(PLAYER_SIZE_CEILING)

## make fuzz: each cargo-fuzz target for FUZZ_SECONDS (default 60) seconds. Not part of make test.
fuzz:
	bash scripts/fuzz.sh
