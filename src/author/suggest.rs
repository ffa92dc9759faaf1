//! Citation suggestions: the article's sentences ranked by how well they
//! support a question, and the missing `cite`s of a bank filled in.
//!
//! Ranking is Okapi BM25 (k1 = 1.2, b = 0.75) with each sentence a
//! document, over words stemmed by the article language's Snowball stemmer
//! (`rust-stemmers`; English when the language has none), with common
//! function words dropped. The query is the question's text: prompt,
//! explanation, hints, and (see `Options`) its keyed answer, two_part's
//! keyed Part B quote, adjacent word pairs, and the sentence's neighbours.
//! BM25 is written here over our own term counts rather than taken from
//! the `bm25` crate: its query is an unweighted token set, and these
//! queries weight their fields and add word pairs; the formula is a few
//! lines.
//!
//! Pure: text in, rankings and text out. `suggest_bank` and `fill_missing`
//! read the bank with the core's JSON reader, so that a question's problems
//! keep their JSON paths and `fill_missing` can edit the text in place.
//!
//! Invariant: every suggestion's selector anchors exactly on its sentence.

use crate::article::{Article, Selector};
use crate::bank::raw::{Answer, Kind, RawQuestion};
use crate::diag::Diagnostic;
use crate::json::read::{Path, Reader, syntax_diagnostic};
use crate::json::value::{self, V, Value};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// BM25's length normalization.
const B: f64 = 0.75;
/// How many chars of context a selector takes when its quote repeats.
const CONTEXT_CHARS: usize = 32;

/// What goes into a question's query beyond its prompt (and two_part's
/// Part A prompt). `Default` is the best-measured combination
/// (`bench/suggest_recall.rs`): word pairs and neighbours cost recall on
/// the shipped banks, so they are off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The explanation and the hints.
    pub explanation: bool,
    /// The keyed answer: the right options, true/false's feedback for the
    /// right answer, fill-in answers put in their gaps, the number, the
    /// items, the matched pairs, Part A's right option.
    pub keyed: bool,
    /// two_part's keyed Part B quote, which is the article's own words.
    pub part_b: bool,
    /// Adjacent word pairs as terms too, so that "military alliance" counts
    /// for more than "military" and "alliance" apart.
    pub bigrams: bool,
    /// How much of the better of a sentence's two neighbours (in its
    /// paragraph) is added to its score, 0 for none: the support for a
    /// claim often spans two sentences.
    pub neighbours: f64,
    /// Drop common function words (English and Russian lists).
    pub stop_words: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            explanation: true,
            keyed: true,
            part_b: true,
            bigrams: false,
            neighbours: 0.0,
            stop_words: true,
        }
    }
}

/// One suggested citation.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The sentence's id, such as `p3.s2`.
    pub sentence: String,
    /// The sentence's text, as in the article.
    pub text: String,
    /// How well it matches, 0 to 1: its BM25 score over the most any
    /// sentence could score for this query (every query term that occurs
    /// in the article, at saturation).
    pub score: f64,
    /// The citation to write: the sentence, with a prefix and suffix only
    /// when its words occur elsewhere in the article too.
    pub selector: Selector,
}

/// The article's sentences, indexed for ranking.
pub struct Suggester<'a> {
    article: &'a Article,
    stemmer: Stemmer,
    options: Options,
    docs: Vec<Doc>,
    /// In how many sentences each term occurs.
    df: HashMap<String, u32>,
    avgdl: f64,
}

/// One sentence's terms.
struct Doc {
    tf: HashMap<String, u32>,
    len: f64,
    paragraph: usize,
}

impl<'a> Suggester<'a> {
    /// Indexes `article`'s sentences, stemming for its language (a BCP 47
    /// tag; English when absent or without a stemmer).
    pub fn new(article: &'a Article, options: Options) -> Self {
        let stemmer = Stemmer::create(algorithm(article.raw().language.as_deref()));
        let mut s = Suggester {
            article,
            stemmer,
            options,
            docs: Vec::new(),
            df: HashMap::new(),
            avgdl: 1.0,
        };
        for sentence in article.sentences() {
            let mut tf: HashMap<String, u32> = HashMap::new();
            let terms = s.terms(&article.slice(&sentence.span));
            let len = terms.len() as f64;
            for t in terms {
                *tf.entry(t).or_default() += 1;
            }
            for t in tf.keys() {
                *s.df.entry(t.clone()).or_default() += 1;
            }
            s.docs.push(Doc { tf, len, paragraph: sentence.paragraph });
        }
        let total: f64 = s.docs.iter().map(|d| d.len).sum();
        s.avgdl = (total / s.docs.len().max(1) as f64).max(1.0);
        s
    }

