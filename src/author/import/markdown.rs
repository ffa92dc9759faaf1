//! Markdown (CommonMark, with GitHub's tables and footnotes): paragraphs,
//! list items and block quotes become paragraphs with their inline markup
//! dropped to its text; the first level-one heading is the title when the
//! front matter gives none; YAML front matter gives the metadata, and
//! `--header` reads the first blocks after the title (a byline, a date)
//! as a plain text's header.
//! Headings, code blocks, HTML blocks, tables, images and footnotes are
//! left out, each kind named in one warning.

use super::{Block, Extracted, Options, at_line};
use crate::diag::{Code, Diagnostic};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The front matter keys read, and the fields they fill.
const KEYS: &str = "title, subtitle, author (or authors, byline), date, publisher (or site_name), \
                    originally_published_by, url, photo_credit, language (or lang), id, notes";

pub(super) fn read(src: &str, options: &Options) -> Result<Extracted, Vec<Diagnostic>> {
    let line_of = |offset: usize| src.get(..offset).map_or(0, |s| s.matches('\n').count()) + 1;
    let opts = pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    let mut ex = Extracted::default();
    let mut cur: Option<Block> = None;
    let mut heading: Option<(HeadingLevel, String, usize)> = None;
    let mut front: Option<(String, usize)> = None;
    let mut in_front = false;
    // Depth inside what is left out (code, HTML blocks, tables, images,
    // footnote definitions): text there is not the article's.
    let mut skip = 0usize;
    let mut left_out = LeftOut::default();
    // Depth of lists: their items (and paragraphs in them) are fragments.
    let mut items = 0usize;
    let flush = |cur: &mut Option<Block>, ex: &mut Extracted| {
        if let Some(b) = cur.take().filter(|b| !b.text.trim().is_empty()) {
            ex.blocks.push(b);
        }
    };
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_front = false;
                // Read now, so that a title there makes a first `#` heading
                // a heading rather than the title.
                if let Some((yaml, line)) = front.take() {
                    front_matter(&yaml, line, &mut ex)?;
                }
            }
            Event::Text(t) if in_front => {
                let line = line_of(range.start);
                front.get_or_insert_with(|| (String::new(), line)).0.push_str(&t);
            }
            Event::Start(
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_) | Tag::FootnoteDefinition(_),
            ) => {
                if skip == 0 {
                    flush(&mut cur, &mut ex);
                    left_out.note(&event_kind(&event), line_of(range.start));
                }
                skip += 1;
            }
            Event::Start(Tag::Image { .. }) => {
                if skip == 0 {
                    left_out.note("image", line_of(range.start));
                }
                skip += 1;
            }
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::Image,
            ) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut cur, &mut ex);
                heading = Some((level, String::new(), line_of(range.start)));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, line)) = heading.take() {
                    let text = super::collapse_whitespace(&text);
                    if level == HeadingLevel::H1 && ex.meta.title.is_none() && ex.blocks.is_empty()
                    {
                        ex.meta.title = Some(text);
                    } else {
                        left_out.note("heading", line);
                    }
                }
            }
            Event::Start(tag @ (Tag::Paragraph | Tag::Item)) => {
                flush(&mut cur, &mut ex);
                let item = matches!(tag, Tag::Item) || items > 0;
                cur = Some(Block { text: String::new(), line: Some(line_of(range.start)), item });
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut cur, &mut ex),
            Event::Start(Tag::List(_)) => {
                flush(&mut cur, &mut ex);
                items += 1;
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut cur, &mut ex);
                items = items.saturating_sub(1);
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => {
                if let Some((_, h, _)) = heading.as_mut() {
                    h.push_str(&t);
                } else {
                    cur.get_or_insert_with(|| Block {
                        text: String::new(),
                        line: Some(line_of(range.start)),
                        item: items > 0,
                    })
                    .text
                    .push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, h, _)) = heading.as_mut() {
                    h.push(' ');
                } else if let Some(b) = cur.as_mut() {
                    b.text.push(' ');
                }
            }
            // Inline HTML tags go; the text between them stays.
            _ => {}
        }
    }
    flush(&mut cur, &mut ex);
    ex.blocks = super::read_header(std::mem::take(&mut ex.blocks), &options.header, &mut ex.meta);
    ex.warnings.extend(left_out.warnings());
    Ok(ex)
}

