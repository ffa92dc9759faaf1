//! `citequiz article import`: a saved web page, a Markdown file or a plain
//! text turned into the `RawArticle` the article reader builds, ready to be
//! written as a `citequiz-article/1` file.
//!
//! Each format has its reader (`html`, `markdown`, `text`) that finds the
//! metadata and the body's blocks; this module does what is common to all
//! three: refusing empty and binary input, cleaning the blocks into
//! paragraphs, finding paragraphs broken mid-sentence, reading dates, and
//! filling the article's fields from the source with the author's options
//! winning over what the source says.
//!
//! Invariant: no IO. `import` takes the source's bytes and its file name
//! (for messages only); every problem is a `Diagnostic` naming that file,
//! with the line where the format keeps lines (text and Markdown).

mod html;
mod markdown;
mod text;

pub use html::content_paragraphs;

use crate::article::{ARTICLE_FORMAT, Article, Normalizer, RawArticle, Related, calendar_date};
use crate::checker::{binary_kind, not_utf8};
use crate::diag::{Code, Diagnostic};

/// Labels that introduce, on a paragraph of their own, the title of a
/// related article that stood between the body's paragraphs.
const RELATED_LABELS: &[&str] = &["Related article:", "Related:", "Read more:", "See also:"];

/// The source formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A saved web page: the article is found the way Firefox's Reader View
    /// finds it (Mozilla's Readability, ported as `dom_smoothie`).
    Html,
    /// Markdown, with optional YAML front matter for the metadata.
    Markdown,
    /// Plain UTF-8 text, paragraphs separated by blank lines.
    Text,
}

impl Format {
    /// The format a file name's extension names: `.html`/`.htm`/`.xhtml`,
    /// `.md`/`.markdown`, `.txt`/`.text`; `None` for any other.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format named on the command line: `html`, `md` or `txt` (also
    /// `markdown` and `text`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// The article's metadata, each field when known. `Options::meta` holds
/// what the author gave (it wins); `Imported::meta` what the source said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// A stable id for the article; made from the author, year and title
    /// when not given.
    pub id: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The standfirst under the headline.
    pub subtitle: Option<String>,
    /// The author or authors, as credited (without a leading "By").
    pub author: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// Where this copy was published (a page's site name).
    pub publisher: Option<String>,
    /// Where it was first published, when that differs.
    pub originally_published_by: Option<String>,
    /// The original's address.
    pub url: Option<String>,
    /// The photo credit.
    pub photo_credit: Option<String>,
    /// A BCP 47 language tag.
    pub language: Option<String>,
}

impl Meta {
    /// Every field of `self` that is set, and the rest from `other`.
    fn or(self, other: Meta) -> Meta {
        Meta {
            id: self.id.or(other.id),
            title: self.title.or(other.title),
            subtitle: self.subtitle.or(other.subtitle),
            author: self.author.or(other.author),
            date: self.date.or(other.date),
            publisher: self.publisher.or(other.publisher),
            originally_published_by: self.originally_published_by.or(other.originally_published_by),
            url: self.url.or(other.url),
            photo_credit: self.photo_credit.or(other.photo_credit),
            language: self.language.or(other.language),
        }
    }
}

/// What a header block holds, in the order the blocks come
/// (`Options::header`): a plain text's first blocks, or a Markdown file's
/// first blocks after its front matter and title heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    /// The headline.
    Title,
    /// The standfirst.
    Subtitle,
    /// The byline ("By Alexander Gabuev"): the author.
    Byline,
    /// The publication date, in any common English form.
    Date,
    /// The photo credit.
    PhotoCredit,
    /// Something to leave out.
    Skip,
}

/// Reads the leading `blocks` as `header` says, into `meta`; the rest is
/// the body.
fn read_header(blocks: Vec<Block>, header: &[HeaderField], meta: &mut Meta) -> Vec<Block> {
    let mut rest = blocks.into_iter();
    for field in header {
        let Some(b) = rest.next() else { break };
        let value = Some(collapse_whitespace(&b.text));
        match field {
            HeaderField::Title => meta.title = value,
            HeaderField::Subtitle => meta.subtitle = value,
            HeaderField::Byline => meta.author = value,
            HeaderField::Date => meta.date = value,
            HeaderField::PhotoCredit => meta.photo_credit = value,
            HeaderField::Skip => {}
        }
    }
    rest.collect()
}

