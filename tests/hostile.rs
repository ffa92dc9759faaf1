//! Links in article metadata are limited to http(s): the article's `url`
//! and its related links are checked in the core, so a `javascript:`,
//! `data:` or schemeless address never reaches a page as a link.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::article::{Article, Normalizer};
use support::ARTICLE;

/// The shipped article with the `url` of the object at `pointer` (a JSON
/// pointer) set to `url`; the codes and paths of the diagnostics it draws.
fn with_url(pointer: &str, url: &str) -> Vec<(&'static str, String)> {
    let mut v: serde_json::Value = serde_json::from_str(ARTICLE).unwrap();
    v.pointer_mut(pointer).unwrap()["url"] = url.into();
    match Article::parse(&v.to_string(), Normalizer::default()) {
        Ok(_) => Vec::new(),
        Err(diags) => diags.into_iter().map(|d| (d.code, d.path)).collect(),
    }
}

#[test]
fn an_article_url_that_is_not_http_is_rejected() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:window.__pwned=1",
        " javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https:/one-slash",
        "https://",
        "https://host with space/",
        "HTTPS://EXAMPLE.COM/",
    ] {
        assert_eq!(with_url("", url), [("bad-url", "url".to_string())], "{url:?}");
        assert_eq!(
            with_url("/related/0", url),
            [("bad-url", "related[0].url".to_string())],
            "{url:?}"
        );
    }
}

#[test]
fn http_urls_are_accepted_even_with_markup_in_them() {
    // Markup in an http(s) address is harmless: it is only ever an
    // attribute's value (set through the DOM, never parsed as HTML).
    for url in ["https://example.com/?q=<script>alert(1)</script>", "http://a/\"onmouseover=\"x"] {
        assert_eq!(with_url("", url), [], "{url:?}");
    }
}
