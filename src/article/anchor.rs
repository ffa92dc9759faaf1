//! Anchoring a TextQuoteSelector in a text: exact first, then approximate.
//!
//! Everything here works on the normalized text (`NormText::chars`) and only
//! the final span is mapped back to the original. The approximate search is
//! Myers' bit-parallel edit-distance algorithm in its blocked form (any
//! pattern length, 64 pattern chars per machine word), the approach the
//! Hypothesis client takes in `approx-string-match`: one forward pass finds
//! the best error count for every end position, and a second pass over the
//! reversed window before a promising end recovers where the match starts.
//!
//! Invariant: `AnchorResult::Found` with `exact: false` always has
//! `MIN_APPROX_SCORE <= score < 1.0` and at most `len / 4` errors; an exact
//! match always has `score == 1.0`.

use super::{NormText, Selector, Span};
use crate::num::clamp;

/// The lowest combined score (0..=1) at which an approximate match counts as
/// found. With no context, any match within the error budget (a quarter of
/// the quote's length) passes; a match with that many errors whose prefix and
/// suffix both disagree with the text (score about 0.42) does not, since it
/// most likely is a different passage.
pub const MIN_APPROX_SCORE: f64 = 0.5;

/// Weight of the quote's own similarity in the combined score.
pub const QUOTE_WEIGHT: f64 = 50.0;
/// Weight of the prefix similarity, when a prefix is given.
pub const PREFIX_WEIGHT: f64 = 20.0;
/// Weight of the suffix similarity, when a suffix is given.
pub const SUFFIX_WEIGHT: f64 = 20.0;
/// Weight of the position (earlier is better): only a tie-breaker.
pub const POSITION_WEIGHT: f64 = 2.0;

/// How many distinct passages, best first, get the (costlier) start
/// recovery and scoring. Beyond a handful, candidates only differ in noise.
const MAX_CANDIDATES: usize = 8;

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

impl AnchorResult {
    /// The anchored quote, when it resolved.
    pub fn found(&self) -> Option<&Anchored> {
        match self {
            AnchorResult::Found(a) => Some(a),
            AnchorResult::NotFound { .. } => None,
        }
    }
}

/// Anchors `selector` in `text`.
///
/// The quote, prefix and suffix are folded with the text's own normalizer.
/// An exact occurrence always wins over an approximate one; among several
/// exact occurrences the prefix decides, then the suffix, then the overall
/// context similarity, then the earliest.
///
/// # Example
/// ```
/// use citequiz::article::{anchor, AnchorResult, Normalizer, Selector};
/// let text = Normalizer::basic().map("The quick brown fox jumps.");
/// let AnchorResult::Found(a) = anchor(&text, &Selector::exact("quick  brown")) else {
///     return Err("not found".into());
/// };
/// assert_eq!((a.span.start, a.span.end, a.exact), (4, 15, true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn anchor(text: &NormText, selector: &Selector) -> AnchorResult {
    let normalizer = text.normalizer();
    let fold = |s: &str| normalizer.normalize_chars(s);
    let quote = fold(&selector.exact);
    if quote.is_empty() {
        return AnchorResult::NotFound { nearest: None };
    }
    let ctx = Context {
        prefix: selector.prefix.as_deref().map(fold).filter(|p| !p.is_empty()),
        suffix: selector.suffix.as_deref().map(fold).filter(|s| !s.is_empty()),
    };
    let hay = text.chars();

    let hits = text.find_all(&quote);
    if let Some(start) = pick_exact(hay, &hits, quote.len(), &ctx) {
        return AnchorResult::Found(anchored(text, start, start + quote.len(), 1.0, true));
    }

    let m = quote.len();
    let budget = m / 4;
    let search = Search::new(hay, &quote, &ctx);
    if let Some(best) = search.best(budget)
        && best.score >= MIN_APPROX_SCORE
    {
        return AnchorResult::Found(anchored(text, best.start, best.end, best.score, false));
    }
    // Show the author what came closest, looking further than the budget.
    let nearest =
        search.best(budget.max(m / 2)).map(|c| anchored(text, c.start, c.end, c.score, false));
    AnchorResult::NotFound { nearest }
}

