//! The plain records a session hands out: what the view shows after an
//! answer or a hint, where the learner stands, the result, and what a
//! restore kept and dropped. Serialized (camelCase) for JS; built only by
//! the session, never read back.

use crate::bank::{Citation, Kind};
use crate::grade::{Mark, Response, Verdict};
use serde::Serialize;

/// The display order of a question's options, from the session's seed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionOrder {
    /// Option ids (single_choice, multiple_choice, two_part's Part A), item
    /// ids (ordering) or right item ids (matching); empty for other kinds.
    pub ids: Vec<String>,
    /// two_part's Part B quote ids; empty for other kinds.
    pub part_b: Vec<String>,
}

/// Where the learner stands on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    /// The question's id.
    pub id: String,
    /// Tries used so far.
    pub tries_used: u32,
    /// Tries still available; 0 once the question is done.
    pub tries_left: u32,
    /// Hints taken so far.
    pub hints_taken: u32,
    /// Hints not yet taken.
    pub hints_left: u32,
    /// The last response, if any.
    pub last_response: Option<Response>,
    /// The last response's verdict, if any.
    pub verdict: Option<Verdict>,
    /// Points earned so far, after penalties.
    pub earned: f64,
    /// The question's points.
    pub max: f64,
    /// Whether the question takes no more answers.
    pub done: bool,
}

/// What the view shows after an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    /// The question's id.
    pub question_id: String,
    /// The verdict of this try.
    pub verdict: Verdict,
    /// This try's raw credit, before penalties.
    pub fraction: f64,
    /// Points earned, after penalties.
    pub earned: f64,
    /// The question's points.
    pub max_points: f64,
    /// Tries used, this one included.
    pub tries_used: u32,
    /// Tries left; 0 once the question is done.
    pub tries_left: u32,
    /// Whether another try is possible: not correct and tries left.
    pub can_retry: bool,
    /// Which picks were right.
    pub marks: Vec<Mark>,
    /// The author's feedback on the picks.
    pub feedback: Vec<String>,
    /// Why the answer is right; only once the question is done, so that a
    /// retry is not given the answer.
    pub explanation: Option<String>,
    /// The passages that support the answer; empty until the question is
    /// done, for the same reason.
    pub citations: Vec<Citation>,
    /// Hints taken.
    pub hints_taken: u32,
}

/// A hint, as given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HintShown {
    /// The question's id.
    pub question_id: String,
    /// The hint's 0-based index.
    pub index: u32,
    /// Its text.
    pub text: String,
    /// The fraction of the question's points it costs.
    pub penalty: f64,
    /// Hints taken, this one included.
    pub hints_taken: u32,
    /// Hints still available.
    pub hints_left: u32,
}

/// The outcome of a session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionResult {
    /// Points earned, after penalties.
    pub earned: f64,
    /// The total points of the session's questions.
    pub max: f64,
    /// `earned / max` as a percentage, 0 when `max` is 0.
    pub percent: f64,
    /// Whether `percent` reaches the bank's pass mark.
    pub passed: bool,
    /// Per tag, sorted by tag.
    pub by_tag: Vec<TagResult>,
    /// Per question, in session order.
    pub questions: Vec<QuestionResult>,
    /// When the session started.
    pub started_ms: f64,
    /// When it finished.
    pub finished_ms: f64,
    /// `finished_ms − started_ms`, never negative.
    pub duration_ms: f64,
}

/// The points of the questions that carry one tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TagResult {
    /// The tag.
    pub tag: String,
    /// Points earned on its questions.
    pub earned: f64,
    /// Their total points.
    pub max: f64,
    /// How many questions carry it.
    pub questions: u32,
}

/// One question's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionResult {
    /// The question's id.
    pub id: String,
    /// Its prompt.
    pub prompt: String,
    /// Its kind.
    pub kind: Kind,
    /// The last try's verdict; None when unanswered.
    pub verdict: Option<Verdict>,
    /// Points earned, after penalties.
    pub earned: f64,
    /// Its points.
    pub max: f64,
    /// Why the answer is right.
    pub explanation: String,
    /// The passages that support it.
    pub citations: Vec<Citation>,
    /// Whether it was tried at all.
    pub answered: bool,
}

/// What restoring kept, dropped and added.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// Questions whose progress was restored (or that had none saved).
    pub kept: Vec<String>,
    /// Questions whose progress was dropped, and why.
    pub dropped: Vec<Dropped>,
    /// Questions new in the bank, appended to the order.
    pub added: Vec<String>,
}

/// A question whose saved progress was dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    /// The question's id.
    pub id: String,
    /// Why.
    pub reason: DropReason,
}

/// Why saved progress was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DropReason {
    /// The bank no longer has the question; it leaves the order.
    Removed,
    /// The question's content changed, or a saved response no longer grades;
    /// it keeps its place in the order and starts afresh.
    Changed,
}
