#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/fuzz_targets) for FUZZ_SECONDS (default
# 60) seconds, one after another (one libFuzzer job: these machines have 2
# cores), or only the targets named as arguments. The corpus lives in the
# repository, fuzz/corpus/<target>, so a run starts where the last one ended;
# it is seeded from fuzz/corpus-seed/<target> and minimized (cargo fuzz cmin)
# after each run, so what is committed stays small. A crash stops the run and
# leaves its input in fuzz/artifacts/<target>/ (git-ignored): keep it in
# tests/fuzz-regressions/<target>/ with the fix.
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer); RUSTC_BOOTSTRAP=1
# lets the stable toolchain accept them, so no nightly is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bank_load compiled_load anchor session_restore grade article_import question_import progress_import)
# The longest input each target is given, kept short so that the minimized
# corpus stays small enough to commit (a 150 s run of article_import at
# 64 KiB kept 8.6 MB; a 240 s run of bank_load at 64 KiB, 13.8 MB). A bank
# of 8 KiB still holds an article reference and several questions of every
# kind.
max_len() {
  case "$1" in
    article_import) echo 4096 ;;
    bank_load|question_import|progress_import) echo 8192 ;;
    *) echo 65536 ;;
  esac
}
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== $t: ${seconds} s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" "fuzz/corpus/$t" "fuzz/corpus-seed/$t" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -print_final_stats=1
  echo "== $t: minimizing the corpus ($(ls "fuzz/corpus/$t" | wc -l) inputs)"
  RUSTC_BOOTSTRAP=1 cargo fuzz cmin "$t" "fuzz/corpus/$t" -- -max_len="$(max_len "$t")" -timeout=10 2>&1 | tail -2
  echo "== $t: $(ls "fuzz/corpus/$t" | wc -l) inputs kept"
done