fn event_kind(event: &Event) -> String {
    match event {
        Event::Start(Tag::CodeBlock(_)) => "code block",
        Event::Start(Tag::HtmlBlock) => "HTML block",
        Event::Start(Tag::Table(_)) => "table",
        _ => "footnote",
    }
    .to_string()
}

/// What was left out, by kind, with the line of the first of each.
#[derive(Default)]
struct LeftOut(Vec<(String, usize, usize)>);

impl LeftOut {
    fn note(&mut self, kind: &str, line: usize) {
        match self.0.iter_mut().find(|(k, _, _)| k == kind) {
            Some((_, n, _)) => *n += 1,
            None => self.0.push((kind.to_string(), 1, line)),
        }
    }

    fn warnings(self) -> impl Iterator<Item = Diagnostic> {
        self.0.into_iter().map(|(kind, n, line)| {
            let what = if n == 1 { format!("a {kind}") } else { format!("{n} {kind}s") };
            at_line(
                Diagnostic::warning(
                    Code::LEFT_OUT,
                    "paragraphs",
                    format!("left out {what} (the first here): an article keeps paragraphs only"),
                )
                .with_help("if it is part of the text to quote, write it as a paragraph"),
                Some(line),
            )
        })
    }
}

/// Reads the YAML front matter (its text starting on `line`) into the
/// metadata and notes.
fn front_matter(yaml: &str, line: usize, ex: &mut Extracted) -> Result<(), Vec<Diagnostic>> {
    use serde_norway::Value;
    let value: Value = serde_norway::from_str(yaml).map_err(|e| {
        let at = e.location().map(|l| line + l.line().saturating_sub(1));
        vec![at_line(
            Diagnostic::error(
                Code::BAD_FRONT_MATTER,
                "",
                format!("the front matter is not YAML: {e}"),
            )
            .with_help(format!("write it as `key: value` lines; the keys read are {KEYS}")),
            at.or(Some(line)),
        )]
    })?;
    let Value::Mapping(map) = value else {
        return Err(vec![at_line(
            Diagnostic::error(Code::BAD_FRONT_MATTER, "", "the front matter is not a mapping")
                .with_help(format!("write it as `key: value` lines; the keys read are {KEYS}")),
            Some(line),
        )]);
    };
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Sequence(items) => {
                let parts: Vec<String> =
                    items.iter().filter_map(|i| i.as_str().map(|s| s.trim().to_string())).collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
            _ => None,
        }
        .filter(|s| !s.is_empty())
    };
    let mut unknown = Vec::new();
    for (k, v) in &map {
        let key = k.as_str().unwrap_or_default().to_ascii_lowercase().replace('-', "_");
        let m = &mut ex.meta;
        let slot = match key.as_str() {
            "title" => &mut m.title,
            "subtitle" | "description" => &mut m.subtitle,
            "author" | "authors" | "byline" => &mut m.author,
            "date" | "published" => &mut m.date,
            "publisher" | "site_name" | "site" => &mut m.publisher,
            "originally_published_by" => &mut m.originally_published_by,
            "url" | "canonical_url" => &mut m.url,
            "photo_credit" => &mut m.photo_credit,
            "language" | "lang" => &mut m.language,
            "id" => &mut m.id,
            "notes" => {
                match v {
                    Value::Sequence(items) => ex.notes.extend(items.iter().filter_map(text)),
                    _ => ex.notes.extend(text(v)),
                }
                continue;
            }
            _ => {
                unknown.push(key);
                continue;
            }
        };
        *slot = text(v);
    }
    if !unknown.is_empty() {
        ex.warnings.push(at_line(
            Diagnostic::warning(
                Code::UNKNOWN_FRONT_MATTER,
                "",
                format!("the front matter's {} not read", plural_keys(&unknown)),
            )
            .with_help(format!("the keys read are {KEYS}")),
            Some(line),
        ));
    }
    Ok(())
}

