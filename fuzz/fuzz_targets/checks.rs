//! What each fuzz target checks, on raw bytes, shared with the native test
//! that replays saved inputs (`tests/fuzz_regressions.rs` includes this
//! file), so a crash found here stays a test there.
#![allow(dead_code)]

use citequiz::article::{Article, Normalizer, Selector, anchor};
use citequiz::bank::{Bank, BankPieces, CompiledPieces};
use citequiz::diag::Diagnostic;
use citequiz::grade::{Response, grade};
use citequiz::session::Session;
use std::sync::OnceLock;

const ARTICLE_JSON: &str =
    include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
const FIXTURE_JSON: &str = include_str!("../../tests/fixtures/every-kind.json");

/// The real article, parsed once.
pub fn article() -> Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    ARTICLE
        .get_or_init(|| {
            Article::parse(ARTICLE_JSON, Normalizer::unicode()).expect("the article parses")
        })
        .clone()
}

/// The fixture bank (one question of every kind), loaded once.
pub fn fixture() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| Bank::load(FIXTURE_JSON, None, article()).expect("the fixture loads").0)
}

/// Any text as a bank against the real article: a bank (with its
/// item-writing warnings) or diagnostics, which render with the source.
pub fn bank_load(data: &[u8]) {
    let whole = std::str::from_utf8(data).ok().and_then(|text| {
        match Bank::load(text, Some("fuzz.json"), article()) {
            Ok((bank, _)) => {
                // `citequiz check` and `preview` also run the item-writing
                // checks on every bank that loads, placed in its text.
                let mut lints = citequiz::bank::lint::check(&bank, bank.article());
                citequiz::bank::lint::place(&mut lints, text, Some("fuzz.json"));
                for d in &lints {
                    let _ = d.render(Some(text));
                }
                Some(bank)
            }
            Err(diags) => {
                for d in &diags {
                    let _ = d.render(Some(text));
                }
                None
            }
        }
    });
    // The widget reads a bank in pieces first (`BankPieces`).
    let mut pieces = BankPieces::new(article());
    for piece in data.chunks(piece_size(data)) {
        if pieces.failed() {
            break;
        }
        pieces.push(piece);
    }
    same_or_none(whole.as_ref(), pieces.finish());
}

/// The piece size an input is read in by the pieces readers, from its first
/// byte: 1 to 64 bytes, so that pieces end inside every kind of token.
fn piece_size(data: &[u8]) -> usize {
    data.first().map_or(1, |b| usize::from(b % 64) + 1)
}

/// A pieces reader gives the whole text's bank or none (then the widget
/// reads the whole text, for its diagnostics): never a bank the whole
/// text refuses, never another one.
fn same_or_none(whole: Option<&Bank>, pieces: Option<Bank>) {
    let Some(p) = pieces else { return };
    let Some(w) = whole else { panic!("the pieces read a bank the whole text refuses") };
    assert_eq!((w.id(), w.title(), w.description()), (p.id(), p.title(), p.description()));
    assert_eq!(w.questions(), p.questions());
    let hashes = |b: &Bank| b.questions().iter().map(|q| q.content_hash()).collect::<Vec<_>>();
    assert_eq!(hashes(w), hashes(&p));
    assert_eq!(w.article().text(), p.article().text());
}

/// Any text as a compiled bank (`citequiz-compiled/1`): a bank whose every
/// citation's span lies in its article, or diagnostics, which render with
/// the source; read in pieces, the same bank or none.
pub fn compiled_load(data: &[u8]) {
    let whole = std::str::from_utf8(data).ok().and_then(|text| {
        match Bank::load_compiled(text, Normalizer::unicode()) {
            Ok(bank) => {
                let chars = bank.article().text().chars().count();
                for q in bank.questions() {
                    for c in q.citations() {
                        assert!(c.span.start <= c.span.end && c.span.end <= chars, "{:?}", c.span);
                    }
                }
                Some(bank)
            }
            Err(diags) => {
                for d in &diags {
                    let _ = d.render(Some(text));
                }
                None
            }
        }
    });
    // The widget reads a compiled bank in pieces first (`CompiledPieces`).
    let mut pieces = CompiledPieces::new();
    for piece in data.chunks(piece_size(data)) {
        if pieces.failed() {
            break;
        }
        pieces.push(piece);
    }
    same_or_none(whole.as_ref(), pieces.finish(Normalizer::unicode()));
}

/// Text, quote, prefix and suffix, separated by NUL bytes (a missing part
/// is absent): a match is a span inside the text.
pub fn anchor_quote(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let mut parts = s.split('\0');
    let text = parts.next().unwrap_or_default();
    let exact = parts.next().unwrap_or_default().to_string();
    let prefix = parts.next().map(str::to_string);
    let suffix = parts.next().map(str::to_string);
    let norm = Normalizer::unicode().map(text);
    if let Some(found) = anchor(&norm, &Selector { exact, prefix, suffix }).found() {
        let chars = text.chars().count();
        assert!(
            found.span.start <= found.span.end && found.span.end <= chars,
            "{found:?} in {chars} chars"
        );
    }
}