    /// The sentences that best support `q`, best first, at most `top`;
    /// sentences that share no term with the question are left out. Ties
    /// keep the article's order.
    pub fn rank(&self, q: &RawQuestion, top: usize) -> Vec<Suggestion> {
        let mut query: HashMap<String, f64> = HashMap::new();
        for (text, weight) in query_texts(q, &self.options) {
            for t in self.terms(&text) {
                *query.entry(t).or_default() += weight;
            }
        }
        let n = self.docs.len() as f64;
        let idf = |t: &str| {
            let df = f64::from(self.df.get(t).copied().unwrap_or(0));
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        };
        // The most a sentence could score: every query term the article
        // has, at saturation.
        let bound: f64 = query
            .iter()
            .filter(|(t, _)| self.df.contains_key(*t))
            .map(|(t, w)| w * idf(t) * (K1 + 1.0))
            .sum::<f64>()
            * (1.0 + self.options.neighbours);
        let own: Vec<f64> = self
            .docs
            .iter()
            .map(|d| {
                let norm = K1 * (1.0 - B + B * d.len / self.avgdl);
                query
                    .iter()
                    .filter_map(|(t, w)| {
                        let tf = f64::from(*d.tf.get(t)?);
                        Some(w * idf(t) * tf * (K1 + 1.0) / (tf + norm))
                    })
                    .sum()
            })
            .collect();
        let neighbour = |i: usize, j: Option<usize>| {
            let same = |j: usize| {
                self.docs
                    .get(j)
                    .is_some_and(|d| Some(d.paragraph) == self.docs.get(i).map(|d| d.paragraph))
            };
            j.filter(|&j| same(j)).and_then(|j| own.get(j).copied()).unwrap_or(0.0)
        };
        let mut scored: Vec<(usize, f64)> = own
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .map(|(i, s)| {
                let near = neighbour(i, i.checked_sub(1)).max(neighbour(i, Some(i + 1)));
                (i, s + self.options.neighbours * near)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored
            .into_iter()
            .take(top)
            .filter_map(|(i, s)| {
                let sentence = self.article.sentences().get(i)?;
                let text = self.article.slice(&sentence.span).trim().to_string();
                let score = if bound > 0.0 { (s / bound).clamp(0.0, 1.0) } else { 0.0 };
                Some(Suggestion {
                    sentence: sentence.id.clone(),
                    selector: selector_for(self.article, &text, sentence.span.start),
                    text,
                    score,
                })
            })
            .collect()
    }

    /// The terms of `text`: its words lowercased, function words dropped,
    /// stemmed; then, with `bigrams`, each pair of adjacent stems.
    fn terms(&self, text: &str) -> Vec<String> {
        let stems: Vec<String> = words(text)
            .into_iter()
            .filter(|w| !(self.options.stop_words && crate::text::stop::is_stop_word(w)))
            .map(|w| self.stemmer.stem(&w).into_owned())
            .collect();
        let mut terms = stems.clone();
        if self.options.bigrams {
            terms.extend(stems.windows(2).map(|p| p.join(" ")));
        }
        terms
    }
}

/// The Snowball stemmer for a BCP 47 tag's language; English otherwise.
fn algorithm(tag: Option<&str>) -> Algorithm {
    let lang = tag.and_then(|t| t.split(['-', '_']).next()).unwrap_or("en").to_ascii_lowercase();
    match lang.as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => Algorithm::English,
    }
}

/// The words of `text`, lowercased: runs of letters and digits, with an
/// apostrophe inside a word kept (the English stemmer strips "'s").
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '\u{2019}')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            word.push('\'');
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The question's texts and their weights in its query.
fn query_texts(q: &RawQuestion, o: &Options) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = vec![(q.prompt.clone(), 1.0)];
    if o.explanation {
        out.push((q.explanation.clone(), 1.0));
        out.extend(q.hints.iter().map(|h| (h.text.clone(), 1.0)));
    }
    let options = q.options.as_deref().unwrap_or_default();
    let option = |id: &str| options.iter().find(|c| c.id == id).map(|c| c.text.clone());
    let mut keyed: Vec<String> = Vec::new();
    match q.kind {
        Kind::SingleChoice => {
            if let Some(Answer::Id(id)) = &q.answer {
                keyed.extend(option(id));
            }
        }
        Kind::MultipleChoice => {
            for id in q.answers.iter().flatten() {
                keyed.extend(option(id));
            }
        }
        Kind::TrueFalse => {
            let f = q.feedback.as_ref();
            keyed.extend(match q.answer {
                Some(Answer::Bool(true)) => f.and_then(|f| f.on_true.clone()),
                Some(Answer::Bool(false)) => f.and_then(|f| f.on_false.clone()),
                _ => None,
            });
        }
        Kind::FillBlank => {
            if let (Some(text), Some(gaps)) = (&q.text, &q.gaps) {
                let mut filled = String::new();
                for (i, part) in text.split("{}").enumerate() {
                    if i > 0 {
                        let gap = gaps.get(i - 1).and_then(|g| g.accept.first());
                        filled.push_str(gap.map_or("", String::as_str));
                    }
                    filled.push_str(part);
                }
                keyed.push(filled);
            }
        }
        Kind::Numeric => {
            if let Some(Answer::Number(x)) = q.answer {
                let mut n = crate::json::num::display(x);
                if let Some(unit) = &q.unit {
                    n.push(' ');
                    n.push_str(unit);
                }
                keyed.push(n);
            }
        }
        Kind::Ordering => keyed.extend(q.items.iter().flatten().map(|i| i.text.clone())),
        Kind::Matching => {
            let text = |list: &Option<Vec<crate::bank::raw::Item>>, id: &str| {
                list.iter().flatten().find(|i| i.id == id).map(|i| i.text.clone())
            };
            for p in q.pairs.iter().flatten() {
                keyed.extend(text(&q.left, &p.left));
                keyed.extend(text(&q.right, &p.right));
            }
        }
        Kind::Evidence => {}
        Kind::TwoPart => {
            if let Some(a) = &q.part_a {
                out.push((a.prompt.clone(), 1.0));
                keyed.extend(a.options.iter().find(|c| c.id == a.answer).map(|c| c.text.clone()));
            }
            if let (Some(b), true) = (&q.part_b, o.part_b) {
                let quote = b.options.iter().find(|c| c.id == b.answer);
                out.extend(quote.map(|c| (c.quote.exact.clone(), 1.0)));
            }
        }
    }
    if o.keyed {
        out.extend(keyed.into_iter().map(|k| (k, 1.0)));
    }
    out
}

