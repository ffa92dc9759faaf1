//! Normalization for matching, with a map back to the original text.
//!
//! Quotes are compared in a folded form: compatibility-decomposed (NFKD, so
//! two strings match exactly when their NFKC forms do), typographic quotes and
//! dashes made ASCII, whitespace runs folded to one space, invisible
//! characters and simple inline HTML tags dropped. `NormText` keeps, for every
//! folded char, the original chars it came from, so that a match found in the
//! folded form becomes a span of the original text.
//!
//! Invariant: a span handed out by `NormText::span` never cuts an original
//! char that produced several folded chars (a ligature, a whitespace run), and
//! never starts or ends with whitespace of the original.

use super::Span;

/// Writes the compatibility decomposition (NFKD) of `c` into `out` and
/// returns true, or returns false when `c` decomposes to itself.
pub type Decompose = fn(char, &mut String) -> bool;

/// The longest inline tag we drop, `<` and `>` included. Longer tags are
/// not "simple inline markup" and are left for the author to see.
const MAX_TAG_LEN: usize = 10;

/// How text is folded for matching. Copy, so an article keeps its own.
#[derive(Clone, Copy)]
pub struct Normalizer {
    decompose: Option<Decompose>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").field("unicode", &self.decompose.is_some()).finish()
    }
}

impl Default for Normalizer {
    /// Full Unicode tables natively; on wasm32 the tables would bloat the
    /// module, so the default there is `basic()` and the web shell supplies a
    /// JS-backed decomposer through `with_decomposer`.
    fn default() -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            Normalizer::unicode()
        }
        #[cfg(target_arch = "wasm32")]
        {
            Normalizer::basic()
        }
    }
}

/// Adapts `unicode-normalization` to the `Decompose` signature.
#[cfg(not(target_arch = "wasm32"))]
fn decompose_unicode(c: char, out: &mut String) -> bool {
    // ASCII never decomposes; skipping the table lookup keeps the common
    // case cheap.
    if c.is_ascii() {
        return false;
    }
    let start = out.len();
    unicode_normalization::char::decompose_compatible(c, |d| out.push(d));
    let changed = out.get(start..).is_some_and(|s| {
        let mut it = s.chars();
        !(it.next() == Some(c) && it.next().is_none())
    });
    if !changed {
        out.truncate(start);
    }
    changed
}

impl Normalizer {
    /// Folding without Unicode compatibility decomposition.
    pub const fn basic() -> Self {
        Normalizer { decompose: None }
    }

    /// Folding with the given compatibility decomposition.
    pub const fn with_decomposer(decompose: Decompose) -> Self {
        Normalizer { decompose: Some(decompose) }
    }

