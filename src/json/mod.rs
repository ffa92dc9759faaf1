//! JSON into the core, and the xAPI statements' JSON out of it. Articles,
//! banks, saved sessions and responses are read by a small parser (`value`)
//! into a tree that keeps every value's offset, then into their types by a
//! typed layer (`read`) that reports wrong types, missing and unknown
//! fields with JSON paths and line:column. `write` writes JSON text member
//! by member, for statements whose shape is known where they are built.
//!
//! Invariant: nothing here, nor anything the Wasm runs, instantiates a
//! serde `Deserialize` (serde_json's deserializer is most of a module) or
//! builds a `serde_json::Value`. serde stays for serializing to text.

pub(crate) mod locate;
pub(crate) mod num;
pub(crate) mod pieces;
pub(crate) mod read;
pub(crate) mod value;
pub(crate) mod write;

use crate::diag::Diagnostic;
pub(crate) fn set_pos(d: &mut Diagnostic, source: &str, at: usize) {
    let (line, col) = locate::line_col(source, at);
    d.line = Some(line);
    d.column = Some(col);
}
