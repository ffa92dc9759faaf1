//! The session's tests: play, score, navigate, snapshot and restore, over
//! small banks built in code.

use super::*;
use crate::article::{Article, Normalizer};
use crate::bank::raw::{ChoiceOption, Hint, Item, TrueFalseFeedback};
use crate::bank::{Bank, Body, Question};
use crate::grade::Response;

fn article() -> Article {
    let json = include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    match Article::parse(json, Normalizer::basic()) {
        Ok(a) => a,
        Err(d) => panic!("the test article does not parse: {d:?}"),
    }
}

fn opt(id: &str) -> ChoiceOption {
    ChoiceOption { id: id.into(), text: format!("option {id}"), feedback: None }
}

fn hint(penalty: f64) -> Hint {
    Hint { text: format!("costs {penalty}"), penalty }
}

fn single(id: &str, answer: &str, points: f64, tries: u32) -> Question {
    let body = Body::SingleChoice {
        options: vec![opt("a"), opt("b"), opt("c"), opt("d")],
        answer: answer.into(),
    };
    Question::for_test(id, body, points, tries, vec![hint(0.1), hint(0.2)], &["detail"])
}

fn true_false(id: &str, answer: bool) -> Question {
    let body = Body::TrueFalse { answer, feedback: TrueFalseFeedback::default() };
    Question::for_test(id, body, 1.0, 1, Vec::new(), &["inference", "detail", "inference"])
}

fn ordering(id: &str, n: usize) -> Question {
    let items = (0..n).map(|i| Item { id: format!("i{i}"), text: format!("item {i}") });
    Question::for_test(id, Body::Ordering { items: items.collect() }, 1.0, 2, Vec::new(), &[])
}

/// sc1 (3 points, 3 tries, two hints), tf1, ord1, sc2 (1 try).
fn small_bank(shuffle: bool) -> Bank {
    let questions = vec![
        single("sc1", "b", 3.0, 3),
        true_false("tf1", false),
        ordering("ord1", 4),
        single("sc2", "c", 1.0, 1),
    ];
    Bank::for_test("bank", questions, article(), 1.0 / 3.0, shuffle)
}

fn big_bank() -> Bank {
    let questions = (0..20).map(|i| single(&format!("q{i}"), "a", 1.0, 1)).collect();
    Bank::for_test("big", questions, article(), 1.0 / 3.0, true)
}

