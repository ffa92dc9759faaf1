//! The parser's forms and escapes, and the writer's round trip, each
//! through `ok`/`one` (no error) or `messages` (what an author reads).

use super::*;
use crate::bank::raw::{Answer, Gap, Item, Kind, Pair, RawQuestion};

/// Parses `src` and returns its questions, failing on any error.
fn ok(src: &str) -> Vec<RawQuestion> {
    let (qs, diags) = parse(src, "t.gift");
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    qs
}

fn one(src: &str) -> RawQuestion {
    let mut qs = ok(src);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    qs.remove(0)
}

/// `code file:line:col: message` for each diagnostic but the placeholder's.
fn messages(src: &str) -> Vec<String> {
    let (_, diags) = parse(src, "t.gift");
    diags
        .iter()
        .filter(|d| d.code != "placeholder-explanation")
        .map(|d| format!("{} {}: {}", d.code, d.location(), d.message))
        .collect()
}

fn ids(q: &RawQuestion) -> Vec<(String, String)> {
    q.options.iter().flatten().map(|o| (o.id.clone(), o.text.clone())).collect()
}

#[test]
fn single_choice_with_title_feedback_and_general_feedback() {
    let q = one(
        "::Valdai reply:: Where did Putin speak? {\n=At Valdai#Right.\n~In Beijing#No, Moscow.\n####The first sentence says so.}",
    );
    assert_eq!(q.id, "valdai-reply");
    assert_eq!(q.kind, Kind::SingleChoice);
    assert_eq!(q.prompt, "Where did Putin speak?");
    assert_eq!(ids(&q), [("a".into(), "At Valdai".into()), ("b".into(), "In Beijing".into())]);
    assert_eq!(q.answer, Some(Answer::Id("a".into())));
    let fb: Vec<_> = q.options.iter().flatten().map(|o| o.feedback.clone()).collect();
    assert_eq!(fb, [Some("Right.".into()), Some("No, Moscow.".into())]);
    assert_eq!(q.explanation, "The first sentence says so.");
}

#[test]
fn weights_make_multiple_choice_and_inexpressible_ones_warn() {
    let q = one("Sold to China? {~%50%Su-35 ~%50%S-400 ~%-50%5G}");
    assert_eq!(q.kind, Kind::MultipleChoice);
    assert_eq!(q.answers, Some(vec!["a".into(), "b".into()]));
    assert_eq!(messages("Sold? {~%50%a ~%50%b ~%-50%c}"), Vec::<String>::new());
    let m = messages("Sold? {~%50%a ~%50%b ~%-100%c}");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("format-loss t.gift:1:7: the weights (50%, 50%, -100%)"), "{m:?}");
    let m = messages("Sold? {=a ~%-50%b}");
    assert!(m[0].contains("weighs -50%"), "{m:?}");
    assert_eq!(one("Q {~%100%a ~%-100%b}").kind, Kind::MultipleChoice);
}

#[test]
fn true_false_in_every_spelling_with_both_feedbacks() {
    for (src, answer) in [("{T}", true), ("{TRUE}", true), ("{F}", false), ("{FALSE}", false)] {
        let q = one(&format!("China recognizes Abkhazia. {src}"));
        assert_eq!((q.kind, q.answer), (Kind::TrueFalse, Some(Answer::Bool(answer))), "{src}");
    }
    // Moodle: the first feedback is for a wrong answer, the second for a right one.
    let q = one("China recognizes Abkhazia. {F#Read it again -> p2.#Right.####It does not.}");
    let fb = q.feedback.unwrap_or_default();
    // As in Moodle, only capitals make a true/false question.
    assert_eq!(one("Q? {true}").kind, Kind::FillBlank);
    assert_eq!(fb.on_true.as_deref(), Some("Read it again -> p2."));
    assert_eq!(fb.on_false.as_deref(), Some("Right."));
    assert_eq!(q.explanation, "It does not.");
}

