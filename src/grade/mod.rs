//! Grading: one pure function per question kind.
//!
//! [`grade`] turns a checked [`Question`] and a learner's [`Response`] into a
//! [`Grade`]: a raw credit `fraction` in `0..=1`, a [`Verdict`], one [`Mark`]
//! per thing the learner picked, and the feedback the author attached to it.
//! [`score`] then applies the try and hint penalties.
//!
//! Invariant: grading knows nothing about sessions, the clock or the DOM; the
//! same question and response always give the same grade, and no input makes
//! it panic or return a fraction outside `0..=1`.
//!
//! # Rules
//!
//! - **single_choice, true_false**: 1 when right, else 0.
//! - **multiple_choice** (the H5P convention): with R right options, each
//!   right pick earns 1/R and each wrong pick costs 1/R; the total is floored
//!   at 0. Picking nothing earns 0.
//! - **fill_blank**: a gap is right when its folded response equals a folded
//!   accepted answer. To fold: `Normalizer::basic().normalize` (which makes
//!   every dash a hyphen), lowercase, read hyphens as spaces (so "mid-30s",
//!   "mid 30s" and "mid–30s" are one answer), drop everything else but
//!   letters, digits and whitespace, collapse whitespace runs to one space,
//!   trim. fraction = right gaps / gaps.
//! - **numeric**: right when |value − answer| ≤ tolerance + ε, where
//!   ε = 1e-9 × max(1, |answer|) absorbs decimal rounding (0.1 + 0.2).
//! - **ordering**: each item in its right absolute position earns 1/n;
//!   fraction = items in the right position / n.
//! - **matching**: each left item matched to its right item earns 1/L, where
//!   L is the number of left items; an unanswered left item earns nothing.
//! - **evidence**: with T the target sentences and S the selected ones,
//!   fraction = max(0, (|S∩T| − |S∖T|) / |T|), the multiple_choice convention.
//! - **two_part** (CommonLit/PARCC evidence-based selected response): Part A
//!   wrong → 0 whatever Part B; A and B right → 1; A right, B wrong → 0.5.
//! - **Verdict**: Correct when fraction ≥ 1 − 1e-9, Wrong when ≤ 1e-9,
//!   Partial otherwise.
//! - **Penalties** (Moodle's interactive mode), in [`score`]:
//!   points × max(0, fraction − try_penalty × (tries_used − 1) − hint_penalties),
//!   clamped to `0..=points`; a non-finite input counts as 0.
//!
//! # Errors
//!
//! A response is refused with a [`ResponseError`], not graded wrong, when it
//! cannot have come from the question's own view: another kind, an option,
//! item or left/right id the question does not have, a duplicate id, the
//! wrong number of gaps or ordered items, a non-finite number, or an evidence
//! sentence id not shaped `p<n>.s<m>`. A well-shaped sentence id outside the
//! target is simply a wrong pick.

mod arrange;
mod choice;
mod entry;
pub(crate) mod read;

use crate::bank::raw::Pair;
use crate::bank::{Body, Kind, Question};
use crate::num::clamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Below this distance from 0 or 1, a fraction counts as exactly 0 or 1, so
/// that 3 × (1/3) is still Correct.
const EPS: f64 = 1e-9;

/// A learner's answer to one question.
///
/// In JSON: `{"kind": "single_choice", "choice": "b"}` and so on. JSON text
/// (saved progress, the view's drafts) is read by [`Response::from_json`]
/// (`grade::read`), not serde, which keeps serde's deserializers out of the
/// widget's Wasm. Its `Deserialize` is for the headless API, which takes a
/// JS object (`web::api`); it refuses fields no kind has, and also those of
/// another kind. (It is derived natively and for the `api` build only: the
/// widget's build has no serde deserializer at all.)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "api"), derive(Deserialize))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Response {
    /// The picked option's id.
    SingleChoice {
        /// An option id.
        choice: String,
    },
    /// The picked options' ids, in any order.
    MultipleChoice {
        /// Option ids.
        choices: Vec<String>,
    },
    /// True or false.
    TrueFalse {
        /// The learner's answer.
        value: bool,
    },
    /// One string per gap, in gap order.
    FillBlank {
        /// What the learner typed in each gap.
        gaps: Vec<String>,
    },
    /// A number.
    Numeric {
        /// What the learner entered.
        value: f64,
    },
    /// Every item id, in the learner's order.
    Ordering {
        /// Item ids.
        order: Vec<String>,
    },
    /// Left-to-right pairs; a left item may be left unanswered.
    Matching {
        /// The learner's pairs.
        pairs: Vec<Pair>,
    },
    /// Selected sentence ids such as `p3.s2`.
    Evidence {
        /// Sentence ids.
        sentences: Vec<String>,
    },
    /// Option ids of Part A and Part B.
    TwoPart {
        /// A Part A option id.
        a: String,
        /// A Part B option id.
        b: String,
    },
}

