//! What the integration tests share: the shipped article and banks, the
//! fixture bank, and (natively) the article parsed and the bank files
//! listed. Each test file takes it with `mod support;`, and the benchmarks
//! with `#[path]`; not every file uses every item.
#![allow(dead_code)]

/// The shipped article every shipped bank and fixture cites.
pub const ARTICLE: &str =
    include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

/// The shipped quick-check bank (a few questions).
pub const QUICK_CHECK: &str = include_str!("../../quiz-data/banks/gabuev-quick-check.json");

/// The shipped full bank.
pub const FULL: &str = include_str!("../../quiz-data/banks/gabuev-full.json");

/// The fixture bank: one question of every kind.
pub const EVERY_KIND: &str = include_str!("../fixtures/every-kind.json");

/// [`EVERY_KIND`] compiled (`citequiz compile`); `tests/compiled.rs`
/// holds it current (`UPDATE_EXPECT=1` rewrites it).
pub const EVERY_KIND_COMPILED: &str = include_str!("../fixtures/every-kind.compiled.json");

#[cfg(not(target_arch = "wasm32"))]
#[allow(unused_imports)]
pub use native::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use citequiz::Bank;
    use citequiz::article::{Article, Normalizer};
    use std::path::{Path, PathBuf};

    /// Every field the player reads, compared.
    pub fn assert_same(raw: &Bank, back: &Bank, what: &str) {
        assert_eq!(raw.id(), back.id(), "{what}");
        assert_eq!(raw.title(), back.title(), "{what}");
        assert_eq!(raw.description(), back.description(), "{what}");
        assert_eq!(raw.language(), back.language(), "{what}");
        assert_eq!(raw.pass_percent(), back.pass_percent(), "{what}");
        assert_eq!(raw.try_penalty(), back.try_penalty(), "{what}");
        assert_eq!(raw.shuffle_questions(), back.shuffle_questions(), "{what}");
        assert_eq!(raw.shuffle_options(), back.shuffle_options(), "{what}");
        assert_eq!(raw.questions().len(), back.questions().len(), "{what}");
        for (a, b) in raw.questions().iter().zip(back.questions()) {
            assert_eq!(a, b, "{what}: question {}", a.id());
            assert_eq!(a.content_hash(), b.content_hash(), "{what}: {}", a.id());
            assert_eq!(back.index_of(a.id()), raw.index_of(a.id()), "{what}: {}", a.id());
        }
        let (x, y) = (raw.article(), back.article());
        assert_eq!(x.raw(), y.raw(), "{what}: article");
        assert_eq!(x.text(), y.text(), "{what}: article text");
        assert_eq!(x.paragraphs(), y.paragraphs(), "{what}: paragraphs");
        assert_eq!(x.sentences(), y.sentences(), "{what}: sentences");
    }

    /// Each of `cases` (`good` edited) is refused read whole (`whole` says
    /// whether it reads) and in pieces of several sizes (`pieces` says
    /// whether it gave a bank).
    pub fn refused_both_ways(
        good: &str,
        cases: &[String],
        whole: impl Fn(&str) -> bool,
        pieces: impl Fn(&[u8], usize) -> bool,
    ) {
        for (i, text) in cases.iter().enumerate() {
            assert_ne!(text, good, "case {i} changed nothing");
            assert!(!whole(text), "case {i} reads whole");
            for size in [1, 5, 4096] {
                assert!(!pieces(text.as_bytes(), size), "case {i}, pieces of {size}");
            }
        }
    }

    /// [`super::ARTICLE`] parsed with the full Unicode normalizer (the
    /// native default), as `citequiz check` reads it.
    pub fn article() -> Article {
        match Article::parse(super::ARTICLE, Normalizer::unicode()) {
            Ok(a) => a,
            Err(d) => panic!("the shipped article does not parse: {d:#?}"),
        }
    }

    /// `path` (relative to the repository) as an absolute path.
    pub fn repo_path(path: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
    }

    /// The `.json` files in `dir` (relative to the repository), sorted.
    pub fn json_files(dir: &str) -> Vec<PathBuf> {
        let dir = repo_path(dir);
        let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        out.sort();
        out
    }

    /// Every bank file in quiz-data/banks, sorted; at least one.
    pub fn shipped_banks() -> Vec<PathBuf> {
        let out = json_files("quiz-data/banks");
        assert!(!out.is_empty(), "no banks in quiz-data/banks");
        out
    }

    /// The fixture bank's path: one question of every kind.
    pub fn every_kind_path() -> PathBuf {
        repo_path("tests/fixtures/every-kind.json")
    }

    /// The shipped banks, then the fixture bank.
    pub fn all_banks() -> Vec<PathBuf> {
        let mut files = shipped_banks();
        files.push(every_kind_path());
        files
    }
}
