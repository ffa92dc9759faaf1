//! `citequiz article import`, run as a user runs it: each format written,
//! each bad input refused with the file named and nothing written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SHIPPED: &str = include_str!("../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// A fresh directory under the target dir for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("article-import").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("{}: {e}", dir.display());
    }
    dir
}

fn run(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_citequiz"))
        .args(["article", "import"])
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run citequiz: {e}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

const SEED_FLAGS: &[&str] = &[
    "--header",
    "title,subtitle,byline,date,photo-credit",
    "--notes",
    "2",
    "--publisher",
    "The Moscow Times",
    "--originally-published-by",
    "Carnegie Moscow Center",
    "--url",
    "https://www.themoscowtimes.com/2020/12/02/is-putin-really-considering-a-military-alliance-with-china-a72207",
    "--language",
    "en",
    "--id",
    "gabuev-2020-putin-china-alliance",
];

#[test]
fn the_seed_with_its_flags_writes_the_shipped_article() {
    let dir = scratch("seed");
    let out = dir.join("a.json");
    let seed = fixture("import/gabuev-2020-seed.txt");
    let mut args = vec![path(&seed), "--out", path(&out), "--join-broken"];
    args.extend_from_slice(SEED_FLAGS);
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("ok: 17 paragraphs"), "{}", text(&o.stdout));
    assert_eq!(std::fs::read_to_string(&out).unwrap_or_default(), SHIPPED);
    // The seed's address has a space in it: a warning with its line.
    assert!(text(&o.stderr).contains("warning[unread-url]"), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("gabuev-2020-seed.txt:63:1"), "{}", text(&o.stderr));

    // Without --join-broken: both broken pairs are named, and it still writes.
    let out2 = dir.join("b.json");
    let mut args = vec![path(&seed), "--out", path(&out2)];
    args.extend_from_slice(SEED_FLAGS);
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert_eq!(err.matches("warning[broken-paragraph]").count(), 2, "{err}");
    assert!(err.contains("p2 (line 17) ends mid-sentence and p3 (line 19)"), "{err}");
    assert!(text(&o.stdout).contains("ok: 19 paragraphs"), "{}", text(&o.stdout));
}