fn anchored(text: &NormText, start: usize, end: usize, score: f64, exact: bool) -> Anchored {
    let span = text.span(start, end);
    Anchored { text: text.slice(&span), span, score, exact }
}

/// The folded prefix and suffix, when given.
struct Context {
    prefix: Option<Vec<char>>,
    suffix: Option<Vec<char>>,
}

impl Context {
    /// The text before `start` (spaces at its end dropped, as folding drops
    /// them from the prefix) ends like the prefix. Only what is there is
    /// compared, so a prefix longer than the text before is no error.
    fn prefix_matches(&self, hay: &[char], start: usize) -> bool {
        self.prefix.as_ref().is_some_and(|p| {
            let (before, tail) = prefix_overlap(hay, start, p);
            !before.is_empty() && before == tail
        })
    }

    fn suffix_matches(&self, hay: &[char], end: usize) -> bool {
        self.suffix.as_ref().is_some_and(|s| {
            let (after, head) = suffix_overlap(hay, end, s);
            !after.is_empty() && after == head
        })
    }

    fn prefix_similarity(&self, hay: &[char], start: usize) -> Option<f64> {
        self.prefix.as_ref().map(|p| {
            let (before, tail) = prefix_overlap(hay, start, p);
            similarity(tail, before, p.len())
        })
    }

    fn suffix_similarity(&self, hay: &[char], end: usize) -> Option<f64> {
        self.suffix.as_ref().map(|s| {
            let (after, head) = suffix_overlap(hay, end, s);
            similarity(head, after, s.len())
        })
    }

    fn similarity(&self, hay: &[char], start: usize, end: usize) -> f64 {
        self.prefix_similarity(hay, start).unwrap_or(0.0)
            + self.suffix_similarity(hay, end).unwrap_or(0.0)
    }
}

/// The text just before `start` and the prefix's tail, cut to the same length.
fn prefix_overlap<'a>(
    hay: &'a [char],
    start: usize,
    prefix: &'a [char],
) -> (&'a [char], &'a [char]) {
    let before = trim_end_spaces(hay.get(..start).unwrap_or_default());
    let n = before.len().min(prefix.len());
    (
        before.get(before.len() - n..).unwrap_or_default(),
        prefix.get(prefix.len() - n..).unwrap_or_default(),
    )
}

/// The text just after `end` and the suffix's head, cut to the same length.
fn suffix_overlap<'a>(hay: &'a [char], end: usize, suffix: &'a [char]) -> (&'a [char], &'a [char]) {
    let after = trim_start_spaces(hay.get(end..).unwrap_or_default());
    let n = after.len().min(suffix.len());
    (after.get(..n).unwrap_or_default(), suffix.get(..n).unwrap_or_default())
}

fn trim_end_spaces(s: &[char]) -> &[char] {
    let n = s.iter().rev().take_while(|c| **c == ' ').count();
    s.get(..s.len() - n).unwrap_or_default()
}

fn trim_start_spaces(s: &[char]) -> &[char] {
    let n = s.iter().take_while(|c| **c == ' ').count();
    s.get(n..).unwrap_or_default()
}

/// How much of the context `a` (cut to the text there, `b`) agrees with
/// the text, out of its full length `full`: context running past the end of
/// the text counts as unconfirmed, so a full match elsewhere outweighs it.
fn similarity(a: &[char], b: &[char], full: usize) -> f64 {
    if a.is_empty() || full == 0 {
        return 0.0;
    }
    let d = Pattern::new(a).distance(b);
    clamp(a.len().saturating_sub(d) as f64 / full as f64, 0.0, 1.0)
}

/// Chooses among exact occurrences: prefix, then suffix, then context
/// similarity, then the earliest.
fn pick_exact(hay: &[char], hits: &[usize], m: usize, ctx: &Context) -> Option<usize> {
    let narrow = |pool: Vec<usize>, keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        let kept: Vec<usize> = pool.iter().copied().filter(|&s| keep(s)).collect();
        if kept.is_empty() { pool } else { kept }
    };
    let pool = narrow(hits.to_vec(), &|s| ctx.prefix_matches(hay, s));
    let pool = narrow(pool, &|s| ctx.suffix_matches(hay, s + m));
    let mut best: Option<(usize, f64)> = None;
    for s in pool {
        let sim = ctx.similarity(hay, s, s + m);
        // Strictly greater keeps the earliest among equals.
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((s, sim));
        }
    }
    best.map(|(s, _)| s)
}

