//! What an author sees when a bank is wrong: every problem at once, each
//! with its code, JSON path, line:column and advice.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::bank::Bank;
use citequiz::diag::{Diagnostic, Severity};
use support::article;

fn load(bank: &str) -> Result<(Bank, Vec<Diagnostic>), Vec<Diagnostic>> {
    Bank::load(bank, Some("bank.json"), article())
}

/// A bank with the given questions (JSON text of the array's elements).
fn bank(questions: &str) -> String {
    format!(
        "{{\n  \"format\": \"citequiz-bank/1\",\n  \"id\": \"t\",\n  \"title\": \"T\",\n  \"article\": \"a.json\",\n  \"questions\": [\n{questions}\n  ]\n}}"
    )
}

const GOOD: &str = r#"    {"id": "q1", "kind": "true_false", "prompt": "P?", "answer": true, "explanation": "E.",
     "cite": [{"exact": "Putin made an interesting comment"}]}"#;

/// Asserts the diagnostics are exactly `expected`: (code, path, line, column).
fn check(bank_text: &str, expected: &[(&str, &str, usize, usize)]) -> Vec<Diagnostic> {
    let diags = match load(bank_text) {
        Ok((_, warnings)) => warnings,
        Err(diags) => diags,
    };
    let got: Vec<(&str, &str, usize, usize)> = diags
        .iter()
        .map(|d| (d.code, d.path.as_str(), d.line.unwrap_or(0), d.column.unwrap_or(0)))
        .collect();
    let rendered: Vec<String> = diags.iter().map(|d| d.render(Some(bank_text))).collect();
    assert_eq!(got, expected, "\n{}", rendered.join("\n"));
    diags
}

#[test]
fn a_clean_bank_loads() {
    let (bank, warnings) = load(&bank(GOOD)).expect("loads");
    assert!(warnings.is_empty());
    assert_eq!(bank.questions().len(), 1);
}

#[test]
fn malformed_json_gives_line_and_column() {
    let text = bank(GOOD).replace("\"T\",", "\"T\"");
    let d = check(&text, &[("json-syntax", "", 5, 3)]);
    assert!(d[0].message.starts_with("malformed JSON: expected `,` or `}`"), "{}", d[0].message);
}

#[test]
fn wrong_types_name_the_json_path() {
    let q = GOOD.replace(r#"{"exact": "Putin made an interesting comment"}"#, r#"{"exact": 5}"#);
    let d = check(&bank(&q), &[("json-type", "questions[0].cite[0].exact", 8, 16)]);
    assert_eq!(d[0].question.as_deref(), Some("q1"));
    assert!(d[0].message.contains("expected a string"));
}

#[test]
fn a_repeated_field_has_its_own_code() {
    let q = GOOD.replace("\"answer\": true", "\"answer\": true, \"answer\": false");
    let d = check(&bank(&q), &[("json-duplicate-field", "questions[0].answer", 7, 72)]);
    assert_eq!(d[0].message, "duplicate field `answer`");
}

#[test]
fn every_bad_question_is_reported_not_only_the_first() {
    let q1 = GOOD.replace("\"answer\": true", "\"answer\": true, \"optons\": []");
    let q2 = GOOD.replace("q1", "q2").replace("\"prompt\": \"P?\"", "\"prompt\": 7");
    let q3 = GOOD.replace("q1", "q3").replace("\"explanation\": \"E.\"", "\"explanation\": \" \"");
    let text = bank(&format!("{q1},\n{q2},\n{q3}"));
    let d = check(
        &text,
        &[
            ("unknown-field", "questions[0].optons", 7, 72),
            ("json-type", "questions[1].prompt", 9, 40),
            ("empty", "questions[2].explanation", 11, 72),
        ],
    );
    assert_eq!(d[0].help.as_deref(), Some("did you mean `options`?"));
}

#[test]
fn duplicate_ids_point_at_the_second() {
    let text = bank(&format!("{GOOD},\n{GOOD}"));
    let d = check(&text, &[("duplicate-id", "questions[1].id", 9, 6)]);
    assert!(d[0].message.contains("already used by questions[0]"));
}

#[test]
fn an_answer_naming_no_option_suggests_the_nearest() {
    let q = r#"    {"id": "q1", "kind": "single_choice", "prompt": "P?", "explanation": "E.",
     "options": [{"id": "alpha", "text": "A"}, {"id": "beta", "text": "B"}], "answer": "alpah",
     "cite": [{"exact": "Putin made an interesting comment"}]}"#;
    let d = check(&bank(q), &[("unknown-ref", "questions[0].answer", 8, 78)]);
    assert_eq!(d[0].help.as_deref(), Some("did you mean \"alpha\"?"));
}