fn sc(choice: &str) -> Response {
    Response::SingleChoice { choice: choice.into() }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Every question's view, in session order.
fn views(s: &Session) -> Vec<QuestionView> {
    s.question_ids().iter().filter_map(|id| s.state(id)).collect()
}

#[test]
fn same_seed_same_order_and_different_seeds_differ() {
    let a = Session::new(big_bank(), 42, 0.0);
    let b = Session::new(big_bank(), 42, 0.0);
    assert_eq!(a.question_ids(), b.question_ids());
    assert_eq!(a.option_order("q3"), b.option_order("q3"));
    let mut sorted = a.question_ids();
    sorted.sort_by_key(|id| id.trim_start_matches('q').parse::<u32>().unwrap_or(0));
    let author: Vec<String> = (0..20).map(|i| format!("q{i}")).collect();
    assert_eq!(sorted, author, "the order is a permutation");
    let orders: std::collections::HashSet<Vec<String>> = (0..10u64)
        .map(|seed| {
            Session::new(big_bank(), seed, 0.0)
                .question_ids()
                .into_iter()
                .map(String::from)
                .collect()
        })
        .collect();
    assert_eq!(orders.len(), 10, "ten seeds, ten orders");
    assert_ne!(a.option_order("q3"), Session::new(big_bank(), 43, 0.0).option_order("q3"));
}

#[test]
fn without_shuffle_the_author_order_stays() {
    let s = Session::new(small_bank(false), 9, 0.0);
    assert_eq!(s.question_ids(), vec!["sc1", "tf1", "ord1", "sc2"]);
    let order = s.option_order("sc1").unwrap();
    assert_eq!(order.ids, vec!["a", "b", "c", "d"]);
    assert!(order.part_b.is_empty());
    assert_eq!(s.option_order("tf1").unwrap().ids, Vec::<String>::new());
    // Ordering items are shuffled whatever the bank says.
    assert_ne!(s.option_order("ord1").unwrap().ids, vec!["i0", "i1", "i2", "i3"]);
    assert_eq!(s.option_order("nope"), None);
}

#[test]
fn ordering_is_never_shown_in_the_right_order() {
    for n in [2, 3] {
        let bank = Bank::for_test("o", vec![ordering("o", n)], article(), 0.0, false);
        let right: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
        for seed in 0..200 {
            let ids = Session::new(bank.clone(), seed, 0.0).option_order("o").unwrap().ids;
            assert_ne!(ids, right, "n={n} seed={seed}");
            let mut sorted = ids.clone();
            sorted.sort();
            assert_eq!(sorted, right, "a permutation");
        }
    }
}

#[test]
fn option_order_depends_only_on_seed_and_question_id() {
    let alone = Bank::for_test("b", vec![single("x", "a", 1.0, 1)], article(), 0.0, true);
    let crowded = small_bank(true);
    let mut with_x = crowded.questions().to_vec();
    with_x.insert(2, single("x", "a", 1.0, 1));
    let crowded = Bank::for_test("b", with_x, article(), 0.0, true);
    for seed in 0..20 {
        assert_eq!(
            Session::new(alone.clone(), seed, 0.0).option_order("x"),
            Session::new(crowded.clone(), seed, 0.0).option_order("x"),
        );
    }
}

#[test]
fn tries_and_hints_reduce_the_score() {
    let mut s = Session::new(small_bank(false), 1, 0.0);
    let f = s.handle_answer("sc1", sc("a"), 10.0).unwrap();
    assert_eq!((f.verdict, f.tries_used, f.tries_left, f.can_retry), (Verdict::Wrong, 1, 2, true));
    assert_eq!(f.explanation, None, "no answer given away before the last try");
    let h = s.handle_hint("sc1").unwrap();
    assert_eq!((h.index, h.hints_taken, h.hints_left), (0, 1, 1));
    assert!(close(h.penalty, 0.1));
    // 3 × (1 − 1/3 − 0.1) = 1.7
    let f = s.handle_answer("sc1", sc("b"), 20.0).unwrap();
    assert_eq!(
        (f.verdict, f.tries_used, f.tries_left, f.can_retry),
        (Verdict::Correct, 2, 0, false)
    );
    assert!(close(f.earned, 1.7), "{}", f.earned);
    assert_eq!(f.explanation.as_deref(), Some("Because of sc1."));
    assert!(close(s.earned_so_far(), 1.7));
    let v = s.state("sc1").unwrap();
    assert_eq!(
        (v.tries_used, v.hints_taken, v.done, v.verdict),
        (2, 1, true, Some(Verdict::Correct))
    );
    assert_eq!(v.last_response, Some(sc("b")));
    // A first-try right answer without hints earns full points.
    let f = s.handle_answer("tf1", Response::TrueFalse { value: false }, 30.0).unwrap();
    assert!(close(f.earned, 1.0));
    assert_eq!(s.answered_count(), 2);
}

#[test]
fn inputs_are_refused_when_they_cannot_count() {
    let mut s = Session::new(small_bank(false), 1, 0.0);
    let err = |r: Result<Feedback, SessionError>| r.err().map(|e| e.to_string());
    assert_eq!(
        err(s.handle_answer("zz", sc("a"), 0.0)).as_deref(),
        Some("no question \"zz\" in this session")
    );
    // A malformed response does not use a try.
    let e = err(s.handle_answer("sc2", sc("q"), 0.0));
    assert_eq!(
        e.as_deref(),
        Some(
            "cannot grade the answer to question \"sc2\": unknown option \"q\"; expected one of: a, b, c, d"
        )
    );
    assert_eq!(s.state("sc2").unwrap().tries_used, 0);
    s.handle_answer("sc2", sc("a"), 0.0).unwrap();
    assert_eq!(
        err(s.handle_answer("sc2", sc("c"), 0.0)).as_deref(),
        Some("question \"sc2\" has no tries left (it allows 1 try)")
    );
    assert_eq!(
        s.handle_hint("sc2").err(),
        Some(SessionError::NoTriesLeft { id: "sc2".into(), tries: 1 })
    );
    s.handle_answer("sc1", sc("b"), 0.0).unwrap();
    assert_eq!(
        s.handle_answer("sc1", sc("b"), 0.0).err(),
        Some(SessionError::AlreadyCorrect { id: "sc1".into() })
    );
    assert_eq!(
        s.handle_hint("tf1").err(),
        Some(SessionError::NoHintsLeft { id: "tf1".into(), hints: 0 })
    );
    s.finish(5.0);
    assert_eq!(
        s.handle_answer("tf1", Response::TrueFalse { value: true }, 0.0).err(),
        Some(SessionError::Finished)
    );
    assert_eq!(s.handle_hint("ord1").err(), Some(SessionError::Finished));
}

#[test]
fn navigation_clamps() {
    let mut s = Session::new(small_bank(false), 1, 0.0);
    assert_eq!(s.prev(), 0);
    assert_eq!(s.next(), 1);
    assert_eq!(s.current_question().map(Question::id), Some("tf1"));
    assert_eq!(s.go_to(usize::MAX), 3);
    assert_eq!(s.next(), 3);
    assert_eq!(s.question_at(4), None);
    let mut empty = Session::new(Bank::for_test("e", Vec::new(), article(), 0.0, true), 1, 0.0);
    assert_eq!((empty.next(), empty.prev(), empty.go_to(5)), (0, 0, 0));
    assert_eq!(empty.current_question(), None);
    let r = empty.finish(1.0);
    assert_eq!((r.percent, r.passed), (0.0, false));
}

#[test]
fn finish_is_idempotent_and_sums_up() {
    let mut s = Session::new(small_bank(false), 1, 1_000.0);
    s.handle_answer("sc1", sc("b"), 2_000.0).unwrap();
    s.handle_answer("tf1", Response::TrueFalse { value: true }, 3_000.0).unwrap();
    let r = s.finish(61_000.0);
    assert!(s.is_finished());
    assert_eq!(s.finish(99_000.0), r);
    assert_eq!((r.started_ms, r.finished_ms, r.duration_ms), (1_000.0, 61_000.0, 60_000.0));
    assert!(close(r.earned, 3.0) && close(r.max, 6.0) && close(r.percent, 50.0));
    assert!(!r.passed, "50% is below the 60% pass mark");
    let tags: Vec<_> =
        r.by_tag.iter().map(|t| (t.tag.as_str(), t.earned, t.max, t.questions)).collect();
    assert_eq!(tags, vec![("detail", 3.0, 5.0, 3), ("inference", 0.0, 1.0, 1)]);
    let qs: Vec<_> = r.questions.iter().map(|q| (q.id.as_str(), q.verdict, q.answered)).collect();
    assert_eq!(
        qs,
        vec![
            ("sc1", Some(Verdict::Correct), true),
            ("tf1", Some(Verdict::Wrong), true),
            ("ord1", None, false),
            ("sc2", None, false),
        ]
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["byTag"][0]["tag"], "detail");
    assert_eq!(json["questions"][0]["kind"], "single_choice");
    assert_eq!(json["durationMs"], 60_000.0);
}

#[test]
fn passing_at_exactly_the_pass_mark() {
    let questions = (0..5).map(|i| single(&format!("q{i}"), "a", 1.0, 1)).collect();
    let mut s = Session::new(Bank::for_test("p", questions, article(), 0.0, false), 1, 0.0);
    for id in ["q0", "q1", "q2"] {
        s.handle_answer(id, sc("a"), 0.0).unwrap();
    }
    assert!(s.finish(1.0).passed, "3 of 5 is 60%");
}

/// Plays a little of everything on the small bank.
fn played() -> Session {
    let mut s = Session::new(small_bank(true), 77, 500.0);
    s.handle_answer("sc1", sc("a"), 600.0).unwrap();
    s.handle_hint("sc1").unwrap();
    s.handle_answer("sc1", sc("b"), 700.0).unwrap();
    s.handle_answer(
        "ord1",
        Response::Ordering { order: vec!["i0".into(), "i2".into(), "i1".into(), "i3".into()] },
        800.0,
    )
    .unwrap();
    s.handle_hint("sc2").unwrap();
    s.go_to(2);
    s
}

#[test]
fn snapshot_round_trips_through_json() {
    let s = played();
    let json = s.snapshot_json();
    let (r, report) = Session::restore_json(small_bank(true), &json).unwrap();
    assert_eq!(report.kept.len(), 4);
    assert!(report.dropped.is_empty() && report.added.is_empty());
    assert_eq!(r.snapshot(), s.snapshot());
    assert_eq!(r.snapshot_json(), json);
    assert_eq!(views(&r), views(&s));
    assert_eq!((r.position(), r.seed(), r.started_ms()), (2, 77, 500.0));
    assert_eq!(r.option_order("sc1"), s.option_order("sc1"));
    let (mut r, mut s) = (r, s);
    assert_eq!(r.finish(900.0), s.finish(900.0));
    // A finished session stays finished.
    let (r2, _) = Session::restore_json(small_bank(true), &s.snapshot_json()).unwrap();
    assert_eq!(r2.finished_ms(), Some(900.0));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], SESSION_FORMAT);
    assert_eq!(value["seed"], "000000000000004d");
    let sc1 = value["questions"].as_array().and_then(|qs| qs.iter().find(|q| q["id"] == "sc1"));
    assert_eq!(sc1.map(|q| &q["responses"][0]["atMs"]), Some(&serde_json::json!(600.0)));
}

