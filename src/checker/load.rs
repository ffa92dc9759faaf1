//! Reading a bank and the article it names through an [`Io`], and checking
//! both: what `check`, `stats`, `build` and `preview` start from.

use super::{Io, binary_kind, not_utf8};
use crate::article::Article;
use crate::bank::{Bank, article_path, lint};
use crate::diag::{Code, Diagnostic};
use std::path::{Path, PathBuf};

/// A source file that was read, kept for rendering diagnostics.
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

/// A file's text; an error names what it is instead when it is not UTF-8
/// text (and then gives the text with the bad bytes as U+FFFD, so the
/// report can show the line).
fn read(
    io: &mut dyn Io,
    path: &Path,
    what: &str,
) -> Result<SourceFile, (Box<Diagnostic>, Option<SourceFile>)> {
    let name = path.to_string_lossy().into_owned();
    let in_file = |mut d: Diagnostic| {
        d.file = Some(name.clone());
        Box::new(d)
    };
    if io.is_dir(path) {
        // `check FOLDER` names the folder itself when it holds no bank.
        let (message, help) = if what == "bank" {
            ("is a folder with no .json files", "name the bank files, or a folder that holds them")
        } else {
            ("is a folder, not a file", "check the path")
        };
        let d = Diagnostic::error(Code::IO, "", format!("the {what} {} {message}", path.display()))
            .with_help(help);
        return Err((in_file(d), None));
    }
    let bytes = io.read(path).map_err(|e| {
        let d = Diagnostic::error(
            Code::IO,
            "",
            format!("cannot read the {what} {}: {e}", path.display()),
        )
        .with_help(unreadable_help(&name));
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
            let d = not_utf8(
                &bytes,
                &format!("the {what} {name}"),
                "save the file as UTF-8 (an editor's \"Save with encoding\"), or convert it, \
                 e.g. `iconv -f WINDOWS-1252 -t UTF-8` (name its real encoding)",
            );
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Err((in_file(d), Some(SourceFile { path: path.to_path_buf(), text })))
        }
    }
}

/// Reads an article file and checks it.
///
/// # Errors
/// The file can't be read or doesn't check; diagnostics name the file.
pub fn load_article(
    path: &Path,
    io: &mut dyn Io,
) -> Result<(Article, SourceFile), (Vec<Diagnostic>, Option<SourceFile>)> {
    let file = read(io, path, "article").map_err(|(d, file)| (vec![*d], file))?;
    match Article::parse(&file.text, io.normalizer()) {
        Ok(article) => Ok((article, file)),
        Err(mut diags) => {
            let source = source_kind(path);
            for d in &mut diags {
                d.file = Some(path.to_string_lossy().into_owned());
                if let Some(kind) = source.filter(|_| d.code == Code::JSON_SYNTAX.as_str()) {
                    d.help = Some(source_help(path, kind));
                }
            }
            Err((diags, Some(file)))
        }
    }
}

/// What an article's source looks like by its extension (a web page,
/// Markdown, plain text), when it is named where an article file (JSON)
/// belongs.
fn source_kind(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "html" | "htm" => "a web page",
        "md" | "markdown" => "Markdown",
        "txt" => "plain text",
        _ => return None,
    })
}

/// The help for an article's source named as its article file: import it.
fn source_help(path: &Path, kind: &str) -> String {
    let json = path.with_extension("json");
    format!(
        "{} looks like {kind}, not an article file (citequiz-article/1 JSON): import it with \
         `citequiz article import {} --out {}` and name that file instead",
        path.display(),
        path.display(),
        json.display()
    )
}

/// Reads a bank file and the article it names (relative to the bank), and
/// checks both; a bank that loads is also given the item-writing checks
/// (`bank::lint`), whose warnings join the loader's in reading order.
pub fn load_bank(path: &Path, io: &mut dyn Io) -> Loaded {
    let mut loaded =
        Loaded { bank: None, diagnostics: Vec::new(), bank_file: None, article_file: None };
    let bank_file = match read(io, path, "bank") {
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
    match load_article(&article_path, io) {
        Ok((article, article_file)) => {
            loaded.article_file = Some(article_file);
            match Bank::load(&bank_file.text, Some(&name), article) {
                Ok((bank, mut warnings)) => {
                    let mut lints = lint::check(&bank, bank.article());
                    lint::place(&mut lints, &bank_file.text, Some(&name));
                    warnings.append(&mut lints);
                    in_reading_order(&mut warnings);
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

/// The help for a file that cannot be read: "check the path", unless it
/// is a web address, which names no file here.
pub fn unreadable_help(name: &str) -> &'static str {
    let lower = name.get(..8).unwrap_or(name).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        "citequiz reads files, not web addresses: download it (a web page with the browser's \
         Save Page As…) and name the saved file"
    } else {
        "check the path"
    }
}

/// Warnings as an author reads them: file by file (in the order each is
/// first named), then by line and column; one without a place (about the
/// whole bank) after those of its file. Stable, so warnings at one place
/// keep the order they were found in.
fn in_reading_order(diags: &mut [Diagnostic]) {
    let mut files: Vec<Option<String>> = Vec::new();
    for d in diags.iter() {
        if !files.contains(&d.file) {
            files.push(d.file.clone());
        }
    }
    diags.sort_by_key(|d| {
        let file = files.iter().position(|f| *f == d.file);
        (file, d.line.unwrap_or(usize::MAX), d.column.unwrap_or(0))
    });
}

/// `rel` resolved against the folder of `bank`. `std::path`'s rules on
/// every target (on wasm32, Unix's), so the Node checker names the
/// article's file exactly as the native command does.
pub fn resolve(bank: &Path, rel: &str) -> PathBuf {
    bank.parent().unwrap_or(Path::new("")).join(rel)
}
