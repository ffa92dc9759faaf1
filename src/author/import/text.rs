//! Plain text: blocks separated by blank lines, inline tags such as `<u>`
//! removed; the header blocks read as `Options::header` says, and a
//! trailing "Original url:" taken as the address.

use super::{Block, Extracted, Options, at_line};
use crate::diag::{Code, Diagnostic};

/// Labels that introduce the original's address at the end.
const URL_LABELS: &[&str] = &["Original url:", "Original URL:", "Source:", "URL:", "Url:"];

pub(super) fn read(src: &str, options: &Options) -> Result<Extracted, Vec<Diagnostic>> {
    let mut blocks = blocks(src);
    for b in &mut blocks {
        b.text = strip_tags(&b.text);
    }
    blocks.retain(|b| !b.text.trim().is_empty());
    let mut ex = Extracted::default();
    if options.header.is_empty() {
        // A first block of one short line with no final stop is a title.
        let titled = blocks.first().is_some_and(|b| {
            let t = b.text.trim();
            !t.contains('\n') && t.chars().count() <= 200 && !t.ends_with(['.', '!', '?', ':'])
        });
        if titled {
            ex.meta.title = Some(super::collapse_whitespace(&blocks.remove(0).text));
        }
    }
    let mut body = super::read_header(blocks, &options.header, &mut ex.meta);
    take_url(&mut body, &mut ex);
    ex.blocks = body;
    Ok(ex)
}

/// The blocks of `src`: runs of non-blank lines, each with its first line's
/// number.
fn blocks(src: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(b) if open => {
                b.text.push('\n');
                b.text.push_str(line);
            }
            _ => out.push(Block { text: line.to_string(), line: Some(n + 1), item: false }),
        }
        open = true;
    }
    out
}

/// Takes a trailing "Original url:" and its address (on the same line or
/// the next block) off the body, into the metadata; an address with spaces
/// in it is a warning, left for the author to give.
fn take_url(body: &mut Vec<Block>, ex: &mut Extracted) {
    let is_url = |s: &str| s.starts_with("https://") || s.starts_with("http://");
    let Some(last) = body.last() else { return };
    let last_text = last.text.trim().to_string();
    let line = last.line;
    let (address, drop) = match URL_LABELS.iter().find_map(|l| last_text.strip_prefix(l)) {
        Some(rest) if is_url(rest.trim()) => (rest.trim().to_string(), 1),
        _ if is_url(&last_text) => {
            let labelled = body.len() >= 2
                && body
                    .get(body.len() - 2)
                    .is_some_and(|b| URL_LABELS.iter().any(|l| b.text.trim() == *l));
            (last_text, if labelled { 2 } else { 1 })
        }
        _ => return,
    };
    body.truncate(body.len() - drop);
    if address.chars().any(char::is_whitespace) {
        ex.warnings.push(at_line(
            Diagnostic::warning(
                Code::UNREAD_URL,
                "url",
                format!("the address at the end has spaces in it: \"{address}\""),
            )
            .with_help("check it against the original page and give it with --url"),
            line,
        ));
    } else {
        ex.meta.url = Some(address);
    }
}

/// The text without inline HTML tags (`<u>`, `</u>`, `<a href="…">`): a
/// `<` followed by an optional `/`, a letter, a tag name and, after
/// whitespace, attributes without `<`, up to `>`. A `<` that starts no tag
/// ("a < b") stays.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('<') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        match tag_len(from) {
            Some(len) => rest = from.get(len..).unwrap_or_default(),
            None => {
                out.push('<');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length in bytes of the tag `s` starts with, if it starts with one.
fn tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        i += 1;
    }
    match b.get(i)? {
        b'>' => Some(i + 1),
        c if c.is_ascii_whitespace() || *c == b'/' => {
            let close = s.get(i..)?.find(['>', '<'])?;
            (b.get(i + close) == Some(&b'>')).then_some(i + close + 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(strip_tags(input), expected);
    }

    #[test]
    fn inline_tags_go_and_their_text_stays() {
        check("has taken <u>important steps</u> to", "has taken important steps to");
        check("<u>Su-35 fighter</u> <u>aircraft</u>", "Su-35 fighter aircraft");
        check(r#"an <a href="https://x.org/a?b=1">interview</a>."#, "an interview.");
        check("line<br/>break", "linebreak");
        check("a < b and b > c", "a < b and b > c");
        check("x <3 y", "x <3 y");
        check("<em>unclosed", "unclosed");
        check("<not closed", "<not closed");
    }

    #[test]
    fn blocks_carry_their_first_line() {
        let got = blocks("\n\nOne\ntwo\n  \nThree\r\n");
        assert_eq!(
            got,
            [
                Block { text: "One\ntwo".into(), line: Some(3), item: false },
                Block { text: "Three".into(), line: Some(6), item: false }
            ]
        );
    }
}
