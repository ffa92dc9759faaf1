//! Authoring tools (native only): what helps an author write a bank, as
//! opposed to what plays one.
//!
//! - `import`: an article from a saved web page, Markdown or plain text,
//!   as the `RawArticle` the article reader builds.
//! - `suggest`: the article's sentences ranked for each question, and a
//!   bank's missing `cite`s filled with the best one, marked `suggested`.
//! - `new`: a bank skeleton for an article, which `check` accepts, and
//!   the bank around questions imported from another format.
//! - `gift`, `aiken`: Moodle's question formats: GIFT both ways (`parse`,
//!   `write`), Aiken in; `convert`, what they share (ids, origins,
//!   HTML and Markdown reduced to text).
//! - `export`: a checked bank as Moodle XML or a QTI 3.0 package, with a
//!   warning for each question written as the nearest type.
//!
//! Invariant: nothing here reads the clock; only `new::write_skeleton`
//! touches the file system (`import` takes bytes and returns the article
//! and `Diagnostic`s; the CLI reads and writes).

pub mod aiken;
pub mod convert;
pub mod export;
pub mod gift;
pub mod import;
pub mod new;
pub mod suggest;
