//! Reading GIFT as Moodle's importer (`qformat_gift`) reads it.
//!
//! The file is cut into questions at blank lines; lines starting with `//`
//! are comments (their `[id:…]`, `[tag:…]`, `[cite:…]` and
//! `[citequiz:…]` directives belong to the question below them). Escapes
//! (`\~ \= \# \{ \} \: \\ \n`) are resolved first, each character keeping
//! whether it was escaped and its line and column, so that the parser
//! splits on unescaped marks only and every message points into the file.

use super::{CiteComment, Extras, FILL_PROMPT};
use crate::author::convert::{self, Origin, PLACEHOLDER_EXPLANATION};
use crate::bank::raw::{
    Answer, ChoiceOption, Gap, Item, Kind, Pair, RawQuestion, TrueFalseFeedback,
};
use crate::diag::{Code, Diagnostic};

/// A character of the file after escapes: `esc` when it was escaped (so it
/// is text, never a mark).
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    esc: bool,
    line: usize,
    col: usize,
}

type Span<'a> = &'a [Ch];

/// Reads the GIFT text `source` (named `file` in messages) into questions.
///
/// Every question that maps onto a citequiz kind comes back, with the
/// source's line; what does not map is a warning (the question or the part
/// left out). A syntax error is an error with line:column: a caller writes
/// nothing when there is one. Ids come from `// [id:…]`, else the title,
/// else `q1`, `q2`… by position, made unique.
///
/// # Example
/// ```
/// use citequiz::author::gift;
/// let (qs, diags) = gift::parse("::Valdai:: Where did Putin speak? {=At Valdai ~In Beijing}", "q.gift");
/// assert!(diags.iter().all(|d| !d.is_error()));
/// assert_eq!(qs[0].id, "valdai");
/// ```
pub fn parse(source: &str, file: &str) -> (Vec<RawQuestion>, Vec<Diagnostic>) {
    let mut p = Parser { file, diags: Vec::new(), category: None };
    let mut out = Vec::new();
    for block in blocks(source) {
        if let Some(q) = p.question(&block) {
            out.push(q);
        }
    }
    convert::unique_ids(&mut out, &mut p.diags);
    (out.into_iter().map(|(q, _)| q).collect(), p.diags)
}

/// One question's lines: its text (after escapes) and its comments.
struct Block {
    body: Vec<Ch>,
    comments: Vec<(usize, String)>,
}

fn blocks(source: &str) -> Vec<Block> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut out = Vec::new();
    let mut cur = Block { body: Vec::new(), comments: Vec::new() };
    for (n, line) in source.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            if !cur.body.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Block { body: Vec::new(), comments: Vec::new() },
                ));
            }
        } else if line.trim_start().starts_with("//") {
            cur.comments.push((line_no, line.trim_start().to_string()));
        } else {
            lex(line, line_no, &mut cur.body);
        }
    }
    if !cur.body.is_empty() || !cur.comments.is_empty() {
        out.push(cur);
    }
    out
}

/// The line's characters with GIFT's escapes resolved, then a line break.
fn lex(line: &str, line_no: usize, out: &mut Vec<Ch>) {
    let cs: Vec<char> = line.chars().collect();
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        let col = i + 1;
        let next = cs.get(i + 1).copied();
        match (c, next) {
            ('\\', Some(n)) if "~=#{}:\\".contains(n) => {
                out.push(Ch { c: n, esc: true, line: line_no, col });
                i += 2;
            }
            ('\\', Some('n')) => {
                out.push(Ch { c: '\n', esc: true, line: line_no, col });
                i += 2;
            }
            _ => {
                out.push(Ch { c, esc: c == '\\', line: line_no, col });
                i += 1;
            }
        }
    }
    out.push(Ch { c: '\n', esc: false, line: line_no, col: cs.len() + 1 });
}

fn is(ch: Option<&Ch>, c: char) -> bool {
    ch.is_some_and(|ch| !ch.esc && ch.c == c)
}

/// Where the unescaped `pat` first occurs in `s` at or after `from`.
fn find(s: Span, pat: &str, from: usize) -> Option<usize> {
    let pat: Vec<char> = pat.chars().collect();
    (from..s.len()).find(|&i| pat.iter().enumerate().all(|(k, &p)| is(s.get(i + k), p)))
}

fn blank(ch: &Ch) -> bool {
    !ch.esc && ch.c.is_whitespace()
}

fn trim_start(s: Span) -> Span {
    from(s, s.iter().position(|c| !blank(c)).unwrap_or(s.len()))
}