/// A scored approximate match, in normalized offsets.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    score: f64,
}

/// One approximate search: the forward pass is done once, and candidates
/// are then drawn from it for any error budget.
struct Search<'a> {
    hay: &'a [char],
    quote: &'a [char],
    ctx: &'a Context,
    pattern: Pattern,
    reversed: Pattern,
    /// `ends[j]`: fewest errors of a match of the quote ending at `j + 1`.
    ends: Vec<usize>,
}

impl<'a> Search<'a> {
    fn new(hay: &'a [char], quote: &'a [char], ctx: &'a Context) -> Self {
        let pattern = Pattern::new(quote);
        let rev: Vec<char> = quote.iter().rev().copied().collect();
        let ends = pattern.scores(hay.iter().copied(), false);
        Search { hay, quote, ctx, pattern, reversed: Pattern::new(&rev), ends }
    }

    /// The best-scoring candidate with at most `budget` errors.
    fn best(&self, budget: usize) -> Option<Candidate> {
        let mut ends = self.local_minima(budget);
        ends.sort_by_key(|&(j, e)| (e, j));
        // An end closer than half the quote to a better one is the same
        // passage with slack at its edges: recovering its start again would
        // cost time and find nothing new.
        let near = (self.quote.len() / 2).max(1);
        let mut picked: Vec<usize> = Vec::new();
        for (j, _) in ends {
            if picked.len() == MAX_CANDIDATES {
                break;
            }
            if picked.iter().all(|&p| p.abs_diff(j) >= near) {
                picked.push(j);
            }
        }
        let mut best: Option<Candidate> = None;
        for j in picked {
            let Some(c) = self.evaluate(j + 1, budget) else {
                continue;
            };
            let better =
                best.is_none_or(|b| c.score > b.score || (c.score == b.score && c.start < b.start));
            if better {
                best = Some(c);
            }
        }
        best
    }

    /// End positions whose error count is within budget and lower than just
    /// before, with no lower count just after: one per match, not one per
    /// slack char around it.
    fn local_minima(&self, budget: usize) -> Vec<(usize, usize)> {
        let e = &self.ends;
        (0..e.len())
            .filter_map(|j| {
                let here = *e.get(j)?;
                let before = j.checked_sub(1).and_then(|b| e.get(b)).copied();
                let after = e.get(j + 1).copied();
                let ok = here <= budget
                    && before.is_none_or(|b| b > here)
                    && after.is_none_or(|a| a >= here);
                ok.then_some((j, here))
            })
            .collect()
    }

    /// Recovers the start of the match ending at `end`, snaps it to words,
    /// and scores it.
    fn evaluate(&self, end: usize, budget: usize) -> Option<Candidate> {
        let m = self.quote.len();
        let lo = end.saturating_sub(m + budget);
        let window = self.hay.get(lo..end)?;
        // Anchored at the window's end (the reversed start): scores[k] is the
        // distance between the quote and the last k + 1 chars of the window.
        let scores = self.reversed.scores(window.iter().rev().copied(), true);
        let (k, _) = scores.iter().enumerate().min_by_key(|&(k, &d)| {
            let len = k + 1;
            (d, len.abs_diff(m), std::cmp::Reverse(len))
        })?;
        let (start, end) = snap(self.hay, end - (k + 1), end)?;
        let errors = self.pattern.distance(self.hay.get(start..end)?);
        let quote_sim = (1.0 - errors as f64 / m as f64).max(0.0);
        let position = 1.0 - start as f64 / self.hay.len().max(1) as f64;
        let mut num = QUOTE_WEIGHT * quote_sim + POSITION_WEIGHT * position;
        let mut den = QUOTE_WEIGHT + POSITION_WEIGHT;
        if let Some(p) = self.ctx.prefix_similarity(self.hay, start) {
            num += PREFIX_WEIGHT * p;
            den += PREFIX_WEIGHT;
        }
        if let Some(s) = self.ctx.suffix_similarity(self.hay, end) {
            num += SUFFIX_WEIGHT * s;
            den += SUFFIX_WEIGHT;
        }
        Some(Candidate { start, end, score: num / den })
    }
}

