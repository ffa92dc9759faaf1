//! The parser's forms and escapes, one `check` each.

use super::*;
use crate::bank::raw::{Answer, Kind, RawQuestion};

/// Parses `src` and returns its questions, failing on any error.
fn ok(src: &str) -> Vec<RawQuestion> {
    let (qs, diags) = parse(src, "t.gift");
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
    qs
}

fn one(src: &str) -> RawQuestion {
    let mut qs = ok(src);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    qs.remove(0)
}

/// The messages of `src`'s diagnostics, `file:line:col: message`.
fn messages(src: &str) -> Vec<String> {
    let (_, diags) = parse(src, "t.gift");
    diags
        .iter()
        .filter(|d| d.code != "placeholder-explanation")
        .map(|d| format!("{} {}: {}", d.code, d.location(), d.message))
        .collect()
}

#[test]
fn placeholder() {}