impl std::str::FromStr for HeaderField {
    type Err = String;

    /// `title`, `subtitle`, `byline` (or `author`), `date`, `photo-credit`,
    /// `skip`, as the command line writes them.
    fn from_str(name: &str) -> Result<HeaderField, String> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "title" => Ok(HeaderField::Title),
            "subtitle" => Ok(HeaderField::Subtitle),
            "byline" | "author" => Ok(HeaderField::Byline),
            "date" => Ok(HeaderField::Date),
            "photo-credit" => Ok(HeaderField::PhotoCredit),
            "skip" => Ok(HeaderField::Skip),
            _ => Err(format!(
                "\"{name}\" is not a header field: use title, subtitle, byline, date, photo-credit or skip"
            )),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// `html`, `md` or `txt` (also `htm`, `markdown`, `text`).
    fn from_str(name: &str) -> Result<Format, String> {
        Format::from_name(name)
            .ok_or_else(|| format!("\"{name}\" is not a format: use html, md or txt"))
    }
}

/// The largest source `import` reads: a saved page with its images inlined
/// fits; a text the widget could not show usefully does not.
pub const MAX_SOURCE_BYTES: usize = 64 * 1024 * 1024;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The source's format; when `None`, the file name's extension says.
    pub format: Option<Format>,
    /// Metadata given by the author: each field set here wins over the
    /// source's.
    pub meta: Meta,
    /// Plain text only: what the leading blocks hold, in order. When empty,
    /// a first block that is one short line without a final stop is taken
    /// as the title.
    pub header: Vec<HeaderField>,
    /// How many of the last body blocks are notes that follow the article
    /// (a "first published by" line, a disclaimer) rather than paragraphs.
    pub notes: usize,
    /// Join the paragraphs that look broken mid-sentence (otherwise each
    /// such pair is a warning).
    pub join_broken: bool,
}

/// A block of the body as a reader found it: its text (inline markup
/// already reduced to text, whitespace not yet collapsed) and the line it
/// starts on, when the format keeps lines.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    text: String,
    line: Option<usize>,
    /// A list item: a fragment by nature, never taken for a broken paragraph.
    item: bool,
}

/// What a format's reader found in the source.
#[derive(Debug, Default)]
struct Extracted {
    meta: Meta,
    blocks: Vec<Block>,
    notes: Vec<String>,
    warnings: Vec<Diagnostic>,
}

/// What `import` found: the metadata (the author's options already applied)
/// and the body, with warnings about what the author should check.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The metadata: the options' values, else the source's.
    pub meta: Meta,
    /// The body, one string per paragraph, in order.
    pub paragraphs: Vec<String>,
    /// "Related article" links that stood between paragraphs.
    pub related: Vec<Related>,
    /// Notes that follow the body.
    pub notes: Vec<String>,
    /// What the author should look at; none of them stops the import.
    pub warnings: Vec<Diagnostic>,
    file: String,
    format: Format,
}