/// A selector for the sentence `text` starting at char `start` of the
/// body: the sentence alone, unless it occurs more than once, then with up
/// to `CONTEXT_CHARS` chars of the body on either side.
fn selector_for(article: &Article, text: &str, start: usize) -> Selector {
    let body = article.text();
    if body.matches(text).nth(1).is_none() {
        return Selector::exact(text);
    }
    let chars: Vec<char> = body.chars().collect();
    let end = start + text.chars().count();
    let before: String =
        chars.get(start.saturating_sub(CONTEXT_CHARS)..start).unwrap_or_default().iter().collect();
    let after: String =
        chars.get(end..(end + CONTEXT_CHARS).min(chars.len())).unwrap_or_default().iter().collect();
    Selector {
        exact: text.to_string(),
        prefix: Some(before).filter(|s| !s.is_empty()),
        suffix: Some(after).filter(|s| !s.is_empty()),
    }
}

/// A question of a bank file as read for suggesting: the question, its
/// index, and its object's span in the source (byte offsets).
pub struct Located {
    /// The question.
    pub question: RawQuestion,
    /// Its index in `questions`.
    pub index: usize,
    at: usize,
    end: usize,
}

/// Reads a bank's questions without checking them (a question without
/// `cite` is fine here).
///
/// # Errors
/// The text is not JSON, has no `questions` array, or a question has the
/// wrong shape; each diagnostic with its JSON path and line:column.
pub fn read_questions(source: &str) -> Result<Vec<Located>, Vec<Diagnostic>> {
    let (tree, trailing) = value::parse(source).map_err(|e| vec![syntax_diagnostic(source, &e)])?;
    if let Some(e) = trailing {
        return Err(vec![syntax_diagnostic(source, &e)]);
    }
    let mut r = Reader::new(source);
    let mut out = Vec::new();
    if let Some(o) = r.open(&tree, Path::Root, tree.at)
        && let Some(m) = o.need(&mut r, "questions")
    {
        let path = Path::Root.key("questions");
        match &m.value.v {
            V::Arr(items) => {
                for (index, v) in items.iter().enumerate() {
                    if let Some(question) =
                        crate::bank::read::question(&mut r, v, path.index(index))
                    {
                        out.push(Located { question, index, at: v.at, end: v.end });
                    }
                }
            }
            other => r.wrong_type(&path, m.at, "an array", other),
        }
    }
    if r.errors > 0 { Err(r.diags) } else { Ok(out) }
}

