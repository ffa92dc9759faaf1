//! From bank text to a checked `Bank`, collecting every problem on the way.
//!
//! Each question is read (`bank::read`) and checked as soon as the parser
//! has it (`json::value::parse_streaming`), on its own, so one bad question
//! doesn't hide the others; the bank's own fields are read once the text
//! is parsed, and what needs them waits till then. Every diagnostic carries a
//! JSON path; positions are found only for the diagnostics there are.

use super::model::{Bank, Body, Citation, Head as Own, Question};
use super::raw::{BANK_FORMAT, ChoiceOption, Item, KIND_FIELDS, Kind, RawBank, RawQuestion};
use super::read;
use crate::article::{AnchorResult, Anchored, Article, Selector};
use crate::diag::{Code, Diagnostic, did_you_mean, has_errors};
use crate::json::pieces::Split;
use crate::json::read::{Path, Reader, syntax_diagnostic};
use crate::json::value::{self, Value};
use crate::json::{locate, set_pos};
use crate::text::cat;

mod arrange;
mod choice;
mod entry;

/// The most questions a bank may hold.
pub const MAX_QUESTIONS: usize = 10_000;
/// The largest bank file, in bytes.
pub const MAX_BANK_BYTES: usize = 16 * 1024 * 1024;
/// The longest text field (prompt, option, explanation…), in chars.
pub const MAX_TEXT_CHARS: usize = 200_000;
/// The most options, items or quotes in one question.
pub const MAX_OPTIONS: usize = 50;
/// The most citations of one question.
pub const MAX_CITATIONS: usize = 10;
/// The longest question id.
pub const MAX_ID_CHARS: usize = 128;

/// The bank's fields, each question still a JSON value.
type Head<'v> = RawBank<&'v Value<'v>>;

/// A question's source slice and where it starts in the file.
struct Src<'a> {
    text: &'a str,
    offset: usize,
}

/// Reads the bank's `article` path without checking anything else, so a
/// caller can load the article before the bank.
///
/// # Errors
/// The bank is not JSON, or has no string `article` field.
pub fn article_path(source: &str) -> Result<String, Vec<Diagnostic>> {
    let (tree, trailing) = value::parse(source).map_err(|e| vec![syntax_diagnostic(source, &e)])?;
    let mut r = Reader::new(source);
    let Some(o) = r.open(&tree, Path::Root, tree.at) else { return Err(r.diags) };
    // A bank of another format version is named as such first: whatever else
    // it holds (even its article) may mean something else there.
    if let Some(format) = o.get("format")
        && let value::V::Str(f) = &format.value.v
        && f != BANK_FORMAT
    {
        return Err(vec![format_diagnostic(f, source, format.at)]);
    }
    let article = Some(o.str(&mut r, "article"));
    match (article, trailing) {
        (Some(a), None) if r.errors == 0 => Ok(a),
        (Some(_), Some(e)) if r.errors == 0 => Err(vec![syntax_diagnostic(source, &e)]),
        _ => Err(r.diags),
    }
}

pub(super) fn load(
    source: &str,
    file: Option<&str>,
    article: Article,
) -> Result<(Bank, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let outcome = check(source, article, &mut diags);
    for d in &mut diags {
        d.file = file.map(str::to_string);
    }
    match outcome {
        Some(bank) if !has_errors(&diags) => Ok((bank, diags)),
        _ => Err(diags),
    }
}

/// What became of one question as it was parsed: the problems found reading
/// it (`parse`) and checking it (`check`), kept apart because a bank whose
/// own fields are wrong reports only the first; its id when it could be
/// read; and where it stands in the source (byte offsets).
struct Seen {
    parse: Vec<Diagnostic>,
    check: Vec<Diagnostic>,
    id: Option<String>,
    at: usize,
    end: usize,
}

