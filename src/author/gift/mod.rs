//! Moodle's GIFT format, both ways: `parse` reads a GIFT file into
//! `RawQuestion`s as Moodle's own importer reads it; `write` writes a bank's
//! questions as GIFT that `parse` (and Moodle) reads back.
//!
//! What GIFT cannot say but a round trip must keep travels in `//`
//! comments, which Moodle ignores, one per line before the question:
//! Moodle's own `// [id:…]` and `// [tag:…]`; `// [cite:{…}]`, one per
//! citation, the W3C TextQuoteSelector as JSON (`exact`, `prefix`,
//! `suffix`, and `"suggested": true` for a suggestion not yet confirmed);
//! and `// [citequiz:{…}]`, a JSON object with what else citequiz has
//! (`Extras`: option and item ids, points, hints, tries, the unit, a
//! fill-in sentence's prompt).
//!
//! Invariant: pure: text and a file name in, questions or text and
//! `Diagnostic`s out; a loss in either direction is a `Diagnostic`, never
//! silent.

mod parse;
mod write;

pub use parse::parse;
pub use write::write;

use crate::article::Selector;
use crate::bank::raw::Hint;
use serde::{Deserialize, Serialize};

/// The prompt of a "missing word" question (the blank inside the sentence),
/// for which GIFT has no prompt of its own.
pub const FILL_PROMPT: &str = "Fill in the blank.";

/// What a question has that GIFT cannot say, written as
/// `// [citequiz:{…}]` so that a round trip keeps it.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Extras {
    /// A fill-in sentence's prompt (GIFT's "missing word" form has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prompt: Option<String>,
    /// The options' ids (choice) or the left items' ids (matching), in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ids: Option<Vec<String>>,
    /// Matching: the right items' ids, in the order GIFT lists them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    right: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tries: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hints: Vec<Hint>,
}

impl Extras {
    fn is_empty(&self) -> bool {
        *self == Extras::default()
    }
}

/// A citation as `// [cite:{…}]` holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteComment {
    exact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    suggested: bool,
}

impl CiteComment {
    fn of(c: &crate::bank::Cite) -> Self {
        let s = &c.selector;
        CiteComment {
            exact: s.exact.clone(),
            prefix: s.prefix.clone(),
            suffix: s.suffix.clone(),
            suggested: c.suggested,
        }
    }

    fn into_cite(self) -> crate::bank::Cite {
        crate::bank::Cite {
            selector: Selector { exact: self.exact, prefix: self.prefix, suffix: self.suffix },
            suggested: self.suggested,
        }
    }
}

#[cfg(test)]
mod tests;