fn plural_keys(keys: &[String]) -> String {
    let list = keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    if keys.len() == 1 { format!("key {list} is") } else { format!("keys {list} are") }
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Meta, Options, import};

    fn check(src: &str, expected: &[&str]) -> super::super::Imported {
        let o = Options { format: Some(Format::Markdown), ..Options::default() };
        let got = match import(src.as_bytes(), "a.md", &o) {
            Ok(g) => g,
            Err(d) => panic!("{d:#?}"),
        };
        assert_eq!(got.paragraphs, expected);
        got
    }

    #[test]
    fn front_matter_and_inline_markup() {
        let got = check(
            "---\ntitle: \"A: Title\"\nauthor: [Ann Lee, Bo Chen]\ndate: 2021-03-04\nlang: en\n\
             notes:\n  - First published elsewhere.\nsite_name: Site\nurl: https://e.org/a\ncolour: red\n---\n\n\
             # Heading one\n\nSome *emphasis*, `code` and [a link](https://x.org).\nSecond line.\n\n\
             - item one\n- item **two**\n\n> quoted\n\n```\nfn main() {}\n```\n\n## Part\n\n![alt](i.png) After.\n",
            &[
                "Some emphasis, code and a link. Second line.",
                "item one",
                "item two",
                "quoted",
                "After.",
            ],
        );
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            got.meta,
            Meta {
                title: some("A: Title"),
                author: some("Ann Lee, Bo Chen"),
                date: some("2021-03-04"),
                language: some("en"),
                publisher: some("Site"),
                url: some("https://e.org/a"),
                ..Meta::default()
            }
        );
        assert_eq!(got.notes, ["First published elsewhere."]);
        let w: Vec<_> = got.warnings.iter().map(|d| (d.code, d.location())).collect();
        assert_eq!(
            w,
            [
                ("unknown-front-matter", "a.md:2:1".to_string()),
                ("left-out", "a.md:13:1".to_string()),
                ("left-out", "a.md:23:1".to_string()),
                ("left-out", "a.md:29:1".to_string()),
            ]
        );
        // The h1 after a front matter title is a heading left out, not a title.
        assert!(got.warnings[1].message.contains("2 headings"), "{}", got.warnings[1].message);
    }

    #[test]
    fn a_heading_is_the_title_without_front_matter() {
        let got = check("# The Title\n\nBody.\n", &["Body."]);
        assert_eq!(got.meta.title.as_deref(), Some("The Title"));
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn a_byline_after_the_title_is_read_by_header_and_its_help_says_so() {
        let src = "# Why Bees Dance\n\n*By Jane Author, March 1, 2024*\n\nBees dance.\n";
        // Without --header, the byline stays text, and the missing author's
        // help names the option that reads it.
        let got = check(src, &["By Jane Author, March 1, 2024", "Bees dance."]);
        let d = got.article().expect_err("no author");
        let author = d.iter().find(|d| d.path == "author").expect("author missing");
        assert_eq!(
            author.help.as_deref(),
            Some(
                "give it with --author \"Name Surname\", or with --header byline to read the first \
                 paragraph (\"By Jane Author, March 1, 2024\") as the byline and leave it out of the text"
            )
        );
        let o = Options {
            format: Some(Format::Markdown),
            header: vec![super::super::HeaderField::Byline],
            ..Options::default()
        };
        let got = import(src.as_bytes(), "a.md", &o).expect("imports");
        assert_eq!(got.paragraphs, ["Bees dance."]);
        assert_eq!(got.meta.title.as_deref(), Some("Why Bees Dance"));
        assert_eq!(got.meta.author.as_deref(), Some("Jane Author"));
        assert_eq!(got.meta.date.as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn bad_front_matter_is_an_error_at_its_line() {
        let o = Options { format: Some(Format::Markdown), ..Options::default() };
        let Err(d) = import(b"---\ntitle: a\nauthor: [b\n---\n\nBody.\n", "f.md", &o) else {
            panic!("accepted")
        };
        assert_eq!(d[0].code, "bad-front-matter");
        assert_eq!(d[0].file.as_deref(), Some("f.md"));
        assert!(d[0].line.is_some_and(|l| (2..=5).contains(&l)), "{:?}", d[0].line);
    }
}