fn check(source: &str, article: Article, diags: &mut Vec<Diagnostic>) -> Option<Bank> {
    if source.len() > MAX_BANK_BYTES {
        diags.push(
            Diagnostic::error(
                Code::TOO_LARGE,
                "",
                format!(
                    "the bank is {} bytes; the largest accepted is {MAX_BANK_BYTES}",
                    source.len()
                ),
            )
            .with_help("split it into several banks"),
        );
        return None;
    }
    // Each question is read and checked as soon as it is parsed, and its
    // JSON tree and raw form dropped: neither the bank's whole tree nor all
    // its raw questions ever exist at once beside the checked ones (a Wasm
    // module's memory never shrinks). A question whose `tries` is the
    // bank's gets 0 here, filled in once the bank's fields are read.
    let mut seen: Vec<Seen> = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut each = |i: usize, q: Value<'_>| {
        let mut parse = Vec::new();
        let mut check = Vec::new();
        // Past the limit, only counted: the bank is refused below.
        let raw = if i < MAX_QUESTIONS { parse_question(source, &q, i, &mut parse) } else { None };
        let id = raw.as_ref().map(|r| r.id.clone());
        if let Some(checked) = raw.and_then(|raw| check_question(raw, i, &article, &mut check)) {
            questions.push(checked);
        }
        seen.push(Seen { parse, check, id, at: q.at, end: q.end });
    };
    let (tree, trailing) = match value::parse_streaming(source, "questions", &mut each) {
        Ok(parsed) => parsed,
        Err(e) => {
            diags.push(syntax_diagnostic(source, &e));
            return None;
        }
    };
    let mut r = Reader::new(source);
    let head = read::head(&mut r, &tree);
    sort_by_position(&mut r.diags);
    diags.append(&mut r.diags);
    let head = match (head, trailing) {
        (Some(head), None) if r.errors == 0 => head,
        (_, trailing) => {
            if r.errors == 0 {
                diags.extend(trailing.map(|e| syntax_diagnostic(source, &e)));
            }
            // Still the questions' reading problems, so that they show in
            // the same run.
            for q in seen {
                diags.extend(q.parse);
            }
            return None;
        }
    };
    check_head(&head, diags);
    if seen.len() > MAX_QUESTIONS {
        diags.push(
            Diagnostic::error(
                Code::TOO_MANY_QUESTIONS,
                "questions",
                format!(
                    "the bank has {} questions; the most accepted is {MAX_QUESTIONS}",
                    seen.len()
                ),
            )
            .with_help("split it into several banks"),
        );
        position(source, diags);
        return None;
    }
    let earlier = first_uses(seen.iter().map(|q| q.id.as_deref()));
    let no_questions = seen.is_empty();
    for (i, Seen { parse, check, id, at, end }) in seen.into_iter().enumerate() {
        let src = Src { text: source.get(at..end).unwrap_or(""), offset: at };
        let first = diags.len();
        diags.extend(parse);
        if let (Some(&Some(prev)), Some(id)) = (earlier.get(i), &id) {
            diags.push(
                Diagnostic::error(
                    Code::DUPLICATE_ID,
                    format!("questions[{i}].id"),
                    format!("the id \"{id}\" is already used by questions[{prev}]"),
                )
                .with_help("give every question its own id; progress and reports key on it"),
            );
        }
        diags.extend(check);
        for d in diags.iter_mut().skip(first) {
            position_in(source, &src, d);
        }
    }
    if no_questions {
        diags.push(
            Diagnostic::error(Code::NO_QUESTIONS, "questions", "the bank has no questions")
                .with_help("add at least one question"),
        );
    }
    position(source, diags);
    if has_errors(diags) {
        return None;
    }
    Some(bank(head, questions, article))
}

/// The checked bank of the bank's own fields (checked), its questions
/// (each checked, each with its tries) and its article, which lets go of
/// its anchoring index as a compiled bank's does: every citation is
/// anchored now, and what anchors later builds it again.
fn bank<Q>(head: RawBank<Q>, mut questions: Vec<Question>, mut article: Article) -> Bank {
    article.forget_norm();
    for q in questions.iter_mut().filter(|q| q.tries == 0) {
        q.tries = head.tries.max(1);
    }
    let own = Own {
        id: head.id,
        title: head.title,
        description: head.description,
        language: head.language,
        pass_percent: head.pass_percent,
        try_penalty: head.try_penalty,
        shuffle_questions: head.shuffle_questions,
        shuffle_options: head.shuffle_options,
    };
    Bank::new(own, questions, article)
}

