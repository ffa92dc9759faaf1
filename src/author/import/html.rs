//! A saved web page: decoded by its declared charset, its article found by
//! Mozilla's Readability (the `dom_smoothie` port, as Firefox's Reader View
//! finds it), then its content read as paragraphs: block elements (`p`,
//! `li`, `blockquote`, `div`…) end a paragraph, inline markup is reduced to
//! its text, and headings, figures, tables and code are left out, each kind
//! named in one warning; so is a wiki's furniture that Readability keeps
//! (note calls, "[edit]" links, the contents, captions, and the back-matter
//! sections: References, See also…). The metadata (title, byline, date, site name,
//! language, address) is what Readability reads from Open Graph, JSON-LD,
//! `<meta>` and `<html lang>`, with `<link rel="canonical">` for the
//! address when those give none.

use super::{Block, Extracted, Options};
use crate::diag::{Code, Diagnostic};
use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;

/// Fewer characters of text than this in what Readability found is not an
/// article but a page's leftovers (a menu, a cookie notice): Readability's
/// own threshold for "probably readable" content (`readable_min_content_length`).
const MIN_ARTICLE_CHARS: usize = 140;

pub(super) fn read(
    src: &[u8],
    file: &str,
    _options: &Options,
) -> Result<Extracted, Vec<Diagnostic>> {
    let mut ex = Extracted::default();
    let text = decode(src, &mut ex.warnings);
    let doc = Document::from(text.as_str());
    let furniture = remove_furniture(&doc);
    let canonical = doc
        .select(r#"link[rel="canonical"]"#)
        .attr("href")
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http://") || h.starts_with("https://"));
    let no_article = |why: &str| {
        vec![
            Diagnostic::error(Code::NO_ARTICLE, "", format!("found no article in {file}: {why}"))
                .with_help(
                    "save the article's own page (not a home or search page), \
                 or copy its text into a .txt file and import that",
                ),
        ]
    };
    let mut readability = dom_smoothie::Readability::with_document(doc, None, None)
        .map_err(|e| no_article(&e.to_string()))?;
    let article = readability.parse().map_err(|e| no_article(&e.to_string()))?;
    let (paragraphs, left_out) = paragraphs_and_left_out(&article.content);
    let chars: usize = paragraphs.iter().map(|p| p.text.chars().count()).sum();
    if chars < MIN_ARTICLE_CHARS {
        return Err(no_article(&format!(
            "its main content has {chars} characters of text, fewer than an article's {MIN_ARTICLE_CHARS}"
        )));
    }
    ex.blocks = paragraphs;
    let mut all = furniture;
    for (kind, n, first) in left_out {
        match all.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, m, _)) => *m += n,
            None => all.push((kind, n, first)),
        }
    }
    ex.warnings.extend(all.into_iter().map(|(kind, n, first)| {
        let what = if n == 1 { format!("a {kind}") } else { format!("{n} {kind}s") };
        let first =
            if first.is_empty() { String::new() } else { format!(", the first \"{first}\"") };
        Diagnostic::warning(
            Code::LEFT_OUT,
            "paragraphs",
            format!("left out {what}{first}: an article keeps paragraphs only"),
        )
        .with_help("if it is part of the text to quote, add it to the paragraphs by hand")
    }));
    let some =
        |s: Option<String>| s.map(|s| super::collapse_whitespace(&s)).filter(|s| !s.is_empty());
    ex.meta.title = some(Some(article.title));
    ex.meta.author = some(article.byline);
    ex.meta.date = some(article.published_time);
    ex.meta.publisher = some(article.site_name);
    ex.meta.language = some(article.lang);
    ex.meta.url = some(article.url)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .or(canonical);
    Ok(ex)
}

/// A page's furniture that Readability keeps inside the article, by kind,
/// as CSS selectors: a wiki's note calls ("[1]", "[citation needed]") and
/// "[edit]" links, its table of contents, and image captions (whose images
/// are left out, so the caption would read as a paragraph of its own).
/// Removed before Readability runs, because it drops the classes that tell
/// them apart.
const FURNITURE: &[(&str, &str)] = &[
    ("note marker", "sup.reference, sup.noprint, .mw-editsection"),
    ("table of contents", "#toc, .toc"),
    ("caption", ".thumbcaption, .wp-caption-text"),
];