/// Any text as a saved session against the fixture bank: restored or
/// refused; a restored session saves, moves and finishes.
pub fn session_restore(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((mut session, _report)) = Session::restore_json(fixture().clone(), text) {
        let _ = session.snapshot_json();
        let _ = session.next();
        let _ = session.finish(0.0);
        let _ = session.snapshot_json();
    }
}

/// The first byte picks a question of the fixture bank, the rest is a
/// response's JSON: graded or refused; the fraction earned is in [0, 1].
pub fn grade_response(data: &[u8]) {
    let Some((&pick, json)) = data.split_first() else { return };
    let questions = fixture().questions();
    let q = &questions[usize::from(pick) % questions.len()];
    let Ok(text) = std::str::from_utf8(json) else { return };
    let Ok(response) = Response::from_json(text) else { return };
    if let Ok(g) = grade(q, &response) {
        assert!((0.0..=1.0).contains(&g.fraction), "fraction {} for {response:?}", g.fraction);
    }
}

/// The first byte picks the format (HTML, Markdown, plain text), the rest
/// is a source file as `citequiz article import` reads it: imported or
/// refused with diagnostics that render; an imported article, written as
/// the importer writes it, is one the article reader accepts.
pub fn article_import(data: &[u8]) {
    use citequiz::author::import::{Format, HeaderField, Meta, Options, import, to_json};
    let Some((&pick, source)) = data.split_first() else { return };
    let (format, file) = match pick % 3 {
        0 => (Format::Html, "fuzz.html"),
        1 => (Format::Markdown, "fuzz.md"),
        _ => (Format::Text, "fuzz.txt"),
    };
    // The rest of the first byte picks what --header says the leading
    // blocks hold (plain text and Markdown read it).
    use HeaderField::*;
    let header = match (pick / 3) % 4 {
        0 => vec![],
        1 => vec![Byline],
        2 => vec![Byline, Date],
        _ => vec![Title, Subtitle, Byline, Date, PhotoCredit, Skip],
    };
    // Every required field given, so what the source holds decides.
    let meta = Meta {
        title: Some("T".into()),
        author: Some("A".into()),
        date: Some("2020-12-02".into()),
        publisher: Some("P".into()),
        url: Some("https://example.org/a".into()),
        language: Some("en".into()),
        ..Meta::default()
    };
    let options = Options { format: Some(format), meta, header, ..Options::default() };
    let article = match import(source, file, &options) {
        Ok(imported) => imported.article(),
        Err(diags) => Err(diags),
    };
    match article {
        Ok(raw) => {
            let json = to_json(&raw).expect("the article serializes");
            if let Err(diags) = Article::parse(&json, Normalizer::unicode()) {
                panic!("the importer wrote an article the reader refuses: {diags:?}\n{json}");
            }
        }
        Err(diags) => {
            for d in &diags {
                let _ = d.render(None);
            }
        }
    }
}

/// Any text as a GIFT file (the first byte picks GIFT or Aiken): questions
/// or diagnostics that render against the text; every diagnostic has a
/// line. A question read without error writes back as GIFT (for the
/// kinds GIFT holds) and reads again without error.
pub fn question_import(data: &[u8]) {
    use citequiz::author::{aiken, gift};
    let Some((&pick, source)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(source) else { return };
    let (questions, diags) =
        if pick % 2 == 0 { gift::parse(text, "f.gift") } else { aiken::parse(text, "f.txt") };
    for d in &diags {
        assert!(d.line.is_some(), "a diagnostic without a line: {d:?}");
        let _ = d.render(Some(text));
    }
    if diags.iter().any(Diagnostic::is_error) || questions.is_empty() {
        return;
    }
    let mut bank = citequiz::bank::RawBank::from_json(FIXTURE_JSON).expect("the fixture reads");
    bank.questions = questions;
    let (again, _) = gift::write(&bank);
    let (_, diags) = gift::parse(&again, "again.gift");
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "the GIFT written reads with errors: {errors:?}\n{again}");
}

/// Any text as a progress file against the fixture bank: refused with a
/// reason, or read; what was read merges into a learner's memory, which
/// schedules and exports, and the export reads back.
pub fn progress_import(data: &[u8]) {
    use citequiz::review::{Memory, Now, export, import};
    let Ok(text) = std::str::from_utf8(data) else { return };
    let bank = fixture();
    let Ok(imported) = import(text, bank) else { return };
    let now = Now { ms: 1.7e12, utc_offset_min: 180.0 };
    let mut mine = Memory::new(bank.id());
    mine.merge(imported.memory);
    let _ = mine.queue(bank, now);
    let _ = mine.next_due_in_days(bank, now);
    let again = export(&mine, imported.attempt.as_deref(), now.ms);
    if let Err(e) = import(&again, bank) {
        panic!("an exported progress file does not read back: {e}\n{again}");
    }
}
