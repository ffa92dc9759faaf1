//! `citequiz build`: a bank packaged for course sites (`citequiz::package`
//! makes the files; this checks the bank, reads the widget, writes them).

use crate::output::print_diagnostics;
use citequiz::files::load_bank;
use citequiz::package::{page, read_widget, scorm_files, zip};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Package a bank for course sites (a single page, a SCORM 1.2 zip)
///
/// Writes BANK_ID.html, one self-contained page (works from file://),
/// and/or BANK_ID.scorm12.zip, a SCORM 1.2 package that reports score and
/// pass/fail to the LMS. Needs the built widget in www/pkg (bash
/// scripts/build-wasm.sh).
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The bank file (JSON); it must check.
    #[arg(value_name = "BANK")]
    bank: PathBuf,
    /// The folder to write into (made if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// What to write.
    #[arg(long, value_enum, default_value_t = Package::Both)]
    format: Package,
    /// The web folder holding the built widget (pkg/) and style.css.
    #[arg(long, value_name = "DIR", default_value = "www")]
    www: PathBuf,
}

/// `build --format`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Package {
    /// The single self-contained page.
    Html,
    /// The SCORM 1.2 zip.
    Scorm,
    /// Both.
    Both,
}

/// `citequiz build`: exit 1 when the bank does not check or a file cannot
/// be read or written.
pub fn run(a: &Args) -> ExitCode {
    let (html, scorm) = match a.format {
        Package::Html => (true, false),
        Package::Scorm => (false, true),
        Package::Both => (true, true),
    };
    match build(&a.bank, &a.out, &a.www, html, scorm) {
        Ok(written) => {
            for (path, bytes) in written {
                println!("{}: {} bytes", path.display(), bytes);
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Checks the bank, then writes the outputs asked for into `out`; returns
/// each file written and its size.
fn build(
    bank_path: &Path,
    out: &Path,
    www: &Path,
    html: bool,
    scorm: bool,
) -> Result<Vec<(PathBuf, usize)>, String> {
    let loaded = load_bank(bank_path);
    print_diagnostics(&loaded);
    let Some(bank) = &loaded.bank else {
        return Err(format!(
            "{} does not check; fix the errors above (`citequiz check` lists them)",
            bank_path.display()
        ));
    };
    // The page carries the bank compiled (its article inlined), which the
    // widget starts without checking or anchoring.
    let compiled = bank.compile();
    let widget = read_widget(www)?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut written = Vec::new();
    let mut write = |name: String, bytes: &[u8]| -> Result<(), String> {
        let path = out.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push((path, bytes.len()));
        Ok(())
    };
    let stem = bank.id().replace(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_', "_");
    if html {
        let p = page(&widget, bank, &compiled, "", None);
        write(format!("{stem}.html"), p.as_bytes())?;
    }
    if scorm {
        let files = scorm_files(&widget, bank, &compiled, "");
        write(format!("{stem}.scorm12.zip"), &zip(&files)?)?;
    }
    Ok(written)
}