/// `snapshot_json` writes from the session what serde writes of its
/// `Snapshot`, byte for byte: fresh, played, finished, a retry's subset;
/// and in pieces of a few questions each, never the whole text at once.
#[test]
fn snapshot_json_is_the_snapshot_serialized() {
    let check = |s: &Session| {
        let serde = serde_json::to_string(&s.snapshot()).unwrap();
        assert_eq!(s.snapshot_json(), serde);
        let mut pieces = Vec::new();
        s.snapshot_json_pieces(&mut |p| pieces.push(p.to_string()));
        assert_eq!(pieces.concat(), serde);
        pieces.iter().map(String::len).max().unwrap_or(0)
    };
    check(&Session::new(small_bank(true), 5, 10.0));
    let mut s = played();
    check(&s);
    s.finish(900.0);
    check(&s);
    let retry = s.retry_missed(9, 1000.0).expect("something was missed");
    assert!(retry.snapshot().subset);
    check(&retry);
    let questions = (0..300).map(|i| single(&format!("q{i}"), "a", 1.0, 1)).collect();
    let big = Session::new(Bank::for_test("300", questions, article(), 0.0, true), 3, 10.0);
    let total = big.snapshot_json().len();
    let largest = check(&big);
    assert!(largest * 4 < total, "a piece of {largest} bytes of {total}");
}

