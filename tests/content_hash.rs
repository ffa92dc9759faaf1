//! A learner's saved answer survives an edit of the bank exactly when the
//! question's `content_hash` (FNV-1a of the serde JSON of its `RawQuestion`
//! without explanation, hints, tags, tries and, but for evidence
//! questions, citations) is unchanged: this loads real banks through
//! `Bank::load`, saves progress, edits the bank and restores.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::bank::Bank;
use citequiz::grade::Response;
use citequiz::session::{DropReason, Dropped, Session};
use serde_json::{Value, json};
use support::{EVERY_KIND as BANK, article};

fn load(bank: &Value) -> Bank {
    match Bank::load(&bank.to_string(), Some("every-kind.json"), article()) {
        Ok((bank, _)) => bank,
        Err(diags) => panic!("{}", diags.iter().map(|d| d.render(None)).collect::<String>()),
    }
}

/// The question `id` of the fixture.
fn question<'a>(bank: &'a mut Value, id: &str) -> &'a mut Value {
    let questions = bank["questions"].as_array_mut().unwrap();
    questions.iter_mut().find(|q| q["id"] == id).unwrap()
}

/// Answers `id` with `response` in the fixture bank, edits the bank with
/// `edit` and restores the saved progress into it: whether the answer was
/// kept, as the restore report says and as the session shows.
fn kept_after(id: &str, response: Response, edit: impl FnOnce(&mut Value)) -> bool {
    let original: Value = serde_json::from_str(BANK).unwrap();
    let mut session = Session::new(load(&original), 7, 0.0);
    session.handle_answer(id, response, 1.0).unwrap();
    let saved = session.snapshot_json();
    let mut edited = original.clone();
    edit(&mut edited);
    assert_ne!(edited, original, "the edit changed nothing");
    let (restored, report) = Session::restore_json(load(&edited), &saved).unwrap();
    let kept = report.kept.iter().any(|k| k == id);
    let dropped = report.dropped.contains(&Dropped { id: id.into(), reason: DropReason::Changed });
    assert_ne!(kept, dropped, "{id} is both kept and dropped, or neither: {report:?}");
    assert_eq!(restored.feedback(id).is_some(), kept, "the session disagrees with its report");
    let others: Vec<&String> = report.kept.iter().filter(|k| *k != id).collect();
    assert_eq!(others.len() + 1, restored.len(), "another question was dropped: {report:?}");
    kept
}

fn single() -> Response {
    Response::SingleChoice { choice: "a".into() }
}

#[test]
fn an_unchanged_bank_keeps_the_answer() {
    assert!(kept_after("single", single(), |b| b["title"] = json!("Another title")));
}

#[test]
fn editing_the_explanation_hints_or_tags_keeps_the_answer() {
    assert!(kept_after("single", single(), |b| {
        question(b, "single")["explanation"] = json!("Reworded, with more detail.");
    }));
    assert!(kept_after("single", single(), |b| {
        question(b, "single")["hints"][0]["text"] = json!("Another hint.");
    }));
    assert!(kept_after("single", single(), |b| {
        question(b, "single")["hints"] = json!([]);
    }));
    assert!(kept_after("single", single(), |b| {
        question(b, "single")["tags"] = json!(["main-idea", "detail"]);
    }));
    assert!(kept_after("single", single(), |b| {
        question(b, "single")["tries"] = json!(3);
    }));
    // A citation is the answer's support, not the answer, but for evidence.
    assert!(kept_after("single", single(), |b| {
        question(b, "single")["cite"][0]["exact"] = json!("the Valdai Discussion Club");
    }));
}

#[test]
fn editing_the_options_key_or_prompt_drops_the_answer() {
    assert!(!kept_after("single", single(), |b| {
        question(b, "single")["options"][1]["text"] = json!("In a newspaper interview");
    }));
    assert!(!kept_after("single", single(), |b| {
        let q = question(b, "single");
        q["options"].as_array_mut().unwrap().pop();
    }));
    assert!(!kept_after("single", single(), |b| {
        question(b, "single")["answer"] = json!("b");
    }));
    assert!(!kept_after("single", single(), |b| {
        question(b, "single")["prompt"] = json!("Where did Putin speak?");
    }));
    assert!(!kept_after("single", single(), |b| {
        question(b, "single")["points"] = json!(3);
    }));
}

#[test]
fn an_evidence_questions_citations_are_its_key() {
    let pick = || Response::Evidence { sentences: vec!["p1.s1".into()] };
    assert!(kept_after("evidence", pick(), |b| {
        question(b, "evidence")["explanation"] = json!("Reworded.");
    }));
    assert!(!kept_after("evidence", pick(), |b| {
        question(b, "evidence")["cite"][0]["exact"] =
            json!("China National Petroleum Corporation secured a discount");
    }));
}
