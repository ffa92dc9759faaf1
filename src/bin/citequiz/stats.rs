//! `citequiz stats`: a bank's questions by kind and tag, its points, and
//! which paragraphs of the article no question cites (the library's
//! `checker::stats`, over the disk and the terminal).

use crate::output::Format;
use citequiz::checker::stats;
use citequiz::files::Disk;
use std::path::PathBuf;
use std::process::ExitCode;

/// A bank's questions by kind and tag, points, and paragraph coverage
///
/// Questions by kind and tag, points, and which paragraphs of the article
/// no question cites.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// How to report: text (tables) or json.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// The bank file (JSON).
    #[arg(value_name = "BANK")]
    bank: PathBuf,
}

pub fn run(a: &Args) -> ExitCode {
    ExitCode::from(stats(&a.bank, a.format.into(), &mut Disk))
}
