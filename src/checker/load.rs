//! Reading a bank and the article it names through an [`Io`], and checking
//! both: what `check`, `stats`, `build` and `preview` start from.

use super::Io;
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

fn read(io: &mut dyn Io, path: &Path, what: &str) -> Result<String, Box<Diagnostic>> {
    io.read(path).map_err(|e| {
        let mut d = Diagnostic::error(
            Code::IO,
            "",
            format!("cannot read the {what} {}: {e}", path.display()),
        )
        .with_help("check the path");
        d.file = Some(path.to_string_lossy().into_owned());
        Box::new(d)
    })
}

/// Reads an article file and checks it.
///
/// # Errors
/// The file can't be read or doesn't check; diagnostics name the file.
pub fn load_article(
    path: &Path,
    io: &mut dyn Io,
) -> Result<(Article, SourceFile), (Vec<Diagnostic>, Option<SourceFile>)> {
    let text = read(io, path, "article").map_err(|d| (vec![*d], None))?;
    let file = SourceFile { path: path.to_path_buf(), text };
    match Article::parse(&file.text, io.normalizer()) {
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
pub fn load_bank(path: &Path, io: &mut dyn Io) -> Loaded {
    let mut loaded =
        Loaded { bank: None, diagnostics: Vec::new(), bank_file: None, article_file: None };
    let text = match read(io, path, "bank") {
        Ok(t) => t,
        Err(d) => {
            loaded.diagnostics.push(*d);
            return loaded;
        }
    };
    let name = path.to_string_lossy().into_owned();
    let bank_file = SourceFile { path: path.to_path_buf(), text };
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
                    loaded.bank = Some(bank);
                    loaded.diagnostics = warnings;
                }
                Err(diags) => loaded.diagnostics = diags,
            }
        }
        Err((mut diags, article_file)) => {
            if article_file.is_none() {
                // The article could not be read: point at the bank's `article` field.
                for d in &mut diags {
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

/// `rel` resolved against the folder of `bank`. `std::path`'s rules on
/// every target (on wasm32, Unix's), so the Node checker names the
/// article's file exactly as the native command does.
pub fn resolve(bank: &Path, rel: &str) -> PathBuf {
    bank.parent().unwrap_or(Path::new("")).join(rel)
}
