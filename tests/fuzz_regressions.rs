//! Replays saved fuzz inputs through the fuzz targets' own checks
//! (`fuzz/fuzz_targets/checks.rs`): every seed in `fuzz/corpus-seed/<target>/`,
//! the minimized corpus the fuzzer keeps in `fuzz/corpus/<target>/`,
//! and every input that once crashed a target, kept in
//! `tests/fuzz-regressions/<target>/`. A panic fails the test and names
//! the file. See README "Fuzzing".
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file saved for `target`; returns how many.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in [
        root.join("fuzz/corpus-seed").join(target),
        root.join("fuzz/corpus").join(target),
        root.join("tests/fuzz-regressions").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{} panics {target}", file.display());
            n += 1;
        }
    }
    n
}

#[test]
fn bank_load_inputs() {
    assert!(replay("bank_load", checks::bank_load) > 0);
}

#[test]
fn compiled_load_inputs() {
    assert!(replay("compiled_load", checks::compiled_load) > 0);
}

#[test]
fn anchor_inputs() {
    assert!(replay("anchor", checks::anchor_quote) > 0);
}

#[test]
fn session_restore_inputs() {
    assert!(replay("session_restore", checks::session_restore) > 0);
}

#[test]
fn grade_inputs() {
    assert!(replay("grade", checks::grade_response) > 0);
}

#[test]
fn article_import_inputs() {
    assert!(replay("article_import", checks::article_import) >= 3);
}

#[test]
fn question_import_inputs() {
    assert!(replay("question_import", checks::question_import) >= 2);
}

#[test]
fn progress_import_inputs() {
    assert!(replay("progress_import", checks::progress_import) >= 1);
}
