//! Banks: the file format (`raw`), its validation into checked types
//! (`model`), and the diagnostics that point authors at what to fix.
//!
//! Invariant: a `Bank` exists only if every rule held; everything that went
//! wrong on the way is a `Diagnostic` with its JSON path and, given the
//! source text, its line and column.

pub mod compiled;
pub mod lint;
mod model;
mod play;
pub mod raw;
pub(crate) mod read;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod validate;

pub use compiled::{COMPILED_FORMAT, CompiledPieces};
pub use model::{Bank, Body, Citation, Question};
pub use play::{LoadFailure, Part, load_playable};
pub use raw::{BANK_FORMAT, Cite, Kind, RawBank, RawQuestion};
#[cfg(not(target_arch = "wasm32"))]
pub use schema::{SCHEMA_ID, bank_schema};
pub use validate::{
    BankPieces, MAX_BANK_BYTES, MAX_CITATIONS, MAX_ID_CHARS, MAX_OPTIONS, MAX_QUESTIONS,
    MAX_TEXT_CHARS, article_path,
};

use crate::article::Article;
use crate::diag::Diagnostic;

impl Bank {
    /// Parses and checks a bank file against its article.
    ///
    /// `file` names the source in diagnostics.
    ///
    /// # Errors
    /// Every problem found, errors and warnings both, when any is an error.
    /// On success, the warnings come back beside the bank.
    pub fn load(
        source: &str,
        file: Option<&str>,
        article: Article,
    ) -> Result<(Bank, Vec<Diagnostic>), Vec<Diagnostic>> {
        validate::load(source, file, article)
    }
}
