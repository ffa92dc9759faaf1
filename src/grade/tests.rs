use super::*;
use crate::article::Selector;
use crate::bank::Question;
use crate::bank::raw::{ChoiceOption, Gap, Item, PartA, PartB, QuoteOption, TrueFalseFeedback};
use proptest::prelude::*;

fn q(body: Body) -> Question {
    Question::for_test("q", body, 1.0, 1, Vec::new(), &[])
}

fn opt(id: &str) -> ChoiceOption {
    ChoiceOption { id: id.into(), text: format!("option {id}"), feedback: Some(format!("fb {id}")) }
}

fn item(id: &str) -> Item {
    Item { id: id.into(), text: format!("item {id}") }
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| (*s).to_string()).collect()
}

fn single() -> Body {
    Body::SingleChoice { options: vec![opt("a"), opt("b"), opt("c")], answer: "b".into() }
}

fn multiple() -> Body {
    Body::MultipleChoice {
        options: vec![opt("a"), opt("b"), opt("c"), opt("d")],
        answers: strings(&["a", "c"]),
    }
}

fn true_false() -> Body {
    Body::TrueFalse {
        answer: false,
        feedback: TrueFalseFeedback { on_true: Some("no".into()), on_false: None },
    }
}

fn fill_blank() -> Body {
    Body::FillBlank {
        segments: strings(&["", " met ", " in Beijing."]),
        gaps: vec![
            Gap { accept: strings(&["Putin", "Vladimir Putin"]) },
            Gap { accept: strings(&["Xi Jinping"]) },
        ],
    }
}

fn numeric() -> Body {
    Body::Numeric { answer: 2.5, tolerance: 0.5, unit: None }
}

fn ordering() -> Body {
    Body::Ordering { items: vec![item("x"), item("y"), item("z"), item("w")] }
}

fn matching() -> Body {
    Body::Matching {
        left: vec![item("l1"), item("l2")],
        right: vec![item("r1"), item("r2"), item("r3")],
        answer: strings(&["r2", "r1"]),
    }
}

fn evidence() -> Body {
    Body::Evidence { target: strings(&["p1.s1", "p2.s3"]).into() }
}

fn two_part() -> Body {
    let quote = |id: &str| QuoteOption {
        id: id.into(),
        quote: Selector::exact(format!("quote {id}")),
        feedback: None,
    };
    Body::TwoPart {
        part_a: PartA {
            prompt: "A?".into(),
            options: vec![opt("a1"), opt("a2")],
            answer: "a1".into(),
        },
        part_b: PartB {
            prompt: "B?".into(),
            options: vec![quote("b1"), quote("b2")],
            answer: "b2".into(),
        },
        quotes: Box::default(),
    }
}

/// Grades `r` against `body` and checks the fraction and verdict.
fn check(body: Body, r: Response, fraction: f64, verdict: Verdict) {
    let g = grade(&q(body), &r).unwrap_or_else(|e| panic!("{r:?}: {e}"));
    assert!((g.fraction - fraction).abs() < 1e-9, "{r:?}: fraction {} != {fraction}", g.fraction);
    assert_eq!(g.verdict, verdict, "{r:?}");
}

/// Grades `r` against `body` and checks the error's message.
fn check_err(body: Body, r: Response, message: &str) {
    match grade(&q(body), &r) {
        Ok(g) => panic!("{r:?} graded {g:?}, expected an error"),
        Err(e) => assert_eq!(e.to_string(), message, "{r:?}"),
    }
}