/// A bank read from its bytes in pieces, as they are handed over (`push`),
/// against its article, so that its whole text never has to be in memory
/// at once (a Wasm module's memory never shrinks): each question is read
/// and checked as soon as its last byte has come, from its own text
/// (`json::pieces`), the bank's own fields at the end.
///
/// The fast path of a bank with no error: at the first thing the split
/// does not expect, and at any error, it gives up (`finish` returns None),
/// and the caller reads the whole text with `Bank::load`,
/// whose diagnostics say where. Warnings are not kept (the widget shows
/// none). So a bank it returns is the bank `Bank::load` returns.
pub struct BankPieces {
    split: Split,
    article: Article,
    questions: Vec<Question>,
}

impl BankPieces {
    /// Nothing received yet of a bank drawn from `article`.
    pub fn new(article: Article) -> BankPieces {
        let split = Split::new(b"\"questions\"", MAX_BANK_BYTES);
        BankPieces { split, article, questions: Vec::new() }
    }

    /// Whether it has given up: the bytes not yet pushed need not be.
    pub fn failed(&self) -> bool {
        self.split.failed()
    }

    /// The next bytes of the bank.
    pub fn push(&mut self, bytes: &[u8]) {
        let (questions, article) = (&mut self.questions, &self.article);
        self.split.push(bytes, &mut |i, text, v| {
            let mut diags = Vec::new();
            let raw = match parse_question(text, v, i, &mut diags) {
                Some(raw) if i < MAX_QUESTIONS && !has_errors(&diags) => raw,
                _ => return false,
            };
            match check_question(raw, i, article, &mut diags) {
                Some(q) if !has_errors(&diags) => questions.push(q),
                _ => return false,
            }
            true
        });
    }

    /// The checked bank; None if it gave up or anything is an error: read
    /// the whole text with `Bank::load` then.
    pub fn finish(self) -> Option<Bank> {
        let BankPieces { split, article, questions } = self;
        let count = split.count();
        let text = split.finish()?;
        let mut streamed = false;
        let Ok((tree, None)) =
            value::parse_streaming(&text, "questions", &mut |_, _| streamed = true)
        else {
            return None;
        };
        let mut r = Reader::new(&text);
        let head = read::head(&mut r, &tree);
        let mut diags = Vec::new();
        let head = match head {
            Some(head) if !streamed && count > 0 && r.errors == 0 => head,
            _ => return None,
        };
        check_head(&head, &mut diags);
        if has_errors(&diags) {
            return None;
        }
        let bank = bank(head, questions, article);
        // A repeated id: the index by id kept only its first question.
        (bank.by_id.len() == bank.questions.len()).then_some(bank)
    }
}

/// For each id (None for a question that could not be read), the index of
/// its first use when it is a repeat.
fn first_uses<'a>(ids: impl Iterator<Item = Option<&'a str>>) -> Vec<Option<usize>> {
    let ids: Vec<Option<&str>> = ids.collect();
    let mut sorted: Vec<(&str, usize)> =
        ids.iter().enumerate().filter_map(|(i, id)| Some(((*id)?, i))).collect();
    sort_ids(&mut sorted);
    let mut out = vec![None; ids.len()];
    let mut group_start = 0;
    for (k, &(id, i)) in sorted.iter().enumerate() {
        match sorted.get(group_start) {
            Some(&(first_id, first)) if first_id == id && k > group_start => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(first);
                }
            }
            _ => group_start = k,
        }
    }
    out
}

/// Question ids sorted for binary search, each with its question's index
/// (the first question, should an id repeat).
pub(super) fn index_by_id(questions: &[Question]) -> Vec<(String, usize)> {
    let mut by_id: Vec<(&str, usize)> =
        questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
    // Equal ids sort by index, so dedup keeps the first.
    sort_ids(&mut by_id);
    by_id.dedup_by(|later, first| later.0 == first.0);
    by_id.into_iter().map(|(id, i)| (id.to_string(), i)).collect()
}

/// The one sort instantiation these share: each costs the Wasm kilobytes.
fn sort_ids(ids: &mut [(&str, usize)]) {
    ids.sort_unstable();
}