#[test]
fn short_answer_and_the_missing_word_form() {
    let q = one("What share of trade in 2019? {=18 =eighteen}");
    assert_eq!(q.kind, Kind::FillBlank);
    assert_eq!(q.text.as_deref(), Some("{}"));
    assert_eq!(q.gaps, Some(vec![Gap { accept: vec!["18".into(), "eighteen".into()] }]));
    let q = one("Trade rose to nearly {=18 =eighteen} percent in 2019.");
    assert_eq!(q.prompt, FILL_PROMPT);
    assert_eq!(q.text.as_deref(), Some("Trade rose to nearly {} percent in 2019."));
    assert_eq!(one("Capital? {Paris}").gaps, Some(vec![Gap { accept: vec!["Paris".into()] }]));
    let m = messages("Q? {=18 =%50%17#close}");
    assert_eq!(
        m,
        [
            "format-loss t.gift:1:10: the answer \"17\" earns 50%: fill_blank accepts an answer fully or not at all, so it is left out"
        ]
    );
}

#[test]
fn a_multiple_choice_missing_word_keeps_a_blank_in_the_prompt() {
    let q = one("Putin spoke at {=Valdai ~Davos} before the election.");
    assert_eq!(q.prompt, "Putin spoke at _____ before the election.");
}

#[test]
fn numerical_answers_ranges_and_several_answers() {
    let n = |src: &str| {
        let q = one(src);
        assert_eq!(q.kind, Kind::Numeric);
        (q.answer, q.tolerance)
    };
    assert_eq!(n("Share? {#18}"), (Some(Answer::Number(18.0)), None));
    assert_eq!(n("Share? {#18:0.5}"), (Some(Answer::Number(18.0)), Some(0.5)));
    assert_eq!(n("Range? {#3:2~#Completely wrong}"), (Some(Answer::Number(3.0)), Some(2.0)));
    assert_eq!(n("Share? {#17..19}"), (Some(Answer::Number(18.0)), Some(1.0)));
    assert_eq!(n("Share? {#=18:0 =%50%18:2}"), (Some(Answer::Number(18.0)), Some(0.0)));
    // Moodle's own export: weights, empty feedback, a wrong answer's feedback.
    assert_eq!(
        n("Share? {#\n\t=%100%18:0.5#\n\t~#Read again.\n}"),
        (Some(Answer::Number(18.0)), Some(0.5))
    );
    let m = messages("Share? {#=18:0 =%50%18:2}");
    assert!(m[0].contains("the answer 18:2 (50%) is left out"), "{m:?}");
    assert_eq!(
        messages("Share? {#eighteen}"),
        ["gift-syntax t.gift:1:10: `eighteen` is not a number, NUMBER:TOLERANCE or MIN..MAX"]
    );
    assert!(messages("Share? {#19..17}")[0].starts_with("gift-syntax t.gift:1:10"));
}

#[test]
fn matching_with_a_distractor_and_a_shared_right_item() {
    let q =
        one("Match. {\n=Obama -> Insincere\n=Trump -> Serious\n=Biden -> Serious\n= -> An ally\n}");
    assert_eq!(q.kind, Kind::Matching);
    let texts =
        |v: &Option<Vec<Item>>| v.iter().flatten().map(|i| i.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&q.left), ["Obama", "Trump", "Biden"]);
    assert_eq!(texts(&q.right), ["Insincere", "Serious", "An ally"]);
    let pair = |l: &str, r: &str| Pair { left: l.into(), right: r.into() };
    assert_eq!(q.pairs, Some(vec![pair("a", "1"), pair("b", "2"), pair("c", "2")]));
}

