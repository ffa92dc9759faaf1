//! Native shell: loading a bank file and its article from disk.
//!
//! The core takes text; this module is where paths are resolved and files
//! read, for the CLI, the tests and the benchmarks. Not compiled to wasm32.

use crate::article::{Article, Normalizer};
use crate::bank::{Bank, article_path, lint};
use crate::diag::{Code, Diagnostic};
use std::path::{Path, PathBuf};

/// A source file read from disk, kept for rendering diagnostics.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given (or resolved, for the article).
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

/// What loading a bank file gave.
#[derive(Debug)]
pub struct Loaded {
    /// The bank, when it has no errors.
    pub bank: Option<Bank>,
    /// Every diagnostic, article's and bank's, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The bank's source.
    pub bank_file: Option<SourceFile>,
    /// The article's source, when it could be read.
    pub article_file: Option<SourceFile>,
}

impl Loaded {
    /// The source text a diagnostic points into.
    pub fn source_of(&self, d: &Diagnostic) -> Option<&str> {
        let file = d.file.as_deref()?;
        [&self.bank_file, &self.article_file]
            .into_iter()
            .flatten()
            .find(|f| f.path.to_string_lossy() == file)
            .map(|f| f.text.as_str())
    }
}

fn read(path: &Path, what: &str) -> Result<SourceFile, (Box<Diagnostic>, Option<SourceFile>)> {
    let name = path.to_string_lossy().into_owned();
    let in_file = |mut d: Diagnostic| {
        d.file = Some(name.clone());
        Box::new(d)
    };
    let bytes = std::fs::read(path).map_err(|e| {
        let d = Diagnostic::error(
            Code::IO,
            "",
            format!("cannot read the {what} {}: {e}", path.display()),
        )
        .with_help("check the path");
        (in_file(d), None)
    })?;
    if let Some(kind) = binary_kind(&bytes) {
        let d = Diagnostic::error(
            Code::BINARY_SOURCE,
            "",
            format!(
                "the {what} {name} is not text but binary data ({kind}); a {what} is JSON text"
            ),
        )
        .with_help("check the path: it names some other file");
        return Err((in_file(d), None));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile { path: path.to_path_buf(), text }),
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = BadByte::first(&bytes).unwrap_or_default();
            let mut d = Diagnostic::error(
                Code::WRONG_ENCODING,
                "",
                format!(
                    "the {what} {name} is not UTF-8 text: its first bad byte, 0x{:02X}, is at line {}, column {} (byte {})",
                    bad.value, bad.line, bad.column, bad.offset
                ),
            )
            .with_help(
                "save the file as UTF-8 (an editor's \"Save with encoding\"), or convert it, \
                 e.g. `iconv -f WINDOWS-1252 -t UTF-8` (name its real encoding)",
            );
            d.line = Some(bad.line);
            d.column = Some(bad.column);
            // The text with the bad bytes as U+FFFD, so the report can show the line.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Err((in_file(d), Some(SourceFile { path: path.to_path_buf(), text })))
        }
    }
}

/// The first byte of a file that is not UTF-8: its value, byte offset, and
/// line and column (in characters, as diagnostics count them).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BadByte {
    /// The byte.
    pub value: u8,
    /// Its offset in the file.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl BadByte {
    /// Where `bytes` stop being UTF-8, if they do.
    pub fn first(bytes: &[u8]) -> Option<BadByte> {
        let offset = std::str::from_utf8(bytes).err()?.valid_up_to();
        // Everything before `offset` is valid UTF-8.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Some(BadByte {
            value: bytes[offset],
            offset,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        })
    }
}

/// What kind of binary data `bytes` are, if they are not text: a known file
/// signature, or NUL bytes in their first 8,000 (as Git decides). UTF-16
/// text (with its byte-order mark) has NULs too but is text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a zip archive, such as a .docx or .epub"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "gzip-compressed data"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    bytes.iter().take(8000).any(|&b| b == 0).then_some("it has NUL bytes")
}

/// Reads an article file.
///
/// # Errors
/// The file can't be read or doesn't check; diagnostics name the file.
pub fn load_article(
    path: &Path,
) -> Result<(Article, SourceFile), (Vec<Diagnostic>, Option<SourceFile>)> {
    let file = read(path, "article").map_err(|(d, file)| (vec![*d], file))?;
    match Article::parse(&file.text, Normalizer::default()) {
        Ok(article) => Ok((article, file)),
        Err(mut diags) => {
            for d in &mut diags {
                d.file = Some(path.to_string_lossy().into_owned());
            }
            Err((diags, Some(file)))
        }
    }
}

/// Reads a bank file and the article it names (relative to the bank), and
/// checks both; a bank that loads is also given the item-writing checks
/// (`bank::lint`), whose warnings follow the loader's.
pub fn load_bank(path: &Path) -> Loaded {
    let mut loaded =
        Loaded { bank: None, diagnostics: Vec::new(), bank_file: None, article_file: None };
    let bank_file = match read(path, "bank") {
        Ok(file) => file,
        Err((d, file)) => {
            loaded.diagnostics.push(*d);
            loaded.bank_file = file;
            return loaded;
        }
    };
    let name = path.to_string_lossy().into_owned();
    let article_rel = match article_path(&bank_file.text) {
        Ok(p) => p,
        Err(mut diags) => {
            // Loading the bank without its article still reports every problem
            // serde can see; here there is no article, so say what's missing.
            for d in &mut diags {
                d.file = Some(name.clone());
            }
            loaded.diagnostics = diags;
            loaded.bank_file = Some(bank_file);
            return loaded;
        }
    };
    let article_path = resolve(path, &article_rel);
    match load_article(&article_path) {
        Ok((article, article_file)) => {
            loaded.article_file = Some(article_file);
            match Bank::load(&bank_file.text, Some(&name), article) {
                Ok((bank, mut warnings)) => {
                    let mut lints = lint::check(&bank, bank.article());
                    lint::place(&mut lints, &bank_file.text, Some(&name));
                    warnings.append(&mut lints);
                    loaded.bank = Some(bank);
                    loaded.diagnostics = warnings;
                }
                Err(diags) => loaded.diagnostics = diags,
            }
        }
        Err((mut diags, article_file)) => {
            if article_file.is_none() {
                // The article could not be read: point at the bank's `article` field.
                for d in diags.iter_mut().filter(|d| d.code == Code::IO.as_str()) {
                    d.help = Some(format!(
                        "the bank's \"article\" is \"{article_rel}\", resolved against the bank's folder"
                    ));
                }
            }
            loaded.article_file = article_file;
            loaded.diagnostics = diags;
        }
    }
    loaded.bank_file = Some(bank_file);
    loaded
}

/// `rel` resolved against the folder of `bank`.
pub fn resolve(bank: &Path, rel: &str) -> PathBuf {
    bank.parent().unwrap_or(Path::new("")).join(rel)
}