/// A bank of format `found`, which this citequiz does not read; placed at
/// byte `at` of `source` when the source is given.
fn format_diagnostic(found: &str, source: &str, at: usize) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::UNKNOWN_FORMAT,
        "format",
        cat(&[
            "this citequiz reads banks of format \"",
            BANK_FORMAT,
            "\" only; this bank is \"",
            found,
            "\"",
        ]),
    )
    .with_help(if found.starts_with("citequiz-compiled/") {
        cat(&["this is a compiled bank (`citequiz compile`'s output): check, or edit, the bank \
               it was compiled from"])
    } else {
        cat(&[
            "a bank written for a newer citequiz needs that version; otherwise set \"format\": \"",
            BANK_FORMAT,
            "\"",
        ])
    });
    if !source.is_empty() {
        set_pos(&mut d, source, at);
    }
    d
}

fn check_head(head: &Head, diags: &mut Vec<Diagnostic>) {
    if head.format != BANK_FORMAT {
        diags.push(format_diagnostic(&head.format, "", 0));
    }
    non_empty(&head.id, || "id".into(), "the bank's id", diags);
    non_empty(&head.title, || "title".into(), "the title", diags);
    check_id(&head.id, "id", diags);
    if !(0.0..=100.0).contains(&head.pass_percent) {
        diags.push(range_error("pass_percent", head.pass_percent, "0 to 100"));
    }
    if !(0.0..=1.0).contains(&head.try_penalty) {
        diags.push(range_error("try_penalty", head.try_penalty, "0 to 1"));
    }
    if head.tries == 0 {
        diags.push(
            Diagnostic::error(Code::OUT_OF_RANGE, "tries", "`tries` is 0")
                .with_help("give at least 1 try"),
        );
    }
}

fn parse_question(
    source: &str,
    raw: &Value,
    i: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<RawQuestion> {
    let mut r = Reader::new(source);
    let q = read::question(&mut r, raw, Path::Root.key("questions").index(i));
    if r.diags.is_empty() {
        return q;
    }
    sort_by_position(&mut r.diags);
    let id = read::peek_id(raw);
    diags.extend(r.diags.into_iter().map(|d| match &id {
        Some(id) => d.for_question(id.clone()),
        None => d,
    }));
    None
}

/// Puts diagnostics in the order of the text they point at.
fn sort_by_position(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| (d.line, d.column));
}

/// Gives each diagnostic without a position the position of its path.
fn position(source: &str, diags: &mut [Diagnostic]) {
    for d in diags.iter_mut().filter(|d| d.line.is_none()) {
        let at = locate::locate(source, &locate::parse_path(&d.path));
        set_pos(d, source, at);
    }
}

/// Finds a diagnostic's position by searching only its question's slice,
/// which keeps a huge bank with many problems fast.
fn position_in(source: &str, src: &Src, d: &mut Diagnostic) {
    if d.line.is_some() {
        return;
    }
    let Some(rest) = d.path.split_once(']').map(|(_, r)| r.trim_start_matches('.')) else {
        return;
    };
    let at = src.offset + locate::locate(src.text, &locate::parse_path(rest));
    set_pos(d, source, at);
}

fn range_error(path: &str, value: f64, range: &str) -> Diagnostic {
    let value = crate::json::num::display(value);
    Diagnostic::error(Code::OUT_OF_RANGE, path, format!("`{path}` is {value}; it must be {range}"))
        .with_help(format!("use a value from {range}"))
}

/// `path` is built only when there is a problem: building every field's
/// path up front was a fifth of the time to check a large bank.
fn non_empty(
    text: &str,
    path: impl FnOnce() -> String,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let too_long = text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS;
    if !too_long && !text.trim().is_empty() {
        return true;
    }
    let path = path();
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error(Code::EMPTY, path, format!("{what} is empty"))
                .with_help(format!("write {what}")),
        );
        return false;
    }
    {
        diags.push(
            Diagnostic::error(
                Code::TOO_LONG,
                path,
                format!(
                    "{what} is {} chars; the most accepted is {MAX_TEXT_CHARS}",
                    text.chars().count()
                ),
            )
            .with_help("shorten it"),
        );
    }
    false
}

fn check_id(id: &str, path: &str, diags: &mut Vec<Diagnostic>) {
    if id.chars().count() > MAX_ID_CHARS {
        diags.push(
            Diagnostic::error(
                Code::BAD_ID,
                path,
                format!("the id is longer than {MAX_ID_CHARS} chars"),
            )
            .with_help("use a short, stable id such as \"valdai-reply\""),
        );
    } else if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        diags.push(
            Diagnostic::error(Code::BAD_ID, path, format!("the id \"{id}\" contains whitespace"))
                .with_help("use letters, digits, '-', '_', '.' or ':'"),
        );
    }
}

