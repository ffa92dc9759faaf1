//! Anchoring a TextQuoteSelector in a text: exact first, then approximate.

use super::{NormText, Selector, Span};

/// A quote found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchored {
    /// Where it is, in the original text.
    pub span: Span,
    /// 1.0 for an exact match; lower for an approximate one.
    pub score: f64,
    /// Whether the quote matched exactly (after normalization).
    pub exact: bool,
    /// The original text of the span.
    pub text: String,
}

/// The outcome of anchoring.
#[derive(Debug, Clone, PartialEq)]
pub enum AnchorResult {
    /// The quote resolved.
    Found(Anchored),
    /// It did not; `nearest` is the best candidate below the threshold.
    NotFound {
        /// The closest passage and its score, for the author to mend the quote.
        nearest: Option<Anchored>,
    },
}

/// Anchors `selector` in `text`.
pub fn anchor(text: &NormText, selector: &Selector) -> AnchorResult {
    let _ = (text, selector);
    AnchorResult::NotFound { nearest: None }
}
