//! Native shell: the disk and the terminal as the checker's [`Io`].
//!
//! The core takes text; this module is where files are read and lines
//! printed, for the CLI, the tests and the benchmarks. What is read and how
//! it is checked is `checker`'s, which the Node checker shares. Not
//! compiled to wasm32.

use crate::article::Article;
use crate::checker::{self, Io, Stream};
use crate::diag::Diagnostic;
use std::path::Path;

pub use crate::checker::{BadByte, Loaded, SourceFile, binary_kind, resolve};

/// The files on disk (read whole, as UTF-8) and the process's stdout and
/// stderr.
#[derive(Debug, Default, Clone, Copy)]
pub struct Disk;

impl Io for Disk {
    fn read(&mut self, path: &Path) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| e.to_string())
    }

    fn print(&mut self, stream: Stream, line: &str) {
        match stream {
            Stream::Out => println!("{line}"),
            Stream::Err => eprintln!("{line}"),
        }
    }
}

/// Reads an article file from disk.
///
/// # Errors
/// The file can't be read or doesn't check; diagnostics name the file.
pub fn load_article(
    path: &Path,
) -> Result<(Article, SourceFile), (Vec<Diagnostic>, Option<SourceFile>)> {
    checker::load_article(path, &mut Disk)
}

/// Reads a bank file and the article it names (relative to the bank) from
/// disk, and checks both (`checker::load_bank`).
pub fn load_bank(path: &Path) -> Loaded {
    checker::load_bank(path, &mut Disk)
}
