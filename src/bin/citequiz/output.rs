//! What several commands print the same way: the `--format` choice, plural
//! counts, and diagnostics in rustc style on stderr (the library's
//! `checker`, which the Node checker shares).

use citequiz::checker;
use citequiz::files::{Disk, Loaded};
use std::path::Path;
use std::process::ExitCode;

pub use citequiz::checker::plural;

/// `--format` of the commands that report (check, stats).
#[derive(Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: rustc-style diagnostics, aligned tables.
    #[default]
    Text,
    /// For tools: one JSON document on stdout.
    Json,
}

impl From<Format> for checker::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => checker::Format::Text,
            Format::Json => checker::Format::Json,
        }
    }
}

/// Every diagnostic of a loaded bank, rendered against its source, on stderr.
pub fn print_diagnostics(loaded: &Loaded) {
    checker::print_diagnostics(loaded, &mut Disk);
}

/// Writes `bytes` to `path` whole: into a temporary file beside it, then
/// renamed over it, so that a failure leaves no half-written file.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Exit 1, having said why, when `out` exists and `--force` was not given.
pub fn refuse_overwrite(out: &Path, force: bool) -> Option<ExitCode> {
    if !out.exists() || force {
        return None;
    }
    eprintln!("error: {} exists; nothing was written", out.display());
    eprintln!("  = help: give --force to replace it, or another --out");
    Some(ExitCode::from(1))
}