fn sc(choice: &str) -> Response {
    Response::SingleChoice { choice: choice.into() }
}
fn mc(choices: &[&str]) -> Response {
    Response::MultipleChoice { choices: strings(choices) }
}
fn fb(gaps: &[&str]) -> Response {
    Response::FillBlank { gaps: strings(gaps) }
}
fn ord(order: &[&str]) -> Response {
    Response::Ordering { order: strings(order) }
}
fn mat(pairs: &[(&str, &str)]) -> Response {
    Response::Matching {
        pairs: pairs.iter().map(|(l, r)| Pair { left: (*l).into(), right: (*r).into() }).collect(),
    }
}
fn ev(sentences: &[&str]) -> Response {
    Response::Evidence { sentences: strings(sentences) }
}
fn tp(a: &str, b: &str) -> Response {
    Response::TwoPart { a: a.into(), b: b.into() }
}

#[test]
fn single_choice_is_all_or_nothing() {
    use Verdict::*;
    check(single(), sc("b"), 1.0, Correct);
    check(single(), sc("a"), 0.0, Wrong);
    let g = grade(&q(single()), &sc("c")).unwrap();
    assert_eq!(g.feedback, vec!["fb c".to_string()]);
    assert_eq!(
        g.marks,
        vec![Mark { key: "c".into(), correct: false, feedback: Some("fb c".into()) }]
    );
}

#[test]
fn multiple_choice_follows_h5p() {
    use Verdict::*;
    check(multiple(), mc(&["a", "c"]), 1.0, Correct);
    check(multiple(), mc(&["c", "a"]), 1.0, Correct);
    check(multiple(), mc(&["a"]), 0.5, Partial);
    check(multiple(), mc(&["a", "b"]), 0.0, Wrong);
    check(multiple(), mc(&["a", "c", "d"]), 0.5, Partial);
    check(multiple(), mc(&["b", "d"]), 0.0, Wrong);
    check(multiple(), mc(&["a", "b", "c", "d"]), 0.0, Wrong);
    check(multiple(), mc(&[]), 0.0, Wrong);
    let g = grade(&q(multiple()), &mc(&["d", "a"])).unwrap();
    assert_eq!(g.feedback, strings(&["fb d", "fb a"]));
    assert_eq!(g.marks.iter().map(|m| m.correct).collect::<Vec<_>>(), vec![false, true]);
}

#[test]
fn true_false_gives_the_answer_feedback() {
    use Verdict::*;
    check(true_false(), Response::TrueFalse { value: false }, 1.0, Correct);
    check(true_false(), Response::TrueFalse { value: true }, 0.0, Wrong);
    let g = grade(&q(true_false()), &Response::TrueFalse { value: true }).unwrap();
    assert_eq!(g.feedback, strings(&["no"]));
    assert_eq!(g.marks[0].key, "true");
    let g = grade(&q(true_false()), &Response::TrueFalse { value: false }).unwrap();
    assert!(g.feedback.is_empty());
}

#[test]
fn fill_blank_folds_case_spacing_and_punctuation() {
    use Verdict::*;
    check(fill_blank(), fb(&["putin", "xi jinping"]), 1.0, Correct);
    check(fill_blank(), fb(&["  VLADIMIR   Putin. ", "XiJinping"]), 0.5, Partial);
    check(fill_blank(), fb(&["Vladimir\tPutin!", "“Xi Jinping”"]), 1.0, Correct);
    check(fill_blank(), fb(&["Medvedev", "Xi"]), 0.0, Wrong);
    check(fill_blank(), fb(&["", ""]), 0.0, Wrong);
    let g = grade(&q(fill_blank()), &fb(&["Putin", "Li"])).unwrap();
    assert_eq!(
        g.marks.iter().map(|m| (m.key.as_str(), m.correct)).collect::<Vec<_>>(),
        vec![("0", true), ("1", false)]
    );
}

