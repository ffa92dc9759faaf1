//! `citequiz check`, `stats` and `compile` as they print: loading a bank and
//! its article, checking both, and the report, text or JSON, line by line;
//! `compile` also writes the compiled bank.
//!
//! One code path for two shells: the native CLI (`src/bin/citequiz`, over
//! the disk and the terminal, `files::Disk`) and the Node checker of the
//! npm package (`web::check`, feature `check`, over Node's `fs` and
//! process streams). Both give an [`Io`]; this module reads files and
//! prints only through it, so the two print the same bytes and exit with
//! the same code. Compiled natively and, on wasm32, only with the `check`
//! feature: the widget's Wasm carries none of it (nor `bank::lint`).

mod bytes;
mod check;
mod compile;
mod load;
mod stats;

pub use bytes::{BadByte, binary_kind, not_utf8};
pub use check::{CheckOptions, check};
pub use compile::{CompileOptions, compile, default_out, refuse_overwrite};
pub use load::{Loaded, SourceFile, load_article, load_bank, resolve, unreadable_help};
pub use stats::stats;

use crate::article::Normalizer;
use std::path::Path;

/// Where a line goes: stdout (the result) or stderr (diagnostics, failures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output.
    Out,
    /// Standard error.
    Err,
}

/// `--format` of the commands that report (check, stats).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// For people: rustc-style diagnostics, aligned tables.
    #[default]
    Text,
    /// For tools: one JSON document on stdout.
    Json,
    /// For GitHub Actions (`check` only; `stats` reports as text): each
    /// diagnostic as a workflow command on stdout, which the runner shows
    /// on the bank's line in the pull request, then the text's summary.
    Github,
    /// For GitLab CI (`check` only; `stats` reports as text): one Code
    /// Quality report (JSON) on stdout, which a merge request shows; the
    /// summary lines on stderr.
    Gitlab,
}

/// The shell around the checker: the files it reads and the lines it
/// prints.
pub trait Io {
    /// A file's bytes (the checker tells text from binary and non-UTF-8),
    /// or why it cannot be read (the system's words, as `std::io::Error`
    /// writes them natively: "No such file or directory (os error 2)").
    ///
    /// # Errors
    /// The file is missing or unreadable.
    fn read(&mut self, path: &Path) -> Result<Vec<u8>, String>;
    /// Prints one line (without its newline) on a stream.
    fn print(&mut self, stream: Stream, line: &str);
    /// Whether something exists at `path` (a command that writes refuses
    /// to replace it without `--force`).
    fn exists(&mut self, path: &Path) -> bool;
    /// Whether `path` is a folder (`compile --out` writes into one).
    fn is_dir(&mut self, path: &Path) -> bool;
    /// The names of the entries in the folder `dir` (`check FOLDER` checks
    /// its `.json` files), or why it cannot be listed.
    ///
    /// # Errors
    /// The folder cannot be read.
    fn list(&mut self, dir: &Path) -> Result<Vec<String>, String>;
    /// Writes `bytes` to `path` whole (natively into a temporary file
    /// beside it, then renamed over it), or says why it could not.
    ///
    /// # Errors
    /// The file cannot be written.
    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<(), String>;
    /// The Unicode normalizer articles are read with: full tables natively,
    /// the host's (JS's `normalize`) in the Wasm.
    fn normalizer(&self) -> Normalizer {
        Normalizer::default()
    }
}

/// Exit code 1: a bank has errors (or warnings, with `--deny-warnings`), or
/// a file could not be read.
pub const FAILED: u8 = 1;

/// "1 question", "2 questions".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

/// Every diagnostic of a loaded bank, rendered against its source, on
/// stderr.
pub fn print_diagnostics(loaded: &Loaded, io: &mut dyn Io) {
    for d in &loaded.diagnostics {
        io.print(Stream::Err, &d.render(loaded.source_of(d)));
    }
}

#[cfg(test)]
mod tests;
