//! The article: metadata, paragraphs and sentences with stable ids, the
//! normalized text used for matching, and quote anchoring.
//!
//! Invariant: every offset this module hands out is into the article's
//! original body text (`Article::text`), in chars and in UTF-16 units, never
//! into the normalized form, which stays private to matching.

mod anchor;
mod host_text;
mod normalize;
mod selector;
mod sentences;

pub use anchor::{
    AnchorResult, Anchored, MIN_APPROX_SCORE, POSITION_WEIGHT, PREFIX_WEIGHT, QUOTE_WEIGHT,
    SUFFIX_WEIGHT, anchor,
};
pub use host_text::{ChunkPos, HostText, Piece};
pub use normalize::{Decompose, NormText, Normalizer};
pub use selector::Selector;

use crate::diag::{Code, Diagnostic};
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

/// Reads the article file's DTO, every problem of shape a diagnostic.
fn read_raw(json: &str) -> Result<RawArticle, Vec<Diagnostic>> {
    use crate::json::read::{Path, Reader, syntax_diagnostic};
    use crate::json::value::parse;
    let (tree, trailing) = parse(json).map_err(|e| vec![syntax_diagnostic(json, &e)])?;
    let mut r = Reader::new(json);
    let raw = read_fields(&mut r, &tree, Path::Root, tree.at);
    match (raw, trailing) {
        (Some(raw), None) if r.errors == 0 => Ok(raw),
        (Some(_), Some(e)) if r.errors == 0 => Err(vec![syntax_diagnostic(json, &e)]),
        _ => {
            r.diags.sort_by_key(|d| (d.line, d.column));
            Err(r.diags)
        }
    }
}

