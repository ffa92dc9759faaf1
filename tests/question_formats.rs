//! GIFT and Aiken: the fixtures read as expected (golden files that
//! `UPDATE_EXPECT=1` rewrites), GIFT written from every shipped bank reads
//! back as the same questions, an imported bank checks, and no text makes
//! the readers panic.
#![cfg(not(target_arch = "wasm32"))]
// Native tests: the snapshot is a `serde_json::Value`, which clippy.toml
// keeps out of the Wasm only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod support;

use citequiz::author::new::{Skeleton, bank_with};
use citequiz::author::{aiken, gift};
use citequiz::bank::{Bank, Kind, RawBank, RawQuestion};
use citequiz::diag::Diagnostic;
use expect_test::{ExpectFile, expect_file};
use proptest::prelude::*;

type Parse = fn(&str, &str) -> (Vec<RawQuestion>, Vec<Diagnostic>);

/// What a reader makes of a fixture, as JSON: the questions, then one line
/// per diagnostic as an author reads it.
fn snapshot(parse: Parse, path: &str, expected: ExpectFile) {
    let source = std::fs::read_to_string(support::repo_path(path)).unwrap();
    let name = path.rsplit('/').next().unwrap_or(path);
    let (questions, diags) = parse(&source, name);
    let lines: Vec<String> = diags
        .iter()
        .map(|d| {
            let sev = if d.is_error() { "error" } else { "warning" };
            let q = d.question.as_deref().map(|q| format!(" (\"{q}\")")).unwrap_or_default();
            format!("{sev}[{}] {}{q}: {}", d.code, d.location(), d.message)
        })
        .collect();
    let json = serde_json::json!({ "questions": questions, "diagnostics": lines });
    expected.assert_eq(&(serde_json::to_string_pretty(&json).unwrap() + "\n"));
}

#[test]
fn gift_every_form() {
    snapshot(
        gift::parse,
        "tests/fixtures/gift/every-form.gift",
        expect_file!["fixtures/gift/every-form.expected.json"],
    );
}

#[test]
fn gift_not_mapped() {
    snapshot(
        gift::parse,
        "tests/fixtures/gift/not-mapped.gift",
        expect_file!["fixtures/gift/not-mapped.expected.json"],
    );
}

#[test]
fn gift_syntax_error() {
    snapshot(
        gift::parse,
        "tests/fixtures/gift/syntax-error.gift",
        expect_file!["fixtures/gift/syntax-error.expected.json"],
    );
}

#[test]
fn aiken_good() {
    snapshot(
        aiken::parse,
        "tests/fixtures/aiken/good.txt",
        expect_file!["fixtures/aiken/good.expected.json"],
    );
}

#[test]
fn aiken_missing_answer() {
    snapshot(
        aiken::parse,
        "tests/fixtures/aiken/missing-answer.txt",
        expect_file!["fixtures/aiken/missing-answer.expected.json"],
    );
}

/// Whether GIFT holds the question (and so `write` keeps it).
fn gift_holds(q: &RawQuestion) -> bool {
    match q.kind {
        Kind::Ordering | Kind::Evidence | Kind::TwoPart => false,
        Kind::FillBlank => q.gaps.as_ref().is_some_and(|g| g.len() == 1),
        _ => true,
    }
}

/// A matching question's right items in id order: GIFT lists them in the
/// order the pairs name them, so their order is not kept.
fn right_sorted(mut q: RawQuestion) -> RawQuestion {
    if let Some(r) = q.right.as_mut() {
        r.sort_by(|a, b| a.id.cmp(&b.id));
    }
    q
}