#[test]
fn fill_blank_reads_hyphens_and_dashes_as_spaces() {
    use Verdict::*;
    let gap = |accept: &[&str]| Body::FillBlank {
        segments: strings(&["In the ", " there might be no alternative."]),
        gaps: vec![Gap { accept: strings(accept) }],
    };
    for typed in ["mid-30s", "mid 30s", "mid\u{2013}30s", "Mid \u{2014} 30s", "mid\u{2011}30s"] {
        check(gap(&["mid-30s"]), fb(&[typed]), 1.0, Correct);
        check(gap(&["mid 30s"]), fb(&[typed]), 1.0, Correct);
        check(gap(&["mid\u{2013}30s"]), fb(&[typed]), 1.0, Correct);
    }
    // A space is still a word break: the run-together word is another answer.
    check(gap(&["mid-30s"]), fb(&["mid30s"]), 0.0, Wrong);
    assert_eq!(fold("well\u{2010}known \u{2212}5"), "well known 5");
}

#[test]
fn fold_keeps_letters_digits_and_single_spaces() {
    assert_eq!(fold("  Hello,   World!  "), "hello world");
    assert_eq!(fold("U.S. 2020"), "us 2020");
    assert_eq!(fold("Ünïcode\u{00A0}Straße"), "ünïcode straße");
    assert_eq!(fold("?!"), "");
}

#[test]
fn numeric_accepts_within_tolerance() {
    use Verdict::*;
    let n = |value| Response::Numeric { value };
    check(numeric(), n(2.5), 1.0, Correct);
    check(numeric(), n(3.0), 1.0, Correct);
    check(numeric(), n(2.0), 1.0, Correct);
    check(numeric(), n(3.0001), 0.0, Wrong);
    // Decimal rounding must not turn a right answer wrong.
    check(Body::Numeric { answer: 0.3, tolerance: 0.0, unit: None }, n(0.1 + 0.2), 1.0, Correct);
    check_err(numeric(), n(f64::NAN), "the number is not finite; expected a finite number");
    check_err(numeric(), n(f64::INFINITY), "the number is not finite; expected a finite number");
}

#[test]
fn ordering_credits_absolute_positions() {
    use Verdict::*;
    check(ordering(), ord(&["x", "y", "z", "w"]), 1.0, Correct);
    check(ordering(), ord(&["x", "y", "w", "z"]), 0.5, Partial);
    check(ordering(), ord(&["w", "x", "y", "z"]), 0.0, Wrong);
    check_err(ordering(), ord(&["x", "y", "z"]), "3 items given; expected exactly 4");
    check_err(
        ordering(),
        ord(&["x", "y", "z", "z"]),
        "item \"z\" is given more than once; give each at most once",
    );
    check_err(
        ordering(),
        ord(&["x", "y", "z", "v"]),
        "unknown item \"v\"; expected one of: x, y, z, w",
    );
}

#[test]
fn matching_credits_each_left_item() {
    use Verdict::*;
    check(matching(), mat(&[("l1", "r2"), ("l2", "r1")]), 1.0, Correct);
    check(matching(), mat(&[("l2", "r1"), ("l1", "r2")]), 1.0, Correct);
    check(matching(), mat(&[("l1", "r2")]), 0.5, Partial);
    check(matching(), mat(&[("l1", "r2"), ("l2", "r3")]), 0.5, Partial);
    check(matching(), mat(&[("l1", "r3"), ("l2", "r3")]), 0.0, Wrong);
    check(matching(), mat(&[]), 0.0, Wrong);
    check_err(
        matching(),
        mat(&[("l3", "r1")]),
        "unknown left item \"l3\"; expected one of: l1, l2",
    );
    check_err(
        matching(),
        mat(&[("l1", "r9")]),
        "unknown right item \"r9\"; expected one of: r1, r2, r3",
    );
    check_err(
        matching(),
        mat(&[("l1", "r2"), ("l1", "r1")]),
        "left item \"l1\" is given more than once; give each at most once",
    );
}