/// The suggestions for one question of a bank.
pub struct Ranked {
    /// The question's id.
    pub question: String,
    /// Its index in `questions`.
    pub index: usize,
    /// Whether it already cites something.
    pub cited: bool,
    /// The best sentences, best first.
    pub suggestions: Vec<Suggestion>,
}

/// The `top` best sentences for every question of the bank `source`.
///
/// # Errors
/// As `read_questions`.
pub fn suggest_bank(
    source: &str,
    article: &Article,
    options: Options,
    top: usize,
) -> Result<Vec<Ranked>, Vec<Diagnostic>> {
    let s = Suggester::new(article, options);
    Ok(read_questions(source)?
        .into_iter()
        .map(|l| Ranked {
            suggestions: s.rank(&l.question, top),
            cited: !l.question.cite.is_empty(),
            question: l.question.id,
            index: l.index,
        })
        .collect())
}

/// What `fill_missing` did.
pub struct Filled {
    /// The bank's new text.
    pub text: String,
    /// The ids of the questions given a suggested citation.
    pub filled: Vec<String>,
    /// The ids of the questions without `cite` that nothing in the article
    /// matches (left as they were).
    pub unmatched: Vec<String>,
}

/// Gives every question of the bank `source` that cites nothing (no
/// `cite`, or an empty one) its best sentence, as
/// `"cite": [{"exact": …, "suggested": true}]`.
///
/// The rest of the text is kept byte for byte: the new member is inserted
/// after `explanation` (else after the question's last member), or replaces
/// the empty array, indented like its sibling members (one line when the
/// question is written on one line).
///
/// # Errors
/// As `read_questions`.
pub fn fill_missing(source: &str, article: &Article) -> Result<Filled, Vec<Diagnostic>> {
    let s = Suggester::new(article, Options::default());
    let questions = read_questions(source)?;
    let (tree, _) = value::parse(source).map_err(|e| vec![syntax_diagnostic(source, &e)])?;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut filled = Vec::new();
    let mut unmatched = Vec::new();
    for l in questions.iter().filter(|l| l.question.cite.is_empty()) {
        let Some(best) = s.rank(&l.question, 1).into_iter().next() else {
            unmatched.push(l.question.id.clone());
            continue;
        };
        let Some(obj) = find_object(&tree, l.at, l.end) else { continue };
        edits.extend(cite_edit(source, obj, &best.selector));
        filled.push(l.question.id.clone());
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut text = source.to_string();
    for (at, end, with) in edits {
        text.replace_range(at..end, &with);
    }
    Ok(Filled { text, filled, unmatched })
}

/// The question object spanning `at..end` in the tree.
fn find_object<'t>(tree: &'t Value<'t>, at: usize, end: usize) -> Option<&'t Value<'t>> {
    let V::Obj(members) = &tree.v else { return None };
    let m = members.iter().find(|m| m.key == "questions")?;
    let V::Arr(items) = &m.value.v else { return None };
    items.iter().find(|v| v.at == at && v.end == end)
}

