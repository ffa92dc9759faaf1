//! Each check on small banks loaded through `Bank::load` from JSON text,
//! against the shipped article (the quotes below are its own words).

use super::*;
use crate::article::Normalizer;

const ARTICLE: &str =
    include_str!("../../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
const CITE: &str =
    r#""explanation": "E.", "cite": [{"exact": "Putin made an interesting comment"}]"#;

/// The warnings for a bank with these extra top-level fields and questions
/// (JSON text of the array's elements, each without `explanation`/`cite`).
fn lint(fields: &str, questions: &[&str]) -> Vec<Diagnostic> {
    let questions: Vec<String> = questions
        .iter()
        .map(|q| {
            let q = q.trim_end();
            format!("{}, {CITE}}}", q.strip_suffix('}').unwrap_or(q))
        })
        .collect();
    let text = format!(
        r#"{{"format": "citequiz-bank/1", "id": "t", "title": "T", "article": "a.json"{fields},
  "questions": [{}]}}"#,
        questions.join(",\n")
    );
    let article = Article::parse(ARTICLE, Normalizer::default()).expect("the article parses");
    let (bank, warnings) = match Bank::load(&text, Some("bank.json"), article) {
        Ok(loaded) => loaded,
        Err(diags) => panic!("the test bank does not load: {diags:#?}"),
    };
    assert!(warnings.is_empty(), "{warnings:#?}");
    let mut diags = check(&bank, bank.article());
    place(&mut diags, &text, Some("bank.json"));
    diags
}

/// Asserts the warnings are exactly `expected`: (code, question, path).
fn check_lints(
    fields: &str,
    questions: &[&str],
    expected: &[(&str, &str, &str)],
) -> Vec<Diagnostic> {
    let diags = lint(fields, questions);
    let got: Vec<(&str, &str, &str)> = diags
        .iter()
        .map(|d| (d.code, d.question.as_deref().unwrap_or(""), d.path.as_str()))
        .collect();
    assert_eq!(got, expected, "{diags:#?}");
    for d in &diags {
        assert!(d.help.as_deref().is_some_and(|h| !h.is_empty()), "{d:?}");
        assert_eq!(d.severity, crate::diag::Severity::Warning);
        assert!(codes::ALL.contains(&d.code));
        assert!(d.line.is_some() && d.file.as_deref() == Some("bank.json"), "{d:?}");
    }
    diags
}

/// A single_choice question with these option texts, the first keyed.
fn choice(id: &str, prompt: &str, options: &[&str]) -> String {
    let options: Vec<String> = options
        .iter()
        .enumerate()
        .map(|(j, t)| format!(r#"{{"id": "o{j}", "text": "{t}"}}"#))
        .collect();
    format!(
        r#"{{"id": "{id}", "kind": "single_choice", "prompt": "{prompt}", "options": [{}], "answer": "o0"}}"#,
        options.join(", ")
    )
}

const SHORT: [&str; 3] = ["Trade with Europe", "Arms to India", "A gas pipeline"];

#[test]
fn longest_answer_flags_a_key_much_longer_than_every_distractor() {
    let long = "He said it was not a goal but would not rule it out in principle";
    let q = choice("q", "What did Putin say?", &[long, SHORT[0], SHORT[1], SHORT[2]]);
    let d = check_lints("", &[&q], &[("longest-answer", "q", "questions[0].options[0].text")]);
    assert!(d[0].message.contains("64 characters, against at most 17"), "{}", d[0].message);
    // The same key among distractors as long: nothing to say.
    let even = [
        long,
        "He said Russia and China had already agreed to form one soon",
        "He ruled it out firmly as Russian officials had done for years",
        "He said it would depend on the vote in America this November",
    ];
    check_lints("", &[&choice("q", "What did Putin say?", &even)], &[]);
}

#[test]
fn longest_answer_needs_the_margin() {
    // 1.2 times the longest distractor: under LONGEST_RATIO.
    let q = choice(
        "q",
        "Which?",
        &["Pipelines and trade deals", "Arms sales to India", "A loan", "Ships"],
    );
    check_lints("", &[&q], &[]);
    // 1.3 times, but only 7 characters longer: under LONGEST_MIN_CHARS.
    let q = choice("q", "Which?", &["Arms sales abroad", "Gas to Asia", "Sanctions", "Loans"]);
    check_lints("", &[&q], &[]);
}

#[test]
fn longest_answer_across_the_bank_is_a_binomial_test() {
    // Keys a little longer than the distractors (under the per-set margin):
    // by chance, a four-option set has its longest option keyed a quarter
    // of the time, so 3 of 3 has p = 1/64 and 4 of 4 p = 1/256.
    const SETS: [[&str; 4]; 4] = [
        ["Pipelines and trades", "Arms sales to India", "Loans", "Ships"],
        ["The Valdai meeting", "A summit in Paris", "A call", "A visit"],
        ["Beijing and Moscow", "Berlin and Paris", "London", "Kyiv"],
        ["Gas from Siberia", "Oil from Qatar", "Coal", "Grain"],
    ];
    let q = |i: usize| choice(&format!("q{i}"), "Which?", &SETS[i]);
    let three: Vec<String> = (0..3).map(q).collect();
    check_lints("", &three.iter().map(String::as_str).collect::<Vec<_>>(), &[]);
    let four: Vec<String> = (0..4).map(q).collect();
    let d = check_lints(
        "",
        &four.iter().map(String::as_str).collect::<Vec<_>>(),
        &[("longest-answer", "", "questions")],
    );
    assert!(d[0].message.contains("keyed in 4 of 4 choice sets"), "{}", d[0].message);
    assert!(d[0].message.contains("about 1.00 (p = 0.004"), "{}", d[0].message);
}

#[test]
fn poisson_binomial_tail_is_exact() {
    assert!((poisson_binomial_tail(&[0.25; 4], 4) - 1.0 / 256.0).abs() < 1e-12);
    assert!((poisson_binomial_tail(&[0.5, 0.5], 1) - 0.75).abs() < 1e-12);
    assert!((poisson_binomial_tail(&[0.25; 3], 0) - 1.0).abs() < 1e-12);
}

#[test]
fn duplicate_options_equal_after_folding() {
    let q = choice("q", "Who?", &["The West", "China", "the  west.", "India"]);
    check_lints("", &[&q], &[("duplicate-option", "q", "questions[0].options[2].text")]);
    let q = r#"{"id": "o", "kind": "ordering", "prompt": "Order", "items": [
        {"id": "a", "text": "Pivot East"}, {"id": "b", "text": "pivot-east"}]}"#;
    check_lints("", &[q], &[("duplicate-option", "o", "questions[0].items[1].text")]);
}

