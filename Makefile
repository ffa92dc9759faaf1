# The two commands of the README: `make demo` and `make test`. Both set up
# what is missing on a fresh machine first (scripts/setup.sh).
SHELL := /bin/bash
PORT ?= 8000
BANKS := $(wildcard quiz-data/banks/*.json)

.PHONY: demo test setup check test-native test-wasm-build bench

demo: setup
	cargo build --release --bin citequiz
	./target/release/citequiz check $(BANKS)
	./target/release/citequiz stats quiz-data/banks/gabuev-full.json

test: setup test-native test-wasm-build check

setup:
	@bash scripts/setup.sh

test-native:
	cargo test --all-targets

test-wasm-build:
	cargo build --target wasm32-unknown-unknown --lib

check:
	cargo run --quiet --bin citequiz -- check $(BANKS)

bench:
	cargo bench --bench check
