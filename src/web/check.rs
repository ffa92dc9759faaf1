//! The Node checker of the npm package (feature `check`): `citequiz check`,
//! `stats` and `compile` from the library's `checker`, the code path the native
//! command runs, over an [`Io`] that the Node script
//! (`npm/bin/citequiz.mjs`) gives: it reads files with Node's `fs` and
//! writes lines to the process's streams. The script parses the command
//! line; everything printed is written here, so it is the native command's
//! text, byte for byte.

use super::normalizer;
use crate::article::Normalizer;
use crate::checker::{self, CheckOptions, CompileOptions, Format, Io, Stream};
use std::path::{Path, PathBuf};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `{read(path), print(toStderr, line), exists(path), isDir(path),
    /// list(path), write(path, bytes)}`:
    /// the Node script's files and streams.
    pub type NodeIo;
    /// The file's bytes; throws the reason (a string) when it cannot be read.
    #[wasm_bindgen(method, catch)]
    fn read(this: &NodeIo, path: &str) -> Result<Vec<u8>, JsValue>;
    /// One line on stdout, or on stderr when `to_stderr`.
    #[wasm_bindgen(method)]
    fn print(this: &NodeIo, to_stderr: bool, line: &str);
    /// Whether something exists at the path.
    #[wasm_bindgen(method)]
    fn exists(this: &NodeIo, path: &str) -> bool;
    /// Whether the path is a folder.
    #[wasm_bindgen(method, js_name = isDir)]
    fn is_dir(this: &NodeIo, path: &str) -> bool;
    /// The names of a folder's entries; throws the reason (a string) when
    /// it cannot be listed.
    #[wasm_bindgen(method, catch)]
    fn list(this: &NodeIo, path: &str) -> Result<js_sys::Array, JsValue>;
    /// Writes the bytes to the path whole; throws the reason (a string)
    /// when it cannot.
    #[wasm_bindgen(method, catch)]
    fn write(this: &NodeIo, path: &str, bytes: &[u8]) -> Result<(), JsValue>;
}

/// The Node script's `NodeIo` as the checker's [`Io`], with the host's
/// Unicode normalizer (JS's `normalize`, as in the widget).
struct Node<'a>(&'a NodeIo);

impl Io for Node<'_> {
    fn read(&mut self, path: &Path) -> Result<Vec<u8>, String> {
        self.0.read(&path.to_string_lossy()).map_err(|reason| {
            reason.as_string().unwrap_or_else(|| "the file could not be read".to_string())
        })
    }

    fn print(&mut self, stream: Stream, line: &str) {
        self.0.print(stream == Stream::Err, line);
    }

    fn exists(&mut self, path: &Path) -> bool {
        self.0.exists(&path.to_string_lossy())
    }

    fn is_dir(&mut self, path: &Path) -> bool {
        self.0.is_dir(&path.to_string_lossy())
    }

    fn list(&mut self, dir: &Path) -> Result<Vec<String>, String> {
        let names = self.0.list(&dir.to_string_lossy()).map_err(|reason| {
            reason.as_string().unwrap_or_else(|| "the folder could not be read".to_string())
        })?;
        Ok(names.iter().filter_map(|n| n.as_string()).collect())
    }

    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        self.0.write(&path.to_string_lossy(), bytes).map_err(|reason| {
            reason.as_string().unwrap_or_else(|| "the file could not be written".to_string())
        })
    }

    fn normalizer(&self) -> Normalizer {
        normalizer()
    }
}

/// `--format`'s value, as the script checked it: `json`, `github`,
/// `gitlab`, else text.
fn format(name: &str) -> Format {
    match name {
        "json" => Format::Json,
        "github" => Format::Github,
        "gitlab" => Format::Gitlab,
        _ => Format::Text,
    }
}

/// `citequiz check [--format text|json|github|gitlab] [--deny-warnings] BANK...`:
/// prints what the native command prints; returns its exit code (0 or 1).
#[wasm_bindgen]
pub fn check(banks: Vec<String>, format_name: &str, deny_warnings: bool, io: &NodeIo) -> u8 {
    let banks: Vec<PathBuf> = banks.into_iter().map(PathBuf::from).collect();
    let options = CheckOptions { format: format(format_name), deny_warnings };
    checker::check(&banks, options, &mut Node(io))
}

/// `citequiz stats [--format text|json] BANK`: prints what the native
/// command prints; returns its exit code (0 or 1).
#[wasm_bindgen]
pub fn stats(bank: String, format_name: &str, io: &NodeIo) -> u8 {
    checker::stats(Path::new(&bank), format(format_name), &mut Node(io))
}

/// `citequiz compile [--out FILE] [--force] BANK`: writes what the native
/// command writes and prints what it prints; returns its exit code (0 or 1).
#[wasm_bindgen]
pub fn compile(bank: String, out: Option<String>, force: bool, io: &NodeIo) -> u8 {
    let out = out.map(PathBuf::from);
    let options = CompileOptions { out: out.as_deref(), force };
    checker::compile(Path::new(&bank), options, &mut Node(io))
}