#[test]
fn all_of_the_above_in_english_and_in_russian_banks() {
    let q = choice("q", "Which?", &["Trade", "Arms", "None of the above.", "Gas"]);
    check_lints("", &[&q], &[("all-of-the-above", "q", "questions[0].options[2].text")]);
    let ru = choice("q", "Что?", &["Торговля", "Оружие", "Всё перечисленное", "Газ"]);
    check_lints(
        r#", "language": "ru-RU""#,
        &[&ru],
        &[("all-of-the-above", "q", "questions[0].options[2].text")],
    );
    // Russian phrases count only in a Russian bank.
    check_lints(r#", "language": "en""#, &[&ru], &[]);
}

/// A two_part question with Part A's options (first keyed) and Part B's
/// quotes (the first keyed).
fn two_part(a: &[&str], quotes: &[&str]) -> String {
    let a: Vec<String> =
        a.iter().enumerate().map(|(j, t)| format!(r#"{{"id": "a{j}", "text": "{t}"}}"#)).collect();
    let b: Vec<String> = quotes
        .iter()
        .enumerate()
        .map(|(j, t)| format!(r#"{{"id": "b{j}", "quote": {{"exact": "{t}"}}}}"#))
        .collect();
    format!(
        r#"{{"id": "tp", "kind": "two_part", "prompt": "Two parts.",
        "part_a": {{"prompt": "Why did Putin answer so?", "options": [{}], "answer": "a0"}},
        "part_b": {{"prompt": "Which quote supports it?", "options": [{}], "answer": "b0"}}}}"#,
        a.join(", "),
        b.join(", ")
    )
}

const QUOTES: [&str; 3] = [
    "Moscow and Beijing are well aware that their interests don't always coincide",
    "Neither side wishes to risk getting drawn into a major conflict over the interests of its partner",
    "Russia has taken important steps to strengthen its partnership with China",
];

#[test]
fn answer_echo_part_b_repeating_part_a() {
    let echo = two_part(
        &[
            "Moscow and Beijing know their interests do not coincide",
            "He was making a deal with Beijing behind the scenes",
            "He was threatening the United States with a war",
            "He was bluffing, as he often does with reporters",
        ],
        &QUOTES,
    );
    check_lints(
        "",
        &[&echo],
        &[("answer-echo", "tp", "questions[0].part_b.options[0].quote.exact")],
    );
    let reworded = two_part(
        &[
            "The two capitals want different things in the world",
            "He was making a deal with Beijing behind the scenes",
            "He was threatening the United States with a war",
            "He was bluffing, as he often does with reporters",
        ],
        &QUOTES,
    );
    check_lints("", &[&reworded], &[]);
}

#[test]
fn answer_echo_key_repeating_the_prompt() {
    let prompt = "Why did Russia pivot to the East after its relations with the West collapsed?";
    let q = choice(
        "q",
        prompt,
        &[
            "Its relations with the West collapsed",
            "Oil prices fell by half that year",
            "Trade with Asia grew too fast",
            "Gas demand in Europe ran out",
        ],
    );
    check_lints("", &[&q], &[("answer-echo", "q", "questions[0].options[0].text")]);
    // A distractor that reuses the prompt's words as much: no cue.
    let q = choice(
        "q",
        prompt,
        &[
            "Its relations with the West collapsed",
            "The East offered it better relations",
            "Trade with Asia grew too fast",
            "Gas demand in Europe ran out",
        ],
    );
    check_lints("", &[&q], &[]);
}

fn fill(id: &str) -> String {
    format!(
        r#"{{"id": "{id}", "kind": "fill_blank", "prompt": "Complete it.",
        "text": "China's share rose from {{}} percent in 2013.", "gaps": [{{"accept": ["10", "ten"]}}]}}"#
    )
}

fn numeric(id: &str, hint: &str) -> String {
    format!(
        r#"{{"id": "{id}", "kind": "numeric", "prompt": "In what year did relations collapse?",
        "answer": 2014, "hints": [{{"text": "{hint}", "penalty": 0.1}}]}}"#
    )
}