#[test]
fn a_saved_page_and_a_markdown_file_are_imported() {
    let dir = scratch("formats");
    let out = dir.join("ars.json");
    let page = fixture("readability/ars-1/source.html");
    let o = run(&[path(&page), "--out", path(&out), "--date", "2015-04-16"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    let article = match citequiz::Article::parse(&written, citequiz::Normalizer::basic()) {
        Ok(a) => a,
        Err(d) => panic!("{d:#?}"),
    };
    assert_eq!(article.raw().author, "Dan Goodin");
    assert_eq!(article.raw().publisher, "Ars Technica");
    assert_eq!(article.raw().date, "2015-04-16");
    assert_eq!(article.paragraphs().len(), 13);

    let md = dir.join("essay.markdown");
    let body = "---\ntitle: An Essay\nauthor: Ann Lee\ndate: 2024-05-06\npublisher: A Journal\nurl: https://example.org/essay\n---\n\nFirst *paragraph*.\n\nSecond [one](https://example.org).\n";
    if let Err(e) = std::fs::write(&md, body) {
        panic!("{e}");
    }
    let out = dir.join("essay.json");
    let o = run(&[path(&md), "--out", path(&out), "--title", "The Essay"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(written.contains("\"title\": \"The Essay\""), "{written}");
    assert!(written.contains("\"id\": \"lee-2024-the-essay\""), "{written}");
    assert!(written.contains("\"Second one.\""), "{written}");
}

/// Runs an import that must fail, and checks that stderr names the source
/// and says `expected`, and that nothing was written.
fn refused(name: &str, file: &str, content: &[u8], extra: &[&str], expected: &str) {
    let dir = scratch(name);
    let src = dir.join(file);
    if let Err(e) = std::fs::write(&src, content) {
        panic!("{e}");
    }
    let out = dir.join("out.json");
    let mut args = vec![path(&src), "--out", path(&out)];
    args.extend_from_slice(extra);
    let o = run(&args);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{name}: {err}");
    assert!(err.contains(path(&src)), "{name}: the file is not named: {err}");
    assert!(err.contains(expected), "{name}: {err}");
    assert!(err.contains("help:"), "{name}: no advice: {err}");
    assert!(!out.exists(), "{name}: wrote {}", out.display());
    let leftovers: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().collect();
    assert_eq!(leftovers.len(), 1, "{name}: left files behind");
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    refused("empty", "page.html", b"", &[], "is empty");
    refused(
        "no-article",
        "nav.html",
        b"<html><head><title>Home</title></head><body><nav><a href=/>Home</a> <a href=/a>About</a></nav></body></html>",
        &[],
        "found no article",
    );
    refused("binary", "photo.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &[], "a PNG image");
    refused("pdf", "paper.txt", b"%PDF-1.7\n%\xE2\xE3\n1 0 obj", &[], "a PDF document");
    refused("latin1", "notes.txt", b"Title\n\nCaf\xE9 au lait.\n", &[], "is not UTF-8 text");
    refused("format", "article.doc", b"Title\n\nText.\n", &[], "--from");
    refused("metadata", "plain.txt", b"Title\n\nSome text.\n", &[], "give it with --author");
}

#[test]
fn an_existing_article_is_kept_unless_forced() {
    let dir = scratch("force");
    let src = dir.join("a.txt");
    let out = dir.join("a.json");
    let write = |p: &Path, s: &str| {
        if let Err(e) = std::fs::write(p, s) {
            panic!("{e}");
        }
    };
    write(&src, "A Title\n\nOne paragraph.\n");
    write(&out, "keep me");
    let flags = [
        "--author",
        "Ann Lee",
        "--date",
        "2024-01-02",
        "--publisher",
        "P",
        "--url",
        "https://e.org/a",
    ];
    let mut args = vec![path(&src), "--out", path(&out)];
    args.extend_from_slice(&flags);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("--force"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap_or_default(), "keep me");
    args.push("--force");
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(std::fs::read_to_string(&out).unwrap_or_default().contains("\"One paragraph.\""));
    // The same file under another extension, with --from.
    let odd = dir.join("a.text-file");
    write(&odd, "A Title\n\nOne paragraph.\n");
    let out2 = dir.join("b.json");
    let mut args = vec![path(&odd), "--out", path(&out2), "--from", "txt"];
    args.extend_from_slice(&flags);
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

/// A saved page whose `<meta http-equiv>` ends at the word "charset"
/// (no `=`): html5ever 0.39 read past the string's end and panicked, so
/// `article import` crashed on it (found by the article_import fuzz
/// target, kept in tests/fuzz-regressions/article_import/). 0.40.1 reads
/// it as a page with no declared encoding.
#[test]
fn a_page_whose_charset_meta_has_no_value_is_imported() {
    let dir = scratch("charset-meta");
    let page = dir.join("page.html");
    let html = "<!DOCTYPE html><html lang=en><head>\
        <meta http-equiv=\"content-type\" content=\"text/html; charset\"/>\
        <title>Why Bees Dance</title><meta name=author content=\"Jane Author\"></head>\
        <body><article><h1>Why Bees Dance</h1>\
        <p>Honeybees tell their sisters where food is by dancing on the comb, a habit that has \
        been studied for a century and still surprises the people who watch it closely.</p>\
        <p>The angle of the waggle run gives the direction of the flowers from the sun, and its \
        length tells how far away they are, which the other bees read in the dark hive.</p>\
        </article></body></html>";
    if let Err(e) = std::fs::write(&page, html) {
        panic!("{e}");
    }
    let out = dir.join("bees.json");
    let o = run(&[
        path(&page),
        "--out",
        path(&out),
        "--date",
        "2024-03-01",
        "--publisher",
        "Hive Notes",
        "--url",
        "https://example.org/bees",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(written.contains("waggle run"), "{written}");
}
