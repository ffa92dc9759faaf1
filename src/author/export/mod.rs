//! A checked bank written for other systems (native only): Moodle XML for a
//! Moodle question bank (`moodle`) and a QTI 3.0 content package (`qti`).
//!
//! Every writer takes the checked `Bank` (so citations are anchored quotes
//! with the article's own text) and returns an `Export`: the files, by
//! their path in the output, and a warning `Diagnostic` naming each
//! question the format could not hold as it is (the nearest type was
//! written instead: nothing is dropped silently). No IO: the CLI writes
//! the files, as one file, a folder or a zip (`package::zip`).
//!
//! Bank text is plain text: every writer escapes it, through `xml_text`
//! (XML) and `html_text` (HTML inside XML), the one place it is done.

pub mod moodle;
pub mod qti;

use crate::article::{Article, Sentence};
use crate::bank::{Bank, Question};
use crate::diag::{Code, Diagnostic};
use crate::package::escape_xml;

/// What an export made.
#[derive(Debug, Clone)]
pub struct Export {
    /// The files, by their path in the output (`/`-separated), in the
    /// order written; one for a single-file format.
    pub files: Vec<(String, Vec<u8>)>,
    /// What the format could not hold as it is, one warning per question.
    pub warnings: Vec<Diagnostic>,
}

/// `s` escaped as XML text or an attribute value, without the characters
/// XML 1.0 forbids (controls but tab, newline and carriage return;
/// U+FFFE, U+FFFF), which a JSON string may hold. Tab, newline and
/// carriage return are written as character references, which a parser
/// gives back as they were (in an attribute it would read them as spaces,
/// and anywhere it reads a carriage return as a newline).
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_xml(s).chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Plain text as HTML: escaped, each line of it a `<p>`, blank lines
/// dropped. The HTML is itself text to escape when it is put in XML
/// outside CDATA.
pub fn html_text(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{}</p>", xml_text(l)))
        .collect()
}

/// A number as XML Schema and Moodle read it: no exponent, no trailing
/// zeros (`18`, `0.5`, `33.33333`), at most 7 decimals.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let s = format!("{x:.7}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_string() } else { s.to_string() }
}

/// Unique XML names (`NCName`s) for a set of ids: characters outside
/// `A-Z a-z 0-9 - _ .` become `_`, each starts with `prefix` (which
/// starts with a letter), and a name already given gets `-2`, `-3`, …
#[derive(Debug, Default)]
pub struct Names {
    given: Vec<String>,
}

impl Names {
    /// The name for `id`; a second call with the same id gives another.
    pub fn name(&mut self, prefix: &str, id: &str) -> String {
        let clean: String = id
            .chars()
            .map(
                |c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' },
            )
            .collect();
        let base = format!("{prefix}{clean}");
        let mut name = base.clone();
        let mut n = 1;
        while self.given.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        self.given.push(name.clone());
        name
    }
}

/// The sentences an evidence question is exported with: every sentence
/// of the paragraphs its citations touch and of the paragraph before and
/// after each, in article order, each with whether it is one to select.
/// Moodle and QTI both show these rather than the whole article, which
/// would make an item of hundreds of choices.
pub fn evidence_sentences<'a>(
    article: &'a Article,
    target: &[String],
) -> Vec<(&'a Sentence, bool)> {
    let last = article.paragraphs().len().saturating_sub(1);
    let mut paragraphs: Vec<usize> = target
        .iter()
        .filter_map(|id| article.sentence(id))
        .flat_map(|s| [s.paragraph.saturating_sub(1), s.paragraph, (s.paragraph + 1).min(last)])
        .collect();
    paragraphs.sort_unstable();
    paragraphs.dedup();
    paragraphs
        .into_iter()
        .flat_map(|p| article.sentences_of(p))
        .map(|s| (s, target.contains(&s.id)))
        .collect()
}

/// A question's short title (Moodle's name, QTI's `title`): its prompt
/// on one line, cut to 80 characters.
pub fn short_title(prompt: &str) -> String {
    let p = prompt.split_whitespace().collect::<Vec<_>>().join(" ");
    if p.chars().count() <= 80 {
        p
    } else {
        format!("{}…", p.chars().take(79).collect::<String>().trim_end())
    }
}

/// The article's title and address, as a citation names its source.
pub fn source(article: &Article) -> (String, String) {
    (article.raw().title.clone(), article.raw().url.clone())
}

/// The warning for a question written as the nearest type a format has.
pub fn nearest_type(bank: &Bank, q: &Question, format: &str, what: &str) -> Diagnostic {
    let path = match bank.index_of(q.id()) {
        Some(i) => format!("questions[{i}]"),
        None => String::new(),
    };
    Diagnostic::warning(
        Code::EXPORT_NEAREST_TYPE,
        path,
        format!("{format} has no {} question: question \"{}\" {what}", q.kind().name(), q.id()),
    )
    .for_question(q.id())
}

/// The bank as GIFT (`author::gift::write`, which works on the bank as
/// written, ids, hints and citations as the author gave them), from the
/// source of a bank that checks.
pub fn gift(source: &str) -> Export {
    match crate::bank::RawBank::from_json(source) {
        Ok(raw) => {
            let (text, warnings) = crate::author::gift::write(&raw);
            Export { files: vec![("bank.gift".to_string(), text.into_bytes())], warnings }
        }
        // Not for a bank that checks: its diagnostics, and no file.
        Err(diags) => Export { files: Vec::new(), warnings: diags },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_back_as_written() {
        let nasty =
            "a < b && c > \"d\" 'e' ]]> \u{1}\u{b}tab\there\r\nline\u{fffe} <p>not html</p>";
        let xml = format!("<r a=\"{0}\">{0}</r>", xml_text(nasty));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let want: String =
            nasty.chars().filter(|c| !matches!(c, '\u{1}' | '\u{b}' | '\u{fffe}')).collect();
        assert_eq!(doc.root_element().text(), Some(want.as_str()));
        assert_eq!(doc.root_element().attribute("a"), Some(want.as_str()));
    }

    #[test]
    fn html_text_is_escaped_html_in_paragraphs() {
        assert_eq!(html_text("x < y\n\n  <b>z</b> "), "<p>x &lt; y</p><p>&lt;b&gt;z&lt;/b&gt;</p>");
    }

    #[test]
    fn numbers_have_no_exponent_or_trailing_zeros() {
        for (x, s) in [
            (18.0, "18"),
            (0.5, "0.5"),
            (100.0 / 3.0, "33.3333333"),
            (-0.0, "0"),
            (1e-9, "0"),
            (f64::NAN, "0"),
            (-2.5, "-2.5"),
            (1e21, "1000000000000000000000"),
        ] {
            assert_eq!(number(x), s, "{x}");
        }
    }

    #[test]
    fn names_are_ncnames_and_unique() {
        let mut n = Names::default();
        assert_eq!(n.name("q-", "a b"), "q-a_b");
        assert_eq!(n.name("q-", "a_b"), "q-a_b-2");
        assert_eq!(n.name("c-", "5g"), "c-5g");
        assert_eq!(n.name("c-", "ключ"), "c-____");
    }
}
