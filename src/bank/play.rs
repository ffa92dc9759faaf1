//! The bank a quiz plays, from what a page hands over: a compiled bank
//! alone, or a raw bank with its article text. The one place that decides
//! between the two readers, for both browser shells (the widget's
//! `Widget.mount` and the headless `Quiz`), each of which turns a
//! [`LoadFailure`] into its own message and panel.
//!
//! With the `player` feature (the widget's player-only Wasm), the raw path
//! is compiled out: `Article::parse`, `Bank::load`'s rules, their anchoring
//! and the content hash's serde path are not in that Wasm, and a raw bank
//! is refused with a diagnostic rather than read.

use super::Bank;
#[cfg(feature = "player")]
use super::compiled::COMPILED_FORMAT;
#[cfg(not(feature = "player"))]
use crate::article::Article;
use crate::article::Normalizer;
use crate::diag::Diagnostic;

/// Which part of a load failed, so that the shell can say which file to
/// fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The compiled bank (no article was given).
    Compiled,
    /// The raw bank's article.
    Article,
    /// The raw bank, checked against its article.
    Bank,
    /// A raw bank given to a build that reads compiled banks only (the
    /// `player` feature).
    NotCompiled,
}

/// A load that failed: which part, and every problem found in it.
#[derive(Debug)]
pub struct LoadFailure {
    /// The part that failed.
    pub part: Part,
    /// Its diagnostics, with JSON paths and line:column in that part's
    /// source (the article's text for `Part::Article`, else the bank's).
    pub diags: Vec<Diagnostic>,
}

impl LoadFailure {
    /// What the shells say failed: "the compiled bank could not be loaded",
    /// "the article …" or "the bank …".
    pub fn summary(&self) -> &'static str {
        match self.part {
            Part::Compiled => "the compiled bank could not be loaded",
            Part::Article => "the article could not be loaded",
            Part::Bank | Part::NotCompiled => "the bank could not be loaded",
        }
    }

    /// The text the diagnostics point into: the article's for
    /// `Part::Article`, else the bank's.
    pub fn source<'a>(&self, bank: &'a str, article: Option<&'a str>) -> &'a str {
        match (self.part, article) {
            (Part::Article, Some(article)) => article,
            _ => bank,
        }
    }
}

/// Reads the bank a quiz plays: with no article, `bank` is a compiled bank
/// (`citequiz compile`), which carries its own article and is read without
/// checking its rules again; with one, `bank` is a raw bank, checked
/// against that article (its warnings are dropped: a player shows none).
///
/// # Errors
/// The part that failed and its diagnostics; with the `player` feature, a
/// raw bank (an article given) is `Part::NotCompiled`.
///
/// # Example
/// ```
/// use citequiz::article::Normalizer;
/// use citequiz::bank::{Part, load_playable};
/// let err = load_playable("{", None, Normalizer::default()).unwrap_err();
/// assert_eq!(err.part, Part::Compiled);
/// ```
pub fn load_playable(
    bank: &str,
    article: Option<&str>,
    normalizer: Normalizer,
) -> Result<Bank, LoadFailure> {
    match article {
        None => Bank::load_compiled(bank, normalizer)
            .map_err(|diags| LoadFailure { part: Part::Compiled, diags }),
        Some(article) => load_raw(bank, article, normalizer),
    }
}

#[cfg(not(feature = "player"))]
fn load_raw(bank: &str, article: &str, normalizer: Normalizer) -> Result<Bank, LoadFailure> {
    let article = Article::parse(article, normalizer)
        .map_err(|diags| LoadFailure { part: Part::Article, diags })?;
    Bank::load(bank, None, article)
        .map(|(bank, _warnings)| bank)
        .map_err(|diags| LoadFailure { part: Part::Bank, diags })
}

#[cfg(feature = "player")]
fn load_raw(_bank: &str, _article: &str, _normalizer: Normalizer) -> Result<Bank, LoadFailure> {
    use crate::diag::Code;
    use crate::text::cat;
    let message = cat(&[
        "this build of the widget plays compiled banks only (format \"",
        COMPILED_FORMAT,
        "\"), and was given a bank with its article",
    ]);
    let help = "compile the bank (`citequiz compile BANK`) and mount it with a null article, \
                or load the full widget (citequiz_bg.wasm), which checks a raw bank";
    let d = Diagnostic::error(Code::UNKNOWN_FORMAT, "format", message).with_help(help);
    Err(LoadFailure { part: Part::NotCompiled, diags: vec![d] })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    const BANK: &str = include_str!("../../quiz-data/banks/gabuev-quick-check.json");

    fn check(bank: &str, article: Option<&str>, expected: Result<usize, Part>) {
        let got = load_playable(bank, article, Normalizer::default())
            .map(|b| b.questions().len())
            .map_err(|e| e.part);
        assert_eq!(got, expected);
    }

    #[test]
    fn each_part_that_fails_is_named() {
        let raw = load_playable(BANK, Some(ARTICLE), Normalizer::default());
        let Ok(bank) = raw else { panic!("the shipped bank loads: {raw:?}") };
        let n = bank.questions().len();
        check(&bank.compile(), None, Ok(n));
        check(BANK, Some(ARTICLE), Ok(n));
        check(BANK, None, Err(Part::Compiled));
        check(BANK, Some("{"), Err(Part::Article));
        check("{", Some(ARTICLE), Err(Part::Bank));
    }
}
