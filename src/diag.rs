//! Diagnostics: what is wrong, where, and what to do about it.
//!
//! Every problem the core finds in an article, a bank or a saved session is a
//! `Diagnostic`. Loaders collect them all rather than stopping at the first.
//! A diagnostic names its place by JSON path (`questions[3].cite[0].exact`)
//! and, when the source text is at hand, by line and column. Rendering is
//! plain text (rustc style) or JSON; nothing here prints.

mod codes;

pub use codes::{ALL as CODES, Code, Entry as CodeEntry};
use serde::Serialize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bank is usable, but something looks wrong.
    Warning,
    /// The bank cannot be used until this is fixed.
    Error,
}

/// One problem, with its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case code such as `unknown-field` or `cite-not-found`,
    /// from the registry (`Code`, `CODES`).
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The JSON path of the offending value; empty for the whole document.
    pub path: String,
    /// The id of the question concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// 1-based line in the file, when the source text is at hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters) in the file, when the source text is at hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

// The constructors are `#[cold]`: problems are the exception, and LLVM
// then keeps the code that builds them out of the hot paths and inlines
// less around it (the Wasm is 330 bytes gzip smaller). Whether a cold
// load gets faster was not settled: bench/cold-warm.mjs in Chromium gave
// a 20-question load 3 to 5 ms sooner in 7 interleaved rounds, then later
// in 3 of 4.
/// The first of `diagnostics` in one line, for an error's `Display`: "at
/// questions[0].hints: expected …, found a string at line 1 column 210",
/// and how many more there are.
pub(crate) fn write_first(
    f: &mut std::fmt::Formatter<'_>,
    diagnostics: &[Diagnostic],
) -> std::fmt::Result {
    let Some(d) = diagnostics.first() else { return Ok(()) };
    if !d.path.is_empty() {
        write!(f, "at {}: ", d.path)?;
    }
    f.write_str(&d.message)?;
    if let (Some(line), Some(column)) = (d.line, d.column) {
        write!(f, " at line {line} column {column}")?;
    }
    if diagnostics.len() > 1 {
        write!(f, " (and {} more)", diagnostics.len() - 1)?;
    }
    Ok(())
}

impl Diagnostic {
    /// An error at `path`.
    #[cold]
    pub fn error(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path, message)
    }

    /// A warning at `path`.
    #[cold]
    pub fn warning(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path, message)
    }

    fn new(
        severity: Severity,
        code: Code,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.as_str(),
            message: message.into(),
            file: None,
            path: path.into(),
            question: None,
            line: None,
            column: None,
            help: None,
        }
    }

    /// The same diagnostic with advice on what to do.
    #[must_use]
    #[cold]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same diagnostic, naming the question it concerns.
    #[must_use]
    pub fn for_question(mut self, id: impl Into<String>) -> Self {
        self.question = Some(id.into());
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The place as `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        let mut out = self.file.clone().unwrap_or_default();
        if let (Some(line), Some(col)) = (self.line, self.column) {
            if !out.is_empty() {
                out.push(':');
            }
            out.push_str(&format!("{line}:{col}"));
        }
        out
    }

    /// Where in the document: `at questions[0].cite, question "q1"` (the
    /// JSON path and the question, each when known), or empty.
    pub fn whereabouts(&self) -> String {
        let mut at = Vec::new();
        if !self.path.is_empty() {
            at.push(format!("at {}", self.path));
        }
        if let Some(q) = &self.question {
            at.push(format!("question \"{q}\""));
        }
        at.join(", ")
    }

    /// Renders the diagnostic rustc style, quoting the offending source line
    /// when `source` is given.
    pub fn render(&self, source: Option<&str>) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{sev}[{}]: {}\n", self.code, self.message);
        let mut where_ = self.location();
        let at = self.whereabouts();
        if !where_.is_empty() && !at.is_empty() {
            where_.push_str(", ");
        }
        where_.push_str(&at);
        if !where_.is_empty() {
            out.push_str(&format!("  --> {where_}\n"));
        }
        if let (Some(src), Some(line), Some(col)) = (source, self.line, self.column)
            && let Some(text) = src.lines().nth(line.saturating_sub(1))
        {
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            // Long lines (a minified bank) are cut around the column.
            let (shown, caret_at) = clip_line(text, col.saturating_sub(1), 100);
            out.push_str(&format!("{pad} |\n{gutter} | {shown}\n"));
            out.push_str(&format!("{pad} | {}^\n", " ".repeat(caret_at)));
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
        out
    }
}

/// Cuts `line` to at most `width` characters around the character `col`,
/// returning the shown text and the caret's column in it.
fn clip_line(line: &str, col: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= width {
        return (line.to_string(), col.min(chars.len()));
    }
    let start = col.saturating_sub(width / 2).min(chars.len().saturating_sub(width));
    let end = (start + width).min(chars.len());
    let mut shown: String = chars.get(start..end).unwrap_or_default().iter().collect();
    let mut caret = col - start;
    if start > 0 {
        shown.insert_str(0, "...");
        caret += 3;
    }
    if end < chars.len() {
        shown.push_str("...");
    }
    (shown, caret)
}

/// Whether any diagnostic in `diags` is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// Levenshtein distance between two short strings, for "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    // Char by char rather than `str::to_lowercase`, whose final-sigma rule
    // costs the Wasm 4 KB and cannot matter to a typo.
    let lower = |s: &str| s.chars().flat_map(crate::text::lowercase).collect::<String>();
    let word = lower(word);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &lower(c)), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_dym(word: &str, cands: &[&str], expected: Option<&str>) {
        assert_eq!(did_you_mean(word, cands.iter().copied()), expected, "{word}");
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        check_dym("optons", &["options", "answer"], Some("options"));
        check_dym("explaination", &["explanation", "prompt"], Some("explanation"));
        check_dym("colour", &["options", "answer"], None);
        check_dym("Prompt", &["prompt"], Some("prompt"));
    }

    #[test]
    fn render_quotes_line_and_caret() {
        let mut d = Diagnostic::error(Code::DUPLICATE_ID, "questions[0].id", "duplicate id \"q1\"")
            .with_help("give each question its own id");
        d.file = Some("bank.json".into());
        d.line = Some(2);
        d.column = Some(9);
        let out = d.render(Some("{\n  \"id\": \"q1\"\n}"));
        assert!(out.contains("error[duplicate-id]: duplicate id \"q1\""), "{out}");
        assert!(out.contains("--> bank.json:2:9, at questions[0].id"), "{out}");
        assert!(out.contains("2 |   \"id\": \"q1\"\n  |         ^"), "{out}");
        assert!(out.contains("= help: give each question its own id"), "{out}");
    }

    #[test]
    fn long_lines_are_clipped_around_the_column() {
        let line = "x".repeat(500);
        let (shown, caret) = clip_line(&line, 300, 100);
        assert_eq!(shown.chars().count(), 106);
        assert_eq!(caret, 53);
    }
}