#[test]
fn restore_follows_a_changed_bank() {
    let s = played();
    // sc1 edited (another right answer), ord1 removed, new1 added.
    let questions = vec![
        single("sc1", "c", 3.0, 3),
        true_false("tf1", false),
        single("sc2", "c", 1.0, 1),
        true_false("new1", true),
    ];
    let bank = Bank::for_test("bank", questions, article(), 1.0 / 3.0, true);
    let (r, report) = Session::restore(bank, &s.snapshot()).unwrap();
    let mut kept = report.kept.clone();
    kept.sort();
    assert_eq!(kept, vec!["sc2", "tf1"]);
    let mut dropped: Vec<_> = report.dropped.iter().map(|d| (d.id.as_str(), d.reason)).collect();
    dropped.sort_by_key(|d| d.0);
    assert_eq!(dropped, vec![("ord1", DropReason::Removed), ("sc1", DropReason::Changed)]);
    assert_eq!(report.added, vec!["new1"]);
    assert_eq!(r.question_ids().last(), Some(&"new1"), "new questions come last");
    assert_eq!(r.len(), 4);
    let sc1 = r.state("sc1").unwrap();
    assert_eq!((sc1.tries_used, sc1.hints_taken), (0, 0), "a changed question starts afresh");
    assert_eq!(r.state("sc2").unwrap().hints_taken, 1, "kept progress survives");
    assert_eq!(r.state("ord1"), None);
}

#[test]
fn restore_drops_responses_that_no_longer_grade() {
    let s = played();
    let mut snap = s.snapshot();
    if let Some(sq) = snap.questions.iter_mut().find(|q| q.id == "sc1") {
        sq.responses.insert(0, SavedResponse { response: sc("zz"), at_ms: 1.0 });
    }
    snap.position = 99;
    let (r, report) = Session::restore(small_bank(true), &snap).unwrap();
    assert_eq!(report.dropped, vec![Dropped { id: "sc1".into(), reason: DropReason::Changed }]);
    assert_eq!(r.state("sc1").unwrap().tries_used, 0);
    assert_eq!(r.position(), 3, "the position is clamped");
}

fn check_restore_error(json: &str, expected: &str) {
    match Session::restore_json(small_bank(true), json) {
        Ok(_) => panic!("{json} restored"),
        Err(e) => assert_eq!(e.to_string(), expected, "{json}"),
    }
}