    /// Folding with the full Unicode compatibility decomposition (native
    /// only: the tables are too large for the wasm module).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn unicode() -> Self {
        Normalizer { decompose: Some(decompose_unicode) }
    }

    /// Whether this normalizer decomposes (NFKD) at all.
    pub fn decomposes(&self) -> bool {
        self.decompose.is_some()
    }

    /// The normalized form of a short string (a quote, a prefix), trimmed of
    /// the leading and trailing space that folding may leave.
    ///
    /// # Example
    /// ```
    /// use citequiz::article::Normalizer;
    /// let n = Normalizer::basic();
    /// assert_eq!(n.normalize("  \u{201C}don\u{2019}t\u{201D}\u{00A0}\u{2014} <u>no</u>\n"), "\"don't\" - no");
    /// ```
    pub fn normalize(&self, s: &str) -> String {
        self.normalize_chars(s).into_iter().collect()
    }

    /// [`Normalizer::normalize`] as chars, the form quotes are searched in:
    /// anchoring folds every quote of a bank as it loads, so this builds the
    /// chars directly rather than a string to split again.
    pub fn normalize_chars(&self, s: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::with_capacity(s.len());
        self.fold(s, |_, c| {
            if !(c == ' ' && matches!(out.last(), Some(' ') | None)) {
                out.push(c);
            }
        });
        if out.last() == Some(&' ') {
            out.pop();
        }
        out
    }

    /// The normalized form of a text, with its map back to the original.
    pub fn map(&self, s: &str) -> NormText {
        let mut norm = Vec::with_capacity(s.len());
        let mut src = Vec::with_capacity(s.len());
        let mut src_end = Vec::with_capacity(s.len());
        self.fold(s, |i, c| {
            // A space folded onto a previous space only widens what that
            // space stands for: the whole run maps to one folded char.
            if c == ' ' && norm.last() == Some(&' ') {
                if let Some(e) = src_end.last_mut() {
                    *e = i + 1;
                }
                return;
            }
            norm.push(c);
            src.push(i);
            src_end.push(i + 1);
        });
        let original: Vec<char> = s.chars().collect();
        let mut utf16 = Vec::with_capacity(original.len() + 1);
        let mut acc = 0;
        utf16.push(0);
        for c in &original {
            acc += c.len_utf16();
            utf16.push(acc);
        }
        NormText {
            normalizer: *self,
            grams: gram_index(&norm),
            normalized: norm.iter().collect(),
            norm,
            src,
            src_end,
            text: s.to_string(),
            original,
            utf16,
        }
    }

    /// Folds `s`, calling `emit(original_char_index, folded_char)` for each
    /// folded char in order. Consecutive spaces are emitted as they come;
    /// callers collapse them (so that `map` can widen a run's source).
    fn fold(&self, s: &str, mut emit: impl FnMut(usize, char)) {
        let mut buf = String::new();
        let mut rest = s;
        let mut i = 0;
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some(len) = tag_len(rest.as_bytes())
            {
                // A dropped tag contributes nothing: the seed text already
                // has spaces around tags that stand between words. A tag
                // is ASCII: its length in bytes is its length in chars.
                i += len;
                rest = rest.get(len..).unwrap_or_default();
                continue;
            }
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
            // ASCII is its own compatibility decomposition and folds only
            // whitespace: the fast path for almost every char of a quote.
            if c.is_ascii() {
                emit(i, if c.is_ascii_whitespace() || c == '\u{b}' { ' ' } else { c });
                i += 1;
                continue;
            }
            let mut push = |ch: char| fold_char(ch).for_each(|f| emit(i, f));
            buf.clear();
            match self.decompose {
                Some(d) if d(c, &mut buf) => buf.chars().for_each(&mut push),
                _ => push(c),
            }
            i += 1;
        }
    }
}

/// The length in bytes (and chars: a tag is ASCII) of a simple inline tag
/// at the start of `s` (`<u>`, `</strong>`, `<br/>`), or None.
fn tag_len(s: &[u8]) -> Option<usize> {
    let mut it = s.iter().map(|&b| char::from(b)).enumerate().take(MAX_TAG_LEN);
    if it.next().map(|(_, c)| c) != Some('<') {
        return None;
    }
    let mut seen_name = false;
    let mut closing_slash = false;
    for (k, c) in it {
        match c {
            '/' if k == 1 => {}
            '/' if seen_name && !closing_slash => closing_slash = true,
            '>' if seen_name => return Some(k + 1),
            c if c.is_ascii_alphabetic() && !closing_slash => seen_name = true,
            c if c.is_ascii_digit() && seen_name && !closing_slash => {}
            _ => return None,
        }
    }
    None
}

/// The folded form of one (already decomposed) char: zero, one or a few chars.
fn fold_char(c: char) -> FoldIter {
    match c {
        // Soft hyphen and zero-width chars are invisible: drop them so a
        // quote typed without them still matches.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
            FoldIter::new("")
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
        | '\u{2039}' | '\u{203A}' | '\u{02BC}' | '\u{FF07}' => FoldIter::one('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}'
        | '\u{00AB}' | '\u{00BB}' | '\u{301D}' | '\u{301E}' | '\u{301F}' | '\u{FF02}' => {
            FoldIter::one('"')
        }
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => FoldIter::one('-'),
        // NFKD already turns the ellipsis into three dots; doing it here too
        // keeps `basic()` consistent with the Unicode normalizer.
        '\u{2026}' => FoldIter::new("..."),
        c if c.is_whitespace() => FoldIter::one(' '),
        c => FoldIter::one(c),
    }
}

/// A tiny iterator over a fold result, so folding allocates nothing.
enum FoldIter {
    One(Option<char>),
    Str(std::str::Chars<'static>),
}

impl FoldIter {
    fn one(c: char) -> Self {
        FoldIter::One(Some(c))
    }
    fn new(s: &'static str) -> Self {
        FoldIter::Str(s.chars())
    }
}

impl Iterator for FoldIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            FoldIter::One(c) => c.take(),
            FoldIter::Str(it) => it.next(),
        }
    }
}