/// The article's DTO from the JSON value at `path` (the article file's
/// root, or a compiled bank's `article`); `None` when it is not an object.
pub(crate) fn read_fields(
    r: &mut crate::json::read::Reader,
    v: &crate::json::value::Value,
    path: crate::json::read::Path,
    at: usize,
) -> Option<RawArticle> {
    use crate::json::read::str_item;
    const FIELDS: &[&str] = &[
        "format",
        "id",
        "title",
        "subtitle",
        "author",
        "date",
        "publisher",
        "originally_published_by",
        "url",
        "photo_credit",
        "language",
        "related",
        "notes",
        "paragraphs",
    ];
    let o = r.obj(v, path, at, FIELDS)?;
    Some(RawArticle {
        format: o.str(r, "format"),
        id: o.str(r, "id"),
        title: o.str(r, "title"),
        subtitle: o.opt_str(r, "subtitle"),
        author: o.str(r, "author"),
        date: o.str(r, "date"),
        publisher: o.str(r, "publisher"),
        originally_published_by: o.opt_str(r, "originally_published_by"),
        url: o.str(r, "url"),
        photo_credit: o.opt_str(r, "photo_credit"),
        language: o.opt_str(r, "language"),
        related: o.arr_or_empty(r, "related", |r, v, path| {
            let fields = &["title", "url", "after_paragraph"];
            let o = r.obj(v, path, v.at, fields);
            Related {
                title: o.as_ref().map(|o| o.str(r, "title")).unwrap_or_default(),
                url: o.as_ref().and_then(|o| o.opt_str(r, "url")),
                after_paragraph: o.as_ref().map_or(0, |o| o.usize(r, "after_paragraph")),
            }
        }),
        notes: o.arr_or_empty(r, "notes", str_item),
        paragraphs: o.arr(r, "paragraphs", str_item),
    })
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

/// A parsed article. Built only by `Article::parse` or `Article::from_raw`,
/// or from a compiled bank (`Article::from_parts`).
#[derive(Debug, Clone)]
pub struct Article {
    raw: RawArticle,
    text: String,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    normalizer: Normalizer,
    /// The folded text and its index, built by `from_raw` (which anchors
    /// with it), and by a compiled bank's article only when something
    /// anchors: a compiled bank's spans are resolved already, and folding
    /// the text and indexing its grams is most of an article's memory.
    norm: std::sync::OnceLock<NormText>,
}

impl Article {
    /// Parses and checks an article file.
    ///
    /// # Errors
    /// Every problem found, with JSON paths (and line:column for malformed JSON).
    pub fn parse(json: &str, normalizer: Normalizer) -> Result<Article, Vec<Diagnostic>> {
        Article::from_raw(read_raw(json)?, normalizer)
    }

    /// Builds the article from its DTO.
    ///
    /// # Errors
    /// Every problem found (wrong format, empty paragraphs, a non-http(s) url…).
    pub fn from_raw(raw: RawArticle, normalizer: Normalizer) -> Result<Article, Vec<Diagnostic>> {
        let diags = validate(&raw);
        if !diags.is_empty() {
            return Err(diags);
        }
        let ranges: Vec<Vec<(usize, usize)>> =
            raw.paragraphs.iter().map(|p| sentences::split(p)).collect();
        Ok(Article::from_parts(raw, &ranges, normalizer, true))
    }

    /// The article of its DTO and its sentences as `(start, end)` char
    /// ranges within each paragraph: those the splitter found (`from_raw`),
    /// or a compiled bank's, which the caller has checked to lie in order
    /// within their paragraph (`bank::compiled`). `fold`: build the folded
    /// text for anchoring now; otherwise only if something anchors.
    pub(crate) fn from_parts(
        raw: RawArticle,
        sentence_ranges: &[Vec<(usize, usize)>],
        normalizer: Normalizer,
        fold: bool,
    ) -> Article {
        let text = raw.paragraphs.join(PARAGRAPH_SEPARATOR);
        let offsets = Offsets::new(&text);
        let span = |s: usize, e: usize| offsets.span(s, e).map_or(EMPTY_SPAN, |(span, _)| span);
        let mut paragraphs = Vec::with_capacity(raw.paragraphs.len());
        let mut sentences = Vec::new();
        let sep_len = PARAGRAPH_SEPARATOR.chars().count();
        let mut offset = 0;
        for (index, body) in raw.paragraphs.iter().enumerate() {
            let len = body.chars().count();
            let ranges = sentence_ranges.get(index).map(Vec::as_slice).unwrap_or_default();
            // The paragraph's span runs from its first sentence to its last,
            // so that it, too, never starts or ends with whitespace.
            let (first, last) = match (ranges.first(), ranges.last()) {
                (Some(f), Some(l)) => (f.0, l.1),
                _ => (0, len),
            };
            paragraphs.push(Paragraph {
                id: crate::text::cat(&["p", &(index + 1).to_string()]),
                span: span(offset + first, offset + last),
            });
            for (n, &(s, e)) in ranges.iter().enumerate() {
                sentences.push(Sentence {
                    id: sentence_id(index, n),
                    paragraph: index,
                    span: span(offset + s, offset + e),
                });
            }
            offset += len + sep_len;
        }
        let norm = std::sync::OnceLock::new();
        if fold {
            let _ = norm.set(normalizer.map(&text));
        }
        Article { raw, text, paragraphs, sentences, normalizer, norm }
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
        anchor(self.norm(), selector)
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
        match self.norm.get() {
            Some(norm) => norm.slice(span),
            None => self
                .text
                .chars()
                .skip(span.start)
                .take(span.end.saturating_sub(span.start))
                .collect(),
        }
    }

    /// The sentence with id `id` (`p3.s2`).
    pub fn sentence(&self, id: &str) -> Option<&Sentence> {
        self.sentences.iter().find(|s| s.id == id)
    }

    /// The paragraph with id `id` (`p3`).
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }

    /// The 0-based index of the paragraph a span starts in, or of the first
    /// paragraph it touches when it starts between paragraphs.
    pub fn paragraph_index_of(&self, span: &Span) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.span.start <= span.start && span.start < p.span.end)
            .or_else(|| self.paragraphs.iter().position(|p| p.span.overlaps(span)))
    }

    /// The sentences of the paragraph at 0-based `index`, in order.
    pub fn sentences_of(&self, index: usize) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(move |s| s.paragraph == index)
    }

    /// The normalized body with its offset map, for callers that anchor
    /// many quotes or need the normalizer.
    pub fn norm(&self) -> &NormText {
        self.norm.get_or_init(|| self.normalizer.map(&self.text))
    }

    /// Lets go of the folded text and its index (built again by the next
    /// [`Article::norm`]): a checked bank's citations are anchored, and the
    /// index is most of an article's memory (0.25 MB of Wasm memory for an
    /// article of 9 kB).
    pub(crate) fn forget_norm(&mut self) {
        self.norm.take();
    }
}

/// `p3.s2`, the id of the paragraph at 0-based `index`'s sentence `n`.
fn sentence_id(index: usize, n: usize) -> String {
    crate::text::cat(&["p", &(index + 1).to_string(), ".s", &(n + 1).to_string()])
}