/// The first words of what was left out, to name it in the warning.
fn excerpt(node: &NodeRef) -> String {
    super::collapse_whitespace(&node.text()).chars().take(40).collect()
}

/// Removes the page's [`FURNITURE`]; returns what went, by kind.
fn remove_furniture(doc: &Document) -> LeftOut {
    let mut out = LeftOut::new();
    for (kind, selector) in FURNITURE {
        let found = doc.select(selector);
        let n = found.length();
        if n > 0 {
            let first = found.nodes().first().map(excerpt).unwrap_or_default();
            out.push((kind, n, first));
            found.remove();
        }
    }
    out
}

/// A heading that opens a page's back matter (lists of notes, sources and
/// links, not the article's text): its section is left out up to the next
/// heading of the same or a higher level. Compared case-insensitively,
/// after an "[edit]" link and a section number ("7 References").
const BACK_MATTER: &[&str] = &[
    "references",
    "notes",
    "footnotes",
    "citations",
    "sources",
    "bibliography",
    "see also",
    "further reading",
    "external links",
];

fn is_back_matter(heading: &str) -> bool {
    let t = super::collapse_whitespace(heading).to_ascii_lowercase();
    let t = t.trim_end_matches("[edit]").trim();
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').trim();
    BACK_MATTER.contains(&t)
}

fn holds_heading(node: &NodeRef) -> bool {
    node.children().iter().any(|c| {
        matches!(c.node_name().as_deref(), Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
            || (c.is_element() && holds_heading(c))
    })
}

/// A note call: a superscript whose whole text is in brackets ("[1]",
/// "[a]", "[citation needed]").
fn is_note_call(sup: &NodeRef) -> bool {
    let t = sup.text();
    let t = t.trim();
    t.len() > 2 && t.starts_with('[') && t.ends_with(']')
}

/// The paragraphs of an article's HTML content, as `import` reads a page's
/// main content: block elements end a paragraph, inline markup is reduced
/// to its text, whitespace collapsed; headings, figures, tables, code and
/// scripts are left out.
///
/// # Example
/// ```
/// use citequiz::author::import::content_paragraphs;
/// let html = "<div><h2>Part</h2><p>One <em>two</em>.</p><ul><li>Three</li></ul></div>";
/// assert_eq!(content_paragraphs(html), ["One two.", "Three"]);
/// ```
pub fn content_paragraphs(html: &str) -> Vec<String> {
    paragraphs_and_left_out(html).0.into_iter().map(|b| b.text).collect()
}

/// What was left out, by kind: the kind, how many, the first one's text.
type LeftOut = Vec<(&'static str, usize, String)>;

fn paragraphs_and_left_out(html: &str) -> (Vec<Block>, LeftOut) {
    let doc = Document::from(html);
    let mut w = Walker::default();
    w.walk(&doc.root());
    w.flush();
    (w.paragraphs, w.left_out)
}

#[derive(Default)]
struct Walker {
    paragraphs: Vec<Block>,
    cur: String,
    /// Depth of lists: their items are fragments, not broken paragraphs.
    lists: usize,
    /// Inside a back-matter section opened by a heading of this level.
    back_matter: Option<u8>,
    left_out: LeftOut,
}

impl Walker {
    fn flush(&mut self) {
        let p = super::collapse_whitespace(&self.cur);
        self.cur.clear();
        if !p.is_empty() {
            self.paragraphs.push(Block { text: p, line: None, item: self.lists > 0 });
        }
    }

    fn leave_out(&mut self, kind: &'static str, node: &NodeRef) {
        match self.left_out.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, n, _)) => *n += 1,
            None => {
                let text = excerpt(node);
                self.left_out.push((kind, 1, text));
            }
        }
    }

    fn walk(&mut self, node: &NodeRef) {
        for child in node.children() {
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            let level = match name.as_bytes() {
                [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
                _ => None,
            };
            if let Some(open) = self.back_matter {
                match level {
                    Some(l) if l <= open => self.back_matter = None,
                    _ => {
                        // A section's content may hold its next heading.
                        if child.is_element() && level.is_none() && holds_heading(&child) {
                            self.walk(&child);
                        }
                        continue;
                    }
                }
            }
            if child.is_text() {
                self.cur.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            match name.as_str() {
                "sup" if is_note_call(&child) => self.leave_out("note marker", &child),
                "script" | "style" | "noscript" | "template" | "svg" | "math" | "button"
                | "select" | "textarea" | "iframe" | "video" | "audio" | "canvas" | "object"
                | "img" | "picture" | "source" => {}
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    if is_back_matter(&child.text()) {
                        self.back_matter = level;
                        self.leave_out("back-matter section", &child);
                    } else {
                        self.leave_out("heading", &child);
                    }
                }
                "figure" => {
                    self.flush();
                    self.leave_out("figure", &child);
                }
                "table" => {
                    self.flush();
                    self.leave_out("table", &child);
                }
                "pre" => {
                    self.flush();
                    self.leave_out("code block", &child);
                }
                "br" | "wbr" => self.cur.push(' '),
                "ul" | "ol" | "dl" => {
                    self.flush();
                    self.lists += 1;
                    self.walk(&child);
                    self.flush();
                    self.lists -= 1;
                }
                "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside"
                | "nav" | "blockquote" | "li" | "dt" | "dd" | "hr" | "address" | "form"
                | "fieldset" | "details" | "summary" | "center" | "figcaption" | "body"
                | "html" => {
                    self.flush();
                    self.walk(&child);
                    self.flush();
                }
                _ => self.walk(&child),
            }
        }
    }
}

