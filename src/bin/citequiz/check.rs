//! `citequiz check`: every problem of every bank and the article it names.

use crate::output::{Format, plural, print_diagnostics};
use citequiz::diag::{Diagnostic, Severity};
use citequiz::files::load_bank;
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
    /// The bank files (JSON) to check.
    #[arg(value_name = "BANK", required = true)]
    banks: Vec<PathBuf>,
}

fn count(diags: &[Diagnostic], sev: Severity) -> usize {
    diags.iter().filter(|d| d.severity == sev).count()
}

pub fn run(a: &Args) -> ExitCode {
    let mut failed = false;
    let mut reports = Vec::new();
    for path in &a.banks {
        let loaded = load_bank(path);
        let path = path.display();
        let errors = count(&loaded.diagnostics, Severity::Error);
        let warnings = count(&loaded.diagnostics, Severity::Warning);
        failed |= loaded.bank.is_none() || (a.deny_warnings && warnings > 0);
        match a.format {
            Format::Text => {
                print_diagnostics(&loaded);
                match &loaded.bank {
                    Some(_) if a.deny_warnings && warnings > 0 => eprintln!(
                        "{path}: failed: {} (--deny-warnings)",
                        plural(warnings, "warning")
                    ),
                    Some(bank) => println!(
                        "{path}: ok: {} checked, every citation anchored{}",
                        plural(bank.questions().len(), "question"),
                        if warnings > 0 {
                            format!(" ({})", plural(warnings, "warning"))
                        } else {
                            String::new()
                        }
                    ),
                    None => eprintln!(
                        "{path}: failed: {}, {}",
                        plural(errors, "error"),
                        plural(warnings, "warning")
                    ),
                }
            }
            Format::Json => reports.push(serde_json::json!({
                "file": path.to_string(),
                "ok": loaded.bank.is_some() && !(a.deny_warnings && warnings > 0),
                "questions": loaded.bank.as_ref().map(|b| b.questions().len()),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": loaded.diagnostics,
            })),
        }
    }
    if a.format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&reports).unwrap_or_default());
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
