//! citequiz: reading-comprehension quizzes whose every answer is explained by
//! a quote of the source that really is in the source.
//!
//! The crate is a pure, deterministic core and two thin shells:
//!
//! - [`article`]: the article, its paragraphs and sentences, the normalized
//!   text used for matching, and quote anchoring (W3C TextQuoteSelectors).
//! - [`bank`]: the bank file format, its validation and diagnostics.
//! - [`grade`]: one grader per question kind.
//! - [`session`]: one attempt at a bank, its snapshot and restore.
//! - [`diag`]: diagnostics that say where and what to do.
//! - `checker` (native, and the Node checker's Wasm): `check` and `stats`
//!   as they print, over the shell's file reading and printing.
//! - [`xapi`]: xAPI statements for answers and finished sessions, for an LRS.
//! - `author` (native only): article import, citation suggestions and
//!   bank skeletons.
//! - [`locale`]: numbers, plural categories and dates in English and
//!   Russian, as the browser's `Intl` writes them.
//!
//! The core never touches the DOM, the clock or storage: time comes in as
//! `now_ms` arguments. The native CLI lives in `src/bin`, the browser shell
//! (wasm-bindgen API and web-sys view) in `web`, compiled for wasm32 only.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod article;
#[cfg(not(target_arch = "wasm32"))]
pub mod author;
pub mod bank;
#[cfg(any(not(target_arch = "wasm32"), feature = "check"))]
pub mod checker;
pub mod diag;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
pub mod grade;
mod hash;
mod json;
pub mod locale;
mod num;
#[cfg(not(target_arch = "wasm32"))]
pub mod package;
pub mod review;
pub mod session;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
mod text;
pub mod xapi;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use article::{Article, Normalizer};

pub use bank::{Bank, Question};
pub use diag::{Diagnostic, Severity};
