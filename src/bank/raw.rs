//! The bank file as authors write it: DTOs, one per JSON object, and the
//! one table of the format's field names (`fields`) and defaults
//! (`DEFAULT_*`).
//!
//! These types only describe shape. Nothing here checks that an answer names
//! an existing option or that a citation anchors; `bank::validate` does that
//! and turns a `RawBank` into a checked `Bank`.
//!
//! The types carry serde derives, but banks are not read through serde:
//! `bank::read` reads them with the `json` reader (positioned diagnostics,
//! and no serde `Deserialize` in the Wasm), from the field names in
//! `fields` and the defaults here. Serde serializes them (`content_hash`,
//! `citequiz schema`); natively, `Deserialize` exists for one purpose:
//! `tests/bank_format.rs` reads every shipped bank, every fixture and
//! generated banks with both serde and `bank::read` and fails when they
//! disagree, and compares `fields` with the DTOs' JSON Schema, which is
//! generated from these types (`citequiz schema`).

#[cfg(any(not(target_arch = "wasm32"), feature = "api"))]
use serde::Deserialize;
use serde::Serialize;

pub use crate::article::Selector;

/// The only bank format this version reads.
pub const BANK_FORMAT: &str = "citequiz-bank/1";

/// One bank file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawBank<Q = RawQuestion> {
    /// The JSON Schema, for editors (ignored by citequiz).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always "citequiz-bank/1".
    pub format: String,
    /// A stable id for the bank; saved progress is keyed on it.
    pub id: String,
    /// The title shown above the quiz.
    pub title: String,
    /// An optional line or two under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The article file, by a path relative to this bank file.
    pub article: String,
    /// The bank's language, a BCP 47 tag such as "en".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The percentage of the total points needed to pass (0 to 100).
    #[serde(default = "default_pass_percent")]
    pub pass_percent: f64,
    /// How many tries a learner gets at each question, unless a question says otherwise.
    #[serde(default = "default_tries")]
    pub tries: u32,
    /// The fraction of a question's points that each extra try costs (Moodle's
    /// interactive mode); 0 to 1.
    #[serde(default = "default_try_penalty")]
    pub try_penalty: f64,
    /// Whether a session shuffles the questions (from its seed).
    #[serde(default = "default_shuffle")]
    pub shuffle_questions: bool,
    /// Whether a session shuffles the options of choice questions (from its seed).
    #[serde(default = "default_shuffle")]
    pub shuffle_options: bool,
    /// The questions, in the author's order.
    pub questions: Vec<Q>,
}

impl<Q> RawBank<Q> {
    /// The same bank's fields with other questions (the reader reads the
    /// bank's fields first, its questions one by one).
    pub fn with_questions<R>(self, questions: Vec<R>) -> RawBank<R> {
        RawBank {
            schema: self.schema,
            format: self.format,
            id: self.id,
            title: self.title,
            description: self.description,
            article: self.article,
            language: self.language,
            pass_percent: self.pass_percent,
            tries: self.tries,
            try_penalty: self.try_penalty,
            shuffle_questions: self.shuffle_questions,
            shuffle_options: self.shuffle_options,
            questions,
        }
    }
}

/// `pass_percent` when a bank does not say.
pub const DEFAULT_PASS_PERCENT: f64 = 60.0;
/// `tries` when a bank does not say.
pub const DEFAULT_TRIES: u32 = 1;
/// `try_penalty` when a bank does not say.
pub const DEFAULT_TRY_PENALTY: f64 = 1.0 / 3.0;
/// `shuffle_questions` and `shuffle_options` when a bank does not say.
pub const DEFAULT_SHUFFLE: bool = true;
/// A question's `points` when it does not say.
pub const DEFAULT_POINTS: f64 = 1.0;
/// A hint's `penalty` when it does not say.
pub const DEFAULT_HINT_PENALTY: f64 = 0.0;