/// The edit (`at..end` replaced by text) that gives `obj` the citation.
fn cite_edit(source: &str, obj: &Value, sel: &Selector) -> Option<(usize, usize, String)> {
    let V::Obj(members) = &obj.v else { return None };
    let anchor = members.iter().find(|m| m.key == "explanation").or_else(|| members.last())?;
    let line_start = |at: usize| source.get(..at).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
    let indent_of = |at: usize| {
        let start = line_start(at);
        let line = source.get(start..at).unwrap_or("");
        let n = line.len() - line.trim_start().len();
        line.get(..n).unwrap_or("").to_string()
    };
    // Multi-line when the member starts a line of its own.
    let multiline =
        source.get(line_start(anchor.at)..anchor.at).is_some_and(|s| s.trim().is_empty());
    let array = if multiline {
        let member = indent_of(anchor.at);
        let step =
            member.strip_prefix(&indent_of(obj.at)).filter(|s| !s.is_empty()).unwrap_or("  ");
        cite_array(sel, &member, step)
    } else {
        cite_array(sel, "", "")
    };
    if let Some(cite) = members.iter().find(|m| m.key == "cite") {
        return Some((cite.value.at, cite.value.end, array));
    }
    let sep = if multiline { format!(",\n{}", indent_of(anchor.at)) } else { ", ".to_string() };
    Some((anchor.value.end, anchor.value.end, format!("{sep}\"cite\": {array}")))
}

/// `[{"exact": …, "suggested": true}]`, laid out from `indent` (the
/// member's) in steps of `step`, or on one line when `step` is empty.
fn cite_array(sel: &Selector, indent: &str, step: &str) -> String {
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut fields = vec![format!("\"exact\": {}", string(&sel.exact))];
    fields.extend(sel.prefix.as_deref().map(|p| format!("\"prefix\": {}", string(p))));
    fields.extend(sel.suffix.as_deref().map(|p| format!("\"suffix\": {}", string(p))));
    fields.push("\"suggested\": true".to_string());
    if step.is_empty() {
        return format!("[{{{}}}]", fields.join(", "));
    }
    let inner = format!("{indent}{step}{step}");
    let lines: Vec<String> = fields.iter().map(|f| format!("{inner}{f}")).collect();
    format!("[\n{indent}{step}{{\n{}\n{indent}{step}}}\n{indent}]", lines.join(",\n"))
}

/// How often the sentences a bank cites come out on top when its
/// citations are hidden: for each k, the questions with at least one cited
/// sentence among the top k suggestions.
#[derive(Debug, Clone, PartialEq)]
pub struct Recall {
    /// The questions counted (every question of the bank).
    pub questions: usize,
    /// For each k asked for: (k, questions hit).
    pub hits: Vec<(usize, usize)>,
    /// The sentences cited, counted once per question.
    pub cited: usize,
    /// For each k asked for: (k, cited sentences among their question's
    /// top k).
    pub found: Vec<(usize, usize)>,
}

impl Recall {
    /// recall@k as a fraction, 0 when k was not asked for.
    pub fn at(&self, k: usize) -> f64 {
        let hits = self.hits.iter().find(|h| h.0 == k).map_or(0, |h| h.1);
        hits as f64 / self.questions.max(1) as f64
    }

    /// The share of cited sentences among their question's top k.
    pub fn sentences_at(&self, k: usize) -> f64 {
        let found = self.found.iter().find(|h| h.0 == k).map_or(0, |h| h.1);
        found as f64 / self.cited.max(1) as f64
    }
}