#[test]
fn every_escape() {
    let q = one("A \\~ B \\= C \\# D \\{ E \\} F \\: G \\\\ H\\nI {=x\\=y}");
    assert_eq!(q.prompt, "A ~ B = C # D { E } F : G \\ H\nI");
    assert_eq!(q.gaps, Some(vec![Gap { accept: vec!["x=y".into()] }]));
    // An unknown escape is kept as written, as Moodle keeps it.
    assert_eq!(one("Path C\\d? {T}").prompt, "Path C\\d?");
    // An escaped colon does not open a title.
    assert_eq!(one("\\:\\: not a title {T}").prompt, ":: not a title");
}

#[test]
fn comments_ids_tags_and_categories() {
    let qs = ok(
        "// a comment\n$CATEGORY: $course$/Week 1/Alliances\n\n// [id:valdai] [tag:who-said]\n// [tag:easy]\n::Title:: Q? {T}\n\n::Title:: Q2? {F}\n\n::Title:: Q3? {F}",
    );
    assert_eq!(
        qs.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
        ["valdai", "title", "title-2"]
    );
    assert_eq!(qs[0].tags, ["Week 1/Alliances", "who-said", "easy"]);
    assert_eq!(qs[1].tags, ["Week 1/Alliances"]);
    let m = messages("::T:: a {T}\n\n::T:: b {T}");
    assert_eq!(
        m,
        ["renamed-id t.gift:3:1: another question already has the id \"t\": this one is \"t-2\""]
    );
    assert_eq!(
        ok("Q? {T}\n\nQ? {F}").iter().map(|q| q.id.clone()).collect::<Vec<_>>(),
        ["q1", "q2"]
    );
}

#[test]
fn text_formats_become_plain_text() {
    assert_eq!(one("[html]<p>Is <b>3 &lt; 5</b>?<script>x()</script></p> {T}").prompt, "Is 3 < 5?");
    assert_eq!(one("[markdown]Is **this** `true`? {T}").prompt, "Is this true?");
    assert_eq!(one("[plain]Is <b> a tag? {T}").prompt, "Is <b> a tag?");
    assert_eq!(one("[moodle]Is <i>it</i>? {T}").prompt, "Is it?");
    // Each answer and feedback may name its own format, as in Moodle.
    let q = one("Colour? {\n=[html]<i>yellow</i> # [html]<b>right</b>\n~[plain]<blue> # wrong\n}");
    assert_eq!(ids(&q), [("a".into(), "yellow".into()), ("b".into(), "<blue>".into())]);
    assert_eq!(q.options.unwrap_or_default()[0].feedback.as_deref(), Some("right"));
    let m = messages("[latex]Is it? {T}");
    assert_eq!(
        m,
        ["format-loss t.gift:1:1: `[latex]` is not a text format GIFT knows: kept as text"]
    );
}

#[test]
fn what_does_not_map_is_a_warning_and_the_rest_imports() {
    let src = "::Essay:: Discuss. {}\n\n::Intro:: Read the article first.\n\n::Kept:: Q? {T}";
    let (qs, _) = parse(src, "t.gift");
    assert_eq!(qs.len(), 1);
    assert_eq!(
        messages(src),
        [
            "not-converted t.gift:1:1: an essay question (empty `{}`) has no kind in citequiz: left out",
            "not-converted t.gift:3:1: a text without answers in `{…}` (a description) is not a question: left out",
        ]
    );
    let (_, diags) = parse("::Essay:: Discuss. {}", "t.gift");
    assert_eq!(diags[0].question.as_deref(), Some("Essay"));
}