// serde's `default = "…"` takes a function.
#[cfg(not(target_arch = "wasm32"))]
fn default_pass_percent() -> f64 {
    DEFAULT_PASS_PERCENT
}
#[cfg(not(target_arch = "wasm32"))]
fn default_tries() -> u32 {
    DEFAULT_TRIES
}
#[cfg(not(target_arch = "wasm32"))]
fn default_try_penalty() -> f64 {
    DEFAULT_TRY_PENALTY
}
#[cfg(not(target_arch = "wasm32"))]
fn default_shuffle() -> bool {
    DEFAULT_SHUFFLE
}
#[cfg(not(target_arch = "wasm32"))]
fn default_points() -> f64 {
    DEFAULT_POINTS
}
#[cfg(not(target_arch = "wasm32"))]
fn default_hint_penalty() -> f64 {
    DEFAULT_HINT_PENALTY
}

// Its serde JSON is what saved progress keys on: `Question::content_hash`
// is FNV-1a of this type serialized with `serde_json` (fields in this
// order, absent options skipped), without `explanation`, `hints`, `tags`,
// `tries` and, but for evidence questions, `cite`. Renaming, reordering or
// changing how a field serializes changes every hash and drops every
// learner's saved answers: `tests/fixtures/content-hashes.tsv` pins the
// shipped questions' hashes, and `tests/content_hash.rs` tests which edits
// keep an answer. (A comment, not a doc comment: doc comments become the
// JSON Schema's descriptions, which are for authors.)
/// A question. One flat object: the fields every kind shares, `kind`, and
/// the fields of that kind (see `KIND_FIELDS`). Flat rather than a serde
/// enum so that every type error keeps its exact JSON path and position.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Unique within the bank and stable across edits: progress and reports key on it.
    pub id: String,
    /// The kind of question.
    pub kind: Kind,
    /// What the learner is asked.
    pub prompt: String,
    /// Why the answer is right, in the author's words. Shown after checking.
    pub explanation: String,
    /// The passages of the article that support the answer (W3C
    /// TextQuoteSelectors). May be left out while the question is written:
    /// `check` then errors, and `citequiz suggest --write` fills it in.
    // Always serialized, even empty: the content hash is the question
    // serialized, and shipped hashes were taken with `"cite":[]` in it.
    #[serde(default)]
    pub cite: Vec<Cite>,
    /// Points for a fully right answer (default 1).
    #[serde(default = "default_points")]
    pub points: f64,
    /// Skills or topics, for the per-tag breakdown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Hints, each with the fraction of the points it costs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<Hint>,
    /// Tries for this question, overriding the bank's `tries`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tries: Option<u32>,

    /// single_choice, multiple_choice: the options, in the author's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<ChoiceOption>>,
    /// single_choice: the right option's id; true_false: true or false;
    /// numeric: the right number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// multiple_choice: the ids of every right option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<String>>,
    /// true_false: feedback for each answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<TrueFalseFeedback>,
    /// fill_blank: the sentence; each `{}` in it is a gap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// fill_blank: one entry per `{}`, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gaps: Option<Vec<Gap>>,
    /// numeric: how far from `answer` still counts as right (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// numeric: the unit shown beside the input, such as "percent".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// ordering: the items in the right order (shown shuffled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    /// matching: the items to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Vec<Item>>,
    /// matching: what they match to; items no pair names are distractors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<Vec<Item>>,
    /// matching: every left item's right match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Vec<Pair>>,
    /// two_part: Part A, a choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_a: Option<PartA>,
    /// two_part: Part B, the quote that supports Part A's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_b: Option<PartB>,
}

/// The kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One right option (`options`, `answer`).
    #[default]
    SingleChoice,
    /// Several right options (`options`, `answers`); each right pick earns,
    /// each wrong pick costs, floored at 0.
    MultipleChoice,
    /// A statement that is true or false (`answer`, optional `feedback`).
    TrueFalse,
    /// A sentence with gaps (`text` with `{}` gaps, `gaps`).
    FillBlank,
    /// A number within a tolerance (`answer`, `tolerance`, `unit`).
    Numeric,
    /// Put `items` in order; they are listed in the right order.
    Ordering,
    /// Match `left` items to `right` items (`pairs`).
    Matching,
    /// Select the article's sentences that support a claim; the right ones
    /// are those the `cite` spans cover.
    Evidence,
    /// Part A a choice, Part B the quote that supports it (`part_a`, `part_b`).
    TwoPart,
}