fn trim(s: Span) -> Span {
    let start = s.iter().position(|c| !blank(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|c| !blank(c)).map_or(start, |e| e + 1);
    s.get(start..end).unwrap_or_default()
}

fn raw(s: Span) -> String {
    s.iter().map(|c| c.c).collect()
}

fn at(s: Span, fallback: (usize, usize)) -> (usize, usize) {
    s.first().map_or(fallback, |c| (c.line, c.col))
}

/// A slice that cannot be out of range.
fn cut(s: Span, from: usize, to: usize) -> Span {
    s.get(from..to.min(s.len())).unwrap_or_default()
}

fn from(s: Span, i: usize) -> Span {
    s.get(i..).unwrap_or_default()
}

/// Text formats, as `[html]` and its kin name them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Moodle,
    Html,
    Markdown,
    Plain,
}

/// The text of `s` in `format`, as plain text: whitespace runs folded (an
/// escaped `\n` kept), HTML's tags dropped and entities decoded, Markdown's
/// marks dropped.
fn render(format: Format, s: Span) -> String {
    match format {
        Format::Markdown => convert::markdown_text(&raw(s)),
        Format::Plain => plain(s).trim().to_string(),
        Format::Moodle | Format::Html => {
            let text = plain(s);
            if text.contains(['<', '&']) {
                convert::html_text(&text)
            } else {
                text.trim().to_string()
            }
        }
    }
}

/// An answer's or a feedback's text: in its own `[format]` when it starts
/// with a known one (as Moodle reads each), else in the question's.
fn formatted(default: Format, s: Span) -> String {
    let s = trim_start(s);
    if is(s.first(), '[')
        && let Some(end) = find(s, "]", 1)
        && let Some(format) = format_named(&raw(cut(s, 1, end)))
    {
        return render(format, from(s, end + 1));
    }
    render(default, s)
}

fn format_named(name: &str) -> Option<Format> {
    match name {
        "html" => Some(Format::Html),
        "moodle" => Some(Format::Moodle),
        "markdown" => Some(Format::Markdown),
        "plain" => Some(Format::Plain),
        _ => None,
    }
}

/// Unescaped whitespace runs as one space; escaped characters as they are.
fn plain(s: Span) -> String {
    let mut out = String::new();
    let mut space = false;
    for ch in s {
        if blank(ch) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch.c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// `before`, `mid` and `after` joined, with a space on each side of `mid`
/// where the source had whitespace.
fn join(format: Format, before: Span, mid: &str, after: Span) -> String {
    let mut out = render(format, before);
    if !out.is_empty() && before.last().is_some_and(blank) {
        out.push(' ');
    }
    out.push_str(mid);
    let rest = render(format, after);
    if !rest.is_empty() && after.first().is_some_and(blank) {
        out.push(' ');
    }
    out.push_str(&rest);
    out
}

/// One answer of a choice, short answer, numeric or matching block.
struct Entry<'a> {
    /// `=`, `~`, or none for text before the first mark.
    mark: Option<char>,
    weight: Option<f64>,
    text: Span<'a>,
    feedback: Option<Span<'a>>,
    at: (usize, usize),
}

struct Parser<'f> {
    file: &'f str,
    diags: Vec<Diagnostic>,
    /// The tag of the last `$CATEGORY:`.
    category: Option<String>,
}

