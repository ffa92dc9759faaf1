//! What the question importers (`gift`, `aiken`) share: where a question
//! came from, for messages; its id, made from its title and unique in the
//! bank; its explanation when the source has none; and the reduction of
//! HTML and Markdown text to the plain text a bank holds.
//!
//! Invariant: pure (text in, text and `Diagnostic`s out); a diagnostic
//! made here names the source file, line and column, and the question by
//! its title.

use crate::bank::RawQuestion;
use crate::diag::{Code, Diagnostic};

pub use crate::bank::lint::PLACEHOLDER_EXPLANATION;

/// Where an imported question starts, and what messages call it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The source file, as named to the importer.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The question's title, or the start of its text.
    pub who: String,
}

impl Origin {
    /// A diagnostic at this place (`line`/`column` override the question's
    /// own when the problem is inside it).
    pub fn diag(
        &self,
        error: bool,
        code: Code,
        at: (usize, usize),
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        let mut d = if error {
            Diagnostic::error(code, "", message)
        } else {
            Diagnostic::warning(code, "", message)
        };
        d = d.with_help(help);
        d.file = Some(self.file.clone());
        d.line = Some(at.0);
        d.column = Some(at.1);
        if !self.who.is_empty() {
            d.question = Some(self.who.clone());
        }
        d
    }

    /// A warning at the question's start.
    pub fn warn(
        &self,
        code: Code,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        self.diag(false, code, (self.line, self.column), message, help)
    }
}

/// A question file's format, for `citequiz import FILE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionFormat {
    /// Moodle's GIFT (`gift`).
    Gift,
    /// Moodle's Aiken (`aiken`).
    Aiken,
}

impl QuestionFormat {
    /// The format a file name's extension names (`.gift`, `.aiken`), else
    /// what the text shows: an `ANSWER:` line and no `{` is Aiken; a `{`
    /// and no `ANSWER:` line, GIFT (whose answers are in braces). `None`
    /// when neither or both: the caller asks which.
    pub fn detect(file_name: &str, source: &str) -> Option<QuestionFormat> {
        let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("gift") => return Some(QuestionFormat::Gift),
            Some("aiken") => return Some(QuestionFormat::Aiken),
            _ => {}
        }
        let answers = source.lines().any(|l| crate::author::aiken::answer_line(l.trim()).is_some());
        let braces = source.contains('{');
        match (answers, braces) {
            (true, false) => Some(QuestionFormat::Aiken),
            (false, true) => Some(QuestionFormat::Gift),
            _ => None,
        }
    }
}

impl std::str::FromStr for QuestionFormat {
    type Err = String;

    /// `gift` or `aiken`, in any case.
    fn from_str(name: &str) -> Result<QuestionFormat, String> {
        match name.to_ascii_lowercase().as_str() {
            "gift" => Ok(QuestionFormat::Gift),
            "aiken" => Ok(QuestionFormat::Aiken),
            _ => Err(format!("\"{name}\" is not a question format: use gift or aiken")),
        }
    }
}

/// What messages call a question without a title: its first words.
pub fn who(title: &str, text: &str) -> String {
    let name = if title.trim().is_empty() { text } else { title };
    let name = collapse(name);
    let mut out: String = name.chars().take(40).collect();
    if name.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// `s` as an id: lowercase letters and digits, other runs as one `-`,
/// at most 60 characters; empty when `s` has no letter or digit.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(crate::text::lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Gives every question without an id `q1`, `q2`… (by its place in the
/// file) and renames the later of two questions with the same id (`-2`,
/// `-3`…), with a warning naming both.
pub fn unique_ids(questions: &mut [(RawQuestion, Origin)], diags: &mut Vec<Diagnostic>) {
    use std::collections::{HashMap, HashSet};
    // Hashed, and each base id remembers the next suffix to try, so that a
    // file of thousands of questions with one title stays linear.
    let mut seen: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for (n, (q, origin)) in questions.iter_mut().enumerate() {
        if q.id.is_empty() {
            q.id = format!("q{}", n + 1);
        }
        if seen.contains(&q.id) {
            let base = q.id.clone();
            let k = next.entry(base.clone()).or_insert(2);
            while seen.contains(&format!("{base}-{k}")) {
                *k += 1;
            }
            q.id = format!("{base}-{k}");
            *k += 1;
            diags.push(origin.warn(
                Code::RENAMED_ID,
                format!("another question already has the id \"{base}\": this one is \"{}\"", q.id),
                "give each question its own title or `// [id:…]` comment",
            ));
        }
        seen.insert(q.id.clone());
    }
}

/// Whitespace runs (line breaks too) as one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML's text: scripts, styles and templates dropped, every tag removed,
/// entities decoded, whitespace collapsed (a block or a `<br>` is a space).
pub fn html_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse(html);
    }
    let doc = dom_query::Document::fragment(html);
    doc.select("script, style, template, noscript, iframe, object").remove();
    collapse(&doc.formatted_text())
}