impl Kind {
    /// Every kind, in documentation order.
    pub const ALL: [Kind; 9] = [
        Kind::SingleChoice,
        Kind::MultipleChoice,
        Kind::TrueFalse,
        Kind::FillBlank,
        Kind::Numeric,
        Kind::Ordering,
        Kind::Matching,
        Kind::Evidence,
        Kind::TwoPart,
    ];

    /// The kind's name as written in `"kind"`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::SingleChoice => "single_choice",
            Kind::MultipleChoice => "multiple_choice",
            Kind::TrueFalse => "true_false",
            Kind::FillBlank => "fill_blank",
            Kind::Numeric => "numeric",
            Kind::Ordering => "ordering",
            Kind::Matching => "matching",
            Kind::Evidence => "evidence",
            Kind::TwoPart => "two_part",
        }
    }

    /// The kind's own fields: (required, optional).
    pub fn fields(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Kind::SingleChoice => (&["options", "answer"], &[]),
            Kind::MultipleChoice => (&["options", "answers"], &[]),
            Kind::TrueFalse => (&["answer"], &["feedback"]),
            Kind::FillBlank => (&["text", "gaps"], &[]),
            Kind::Numeric => (&["answer"], &["tolerance", "unit"]),
            Kind::Ordering => (&["items"], &[]),
            Kind::Matching => (&["left", "right", "pairs"], &[]),
            Kind::Evidence => (&[], &[]),
            Kind::TwoPart => (&["part_a", "part_b"], &[]),
        }
    }
}

/// What a kind's required field looks like, for the help of a question
/// that lacks it (the fields `Kind::fields` requires, in the shipped
/// fixture's shapes); None for a field the kind does not require.
pub fn field_example(kind: Kind, field: &str) -> Option<&'static str> {
    let choice = r#""options": [{"id": "a", "text": "…"}, {"id": "b", "text": "…"}]"#;
    Some(match (kind, field) {
        (Kind::SingleChoice | Kind::MultipleChoice, "options") => choice,
        (Kind::SingleChoice, "answer") => r#""answer": "a" (the right option's id)"#,
        (Kind::MultipleChoice, "answers") => r#""answers": ["a", "b"] (the right options' ids)"#,
        (Kind::TrueFalse, "answer") => r#""answer": true"#,
        (Kind::FillBlank, "text") => r#""text": "Bees dance on the {} comb." (a {} for each gap)"#,
        (Kind::FillBlank, "gaps") => {
            r#""gaps": [{"accept": ["vertical"]}] (one per {} in `text`, with the answers it accepts)"#
        }
        (Kind::Numeric, "answer") => r#""answer": 1973"#,
        (Kind::Ordering, "items") => {
            r#""items": [{"id": "a", "text": "…"}, {"id": "b", "text": "…"}] (in the right order)"#
        }
        (Kind::Matching, "left") => {
            r#""left": [{"id": "l1", "text": "…"}, {"id": "l2", "text": "…"}]"#
        }
        (Kind::Matching, "right") => {
            r#""right": [{"id": "r1", "text": "…"}, {"id": "r2", "text": "…"}]"#
        }
        (Kind::Matching, "pairs") => {
            r#""pairs": [{"left": "l1", "right": "r2"}, {"left": "l2", "right": "r1"}]"#
        }
        (Kind::TwoPart, "part_a") => {
            r#""part_a": {"prompt": "…", "options": [{"id": "a", "text": "…"}, {"id": "b", "text": "…"}], "answer": "a"}"#
        }
        (Kind::TwoPart, "part_b") => {
            r#""part_b": {"prompt": "…", "options": [{"id": "a", "quote": {"exact": "…"}}, {"id": "b", "quote": {"exact": "…"}}], "answer": "a"}"#
        }
        _ => return None,
    })
}

