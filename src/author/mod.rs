//! Authoring tools (native only): what helps an author write a bank, as
//! opposed to what plays one.
//!
//! - `suggest`: the article's sentences ranked for each question, and a
//!   bank's missing `cite`s filled with the best one, marked `suggested`.
//! - `new`: a bank skeleton for an article, which `check` accepts.
//!
//! Invariant: nothing here reads the clock; only `new::write_skeleton`
//! touches the file system.

pub mod new;
pub mod suggest;