#[test]
fn evidence_nets_right_and_wrong_sentences() {
    use Verdict::*;
    check(evidence(), ev(&["p2.s3", "p1.s1"]), 1.0, Correct);
    check(evidence(), ev(&["p1.s1"]), 0.5, Partial);
    check(evidence(), ev(&["p1.s1", "p9.s9"]), 0.0, Wrong);
    check(evidence(), ev(&["p1.s1", "p2.s3", "p4.s1"]), 0.5, Partial);
    check(evidence(), ev(&[]), 0.0, Wrong);
    check_err(
        evidence(),
        ev(&["p1"]),
        "\"p1\" is not a sentence id; expected p<paragraph>.s<sentence>, such as p3.s2",
    );
    check_err(
        evidence(),
        ev(&["p0.s1"]),
        "\"p0.s1\" is not a sentence id; expected p<paragraph>.s<sentence>, such as p3.s2",
    );
    check_err(
        evidence(),
        ev(&["p1.s1", "p1.s1"]),
        "sentence \"p1.s1\" is given more than once; give each at most once",
    );
}

#[test]
fn two_part_needs_part_a_first() {
    use Verdict::*;
    check(two_part(), tp("a1", "b2"), 1.0, Correct);
    check(two_part(), tp("a1", "b1"), 0.5, Partial);
    check(two_part(), tp("a2", "b2"), 0.0, Wrong);
    check(two_part(), tp("a2", "b1"), 0.0, Wrong);
    let g = grade(&q(two_part()), &tp("a2", "b2")).unwrap();
    assert_eq!(
        g.marks.iter().map(|m| (m.key.as_str(), m.correct)).collect::<Vec<_>>(),
        vec![("a", false), ("b", true)]
    );
    check_err(two_part(), tp("b1", "b2"), "unknown option \"b1\"; expected one of: a1, a2");
    check_err(two_part(), tp("a1", "a1"), "unknown Part B option \"a1\"; expected one of: b1, b2");
}

#[test]
fn refuses_malformed_responses() {
    check_err(
        single(),
        mc(&["a"]),
        "a multiple_choice response was given to a single_choice question; expected a single_choice response",
    );
    check_err(single(), sc("z"), "unknown option \"z\"; expected one of: a, b, c");
    check_err(
        multiple(),
        mc(&["a", "a"]),
        "option \"a\" is given more than once; give each at most once",
    );
    check_err(multiple(), mc(&["a", "e"]), "unknown option \"e\"; expected one of: a, b, c, d");
    check_err(fill_blank(), fb(&["Putin"]), "1 gaps given; expected exactly 2");
}