impl Response {
    /// The kind of question this response answers.
    pub fn kind(&self) -> Kind {
        match self {
            Response::SingleChoice { .. } => Kind::SingleChoice,
            Response::MultipleChoice { .. } => Kind::MultipleChoice,
            Response::TrueFalse { .. } => Kind::TrueFalse,
            Response::FillBlank { .. } => Kind::FillBlank,
            Response::Numeric { .. } => Kind::Numeric,
            Response::Ordering { .. } => Kind::Ordering,
            Response::Matching { .. } => Kind::Matching,
            Response::Evidence { .. } => Kind::Evidence,
            Response::TwoPart { .. } => Kind::TwoPart,
        }
    }
}

/// How a response did overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Full credit.
    Correct,
    /// Some credit.
    Partial,
    /// No credit.
    Wrong,
}

impl Verdict {
    /// The verdict for a raw credit fraction.
    pub fn from_fraction(fraction: f64) -> Verdict {
        if fraction >= 1.0 - EPS {
            Verdict::Correct
        } else if fraction > EPS {
            Verdict::Partial
        } else {
            Verdict::Wrong
        }
    }
}

/// Whether one part of a response was right.
///
/// `key` is what the learner picked: an option id (choice kinds), `"true"` or
/// `"false"`, the gap's 0-based index (fill_blank), `"value"` (numeric), an
/// item id at the position the learner put it (ordering), a left item id
/// (matching), a sentence id (evidence), or `"a"` / `"b"` (two_part).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// What was picked; see the type's docs.
    pub key: String,
    /// Whether that pick was right.
    pub correct: bool,
    /// The author's feedback for that pick, if any.
    pub feedback: Option<String>,
}

/// The outcome of grading one response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// Correct, partial or wrong.
    pub verdict: Verdict,
    /// Raw credit in `0..=1`, before penalties.
    pub fraction: f64,
    /// One mark per pick, in the response's order.
    pub marks: Vec<Mark>,
    /// The author's feedback on what was picked, in the response's order.
    pub feedback: Vec<String>,
}

impl Grade {
    /// A grade from a fraction, clamping it into `0..=1` (NaN counts as 0) so
    /// that no grader's arithmetic can leak an impossible credit.
    fn new(fraction: f64, marks: Vec<Mark>) -> Grade {
        let fraction = if fraction.is_nan() { 0.0 } else { clamp(fraction, 0.0, 1.0) };
        let feedback = marks.iter().filter_map(|m| m.feedback.clone()).collect();
        Grade { verdict: Verdict::from_fraction(fraction), fraction, marks, feedback }
    }
}

/// Why a response cannot be graded against a question.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseError {
    /// The response is for another kind of question.
    KindMismatch {
        /// The question's kind.
        expected: Kind,
        /// The response's kind.
        found: Kind,
    },
    /// An id the question does not have.
    UnknownId {
        /// What the id should name: "option", "item", "left item"...
        what: &'static str,
        /// The id given.
        id: String,
        /// The ids the question has.
        expected: Vec<String>,
    },
    /// The same id twice in one response.
    DuplicateId {
        /// What the id names.
        what: &'static str,
        /// The repeated id.
        id: String,
    },
    /// Not one entry per gap or per item.
    WrongCount {
        /// "gaps" or "items".
        what: &'static str,
        /// How many the question has.
        expected: usize,
        /// How many the response gave.
        found: usize,
    },
    /// A number that is NaN or infinite.
    NotFinite,
    /// An evidence sentence id not shaped `p<n>.s<m>`.
    BadSentenceId {
        /// The id given.
        id: String,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::KindMismatch { expected, found } => write!(
                f,
                "a {} response was given to a {} question; expected a {} response",
                found.name(),
                expected.name(),
                expected.name()
            ),
            ResponseError::UnknownId { what, id, expected } => {
                write!(f, "unknown {what} \"{id}\"; expected one of: {}", expected.join(", "))
            }
            ResponseError::DuplicateId { what, id } => {
                write!(f, "{what} \"{id}\" is given more than once; give each at most once")
            }
            ResponseError::WrongCount { what, expected, found } => {
                write!(f, "{found} {what} given; expected exactly {expected}")
            }
            ResponseError::NotFinite => {
                f.write_str("the number is not finite; expected a finite number")
            }
            ResponseError::BadSentenceId { id } => write!(
                f,
                "\"{id}\" is not a sentence id; expected p<paragraph>.s<sentence>, such as p3.s2"
            ),
        }
    }
}

impl std::error::Error for ResponseError {}