#[test]
fn answer_revealed_by_an_earlier_question() {
    let giver =
        choice("giver", "What rose from 10 percent in 2013?", &["Trade", "Arms", "Gas", "Oil"]);
    let unshuffled = r#", "shuffle_questions": false"#;
    let d = check_lints(
        unshuffled,
        &[&giver, &fill("target")],
        &[("answer-revealed", "giver", "questions[0].prompt")],
    );
    assert!(d[0].message.contains("question \"target\" (\"10\")"), "{}", d[0].message);
    // Shown after the question it answers: no harm in a fixed order.
    check_lints(unshuffled, &[&fill("target"), &giver], &[]);
    // Any order can show it first when questions are shuffled.
    check_lints(
        r#", "shuffle_questions": true"#,
        &[&fill("target"), &giver],
        &[("answer-revealed", "giver", "questions[1].prompt")],
    );
    // A 10 that is not the gap's "10 percent" gives nothing away.
    let other =
        choice("giver", "Which of 10 projects came first?", &["Trade", "Arms", "Gas", "Oil"]);
    check_lints(unshuffled, &[&other, &fill("target")], &[]);
}

#[test]
fn answer_revealed_numbers_and_keys() {
    let unshuffled = r#", "shuffle_questions": false"#;
    let giver =
        choice("giver", "What happened in 2014?", &["The pivot East", "A war", "A deal", "A loan"]);
    check_lints(
        unshuffled,
        &[&giver, &numeric("year", "Look at paragraph 4.")],
        &[("answer-revealed", "giver", "questions[0].prompt")],
    );
    let key = choice(
        "key",
        "Which project doubled the trade share?",
        &[
            "The Power of Siberia pipeline",
            "A new railway bridge",
            "An arms deal with India",
            "A loan from Chinese banks",
        ],
    );
    let giver = choice(
        "giver",
        "What did the Power of Siberia pipeline carry?",
        &["Gas", "Oil", "Coal", "Grain"],
    );
    check_lints(
        unshuffled,
        &[&giver, &key],
        &[("answer-revealed", "giver", "questions[0].prompt")],
    );
}

#[test]
fn hints_that_give_the_answer() {
    check_lints(
        "",
        &[&numeric("year", "It was 2014.")],
        &[("hint-gives-answer", "year", "questions[0].hints[0].text")],
    );
    check_lints("", &[&numeric("year", "Read the fourth paragraph.")], &[]);
    let q = fill("f")
        .replace(r#""gaps""#, r#""hints": [{"text": "It is ten.", "penalty": 0}], "gaps""#);
    check_lints("", &[&q], &[("hint-gives-answer", "f", "questions[0].hints[0].text")]);
    let q = choice(
        "c",
        "Which project?",
        &[
            "The Power of Siberia pipeline",
            "A new railway bridge",
            "An arms deal with India",
            "A loan from Chinese banks",
        ],
    )
    .replace(
        r#""answer""#,
        r#""hints": [{"text": "Think of the Power of Siberia.", "penalty": 0}], "answer""#,
    );
    check_lints("", &[&q], &[("hint-gives-answer", "c", "questions[0].hints[0].text")]);
    let q = r#"{"id": "e", "kind": "evidence", "prompt": "Which sentence?",
        "hints": [{"text": "It begins: At a meeting of the Valdai Discussion Club several weeks before the U.S. presidential election, Russian President Vladimir Putin made an interesting comment.", "penalty": 0}]}"#;
    check_lints("", &[q], &[("hint-gives-answer", "e", "questions[0].hints[0].text")]);
}