/// Whether a question has a field.
pub type Has = fn(&RawQuestion) -> bool;

/// Every kind-specific field: its name and whether a question has it.
/// Validation's "this field does not belong to that kind", the reader's
/// list of a question's fields and the schema's per-kind rules all come
/// from this table and `Kind::fields`.
pub const KIND_FIELDS: [(&str, Has); 14] = [
    ("options", |q| q.options.is_some()),
    ("answer", |q| q.answer.is_some()),
    ("answers", |q| q.answers.is_some()),
    ("feedback", |q| q.feedback.is_some()),
    ("text", |q| q.text.is_some()),
    ("gaps", |q| q.gaps.is_some()),
    ("tolerance", |q| q.tolerance.is_some()),
    ("unit", |q| q.unit.is_some()),
    ("items", |q| q.items.is_some()),
    ("left", |q| q.left.is_some()),
    ("right", |q| q.right.is_some()),
    ("pairs", |q| q.pairs.is_some()),
    ("part_a", |q| q.part_a.is_some()),
    ("part_b", |q| q.part_b.is_some()),
];

/// The field names of each object of the format, which the reader
/// (`bank::read`) accepts and `tests/bank_format.rs` compares with the
/// DTOs' own (by their JSON Schema).
pub mod fields {
    use super::KIND_FIELDS;

    /// `RawBank`.
    pub const BANK: &[&str] = &[
        "$schema",
        "format",
        "id",
        "title",
        "description",
        "article",
        "language",
        "pass_percent",
        "tries",
        "try_penalty",
        "shuffle_questions",
        "shuffle_options",
        "questions",
    ];
    /// The fields of `RawQuestion` every kind has; the kind's own follow
    /// (`KIND_FIELDS`).
    pub const COMMON: [&str; 9] =
        ["id", "kind", "prompt", "explanation", "cite", "points", "tags", "hints", "tries"];
    /// `RawQuestion`: the common fields, then every kind's.
    pub const QUESTION: [&str; COMMON.len() + KIND_FIELDS.len()] = {
        let mut out = [""; COMMON.len() + KIND_FIELDS.len()];
        let mut i = 0;
        while i < COMMON.len() {
            out[i] = COMMON[i];
            i += 1;
        }
        let mut j = 0;
        while j < KIND_FIELDS.len() {
            out[COMMON.len() + j] = KIND_FIELDS[j].0;
            j += 1;
        }
        out
    };
    /// `Selector`.
    pub const SELECTOR: &[&str] = &["exact", "prefix", "suffix"];
    /// `Cite`: a selector, and the mark of a suggested one.
    pub const CITE: &[&str] = &["exact", "prefix", "suffix", "suggested"];
    /// `Hint`.
    pub const HINT: &[&str] = &["text", "penalty"];
    /// `ChoiceOption`.
    pub const CHOICE_OPTION: &[&str] = &["id", "text", "feedback"];
    /// `Item`.
    pub const ITEM: &[&str] = &["id", "text"];
    /// `Gap`.
    pub const GAP: &[&str] = &["accept"];
    /// `Pair`.
    pub const PAIR: &[&str] = &["left", "right"];
    /// `TrueFalseFeedback`.
    pub const TRUE_FALSE_FEEDBACK: &[&str] = &["true", "false"];
    /// `PartA`.
    pub const PART_A: &[&str] = &["prompt", "options", "answer"];
    /// `PartB`.
    pub const PART_B: &[&str] = &["prompt", "options", "answer"];
    /// `QuoteOption`.
    pub const QUOTE_OPTION: &[&str] = &["id", "quote", "feedback"];