#[test]
fn response_json_is_tagged_by_kind() {
    let r = Response::from_json(r#"{"kind":"two_part","a":"a1","b":"b2"}"#).unwrap();
    assert_eq!(r, tp("a1", "b2"));
    let json = serde_json::to_string(&mat(&[("l1", "r1")])).unwrap();
    assert_eq!(json, r#"{"kind":"matching","pairs":[{"left":"l1","right":"r1"}]}"#);
    let g = grade(&q(single()), &sc("b")).unwrap();
    let json = serde_json::to_string(&g).unwrap();
    assert!(json.starts_with(r#"{"verdict":"correct","fraction":1.0,"#), "{json}");
    let back: Grade = serde_json::from_str(&json).unwrap();
    assert_eq!(back, g);
}

fn check_score(args: (f64, f64, u32, f64, f64), expected: f64) {
    let (points, fraction, tries, penalty, hints) = args;
    let got = score(points, fraction, tries, penalty, hints);
    assert!((got - expected).abs() < 1e-9, "{args:?}: {got} != {expected}");
}

#[test]
fn score_applies_try_and_hint_penalties() {
    check_score((3.0, 1.0, 1, 1.0 / 3.0, 0.0), 3.0);
    check_score((3.0, 1.0, 0, 1.0 / 3.0, 0.0), 3.0);
    check_score((3.0, 1.0, 2, 1.0 / 3.0, 0.0), 2.0);
    check_score((3.0, 1.0, 3, 1.0 / 3.0, 0.0), 1.0);
    check_score((3.0, 1.0, 4, 1.0 / 3.0, 0.0), 0.0);
    check_score((2.0, 0.5, 1, 0.25, 0.1), 0.8);
    check_score((2.0, 1.0, 2, 0.25, 0.25), 1.0);
    check_score((2.0, 0.2, 1, 0.0, 0.5), 0.0);
    check_score((2.0, f64::NAN, 1, 0.0, 0.0), 0.0);
    check_score((2.0, 1.0, 2, f64::NAN, f64::INFINITY), 2.0);
    check_score((f64::INFINITY, 1.0, 1, 0.0, 0.0), 0.0);
    check_score((-1.0, 1.0, 1, 0.0, 0.0), 0.0);
    check_score((2.0, 1.0, 1, -1.0, -1.0), 2.0);
}

// Property tests: every kind, random (often unknown or duplicate) ids.

const IDS: [&str; 6] = ["a", "b", "c", "d", "e", "zz"];

fn id() -> impl Strategy<Value = String> {
    prop::sample::select(IDS.to_vec()).prop_map(str::to_string)
}

fn ids(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(id(), 0..=max)
}

fn sentence_id() -> impl Strategy<Value = String> {
    prop_oneof![(1u8..4, 1u8..4).prop_map(|(p, s)| format!("p{p}.s{s}")), "[ps0-9.]{0,6}",]
}

fn num() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6f64..1e6,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
    ]
}

/// Distinct ids from the pool, 1 to `max` of them.
fn distinct(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::sample::subsequence(IDS[..5].to_vec(), 1..=max)
        .prop_map(|v| v.into_iter().map(str::to_string).collect())
}

fn body() -> impl Strategy<Value = Body> {
    let opts = |v: &[String]| v.iter().map(|i| opt(i)).collect::<Vec<_>>();
    let items = |v: &[String]| v.iter().map(|i| item(i)).collect::<Vec<_>>();
    prop_oneof![
        (distinct(5), any::<prop::sample::Index>()).prop_map(move |(o, i)| {
            let answer = i.get(&o).clone();
            Body::SingleChoice { options: opts(&o), answer }
        }),
        (distinct(5), any::<prop::sample::Index>()).prop_map(move |(o, i)| {
            let answers = o.iter().take(i.index(o.len()) + 1).cloned().collect();
            Body::MultipleChoice { options: opts(&o), answers }
        }),
        any::<bool>()
            .prop_map(|answer| Body::TrueFalse { answer, feedback: TrueFalseFeedback::default() }),
        prop::collection::vec(prop::collection::vec("[a-zA-Z .,!-]{0,8}", 1..3), 0..4).prop_map(
            |gaps| Body::FillBlank {
                segments: vec![String::new(); gaps.len() + 1],
                gaps: gaps.into_iter().map(|accept| Gap { accept }).collect(),
            }
        ),
        (-1e6f64..1e6, 0f64..10.0).prop_map(|(answer, tolerance)| Body::Numeric {
            answer,
            tolerance,
            unit: None
        }),
        distinct(5).prop_map(move |i| Body::Ordering { items: items(&i) }),
        (distinct(4), distinct(5), prop::collection::vec(any::<prop::sample::Index>(), 4))
            .prop_map(move |(l, r, picks)| {
                let answer = l.iter().zip(&picks).map(|(_, p)| p.get(&r).clone()).collect();
                Body::Matching { left: items(&l), right: items(&r), answer }
            }),
        prop::collection::vec((1u8..4, 1u8..4), 0..4).prop_map(|t| Body::Evidence {
            target: t.into_iter().map(|(p, s)| format!("p{p}.s{s}")).collect()
        }),
        (distinct(4), distinct(4), any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(move |(a, b, ia, ib)| {
                let quotes = b
                    .iter()
                    .map(|id| QuoteOption {
                        id: id.clone(),
                        quote: Selector::exact("q"),
                        feedback: None,
                    })
                    .collect();
                Body::TwoPart {
                    part_a: PartA {
                        prompt: "A".into(),
                        options: opts(&a),
                        answer: ia.get(&a).clone(),
                    },
                    part_b: PartB {
                        prompt: "B".into(),
                        options: quotes,
                        answer: ib.get(&b).clone(),
                    },
                    quotes: Box::default(),
                }
            }),
    ]
}

fn response() -> impl Strategy<Value = Response> {
    prop_oneof![
        id().prop_map(|choice| Response::SingleChoice { choice }),
        ids(6).prop_map(|choices| Response::MultipleChoice { choices }),
        any::<bool>().prop_map(|value| Response::TrueFalse { value }),
        prop::collection::vec("[a-zA-Z .,!-]{0,8}", 0..4)
            .prop_map(|gaps| Response::FillBlank { gaps }),
        num().prop_map(|value| Response::Numeric { value }),
        ids(6).prop_map(|order| Response::Ordering { order }),
        prop::collection::vec((id(), id()), 0..5).prop_map(|p| Response::Matching {
            pairs: p.into_iter().map(|(left, right)| Pair { left, right }).collect()
        }),
        prop::collection::vec(sentence_id(), 0..5)
            .prop_map(|sentences| Response::Evidence { sentences }),
        (id(), id()).prop_map(|(a, b)| Response::TwoPart { a, b }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn grade_never_panics_and_stays_in_range(body in body(), r in response()) {
        let question = q(body);
        let result = grade(&question, &r);
        let mismatch = matches!(result, Err(ResponseError::KindMismatch { .. }));
        // A response of another kind is refused as such, and only then.
        prop_assert_eq!(mismatch, question.kind() != r.kind());
        if let Ok(g) = result {
            prop_assert!((0.0..=1.0).contains(&g.fraction), "{:?}", g);
            prop_assert_eq!(g.verdict, Verdict::from_fraction(g.fraction));
        }
    }

    #[test]
    fn score_stays_within_points(
        points in num(),
        fraction in num(),
        tries in any::<u32>(),
        penalty in num(),
        hints in num(),
    ) {
        let s = score(points, fraction, tries, penalty, hints);
        prop_assert!(s.is_finite());
        prop_assert!(s >= 0.0);
        prop_assert!(s <= points.max(0.0) || !points.is_finite());
    }

    #[test]
    fn the_right_answer_is_always_correct(body in body()) {
        let right = match &body {
            Body::SingleChoice { answer, .. } => Response::SingleChoice { choice: answer.clone() },
            Body::MultipleChoice { answers, .. } => Response::MultipleChoice { choices: answers.clone() },
            Body::TrueFalse { answer, .. } => Response::TrueFalse { value: *answer },
            // Gaps whose accepted answers fold to nothing cannot be answered.
            Body::FillBlank { gaps, .. } if gaps.iter().all(|g| g.accept.iter().any(|a| !fold(a).is_empty())) && !gaps.is_empty() => {
                Response::FillBlank {
                    gaps: gaps.iter().filter_map(|g| g.accept.iter().find(|a| !fold(a).is_empty()).cloned()).collect(),
                }
            }
            Body::FillBlank { .. } => return Ok(()),
            Body::Numeric { answer, .. } => Response::Numeric { value: *answer },
            Body::Ordering { items } => Response::Ordering { order: items.iter().map(|i| i.id.clone()).collect() },
            Body::Matching { left, answer, .. } => Response::Matching {
                pairs: left.iter().zip(answer).map(|(l, r)| Pair { left: l.id.clone(), right: r.clone() }).collect(),
            },
            Body::Evidence { target } => {
                let mut t = target.to_vec();
                t.dedup();
                t.sort();
                t.dedup();
                Response::Evidence { sentences: t }
            }
            Body::TwoPart { part_a, part_b, .. } => Response::TwoPart { a: part_a.answer.clone(), b: part_b.answer.clone() },
        };
        let g = grade(&q(body), &right).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(g.verdict, Verdict::Correct);
    }
}
