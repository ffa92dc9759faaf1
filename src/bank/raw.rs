//! The bank file as authors write it: serde DTOs, one per JSON object.
//!
//! These types only describe shape. Nothing here checks that an answer names
//! an existing option or that a citation anchors; `bank::validate` does that
//! and turns a `RawBank` into a checked `Bank`. The JSON Schema in
//! `quiz-data/` is generated from these types (`citequiz schema`).

use serde::{Deserialize, Serialize};

pub use crate::article::Selector;

/// The only bank format this version reads.
pub const BANK_FORMAT: &str = "citequiz-bank/1";

/// One bank file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    #[serde(default = "default_true")]
    pub shuffle_questions: bool,
    /// Whether a session shuffles the options of choice questions (from its seed).
    #[serde(default = "default_true")]
    pub shuffle_options: bool,
    /// The questions, in the author's order.
    pub questions: Vec<Q>,
}

fn default_pass_percent() -> f64 {
    60.0
}
fn default_tries() -> u32 {
    1
}
fn default_try_penalty() -> f64 {
    1.0 / 3.0
}
fn default_true() -> bool {
    true
}
fn default_points() -> f64 {
    1.0
}

/// A question. One flat object: the fields every kind shares, `kind`, and
/// the fields of that kind (see `KIND_FIELDS`). Flat rather than a serde
/// enum so that every type error keeps its exact JSON path and position.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

/// Every kind-specific field name, for "this field does not belong to that kind".
pub const KIND_FIELDS: [&str; 14] = [
    "options",
    "answer",
    "answers",
    "feedback",
    "text",
    "gaps",
    "tolerance",
    "unit",
    "items",
    "left",
    "right",
    "pairs",
    "part_a",
    "part_b",
];

/// The value of `answer`: an option id, true or false, or a number, by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

// A hand-written visitor rather than `#[serde(untagged)]`: untagged enums
// answer a wrong type with "data did not match any variant", which tells an
// author nothing.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Answer;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an option id (string), true or false, or a number")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Answer, E> {
                Ok(Answer::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Answer, E> {
                Ok(Answer::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Answer, E> {
                Ok(Answer::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Answer, E> {
                Ok(Answer::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::Id(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A citation: a W3C TextQuoteSelector, and whether a tool proposed it.
// Serialized as its selector alone (see `suggested`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cite {
    /// The quote.
    #[serde(flatten)]
    pub selector: Selector,
    /// Proposed by `citequiz suggest --write`, not yet confirmed by the
    /// author: `check` warns (`suggested-cite`) until the mark is removed.
    // Never serialized (see `impl Serialize`): the mark is the author's
    // to-do, not part of the quote, so it stays out of the content hash
    // (confirming a suggestion keeps an evidence question's saved answers).
    #[serde(default, skip_serializing)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// The hint's text.
    pub text: String,
    /// The fraction of the question's points it costs (0 to 1).
    #[serde(default)]
    pub penalty: f64,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique within its list.
    pub id: String,
    /// The item's text.
    pub text: String,
}

/// A gap of a fill_blank question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// Every accepted answer; matched without regard to case, spacing and punctuation.
    pub accept: Vec<String>,
}

/// One pair of a matching question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The id of a `left` item.
    pub left: String,
    /// The id of the `right` item it goes with.
    pub right: String,
}

/// Feedback for each answer of a true/false question.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartB {
    /// Part B's question.
    pub prompt: String,
    /// Quotes of the article to choose from.
    pub options: Vec<QuoteOption>,
    /// The id of the quote that supports Part A's answer.
    pub answer: String,
}