#[test]
fn every_shipped_bank_round_trips_through_gift() {
    let mut kept = 0;
    for path in support::all_banks() {
        let name = path.display().to_string();
        let bank = RawBank::from_json(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|d| panic!("{name}: {d:#?}"));
        let (text, warnings) = gift::write(&bank);
        let (back, diags) = gift::parse(&text, "export.gift");
        assert!(diags.is_empty(), "{name}: {diags:#?}");
        let held: Vec<&RawQuestion> = bank.questions.iter().filter(|q| gift_holds(q)).collect();
        assert_eq!(warnings.len(), bank.questions.len() - held.len(), "{name}: {warnings:#?}");
        for d in &warnings {
            let q = bank.questions.iter().find(|q| Some(&q.id) == d.question.as_ref());
            assert!(q.is_some_and(|q| !gift_holds(q)), "{name}: {d:#?}");
        }
        assert_eq!(back.len(), held.len(), "{name}");
        for (a, b) in held.iter().zip(back) {
            assert_eq!(right_sorted((*a).clone()), right_sorted(b), "{name}");
            kept += 1;
        }
    }
    assert!(kept > 50, "only {kept} questions went through GIFT");
}

#[test]
fn an_imported_gift_file_checks_with_suggested_citations() {
    let source =
        std::fs::read_to_string(support::repo_path("tests/fixtures/gift/every-form.gift")).unwrap();
    let (questions, diags) = gift::parse(&source, "every-form.gift");
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    let article = support::article();
    let skeleton = Skeleton {
        article_ref: "../../../quiz-data/articles/gabuev-2020-putin-china-alliance.json",
        schema_ref: "../../../quiz-data/citequiz-bank-1.schema.json",
        id: None,
        title: None,
    };
    let filled = bank_with(&article, &skeleton, &questions).unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(filled.unmatched.is_empty(), "{:?}", filled.unmatched);
    assert_eq!(filled.filled.len(), questions.len());
    let (bank, warnings) = Bank::load(&filled.text, Some("bank.json"), article)
        .unwrap_or_else(|d| panic!("{d:#?}\n{}", filled.text));
    assert_eq!(bank.questions().len(), questions.len());
    let suggested = warnings.iter().filter(|d| d.code == "suggested-cite").count();
    assert_eq!(suggested, questions.len(), "{warnings:#?}");
}

/// Text with GIFT's marks and escapes more often than chance gives them.
fn giftish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("::".to_string()),
        Just("=".to_string()),
        Just("~".to_string()),
        Just("#".to_string()),
        Just("####".to_string()),
        Just("->".to_string()),
        Just("%".to_string()),
        Just("..".to_string()),
        Just(":".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("// [id:x] [tag:".to_string()),
        Just("// [cite:{\"exact\":".to_string()),
        Just("// [citequiz:{\"ids\":[\"a\"]}]\n".to_string()),
        Just("$CATEGORY: ".to_string()),
        Just("[html]<p>".to_string()),
        Just("[markdown]".to_string()),
        Just("T".to_string()),
        Just("A. ".to_string()),
        Just("ANSWER: ".to_string()),
        "[0-9]{1,3}".prop_map(|s| s),
        "\\PC{0,4}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_text_makes_the_readers_panic(text in giftish()) {
        let (qs, diags) = gift::parse(&text, "f.gift");
        // Every diagnostic says where.
        prop_assert!(diags.iter().all(|d| d.line.is_some() && d.file.is_some()));
        // What parses writes and parses again without an error.
        let bank = RawBank {
            schema: None, format: "citequiz-bank/1".into(), id: "b".into(), title: "B".into(),
            description: None, article: "a.json".into(), language: None, pass_percent: 60.0,
            tries: 1, try_penalty: 0.0, shuffle_questions: true, shuffle_options: true,
            questions: qs,
        };
        let (written, _) = gift::write(&bank);
        let (_, again) = gift::parse(&written, "again.gift");
        prop_assert!(again.iter().all(|d| !d.is_error()), "{again:#?}\n{written}");
        let _ = aiken::parse(&text, "f.txt");
    }
}

/// A text a bank may hold: no blank at either end, no run of blanks (GIFT
/// folds whitespace), GIFT's marks, HTML's and line breaks more often than
/// chance gives them.
fn bank_text() -> impl Strategy<Value = String> {
    let word = "[a-zA-Zé0-9~=#{}:%<>&;\\[\\]\\\\/.-]{1,6}";
    (prop::collection::vec(word, 1..6), prop::bool::ANY).prop_map(|(words, newline)| {
        let sep = if newline { "\n" } else { " " };
        words.join(sep)
    })
}