/// Ranks every question of the checked `bank` (whose text is `source`)
/// with its citations stripped, and counts, for each k in `ks`, the
/// questions that have a sentence they cited among the top k suggestions
/// (a question citing several sentences is hit by any one of them).
///
/// # Errors
/// As `read_questions`.
pub fn recall(
    source: &str,
    bank: &crate::bank::Bank,
    options: Options,
    ks: &[usize],
) -> Result<Recall, Vec<Diagnostic>> {
    let s = Suggester::new(bank.article(), options);
    let top = ks.iter().copied().max().unwrap_or(0);
    let mut hits: Vec<(usize, usize)> = ks.iter().map(|&k| (k, 0)).collect();
    let mut found = hits.clone();
    let mut all_cited = 0;
    let questions = read_questions(source)?;
    for mut l in questions.iter().map(|l| l.question.clone()) {
        let mut cited: Vec<&str> = bank
            .question(&l.id)
            .map(|q| {
                q.citations().iter().flat_map(|c| c.sentences.iter().map(String::as_str)).collect()
            })
            .unwrap_or_default();
        cited.sort_unstable();
        cited.dedup();
        all_cited += cited.len();
        l.cite.clear();
        let ranked = s.rank(&l, top);
        for (k, n) in &mut hits {
            if ranked.iter().take(*k).any(|r| cited.contains(&r.sentence.as_str())) {
                *n += 1;
            }
        }
        for (k, n) in &mut found {
            *n += ranked.iter().take(*k).filter(|r| cited.contains(&r.sentence.as_str())).count();
        }
    }
    Ok(Recall { questions: questions.len(), hits, cited: all_cited, found })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Normalizer;

    const ARTICLE: &str =
        include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

    fn article() -> Article {
        match Article::parse(ARTICLE, Normalizer::default()) {
            Ok(a) => a,
            Err(d) => panic!("{d:?}"),
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_lowercase() {
        assert_eq!(
            words("Putin's U.S. pivot—in 2014!"),
            ["putin's", "u", "s", "pivot", "in", "2014"]
        );
        assert_eq!(words("Россия’s 'quoted'"), ["россия's", "quoted"]);
    }

    #[test]
    fn stemming_follows_the_language() {
        assert!(matches!(algorithm(Some("ru-RU")), Algorithm::Russian));
        assert!(matches!(algorithm(Some("en")), Algorithm::English));
        assert!(matches!(algorithm(Some("xx")), Algorithm::English));
        assert!(matches!(algorithm(None), Algorithm::English));
    }

    #[test]
    fn a_question_finds_its_sentence_and_scores_lie_in_0_1() {
        let a = article();
        let s = Suggester::new(&a, Options::default());
        let q = RawQuestion {
            id: "q".into(),
            kind: Kind::TrueFalse,
            prompt: "Moscow and Beijing always have the same interests.".into(),
            explanation: "Their interests don't always coincide.".into(),
            answer: Some(Answer::Bool(false)),
            ..RawQuestion::default()
        };
        let ranked = s.rank(&q, 3);
        assert_eq!(ranked.first().map(|r| r.sentence.as_str()), Some("p2.s2"), "{ranked:#?}");
        assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(ranked.iter().all(|r| (0.0..=1.0).contains(&r.score) && r.score > 0.0));
        for r in &ranked {
            let found = a
                .anchor(&r.selector)
                .found()
                .map(|f| (f.exact, a.sentences_in(&f.span).next().map(|s| s.id.clone())));
            assert_eq!(found, Some((true, Some(r.sentence.clone()))));
        }
    }

    /// Russian words match across their endings only through the Russian
    /// stemmer: "санкциями" and "санкций", "Китаю" and "Китай".
    #[test]
    fn a_russian_article_is_stemmed_as_russian() {
        let json = serde_json::json!({
            "format": "citequiz-article/1", "id": "ru", "title": "Т", "author": "А",
            "publisher": "И", "date": "2020-12-02", "url": "https://example.com/ru",
            "language": "ru",
            "paragraphs": [
                "Москва и Пекин не всегда согласны. Запад давит на Россию санкциями.",
                "Зависимость от Китая растёт. Погода была хорошей."
            ]
        })
        .to_string();
        let a = match Article::parse(&json, Normalizer::default()) {
            Ok(a) => a,
            Err(d) => panic!("{d:?}"),
        };
        let s = Suggester::new(&a, Options::default());
        let q = |prompt: &str| RawQuestion {
            prompt: prompt.into(),
            explanation: "".into(),
            options: None,
            ..RawQuestion::default()
        };
        let top = |prompt: &str| s.rank(&q(prompt), 1).first().map(|r| r.sentence.clone());
        assert_eq!(top("Какие санкций у Запада?").as_deref(), Some("p1.s2"));
        assert_eq!(top("Растущая зависимость от Китая").as_deref(), Some("p2.s1"));
    }

    #[test]
    fn a_question_with_no_word_of_the_article_gets_nothing() {
        let a = article();
        let s = Suggester::new(&a, Options::default());
        let q = RawQuestion {
            prompt: "Zzyzx qwv?".into(),
            explanation: "Xq.".into(),
            ..RawQuestion::default()
        };
        assert!(s.rank(&q, 3).is_empty());
    }
}
