//! Authoring tools (native only): what helps an author write a bank, as
//! opposed to what plays one.
//!
//! - `import`: an article from a saved web page, Markdown or plain text,
//!   as the `RawArticle` the article reader builds.
//! - `suggest`: the article's sentences ranked for each question, and a
//!   bank's missing `cite`s filled with the best one, marked `suggested`.
//! - `export`: a checked bank as Moodle XML or a QTI 3.0 package, with a
//!   warning for each question written as the nearest type.
//! - `new`: a bank skeleton for an article, which `check` accepts.
//!
//! Invariant: nothing here reads the clock; only `new::write_skeleton`
//! touches the file system (`import` takes bytes and returns the article
//! and `Diagnostic`s; the CLI reads and writes).

pub mod export;
pub mod import;
pub mod new;
pub mod suggest;