/// Reads `source` (the bytes of the file named `file`, named for messages
/// only) as `options` say.
///
/// # Errors
/// The format cannot be told, the input is empty, binary or (plain text and
/// Markdown) not UTF-8, or no article was found in it. Each diagnostic
/// names `file` and says what to do.
///
/// # Example
/// ```
/// use citequiz::author::import::{Format, Options, import};
/// let options = Options { format: Some(Format::Text), ..Options::default() };
/// let got = import(b"A Title\n\nOne. Two.\n\nThree.\n", "a.txt", &options).map_err(|d| d[0].message.clone())?;
/// assert_eq!(got.meta.title.as_deref(), Some("A Title"));
/// assert_eq!(got.paragraphs, ["One. Two.", "Three."]);
/// # Ok::<(), String>(())
/// ```
pub fn import(source: &[u8], file: &str, options: &Options) -> Result<Imported, Vec<Diagnostic>> {
    let in_file = |d: Diagnostic| vec![located(d, file, None)];
    let format = match options.format.or_else(|| Format::from_file_name(file)) {
        Some(f) => f,
        None => {
            return Err(in_file(
                Diagnostic::error(
                    Code::IMPORT_FORMAT,
                    "",
                    format!("cannot tell the format of {file} from its name"),
                )
                .with_help("name it .html, .md or .txt, or say --from html|md|txt"),
            ));
        }
    };
    if source.len() > MAX_SOURCE_BYTES {
        return Err(in_file(
            Diagnostic::error(
                Code::TOO_LARGE,
                "",
                format!(
                    "{file} is {} bytes; an article source is at most {MAX_SOURCE_BYTES} bytes (64 MiB)",
                    source.len()
                ),
            )
            .with_help(
                "import one article at a time: a book-length text makes several articles, each with its bank",
            ),
        ));
    }
    let source = source.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(source);
    if source.iter().all(u8::is_ascii_whitespace) {
        return Err(in_file(
            Diagnostic::error(Code::EMPTY_SOURCE, "", format!("{file} is empty"))
                .with_help("save the article's page or text into it and import again"),
        ));
    }
    if let Some(kind) = binary_kind(source) {
        return Err(in_file(
            Diagnostic::error(
                Code::BINARY_SOURCE,
                "",
                format!("{file} is not text but binary data ({kind})"),
            )
            .with_help(
                "import the article as a saved web page (.html), Markdown (.md) or plain text (.txt); \
                 from a PDF or a word processor, save or copy it as plain text first",
            ),
        ));
    }
    let extracted = match format {
        Format::Html => html::read(source, file, options),
        Format::Markdown => markdown::read(utf8(source, file)?, options),
        Format::Text => text::read(utf8(source, file)?, options),
    }
    .map_err(|diags| diags.into_iter().map(|d| located(d, file, None)).collect::<Vec<_>>())?;
    Ok(finish(extracted, file, format, options))
}

/// Cleans the blocks into paragraphs, takes out "Related article:" lines
/// and the notes, handles broken paragraphs and applies the options'
/// metadata.
fn finish(mut ex: Extracted, file: &str, format: Format, options: &Options) -> Imported {
    let mut blocks: Vec<Block> = Vec::with_capacity(ex.blocks.len());
    let mut related = Vec::new();
    for b in ex.blocks {
        let text = collapse_whitespace(&b.text);
        let title = RELATED_LABELS.iter().find_map(|l| text.strip_prefix(l)).map(str::trim);
        match title.filter(|t| !t.is_empty()) {
            Some(title) => related.push(Related {
                title: title.to_string(),
                url: None,
                after_paragraph: blocks.len(),
            }),
            None if !text.is_empty() => blocks.push(Block { text, ..b }),
            None => {}
        }
    }
    let keep = blocks.len().saturating_sub(options.notes);
    let notes: Vec<String> = blocks.drain(keep..).map(|b| b.text).collect();
    ex.notes.extend(notes);
    related.retain(|r| r.after_paragraph <= keep);
    let mut warnings = ex.warnings;
    let broken = broken_pairs(&blocks);
    if options.join_broken {
        // Join from the last pair back, so that earlier indices still hold.
        for &i in broken.iter().rev() {
            if i + 1 < blocks.len() {
                let next = blocks.remove(i + 1);
                if let Some(b) = blocks.get_mut(i) {
                    b.text.push(' ');
                    b.text.push_str(&next.text);
                }
                for r in &mut related {
                    if r.after_paragraph > i + 1 {
                        r.after_paragraph -= 1;
                    }
                }
            }
        }
    } else {
        for &i in &broken {
            if let (Some(a), Some(b)) = (blocks.get(i), blocks.get(i + 1)) {
                warnings.push(broken_warning(i, a, b, file));
            }
        }
    }
    for w in &mut warnings {
        if w.file.is_none() {
            w.file = Some(file.to_string());
        }
    }
    let mut found = ex.meta;
    found.date = found.date.and_then(|d| match parse_date(&d) {
        Some(iso) => Some(iso),
        None => {
            warnings.push(located(
                Diagnostic::warning(
                    Code::UNREAD_DATE,
                    "date",
                    format!("the source's date \"{d}\" is not one this tool can read"),
                )
                .with_help("give the date with --date YYYY-MM-DD"),
                file,
                None,
            ));
            None
        }
    });
    if let Some(author) = found.author.take() {
        let (name, date) = split_byline(&author);
        found.author = Some(name).filter(|a| !a.is_empty());
        found.date = found.date.or(date);
    }
    // Pages write "en_US" as often as "en-US".
    found.language = found.language.map(|l| l.replace('_', "-"));
    let meta = options.meta.clone().or(found);
    Imported {
        meta,
        paragraphs: blocks.into_iter().map(|b| b.text).collect(),
        related,
        notes: ex.notes,
        warnings,
        file: file.to_string(),
        format,
    }
}

