//! Files an author got wrong in ways the JSON reader never sees: another
//! format version, bytes that are not UTF-8, a binary file. Each is named
//! for what it is, with where, before anything it would hide.

use citequiz::diag::Diagnostic;
use citequiz::files::{BadByte, load_bank};
use std::path::{Path, PathBuf};

mod support;

fn dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("malformed-{name}"));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The quick-check bank's text, its article path made absolute.
fn shipped_bank_text() -> String {
    let path = support::repo_path("quiz-data/banks/gabuev-quick-check.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let articles = support::repo_path("quiz-data/articles");
    text.replacen("\"../articles/", &format!("\"{}/", articles.display()), 1)
}

fn only(path: &Path) -> Diagnostic {
    let loaded = load_bank(path);
    assert!(loaded.bank.is_none());
    assert_eq!(loaded.diagnostics.len(), 1, "{:#?}", loaded.diagnostics);
    loaded.diagnostics.into_iter().next().unwrap()
}

#[test]
fn another_format_version_is_named_before_a_missing_article() {
    let d = dir("format");
    let text = shipped_bank_text().replacen("citequiz-bank/1", "citequiz-bank/2", 1).replacen(
        "gabuev-2020-putin-china-alliance.json",
        "not-there.json",
        1,
    );
    let path = d.join("newer.json");
    std::fs::write(&path, &text).unwrap();
    let diag = only(&path);
    assert_eq!(diag.code, "unknown-format");
    assert!(
        diag.message.contains("reads banks of format \"citequiz-bank/1\" only"),
        "{}",
        diag.message
    );
    assert!(diag.message.contains("\"citequiz-bank/2\""), "{}", diag.message);
    let line = text.lines().position(|l| l.contains("citequiz-bank/2")).unwrap() + 1;
    assert_eq!(diag.line, Some(line));
    assert_eq!(diag.path, "format");
}

#[test]
fn a_bank_that_is_not_utf8_names_the_first_bad_byte() {
    let d = dir("latin1");
    let text = shipped_bank_text();
    let mut bytes = text.as_bytes().to_vec();
    // "Moscow" in the first prompt, its 'o' as Latin-1 'ö' (0xF6).
    let at = text.find("Moscow").unwrap() + 4;
    bytes[at] = 0xF6;
    let path = d.join("latin1.json");
    std::fs::write(&path, &bytes).unwrap();
    let diag = only(&path);
    assert_eq!(diag.code, "wrong-encoding");
    assert!(diag.message.contains("not UTF-8 text"), "{}", diag.message);
    assert!(diag.message.contains("0xF6"), "{}", diag.message);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    assert_eq!((diag.line, diag.column), (Some(line), Some(column)));
    assert!(!diag.help.unwrap().contains("check the path"));
    // The report can still show the line, the bad byte as U+FFFD.
    let loaded = load_bank(&path);
    assert!(loaded.source_of(&loaded.diagnostics[0]).unwrap().contains("Mosc\u{FFFD}w"));
}

#[test]
fn a_binary_file_is_named_as_binary() {
    let d = dir("binary");
    let path = d.join("photo.json");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let diag = only(&path);
    assert_eq!(diag.code, "binary-source");
    assert!(diag.message.contains("a PNG image"), "{}", diag.message);
}

#[test]
fn an_unreadable_article_keeps_pointing_at_the_banks_field() {
    let d = dir("article");
    let text =
        shipped_bank_text().replacen("gabuev-2020-putin-china-alliance.json", "gone.json", 1);
    let path = d.join("bank.json");
    std::fs::write(&path, &text).unwrap();
    let diag = only(&path);
    assert_eq!(diag.code, "io");
    assert!(diag.help.unwrap().contains("resolved against the bank's folder"));
}

#[test]
fn bad_bytes_are_placed_in_characters() {
    assert_eq!(BadByte::first("plain".as_bytes()), None);
    let bad = BadByte::first(b"ab\n\xC3\xA9\xC3\xA9\xFFx").unwrap();
    assert_eq!(bad, BadByte { value: 0xFF, offset: 7, line: 2, column: 3 });
    // A truncated sequence at the end: its first byte is the bad one.
    let bad = BadByte::first(b"x\xE2\x82").unwrap();
    assert_eq!((bad.value, bad.offset, bad.line, bad.column), (0xE2, 1, 1, 2));
}

#[test]
fn an_article_source_named_as_the_article_says_to_import_it() {
    let d = dir("source");
    std::fs::write(d.join("essay.md"), "# Why Bees Dance\n\nBees dance.\n").unwrap();
    std::fs::write(d.join("notes.json"), "# not JSON\n").unwrap();
    let bank = shipped_bank_text();
    let name = support::repo_path("quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    for (article, says) in [("essay.md", true), ("notes.json", false)] {
        let text =
            bank.replacen(&name.display().to_string(), &d.join(article).display().to_string(), 1);
        let path = d.join("bank.json");
        std::fs::write(&path, &text).unwrap();
        let diag = only(&path);
        assert_eq!(diag.code, "json-syntax");
        let help = diag.help.unwrap_or_default();
        let import = format!(
            "`citequiz article import {} --out {}`",
            d.join("essay.md").display(),
            d.join("essay.json").display()
        );
        assert_eq!(help.contains(&import), says, "{article}: {help}");
        assert_eq!(help.contains("looks like Markdown"), says, "{article}: {help}");
    }
}