impl Parser<'_> {
    fn question(&mut self, b: &Block) -> Option<(RawQuestion, Origin)> {
        let mut s = trim(&b.body);
        let start = at(s, b.comments.first().map_or((1, 1), |c| (c.0, 1)));
        if raw(cut(s, 0, 10)) == "$CATEGORY:" {
            let end = s.iter().position(|c| is(Some(c), '\n')).unwrap_or(s.len());
            let path = plain(cut(s, 10, end));
            self.category = category_tag(path.trim());
            s = trim(from(s, end));
            if s.is_empty() {
                return None;
            }
        }
        if s.is_empty() {
            return None;
        }
        let start = if s.is_empty() { start } else { at(s, start) };
        let mut origin = Origin {
            file: self.file.to_string(),
            line: start.0,
            column: start.1,
            who: String::new(),
        };

        // The title: `::title::`.
        let mut title = String::new();
        if find(cut(s, 0, 2), "::", 0) == Some(0) {
            let Some(end) = find(s, "::", 2) else {
                origin.who = convert::who("", &plain(s));
                self.error(
                    &origin,
                    start,
                    "the title opened with `::` is not closed",
                    "end the title with `::`, or write `\\:` for a colon in the text",
                );
                return None;
            };
            title = plain(cut(s, 2, end)).trim().to_string();
            s = from(s, end + 2);
        }
        // Untitled, a question is called by its text before the answers.
        let text_end = find(s, "{", 0).unwrap_or(s.len());
        origin.who = convert::who(&title, &plain(cut(s, 0, text_end)));

        // The answers: `{…}`, one pair of braces.
        let mut open = None;
        let mut close = None;
        for (i, ch) in s.iter().enumerate() {
            if is(Some(ch), '{') {
                if open.is_none() {
                    open = Some(i);
                } else {
                    let msg = if close.is_none() {
                        "a `{` inside the answers: the first `{` is not closed before this one"
                    } else {
                        "a second `{`: a GIFT question has one answer block"
                    };
                    self.error(&origin, (ch.line, ch.col), msg, "close the answers with `}`, put a blank line between two questions, or write `\\{` for a brace in the text");
                    return None;
                }
            } else if is(Some(ch), '}') {
                if open.is_some() && close.is_none() {
                    close = Some(i);
                } else {
                    self.error(
                        &origin,
                        (ch.line, ch.col),
                        "a `}` that closes no `{`",
                        "write `\\}` for a brace in the text, or open the answers with `{`",
                    );
                    return None;
                }
            }
        }
        let Some(open) = open else {
            self.diags.push(origin.warn(
                Code::NOT_CONVERTED,
                "a text without answers in `{…}` (a description) is not a question: left out",
                "add the answers in braces, or leave it out of the file",
            ));
            return None;
        };
        let open_at = s.get(open).map_or(start, |c| (c.line, c.col));
        let Some(close) = close else {
            self.error(&origin, open_at, "this `{` is not closed", "end the answers with `}` (a blank line ends a question, so the answers cannot go on past one), or write `\\{` for a brace in the text");
            return None;
        };
        let (format, before) = self.format(&origin, trim_start(cut(s, 0, open)));
        let directives = self.directives(&origin, &b.comments);
        let after = from(s, close + 1);
        let block = cut(s, open + 1, close);

        // General feedback: `####` to the end of the answers.
        // Moodle takes the last `####`.
        let last =
            (0..block.len()).rev().find(|&i| find(cut(block, i, i + 4), "####", 0).is_some());
        let (answers, general) = match last {
            Some(g) => (cut(block, 0, g), Some(formatted(format, from(block, g + 4)))),
            None => (block, None),
        };
        let a = trim(answers);
        let fill_prompt = directives.extras.as_ref().and_then(|x| x.prompt.clone());
        let ctx = Ctx { origin: &origin, format, before, after, open_at, fill_prompt };
        let built = if a.is_empty() {
            self.diags.push(origin.warn(
                Code::NOT_CONVERTED,
                "an essay question (empty `{}`) has no kind in citequiz: left out",
                "write it as another kind, or leave it out",
            ));
            None
        } else if is(a.first(), '#') {
            self.numeric(&ctx, from(a, 1))
        } else if find(a, "~", 0).is_some() {
            self.choice(&ctx, a)
        } else if find(a, "->", 0).is_some() && find(a, "=", 0).is_some() {
            self.matching(&ctx, a)
        } else if let Some(answer) = true_false(a) {
            Some(self.true_false(&ctx, a, answer))
        } else if let Some(arrow) = find(a, "->", 0) {
            let pos = a.get(arrow).map_or(open_at, |c| (c.line, c.col));
            self.error(&origin, pos, "`->` outside matching pairs, each written `=left -> right`", "start each pair with `=`; in a short answer, rephrase without `->`, which GIFT reads as a pair");
            None
        } else {
            self.short_answer(&ctx, a)
        };
        let mut q = built?;
        if q.kind != Kind::FillBlank && !trim(after).is_empty() {
            q.prompt = join(format, before, "_____", after);
        }
        if q.prompt.is_empty() {
            self.error(
                &origin,
                start,
                "the question has no text",
                "write the question before its answers `{…}`",
            );
            return None;
        }
        q.id = convert::slug(&title);
        if let Some(c) = &self.category {
            q.tags.push(c.clone());
        }
        match general.filter(|g| !g.is_empty()) {
            Some(g) => q.explanation = g,
            None => {
                q.explanation = PLACEHOLDER_EXPLANATION.to_string();
                self.diags.push(origin.warn(Code::PLACEHOLDER_EXPLANATION, "no general feedback (`####…`): the explanation is a placeholder", "write why the answer is right after `####` in the answers, or in the bank's `explanation`"));
            }
        }
        if let Some(id) = directives.id {
            q.id = id;
        }
        q.tags.extend(directives.tags);
        q.cite = directives.cites;
        if let Some(x) = directives.extras {
            apply(self, &origin, directives.extras_line, x, &mut q);
        }
        let mut tags: Vec<String> = Vec::new();
        for t in std::mem::take(&mut q.tags) {
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        q.tags = tags;
        Some((q, origin))
    }

    fn error(&mut self, origin: &Origin, at: (usize, usize), message: &str, help: &str) {
        self.diags.push(origin.diag(true, Code::GIFT_SYNTAX, at, message, help));
    }

    fn loss(&mut self, origin: &Origin, at: (usize, usize), message: String, help: &str) {
        self.diags.push(origin.diag(false, Code::FORMAT_LOSS, at, message, help));
    }

    /// The text format `[html]`, `[moodle]`, `[markdown]` or `[plain]` the
    /// question text starts with, and the text after it.
    fn format<'a>(&mut self, origin: &Origin, s: Span<'a>) -> (Format, Span<'a>) {
        if !is(s.first(), '[') {
            return (Format::Moodle, s);
        }
        let Some(end) = find(s, "]", 1).filter(|&e| e < 12) else { return (Format::Moodle, s) };
        let name = raw(cut(s, 1, end));
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
            return (Format::Moodle, s);
        }
        let format = match format_named(&name) {
            Some(f) => f,
            None => {
                self.loss(
                    origin,
                    at(s, (origin.line, origin.column)),
                    format!("`[{name}]` is not a text format GIFT knows: kept as text"),
                    "use [html], [moodle], [markdown] or [plain]",
                );
                return (Format::Moodle, s);
            }
        };
        (format, from(s, end + 1))
    }

    /// The answers cut at their marks, each with its weight and feedback.
    /// `weights`: whether `%…%` after a mark is a weight (not in matching,
    /// as in Moodle).
    fn entries<'a>(
        &mut self,
        origin: &Origin,
        s: Span<'a>,
        weights: bool,
    ) -> Option<Vec<Entry<'a>>> {
        let mut out = Vec::new();
        let marks: Vec<usize> =
            (0..s.len()).filter(|&i| is(s.get(i), '=') || is(s.get(i), '~')).collect();
        let lead = trim(cut(s, 0, marks.first().copied().unwrap_or(s.len())));
        if !lead.is_empty() {
            out.push(self.entry(origin, None, lead, weights)?);
        }
        for (k, &m) in marks.iter().enumerate() {
            let end = marks.get(k + 1).copied().unwrap_or(s.len());
            let mark = s.get(m).map(|c| c.c);
            let body = cut(s, m + 1, end);
            let mut e = self.entry(origin, mark, body, weights)?;
            if e.text.is_empty() && e.feedback.is_none() {
                e.at = s.get(m).map_or(e.at, |c| (c.line, c.col));
            }
            out.push(e);
        }
        Some(out)
    }

    fn entry<'a>(
        &mut self,
        origin: &Origin,
        mark: Option<char>,
        body: Span<'a>,
        weights: bool,
    ) -> Option<Entry<'a>> {
        let mut t = trim(body);
        let pos = at(t, at(body, (origin.line, origin.column)));
        let mut weight = None;
        if weights && is(t.first(), '%') {
            let Some(end) = find(t, "%", 1) else {
                self.error(
                    origin,
                    pos,
                    "a weight opened with `%` is not closed",
                    "write a weight as %50% or %-100% right after `=` or `~`",
                );
                return None;
            };
            let w = raw(cut(t, 1, end));
            match w.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => weight = Some(v),
                _ => {
                    self.error(
                        origin,
                        pos,
                        &format!("the weight `%{w}%` is not a number"),
                        "write a percentage between -100 and 100, such as %50% or %-100%",
                    );
                    return None;
                }
            }
            t = trim(from(t, end + 1));
        }
        let (text, feedback) = match find(t, "#", 0) {
            Some(h) => (trim(cut(t, 0, h)), Some(trim(from(t, h + 1)))),
            None => (t, None),
        };
        Some(Entry { mark, weight, text, feedback, at: pos })
    }

    fn choice(&mut self, c: &Ctx, a: Span) -> Option<RawQuestion> {
        let entries = self.entries(c.origin, a, true)?;
        if let Some(e) = entries.iter().find(|e| e.mark.is_none()) {
            self.error(
                c.origin,
                e.at,
                "an option without `=` (right) or `~` (wrong) before it",
                "start each option with `=` or `~`",
            );
            return None;
        }
        if entries.len() < 2 {
            self.error(
                c.origin,
                c.open_at,
                "a choice question needs at least two options",
                "add the other options, each after `~`",
            );
            return None;
        }
        let options: Vec<ChoiceOption> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| ChoiceOption {
                id: convert::letter_id(i),
                text: formatted(c.format, e.text),
                feedback: e.feedback.map(|f| formatted(c.format, f)).filter(|f| !f.is_empty()),
            })
            .collect();
        let weight = |e: &Entry| e.weight.unwrap_or(if e.mark == Some('=') { 100.0 } else { 0.0 });
        let mut q = c.base(render(c.format, c.before));
        // Moodle's rule: an `=` makes it a one-answer (radio) question.
        if entries.iter().any(|e| e.mark == Some('=')) {
            let keys: Vec<usize> = (0..entries.len())
                .filter(|&i| entries.get(i).is_some_and(|e| e.mark == Some('=')))
                .collect();
            let key = keys.first().copied().unwrap_or(0);
            if keys.len() > 1 {
                self.loss(c.origin, c.open_at, format!("{} options are marked right with `=`: single_choice has one key, the first is kept and the others count as wrong", keys.len()), "mark one option with `=`, or give weights with `~%50%` for a multiple-answer question");
            }
            for (i, e) in entries.iter().enumerate() {
                let w = weight(e);
                if i != key && w != 0.0 && e.mark != Some('=') {
                    self.loss(c.origin, e.at, format!("the option \"{}\" weighs {w}%: a single_choice question gives a wrong option 0, so the weight is not kept", plain(e.text).trim()), "leave wrong options at 0, or make it a multiple-answer question with `~%…%` weights only");
                }
            }
            q.kind = Kind::SingleChoice;
            q.answer = Some(Answer::Id(convert::letter_id(key)));
        } else {
            let right: Vec<usize> = (0..entries.len())
                .filter(|&i| entries.get(i).is_some_and(|e| weight(e) > 0.0))
                .collect();
            if right.is_empty() {
                self.error(c.origin, c.open_at, "no option is right: none has `=` or a positive weight", "mark the right option with `=`, or the right options with `~%50%`-style weights");
                return None;
            }
            let share = 100.0 / right.len() as f64;
            let exact = entries.iter().all(|e| {
                let w = weight(e);
                if w > 0.0 { (w - share).abs() < 0.01 } else { (w + share).abs() < 0.01 }
            });
            if !exact {
                let ws: Vec<String> = entries.iter().map(|e| format!("{}%", weight(e))).collect();
                self.loss(c.origin, c.open_at, format!("the weights ({}) cannot be kept: citequiz's multiple_choice gives each right pick {p}% and takes {p}% for each wrong pick ({} right options); the options with a positive weight are the right ones", ws.join(", "), right.len(), p = percent(share)), "weigh the right options equally and the wrong ones at minus that, or accept citequiz's rule");
            }
            q.kind = Kind::MultipleChoice;
            q.answers = Some(right.iter().map(|&i| convert::letter_id(i)).collect());
        }
        q.options = Some(options);
        Some(q)
    }

    fn true_false(&mut self, c: &Ctx, a: Span, answer: bool) -> RawQuestion {
        // `{T#shown for a wrong answer#shown for a right one}`, as Moodle reads it.
        let (wrong, right) = match find(a, "#", 0) {
            None => (String::new(), String::new()),
            Some(h) => {
                let rest = from(a, h + 1);
                match find(rest, "#", 0) {
                    Some(k) => (
                        formatted(c.format, cut(rest, 0, k)),
                        formatted(c.format, from(rest, k + 1)),
                    ),
                    None => (formatted(c.format, rest), String::new()),
                }
            }
        };
        let some = |s: String| (!s.is_empty()).then_some(s);
        let (on_true, on_false) = if answer { (right, wrong) } else { (wrong, right) };
        let mut q = c.base(render(c.format, c.before));
        q.kind = Kind::TrueFalse;
        q.answer = Some(Answer::Bool(answer));
        let feedback = TrueFalseFeedback { on_true: some(on_true), on_false: some(on_false) };
        q.feedback = (feedback != TrueFalseFeedback::default()).then_some(feedback);
        q
    }

    fn short_answer(&mut self, c: &Ctx, a: Span) -> Option<RawQuestion> {
        let entries = self.entries(c.origin, a, true)?;
        let mut accept = Vec::new();
        let mut feedback = false;
        for e in &entries {
            let text = formatted(c.format, e.text);
            let w = e.weight.unwrap_or(100.0);
            if (w - 100.0).abs() > 1e-9 {
                self.loss(c.origin, e.at, format!("the answer \"{text}\" earns {w}%: fill_blank accepts an answer fully or not at all, so it is left out"), "accept it fully (remove the weight), or leave it out");
                continue;
            }
            feedback |= e.feedback.is_some_and(|f| !trim(f).is_empty());
            if !text.is_empty() {
                accept.push(text);
            }
        }
        if feedback {
            self.loss(c.origin, c.open_at, "a fill_blank answer has no feedback of its own: the answers' `#` feedback is left out".to_string(), "put what matters in the general feedback (`####`)");
        }
        if accept.is_empty() {
            self.diags.push(c.origin.warn(
                Code::NOT_CONVERTED,
                "the short-answer question accepts no answer fully: left out",
                "give at least one answer without a weight",
            ));
            return None;
        }
        let missing_word = !trim(c.after).is_empty() || c.fill_prompt.is_some();
        let mut q = if missing_word {
            let prompt = c.fill_prompt.clone().unwrap_or_else(|| FILL_PROMPT.to_string());
            let mut q = c.base(prompt);
            q.text = Some(join(c.format, c.before, "{}", c.after));
            q
        } else {
            let mut q = c.base(render(c.format, c.before));
            q.text = Some("{}".to_string());
            q
        };
        q.kind = Kind::FillBlank;
        q.gaps = Some(vec![Gap { accept }]);
        Some(q)
    }

    fn numeric(&mut self, c: &Ctx, a: Span) -> Option<RawQuestion> {
        let a = trim(a);
        // `{#3:2}` is one answer; `{#=3:0 =%50%3:2 ~#wrong}`, several.
        let mut entries = self.entries(c.origin, a, true)?;
        for e in &mut entries {
            e.mark = e.mark.or(Some('='));
        }
        let mut chosen: Option<(f64, Option<f64>)> = None;
        let mut feedback = false;
        for e in &entries {
            let pos = e.at;
            if e.mark == Some('~') {
                // Moodle's `~#feedback`: the feedback for any wrong answer.
                self.loss(
                    c.origin,
                    pos,
                    "the feedback for a wrong answer (`~#…`) is left out: numeric has none"
                        .to_string(),
                    "put what matters in the general feedback (`####`)",
                );
                continue;
            }
            let value = number(&raw(e.text));
            let Some((answer, tolerance)) = value else {
                self.error(
                    c.origin,
                    pos,
                    &format!(
                        "`{}` is not a number, NUMBER:TOLERANCE or MIN..MAX",
                        raw(e.text).trim()
                    ),
                    "write the answer as {#18}, {#18:0.5} or {#17.5..18.5}",
                );
                return None;
            };
            let w = e.weight.unwrap_or(if e.mark == Some('~') { 0.0 } else { 100.0 });
            if (w - 100.0).abs() > 1e-9 || chosen.is_some() {
                self.loss(c.origin, pos, format!("the answer {} ({w}%) is left out: numeric has one right answer and tolerance", raw(e.text).trim()), "keep one answer at 100%; widen its tolerance if nearby answers should count");
                continue;
            }
            feedback |= e.feedback.is_some_and(|f| !trim(f).is_empty());
            chosen = Some((answer, tolerance));
        }
        if feedback {
            self.loss(
                c.origin,
                c.open_at,
                "a numeric answer has no feedback of its own: the `#` feedback is left out"
                    .to_string(),
                "put what matters in the general feedback (`####`)",
            );
        }
        let Some((answer, tolerance)) = chosen else {
            self.diags.push(c.origin.warn(
                Code::NOT_CONVERTED,
                "the numerical question has no answer at 100%: left out",
                "give the right answer without a weight",
            ));
            return None;
        };
        let mut q = c.base(render(c.format, c.before));
        q.kind = Kind::Numeric;
        q.answer = Some(Answer::Number(answer));
        q.tolerance = tolerance;
        Some(q)
    }

    fn matching(&mut self, c: &Ctx, a: Span) -> Option<RawQuestion> {
        let entries = self.entries(c.origin, a, false)?;
        let mut left: Vec<Item> = Vec::new();
        let mut right: Vec<Item> = Vec::new();
        let mut pairs = Vec::new();
        for e in &entries {
            if e.mark != Some('=') {
                self.error(
                    c.origin,
                    e.at,
                    "text before the first matching pair: each pair starts with `=`",
                    "write each pair as `=left -> right`",
                );
                return None;
            }
            let Some(arrow) = find(e.text, "->", 0) else {
                self.error(c.origin, e.at, "this matching pair has no `->`", "write each pair as `=left -> right` (or `= -> right` for a right item that matches nothing)");
                return None;
            };
            if e.feedback.is_some() {
                self.loss(
                    c.origin,
                    e.at,
                    "matching pairs have no feedback: the `#` feedback is left out".to_string(),
                    "put what matters in the general feedback (`####`)",
                );
            }
            let l = formatted(c.format, cut(e.text, 0, arrow));
            let r = formatted(c.format, from(e.text, arrow + 2));
            let r_id = match right.iter().find(|i| i.text == r) {
                Some(i) => i.id.clone(),
                None => {
                    let id = (right.len() + 1).to_string();
                    right.push(Item { id: id.clone(), text: r });
                    id
                }
            };
            if !l.is_empty() {
                let id = convert::letter_id(left.len());
                pairs.push(Pair { left: id.clone(), right: r_id });
                left.push(Item { id, text: l });
            }
        }
        if entries.len() < 2 {
            self.error(
                c.origin,
                c.open_at,
                "a matching question needs at least two pairs",
                "add another `=left -> right` pair",
            );
            return None;
        }
        let mut q = c.base(render(c.format, c.before));
        q.kind = Kind::Matching;
        q.left = Some(left);
        q.right = Some(right);
        q.pairs = Some(pairs);
        Some(q)
    }

    // Native only (`author` is not compiled for the Wasm), so serde's
    // `Deserialize`, which clippy.toml keeps out of the Wasm, is fine here.
    #[allow(clippy::disallowed_methods)]
    /// The comment lines' directives: Moodle's `[id:…]` and `[tag:…]`, and
    /// citequiz's `[cite:{…}]` and `[citequiz:{…}]`.
    fn directives(&mut self, origin: &Origin, comments: &[(usize, String)]) -> Directives {
        let mut d = Directives::default();
        for (line, text) in comments {
            let body = text.trim_start_matches('/').trim();
            let place = (*line, 1);
            for (key, json) in [("[cite:", true), ("[citequiz:", false)] {
                let Some(inner) = body.strip_prefix(key).and_then(|r| r.strip_suffix(']')) else {
                    continue;
                };
                let bad = |e: serde_json::Error| {
                    format!("this `{key}…]` comment is not what citequiz wrote ({e}): ignored")
                };
                if json {
                    match serde_json::from_str::<CiteComment>(inner) {
                        Ok(cite) => d.cites.push(cite.into_cite()),
                        Err(e) => self.loss(
                            origin,
                            place,
                            bad(e),
                            "write it as // [cite:{\"exact\": \"the quote\"}]",
                        ),
                    }
                } else {
                    match serde_json::from_str::<Extras>(inner) {
                        Ok(x) => {
                            d.extras = Some(x);
                            d.extras_line = place;
                        }
                        Err(e) => self.loss(
                            origin,
                            place,
                            bad(e),
                            "leave `[citequiz:…]` comments as citequiz wrote them",
                        ),
                    }
                }
            }
            if body.starts_with("[cite:") || body.starts_with("[citequiz:") {
                continue;
            }
            for (key, value) in moodle_directives(body) {
                if key == "id" {
                    d.id = Some(value);
                } else {
                    d.tags.push(value);
                }
            }
        }
        d
    }
}

