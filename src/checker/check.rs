//! `citequiz check`: every problem of every bank and the article it names.

use super::{FAILED, Format, Io, Stream, load_bank, plural, print_diagnostics};
use crate::diag::{Diagnostic, Severity};
use std::path::PathBuf;

/// `check`'s flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    /// Text (rustc-style, on stderr), JSON, GitHub Actions' workflow
    /// commands or GitLab's Code Quality report (each on stdout).
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
    let mut reports = Vec::new();
    let mut issues = Vec::new();
    let files = bank_files(banks, io);
    let (mut failures, mut all_errors, mut all_warnings) = (0, 0, 0);
    for path in &files {
        let loaded = load_bank(path, io);
        let path = path.display().to_string();
        let errors = count(&loaded.diagnostics, Severity::Error);
        let warnings = count(&loaded.diagnostics, Severity::Warning);
        let denied = options.deny_warnings && warnings > 0;
        failures += usize::from(loaded.bank.is_none() || denied);
        all_errors += errors;
        all_warnings += warnings;
        match options.format {
            Format::Text => print_diagnostics(&loaded, io),
            Format::Github => {
                for d in &loaded.diagnostics {
                    io.print(Stream::Out, &github_annotation(d, &path));
                }
            }
            Format::Gitlab => {
                issues.extend(loaded.diagnostics.iter().map(|d| gitlab_issue(d, &path)))
            }
            Format::Json => {
                reports.push(serde_json::json!({
                    "file": path,
                    "ok": loaded.bank.is_some() && !denied,
                    "questions": loaded.bank.as_ref().map(|b| b.questions().len()),
                    "errors": errors,
                    "warnings": warnings,
                    "diagnostics": loaded.diagnostics,
                }));
                continue;
            }
        }
        // The bank's line. GitLab's report is stdout, so there it goes to stderr.
        let ok = if options.format == Format::Gitlab { Stream::Err } else { Stream::Out };
        match &loaded.bank {
            Some(_) if denied => io.print(
                Stream::Err,
                &format!("{path}: failed: {} (--deny-warnings)", plural(warnings, "warning")),
            ),
            Some(bank) => io.print(
                ok,
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
    // Several banks: a last line that tallies them, as a linter's does.
    if files.len() > 1 && options.format != Format::Json {
        let mut tally =
            format!("{} checked: {} ok", plural(files.len(), "bank"), files.len() - failures);
        if failures > 0 {
            tally.push_str(&format!(", {failures} failed"));
        }
        if all_errors + all_warnings > 0 {
            tally.push_str(&format!(
                " ({}, {})",
                plural(all_errors, "error"),
                plural(all_warnings, "warning")
            ));
        }
        let clean = failures == 0 && options.format != Format::Gitlab;
        io.print(if clean { Stream::Out } else { Stream::Err }, &tally);
    }
    match options.format {
        Format::Json => {
            io.print(Stream::Out, &serde_json::to_string_pretty(&reports).unwrap_or_default());
        }
        Format::Gitlab => {
            io.print(Stream::Out, &serde_json::to_string_pretty(&issues).unwrap_or_default());
        }
        _ => {}
    }
    if failures > 0 { FAILED } else { 0 }
}

/// `d` as a GitHub Actions workflow command, one line: `::error` or
/// `::warning`, the file, line and column, the code as the title, and the
/// message with where in the bank and the help (escaped as the runner
/// reads them: `%`, CR and LF in the message; also `:` and `,` in a
/// property). `bank` stands for a problem without a file.
fn github_annotation(d: &Diagnostic, bank: &str) -> String {
    fn escape(s: &str, property: bool) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '%' => out.push_str("%25"),
                '\r' => out.push_str("%0D"),
                '\n' => out.push_str("%0A"),
                ':' if property => out.push_str("%3A"),
                ',' if property => out.push_str("%2C"),
                c => out.push(c),
            }
        }
        out
    }
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = lexically_normal(d.file.as_deref().unwrap_or(bank));
    let mut props = vec![format!("file={}", escape(&file, true))];
    if let Some(line) = d.line {
        props.push(format!("line={line}"));
    }
    if let Some(col) = d.column {
        props.push(format!("col={col}"));
    }
    props.push(format!("title={}", escape(&format!("citequiz {}", d.code), true)));
    let message = described(d, "\nhelp: ");
    format!("::{severity} {}::{}", props.join(","), escape(&message, false))
}

/// `d` as an issue of GitLab's Code Quality report: the code as
/// `check_name`, the message with where and the help as `description`,
/// errors `critical` and warnings `minor`, the file and line (1 when the
/// problem has none), and a fingerprint that stays while the problem
/// does, though lines move: FNV-1a over the file, code, JSON path,
/// question and message. `bank` stands for a problem without a file.
fn gitlab_issue(d: &Diagnostic, bank: &str) -> serde_json::Value {
    let file = lexically_normal(d.file.as_deref().unwrap_or(bank));
    let question = d.question.as_deref().unwrap_or_default();
    let key = [file.as_str(), d.code, &d.path, question, &d.message].join("\u{1f}");
    serde_json::json!({
        "description": format!("{}: {}", d.code, described(d, "; help: ")),
        "check_name": d.code,
        "fingerprint": format!("{:016x}", crate::hash::fnv1a(key.as_bytes())),
        "severity": match d.severity {
            Severity::Error => "critical",
            Severity::Warning => "minor",
        },
        "location": { "path": file, "lines": { "begin": d.line.unwrap_or(1) } },
    })
}

/// The message, where in the bank in brackets, then `help_after` and the
/// help: one line of text for a CI system's view of the problem.
fn described(d: &Diagnostic, help_after: &str) -> String {
    let mut out = d.message.clone();
    let at = d.whereabouts();
    if !at.is_empty() {
        out.push_str(&format!(" ({at})"));
    }
    if let Some(help) = &d.help {
        out.push_str(help_after);
        out.push_str(help);
    }
    out
}

/// `path` without `.` and `dir/..` steps, as the runner matches an
/// annotation's file against the repository's paths
/// (`quiz-data/banks/../articles/a.json` → `quiz-data/articles/a.json`).
pub(super) fn lexically_normal(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "." => {}
            "" if !parts.is_empty() => {}
            ".." if parts.last().is_some_and(|p| !matches!(*p, ".." | "")) => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    if parts.is_empty() { ".".to_string() } else { parts.join("/") }
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
