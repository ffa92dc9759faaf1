//! `citequiz compile`: a bank that checks, written as a compiled bank
//! (`citequiz-compiled/1`, see `citequiz::bank::compiled`): checked,
//! anchored and hashed once here, its article inlined, for pages to fetch
//! in one request and start without checking.

use crate::output::{print_diagnostics, refuse_overwrite, write_whole};
use citequiz::files::load_bank;
use std::path::{Path, PathBuf};
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
    /// Where to write (default: BANK with `.compiled.json` for `.json`).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(a: &Args) -> ExitCode {
    let out = a.out.clone().unwrap_or_else(|| default_out(&a.bank));
    let loaded = load_bank(&a.bank);
    print_diagnostics(&loaded);
    let Some(bank) = &loaded.bank else {
        eprintln!("error: {} does not check; nothing was written", a.bank.display());
        eprintln!("  = help: fix the errors above, then compile again");
        return ExitCode::from(1);
    };
    if let Some(refused) = refuse_overwrite(&out, a.force) {
        return refused;
    }
    let text = bank.compile();
    if let Err(e) = write_whole(&out, text.as_bytes()) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::from(1);
    }
    let n = bank.questions().len();
    println!("{}: {} ({} bytes)", out.display(), crate::output::plural(n, "question"), text.len());
    ExitCode::SUCCESS
}

/// `bank.json` → `bank.compiled.json`, beside it.
fn default_out(bank: &Path) -> PathBuf {
    let stem = bank.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    bank.with_file_name(format!("{stem}.compiled.json"))
}