#[test]
fn fields_of_another_kind_and_missing_ones_are_errors() {
    let q = GOOD.replace("\"answer\": true", "\"gaps\": []");
    check(
        &bank(&q),
        &[
            ("missing-field", "questions[0]", 7, 5),
            ("wrong-kind-field", "questions[0].gaps", 7, 56),
        ],
    );
}

#[test]
fn malformed_ordering_matching_and_tolerance() {
    let q = r#"    {"id": "o", "kind": "ordering", "prompt": "P", "explanation": "E", "cite": [{"exact": "Putin made an interesting comment"}],
     "items": [{"id": "x", "text": "X"}, {"id": "x", "text": "Y"}]},
    {"id": "m", "kind": "matching", "prompt": "P", "explanation": "E", "cite": [{"exact": "Putin made an interesting comment"}],
     "left": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}], "right": [{"id": "r", "text": "R"}, {"id": "s", "text": "S"}],
     "pairs": [{"left": "a", "right": "r"}, {"left": "a", "right": "z"}]},
    {"id": "n", "kind": "numeric", "prompt": "P", "explanation": "E", "cite": [{"exact": "Putin made an interesting comment"}],
     "answer": 3, "tolerance": -1}"#;
    check(
        &bank(q),
        &[
            ("duplicate-id", "questions[0].items[1].id", 8, 43),
            ("unknown-ref", "questions[1].pairs[1].right", 11, 59),
            ("duplicate-pair", "questions[1].pairs[1].left", 11, 46),
            ("unpaired", "questions[1].pairs", 11, 6),
            ("out-of-range", "questions[2].tolerance", 13, 19),
        ],
    );
}

#[test]
fn a_citation_that_does_not_anchor_shows_the_nearest_passage() {
    let q = GOOD.replace(
        "Putin made an interesting comment",
        "Vladimir Putin made some very interesting remarks about the weather",
    );
    let d = check(&bank(&q), &[("cite-not-found", "questions[0].cite[0].exact", 8, 16)]);
    assert!(d[0].help.as_deref().unwrap_or("").contains("nearest passage"), "{:?}", d[0].help);
}

#[test]
fn an_approximate_citation_is_a_warning_showing_what_it_matched() {
    let q = GOOD.replace(
        "Putin made an interesting comment",
        "Russian President Vladimir Putin made a very interesting comment",
    );
    let d = check(&bank(&q), &[("cite-approximate", "questions[0].cite[0].exact", 8, 16)]);
    assert_eq!(d[0].severity, Severity::Warning);
    assert!(
        d[0].message.contains("Russian President Vladimir Putin made an interesting comment"),
        "{}",
        d[0].message
    );
}

#[test]
fn bank_level_problems_and_limits() {
    let text = bank(GOOD)
        .replace("citequiz-bank/1", "citequiz-bank/9")
        .replace("\"title\": \"T\",", "\"title\": \"T\", \"pass_percent\": 120,");
    check(&text, &[("unknown-format", "format", 2, 3), ("out-of-range", "pass_percent", 4, 17)]);
    let many = format!(
        "{{\"format\": \"citequiz-bank/1\", \"id\": \"t\", \"title\": \"T\", \"article\": \"a\", \"questions\": [{}]}}",
        vec!["{}"; citequiz::bank::MAX_QUESTIONS + 1].join(",")
    );
    check(&many, &[("too-many-questions", "questions", 1, 72)]);
}

#[test]
fn rendering_shows_the_source_line_and_a_caret() {
    let text = bank(&GOOD.replace("\"answer\": true", "\"answer\": \"yes\""));
    let diags = load(&text).expect_err("fails");
    let out = diags[0].render(Some(&text));
    assert!(out.contains("--> bank.json:7:"), "{out}");
    assert!(out.contains("question \"q1\""), "{out}");
    assert!(out.contains("^"), "{out}");
}

