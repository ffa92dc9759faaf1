//! Compiled banks (`citequiz-compiled/1`): a bank already checked and
//! anchored, with its article inlined, in one file a page fetches instead
//! of a bank and then its article.
//!
//! `citequiz compile` writes one from a bank that checks (`Bank::compile`,
//! native); the widget and the headless API read it with
//! `Bank::load_compiled`, which skips what `Bank::load` spends its time on:
//! the rules (they held when it was compiled), anchoring (every citation's
//! span, Part B's quotes' spans and the article's sentences are given in
//! chars), folding and indexing the article's text (built only if
//! something anchors later), splitting sentences, and hashing (each
//! question's content hash is given).
//!
//! Laid out for the wire and for memory: what the player never reads is
//! left out (the article's path, `$schema`, the bank's default `tries`,
//! folded into each question, and `suggested` marks); a quote is written
//! only where the article's text of its span differs from it (an
//! approximate one), a score only where it is not 1, and default values
//! not at all; questions are read one by one as they are parsed, as a raw
//! bank's are.
//!
//! Invariant: reading a compiled file never panics and never builds a
//! `Bank` a view cannot show: every span is checked to lie in the article
//! (in chars, so no span can cut a char), sentences lie in order in their
//! paragraph, kinds are known, a fill-in's gaps match its text, a
//! matching's answer covers its left items, and any problem is a
//! `Diagnostic` with its JSON path and line:column that says to compile
//! the bank again. A file of another format version says which one this
//! citequiz reads.

use super::model::{Bank, Body, Citation, Head, Question};
use super::raw::{BANK_FORMAT, Kind, PartB, QuoteOption};
use super::read;
use super::validate::{MAX_BANK_BYTES, MAX_QUESTIONS};
use crate::article::{Article, Normalizer, Offsets, Selector};
use crate::diag::{Code, Diagnostic};
use crate::json::pieces::Split;
use crate::json::read::{Obj, Path, Reader, declared_format, str_item, syntax_diagnostic};
use crate::json::set_pos;
use crate::json::value::{self, V, Value};
use crate::text::cat;

/// The only compiled format this version reads and writes.
pub const COMPILED_FORMAT: &str = "citequiz-compiled/1";

/// The largest compiled file, in bytes: a bank and its article.
pub const MAX_COMPILED_BYTES: usize = 2 * MAX_BANK_BYTES;

/// What every problem with a compiled file tells the reader to do.
const RECOMPILE: &str = "the compiled bank is damaged or was edited by hand: compile it again \
                         from the bank with `citequiz compile BANK`";

const BANK: &[&str] = &[
    "format",
    "id",
    "title",
    "description",
    "language",
    "pass_percent",
    "try_penalty",
    "shuffle_questions",
    "shuffle_options",
    "article",
    "sentences",
    "questions",
];
const QUESTION: &[&str] = &[
    "id",
    "kind",
    "prompt",
    "explanation",
    "cite",
    "points",
    "tags",
    "hints",
    "tries",
    "hash",
    "options",
    "answer",
    "answers",
    "feedback",
    "text",
    "gaps",
    "tolerance",
    "unit",
    "items",
    "left",
    "right",
    "part_a",
    "part_b",
];
/// A resolved citation: its span in chars, then the selector's fields
/// that differ from the article's text, and its score when not exact.
const CITE: &[&str] = &["at", "exact", "prefix", "suffix", "score"];
const PART_B: &[&str] = &["prompt", "options", "answer"];
const QUOTE_OPTION: &[&str] = &["id", "quote", "feedback"];

/// A citation as read, before the article (which comes whole only at the
/// end of the parse) resolves it.
#[derive(Default)]
struct Pending {
    exact: Option<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    start: usize,
    end: usize,
    score: Option<f64>,
    /// Byte offset of its `at`, for a diagnostic.
    at: usize,
}

/// A question read, its citations (and Part B's quotes) pending.
struct Read {
    q: Question,
    cites: Vec<Pending>,
    quotes: Vec<Pending>,
}