/// What every kind's builder needs from the question around its answers.
struct Ctx<'a> {
    origin: &'a Origin,
    format: Format,
    before: Span<'a>,
    after: Span<'a>,
    open_at: (usize, usize),
    /// A fill-in sentence's prompt from `[citequiz:…]`: the answers are
    /// then the sentence's gap wherever they stand.
    fill_prompt: Option<String>,
}

/// What a question's comments say.
#[derive(Default)]
struct Directives {
    id: Option<String>,
    tags: Vec<String>,
    cites: Vec<crate::bank::Cite>,
    extras: Option<Extras>,
    extras_line: (usize, usize),
}

impl Ctx<'_> {
    fn base(&self, prompt: String) -> RawQuestion {
        RawQuestion { prompt, points: crate::bank::raw::DEFAULT_POINTS, ..RawQuestion::default() }
    }
}

/// A percentage for messages: at most two decimals.
fn percent(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `{T}`, `{TRUE}`, `{F}`, `{FALSE}` before any feedback, in capitals as
/// Moodle requires (`{true}` is a short answer "true" there too).
fn true_false(a: Span) -> Option<bool> {
    let head = raw(trim(cut(a, 0, find(a, "#", 0).unwrap_or(a.len()))));
    match head.as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A numerical answer: `18`, `18:0.5` or `17.5..18.5` → (answer, tolerance).
fn number(s: &str) -> Option<(f64, Option<f64>)> {
    let n = |t: &str| t.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    if let Some((lo, hi)) = s.split_once("..") {
        let (lo, hi) = (n(lo)?, n(hi)?);
        return (lo <= hi).then(|| ((lo + hi) / 2.0, Some((hi - lo) / 2.0)));
    }
    match s.split_once(':') {
        Some((v, t)) => Some((n(v)?, Some(n(t)?.abs()))),
        None => Some((n(s)?, None)),
    }
}

/// `$CATEGORY: $course$/Week 1/Alliances` → the tag `Week 1/Alliances`.
fn category_tag(path: &str) -> Option<String> {
    let mut path = path.trim();
    if path.starts_with('$')
        && let Some(end) = path.get(1..).and_then(|r| r.find('$'))
    {
        path = path.get(end + 2..).unwrap_or_default().trim_start_matches('/');
    }
    let path = path.trim_matches('/').trim();
    (!path.is_empty()).then(|| path.to_string())
}

/// Moodle's `[id:…]` and `[tag:…]` in a comment, with `\]` and `\\`
/// escaped inside.
fn moodle_directives(body: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for key in ["id", "tag"] {
        let open = format!("[{key}:");
        let mut rest = body;
        while let Some(i) = rest.find(&open) {
            let tail = rest.get(i + open.len()..).unwrap_or_default();
            let mut value = String::new();
            let mut chars = tail.char_indices();
            let mut end = None;
            while let Some((j, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, n)) = chars.next() {
                            value.push(n);
                        }
                    }
                    ']' => {
                        end = Some(j);
                        break;
                    }
                    _ => value.push(c),
                }
            }
            let Some(end) = end else { break };
            let value = value.trim().to_string();
            if !value.is_empty() {
                out.push((key, value));
            }
            rest = tail.get(end + 1..).unwrap_or_default();
        }
    }
    out
}

