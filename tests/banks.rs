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
    // The item-writing warnings (`bank::lint`) are left out until the
    // shipped banks are rewritten to pass them (issue 14, part 6).
    let rendered: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| !citequiz::bank::lint::codes::ALL.contains(&d.code))
        .map(|d| d.render(loaded.source_of(d)))
        .collect();
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

/// Where [`content_hashes_stay_as_they_were`] keeps every shipped question's hash.
const HASHES: &str = "tests/fixtures/content-hashes.tsv";

/// Every shipped question's content hash (the fixture's too) is the one in
/// [`HASHES`]. A saved session keys each answer on its question's hash and
/// drops answers whose question changed: a new way of computing the same
/// hash must give the same value, or every learner's saved progress is
/// lost at the next release. Rewrite the file only for a deliberate change
/// (`CITEQUIZ_BLESS=1 cargo test --test banks`).
#[test]
fn content_hashes_stay_as_they_were() {
    let mut files = banks_in("quiz-data/banks");
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-kind.json"));
    let mut got = String::new();
    for path in files {
        let bank = assert_clean(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for q in bank.questions() {
            got.push_str(&format!("{name}\t{}\t{:016x}\n", q.id(), q.content_hash()));
        }
    }
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join(HASHES);
    if std::env::var_os("CITEQUIZ_BLESS").is_some() {
        std::fs::write(&golden, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    for (g, w) in got.lines().zip(want.lines()) {
        assert_eq!(g, w, "a content hash changed ({HASHES})");
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "questions added or removed: bless {HASHES}"
    );
}

/// The home page's list of quizzes, `quiz-data/index.json`.
const INDEX: &str = "quiz-data/index.json";

/// The demo's home page lists the quizzes from `quiz-data/index.json`: it
/// must name exactly the banks in quiz-data/banks, in file order, each
/// with its own title and its article's real title. Rewrite it after adding
/// a bank with `CITEQUIZ_BLESS=1 cargo test --test banks`.
#[test]
fn the_home_pages_index_lists_every_bank() {
    let banks: Vec<serde_json::Value> = banks_in("quiz-data/banks")
        .iter()
        .map(|path| {
            let bank = assert_clean(path);
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            serde_json::json!({
                "bank": format!("/quiz-data/banks/{file}"),
                "title": bank.title(),
                "article": bank.article().raw().title,
            })
        })
        .collect();
    let want = serde_json::json!({ "format": "citequiz-index/1", "banks": banks });
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(INDEX);
    if std::env::var_os("CITEQUIZ_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&want).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{INDEX}: {e}"));
    let got: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{INDEX}: {e}"));
    assert_eq!(got, want, "{INDEX} is stale: bless it (CITEQUIZ_BLESS=1 cargo test --test banks)");
}