/// Questions are checked as they are parsed, before the bank's own fields
/// may have been read: the bank's `tries` still reaches every question that
/// names none, wherever it stands in the file, and a question's own wins.
#[test]
fn the_banks_tries_apply_wherever_the_field_stands() {
    let own = GOOD.replace("\"id\": \"q1\"", "\"id\": \"q2\", \"tries\": 1");
    for head_last in [false, true] {
        let text = if head_last {
            format!(
                "{{\"questions\": [\n{GOOD},\n{own}\n], \"format\": \"citequiz-bank/1\", \"id\": \"t\", \"title\": \"T\", \"article\": \"a.json\", \"tries\": 3}}"
            )
        } else {
            bank(&format!("{GOOD},\n{own}")).replacen(
                "\"id\": \"t\",",
                "\"id\": \"t\", \"tries\": 3,",
                1,
            )
        };
        let (bank, _) = load(&text).expect("loads");
        let tries: Vec<u32> = bank.questions().iter().map(|q| q.tries()).collect();
        assert_eq!(tries, [3, 1], "bank fields last: {head_last}");
    }
}

/// When the bank's own fields are wrong, only the questions' reading
/// problems join them, not what checking the questions found: a question
/// is judged against the bank it belongs to.
#[test]
fn a_broken_bank_head_reports_reading_problems_only() {
    let unread = r#"    {"id": "q2", "kind": "true_false", "prompt": 5, "answer": true, "explanation": "E.",
     "cite": [{"exact": "Putin made an interesting comment"}]}"#;
    let unanchored = GOOD.replace("q1", "q3").replace("Putin made", "Nobody made");
    let text = bank(&format!("{GOOD},\n{unread},\n{unanchored}"))
        .replace("\"title\": \"T\"", "\"title\": 7");
    let diags = load(&text).expect_err("the title is not text");
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert!(codes.iter().all(|c| *c == "json-type"), "{codes:?}");
    assert!(diags.iter().any(|d| d.path == "title"), "{codes:?}");
    assert!(diags.iter().any(|d| d.path == "questions[1].prompt"), "{codes:?}");
}

/// A bank saved with a UTF-8 byte order mark (as some Windows editors
/// write) loads as it would without one.
#[test]
fn a_byte_order_mark_is_ignored() {
    let (bank, warnings) = load(&format!("\u{feff}{}", bank(GOOD))).expect("loads");
    assert!(warnings.is_empty());
    assert_eq!(bank.questions().len(), 1);
}

#[test]
fn a_missing_field_s_help_shows_its_shape_and_the_shapes_check() {
    let q = GOOD.replace("\"answer\": true, ", "").replace("true_false", "fill_blank");
    let d = check(
        &bank(&q),
        &[("missing-field", "questions[0]", 7, 5), ("missing-field", "questions[0]", 7, 5)],
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some(r#"add `text`, e.g. "text": "Bees dance on the {} comb." (a {} for each gap)"#)
    );
    // Every kind's required fields, written as their examples (the remark
    // in parentheses dropped, each "…" a word of its own, Part B's quotes
    // from the article, a gap's answer as given), make a question that
    // checks: the help never shows a shape `check` refuses.
    for kind in citequiz::bank::Kind::ALL {
        let (required, _) = kind.fields();
        let mut fields = vec![format!(r#""kind": "{}", "prompt": "P?""#, kind.name())];
        for field in required {
            let example = citequiz::bank::raw::field_example(kind, field)
                .unwrap_or_else(|| panic!("{kind:?}: no example for `{field}`"));
            fields.push(example.split(" (").next().unwrap_or(example).to_string());
        }
        let mut body = fields.join(", ");
        for quote in ["Putin made an interesting comment", "It is possible to imagine anything"] {
            body = body.replacen(r#"{"exact": "…"}"#, &format!(r#"{{"exact": "{quote}"}}"#), 1);
        }
        let mut n = 0;
        while body.contains('…') {
            n += 1;
            body = body.replacen('…', &format!("word{n}"), 1);
        }
        let q = format!(
            r#"    {{"id": "q1", {body}, "explanation": "E.",
     "cite": [{{"exact": "Putin made an interesting comment"}}]}}"#
        );
        if let Err(d) = load(&bank(&q)) {
            panic!("{kind:?}: {q}\n{d:#?}");
        }
    }
}