impl Imported {
    /// The article file's DTO: every required field known and the whole
    /// checked as the article reader checks it.
    ///
    /// # Errors
    /// A required field (title, author, date, publisher, url) is known
    /// neither from the source nor from the options, or the article does
    /// not check (a bad date or address); each diagnostic names the file
    /// and the option that gives the field.
    pub fn article(&self) -> Result<RawArticle, Vec<Diagnostic>> {
        let m = &self.meta;
        let mut missing = Vec::new();
        let mut need = |value: &Option<String>, field: &str, flag: &str, example: &str| {
            let v = value.clone().unwrap_or_default();
            if v.trim().is_empty() {
                missing.push(located(
                    Diagnostic::error(
                        Code::MISSING_METADATA,
                        field,
                        format!("{} does not say the article's {field}", self.file),
                    )
                    .with_help(format!("give it with {flag} {example}")),
                    &self.file,
                    None,
                ));
            }
            v
        };
        let title = need(&m.title, "title", "--title", "\"…\"");
        // A first paragraph "By …" in a text or Markdown file is the byline
        // its header option reads.
        let byline = self
            .paragraphs
            .first()
            .filter(|p| self.format != Format::Html && p.chars().count() <= 120)
            .filter(|p| after_by(p).is_some());
        let author_example = match byline {
            Some(p) => format!(
                "\"Name Surname\", or with --header byline to read the first paragraph \
                 (\"{p}\") as the byline and leave it out of the text"
            ),
            None => "\"Name Surname\"".to_string(),
        };
        let author = need(&m.author, "author", "--author", &author_example);
        let date = need(&m.date, "date", "--date", "YYYY-MM-DD");
        let publisher = need(&m.publisher, "publisher", "--publisher", "\"Site or journal\"");
        let url = need(&m.url, "url", "--url", "https://…");
        if let Some(tag) = m.language.as_deref().filter(|t| !crate::locale::well_formed(t)) {
            missing.push(located(
                Diagnostic::error(
                    Code::BAD_LANGUAGE,
                    "language",
                    format!("\"{tag}\" is not a BCP 47 language tag"),
                )
                .with_help("give the article's language with --language, e.g. en, de or pt-BR"),
                &self.file,
                None,
            ));
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let id = m.id.clone().unwrap_or_else(|| make_id(&author, &date, &title));
        let raw = RawArticle {
            format: ARTICLE_FORMAT.to_string(),
            id,
            title,
            subtitle: m.subtitle.clone(),
            author,
            date,
            publisher,
            originally_published_by: m.originally_published_by.clone(),
            url,
            photo_credit: m.photo_credit.clone(),
            language: m.language.clone(),
            related: self.related.clone(),
            notes: self.notes.clone(),
            paragraphs: self.paragraphs.clone(),
        };
        match Article::from_raw(raw.clone(), Normalizer::basic()) {
            Ok(_) => Ok(raw),
            Err(diags) => Err(diags.into_iter().map(|d| located(d, &self.file, None)).collect()),
        }
    }
}

/// The article file's text: the DTO as pretty JSON (two-space indents, the
/// fields in the reader's order, no newline at the end), as the shipped
/// articles are written.
///
/// # Errors
/// Never in practice (the DTO is strings and numbers); a serializer error
/// is returned as a diagnostic rather than unwrapped.
pub fn to_json(article: &RawArticle) -> Result<String, Vec<Diagnostic>> {
    serde_json::to_string_pretty(article).map_err(|e| {
        vec![Diagnostic::error(Code::INTERNAL, "", format!("cannot write the article: {e}"))]
    })
}

/// The diagnostic with its file and, when known, its line (column 1, so
/// that `Diagnostic::location` shows it).
fn located(mut d: Diagnostic, file: &str, line: Option<usize>) -> Diagnostic {
    if d.file.is_none() {
        d.file = Some(file.to_string());
    }
    at_line(d, line)
}

/// The diagnostic at `line` (column 1), when known; the file is added by
/// `finish`.
fn at_line(mut d: Diagnostic, line: Option<usize>) -> Diagnostic {
    if let Some(line) = line {
        d.line = Some(line);
        d.column = Some(1);
    }
    d
}

/// The source as UTF-8, or an error naming the first bad byte's line and column.
fn utf8<'a>(source: &'a [u8], file: &str) -> Result<&'a str, Vec<Diagnostic>> {
    std::str::from_utf8(source).map_err(|_| {
        let help = format!(
            "convert it to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {file} > article.txt` \
             (name its real encoding), or save it as UTF-8 from your editor"
        );
        let mut d = not_utf8(source, file, &help);
        d.file = Some(file.to_string());
        vec![d]
    })
}

