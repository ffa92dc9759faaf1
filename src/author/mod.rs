//! Authoring tools: what a course author runs to make a quiz for their own
//! article. Native only: these read the formats authors bring (saved web
//! pages, Markdown, plain text) with crates the widget's Wasm never carries.
//!
//! Invariant: nothing here reads or writes files; functions take text or
//! bytes and return values and `Diagnostic`s, and the CLI does the IO.

pub mod import;