const EMPTY_SPAN: Span = Span { start: 0, end: 0, start_utf16: 0, end_utf16: 0 };

/// How many chars apart `Offsets` keeps its marks.
const STRIDE: usize = 64;

/// A text's char offsets as byte and UTF-16 offsets, for the spans a
/// compiled bank gives in chars: a mark every `STRIDE` chars, then a walk of
/// fewer than `STRIDE` chars, so that it holds a sixteenth of a table per
/// char. Every char offset is on a char boundary, so a span given in chars
/// can be out of range but never cut a char.
pub(crate) struct Offsets<'a> {
    text: &'a str,
    /// (byte, UTF-16) offsets of chars 0, STRIDE, 2·STRIDE, …
    marks: Vec<(usize, usize)>,
    chars: usize,
}

impl<'a> Offsets<'a> {
    pub(crate) fn new(text: &'a str) -> Offsets<'a> {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let (mut byte, mut utf16, mut chars) = (0, 0, 0);
        for c in text.chars() {
            if chars % STRIDE == 0 {
                marks.push((byte, utf16));
            }
            byte += c.len_utf8();
            utf16 += c.len_utf16();
            chars += 1;
        }
        if chars % STRIDE == 0 {
            marks.push((byte, utf16));
        }
        Offsets { text, marks, chars }
    }

    /// The text's length in chars.
    pub(crate) fn chars(&self) -> usize {
        self.chars
    }

    /// The byte and UTF-16 offsets of char `i`; None past the end.
    fn at(&self, i: usize) -> Option<(usize, usize)> {
        if i > self.chars {
            return None;
        }
        let &(mut byte, mut utf16) = self.marks.get(i / STRIDE)?;
        for c in self.text.get(byte..)?.chars().take(i % STRIDE) {
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
        Some((byte, utf16))
    }

    /// The span of chars `start..end` and its text; None when it is
    /// reversed or runs past the end.
    pub(crate) fn span(&self, start: usize, end: usize) -> Option<(Span, &'a str)> {
        if start > end {
            return None;
        }
        let (b0, u0) = self.at(start)?;
        let (b1, u1) = self.at(end)?;
        let span = Span { start, end, start_utf16: u0, end_utf16: u1 };
        Some((span, self.text.get(b0..b1)?))
    }
}

/// What stands between two paragraphs in `Article::text`.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// Every problem with an article's metadata and body.
fn validate(raw: &RawArticle) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    if raw.format != ARTICLE_FORMAT {
        d.push(
            Diagnostic::error(
                Code::BAD_FORMAT,
                "format",
                format!("unknown article format \"{}\"", raw.format),
            )
            .with_help(format!("set \"format\": \"{ARTICLE_FORMAT}\"")),
        );
    }
    for (field, value) in [
        ("id", &raw.id),
        ("title", &raw.title),
        ("author", &raw.author),
        ("publisher", &raw.publisher),
    ] {
        if value.trim().is_empty() {
            d.push(
                Diagnostic::error(Code::EMPTY_FIELD, field, format!("`{field}` is empty"))
                    .with_help(format!("give the article's {field}")),
            );
        }
    }
    if calendar_date(&raw.date).is_none() {
        d.push(
            Diagnostic::error(Code::BAD_DATE, "date", format!("\"{}\" is not a date", raw.date))
                .with_help("write the date as YYYY-MM-DD, e.g. 2020-12-02"),
        );
    }
    if !is_http_url(&raw.url) {
        d.push(bad_url("url", &raw.url));
    }
    if raw.paragraphs.is_empty() {
        d.push(
            Diagnostic::error(Code::NO_PARAGRAPHS, "paragraphs", "the article has no paragraphs")
                .with_help("add the body, one string per paragraph"),
        );
    }
    for (i, p) in raw.paragraphs.iter().enumerate() {
        if p.trim().is_empty() {
            d.push(
                Diagnostic::error(
                    Code::EMPTY_PARAGRAPH,
                    format!("paragraphs[{i}]"),
                    "empty paragraph",
                )
                .with_help("remove it: paragraphs are numbered, so an empty one shifts ids"),
            );
        }
    }
    for (i, r) in raw.related.iter().enumerate() {
        if r.title.trim().is_empty() {
            d.push(Diagnostic::error(
                Code::EMPTY_FIELD,
                format!("related[{i}].title"),
                "the related article has no title",
            ));
        }
        if let Some(url) = &r.url
            && !is_http_url(url)
        {
            d.push(bad_url(&format!("related[{i}].url"), url));
        }
        if r.after_paragraph > raw.paragraphs.len() {
            d.push(
                Diagnostic::error(
                    Code::BAD_RELATED,
                    format!("related[{i}].after_paragraph"),
                    format!(
                        "after_paragraph is {} but the article has {} paragraphs",
                        r.after_paragraph,
                        raw.paragraphs.len()
                    ),
                )
                .with_help("count the body paragraphs that stand before the link"),
            );
        }
    }
    d
}

fn bad_url(path: &str, url: &str) -> Diagnostic {
    Diagnostic::error(Code::BAD_URL, path, format!("\"{url}\" is not an http(s) address"))
        .with_help("use the full address, starting with https:// or http://")
}

/// An absolute http(s) address with a host and no whitespace.
fn is_http_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !url.chars().any(char::is_whitespace)
    })
}