/// Checks a list of options or items: its size, unique non-empty ids,
/// non-empty texts. Returns the set of ids.
fn check_list<'a, T>(
    list: &'a [T],
    path: &str,
    min: usize,
    id_text: impl Fn(&'a T) -> (&'a str, Option<&'a str>),
    diags: &mut Vec<Diagnostic>,
) -> Vec<&'a str> {
    if list.len() < min {
        diags.push(
            Diagnostic::error(
                Code::TOO_FEW,
                path,
                format!("`{}` has {} entries; it needs at least {min}", last_key(path), list.len()),
            )
            .with_help(format!("add entries until there are at least {min}")),
        );
    }
    if list.len() > MAX_OPTIONS {
        diags.push(
            Diagnostic::error(
                Code::TOO_MANY,
                path,
                format!(
                    "`{}` has {} entries; the most accepted is {MAX_OPTIONS}",
                    last_key(path),
                    list.len()
                ),
            )
            .with_help("split the question"),
        );
    }
    let mut ids: Vec<&str> = Vec::new();
    for (j, entry) in list.iter().enumerate() {
        let (id, text) = id_text(entry);
        let here = || format!("{path}[{j}]");
        if id.trim().is_empty() {
            diags.push(
                Diagnostic::error(Code::EMPTY, format!("{}.id", here()), "the id is empty")
                    .with_help("give it an id such as \"a\""),
            );
        } else if ids.contains(&id) {
            diags.push(
                Diagnostic::error(
                    Code::DUPLICATE_ID,
                    format!("{}.id", here()),
                    format!("the id \"{id}\" is used twice in `{}`", last_key(path)),
                )
                .with_help("give each entry its own id"),
            );
        }
        if let Some(text) = text {
            non_empty(text, || format!("{}.text", here()), "the text", diags);
        }
        ids.push(id);
    }
    ids
}

fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// An id that must be among `ids`, with "did you mean" when it is not.
fn check_ref(
    id: &str,
    ids: &[&str],
    path: impl FnOnce() -> String,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    if !ids.contains(&id) {
        let path = path();
        let help = match did_you_mean(id, ids.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("use one of: {}", ids.join(", ")),
        };
        diags.push(
            Diagnostic::error(
                Code::UNKNOWN_REF,
                path,
                format!("\"{id}\" is not the id of any {what}"),
            )
            .with_help(help),
        );
    }
}