fn question_of(kind: u8, texts: Vec<String>, n: f64, flag: bool) -> RawQuestion {
    use citequiz::bank::raw::{Answer, ChoiceOption, Gap, Item, Pair, TrueFalseFeedback};
    let t = |i: usize| texts.get(i % texts.len()).cloned().unwrap_or_default();
    let mut q = RawQuestion {
        id: "q".into(),
        prompt: t(0),
        explanation: t(1),
        points: 1.0,
        tags: vec![t(2).replace('\n', " ")],
        ..RawQuestion::default()
    };
    let option = |i: usize, id: &str| ChoiceOption {
        id: id.into(),
        text: format!("{} {i}", t(i)),
        feedback: flag.then(|| t(i + 1)),
    };
    match kind % 6 {
        0 => {
            q.kind = Kind::SingleChoice;
            q.options = Some(vec![option(3, "x"), option(4, "y"), option(5, "z")]);
            q.answer = Some(Answer::Id("y".into()));
        }
        1 => {
            q.kind = Kind::MultipleChoice;
            q.options = Some(vec![option(3, "a"), option(4, "b"), option(5, "c")]);
            q.answers = Some(if flag { vec!["a".into()] } else { vec!["a".into(), "c".into()] });
        }
        2 => {
            q.kind = Kind::TrueFalse;
            q.answer = Some(Answer::Bool(flag));
            q.feedback =
                Some(TrueFalseFeedback { on_true: Some(t(3)), on_false: flag.then(|| t(4)) });
        }
        3 => {
            q.kind = Kind::FillBlank;
            // One gap: `{}` in the words around it would be another.
            let side = |i: usize| t(i).replace("{}", "{ }");
            q.text = Some(if flag { "{}".into() } else { format!("{} {{}} {}", side(3), side(4)) });
            q.gaps = Some(vec![Gap { accept: vec![t(5), t(6)] }]);
        }
        4 => {
            q.kind = Kind::Numeric;
            q.answer = Some(Answer::Number(n));
            q.tolerance = flag.then_some(n.abs() / 10.0);
        }
        _ => {
            q.kind = Kind::Matching;
            let item = |i: usize, id: &str| Item { id: id.into(), text: format!("{} {i}", t(i)) };
            q.left = Some(vec![item(3, "l"), item(4, "m")]);
            q.right = Some(vec![item(5, "1"), item(6, "2"), item(7, "3")]);
            q.pairs = Some(vec![
                Pair { left: "l".into(), right: "1".into() },
                Pair { left: "m".into(), right: if flag { "1" } else { "2" }.into() },
            ]);
        }
    }
    q
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_question_gift_holds_comes_back_the_same(
        kind in 0u8..6,
        texts in prop::collection::vec(bank_text(), 8),
        n in -1e6f64..1e6,
        flag in prop::bool::ANY,
    ) {
        let q = question_of(kind, texts, n, flag);
        let bank = RawBank {
            schema: None, format: "citequiz-bank/1".into(), id: "b".into(), title: "B".into(),
            description: None, article: "a.json".into(), language: None, pass_percent: 60.0,
            tries: 1, try_penalty: 0.0, shuffle_questions: true, shuffle_options: true,
            questions: vec![q.clone()],
        };
        let (text, warnings) = gift::write(&bank);
        if warnings.is_empty() {
            let (back, diags) = gift::parse(&text, "p.gift");
            prop_assert!(diags.is_empty(), "{diags:#?}\n{text}");
            prop_assert_eq!(back.len(), 1, "{}", text);
            prop_assert_eq!(right_sorted(back[0].clone()), right_sorted(q), "{}", text);
        } else {
            // Only `->` in a matching item or an accepted answer keeps a
            // question GIFT holds out.
            let arrow = serde_json::to_string(&q).unwrap().contains("->");
            prop_assert!(arrow && matches!(q.kind, Kind::Matching | Kind::FillBlank), "{warnings:#?}");
        }
    }
}
