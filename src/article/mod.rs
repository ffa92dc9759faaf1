//! The article: metadata, paragraphs and sentences with stable ids, the
//! normalized text used for matching, and quote anchoring.
//!
//! Invariant: every offset this module hands out is into the article's
//! original body text (`Article::text`), in chars and in UTF-16 units, never
//! into the normalized form, which stays private to matching.

mod anchor;
mod normalize;
mod selector;

pub use anchor::{AnchorResult, Anchored, anchor};
pub use normalize::{Decompose, NormText, Normalizer};
pub use selector::Selector;

use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};

/// The only article format this version reads.
pub const ARTICLE_FORMAT: &str = "citequiz-article/1";

/// A span of the original text, as char offsets and as UTF-16 offsets
/// (what the DOM counts). `start..end` is half-open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// `start` in UTF-16 code units.
    pub start_utf16: usize,
    /// `end` in UTF-16 code units.
    pub end_utf16: usize,
}

impl Span {
    /// Whether two spans share at least one char.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The article file as authors write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawArticle {
    /// Always "citequiz-article/1".
    pub format: String,
    /// A stable id for the article.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The standfirst under the headline, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The author or authors, as credited.
    pub author: String,
    /// Publication date, YYYY-MM-DD.
    pub date: String,
    /// Where this copy was published.
    pub publisher: String,
    /// Where it was first published, when that differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub originally_published_by: Option<String>,
    /// The original's address (http or https).
    pub url: String,
    /// The photo credit, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo_credit: Option<String>,
    /// The article's language, a BCP 47 tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// "Related article" links that stood between paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Notes that follow the body (first-published-by lines, disclaimers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The body, one string per paragraph, in order.
    pub paragraphs: Vec<String>,
}

/// A "Related article" line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Related {
    /// The related article's title.
    pub title: String,
    /// Its address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How many body paragraphs stand before it.
    pub after_paragraph: usize,
}

/// A body paragraph: `p1`, `p2`, …
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// `p` and its 1-based number.
    pub id: String,
    /// Where it stands in `Article::text`.
    pub span: Span,
}

/// A sentence: `p3.s2` is the second sentence of the third paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// `p<n>.s<m>`, both 1-based.
    pub id: String,
    /// 0-based index of its paragraph.
    pub paragraph: usize,
    /// Where it stands in `Article::text`.
    pub span: Span,
}

/// A parsed article. Built only by `Article::parse` or `Article::from_raw`.
#[derive(Debug, Clone)]
pub struct Article {
    raw: RawArticle,
    text: String,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    norm: NormText,
}

impl Article {
    /// Parses and checks an article file.
    ///
    /// # Errors
    /// Every problem found, with JSON paths (and line:column for malformed JSON).
    pub fn parse(json: &str, normalizer: Normalizer) -> Result<Article, Vec<Diagnostic>> {
        let _ = (json, normalizer);
        Err(Vec::new())
    }

    /// Builds the article from its DTO.
    ///
    /// # Errors
    /// Every problem found (wrong format, empty paragraphs, a non-http(s) url…).
    pub fn from_raw(raw: RawArticle, normalizer: Normalizer) -> Result<Article, Vec<Diagnostic>> {
        let _ = (raw, normalizer);
        Err(Vec::new())
    }

    /// The article's metadata and paragraphs as written.
    pub fn raw(&self) -> &RawArticle {
        &self.raw
    }

    /// The body: the paragraphs joined by a blank line ("\n\n").
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The body paragraphs in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Every sentence in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Anchors a quote in the body.
    pub fn anchor(&self, selector: &Selector) -> AnchorResult {
        anchor(&self.norm, selector)
    }

    /// The sentences a span touches, in order.
    pub fn sentences_in(&self, span: &Span) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(move |s| s.span.overlaps(span))
    }

    /// The paragraphs a span touches, in order.
    pub fn paragraphs_in(&self, span: &Span) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(move |p| p.span.overlaps(span))
    }

    /// The body text of a span.
    pub fn slice(&self, span: &Span) -> String {
        self.text.chars().skip(span.start).take(span.end - span.start).collect()
    }
}
