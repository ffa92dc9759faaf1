//! Every bank shipped in quiz-data/ (and the test fixtures) checks clean:
//! no errors, no warnings, every citation anchored exactly; and the
//! committed JSON Schema is the one the code generates.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::bank::{Kind, bank_schema};
use citequiz::files::load_bank;
use expect_test::expect_file;
use std::path::Path;
use support::{all_banks, every_kind_path, repo_path, shipped_banks};

fn assert_clean(path: &Path) -> citequiz::Bank {
    assert_checks(path, Warnings::Denied)
}

/// Which warnings a bank may have.
#[derive(PartialEq)]
enum Warnings {
    /// None: what `citequiz check --deny-warnings` asks of a shipped bank.
    Denied,
    /// The item-writing ones (`bank::lint`) only: the every-kind fixture is
    /// test data, one question of each kind, not a quiz to learn from.
    ItemWriting,
}

fn assert_checks(path: &Path, allowed: Warnings) -> citequiz::Bank {
    let loaded = load_bank(path);
    let rendered: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| {
            allowed == Warnings::Denied || !citequiz::bank::lint::codes::ALL.contains(&d.code)
        })
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
    for path in shipped_banks() {
        assert_clean(&path);
    }
}

#[test]
fn the_fixture_bank_has_every_kind() {
    let bank = assert_checks(&every_kind_path(), Warnings::ItemWriting);
    for kind in Kind::ALL {
        assert!(bank.questions().iter().any(|q| q.kind() == kind), "no {} question", kind.name());
    }
}

#[test]
fn the_committed_schema_is_current() {
    let path = repo_path("quiz-data/citequiz-bank-1.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == bank_schema(),
        "quiz-data/citequiz-bank-1.schema.json is stale: run `cargo run -- schema > quiz-data/citequiz-bank-1.schema.json`"
    );
}

/// Every shipped question's content hash (the fixture's too) is the one in
/// tests/fixtures/content-hashes.tsv. A saved session keys each answer on
/// its question's hash and drops answers whose question changed: a new way
/// of computing the same hash must give the same value, or every learner's
/// saved progress is lost at the next release. Rewrite the file only for a
/// deliberate change (`UPDATE_EXPECT=1 cargo test --test banks`).
#[test]
fn content_hashes_stay_as_they_were() {
    let mut got = String::new();
    for path in all_banks() {
        let allowed =
            if path == every_kind_path() { Warnings::ItemWriting } else { Warnings::Denied };
        let bank = assert_checks(&path, allowed);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for q in bank.questions() {
            got.push_str(&format!("{name}\t{}\t{:016x}\n", q.id(), q.content_hash()));
        }
    }
    expect_file!["fixtures/content-hashes.tsv"].assert_eq(&got);
}

/// The demo's home page (www/main.js without `?bank=`) lists the quizzes
/// from `quiz-data/index.json`: it must name exactly the banks in
/// quiz-data/banks, in file order, each with its id (the learner's saved
/// progress is under "citequiz:" + id), its own title, description and
/// number of questions, its article's real title and where `make compiled`
/// writes it compiled. Rewrite it after adding a bank with `UPDATE_EXPECT=1
/// cargo test --test banks`.
#[test]
fn the_home_pages_index_lists_every_bank() {
    let banks: Vec<serde_json::Value> = shipped_banks()
        .iter()
        .map(|path| {
            let bank = assert_clean(path);
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            serde_json::json!({
                "id": bank.id(),
                "bank": format!("/quiz-data/banks/{file}"),
                "compiled": format!("/quiz-data/compiled/{file}"),
                "title": bank.title(),
                "description": bank.description(),
                "questions": bank.questions().len(),
                "article": bank.article().raw().title,
            })
        })
        .collect();
    let index = serde_json::json!({ "format": "citequiz-index/1", "banks": banks });
    let text = serde_json::to_string_pretty(&index).unwrap() + "\n";
    expect_file!["../quiz-data/index.json"].assert_eq(&text);
}