    /// Every object's fields, by the DTO's name (as in the JSON Schema's
    /// `$defs`), for the test that compares them.
    pub const ALL: &[(&str, &[&str])] = &[
        ("RawBank", BANK),
        ("RawQuestion", &QUESTION),
        ("Selector", SELECTOR),
        ("Cite", CITE),
        ("Hint", HINT),
        ("ChoiceOption", CHOICE_OPTION),
        ("Item", ITEM),
        ("Gap", GAP),
        ("Pair", PAIR),
        ("TrueFalseFeedback", TRUE_FALSE_FEEDBACK),
        ("PartA", PART_A),
        ("PartB", PART_B),
        ("QuoteOption", QUOTE_OPTION),
    ];
}

/// The value of `answer`: an option id, true or false, or a number, by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(untagged)]
pub enum Answer {
    /// true_false.
    Bool(bool),
    /// numeric.
    Number(f64),
    /// single_choice: an option id.
    Id(String),
}

impl Answer {
    /// What the value is, for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Answer::Bool(_) => "a boolean",
            Answer::Number(_) => "a number",
            Answer::Id(_) => "a string",
        }
    }
}

/// A citation: a W3C TextQuoteSelector, and whether a tool proposed it.
// Serialized as its selector alone (see `suggested`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Cite {
    /// The quote.
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub selector: Selector,
    /// Proposed by `citequiz suggest --write`, not yet confirmed by the
    /// author: `check` warns (`suggested-cite`) until the mark is removed.
    // Never serialized (see `impl Serialize`): the mark is the author's
    // to-do, not part of the quote, so it stays out of the content hash
    // (confirming a suggestion keeps an evidence question's saved answers).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing))]
    pub suggested: bool,
}

// By hand rather than derived with `flatten`: serde's flattening writes
// through a map serializer, code the Wasm (which hashes questions) would
// carry for nothing.
impl Serialize for Cite {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.selector.serialize(s)
    }
}

impl Cite {
    /// A confirmed citation of `selector`.
    pub fn new(selector: Selector) -> Self {
        Cite { selector, suggested: false }
    }
}

/// A hint and what it costs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// The hint's text.
    pub text: String,
    /// The fraction of the question's points it costs (0 to 1).
    #[serde(default = "default_hint_penalty")]
    pub penalty: f64,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Unique within the question.
    pub id: String,
    /// The option's text.
    pub text: String,
    /// Shown when the learner picks this option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

/// An item of an ordering or matching question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique within its list.
    pub id: String,
    /// The item's text.
    pub text: String,
}

/// A gap of a fill_blank question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// Every accepted answer; matched without regard to case, spacing and punctuation.
    pub accept: Vec<String>,
}

/// One pair of a matching question.
// Also part of a learner's response (`grade::Response`), which the headless
// API (feature `api`) reads with serde: so `Deserialize` exists there too,
// never in the widget's build. (A plain comment: doc comments become the
// JSON Schema's descriptions.)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "api"), derive(Deserialize))]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The id of a `left` item.
    pub left: String,
    /// The id of the `right` item it goes with.
    pub right: String,
}

/// Feedback for each answer of a true/false question.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrueFalseFeedback {
    /// Shown when the learner answers "true".
    #[serde(default, rename = "true", skip_serializing_if = "Option::is_none")]
    pub on_true: Option<String>,
    /// Shown when the learner answers "false".
    #[serde(default, rename = "false", skip_serializing_if = "Option::is_none")]
    pub on_false: Option<String>,
}

/// Part A of a two_part question: a choice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartA {
    /// Part A's question.
    pub prompt: String,
    /// Its options.
    pub options: Vec<ChoiceOption>,
    /// The id of the right option.
    pub answer: String,
}

/// An option of Part B: a quote of the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuoteOption {
    /// Unique within Part B.
    pub id: String,
    /// The quote; it must anchor in the article.
    pub quote: Selector,
    /// Shown when the learner picks this quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

/// Part B of a two_part question: which quote supports Part A's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartB {
    /// Part B's question.
    pub prompt: String,
    /// Quotes of the article to choose from.
    pub options: Vec<QuoteOption>,
    /// The id of the quote that supports Part A's answer.
    pub answer: String,
}