/// Letters, digits and combining marks (which NFKD splits off letters).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Trims spaces off a match, then widens an edge that falls inside a word to
/// the whole word: an approximate match is shown as whole words. Only word
/// chars are taken in, so punctuation next to the match stays out.
fn snap(hay: &[char], mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let at = |i: usize| hay.get(i).copied();
    while start < end && at(start) == Some(' ') {
        start += 1;
    }
    while end > start && at(end - 1) == Some(' ') {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    while start > 0 && at(start).is_some_and(is_word) && at(start - 1).is_some_and(is_word) {
        start -= 1;
    }
    while at(end - 1).is_some_and(is_word) && at(end).is_some_and(is_word) {
        end += 1;
    }
    Some((start, end))
}

/// A pattern prepared for Myers' bit-parallel edit distance, in blocks of
/// 64 pattern chars.
struct Pattern {
    len: usize,
    blocks: usize,
    /// Match masks for ASCII chars: `ascii[c * blocks + b]`. A flat table
    /// keeps the per-text-char lookup to one index for most text.
    ascii: Vec<u64>,
    /// Match masks for the pattern's other chars; few, so a linear scan.
    other: Vec<(char, Vec<u64>)>,
    /// The bit of the pattern's last char in the last block.
    last_bit: u64,
}

impl Pattern {
    fn new(p: &[char]) -> Self {
        let blocks = p.len().div_ceil(64).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: Vec<(char, Vec<u64>)> = Vec::new();
        for (i, &c) in p.iter().enumerate() {
            let (b, bit) = (i / 64, 1u64 << (i % 64));
            if c.is_ascii() {
                if let Some(w) = ascii.get_mut(c as usize * blocks + b) {
                    *w |= bit;
                }
            } else if let Some((_, masks)) = other.iter_mut().find(|(o, _)| *o == c) {
                if let Some(w) = masks.get_mut(b) {
                    *w |= bit;
                }
            } else {
                let mut masks = vec![0u64; blocks];
                if let Some(w) = masks.get_mut(b) {
                    *w |= bit;
                }
                other.push((c, masks));
            }
        }
        let last_bit = 1u64 << ((p.len().max(1) - 1) % 64);
        Pattern { len: p.len(), blocks, ascii, other, last_bit }
    }

    fn eq(&self, c: char, b: usize) -> u64 {
        if c.is_ascii() {
            self.ascii.get(c as usize * self.blocks + b).copied().unwrap_or(0)
        } else {
            self.other
                .iter()
                .find(|(o, _)| *o == c)
                .and_then(|(_, m)| m.get(b).copied())
                .unwrap_or(0)
        }
    }

    /// For each text position j, the edit distance between the pattern and
    /// the best text substring ending at j + 1. With `anchored`, substrings
    /// must start at the text's start (plain Levenshtein of each prefix);
    /// without, they may start anywhere (the search).
    fn scores(&self, text: impl Iterator<Item = char>, anchored: bool) -> Vec<usize> {
        let mut pv = vec![!0u64; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let mut score = self.len;
        let mut out = Vec::with_capacity(text.size_hint().0);
        for c in text {
            // The top row's horizontal delta: 0 when a match may start
            // anywhere, +1 when every skipped text char costs an error.
            let mut hin: i8 = i8::from(anchored);
            for (b, (p, mm)) in pv.iter_mut().zip(mv.iter_mut()).enumerate() {
                let high = if b + 1 == self.blocks { self.last_bit } else { 1 << 63 };
                let mut eq = self.eq(c, b);
                let xv = eq | *mm;
                if hin < 0 {
                    eq |= 1;
                }
                let xh = ((eq & *p).wrapping_add(*p) ^ *p) | eq;
                let mut ph = *mm | !(xh | *p);
                let mut mh = *p & xh;
                let hout: i8 = if ph & high != 0 {
                    1
                } else if mh & high != 0 {
                    -1
                } else {
                    0
                };
                ph <<= 1;
                mh <<= 1;
                if hin < 0 {
                    mh |= 1;
                } else if hin > 0 {
                    ph |= 1;
                }
                *p = mh | !(xv | ph);
                *mm = ph & xv;
                hin = hout;
            }
            // `hin` now holds the last block's output: the change of the
            // bottom row, which is the pattern's full edit distance.
            score = score.saturating_add_signed(isize::from(hin));
            out.push(score);
        }
        out
    }

    /// Levenshtein distance between the pattern and `text`.
    fn distance(&self, text: &[char]) -> usize {
        self.scores(text.iter().copied(), true).last().copied().unwrap_or(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Normalizer;
    use crate::diag::edit_distance;
    use proptest::prelude::*;

    /// Anchors `sel` in `text` and compares the outcome with `expected`:
    /// `Some((slice, exact))` for a match, None for NotFound.
    fn check(text: &str, sel: Selector, expected: Option<(&str, bool)>) -> AnchorResult {
        let t = Normalizer::unicode().map(text);
        let r = anchor(&t, &sel);
        match (&r, expected) {
            (AnchorResult::Found(a), Some((slice, exact))) => {
                assert_eq!(a.text, slice, "{sel:?}");
                assert_eq!(t.slice(&a.span), a.text);
                assert_eq!(a.exact, exact, "{a:?}");
                if exact {
                    assert!((a.score - 1.0).abs() < f64::EPSILON, "{a:?}");
                } else {
                    assert!(a.score < 1.0 && a.score >= MIN_APPROX_SCORE, "{a:?}");
                }
            }
            (AnchorResult::NotFound { .. }, None) => {}
            (r, e) => panic!("{sel:?}: got {r:?}, expected {e:?}"),
        }
        r
    }

    fn sel(exact: &str, prefix: Option<&str>, suffix: Option<&str>) -> Selector {
        Selector {
            exact: exact.into(),
            prefix: prefix.map(Into::into),
            suffix: suffix.map(Into::into),
        }
    }

    fn start_of(r: &AnchorResult) -> usize {
        r.found().map_or(usize::MAX, |a| a.span.start)
    }

    #[test]
    fn whitespace_and_line_breaks_do_not_matter() {
        let text = "Moscow and Beijing are\n\nwell aware that their interests\tdon't coincide.";
        check(
            text,
            Selector::exact("Beijing are well aware that"),
            Some(("Beijing are\n\nwell aware that", true)),
        );
        check(text, Selector::exact("  interests \n don't "), Some(("interests\tdon't", true)));
    }

    #[test]
    fn curly_quotes_and_nbsp_match_straight_ones() {
        let text = "Putin replied, \u{201C}It is possible\u{00A0}to imagine anything\u{201D} \u{2014} he said.";
        check(
            text,
            Selector::exact("replied, \"It is possible to imagine anything\" - he"),
            Some((
                "replied, \u{201C}It is possible\u{00A0}to imagine anything\u{201D} \u{2014} he",
                true,
            )),
        );
        check("they don\u{2019}t", Selector::exact("don't"), Some(("don\u{2019}t", true)));
    }

    #[test]
    fn a_changed_or_dropped_word_still_anchors() {
        let text = "Neither side wishes to risk getting drawn into a major conflict over the interests of its partner.";
        let r = check(
            text,
            Selector::exact("getting pulled into a major conflict over the interests"),
            Some(("getting drawn into a major conflict over the interests", false)),
        );
        assert!(r.found().is_some_and(|a| a.score > 0.8), "{r:?}");
        check(
            text,
            Selector::exact("risk getting drawn into a conflict over the interests"),
            Some(("risk getting drawn into a major conflict over the interests", false)),
        );
    }

    #[test]
    fn repeats_are_told_apart_by_prefix_then_suffix() {
        let text = "one said no deal today. two said no deal today. three said no deal tomorrow.";
        let r = check(text, sel("said no deal", Some("two "), None), Some(("said no deal", true)));
        assert_eq!(start_of(&r), 28);
        let r =
            check(text, sel("said no deal", None, Some("tomorrow")), Some(("said no deal", true)));
        assert_eq!(start_of(&r), 54);
        // The prefix decides first; the suffix then picks among what is left.
        let r =
            check(text, sel("no deal", Some("said"), Some("tomorrow")), Some(("no deal", true)));
        assert_eq!(start_of(&r), 59);
        // No context: the first.
        let r = check(text, Selector::exact("said no deal"), Some(("said no deal", true)));
        assert_eq!(start_of(&r), 4);
        // Context that matches nothing exactly still leans on similarity.
        let r = check(text, sel("said no deal", Some("twp"), None), Some(("said no deal", true)));
        assert_eq!(start_of(&r), 28);
    }

    #[test]
    fn approximate_repeats_use_context_too() {
        let text = "alpha: the quick brown fox jumps. beta: the quick brown fox jumps.";
        let r = check(
            text,
            sel("the quick browm fox jumps", Some("beta:"), None),
            Some(("the quick brown fox jumps", false)),
        );
        assert_eq!(start_of(&r), 40);
    }

    #[test]
    fn quotes_cross_inline_tags_and_broken_paragraphs() {
        let raw = "Russia has taken <u>important steps</u> to strengthen it, such as <u>Su-35 fighter</u> <u>aircraft</u> and more. Moscow and Beijing are\n\nwell aware.";
        check(
            raw,
            Selector::exact("taken important steps to"),
            Some(("taken <u>important steps</u> to", true)),
        );
        check(
            raw,
            Selector::exact("Su-35 fighter aircraft and"),
            Some(("Su-35 fighter</u> <u>aircraft</u> and", true)),
        );
        check(raw, Selector::exact("are well aware."), Some(("are\n\nwell aware.", true)));
    }

    #[test]
    fn no_match_reports_the_nearest() {
        let text = "The key task will be to understand what precisely about the rapprochement is undesirable.";
        let r = check(
            text,
            Selector::exact("The main job is to grasp what exactly about the rapprochement"),
            None,
        );
        let AnchorResult::NotFound { nearest: Some(n) } = r else { panic!("{r:?}") };
        assert!(n.score < MIN_APPROX_SCORE || !n.exact, "{n:?}");
        assert!(n.text.contains("about the rapprochement"), "{n:?}");
        let r = check(text, Selector::exact("zebras quietly eating xylophones"), None);
        assert_eq!(r, AnchorResult::NotFound { nearest: None });
        check(text, Selector::exact(" \n\u{200B} "), None);
        check("", Selector::exact("anything"), None);
    }

    #[test]
    fn non_bmp_offsets_differ_in_utf16() {
        let text = "\u{1F600}\u{1F600} emoji \u{1F680} rockets go up";
        let r =
            check(text, Selector::exact("\u{1F680} rockets"), Some(("\u{1F680} rockets", true)));
        let span = r.found().map(|a| a.span);
        assert_eq!(
            span.map(|s| (s.start, s.end, s.start_utf16, s.end_utf16)),
            Some((9, 18, 11, 21))
        );
        let r = check(text, Selector::exact("rockets go upp"), Some(("rockets go up", false)));
        let span = r.found().map(|a| a.span);
        assert_eq!(
            span.map(|s| (s.start, s.end, s.start_utf16, s.end_utf16)),
            Some((11, 24, 14, 27))
        );
    }

    #[test]
    fn context_past_either_end_is_compared_as_far_as_it_goes() {
        let text = "start here and end here and end";
        let long = "x".repeat(500);
        let r =
            check(text, sel("start here", Some(&long), Some(&long)), Some(("start here", true)));
        assert_eq!(start_of(&r), 0);
        // "end" before the first "here" agrees with the prefix as far as the
        // text goes; the second "here" has the whole prefix before it.
        let text2 = "end here and the end here";
        let r = check(text2, sel("here", Some("the end"), None), Some(("here", true)));
        assert_eq!(start_of(&r), 21);
        let r = check(text2, sel("here", Some("big end"), None), Some(("here", true)));
        assert_eq!(start_of(&r), 4);
        let r = check(
            text2,
            sel("end", None, Some("here and the end here and more")),
            Some(("end", true)),
        );
        assert_eq!(start_of(&r), 0);
        let r = check(text2, sel("end", None, Some("here or")), Some(("end", true)));
        assert_eq!(start_of(&r), 17);
        // Approximate: the suffix runs past the end for the second candidate
        // and disagrees for the first; the prefix decides.
        let r =
            check(text, sel("and ent", Some("start here"), Some(&long)), Some(("and end", false)));
        assert_eq!(start_of(&r), 11);
        // Both contexts wrong and a typo: too doubtful to resolve.
        check(text, sel("and ent", Some(&long), Some(&long)), None);
    }

    #[test]
    fn long_quotes_match_approximately_across_blocks() {
        let text = "Moscow knows full well that the United States' main concern is the military rapprochement of Moscow and Beijing, specifically, the use of Russian technology and adaptation of Russian experience in recent military campaigns to boost the potential of China's People's Liberation Army.";
        let quote = "the United States' main worry is the military rapprochement of Moscow and Beijing, specifically, the use of Russian technology and adaptation of Russian experiance in recent military campaigns to boost the potential";
        assert!(quote.chars().count() > 128);
        check(
            text,
            Selector::exact(quote),
            Some((
                "the United States' main concern is the military rapprochement of Moscow and Beijing, specifically, the use of Russian technology and adaptation of Russian experience in recent military campaigns to boost the potential",
                false,
            )),
        );
    }

    #[test]
    fn myers_agrees_with_plain_levenshtein() {
        let cases = [("kitten", "sitting"), ("", "abc"), ("abc", ""), ("flaw", "lawn")];
        for (a, b) in cases {
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            if !ac.is_empty() {
                assert_eq!(Pattern::new(&ac).distance(&bc), edit_distance(a, b), "{a} {b}");
            }
        }
    }

    proptest! {
        #[test]
        fn myers_blocks_agree_with_dp(a in "[ab\u{e9}c]{1,150}", b in "[ab\u{e9}c]{0,150}") {
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            prop_assert_eq!(Pattern::new(&ac).distance(&bc), edit_distance(&a, &b));
            // The search pass: the best end equals the DP over all substrings ending there.
            let ends = Pattern::new(&ac).scores(bc.iter().copied(), false);
            for (j, e) in ends.iter().enumerate().step_by(41) {
                let best = (0..=j + 1)
                    .map(|s| edit_distance(&a, &b.chars().skip(s).take(j + 1 - s).collect::<String>()))
                    .min()
                    .unwrap_or(usize::MAX);
                prop_assert_eq!(*e, best);
            }
        }

        #[test]
        fn any_word_aligned_substring_anchors_to_itself(
            words in proptest::collection::vec("[a-z]{1,7}", 3..60),
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just("  "), Just("\n"), Just(", ")], 60),
            from in 0usize..60,
            len in 1usize..60,
        ) {
            let mut text = String::new();
            let mut starts = Vec::new();
            let mut ends = Vec::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(seps.get(i).copied().unwrap_or(" "));
                }
                starts.push(text.chars().count());
                text.push_str(w);
                ends.push(text.chars().count());
            }
            let a = from % words.len();
            let b = (a + len).min(words.len() - 1);
            let (s, e) = (starts[a], ends[b]);
            prop_assume!(e - s >= 8);
            let quote: String = text.chars().skip(s).take(e - s).collect();
            let t = Normalizer::basic().map(&text);
            let r = anchor(&t, &Selector::exact(quote.clone()));
            let AnchorResult::Found(found) = r else { panic!("not found: {quote:?} in {text:?}") };
            prop_assert!(found.exact);
            prop_assert!(found.span.start <= s);
            if found.span.start < s {
                prop_assert_eq!(Normalizer::basic().normalize(&found.text), Normalizer::basic().normalize(&quote));
            } else {
                prop_assert_eq!(found.span.end, e);
            }
        }

        #[test]
        fn anchor_never_panics(text in "\\PC{0,200}", exact in "\\PC{0,80}", prefix in proptest::option::of("\\PC{0,20}"), suffix in proptest::option::of("\\PC{0,20}")) {
            let t = Normalizer::unicode().map(&text);
            let r = anchor(&t, &Selector { exact, prefix, suffix });
            if let AnchorResult::Found(a) | AnchorResult::NotFound { nearest: Some(a) } = &r {
                prop_assert!(a.span.start <= a.span.end && a.span.end <= t.original_len());
                prop_assert_eq!(&t.slice(&a.span), &a.text);
            }
        }
    }
}