/// The page's text, decoded by its byte-order mark, else its declared
/// charset, else as UTF-8 when it is, else as windows-1252 (what browsers
/// assume), each guess and each undecodable byte a warning.
fn decode(src: &[u8], warnings: &mut Vec<Diagnostic>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(src) {
        let (text, _) = enc.decode_without_bom_handling(src.get(bom..).unwrap_or_default());
        return text.into_owned();
    }
    let declared = declared_charset(src);
    let utf8 = std::str::from_utf8(src).is_ok();
    let enc = match declared {
        // A saved page is often re-encoded as UTF-8 and keeps its old
        // declaration; legacy text with non-ASCII bytes is almost never
        // valid UTF-8 by chance, so valid UTF-8 wins.
        Some(enc) if enc != encoding_rs::UTF_8 && utf8 && !src.is_ascii() => {
            warnings.push(
                Diagnostic::warning(
                    Code::CHARSET_MISMATCH,
                    "",
                    format!("the page declares {} but is UTF-8 (as saved pages often are): read as UTF-8", enc.name()),
                )
                .with_help("if letters look wrong, fix the page's <meta charset> and import again"),
            );
            encoding_rs::UTF_8
        }
        Some(enc) => enc,
        None if utf8 => encoding_rs::UTF_8,
        None => {
            warnings.push(
                Diagnostic::warning(
                    Code::GUESSED_CHARSET,
                    "",
                    "the page declares no charset and is not UTF-8: read as windows-1252",
                )
                .with_help(
                    "if letters look wrong, add the page's real charset, e.g. \
                     <meta charset=\"windows-1251\">, to its <head> and import again",
                ),
            );
            encoding_rs::WINDOWS_1252
        }
    };
    let (text, had_errors) = enc.decode_without_bom_handling(src);
    if had_errors {
        warnings.push(
            Diagnostic::warning(
                Code::BAD_CHARSET,
                "",
                format!(
                    "some bytes are not valid {} (the page's declared charset): they read as \u{FFFD}",
                    enc.name()
                ),
            )
            .with_help("check the page's <meta charset>: it may name the wrong encoding"),
        );
    }
    text.into_owned()
}

