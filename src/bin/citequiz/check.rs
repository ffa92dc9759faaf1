//! `citequiz check`: every problem of every bank and the article it names
//! (the library's `checker::check`, over the disk and the terminal).

use crate::output::Format;
use citequiz::checker::{CheckOptions, check};
use citequiz::files::Disk;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check banks and the articles they name
///
/// Prints every problem (rustc style, or JSON for tools). Exit 1 on any
/// error.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// How to report: text (rustc-style, on stderr) or json (on stdout).
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Fail (exit 1) on warnings too, such as the item-writing ones: for CI.
    #[arg(long)]
    deny_warnings: bool,
    /// The bank files (JSON) to check; a folder stands for its .json
    /// files (not its subfolders), in name order.
    #[arg(value_name = "BANK", required = true)]
    banks: Vec<PathBuf>,
}

pub fn run(a: &Args) -> ExitCode {
    let options = CheckOptions { format: a.format.into(), deny_warnings: a.deny_warnings };
    ExitCode::from(check(&a.banks, options, &mut Disk))
}