#[test]
fn syntax_errors_name_line_and_column() {
    let check = |src: &str, expected: &str| {
        let m = messages(src);
        assert_eq!(m.first().map(String::as_str), Some(expected), "{src}");
    };
    check("::T:: Q? {=a ~b", "gift-syntax t.gift:1:10: this `{` is not closed");
    check("::T:: Q? {=a ~b\n\n}", "gift-syntax t.gift:1:10: this `{` is not closed");
    check("::T Q? {T}", "gift-syntax t.gift:1:1: the title opened with `::` is not closed");
    check("Q? } {T}", "gift-syntax t.gift:1:4: a `}` that closes no `{`");
    check(
        "Q? {T} and {F}",
        "gift-syntax t.gift:1:12: a second `{`: a GIFT question has one answer block",
    );
    check(
        "Q? {=a {=b}",
        "gift-syntax t.gift:1:8: a `{` inside the answers: the first `{` is not closed before this one",
    );
    check("Q?\n{\n=a -> b\n=c\n}", "gift-syntax t.gift:4:2: this matching pair has no `->`");
    check(
        "Q? {a -> b}",
        "gift-syntax t.gift:1:7: `->` outside matching pairs, each written `=left -> right`",
    );
    check("Q?\n{\n=a -> b\n=c\n}", "gift-syntax t.gift:4:2: this matching pair has no `->`");
    check("Q? {~%abc%x ~y}", "gift-syntax t.gift:1:6: the weight `%abc%` is not a number");
    check(
        "Q? {~a ~b}",
        "gift-syntax t.gift:1:4: no option is right: none has `=` or a positive weight",
    );
    check("{T}", "gift-syntax t.gift:1:1: the question has no text");
    check("Q? {~%100%a}", "gift-syntax t.gift:1:4: a choice question needs at least two options");
    check("Q? {=a -> b}", "gift-syntax t.gift:1:4: a matching question needs at least two pairs");
    check(
        "Q? {x =a -> b =c -> d}",
        "gift-syntax t.gift:1:5: text before the first matching pair: each pair starts with `=`",
    );
    // The error names the question by its title.
    let (_, diags) = parse("::Trade share:: Q? {#x}", "t.gift");
    assert_eq!(diags[0].question.as_deref(), Some("Trade share"));
}

#[test]
fn the_writer_round_trips_every_kind_gift_holds() {
    let bank = match crate::bank::RawBank::from_json(include_str!(
        "../../../tests/fixtures/every-kind.json"
    )) {
        Ok(b) => b,
        Err(d) => panic!("{d:#?}"),
    };
    let (text, warnings) = write(&bank);
    let left_out: Vec<_> = warnings.iter().filter_map(|d| d.question.clone()).collect();
    assert_eq!(left_out, ["blank", "order", "evidence", "twopart"]);
    let (back, diags) = parse(&text, "every-kind.gift");
    assert!(diags.is_empty(), "{diags:#?}\n{text}");
    let kept: Vec<&RawQuestion> =
        bank.questions.iter().filter(|q| !left_out.contains(&q.id)).collect();
    assert_eq!(back.len(), kept.len());
    for (a, b) in kept.iter().zip(&back) {
        assert_eq!(*a, b, "\n{text}");
    }
}

#[test]
fn the_writer_escapes_what_gift_would_read() {
    let q = RawQuestion {
        id: "odd:id]".into(),
        kind: Kind::TrueFalse,
        prompt: "[Note] a {brace}, #hash, ~tilde, = sign, a: colon, \\ and <b>\nline".into(),
        explanation: "Why #1.".into(),
        answer: Some(Answer::Bool(true)),
        tags: vec!["a]b".into()],
        points: 1.0,
        ..RawQuestion::default()
    };
    let bank = crate::bank::RawBank {
        schema: None,
        format: "citequiz-bank/1".into(),
        id: "b".into(),
        title: "B".into(),
        description: None,
        article: "a.json".into(),
        language: None,
        pass_percent: 60.0,
        tries: 1,
        try_penalty: 0.0,
        shuffle_questions: true,
        shuffle_options: true,
        questions: vec![q.clone()],
    };
    let (text, warnings) = write(&bank);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(ok(&text), [q], "{text}");
    // A tag GIFT cannot hold on one line is folded, and said so.
    let mut odd = bank;
    odd.questions[0].tags = vec!["two\nlines".into()];
    let (text, warnings) = write(&odd);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(ok(&text)[0].tags, ["two lines"]);
}