/// The charset a `<meta charset>` or `<meta http-equiv="Content-Type">`
/// names in the page's first 4,096 bytes (where the HTML standard's
/// prescan looks); a declared UTF-16 means UTF-8, as the standard says,
/// since the page's bytes were just read as ASCII.
fn declared_charset(src: &[u8]) -> Option<&'static Encoding> {
    let head = src.get(..src.len().min(4096)).unwrap_or_default().to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&head, b"<meta", from) {
        let end = find(&head, b">", at).unwrap_or(head.len());
        from = end;
        let tag = head.get(at..end).unwrap_or_default();
        let Some(cs) = find(tag, b"charset", 0) else { continue };
        let mut rest = tag.get(cs + b"charset".len()..).unwrap_or_default();
        rest = trim_start(rest);
        let Some(r) = rest.strip_prefix(b"=") else { continue };
        rest = trim_start(r);
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let len = rest
            .iter()
            .position(|c| matches!(c, b'"' | b'\'' | b';' | b'/' | b'>') || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let enc = Encoding::for_label(rest.get(..len).unwrap_or_default())?;
        return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        });
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|c| c.is_ascii_whitespace()).count();
    s.get(n..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_charset(html: &str, expected: Option<&str>) {
        assert_eq!(declared_charset(html.as_bytes()).map(Encoding::name), expected, "{html}");
    }

    #[test]
    fn declared_charsets() {
        check_charset(r#"<meta charset="utf-8">"#, Some("UTF-8"));
        check_charset(r#"<META CHARSET=windows-1251>"#, Some("windows-1251"));
        check_charset(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1" />"#,
            Some("windows-1252"),
        );
        check_charset(r#"<meta charset="utf-16">"#, Some("UTF-8"));
        check_charset(r#"<meta name="x" content="y"><p>charset=koi8-r</p>"#, None);
        check_charset(r#"<meta charset="no-such">"#, None);
    }

    #[test]
    fn a_page_in_its_declared_charset() {
        let body = "Статья о союзе. ".repeat(20);
        let page = format!(
            "<html lang=\"ru\"><head><meta charset=\"windows-1251\"><title>Союз</title></head>\
             <body><article><h1>Союз</h1><p>{body}</p><p>{body}</p></article></body></html>"
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&page);
        let mut w = Vec::new();
        assert_eq!(decode(&bytes, &mut w), page);
        assert!(w.is_empty());
        let Ok(ex) = read(&bytes, "ru.html", &Options::default()) else { panic!("refused") };
        assert_eq!(ex.blocks.len(), 2);
        assert_eq!(ex.blocks[0].text.trim(), body.trim());
        assert_eq!(ex.meta.language.as_deref(), Some("ru"));
    }

    const PAGE: &str = r#"<!doctype html><html lang="pt-BR"><head><meta charset="utf-8">
        <title>Page title | Site</title>
        <meta property="og:title" content="The Headline">
        <meta property="og:site_name" content="The Site">
        <link rel="canonical" href="https://example.org/news/headline">
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "The Headline", "author": {"@type": "Person", "name": "Ana Souza"},
          "datePublished": "2023-07-08T09:10:11-03:00"}</script></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>The Headline</h1>
        <p>First paragraph of the story, long enough to be an article's text and to be read.</p>
        <p>Second paragraph, with <a href="/x">a link</a> and <em>emphasis</em> in it, and more words.</p>
        </article>
        <footer>Copyright 2023 The Site</footer></body></html>"#;

    #[test]
    fn metadata_from_json_ld_open_graph_and_lang_and_options_over_it() {
        use super::super::{Format, Meta, import};
        let o = Options { format: Some(Format::Html), ..Options::default() };
        let Ok(got) = import(PAGE.as_bytes(), "p.html", &o) else { panic!("refused") };
        assert_eq!(
            got.paragraphs,
            [
                "First paragraph of the story, long enough to be an article's text and to be read.",
                "Second paragraph, with a link and emphasis in it, and more words."
            ]
        );
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            got.meta,
            Meta {
                title: some("The Headline"),
                author: some("Ana Souza"),
                date: some("2023-07-08"),
                publisher: some("The Site"),
                language: some("pt-BR"),
                url: some("https://example.org/news/headline"),
                ..Meta::default()
            }
        );
        let o = Options {
            meta: Meta {
                title: Some("Given".into()),
                date: Some("2023-07-09".into()),
                language: Some("pt".into()),
                ..Meta::default()
            },
            ..o
        };
        let Ok(got) = import(PAGE.as_bytes(), "p.html", &o) else { panic!("refused") };
        let Ok(article) = got.article() else { panic!("no article") };
        assert_eq!(
            (article.title.as_str(), article.date.as_str(), article.language.as_deref()),
            ("Given", "2023-07-09", Some("pt"))
        );
        assert_eq!(article.author, "Ana Souza");
        assert_eq!(article.id, "souza-2023-given");
    }

    #[test]
    fn an_undeclared_legacy_page_is_read_as_windows_1252_with_a_warning() {
        let mut w = Vec::new();
        assert_eq!(decode(b"<p>caf\xE9</p>", &mut w), "<p>café</p>");
        assert_eq!(w.iter().map(|d| d.code).collect::<Vec<_>>(), ["guessed-charset"]);
        // A page that declares UTF-8 and is not: read as declared, each bad
        // byte a replacement character, and one warning.
        let mut w = Vec::new();
        assert_eq!(
            decode(b"<meta charset=utf-8><p>caf\xE9</p>", &mut w),
            "<meta charset=utf-8><p>caf\u{FFFD}</p>"
        );
        assert_eq!(w.iter().map(|d| d.code).collect::<Vec<_>>(), ["bad-charset"]);
        // A page saved as UTF-8 that still declares its old charset (as
        // Readability's qq page does: gb2312) is read as UTF-8.
        let mut w = Vec::new();
        let page = "<meta charset=gb2312><p>中文站</p>";
        assert_eq!(decode(page.as_bytes(), &mut w), page);
        assert_eq!(w.iter().map(|d| d.code).collect::<Vec<_>>(), ["charset-mismatch"]);
    }

    #[test]
    fn content_blocks_and_inline_markup() {
        let html = "<div>Lead <a href=x>text</a><p>One<br>two &amp; <b>three</b>.</p>\
                    <figure><img src=a><figcaption>Cap</figcaption></figure>\
                    <blockquote><p>Quote.</p></blockquote><pre>code</pre>Tail</div>";
        let (p, left) = paragraphs_and_left_out(html);
        let p: Vec<_> = p.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(p, ["Lead text", "One two & three.", "Quote.", "Tail"]);
        let kinds: Vec<_> = left.iter().map(|(k, n, _)| (*k, *n)).collect();
        assert_eq!(kinds, [("figure", 1), ("code block", 1)]);
    }

    #[test]
    fn a_wikis_note_calls_contents_captions_and_back_matter_are_left_out() {
        // The shape of a saved Wikipedia page (Readability's "wikipedia" test page).
        let body = "Mozilla is a free-software community, created in 1998 by members of Netscape. ";
        let page = format!(
            "<html><head><title>Mozilla</title></head><body><div id=content>\
             <p>{body}<sup class=reference><a href=#n1>[1]</a></sup> It grew.</p>\
             <div id=toc><h2>Contents</h2><ul><li>1 History</li></ul></div>\
             <h2><span>History</span><span class=mw-editsection>[edit]</span></h2>\
             <div class=thumb><img src=a.png><div class=thumbcaption>Firefox logo</div></div>\
             <p>{body}It had <sup>[a]</sup>40,000 contributors<sup class=noprint>[citation needed]</sup>.</p>\
             <p>{body}E = mc<sup>2</sup> stays.</p>\
             <h2>See also</h2><ul><li>The Book of Mozilla</li></ul>\
             <h2>References</h2><div><ol class=references><li>^ About Mozilla</li></ol></div>\
             <h2>Community</h2><p>{body}Back in the text.</p>\
             </div></body></html>"
        );
        let ex = read(page.as_bytes(), "w.html", &Options::default()).unwrap();
        let p: Vec<_> = ex.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            p,
            [
                format!("{body}It grew."),
                format!("{body}It had 40,000 contributors."),
                format!("{body}E = mc2 stays."),
                format!("{body}Back in the text."),
            ]
        );
        let said: Vec<_> = ex.warnings.iter().map(|d| d.message.clone()).collect();
        for kind in ["4 note markers", "a table of contents", "a caption", "2 back-matter sections"]
        {
            assert!(said.iter().any(|m| m.contains(kind)), "{kind} not in {said:?}");
        }
    }

    #[test]
    fn back_matter_headings() {
        for h in ["References", "7 References[edit]", "See also", " External  links ", "NOTES"] {
            assert!(is_back_matter(h), "{h}");
        }
        for h in ["History", "Referenced works of art", "Notes on a scandal"] {
            assert!(!is_back_matter(h), "{h}");
        }
    }
}
