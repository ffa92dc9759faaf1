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
pub struct RawBank {
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
    pub questions: Vec<RawQuestion>,
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

/// A question: the fields every kind shares, then the kind's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RawQuestion {
    /// Unique within the bank and stable across edits: progress and reports key on it.
    pub id: String,
    /// What the learner is asked.
    pub prompt: String,
    /// Why the answer is right, in the author's words. Shown after checking.
    pub explanation: String,
    /// The passages of the article that support the answer (W3C TextQuoteSelectors).
    pub cite: Vec<Selector>,
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
    /// The kind and its answer fields.
    #[serde(flatten)]
    pub body: RawBody,
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

/// The kinds of question and each kind's answer fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RawBody {
    /// One right option.
    SingleChoice {
        /// The options, in the author's order.
        options: Vec<ChoiceOption>,
        /// The id of the right option.
        answer: String,
    },
    /// One or more right options; each right pick earns, each wrong pick costs.
    MultipleChoice {
        /// The options, in the author's order.
        options: Vec<ChoiceOption>,
        /// The ids of every right option.
        answers: Vec<String>,
    },
    /// A statement that is true or false.
    TrueFalse {
        /// Whether the statement in the prompt is true.
        answer: bool,
        /// Feedback for each answer.
        #[serde(default)]
        feedback: TrueFalseFeedback,
    },
    /// A sentence with gaps, written `{}` in `text`.
    FillBlank {
        /// The sentence; each `{}` is a gap.
        text: String,
        /// One entry per `{}`, in order.
        gaps: Vec<Gap>,
    },
    /// A number, right within a tolerance.
    Numeric {
        /// The right value.
        answer: f64,
        /// How far from `answer` still counts as right (0 or more).
        #[serde(default)]
        tolerance: f64,
        /// The unit shown beside the input, such as "percent".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Put items in order; `items` lists them in the right order.
    Ordering {
        /// The items in the right order (shown shuffled).
        items: Vec<Item>,
    },
    /// Match each left item to a right item; unmatched right items are distractors.
    Matching {
        /// The items to match.
        left: Vec<Item>,
        /// What they match to, distractors included.
        right: Vec<Item>,
        /// Every left item's right match.
        pairs: Vec<Pair>,
    },
    /// Select the sentences of the article that support a claim; the right
    /// sentences are those the `cite` spans cover.
    Evidence {},
    /// Part A, a choice; Part B, the quote that supports it.
    TwoPart {
        /// The choice.
        part_a: PartA,
        /// The supporting quote.
        part_b: PartB,
    },
}

impl RawBody {
    /// The kind's name as written in `"kind"`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            RawBody::SingleChoice { .. } => "single_choice",
            RawBody::MultipleChoice { .. } => "multiple_choice",
            RawBody::TrueFalse { .. } => "true_false",
            RawBody::FillBlank { .. } => "fill_blank",
            RawBody::Numeric { .. } => "numeric",
            RawBody::Ordering { .. } => "ordering",
            RawBody::Matching { .. } => "matching",
            RawBody::Evidence { .. } => "evidence",
            RawBody::TwoPart { .. } => "two_part",
        }
    }
}
