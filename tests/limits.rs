//! The largest bank the widget accepts (README, "Limits"): a bank at each
//! limit loads, one past it is refused with a clear error that says what
//! the limit is and what to do.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::bank::{Bank, MAX_BANK_BYTES, MAX_OPTIONS, MAX_QUESTIONS, MAX_TEXT_CHARS};
use citequiz::diag::Diagnostic;
use citequiz::synth::synthetic_bank;
use support::article;

fn load(bank: &str) -> Result<Bank, Vec<Diagnostic>> {
    Bank::load(bank, Some("bank.json"), article()).map(|(b, _)| b)
}

/// The one error a refused bank draws: its code and message.
fn refused(bank: &str) -> (&'static str, String, Option<String>) {
    let diags = load(bank).expect_err("the bank is refused");
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{diags:#?}");
    (errors[0].code, errors[0].message.clone(), errors[0].help.clone())
}

#[test]
fn a_bank_of_max_questions_loads_and_one_more_is_refused() {
    let at_limit = synthetic_bank(&article(), "a.json", MAX_QUESTIONS);
    assert_eq!(load(&at_limit).map(|b| b.questions().len()).ok(), Some(MAX_QUESTIONS));
    let over = synthetic_bank(&article(), "a.json", MAX_QUESTIONS + 1);
    let (code, message, help) = refused(&over);
    assert_eq!(code, "too-many-questions");
    assert_eq!(message, "the bank has 10001 questions; the most accepted is 10000");
    assert_eq!(help.as_deref(), Some("split it into several banks"));
}

#[test]
fn a_bank_file_over_max_bank_bytes_is_refused_before_parsing() {
    // Valid JSON padded with whitespace past the limit.
    let small = synthetic_bank(&article(), "a.json", 1);
    assert!(load(&small).is_ok());
    let over = format!("{small}{}", " ".repeat(MAX_BANK_BYTES + 1 - small.len()));
    let (code, message, _) = refused(&over);
    assert_eq!(code, "too-large");
    assert_eq!(
        message,
        format!("the bank is {} bytes; the largest accepted is 16777216", MAX_BANK_BYTES + 1)
    );
    let at = &over[..MAX_BANK_BYTES];
    assert!(load(at).is_ok(), "a bank of exactly MAX_BANK_BYTES loads");
}

/// The synthetic one-question bank with its prompt (or options) replaced.
fn one_question(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&synthetic_bank(&article(), "a.json", 1)).unwrap();
    edit(&mut v["questions"][0]);
    v.to_string()
}

#[test]
fn a_text_of_max_text_chars_loads_and_one_more_is_refused() {
    // Chars, not bytes: a two-byte letter counts once.
    let at = one_question(|q| q["prompt"] = "й".repeat(MAX_TEXT_CHARS).into());
    assert!(load(&at).is_ok());
    let over = one_question(|q| q["prompt"] = "й".repeat(MAX_TEXT_CHARS + 1).into());
    let (code, message, _) = refused(&over);
    assert_eq!(code, "too-long");
    assert!(message.contains("200001 chars; the most accepted is 200000"), "{message}");
}

#[test]
fn a_question_of_max_options_loads_and_one_more_is_refused() {
    let options = |n: usize| -> serde_json::Value {
        (0..n)
            .map(|i| serde_json::json!({"id": format!("o{i}"), "text": format!("Option {i}")}))
            .collect()
    };
    let with = |n: usize| {
        one_question(|q| {
            q["options"] = options(n);
            q["answer"] = "o0".into();
        })
    };
    assert!(load(&with(MAX_OPTIONS)).is_ok());
    let (code, message, _) = refused(&with(MAX_OPTIONS + 1));
    assert_eq!(code, "too-many");
    assert!(message.contains("51 entries; the most accepted is 50"), "{message}");
}
