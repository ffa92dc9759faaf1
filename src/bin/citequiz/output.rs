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

pub use citequiz::files::write_whole;

/// Exit 1, having said why, when `out` exists and `--force` was not given.
pub fn refuse_overwrite(out: &Path, force: bool) -> Option<ExitCode> {
    checker::refuse_overwrite(out, force, &mut Disk).map(ExitCode::from)
}
