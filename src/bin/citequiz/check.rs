//! `citequiz check`: every problem of every bank and the article it names
//! (the library's `checker::check`, over the disk and the terminal).

use citequiz::checker::{CheckOptions, Format, check};
use citequiz::files::Disk;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check banks and the articles they name
///
/// Prints every problem (rustc style, JSON for tools, GitHub Actions
/// annotations or a GitLab Code Quality report). Exit 1 on any error.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// How to report: text (rustc-style, on stderr), json (on stdout),
    /// github (workflow commands on stdout: GitHub Actions shows each
    /// problem on its line of the bank in the pull request) or gitlab (a
    /// Code Quality report on stdout, for a merge request).
    #[arg(long, value_enum, default_value_t)]
    format: CheckFormat,
    /// Fail (exit 1) on warnings too, such as the item-writing ones: for CI.
    #[arg(long)]
    deny_warnings: bool,
    /// The bank files (JSON) to check; a folder stands for its .json
    /// files (not its subfolders), in name order.
    #[arg(value_name = "BANK", required = true)]
    banks: Vec<PathBuf>,
}

#[derive(Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
enum CheckFormat {
    #[default]
    Text,
    Json,
    Github,
    Gitlab,
}

pub fn run(a: &Args) -> ExitCode {
    let format = match a.format {
        CheckFormat::Text => Format::Text,
        CheckFormat::Json => Format::Json,
        CheckFormat::Github => Format::Github,
        CheckFormat::Gitlab => Format::Gitlab,
    };
    let options = CheckOptions { format, deny_warnings: a.deny_warnings };
    ExitCode::from(check(&a.banks, options, &mut Disk))
}