#[test]
fn restore_says_what_is_wrong() {
    check_restore_error(
        r#"{"format":"citequiz-session/2"}"#,
        "saved progress is in format citequiz-session/2; this version reads citequiz-session/1",
    );
    check_restore_error(
        r#"{"bankId":"bank"}"#,
        "saved progress names no format; this version reads citequiz-session/1",
    );
    check_restore_error(
        "{",
        "saved progress is unreadable: malformed JSON: EOF while parsing an object at line 1 column 2",
    );
    let mut v: serde_json::Value = serde_json::from_str(&played().snapshot_json()).unwrap();
    v["questions"][0]["hints"] = serde_json::json!("two");
    let json = v.to_string();
    let e = Session::restore_json(small_bank(true), &json)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.starts_with(
            "saved progress is unreadable: at questions[0].hints: expected a whole number, \
             0 or more, found a string at line 1 column "
        ),
        "{e}"
    );
    v["bankId"] = serde_json::json!("other");
    v["questions"][0]["hints"] = serde_json::json!(1);
    check_restore_error(&v.to_string(), "saved progress is for bank \"other\", not \"bank\"");
}

#[test]
fn restore_reads_what_earlier_versions_wrote() {
    // Written by the serde-based reader's version; it must keep restoring.
    let json = r#"{"format":"citequiz-session/1","bankId":"bank","seed":"000000000000004d","order":["sc2","ord1","sc1","tf1"],"position":2,"startedMs":500.0,"finishedMs":null,"questions":[{"id":"sc2","hash":"159d109acc6ac69b","responses":[],"hints":1},{"id":"ord1","hash":"15be01bac905220d","responses":[{"response":{"kind":"ordering","order":["i0","i2","i1","i3"]},"atMs":800.0}],"hints":0},{"id":"sc1","hash":"80f791f15a3b79eb","responses":[{"response":{"kind":"single_choice","choice":"a"},"atMs":600.0},{"response":{"kind":"single_choice","choice":"b"},"atMs":700.0}],"hints":1},{"id":"tf1","hash":"8461e41fa1f1f73e","responses":[],"hints":0}]}"#;
    let (r, report) = Session::restore_json(small_bank(true), json).unwrap();
    assert_eq!(report.kept.len(), 4);
    assert_eq!(r.snapshot(), played().snapshot());
    assert_eq!(r.snapshot_json(), json);
    // Fields a later version might add are ignored; `subset` defaults.
    let extra = json.replacen("\"position\"", "\"theme\":\"dark\",\"position\"", 1);
    assert!(Session::restore_json(small_bank(true), &extra).is_ok());
}