fn check_question(
    mut q: RawQuestion,
    i: usize,
    article: &Article,
    diags: &mut Vec<Diagnostic>,
) -> Option<Question> {
    let first = diags.len();
    let p = Path::Root.key("questions").index(i).render();
    if non_empty(&q.id, || format!("{p}.id"), "the question's id", diags) {
        check_id(&q.id, &cat(&[&p, ".id"]), diags);
    }
    non_empty(&q.prompt, || format!("{p}.prompt"), "the prompt", diags);
    non_empty(&q.explanation, || format!("{p}.explanation"), "the explanation", diags);
    if !(q.points.is_finite() && q.points > 0.0) {
        diags.push(range_error(&format!("{p}.points"), q.points, "a number above 0"));
    }
    for (j, tag) in q.tags.iter().enumerate() {
        non_empty(tag, || format!("{p}.tags[{j}]"), "the tag", diags);
    }
    let mut hint_total = 0.0;
    for (j, h) in q.hints.iter().enumerate() {
        non_empty(&h.text, || format!("{p}.hints[{j}].text"), "the hint", diags);
        if !(0.0..=1.0).contains(&h.penalty) {
            diags.push(range_error(&format!("{p}.hints[{j}].penalty"), h.penalty, "0 to 1"));
        }
        hint_total += h.penalty;
    }
    if hint_total > 1.0 {
        diags.push(
            Diagnostic::warning(
                Code::HINT_PENALTIES,
                format!("{p}.hints"),
                format!(
                    "the hints' penalties add up to {}, more than the whole question",
                    crate::json::num::display(hint_total)
                ),
            )
            .with_help(
                "lower the penalties so that taking every hint still leaves something to earn",
            ),
        );
    }
    if q.tries == Some(0) {
        diags.push(
            Diagnostic::error(Code::OUT_OF_RANGE, format!("{p}.tries"), "`tries` is 0")
                .with_help("give at least 1 try"),
        );
    }
    check_foreign_fields(&q, &p, diags);

    if q.cite.is_empty() {
        diags.push(
            Diagnostic::error(Code::NO_CITATION, format!("{p}.cite"), "the question cites nothing")
                .with_help(
                    "add the passage of the article that supports the answer: {\"exact\": \"…\"}, \
                     or run `citequiz suggest BANK --write` to propose one",
                ),
        );
    }
    if q.cite.len() > MAX_CITATIONS {
        diags.push(
            Diagnostic::error(
                Code::TOO_MANY,
                format!("{p}.cite"),
                format!("more than {MAX_CITATIONS} citations"),
            )
            .with_help("cite the few passages that matter"),
        );
    }
    let cites: Vec<Citation> = q
        .cite
        .iter()
        .enumerate()
        .filter_map(|(j, c)| {
            if c.suggested {
                diags.push(
                    Diagnostic::warning(
                        Code::SUGGESTED_CITE,
                        format!("{p}.cite[{j}]"),
                        "this citation was suggested by `citequiz suggest`, not yet confirmed",
                    )
                    .with_help(
                        "read the quoted passage; if it supports the answer, remove \
                         `\"suggested\": true`, otherwise cite the passage that does",
                    ),
                );
            }
            resolve(article, &c.selector, &|| format!("{p}.cite[{j}]"), diags)
        })
        .collect();

    let content_hash = content_hash(&mut q);
    let body = check_body(&mut q, &p, &cites, article, diags);
    let failed = diags.iter().skip(first).any(Diagnostic::is_error);
    for d in diags.iter_mut().skip(first) {
        if d.question.is_none() && !q.id.is_empty() {
            d.question = Some(q.id.clone());
        }
    }
    if failed {
        return None;
    }
    Some(Question {
        // 0: the bank's, filled in by `check` (an explicit 0 is an error).
        tries: q.tries.unwrap_or(0),
        id: q.id,
        prompt: q.prompt,
        explanation: q.explanation,
        cite: cites.into(),
        points: q.points,
        tags: q.tags,
        hints: q.hints,
        body: body?,
        content_hash,
    })
}

/// Fields that belong to another kind are errors: they would be ignored,
/// and an author who wrote them meant something.
fn check_foreign_fields(q: &RawQuestion, p: &str, diags: &mut Vec<Diagnostic>) {
    let (required, optional) = q.kind.fields();
    let own = |f: &str| required.contains(&f) || optional.contains(&f);
    for (field, has) in &KIND_FIELDS {
        let here = has(q);
        if here && !own(field) {
            let takes = if required.is_empty() && optional.is_empty() {
                "no fields of its own".to_string()
            } else {
                required
                    .iter()
                    .chain(optional)
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            diags.push(
                Diagnostic::error(
                    Code::WRONG_KIND_FIELD,
                    format!("{p}.{field}"),
                    format!("`{field}` does not belong to a {} question", q.kind.name()),
                )
                .with_help(format!(
                    "a {} question takes {takes}; remove `{field}` or change `kind`",
                    q.kind.name()
                )),
            );
        }
        if !here && required.contains(field) {
            diags.push(
                Diagnostic::error(
                    Code::MISSING_FIELD,
                    p.to_string(),
                    format!("a {} question needs `{field}`", q.kind.name()),
                )
                .with_help(match super::raw::field_example(q.kind, field) {
                    Some(example) => format!("add `{field}`, e.g. {example}"),
                    None => format!("add `{field}`"),
                }),
            );
        }
    }
}

/// Anchors a selector; an error with the nearest passage when it does not
/// resolve, a warning with the matched text when it resolves only
/// approximately.
fn resolve(
    article: &Article,
    sel: &Selector,
    path: &dyn Fn() -> String,
    diags: &mut Vec<Diagnostic>,
) -> Option<Citation> {
    if !non_empty(&sel.exact, || format!("{}.exact", path()), "the quote", diags) {
        return None;
    }
    match article.anchor(sel) {
        AnchorResult::Found(a) => {
            if !a.exact {
                diags.push(
                    Diagnostic::warning(
                        Code::CITE_APPROXIMATE,
                        format!("{}.exact", path()),
                        format!(
                            "the quote matches the article only approximately (score {}): \"{}\"",
                            crate::json::num::fixed2(a.score),
                            a.text
                        ),
                    )
                    .with_help("copy the article's exact words so the citation cannot drift"),
                );
            }
            Some(citation(article, sel, a))
        }
        AnchorResult::NotFound { nearest } => {
            let d = Diagnostic::error(
                Code::CITE_NOT_FOUND,
                format!("{}.exact", path()),
                format!("the quote \"{}\" is not in the article", clip(&sel.exact, 80)),
            );
            diags.push(match nearest {
                Some(n) => d.with_help(format!(
                    "the nearest passage (score {}) is \"{}\"; copy the article's exact words",
                    crate::json::num::fixed2(n.score),
                    clip(&n.text, 160)
                )),
                None => d.with_help(
                    "nothing in the article is close; check that the bank names the right article",
                ),
            });
            None
        }
    }
}

fn citation(article: &Article, sel: &Selector, a: Anchored) -> Citation {
    let sentences = article.sentences_in(&a.span).map(|s| s.id.clone()).collect();
    let paragraphs = article.paragraphs_in(&a.span).map(|p| p.id.clone()).collect();
    Citation::new(sel.clone(), a.span, Some(a.text), a.score, a.exact, sentences, paragraphs)
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

fn choice_ids<'a>(
    options: &'a [ChoiceOption],
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<&'a str> {
    check_list(options, path, 2, |o| (o.id.as_str(), Some(o.text.as_str())), diags)
}

fn item_ids<'a>(
    items: &'a [Item],
    path: &str,
    min: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<&'a str> {
    check_list(items, path, min, |o| (o.id.as_str(), Some(o.text.as_str())), diags)
}

