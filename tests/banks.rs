//! Every bank shipped in quiz-data/ (and the test fixtures) checks clean:
//! no errors, no warnings, every citation anchored exactly; and the
//! committed JSON Schema is the one the code generates.
#![cfg(not(target_arch = "wasm32"))]

use citequiz::bank::{Kind, bank_schema};
use citequiz::files::load_bank;
use std::path::{Path, PathBuf};

fn banks_in(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

fn assert_clean(path: &Path) -> citequiz::Bank {
    let loaded = load_bank(path);
    let rendered: Vec<String> =
        loaded.diagnostics.iter().map(|d| d.render(loaded.source_of(d))).collect();
    assert!(rendered.is_empty(), "{}:\n{}", path.display(), rendered.join("\n"));
    let bank = loaded.bank.unwrap_or_else(|| panic!("{} did not load", path.display()));
    for q in bank.questions() {
        for c in q.citations() {
            assert!(
                c.exact && c.score == 1.0,
                "{}: {} cites approximately",
                path.display(),
                q.id()
            );
        }
    }
    bank
}

#[test]
fn every_shipped_bank_checks_clean() {
    let banks = banks_in("quiz-data/banks");
    assert!(!banks.is_empty(), "no banks in quiz-data/banks");
    for path in banks {
        assert_clean(&path);
    }
}

#[test]
fn the_fixture_bank_has_every_kind() {
    let bank =
        assert_clean(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-kind.json"));
    for kind in Kind::ALL {
        assert!(bank.questions().iter().any(|q| q.kind() == kind), "no {} question", kind.name());
    }
}

#[test]
fn the_committed_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("quiz-data/citequiz-bank-1.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == bank_schema(),
        "quiz-data/citequiz-bank-1.schema.json is stale: run `cargo run -- schema > quiz-data/citequiz-bank-1.schema.json`"
    );
}