/// Applies `[citequiz:{…}]`: ids, points, hints, tries, unit, prompt.
fn apply(p: &mut Parser, origin: &Origin, place: (usize, usize), x: Extras, q: &mut RawQuestion) {
    let mut mismatch = |what: &str| {
        p.loss(
            origin,
            place,
            format!("the `[citequiz:…]` comment's {what} do not fit the question: not used"),
            "the answers were edited since citequiz wrote them; the ids were made anew",
        );
    };
    if let Some(ids) = x.ids {
        if let Some(options) = q.options.as_mut() {
            match renamed(options.iter_mut().map(|o| &mut o.id), &ids) {
                Some(map) => {
                    let answers = q.answers.iter_mut().flatten();
                    let answer = match q.answer.as_mut() {
                        Some(Answer::Id(a)) => Some(a),
                        _ => None,
                    };
                    follow(&map, answers.chain(answer));
                }
                None => mismatch("option ids"),
            }
        } else if let Some(left) = q.left.as_mut() {
            match renamed(left.iter_mut().map(|i| &mut i.id), &ids) {
                Some(map) => follow(&map, q.pairs.iter_mut().flatten().map(|p| &mut p.left)),
                None => mismatch("item ids"),
            }
        }
    }
    if let (Some(ids), Some(right)) = (x.right, q.right.as_mut()) {
        match renamed(right.iter_mut().map(|i| &mut i.id), &ids) {
            Some(map) => follow(&map, q.pairs.iter_mut().flatten().map(|p| &mut p.right)),
            None => mismatch("right item ids"),
        }
    }
    if let Some(points) = x.points {
        q.points = points;
    }
    if x.tries.is_some() {
        q.tries = x.tries;
    }
    if q.kind == Kind::Numeric && x.unit.is_some() {
        q.unit = x.unit;
    }
    if !x.hints.is_empty() {
        q.hints = x.hints;
    }
}

/// Gives the ids `ids` new values, in order, when there are as many;
/// returns each (old, new).
fn renamed<'a>(
    ids: impl Iterator<Item = &'a mut String>,
    new: &[String],
) -> Option<Vec<(String, String)>> {
    let ids: Vec<&mut String> = ids.collect();
    if ids.len() != new.len() {
        return None;
    }
    let mut map = Vec::new();
    for (id, n) in ids.into_iter().zip(new) {
        map.push((std::mem::replace(id, n.clone()), n.clone()));
    }
    Some(map)
}

/// Makes the references `refs` follow a renaming.
fn follow<'a>(map: &[(String, String)], refs: impl Iterator<Item = &'a mut String>) {
    for r in refs {
        if let Some((_, n)) = map.iter().find(|(old, _)| old == r) {
            *r = n.clone();
        }
    }
}
