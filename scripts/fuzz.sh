#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/fuzz_targets) for FUZZ_SECONDS (default
# 60) seconds, or only the targets named as arguments. The corpus grows in
# fuzz/corpus/<target> (git-ignored), seeded from fuzz/corpus-seed/<target>;
# a crash stops the run and leaves its input in fuzz/artifacts/<target>/.
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer); RUSTC_BOOTSTRAP=1
# lets the stable toolchain accept them, so no nightly is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bank_load anchor session_restore grade)
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== $t: ${seconds} s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" "fuzz/corpus/$t" "fuzz/corpus-seed/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1
done