/// A text's normalized form and the map from it back to the original.
#[derive(Debug, Clone)]
pub struct NormText {
    normalizer: Normalizer,
    normalized: String,
    /// The normalized text as chars, for searching by char index.
    norm: Vec<char>,
    /// For each normalized char, the first original char it came from.
    src: Vec<usize>,
    /// For each normalized char, one past the last original char it stands
    /// for (a folded whitespace run stands for the whole run).
    src_end: Vec<usize>,
    text: String,
    original: Vec<char>,
    /// UTF-16 offset of each original char index, plus the total at the end.
    utf16: Vec<usize>,
    /// (hash of the GRAM chars starting there, start) for every start,
    /// sorted: exact search looks a quote's first chars up here instead of
    /// scanning the whole text, which keeps checking large banks fast.
    grams: Vec<(u64, u32)>,
}

/// How many chars the exact-search index keys on.
const GRAM: usize = 8;

fn gram_hash(chars: &[char]) -> u64 {
    crate::hash::fnv1a_from(crate::hash::OFFSET, chars.iter().map(|&c| u64::from(c)))
}

fn gram_index(norm: &[char]) -> Vec<(u64, u32)> {
    let mut grams: Vec<(u64, u32)> = norm
        .windows(GRAM)
        .enumerate()
        .map(|(i, w)| (gram_hash(w), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    grams.sort_unstable();
    grams
}

impl NormText {
    /// The normalized text.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// Every char index at which `needle` (already normalized) occurs,
    /// overlapping occurrences included. A needle of at least `GRAM` chars
    /// is looked up in the index; a shorter one is searched for in the
    /// UTF-8 string.
    pub fn find_all(&self, needle: &[char]) -> Vec<usize> {
        let verify = |at: &usize| self.norm.get(*at..*at + needle.len()) == Some(needle);
        if let Some(key) = needle.get(..GRAM).map(gram_hash) {
            let from = self.grams.partition_point(|&(h, _)| h < key);
            let mut hits: Vec<usize> = self
                .grams
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(h, _)| h == key)
                .map(|&(_, at)| at as usize)
                .filter(verify)
                .collect();
            hits.sort_unstable();
            return hits;
        }
        let Some(&first) = needle.first() else { return Vec::new() };
        (0..self.norm.len())
            .filter(|&at| self.norm.get(at) == Some(&first))
            .filter(verify)
            .collect()
    }

    /// The normalized text as chars.
    pub fn chars(&self) -> &[char] {
        &self.norm
    }

    /// The normalizer this text was folded with; quotes anchored in it must
    /// be folded the same way.
    pub fn normalizer(&self) -> Normalizer {
        self.normalizer
    }

    /// The original text.
    pub fn original_text(&self) -> &str {
        &self.text
    }

    /// The original text's length in chars.
    pub fn original_len(&self) -> usize {
        self.original.len()
    }

    /// The original char index the normalized char `norm_index` came from.
    pub fn original_index(&self, norm_index: usize) -> Option<usize> {
        self.src.get(norm_index).copied()
    }

    /// The UTF-16 offset of original char index `i` (clamped to the end).
    pub fn utf16_offset(&self, i: usize) -> usize {
        let last = self.utf16.last().copied().unwrap_or(0);
        self.utf16.get(i).copied().unwrap_or(last)
    }

    /// The span of original chars `start..end` (clamped to the text), with
    /// its UTF-16 offsets.
    pub fn char_span(&self, start: usize, end: usize) -> Span {
        let end = end.min(self.original.len());
        let start = start.min(end);
        Span {
            start,
            end,
            start_utf16: self.utf16_offset(start),
            end_utf16: self.utf16_offset(end),
        }
    }

    /// The original span of the normalized range `norm_start..norm_end`,
    /// widened to whole original chars and trimmed of original whitespace.
    /// An empty or out-of-range input gives an empty span.
    pub fn span(&self, norm_start: usize, norm_end: usize) -> Span {
        let norm_end = norm_end.min(self.norm.len());
        if norm_start >= norm_end {
            let at = self.src.get(norm_start).copied().unwrap_or(self.original.len());
            return self.char_span(at, at);
        }
        let mut start = self.src.get(norm_start).copied().unwrap_or(0);
        let mut end = self.src_end.get(norm_end - 1).copied().unwrap_or(self.original.len());
        while start < end && self.original.get(start).is_some_and(|c| is_trimmable(*c)) {
            start += 1;
        }
        while end > start && self.original.get(end - 1).is_some_and(|c| is_trimmable(*c)) {
            end -= 1;
        }
        self.char_span(start, end)
    }

    /// The original text of a span.
    pub fn slice(&self, span: &Span) -> String {
        let end = span.end.min(self.original.len());
        self.original.get(span.start.min(end)..end).unwrap_or_default().iter().collect()
    }
}

/// Chars a span should not begin or end with: whitespace and the invisible
/// chars folding drops.
fn is_trimmable(c: char) -> bool {
    c.is_whitespace() || fold_char(c).next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: Normalizer, input: &str, expected: &str) {
        assert_eq!(n.normalize(input), expected, "normalize({input:?})");
        // The map agrees with `normalize` up to the trimming of the ends.
        assert_eq!(n.map(input).normalized().trim_matches(' '), expected, "map({input:?})");
    }

    #[test]
    fn folds_quotes_dashes_and_spaces() {
        let n = Normalizer::basic();
        check(n, "\u{201C}Don\u{2019}t,\u{201D} he said", "\"Don't,\" he said");
        check(n, "\u{00AB}non\u{00BB} \u{201E}ja\u{201F}", "\"non\" \"ja\"");
        check(n, "a\u{2013}b\u{2014}c\u{2212}d\u{2010}e\u{2011}f", "a-b-c-d-e-f");
        check(n, "a \t\n\n b\u{00A0}c\u{2028}d\u{2029}e\u{3000}f", "a b c d e f");
        check(n, "  lead and trail \n", "lead and trail");
        check(n, "wait\u{2026}", "wait...");
    }

    #[test]
    fn drops_invisibles_and_simple_tags() {
        let n = Normalizer::basic();
        check(n, "co\u{00AD}op\u{200B}er\u{200C}a\u{200D}t\u{2060}i\u{FEFF}on", "cooperation");
        check(n, "taken <u>important steps</u> to", "taken important steps to");
        check(n, "<u>Su-35 fighter</u> <u>aircraft</u>", "Su-35 fighter aircraft");
        check(n, "a<br>b<br/>c</strong>d<h1>e", "abcde");
        // Not simple tags: attributes, spaces, too long, a comparison.
        check(n, "<a href=x>", "<a href=x>");
        check(n, "x < y > z", "x < y > z");
        check(n, "<blockquotes>", "<blockquotes>");
        check(n, "<1>", "<1>");
    }

    #[test]
    fn decomposes_natively() {
        let n = Normalizer::unicode();
        check(n, "\u{FB01}ne", "fine");
        check(n, "\u{FF21}\u{FF22}", "AB");
        check(n, "caf\u{00E9}", "cafe\u{0301}");
        check(n, "x\u{00B2}", "x2");
        // Without tables the ligature stays as it is.
        check(Normalizer::basic(), "\u{FB01}ne", "\u{FB01}ne");
    }

    #[test]
    fn spans_map_back_to_whole_original_chars() {
        let t = Normalizer::unicode().map("a \u{FB01}ne  co\u{00AD}op");
        assert_eq!(t.normalized(), "a fine coop");
        // "i" alone is half of the ligature: the span widens to all of it.
        let s = t.span(3, 4);
        assert_eq!((s.start, s.end), (2, 3));
        assert_eq!(t.slice(&s), "\u{FB01}");
        // "coop" crosses the soft hyphen.
        let s = t.span(7, 11);
        assert_eq!(t.slice(&s), "co\u{00AD}op");
        // A range ending in the folded run does not take the run with it.
        let s = t.span(2, 7);
        assert_eq!(t.slice(&s), "\u{FB01}ne");
        // Nor does one starting in it.
        let s = t.span(6, 11);
        assert_eq!((s.start, t.slice(&s).as_str()), (7, "co\u{00AD}op"));
        assert_eq!(t.original_len(), 12);
        assert_eq!(t.original_index(7), Some(7));
    }

    #[test]
    fn spans_count_utf16_units() {
        let t = Normalizer::basic().map("\u{1F600} x \u{1F600}y");
        let s = t.span(4, 6);
        assert_eq!(t.slice(&s), "\u{1F600}y");
        assert_eq!((s.start, s.end, s.start_utf16, s.end_utf16), (4, 6, 5, 8));
        let empty = t.span(3, 3);
        assert_eq!(empty.start, empty.end);
        let past = t.span(100, 200);
        assert_eq!((past.start, past.end), (6, 6));
    }
}