/// Checks a question's kind-specific fields and, when they hold, moves them
/// into its `Body` (the caller keeps the rest of `q`). One function per
/// kind, by family as in `grade`: `choice`, `entry`, `arrange`.
fn check_body(
    q: &mut RawQuestion,
    p: &str,
    cites: &[Citation],
    article: &Article,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    match q.kind {
        Kind::SingleChoice => choice::single(q, p, diags),
        Kind::MultipleChoice => choice::multiple(q, p, diags),
        Kind::TrueFalse => choice::true_false(q, p, diags),
        Kind::Evidence => choice::evidence(p, cites, article, diags),
        Kind::TwoPart => choice::two_part(q, p, article, diags),
        Kind::FillBlank => entry::fill_blank(q, p, diags),
        Kind::Numeric => entry::numeric(q, p, diags),
        Kind::Ordering => arrange::ordering(q, p, diags),
        Kind::Matching => arrange::matching(q, p, diags),
    }
}

/// "a numeric question's `answer` is a number, not a string", when `answer`
/// is there but of the wrong type for the kind (its absence is reported
/// with the kind's other fields).
fn wrong_answer_type(q: &RawQuestion, p: &str, want: &str, diags: &mut Vec<Diagnostic>) {
    if let Some(a) = &q.answer {
        diags.push(
            Diagnostic::error(
                Code::JSON_TYPE,
                format!("{p}.answer"),
                format!("a {} question's `answer` is {want}, not {}", q.kind.name(), a.describe()),
            )
            .with_help(format!("write `answer` as {want}")),
        );
    }
}

/// FNV-1a over what a saved answer depends on: the serde JSON of the
/// `RawQuestion` without its explanation, hints, tags and tries, and
/// without its citations unless they are the answer (an evidence
/// question's target sentences). Those
/// fields are set aside while the question is written, not copied: this
/// runs for every question of a bank as it loads.
fn content_hash(q: &mut RawQuestion) -> u64 {
    let explanation = std::mem::take(&mut q.explanation);
    let hints = std::mem::take(&mut q.hints);
    let tags = std::mem::take(&mut q.tags);
    let tries = q.tries.take();
    let cite = if q.kind == Kind::Evidence { Vec::new() } else { std::mem::take(&mut q.cite) };
    let text = serde_json::to_string(&*q).unwrap_or_default();
    q.explanation = explanation;
    q.hints = hints;
    q.tags = tags;
    q.tries = tries;
    if q.kind != Kind::Evidence {
        q.cite = cite;
    }
    crate::hash::fnv1a(text.as_bytes())
}