/// Grades a response to a question.
///
/// # Errors
/// A [`ResponseError`] when the response could not have come from this
/// question's view (see the module docs); a merely wrong answer is a
/// [`Grade`] with verdict Wrong.
pub fn grade(q: &Question, r: &Response) -> Result<Grade, ResponseError> {
    match (q.body(), r) {
        (Body::SingleChoice { options, answer }, Response::SingleChoice { choice }) => {
            choice::single(options, answer, choice)
        }
        (Body::MultipleChoice { options, answers }, Response::MultipleChoice { choices }) => {
            choice::multiple(options, answers, choices)
        }
        (Body::TrueFalse { answer, feedback }, Response::TrueFalse { value }) => {
            Ok(choice::true_false(*answer, feedback, *value))
        }
        (Body::FillBlank { gaps, .. }, Response::FillBlank { gaps: given }) => {
            entry::fill_blank(gaps, given)
        }
        (Body::Numeric { answer, tolerance, .. }, Response::Numeric { value }) => {
            entry::numeric(*answer, *tolerance, *value)
        }
        (Body::Ordering { items }, Response::Ordering { order }) => arrange::ordering(items, order),
        (Body::Matching { left, right, answer }, Response::Matching { pairs }) => {
            arrange::matching(left, right, answer, pairs)
        }
        (Body::Evidence { target }, Response::Evidence { sentences }) => {
            choice::evidence(target, sentences)
        }
        (Body::TwoPart { part_a, part_b, .. }, Response::TwoPart { a, b }) => {
            choice::two_part(part_a, part_b, a, b)
        }
        _ => Err(ResponseError::KindMismatch { expected: q.kind(), found: r.kind() }),
    }
}

/// The points earned after penalties (Moodle's interactive mode):
/// points × max(0, fraction − try_penalty × (tries_used − 1) − hint_penalties),
/// clamped to `0..=points`.
///
/// A non-finite argument counts as 0, so the result is never NaN; a first
/// try (or `tries_used` 0) costs nothing.
///
/// # Example
/// ```
/// use citequiz::grade::score;
/// // Right on the second try, a third of the points off per extra try.
/// assert!((score(3.0, 1.0, 2, 1.0 / 3.0, 0.0) - 2.0).abs() < 1e-9);
/// ```
pub fn score(
    points: f64,
    fraction: f64,
    tries_used: u32,
    try_penalty: f64,
    hint_penalties: f64,
) -> f64 {
    fn finite(x: f64) -> f64 {
        if x.is_finite() { x } else { 0.0 }
    }
    let points = finite(points).max(0.0);
    let extra_tries = f64::from(tries_used.saturating_sub(1));
    let credit = finite(fraction) - finite(try_penalty) * extra_tries - finite(hint_penalties);
    // The product of two finite numbers can still overflow to infinity (or
    // to NaN via inf − inf), hence the second guard.
    let earned = finite(points * credit.max(0.0));
    clamp(earned, 0.0, points)
}

/// Folds a fill-in answer for comparison: basic normalization, lowercase,
/// hyphens and dashes read as spaces, letters, digits and single spaces
/// only, trimmed.
///
/// # Example
/// ```
/// use citequiz::grade::fold;
/// assert_eq!(fold("Mid\u{2013}30s"), fold("mid 30s"));
/// assert_eq!(fold(" Don't  stop! "), "dont stop");
/// ```
pub fn fold(s: &str) -> String {
    let normalized = crate::article::Normalizer::basic().normalize(s);
    let mut out = String::with_capacity(normalized.len());
    let mut space = false;
    for c in normalized.chars().flat_map(crate::text::lowercase) {
        if c.is_alphanumeric() {
            // A space is written only between two kept runs, which both
            // collapses runs and trims the ends.
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else if c.is_whitespace() || c == '-' {
            // `normalize` has made every dash and hyphen '-': a word
            // written "mid-30s" is the same answer as "mid 30s".
            space = true;
        }
    }
    out
}

/// Refuses a response that names the same id twice.
fn no_duplicates<'a>(
    what: &'static str,
    ids: impl IntoIterator<Item = &'a String>,
) -> Result<(), ResponseError> {
    // Responses are short: a Vec, not a HashSet's kilobytes of Wasm.
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id.as_str()) {
            return Err(ResponseError::DuplicateId { what, id: id.clone() });
        }
        seen.push(id);
    }
    Ok(())
}

/// Refuses an id that is not among `known`.
fn known_id<'a>(
    what: &'static str,
    id: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), ResponseError> {
    if known.clone().any(|k| k == id) {
        Ok(())
    } else {
        Err(ResponseError::UnknownId {
            what,
            id: id.to_string(),
            expected: known.map(str::to_string).collect(),
        })
    }
}

/// A mark without feedback.
fn mark(key: impl Into<String>, correct: bool) -> Mark {
    Mark { key: key.into(), correct, feedback: None }
}

#[cfg(test)]
mod tests;