/// Runs of whitespace (including no-break spaces and line breaks) as one
/// space, trimmed at both ends.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Indices `i` where block `i` ends mid-sentence and block `i + 1` goes on
/// with it: the first does not end as a sentence or heading ends (a stop,
/// a closing quote or bracket, a colon) and the second starts in lowercase
/// or with an opening bracket; list items are left alone.
fn broken_pairs(blocks: &[Block]) -> Vec<usize> {
    let ends_open = |s: &str| {
        s.chars().last().is_some_and(|c| {
            !matches!(
                c,
                '.' | '!' | '?' | '…' | ':' | ';' | '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*'
            )
        })
    };
    let continues = |s: &str| s.chars().next().is_some_and(|c| c.is_lowercase() || c == '(');
    blocks
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| match w {
            [a, b] if !a.item && !b.item && ends_open(&a.text) && continues(&b.text) => Some(i),
            _ => None,
        })
        .collect()
}

fn broken_warning(i: usize, a: &Block, b: &Block, file: &str) -> Diagnostic {
    let at = |n: usize, blk: &Block| match blk.line {
        Some(l) => format!("p{n} (line {l})"),
        None => format!("p{n}"),
    };
    let tail: String = {
        let chars: Vec<char> = a.text.chars().collect();
        chars[chars.len().saturating_sub(30)..].iter().collect()
    };
    let head: String = b.text.chars().take(30).collect();
    located(
        Diagnostic::warning(
            Code::BROKEN_PARAGRAPH,
            format!("paragraphs[{}]", i + 1),
            format!(
                "{} ends mid-sentence and {} goes on with it: \"…{tail}\" / \"{head}…\"",
                at(i + 1, a),
                at(i + 2, b),
            ),
        )
        .with_help(
            "import with --join-broken to join every such pair, or delete the blank line between them",
        ),
        file,
        b.line,
    )
}

/// What follows a byline's "By " ("By", "by" or "BY"), if it starts so.
fn after_by(text: &str) -> Option<&str> {
    ["By ", "by ", "BY "].iter().find_map(|prefix| text.strip_prefix(prefix))
}

/// A byline without its "By ": "By Alexander Gabuev" → "Alexander Gabuev".
fn strip_by(byline: &str) -> String {
    let t = collapse_whitespace(byline);
    match after_by(&t) {
        Some(rest) => rest.trim().to_string(),
        None => t,
    }
}

/// A byline's names, without "By " and without a year or date after a
/// comma ("By Jane Author, 2024", "Jane Author, March 1, 2024"), and that
/// date when it is a whole one (YYYY-MM-DD).
fn split_byline(byline: &str) -> (String, Option<String>) {
    let t = strip_by(byline);
    for (at, _) in t.match_indices(", ") {
        let (name, tail) = (&t[..at], &t[at + 2..]);
        let year = tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit());
        let date = parse_date(tail);
        if year || date.is_some() {
            return (name.trim().to_string(), date);
        }
    }
    (t, None)
}

/// A date as YYYY-MM-DD, from the forms pages and texts write: ISO 8601
/// (with or without a time: "2020-12-02T10:00:00Z"), "2020/12/02",
/// "December 02, 2020", "Dec. 2, 2020", "2 December 2020".
fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let iso = |y: u32, m: u32, d: u32| {
        let out = format!("{y:04}-{m:02}-{d:02}");
        calendar_date(&out).map(|_| out)
    };
    if let Some(head) = s.get(..10) {
        let head = head.replace('/', "-");
        if calendar_date(&head).is_some() {
            return Some(head);
        }
    }
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    let month = |w: &str| {
        let pos = MONTHS.iter().position(|m| w.starts_with(m))?;
        u32::try_from(pos + 1).ok()
    };
    let num = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
    match words.as_slice() {
        [m, d, y] if month(m).is_some() => iso(num(y)?, month(m)?, num(d)?),
        [d, m, y] if month(m).is_some() => iso(num(y)?, month(m)?, num(d)?),
        _ => None,
    }
}

