//! `citequiz compile`: a bank that checks, written as a compiled bank
//! (`citequiz-compiled/1`, see `citequiz::bank::compiled`): checked,
//! anchored and hashed once here, its article inlined, for pages to fetch
//! in one request and start without checking.

use citequiz::checker::{self, CompileOptions};
use citequiz::files::Disk;
use std::path::PathBuf;
use std::process::ExitCode;

/// Compile a bank for pages: checked, anchored, its article inlined
///
/// Writes one JSON file ("format": "citequiz-compiled/1") that the widget
/// loads in one request and starts without checking or anchoring. Authors
/// keep editing BANK; compile again after each change. A bank that does
/// not check is not compiled (its problems are printed as `check` prints
/// them).
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The bank file (JSON); it must check.
    #[arg(value_name = "BANK")]
    bank: PathBuf,
    /// Where to write: a file, or a folder to write it into under BANK's
    /// file name (default: BANK with `.compiled.json` for `.json`).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(a: &Args) -> ExitCode {
    let options = CompileOptions { out: a.out.as_deref(), force: a.force };
    ExitCode::from(checker::compile(&a.bank, options, &mut Disk))
}
