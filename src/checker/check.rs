//! `citequiz check`: every problem of every bank and the article it names.

use super::{FAILED, Format, Io, Stream, load_bank, plural, print_diagnostics};
use crate::diag::{Diagnostic, Severity};
use std::path::PathBuf;

/// `check`'s flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Text (rustc-style, on stderr) or JSON (on stdout).
    pub format: Format,
    /// Warnings fail too (exit 1): for CI.
    pub deny_warnings: bool,
}

fn count(diags: &[Diagnostic], sev: Severity) -> usize {
    diags.iter().filter(|d| d.severity == sev).count()
}

/// Checks each bank and the article it names, printing every problem and a
/// line per bank (text) or one JSON document (json); returns the exit code:
/// 0, or [`FAILED`] when a bank failed.
pub fn check(banks: &[PathBuf], options: CheckOptions, io: &mut dyn Io) -> u8 {
    let mut failed = false;
    let mut reports = Vec::new();
    for path in &bank_files(banks, io) {
        let loaded = load_bank(path, io);
        let path = path.display();
        let errors = count(&loaded.diagnostics, Severity::Error);
        let warnings = count(&loaded.diagnostics, Severity::Warning);
        let denied = options.deny_warnings && warnings > 0;
        failed |= loaded.bank.is_none() || denied;
        match options.format {
            Format::Text => {
                print_diagnostics(&loaded, io);
                match &loaded.bank {
                    Some(_) if denied => io.print(
                        Stream::Err,
                        &format!(
                            "{path}: failed: {} (--deny-warnings)",
                            plural(warnings, "warning")
                        ),
                    ),
                    Some(bank) => io.print(
                        Stream::Out,
                        &format!(
                            "{path}: ok: {} checked, every citation anchored{}",
                            plural(bank.questions().len(), "question"),
                            if warnings > 0 {
                                format!(" ({})", plural(warnings, "warning"))
                            } else {
                                String::new()
                            }
                        ),
                    ),
                    None => io.print(
                        Stream::Err,
                        &format!(
                            "{path}: failed: {}, {}",
                            plural(errors, "error"),
                            plural(warnings, "warning")
                        ),
                    ),
                }
            }
            Format::Json => reports.push(serde_json::json!({
                "file": path.to_string(),
                "ok": loaded.bank.is_some() && !denied,
                "questions": loaded.bank.as_ref().map(|b| b.questions().len()),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": loaded.diagnostics,
            })),
        }
    }
    if options.format == Format::Json {
        io.print(Stream::Out, &serde_json::to_string_pretty(&reports).unwrap_or_default());
    }
    if failed { FAILED } else { 0 }
}

/// The bank files named: a folder stands for its `.json` files, in name
/// order, as a linter takes a folder (not its subfolders: articles often
/// sit beside banks in their own). A folder without any, or one that
/// cannot be listed, stays itself, and reading it says what it is.
fn bank_files(named: &[PathBuf], io: &mut dyn Io) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in named {
        let names = match io.is_dir(path).then(|| io.list(path)) {
            Some(Ok(names)) => names,
            _ => Vec::new(),
        };
        let mut files: Vec<PathBuf> = (names.iter())
            .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
            .map(|n| path.join(n))
            .filter(|p| !io.is_dir(p))
            .collect();
        files.sort();
        if files.is_empty() {
            files.push(path.clone());
        }
        out.append(&mut files);
    }
    out
}
