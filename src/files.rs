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

    fn exists(&mut self, path: &Path) -> bool {
        path.exists()
    }

    fn is_dir(&mut self, path: &Path) -> bool {
        path.is_dir()
    }

    fn list(&mut self, dir: &Path) -> Result<Vec<String>, String> {
        std::fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())
    }

    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        write_whole(path, bytes).map_err(|e| e.to_string())
    }
}

/// Writes `bytes` to `path` whole: into a temporary file beside it, then
/// renamed over it, so that a failure leaves no half-written file.
///
/// # Errors
/// The temporary file cannot be written or renamed.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
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
