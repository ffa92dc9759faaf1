//! `citequiz compile`: a bank that checks, written as a compiled bank
//! (`citequiz-compiled/1`, see `bank::compiled`): checked, anchored and
//! hashed once here, its article inlined, for pages to fetch in one request
//! and start without checking. The native command and the npm package's
//! `npx citequiz compile` both run this.

use super::{FAILED, Io, Stream, load_bank, plural, print_diagnostics};
use std::path::{Path, PathBuf};

/// Where `compile` writes, and whether it may replace a file.
#[derive(Debug, Clone, Copy, Default)]
pub struct CompileOptions<'a> {
    /// The compiled file, or a folder to write it into under the bank's
    /// file name (default: [`default_out`] of the bank).
    pub out: Option<&'a Path>,
    /// Replace `out` if it exists.
    pub force: bool,
}

/// Compiles the bank at `path`; returns the exit code: 0, or [`FAILED`]
/// when the bank does not check (its diagnostics are printed as `check`
/// prints them, and nothing is written), `out` exists without `force`, or
/// it cannot be written. Warnings are printed and do not stop it.
pub fn compile(path: &Path, options: CompileOptions<'_>, io: &mut dyn Io) -> u8 {
    let out = match options.out {
        // A folder, as `cp` takes one: the bank's file name inside it.
        Some(dir) if io.is_dir(dir) => dir.join(path.file_name().unwrap_or(path.as_os_str())),
        Some(file) => file.to_path_buf(),
        None => default_out(path),
    };
    let loaded = load_bank(path, io);
    print_diagnostics(&loaded, io);
    let Some(bank) = &loaded.bank else {
        // A bank that could not be read has said so; one that was read, why
        // it does not check.
        if loaded.bank_file.is_some() {
            io.print(
                Stream::Err,
                &format!("error: {} does not check; nothing was written", path.display()),
            );
            io.print(Stream::Err, "  = help: fix the errors above, then compile again");
        }
        return FAILED;
    };
    if let Some(refused) = refuse_overwrite(&out, options.force, io) {
        return refused;
    }
    let text = bank.compile();
    if let Err(e) = io.write(&out, text.as_bytes()) {
        io.print(Stream::Err, &format!("error: cannot write {}: {e}", out.display()));
        return FAILED;
    }
    let n = plural(bank.questions().len(), "question");
    io.print(Stream::Out, &format!("{}: {n} ({} bytes)", out.display(), text.len()));
    0
}

/// `bank.json` → `bank.compiled.json`, beside it.
pub fn default_out(bank: &Path) -> PathBuf {
    let stem = bank.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    bank.with_file_name(format!("{stem}.compiled.json"))
}

/// [`FAILED`], having said why, when `out` exists and `force` was not
/// given: what every command that writes a file does.
pub fn refuse_overwrite(out: &Path, force: bool, io: &mut dyn Io) -> Option<u8> {
    if force || !io.exists(out) {
        return None;
    }
    io.print(Stream::Err, &format!("error: {} exists; nothing was written", out.display()));
    io.print(Stream::Err, "  = help: give --force to replace it, or another --out");
    Some(FAILED)
}