/// An id from the author's surname, the year and the title's first words:
/// `gabuev-2020-is-putin-really-considering`.
fn make_id(author: &str, date: &str, title: &str) -> String {
    let slug = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect::<String>())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .collect()
    };
    let first_author = author.split([',', ';', '&']).next().unwrap_or_default();
    let mut parts: Vec<String> = slug(first_author).into_iter().last().into_iter().collect();
    parts.extend(date.get(..4).map(str::to_string));
    parts.extend(slug(title).into_iter().take(5));
    if parts.is_empty() { "article".to_string() } else { parts.join("-") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_date(input: &str, expected: Option<&str>) {
        assert_eq!(parse_date(input).as_deref(), expected, "{input}");
    }

    #[test]
    fn dates_in_the_forms_pages_write_them() {
        check_date("2020-12-02", Some("2020-12-02"));
        check_date("2015-02-24T19:56:33.374Z", Some("2015-02-24"));
        check_date("2020/12/02", Some("2020-12-02"));
        check_date("December 02, 2020", Some("2020-12-02"));
        check_date("Dec. 2, 2020", Some("2020-12-02"));
        check_date("2 December 2020", Some("2020-12-02"));
        check_date("February 30, 2020", None);
        check_date("yesterday", None);
    }

    #[test]
    fn ids_from_author_year_and_title() {
        assert_eq!(
            make_id(
                "Alexander Gabuev",
                "2020-12-02",
                "Is Putin Really Considering a Military Alliance?"
            ),
            "gabuev-2020-is-putin-really-considering-a"
        );
        assert_eq!(make_id("", "", "!!!"), "article");
    }

    #[test]
    fn formats_by_extension_and_name() {
        assert_eq!(Format::from_file_name("page.HTM"), Some(Format::Html));
        assert_eq!(Format::from_file_name("notes.md"), Some(Format::Markdown));
        assert_eq!(Format::from_file_name("a.txt"), Some(Format::Text));
        assert_eq!(Format::from_file_name("a.pdf"), None);
        assert_eq!(Format::from_file_name("README"), None);
        assert_eq!(Format::from_name("md"), Some(Format::Markdown));
        assert_eq!("TXT".parse::<Format>(), Ok(Format::Text));
        assert!("pdf".parse::<Format>().is_err_and(|e| e.contains("html, md or txt")));
    }

    #[test]
    fn a_byline_s_year_or_date_is_not_the_author_s() {
        let split = |b: &str| super::split_byline(b);
        assert_eq!(split("By Jane Author, 2024"), ("Jane Author".into(), None));
        assert_eq!(
            split("by Jane Author, March 1, 2024"),
            ("Jane Author".into(), Some("2024-03-01".into()))
        );
        assert_eq!(split("By Ann Lee, Bo Chen"), ("Ann Lee, Bo Chen".into(), None));
        assert_eq!(split("Ann Lee, Bo Chen, 2020"), ("Ann Lee, Bo Chen".into(), None));
        assert_eq!(split("By Alexander Gabuev"), ("Alexander Gabuev".into(), None));
    }

    #[test]
    fn header_fields_by_name() {
        let got: Result<Vec<HeaderField>, _> =
            "title,subtitle,byline,date,photo-credit,skip".split(',').map(str::parse).collect();
        assert_eq!(
            got,
            Ok(vec![
                HeaderField::Title,
                HeaderField::Subtitle,
                HeaderField::Byline,
                HeaderField::Date,
                HeaderField::PhotoCredit,
                HeaderField::Skip
            ])
        );
        assert!("photo".parse::<HeaderField>().is_err_and(|e| e.contains("photo-credit")));
    }

    fn codes(r: Result<Imported, Vec<Diagnostic>>) -> Vec<&'static str> {
        match r {
            Ok(i) => i.warnings.iter().map(|d| d.code).collect(),
            Err(d) => d.iter().map(|d| d.code).collect(),
        }
    }

    #[test]
    fn bad_input_is_refused_with_what_it_is() {
        let o = Options::default();
        assert_eq!(codes(import(b"", "a.txt", &o)), ["empty-source"]);
        assert_eq!(codes(import(b" \n\t\n", "a.html", &o)), ["empty-source"]);
        assert_eq!(codes(import(b"%PDF-1.7\n...", "a.txt", &o)), ["binary-source"]);
        assert_eq!(codes(import(b"abc\0def", "a.md", &o)), ["binary-source"]);
        assert_eq!(codes(import(b"caf\xE9\n", "a.txt", &o)), ["wrong-encoding"]);
        assert_eq!(codes(import(b"text", "a.pdf", &o)), ["import-format"]);
        let huge = vec![b'a'; MAX_SOURCE_BYTES + 1];
        assert_eq!(codes(import(&huge, "a.txt", &o)), ["too-large"]);
        let Err(d) = import(b"one\n\ncaf\xE9", "x.txt", &o) else { panic!("accepted") };
        assert_eq!(d[0].location(), "x.txt:3:4");
        assert!(d[0].message.contains("x.txt"), "{}", d[0].message);
    }

    #[test]
    fn broken_paragraphs_are_named_or_joined() {
        let src = b"Title\n\nOne two\n\nthree four.\n\nFive six.\n\nSeven.\n\nEight:\n\nnine.\n";
        let o = Options { format: Some(Format::Text), ..Options::default() };
        let Ok(got) = import(src, "b.txt", &o) else { panic!("refused") };
        let msgs: Vec<_> = got.warnings.iter().map(|d| (d.code, d.location())).collect();
        assert_eq!(msgs, [("broken-paragraph", "b.txt:5:1".to_string())]);
        assert!(got.warnings[0].message.contains("p1 (line 3)"), "{}", got.warnings[0].message);
        assert!(got.warnings[0].message.contains("p2 (line 5)"), "{}", got.warnings[0].message);
        let o = Options { join_broken: true, ..o };
        let Ok(got) = import(src, "b.txt", &o) else { panic!("refused") };
        assert_eq!(got.paragraphs[0], "One two three four.");
        assert_eq!(got.paragraphs.len(), 5);
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn related_lines_and_notes_in_every_format() {
        let sources: [(Format, &[u8]); 3] = [
            (Format::Text, b"T\n\nOne.\n\nRelated article: Other\n\nTwo.\n\nRead more:\n\nA note.\n"),
            (Format::Markdown, b"# T\n\nOne.\n\nRelated article: *Other*\n\nTwo.\n\nA note.\n"),
            (
                Format::Html,
                b"<html><body><article><h1>T</h1><p>One, a paragraph long enough to count as an article's text, as pages have them.</p>\
                  <p>Related article: <a href=/o>Other</a></p><p>Two, another paragraph that is long enough too, with a few more words in it.</p>\
                  <p>A note.</p></article></body></html>",
            ),
        ];
        for (format, src) in sources {
            let o = Options { format: Some(format), notes: 1, ..Options::default() };
            let Ok(got) = import(src, "r", &o) else { panic!("{format:?} refused") };
            // A label with no title after it is not a link: it stays.
            let n = if format == Format::Text { 3 } else { 2 };
            assert_eq!(got.paragraphs.len(), n, "{format:?}");
            assert_eq!(
                got.related,
                [Related { title: "Other".into(), url: None, after_paragraph: 1 }],
                "{format:?}"
            );
            assert_eq!(got.notes, ["A note."], "{format:?}");
        }
    }

    #[test]
    fn missing_metadata_names_the_option() {
        let o = Options { format: Some(Format::Text), ..Options::default() };
        let Ok(got) = import(b"Title\n\nBody.\n", "m.txt", &o) else { panic!("refused") };
        let Err(d) = got.article() else { panic!("accepted") };
        let fields: Vec<_> = d.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(fields, ["author", "date", "publisher", "url"]);
        assert!(d[0].help.as_deref().unwrap_or_default().contains("--author"));
        let meta = Meta {
            author: Some("A".into()),
            date: Some("2020-01-02".into()),
            publisher: Some("P".into()),
            url: Some("https://e.org/a".into()),
            language: Some("english!".into()),
            ..Meta::default()
        };
        let o = Options { meta, ..o };
        let Ok(got) = import(b"Title\n\nBody.\n", "m.txt", &o) else { panic!("refused") };
        let Err(d) = got.article() else { panic!("accepted") };
        assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["bad-language"]);
    }
}