#[test]
fn restore_names_the_bad_field() {
    let json = played().snapshot_json();
    check_restore_error(
        &json.replace("000000000000004d", "4g"),
        "saved progress is unreadable: at seed: expected 16 hex digits, found \"4g\" \
         at line 1 column 48",
    );
    check_restore_error(
        &json.replace(r#""kind":"ordering","#, ""),
        "saved progress is unreadable: at questions[1].responses[0].response: \
         missing field `kind` at line 1 column 329",
    );
    check_restore_error(
        &json.replace("\"startedMs\":500.0,", ""),
        "saved progress is unreadable: missing field `startedMs` at line 1 column 612",
    );
    check_restore_error(
        r#"{"format":2}"#,
        "saved progress is in format 2; this version reads citequiz-session/1",
    );
    check_restore_error(
        "[]",
        "saved progress is unreadable: expected an object, found an array at line 1 column 1",
    );
}

#[test]
fn retry_missed_takes_what_was_not_right() {
    let mut s = Session::new(small_bank(false), 1, 0.0);
    s.handle_answer("sc1", sc("b"), 0.0).unwrap();
    s.handle_answer("tf1", Response::TrueFalse { value: true }, 0.0).unwrap();
    let retry = s.retry_missed(5, 10.0).unwrap();
    let mut ids = retry.question_ids();
    ids.sort();
    assert_eq!(ids, vec!["ord1", "sc2", "tf1"]);
    assert_eq!(retry.started_ms(), 10.0);
    assert_eq!(retry.answered_count(), 0);
    // It shares the bank rather than copying it.
    assert!(Rc::ptr_eq(&retry.shared_bank(), &s.shared_bank()));
    // Its snapshot restores as the same subset: no question is "added".
    let (r, report) = Session::restore_json(small_bank(false), &retry.snapshot_json()).unwrap();
    assert!(report.added.is_empty());
    assert_eq!(r.question_ids(), retry.question_ids());
    // Nothing to retry once everything is right.
    let mut all = Session::new(small_bank(false), 1, 0.0);
    all.handle_answer("sc1", sc("b"), 0.0).unwrap();
    all.handle_answer("tf1", Response::TrueFalse { value: false }, 0.0).unwrap();
    let order = Response::Ordering { order: (0..4).map(|i| format!("i{i}")).collect() };
    all.handle_answer("ord1", order, 0.0).unwrap();
    all.handle_answer("sc2", sc("c"), 0.0).unwrap();
    assert!(all.retry_missed(5, 10.0).is_none());
}

fn tagged(id: &str, tag: &str) -> Question {
    let body = Body::TrueFalse { answer: true, feedback: TrueFalseFeedback::default() };
    Question::for_test(id, body, 1.0, 1, Vec::new(), &[tag])
}

/// q0..q9, the even ones tagged "main-idea", the odd ones "detail".
fn tagged_bank(shuffle: bool) -> Bank {
    let questions = (0..10)
        .map(|i| tagged(&format!("q{i}"), if i % 2 == 0 { "main-idea" } else { "detail" }))
        .collect();
    Bank::for_test("tagged", questions, article(), 0.0, shuffle)
}

fn check_pool(count: Option<usize>, tags: &[&str], seed: u64, expected: &[&str]) {
    let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
    let s = Session::with_pool(tagged_bank(false), seed, 0.0, count, &tags);
    assert_eq!(s.question_ids(), expected);
}

#[test]
fn a_pool_draws_by_count_and_tags() {
    // Everything, in the bank's order, when neither narrows.
    let all = ["q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];
    check_pool(None, &[], 1, &all);
    check_pool(Some(10), &[], 1, &all);
    check_pool(Some(99), &[], 1, &all);
    check_pool(None, &["main-idea"], 1, &["q0", "q2", "q4", "q6", "q8"]);
    check_pool(None, &["main-idea", "detail"], 1, &all);
    check_pool(None, &["nowhere"], 1, &[]);
    check_pool(Some(0), &[], 1, &[]);
    // A drawn pool: the right size, the right tags, in bank order,
    // the same for the same seed, another for another seed.
    let tags = vec![String::from("detail")];
    let draw = |seed| Session::with_pool(tagged_bank(false), seed, 0.0, Some(3), &tags);
    let a = draw(7);
    assert_eq!(a.len(), 3);
    let ids: Vec<usize> =
        a.question_ids().iter().map(|id| id[1..].parse::<usize>().unwrap()).collect();
    assert!(ids.iter().all(|i| i % 2 == 1), "{ids:?}");
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert_eq!(draw(7).question_ids(), a.question_ids());
    assert!((0..20).any(|seed| draw(seed).question_ids() != a.question_ids()));
    // With a shuffling bank the drawn questions are shuffled too, but
    // are the same ones.
    let s = Session::with_pool(tagged_bank(true), 7, 0.0, Some(3), &tags);
    let mut shuffled = s.question_ids();
    shuffled.sort();
    let mut drawn = a.question_ids();
    drawn.sort();
    assert_eq!(shuffled, drawn);
}

#[test]
fn a_pool_restores_as_the_same_subset() {
    let mut s = Session::with_pool(tagged_bank(false), 3, 0.0, Some(4), &[]);
    let first = s.question_ids()[0].to_string();
    s.handle_answer(&first, Response::TrueFalse { value: true }, 1.0).unwrap();
    s.next();
    let (r, report) = Session::restore_json(tagged_bank(false), &s.snapshot_json()).unwrap();
    assert!(report.added.is_empty(), "{report:?}");
    assert_eq!(r.question_ids(), s.question_ids());
    assert_eq!(r.position(), 1);
    assert_eq!(r.answered_count(), 1);
    // A pool of the whole bank is no subset: new questions join it.
    let whole = Session::with_pool(tagged_bank(false), 3, 0.0, None, &[]);
    assert!(!whole.snapshot().subset);
}

#[test]
fn with_questions_keeps_the_given_order_even_in_a_shuffled_bank() {
    let ids: Vec<String> =
        ["q7", "q2", "nope", "q7", "q11"].iter().map(|s| s.to_string()).collect();
    let s = Session::with_questions(big_bank(), 5, 0.0, &ids);
    assert_eq!(s.question_ids(), ["q7", "q2", "q11"]);
    let (back, _) = Session::restore_json(s.shared_bank(), &s.snapshot_json()).unwrap();
    assert_eq!(back.question_ids(), ["q7", "q2", "q11"], "a restored review is the same review");
}