/// Markdown's text: the words of its paragraphs, code and links, without
/// the markup; inline HTML reduced as `html_text` does.
pub fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    let mut html = String::new();
    let flush = |out: &mut String, html: &mut String| {
        if !html.is_empty() {
            out.push_str(&html_text(html));
            html.clear();
        }
    };
    for event in Parser::new(md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => html.push_str(&h),
            other => {
                flush(&mut out, &mut html);
                match other {
                    Event::Text(t) | Event::Code(t) => out.push_str(&t),
                    Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
                    Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                        out.push(' ');
                    }
                    _ => {}
                }
            }
        }
    }
    flush(&mut out, &mut html);
    collapse(&out)
}

/// The id of the `i`th option or item (0-based): `a`…`z`, then `o27`….
pub fn letter_id(i: usize) -> String {
    match u8::try_from(i) {
        Ok(n) if n < 26 => char::from(b'a' + n).to_string(),
        _ => format!("o{}", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_formats_by_name_then_text() {
        use QuestionFormat::{Aiken, Gift};
        let aiken = "Who spoke?\nA. Putin\nB. Xi\nANSWER: A\n";
        let gift = "::Q1:: Who spoke? {=Putin ~Xi}\n";
        assert_eq!(QuestionFormat::detect("q.txt", aiken), Some(Aiken));
        assert_eq!(QuestionFormat::detect("q.txt", gift), Some(Gift));
        assert_eq!(QuestionFormat::detect("q", "  answer: b\n"), Some(Aiken));
        // The name wins over the text.
        assert_eq!(QuestionFormat::detect("q.GIFT", aiken), Some(Gift));
        assert_eq!(QuestionFormat::detect("q.aiken", gift), Some(Aiken));
        // Neither, or both: the caller asks.
        assert_eq!(QuestionFormat::detect("q.txt", "Who spoke?\n"), None);
        assert_eq!(QuestionFormat::detect("q.txt", &format!("{aiken}{gift}")), None);
        assert_eq!("Aiken".parse::<QuestionFormat>(), Ok(Aiken));
        assert!("qti".parse::<QuestionFormat>().unwrap_err().contains("gift or aiken"));
    }

    #[test]
    fn slugs() {
        let check = |s: &str, expected: &str| assert_eq!(slug(s), expected, "{s}");
        check("Putin's reply at Valdai", "putin-s-reply-at-valdai");
        check("  Q 1: the   trade share ", "q-1-the-trade-share");
        check("Союз?", "союз");
        check("!!!", "");
    }

    #[test]
    fn html_and_markdown_become_plain_text() {
        let check = |got: String, expected: &str| assert_eq!(got, expected);
        check(
            html_text("<p>The <b>S-400</b> &amp; Su-35</p><p>sold</p>"),
            "The S-400 & Su-35 sold",
        );
        check(html_text("a<script>alert(1)</script> b<style>p{}</style>"), "a b");
        check(html_text("3 < 5 and 5 > 3"), "3 < 5 and 5 > 3");
        check(html_text("line<br>break"), "line break");
        check(
            markdown_text("The **Valdai** `club`\nmet.\n\nAgain <i>x</i>"),
            "The Valdai club met. Again x",
        );
    }

    #[test]
    fn letter_ids() {
        assert_eq!(letter_id(0), "a");
        assert_eq!(letter_id(25), "z");
        assert_eq!(letter_id(26), "o27");
    }
}