impl Bank {
    /// Reads a compiled bank (`citequiz compile`'s output): its questions,
    /// article, spans and hashes as they were when the bank checked, with
    /// no rule checked again. `normalizer` folds the article's text should
    /// anything anchor in it later.
    ///
    /// # Errors
    /// Malformed JSON, another format (a raw bank, another version), a
    /// missing or mistyped field, a span outside the article: every
    /// problem with its JSON path and line:column, each saying to compile
    /// the bank again.
    pub fn load_compiled(source: &str, normalizer: Normalizer) -> Result<Bank, Vec<Diagnostic>> {
        load(source, normalizer).map_err(|mut diags| {
            for d in &mut diags {
                if d.code != Code::UNKNOWN_FORMAT.as_str() {
                    d.help = Some(RECOMPILE.to_string());
                }
            }
            diags
        })
    }
}

fn load(source: &str, normalizer: Normalizer) -> Result<Bank, Vec<Diagnostic>> {
    if source.len() > MAX_COMPILED_BYTES {
        let size = source.len().to_string();
        let most = MAX_COMPILED_BYTES.to_string();
        return Err(vec![Diagnostic::error(
            Code::TOO_LARGE,
            "",
            cat(&["the compiled bank is ", &size, " bytes; the largest accepted is ", &most]),
        )]);
    }
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut read = Questions::default();
    let mut count = 0;
    let mut each = |i: usize, v: Value<'_>| {
        count += 1;
        if i < MAX_QUESTIONS {
            let mut r = Reader::new(source);
            read.add(question(&mut r, &v, i));
            diags.append(&mut r.diags);
        }
    };
    let (tree, trailing) = value::parse_streaming(source, "questions", &mut each)
        .map_err(|e| vec![syntax_diagnostic(source, &e)])?;
    let (head, article) = head(source, &tree, trailing, count, normalizer, &mut diags)?;
    read.resolve(head, article, source, diags)
}

/// The questions read so far: each checked `Question` (its citations
/// still empty) and, apart, its citations and Part B's quotes pending
/// until the article is read, so that resolving fills the questions in
/// place rather than building a second list beside the first.
#[derive(Default)]
struct Questions {
    questions: Vec<Question>,
    pending: Vec<(Vec<Pending>, Vec<Pending>)>,
}

impl Questions {
    fn add(&mut self, q: Option<Read>) {
        if let Some(Read { q, cites, quotes }) = q {
            self.questions.push(q);
            self.pending.push((cites, quotes));
        }
    }