/// The year, month and day of a real calendar date written YYYY-MM-DD, as
/// an article's `date` is; `None` for anything else. The widget writes the
/// date out with `locale`.
pub(crate) fn calendar_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

    fn article() -> Article {
        match Article::parse(ARTICLE, Normalizer::unicode()) {
            Ok(a) => a,
            Err(d) => panic!("{d:#?}"),
        }
    }

    /// Parses `json` and compares the `(code, path, line, column)` of every
    /// diagnostic with `expected`.
    fn check(json: &str, expected: &[(&str, &str, Option<usize>, Option<usize>)]) {
        let got: Vec<_> = match Article::parse(json, Normalizer::basic()) {
            Ok(_) => Vec::new(),
            Err(d) => d.into_iter().map(|d| (d.code, d.path, d.line, d.column)).collect(),
        };
        let got: Vec<_> = got.iter().map(|(c, p, l, col)| (*c, p.as_str(), *l, *col)).collect();
        assert_eq!(got, expected);
    }

    fn minimal(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v = serde_json::json!({
            "format": "citequiz-article/1",
            "id": "a", "title": "T", "author": "A", "publisher": "P",
            "date": "2020-12-02", "url": "https://example.com/x",
            "paragraphs": ["One. Two.", "Three."]
        });
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn the_clean_article_parses_into_paragraphs_and_sentences() {
        let a = article();
        assert_eq!(a.paragraphs().len(), 17);
        assert_eq!(a.text().matches("\n\n").count(), 16);
        let s = |id: &str| a.sentence(id).map(|s| a.slice(&s.span)).unwrap_or_default();
        assert_eq!(
            s("p1.s1"),
            "At a meeting of the Valdai Discussion Club several weeks before the U.S. presidential election, Russian President Vladimir Putin made an interesting comment."
        );
        assert_eq!(
            s("p1.s2"),
            "Asked whether it was possible to conceive of a military alliance between China and Russia, Putin replied, \"It is possible to imagine anything...."
        );
        assert_eq!(s("p1.s4"), "But, in principle, we are not going to rule it out, either.\"");
        assert!(a.sentence("p1.s5").is_none());
        assert_eq!(
            s("p2.s2"),
            "Moscow and Beijing are well aware that their interests don't always coincide."
        );
        assert_eq!(s("p8.s1").chars().last(), Some('.'));
        assert!(s("p8.s1").ends_with("with the Chinese economy)."));
        assert_eq!(s("p11.s2").get(..24), Some("Under U.S. President Bar"));
        assert_eq!(a.sentences_of(10).count(), 4);
        // Every paragraph's span is its text, and sentences tile it.
        for (i, p) in a.paragraphs().iter().enumerate() {
            assert_eq!(a.slice(&p.span), a.raw().paragraphs[i]);
            assert_eq!(a.paragraph(&p.id), Some(p));
            assert_eq!(a.paragraph_index_of(&p.span), Some(i));
            let sents: Vec<_> = a.sentences_of(i).collect();
            assert_eq!(sents.first().map(|s| s.span.start), Some(p.span.start));
            assert_eq!(sents.last().map(|s| s.span.end), Some(p.span.end));
        }
        // The text is ASCII apart from the dashes, all in the BMP.
        let last = a.paragraphs().last().map(|p| p.span);
        assert_eq!(last.map(|s| s.end), Some(a.text().chars().count()));
        assert_eq!(last.map(|s| s.end_utf16), Some(a.text().encode_utf16().count()));
    }

    #[test]
    fn quotes_anchor_in_the_article() {
        let a = article();
        let r = a.anchor(&Selector::exact("Moscow and Beijing are well aware"));
        let Some(found) = r.found() else { panic!("{r:?}") };
        assert_eq!(
            a.sentences_in(&found.span).map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["p2.s2"]
        );
        assert_eq!(a.paragraphs_in(&found.span).count(), 1);
        assert_eq!(a.paragraph_index_of(&found.span), Some(1));
        let r = a.anchor(&Selector::exact("Moscow and Beijing are very aware"));
        assert!(
            r.found().is_some_and(|f| !f.exact && f.text == "Moscow and Beijing are well aware"),
            "{r:?}"
        );
    }

    #[test]
    fn json_errors_say_where() {
        check(
            "{\n  \"format\": \"citequiz-article/1\",\n  \"id\": ]\n}",
            &[("json-syntax", "id", Some(3), Some(9))],
        );
        // Every problem at once: the wrong type, and the missing fields (in one
        // diagnostic, at the closing brace).
        check(
            "{\"id\": 3}",
            &[("json-type", "id", Some(1), Some(2)), ("missing-field", "", Some(1), Some(9))],
        );
        let json = minimal(|v| v["paragraphs"] = serde_json::json!(["ok", 5]));
        check(&json, &[("json-type", "paragraphs[1]", Some(1), char_col_of(&json, "5]"))]);
        let json = minimal(|v| v["extra"] = serde_json::json!(1));
        check(&json, &[("unknown-field", "extra", Some(1), char_col_of(&json, "\"extra\""))]);
        check("{} x", &[("missing-field", "", Some(1), Some(2))]);
        // A wrong type points at the value's start (serde_json pointed just
        // past its end); columns are in chars, not bytes.
        check("\"\u{00E9}\u{00E9}\" x", &[("json-type", "", Some(1), Some(1))]);
        check("{\"id\": \"\u{00E9}\u{00E9}\" x}", &[("json-syntax", "", Some(1), Some(13))]);
    }

    /// The 1-based char column just after the first `needle` in `s`.
    fn char_col_of(s: &str, needle: &str) -> Option<usize> {
        s.find(needle).map(|b| s.get(..b).map_or(0, |t| t.chars().count()) + 1)
    }

    #[test]
    fn validation_collects_every_problem() {
        check(&minimal(|_| {}), &[]);
        let json = minimal(|v| {
            v["format"] = "citequiz-article/2".into();
            v["id"] = " ".into();
            v["publisher"] = "".into();
            v["date"] = "2021-02-29".into();
            v["url"] = "ftp://example.com".into();
            v["paragraphs"] = serde_json::json!(["fine", "  "]);
            v["related"] = serde_json::json!([
                {"title": "R", "url": "example.com", "after_paragraph": 3},
                {"title": "S", "after_paragraph": 2}
            ]);
        });
        check(
            &json,
            &[
                ("bad-format", "format", None, None),
                ("empty-field", "id", None, None),
                ("empty-field", "publisher", None, None),
                ("bad-date", "date", None, None),
                ("bad-url", "url", None, None),
                ("empty-paragraph", "paragraphs[1]", None, None),
                ("bad-url", "related[0].url", None, None),
                ("bad-related", "related[0].after_paragraph", None, None),
            ],
        );
        check(
            &minimal(|v| v["paragraphs"] = serde_json::json!([])),
            &[("no-paragraphs", "paragraphs", None, None)],
        );
        let help = Article::parse(&minimal(|v| v["format"] = "x".into()), Normalizer::basic())
            .err()
            .and_then(|d| d.into_iter().next())
            .and_then(|d| d.help);
        assert_eq!(help.as_deref(), Some("set \"format\": \"citequiz-article/1\""));
    }

    #[test]
    fn dates_and_urls() {
        for (date, ok) in [
            ("2020-12-02", true),
            ("2024-02-29", true),
            ("2100-02-29", false),
            ("2020-13-01", false),
            ("2020-1-01", false),
            ("2020-12-0x", false),
            ("2020-12-00", false),
        ] {
            assert_eq!(calendar_date(date).is_some(), ok, "{date}");
        }
        assert_eq!(calendar_date("2024-02-29"), Some((2024, 2, 29)));
        for (url, ok) in [
            ("https://a.b/c", true),
            ("http://a", true),
            ("https://", false),
            ("https:///x", false),
            ("https://a b", false),
            ("mailto:x@y", false),
        ] {
            assert_eq!(is_http_url(url), ok, "{url}");
        }
    }
}
