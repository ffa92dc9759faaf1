//! JSON into the core. Articles and banks are read by a small parser
//! (`value`) into a tree that keeps every value's offset, then into their
//! DTOs by a typed layer (`read`) that reports wrong types, missing and
//! unknown fields with JSON paths and line:column. Saved sessions still go
//! through serde (`deserialize`): the view reads them with serde_json too.
//!
//! Natively, `serde_path_to_error` supplies the JSON path of a serde error;
//! the Wasm build leaves it out (size).

pub(crate) mod locate;
pub(crate) mod read;
pub(crate) mod value;

use crate::diag::Diagnostic;
use serde::Deserialize;

/// A failed deserialization: the path to the value (empty where unknown)
/// and serde_json's error.
pub(crate) struct Failure {
    /// The JSON path, as serde_path_to_error writes it.
    pub path: String,
    /// The error, with serde_json's line and column.
    pub error: serde_json::Error,
}

/// Deserializes `source` (the whole text: trailing characters are an error).
pub(crate) fn deserialize<'de, T: Deserialize<'de>>(source: &'de str) -> Result<T, Failure> {
    let mut de = serde_json::Deserializer::from_str(source);
    #[cfg(not(target_arch = "wasm32"))]
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| Failure { path: e.path().to_string(), error: e.into_inner() })?;
    #[cfg(target_arch = "wasm32")]
    let value = T::deserialize(&mut de).map_err(|error| Failure { path: String::new(), error })?;
    de.end().map_err(|error| Failure { path: String::new(), error })?;
    Ok(value)
}

pub(crate) fn set_pos(d: &mut Diagnostic, source: &str, at: usize) {
    let (line, col) = locate::line_col(source, at);
    d.line = Some(line);
    d.column = Some(col);
}