    /// The bank, every citation resolved in `article`; or every problem.
    fn resolve(
        self,
        head: Head,
        article: Article,
        source: &str,
        mut diags: Vec<Diagnostic>,
    ) -> Result<Bank, Vec<Diagnostic>> {
        let Questions { mut questions, pending } = self;
        let offsets = Offsets::new(article.text());
        for (i, (q, (cites, quotes))) in questions.iter_mut().zip(pending).enumerate() {
            let list = Path::Root.key("questions");
            let qp = list.index(i);
            let cp = qp.key("cite");
            q.cite = resolve_all(cites, &article, &offsets, &cp, source, &mut diags).into();
            match &mut q.body {
                Body::Evidence { target } => {
                    let cites = &q.cite;
                    *target = article
                        .sentences()
                        .iter()
                        .filter(|s| cites.iter().any(|c| c.sentences.contains(&s.id)))
                        .map(|s| s.id.clone())
                        .collect();
                }
                Body::TwoPart { part_b, quotes: resolved, .. } => {
                    let bp = qp.key("part_b");
                    let op = bp.key("options");
                    *resolved =
                        resolve_all(quotes, &article, &offsets, &op, source, &mut diags).into();
                    for (o, c) in part_b.options.iter_mut().zip(resolved.iter()) {
                        o.quote = c.selector.clone();
                    }
                }
                _ => {}
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        Ok(Bank::new(head, questions, article))
    }
}

/// The bank's own fields and its article from the parsed file (`tree`,
/// whose questions, `count` of them, were read apart), or every problem
/// found in them and before (`diags`).
fn head(
    source: &str,
    tree: &Value<'_>,
    trailing: Option<value::SyntaxError>,
    count: usize,
    normalizer: Normalizer,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Head, Article), Vec<Diagnostic>> {
    let mut r = Reader::new(source);
    let Some(o) = r.open(tree, Path::Root, tree.at) else { return Err(r.diags) };
    // Another format is said first: its other members mean something else.
    if let Err(found) = declared_format(source, &o, COMPILED_FORMAT) {
        let at = o.get("format").map_or(tree.at, |m| m.value.at);
        return Err(vec![format_diagnostic(found.as_deref(), source, at)]);
    }
    let Some(o) = r.obj(tree, Path::Root, tree.at, BANK) else { return Err(r.diags) };
    let head = Head {
        id: o.str(&mut r, "id"),
        title: o.str(&mut r, "title"),
        description: o.opt_str(&mut r, "description"),
        language: o.opt_str(&mut r, "language"),
        pass_percent: o.f64(&mut r, "pass_percent"),
        try_penalty: o.f64(&mut r, "try_penalty"),
        shuffle_questions: o.bool_or(&mut r, "shuffle_questions", true),
        shuffle_options: o.bool_or(&mut r, "shuffle_options", true),
    };
    let article = article(&mut r, &o, tree.at, normalizer);
    if let Some(e) = trailing {
        r.diags.push(syntax_diagnostic(source, &e));
    }
    if count == 0 && r.errors == 0 {
        let at = o.get("questions").map_or(tree.at, |m| m.value.at);
        r.error(Code::NO_QUESTIONS, &Path::Root.key("questions"), at, "no questions".into());
    }
    if count > MAX_QUESTIONS {
        let at = o.get("questions").map_or(tree.at, |m| m.value.at);
        let message = cat(&["more than ", &MAX_QUESTIONS.to_string(), " questions"]);
        r.error(Code::TOO_MANY_QUESTIONS, &Path::Root.key("questions"), at, message);
    }
    diags.append(&mut r.diags);
    match article {
        Some(article) if diags.is_empty() => Ok((head, article)),
        _ => Err(std::mem::take(diags)),
    }
}

/// A compiled bank read from its bytes in pieces, as they are handed over
/// (`push`), so that its whole text never has to be in memory at once
/// (a Wasm module's memory never shrinks): the bank's own fields and its
/// article are kept as text, then each question is read as soon as its
/// last byte has come, from its own text, and that text dropped
/// (`json::pieces`).
///
/// This is the fast path of a well-formed file, as `citequiz compile`
/// writes it (`questions` an array of objects among the root's members,
/// nothing wrong anywhere). At the first thing it does not expect, and for
/// any problem, it gives up (`finish` returns None): the caller then reads
/// the whole text with `Bank::load_compiled`, whose diagnostics say where,
/// in line and column, which pieces could not. So a bank it returns is the
/// bank `Bank::load_compiled` returns for the same bytes.
pub struct CompiledPieces {
    split: Split,
    read: Questions,
}

impl Default for CompiledPieces {
    fn default() -> Self {
        CompiledPieces::new()
    }
}

impl CompiledPieces {
    /// Nothing received yet.
    pub fn new() -> CompiledPieces {
        let split = Split::new(b"\"questions\"", MAX_COMPILED_BYTES);
        CompiledPieces { split, read: Questions::default() }
    }

    /// Whether it has given up: the bytes not yet pushed need not be.
    pub fn failed(&self) -> bool {
        self.split.failed()
    }

    /// The next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) {
        let read = &mut self.read;
        self.split.push(bytes, &mut |i, text, v| {
            let mut r = Reader::new(text);
            let q = question(&mut r, v, i);
            let ok = i < MAX_QUESTIONS && r.diags.is_empty() && q.is_some();
            read.add(q);
            ok
        });
    }

    /// The bank; None if it gave up, or if anything in the file is wrong:
    /// read the whole text with `Bank::load_compiled` then.
    pub fn finish(self, normalizer: Normalizer) -> Option<Bank> {
        let count = self.split.count();
        let head = self.split.finish()?;
        let mut streamed = false;
        let (tree, trailing) =
            value::parse_streaming(&head, "questions", &mut |_, _| streamed = true).ok()?;
        if streamed {
            return None;
        }
        let mut diags = Vec::new();
        let (own, article) =
            self::head(&head, &tree, trailing, count, normalizer, &mut diags).ok()?;
        self.read.resolve(own, article, &head, diags).ok()
    }
}

/// A file of another format (`found`; None when it declares none).
fn format_diagnostic(found: Option<&str>, source: &str, at: usize) -> Diagnostic {
    let this = found
        .map_or_else(|| "declares no format".to_string(), |f| cat(&["is of format \"", f, "\""]));
    let help = if found == Some(BANK_FORMAT) {
        cat(&["this is a bank as authors write it: load it with its article, or compile it \
               with `citequiz compile BANK`"])
    } else {
        cat(&["compile the bank again with this citequiz: `citequiz compile BANK`"])
    };
    let message = cat(&[
        "this citequiz reads compiled banks of format \"",
        COMPILED_FORMAT,
        "\"; this file ",
        &this,
    ]);
    let mut d = Diagnostic::error(Code::UNKNOWN_FORMAT, "format", message).with_help(help);
    set_pos(&mut d, source, at);
    d
}

/// The inlined article: its DTO (as in its own file) and, from the bank's
/// `sentences`, its sentences, checked to lie in order within their
/// paragraphs.
fn article(r: &mut Reader, o: &Obj, at: usize, n: Normalizer) -> Option<Article> {
    let before = r.errors;
    let raw = o.with(r, "article", crate::article::read_fields).flatten();
    let lens: Vec<usize> =
        raw.iter().flat_map(|raw| raw.paragraphs.iter().map(|p| p.chars().count())).collect();
    let sentences = o.arr(r, "sentences", |r, v, path| {
        let V::Arr(list) = &v.v else {
            r.wrong_type(&path, v.at, "an array of [start, end] char ranges", &v.v);
            return Vec::new();
        };
        let i = match &path {
            Path::Index(_, i) => *i,
            _ => 0,
        };
        let len = lens.get(i).copied();
        let mut done = 0;
        let mut out = Vec::with_capacity(list.len());
        for (j, s) in list.iter().enumerate() {
            let here = path.index(j);
            let (start, end) = range(r, s, here);
            if len.is_none_or(|len| start < done || end < start || end > len) {
                let m = cat(&[
                    "the sentence's range ",
                    &start.to_string(),
                    "..",
                    &end.to_string(),
                    " is not in order within its paragraph",
                ]);
                r.error(Code::OUT_OF_RANGE, &here, s.at, m);
            }
            done = end;
            out.push((start, end));
        }
        out
    });
    if sentences.len() != lens.len() && r.errors == before {
        let m = "`sentences` must hold one list per paragraph".to_string();
        let at = o.get("sentences").map_or(at, |m| m.value.at);
        r.error(Code::OUT_OF_RANGE, &Path::Root.key("sentences"), at, m);
    }
    let raw = raw.filter(|_| r.errors == before)?;
    Some(Article::from_parts(raw, &sentences, n, false))
}

/// A `[start, end]` pair of whole numbers (char offsets).
fn range(r: &mut Reader, v: &Value, path: Path) -> (usize, usize) {
    let whole = |x: &Value| match x.v {
        V::Num(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => Some(n as usize),
        _ => None,
    };
    if let V::Arr(pair) = &v.v
        && let [a, b] = pair.as_slice()
        && let (Some(a), Some(b)) = (whole(a), whole(b))
    {
        return (a, b);
    }
    r.wrong_type(&path, v.at, "a [start, end] pair of char offsets", &v.v);
    (0, 0)
}

/// One question; None when anything in it is missing or mistyped.
fn question(r: &mut Reader, v: &Value, i: usize) -> Option<Read> {
    let list = Path::Root.key("questions");
    let path = list.index(i);
    let before = r.errors;
    let o = r.obj(v, path, v.at, QUESTION)?;
    let kind = o.with(r, "kind", read::kind).unwrap_or_default();
    let cites = o.arr(r, "cite", pending);
    let hash = o.with(r, "hash", hash).unwrap_or(0);
    let tries = o.u32(r, "tries");
    if tries == 0 && r.errors == before {
        let at = o.get("tries").map_or(v.at, |m| m.value.at);
        r.error(Code::OUT_OF_RANGE, &path.key("tries"), at, "`tries` is 0".into());
    }
    let mut quotes = Vec::new();
    let body = match kind {
        Kind::SingleChoice => Body::SingleChoice {
            options: o.arr(r, "options", read::choice),
            answer: o.str(r, "answer"),
        },
        Kind::MultipleChoice => Body::MultipleChoice {
            options: o.arr(r, "options", read::choice),
            answers: o.arr(r, "answers", str_item),
        },
        Kind::TrueFalse => Body::TrueFalse {
            answer: o.with(r, "answer", boolean).unwrap_or(false),
            feedback: o.opt_with(r, "feedback", read::feedback).unwrap_or_default(),
        },
        Kind::FillBlank => {
            let text = o.str(r, "text");
            let gaps = o.arr(r, "gaps", read::gap);
            let segments: Vec<String> = text.split("{}").map(str::to_string).collect();
            if (gaps.is_empty() || segments.len() != gaps.len() + 1) && r.errors == before {
                let at = o.get("gaps").map_or(v.at, |m| m.value.at);
                let m = "the text's gaps and `gaps` do not match".to_string();
                r.error(Code::GAP_COUNT, &path.key("gaps"), at, m);
            }
            Body::FillBlank { segments, gaps }
        }
        Kind::Numeric => Body::Numeric {
            answer: o.f64(r, "answer"),
            tolerance: o.f64_or(r, "tolerance", 0.0),
            unit: o.opt_str(r, "unit"),
        },
        Kind::Ordering => Body::Ordering { items: o.arr(r, "items", read::item) },
        Kind::Matching => {
            let left = o.arr(r, "left", read::item);
            let answer = o.arr(r, "answer", str_item);
            if answer.len() != left.len() && r.errors == before {
                let at = o.get("answer").map_or(v.at, |m| m.value.at);
                let m = "`answer` must name one right item per left item".to_string();
                r.error(Code::UNPAIRED, &path.key("answer"), at, m);
            }
            Body::Matching { left, right: o.arr(r, "right", read::item), answer }
        }
        Kind::Evidence => Body::Evidence { target: Box::default() },
        Kind::TwoPart => {
            let part_a = o.with(r, "part_a", read::part_a);
            let part_b = o.with(r, "part_b", |r, v, path, at| part_b(r, v, path, at, &mut quotes));
            match (part_a, part_b) {
                (Some(part_a), Some(part_b)) => {
                    Body::TwoPart { part_a, part_b, quotes: Box::default() }
                }
                _ => Body::Evidence { target: Box::default() },
            }
        }
    };
    let q = Question {
        id: o.str(r, "id"),
        prompt: o.str(r, "prompt"),
        explanation: o.str(r, "explanation"),
        cite: Box::default(),
        points: o.f64_or(r, "points", super::raw::DEFAULT_POINTS),
        tags: o.arr_or_empty(r, "tags", str_item),
        hints: o.arr_or_empty(r, "hints", read::hint),
        tries,
        body,
        content_hash: hash,
    };
    (r.errors == before).then_some(Read { q, cites, quotes })
}

fn boolean(r: &mut Reader, v: &Value, path: Path, at: usize) -> bool {
    match v.v {
        V::Bool(b) => b,
        ref other => {
            r.wrong_type(&path, at, "true or false", other);
            false
        }
    }
}

/// A content hash: 16 hex digits.
fn hash(r: &mut Reader, v: &Value, path: Path, at: usize) -> u64 {
    if let V::Str(s) = &v.v
        && s.len() == 16
        && let Ok(h) = u64::from_str_radix(s, 16)
    {
        return h;
    }
    r.wrong_type(&path, at, "a content hash (16 hex digits)", &v.v);
    0
}

/// A citation as written: its span (`at`) and what differs from the
/// article's text.
fn pending(r: &mut Reader, v: &Value, path: Path) -> Pending {
    let Some(o) = r.obj(v, path, v.at, CITE) else { return Pending::default() };
    let (start, end) = o.with(r, "at", |r, v, path, _| range(r, v, path)).unwrap_or_default();
    Pending {
        exact: o.opt_str(r, "exact"),
        prefix: o.opt_str(r, "prefix"),
        suffix: o.opt_str(r, "suffix"),
        start,
        end,
        score: o.opt_f64(r, "score"),
        at: o.get("at").map_or(v.at, |m| m.value.at),
    }
}

/// Part B, its quotes' citations pending into `quotes`.
fn part_b(r: &mut Reader, v: &Value, path: Path, at: usize, quotes: &mut Vec<Pending>) -> PartB {
    let Some(o) = r.obj(v, path, at, PART_B) else {
        return PartB { prompt: String::new(), options: Vec::new(), answer: String::new() };
    };
    let options = o.arr(r, "options", |r, v, path| {
        let Some(o) = r.obj(v, path, v.at, QUOTE_OPTION) else {
            return QuoteOption { id: String::new(), quote: Selector::exact(""), feedback: None };
        };
        quotes.push(o.with(r, "quote", |r, v, path, _| pending(r, v, path)).unwrap_or_default());
        QuoteOption {
            id: o.str(r, "id"),
            quote: Selector::exact(""),
            feedback: o.opt_str(r, "feedback"),
        }
    });
    PartB { prompt: o.str(r, "prompt"), options, answer: o.str(r, "answer") }
}

/// The pending citations under `path` (a question's `cite`, or Part B's
/// `options`, whose `quote`s they are) resolved in the article.
fn resolve_all(
    pending: Vec<Pending>,
    article: &Article,
    offsets: &Offsets,
    path: &Path,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Citation> {
    let mut out = Vec::with_capacity(pending.len());
    for (j, p) in pending.into_iter().enumerate() {
        let score = p.score.unwrap_or(1.0);
        let Some((span, text)) =
            offsets.span(p.start, p.end).filter(|_| (0.0..=1.0).contains(&score))
        else {
            let here = path.index(j);
            let m = cat(&[
                "the span ",
                &p.start.to_string(),
                "..",
                &p.end.to_string(),
                " (or its score) does not fit the article of ",
                &offsets.chars().to_string(),
                " chars",
            ]);
            let mut d = Diagnostic::error(Code::OUT_OF_RANGE, here.render(), m);
            set_pos(&mut d, source, p.at);
            diags.push(d);
            continue;
        };
        let sentences = article.sentences_in(&span).map(|s| s.id.clone()).collect();
        let paragraphs = article.paragraphs_in(&span).map(|p| p.id.clone()).collect();
        // The quote is the article's text unless the file says otherwise:
        // one copy of it, which `Citation::new` keeps as both.
        let own = p.exact.is_some().then(|| text.to_string());
        let exact = p.exact.unwrap_or_else(|| text.to_string());
        let selector = Selector { exact, prefix: p.prefix, suffix: p.suffix };
        let exact_match = p.score.is_none();
        out.push(Citation::new(selector, span, own, score, exact_match, sentences, paragraphs));
    }
    out
}

#[cfg(any(not(target_arch = "wasm32"), feature = "check"))]
mod write {
    use super::{Body, COMPILED_FORMAT, Citation, Question};
    use crate::bank::Bank;
    use crate::bank::raw::{ChoiceOption, DEFAULT_HINT_PENALTY, DEFAULT_POINTS, Item};
    use crate::json::write::Writer;

    impl Bank {
        /// The compiled form of this bank (`citequiz-compiled/1`, see
        /// `bank::compiled`), which `Bank::load_compiled` reads back into
        /// the same questions, spans and hashes. One line of JSON.
        pub fn compile(&self) -> String {
            let mut w = Writer::new();
            w.object(|w| {
                w.key("format").str(COMPILED_FORMAT);
                w.key("id").str(&self.head.id);
                w.key("title").str(&self.head.title);
                if let Some(d) = &self.head.description {
                    w.key("description").str(d);
                }
                if let Some(l) = &self.head.language {
                    w.key("language").str(l);
                }
                w.key("pass_percent").num(self.head.pass_percent);
                w.key("try_penalty").num(self.head.try_penalty);
                if !self.head.shuffle_questions {
                    w.key("shuffle_questions").bool(false);
                }
                if !self.head.shuffle_options {
                    w.key("shuffle_options").bool(false);
                }
                article(w, self);
                w.key("questions").array(|w| {
                    for q in &self.questions {
                        question(w, q);
                    }
                });
            });
            let mut out = w.finish();
            out.push('\n');
            out
        }
    }

    /// The article as its own file has it (serde, as `citequiz article
    /// import` writes it), then its sentences as char ranges within each
    /// paragraph.
    fn article(w: &mut Writer, bank: &Bank) {
        let a = &bank.article;
        let raw = a.raw();
        w.key("article").json(&serde_json::to_string(raw).unwrap_or_default());
        let sep = crate::article::PARAGRAPH_SEPARATOR.chars().count();
        let mut starts = Vec::with_capacity(raw.paragraphs.len());
        let mut at = 0;
        for p in &raw.paragraphs {
            starts.push(at);
            at += p.chars().count() + sep;
        }
        w.key("sentences").array(|w| {
            for (i, start) in starts.iter().enumerate() {
                w.array(|w| {
                    for s in a.sentences_of(i) {
                        range(w, s.span.start - start, s.span.end - start);
                    }
                });
            }
        });
    }

    fn range(w: &mut Writer, start: usize, end: usize) {
        w.array(|w| {
            w.num(start as f64);
            w.num(end as f64);
        });
    }

    fn citation(w: &mut Writer, c: &Citation) {
        w.object(|w| {
            w.key("at");
            range(w, c.span.start, c.span.end);
            if c.selector.exact != c.text() {
                w.key("exact").str(&c.selector.exact);
            }
            if let Some(p) = &c.selector.prefix {
                w.key("prefix").str(p);
            }
            if let Some(s) = &c.selector.suffix {
                w.key("suffix").str(s);
            }
            if !c.exact {
                w.key("score").num(c.score);
            }
        });
    }

    fn choices(w: &mut Writer, key: &str, options: &[ChoiceOption]) {
        w.key(key).array(|w| {
            for o in options {
                w.object(|w| {
                    w.key("id").str(&o.id);
                    w.key("text").str(&o.text);
                    if let Some(f) = &o.feedback {
                        w.key("feedback").str(f);
                    }
                });
            }
        });
    }

    fn items(w: &mut Writer, key: &str, items: &[Item]) {
        w.key(key).array(|w| {
            for i in items {
                w.object(|w| {
                    w.key("id").str(&i.id);
                    w.key("text").str(&i.text);
                });
            }
        });
    }

    fn strs(w: &mut Writer, key: &str, list: &[String]) {
        w.key(key).array(|w| list.iter().for_each(|s| w.str(s)));
    }

    fn question(w: &mut Writer, q: &Question) {
        w.object(|w| {
            w.key("id").str(&q.id);
            w.key("kind").str(q.kind().name());
            w.key("prompt").str(&q.prompt);
            w.key("explanation").str(&q.explanation);
            w.key("cite").array(|w| q.cite.iter().for_each(|c| citation(w, c)));
            if q.points != DEFAULT_POINTS {
                w.key("points").num(q.points);
            }
            if !q.tags.is_empty() {
                strs(w, "tags", &q.tags);
            }
            if !q.hints.is_empty() {
                w.key("hints").array(|w| {
                    for h in &q.hints {
                        w.object(|w| {
                            w.key("text").str(&h.text);
                            if h.penalty != DEFAULT_HINT_PENALTY {
                                w.key("penalty").num(h.penalty);
                            }
                        });
                    }
                });
            }
            w.key("tries").num(f64::from(q.tries));
            w.key("hash").str(&format!("{:016x}", q.content_hash));
            match &q.body {
                Body::SingleChoice { options, answer } => {
                    choices(w, "options", options);
                    w.key("answer").str(answer);
                }
                Body::MultipleChoice { options, answers } => {
                    choices(w, "options", options);
                    strs(w, "answers", answers);
                }
                Body::TrueFalse { answer, feedback } => {
                    w.key("answer").bool(*answer);
                    if feedback.on_true.is_some() || feedback.on_false.is_some() {
                        w.key("feedback").object(|w| {
                            if let Some(t) = &feedback.on_true {
                                w.key("true").str(t);
                            }
                            if let Some(f) = &feedback.on_false {
                                w.key("false").str(f);
                            }
                        });
                    }
                }
                Body::FillBlank { segments, gaps } => {
                    w.key("text").str(&segments.join("{}"));
                    w.key("gaps").array(|w| {
                        for g in gaps {
                            w.object(|w| strs(w, "accept", &g.accept));
                        }
                    });
                }
                Body::Numeric { answer, tolerance, unit } => {
                    w.key("answer").num(*answer);
                    if *tolerance != 0.0 {
                        w.key("tolerance").num(*tolerance);
                    }
                    if let Some(u) = unit {
                        w.key("unit").str(u);
                    }
                }
                Body::Ordering { items: list } => items(w, "items", list),
                Body::Matching { left, right, answer } => {
                    items(w, "left", left);
                    items(w, "right", right);
                    strs(w, "answer", answer);
                }
                Body::Evidence { .. } => {}
                Body::TwoPart { part_a, part_b, quotes } => {
                    w.key("part_a").object(|w| {
                        w.key("prompt").str(&part_a.prompt);
                        choices(w, "options", &part_a.options);
                        w.key("answer").str(&part_a.answer);
                    });
                    w.key("part_b").object(|w| {
                        w.key("prompt").str(&part_b.prompt);
                        w.key("options").array(|w| {
                            for (o, c) in part_b.options.iter().zip(quotes) {
                                w.object(|w| {
                                    w.key("id").str(&o.id);
                                    w.key("quote");
                                    citation(w, c);
                                    if let Some(f) = &o.feedback {
                                        w.key("feedback").str(f);
                                    }
                                });
                            }
                        });
                        w.key("answer").str(&part_b.answer);
                    });
                }
            }
        });
    }
}
