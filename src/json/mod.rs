//! JSON into the core. Articles, banks, saved sessions and responses are
//! read by a small parser (`value`) into a tree that keeps every value's
//! offset, then into their types by a typed layer (`read`) that reports
//! wrong types, missing and unknown fields with JSON paths and line:column.
//!
//! Invariant: nothing here, nor anything the Wasm runs, instantiates a
//! serde `Deserialize` (serde_json's deserializer is most of a module).
//! serde stays for serializing.

pub(crate) mod locate;
pub(crate) mod num;
pub(crate) mod read;
pub(crate) mod value;

use crate::diag::Diagnostic;
pub(crate) fn set_pos(d: &mut Diagnostic, source: &str, at: usize) {
    let (line, col) = locate::line_col(source, at);
    d.line = Some(line);
    d.column = Some(col);
}