#[test]
fn an_explanation_left_as_the_placeholder_is_flagged() {
    let q = |id: &str, explanation: &str| {
        format!(
            r#"{{"id": "{id}", "kind": "true_false", "prompt": "Putin commented?", "answer": true,
             "explanation": "{explanation}", "cite": [{{"exact": "Putin made an interesting comment"}}]}}"#
        )
    };
    let text = format!(
        r#"{{"format": "citequiz-bank/1", "id": "t", "title": "T", "article": "a.json",
  "questions": [{}, {}]}}"#,
        q("kept", PLACEHOLDER_EXPLANATION),
        q("written", "He said it at Valdai.")
    );
    let article = Article::parse(ARTICLE, Normalizer::default()).expect("the article parses");
    let (bank, _) = Bank::load(&text, None, article).expect("loads");
    let diags = check(&bank, bank.article());
    let got: Vec<(&str, Option<&str>, &str)> = diags
        .iter()
        .filter(|d| d.code == "placeholder-explanation")
        .map(|d| (d.code, d.question.as_deref(), d.path.as_str()))
        .collect();
    assert_eq!(got, [("placeholder-explanation", Some("kept"), "questions[0].explanation")]);
}

#[test]
fn absolutes_and_hedges_when_only_the_key_is_careful_or_only_the_distractors_absolute() {
    // Only the key hedges: warned at the key.
    let hedged = choice(
        "q",
        "Why did Putin speak so?",
        &[
            "It may have been a tactic",
            "It was a plan for war",
            "It was a slip of his",
            "A test of Xi's mood",
        ],
    );
    let diags = check_lints(
        "",
        &[&hedged],
        &[("absolutes-and-hedges", "q", "questions[0].options[0].text")],
    );
    assert!(diags[0].message.contains("(\"may\")"), "{}", diags[0].message);
    // A distractor worded as carefully: nothing to warn.
    let balanced = choice(
        "q",
        "Why did Putin speak so?",
        &[
            "It may have been a tactic",
            "It was probably a plan",
            "It was a slip of his",
            "A test of Xi's mood",
        ],
    );
    check_lints("", &[&balanced], &[]);
    // Every distractor absolute, the key not: warned at the first distractor.
    let absolute = choice(
        "q",
        "What did Putin say?",
        &[
            "He did not rule it out",
            "He always wanted it",
            "He never spoke of it",
            "Only Xi did so then",
        ],
    );
    let diags = check_lints(
        "",
        &[&absolute],
        &[("absolutes-and-hedges", "q", "questions[0].options[1].text")],
    );
    assert!(diags[0].message.contains("\"always\", \"never\", \"only\""), "{}", diags[0].message);
    // One distractor plain: nothing. Two options: too few to tell.
    let mixed = choice(
        "q",
        "What?",
        &["He did not rule it out", "He always wanted it", "A slip of his tongue"],
    );
    check_lints("", &[&mixed], &[]);
    check_lints("", &[&choice("q", "Why?", &["It may be a tactic", "A plan for war"])], &[]);
    // Russian words in a Russian bank only.
    let ru = choice("q", "Почему?", &["Возможно, это тактика", "Это план войны", "Это его ошибка"]);
    check_lints(
        r#", "language": "ru""#,
        &[&ru],
        &[("absolutes-and-hedges", "q", "questions[0].options[0].text")],
    );
    check_lints("", &[&ru], &[]);
}

#[test]
fn key_position_when_options_are_not_shuffled() {
    // Five sets of four options, each keyed first: 5 against 1.25 expected,
    // p = 4 positions × 0.25^5.
    let options = [
        ["Red", "Blue", "Green", "Gray"],
        ["Oak", "Elm", "Ash", "Fir"],
        ["Cat", "Dog", "Cow", "Pig"],
        ["Rain", "Snow", "Hail", "Fog"],
        ["Gold", "Iron", "Zinc", "Lead"],
    ];
    let qs: Vec<String> =
        options.iter().enumerate().map(|(i, o)| choice(&format!("q{i}"), "Which?", o)).collect();
    let qs: Vec<&str> = qs.iter().map(String::as_str).collect();
    let diags =
        check_lints(r#", "shuffle_options": false"#, &qs, &[("key-position", "", "questions")]);
    let message = &diags[0].message;
    assert!(message.contains("option 1 of its set in 5 of 5 choice sets"), "{message}");
    assert!(message.contains("about 1.25 (p = 0.004)"), "{message}");
    // Shuffled, the position tells nothing.
    check_lints(r#", "shuffle_options": true"#, &qs, &[]);
    // Four sets keyed first: p = 4 × 0.0039 = 0.016, not below 0.01.
    check_lints(r#", "shuffle_options": false"#, &qs[..4], &[]);
}
