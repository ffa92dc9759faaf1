//! `citequiz schema`: the bank format's JSON Schema.

use std::process::ExitCode;

/// Print the JSON Schema of the bank format.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {}

pub fn run(_: &Args) -> ExitCode {
    print!("{}", citequiz::bank::bank_schema());
    ExitCode::SUCCESS
}
