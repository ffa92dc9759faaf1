//! Saved progress: the versioned JSON a session is saved as
//! ([`SESSION_FORMAT`]), written by serde and read by the crate's own JSON
//! reader (not serde: see `grade::read`), and [`SnapshotError`], why a text
//! is not a snapshot this version restores.
//!
//! A snapshot keeps responses and hints, never grades; restoring re-grades
//! them (`Session::restore`).

use crate::bank::Question;
use crate::diag::Diagnostic;
use crate::grade::{self, Response};
use crate::json::read::{Path, Reader, declared_format, document, str_item};
use crate::json::value::{V, Value};
use serde::Serialize;
use std::fmt;

/// The only snapshot format this version reads and writes.
pub const SESSION_FORMAT: &str = "citequiz-session/1";

/// Saved progress: responses and hints, never grades.
///
/// Read by [`Snapshot::from_json`] (not serde: see `grade::read`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// Always [`SESSION_FORMAT`].
    pub format: String,
    /// The bank it belongs to.
    pub bank_id: String,
    /// The session's seed, as 16 hex digits: JavaScript numbers cannot hold
    /// every u64, and the JSON may pass through JavaScript.
    #[serde(serialize_with = "hex_u64")]
    pub seed: u64,
    /// Question ids in session order.
    pub order: Vec<String>,
    /// The current position in `order`.
    pub position: usize,
    /// When the session started.
    pub started_ms: f64,
    /// When it finished, if it did.
    pub finished_ms: Option<f64>,
    /// Whether `order` is deliberately a subset of the bank (a retry session).
    #[serde(skip_serializing_if = "is_false")]
    pub subset: bool,
    /// Progress per question, in session order.
    pub questions: Vec<SavedQuestion>,
}

/// One question's saved progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedQuestion {
    /// The question's id.
    pub id: String,
    /// [`Question::content_hash`] as 16 hex digits, to notice an edited question.
    pub hash: String,
    /// Every try, in order.
    pub responses: Vec<SavedResponse>,
    /// Hints taken.
    pub hints: u32,
}

/// One saved try.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedResponse {
    /// What the learner answered.
    pub response: Response,
    /// When.
    pub at_ms: f64,
}

/// A question's content hash as saved: 16 hex digits.
pub(crate) fn hash_hex(q: &Question) -> String {
    format!("{:016x}", q.content_hash())
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The seed as 16 hex digits in JSON.
fn hex_u64<S: serde::Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{v:016x}"))
}

impl Snapshot {
    /// Reads a snapshot from the JSON of [`Session::snapshot_json`]. Fields
    /// it does not know are ignored, as a snapshot may come from a later
    /// version of the same format.
    ///
    /// # Errors
    /// [`SnapshotError::Malformed`] with every problem (its JSON path, line
    /// and column), or [`SnapshotError::UnknownFormat`]. The format is checked first and
    /// alone, so that progress saved by a later version is reported as
    /// such rather than as a shape error.
    pub fn from_json(json: &str) -> Result<Snapshot, SnapshotError> {
        let mut format = Ok(());
        let read = document(json, |r, v| {
            let o = r.open(v, Path::Root, v.at)?;
            if let Err(found) = declared_format(json, &o, SESSION_FORMAT) {
                format = Err(SnapshotError::UnknownFormat { found });
                return None;
            }
            Some(Snapshot {
                format: o.str(r, "format"),
                bank_id: o.str(r, "bankId"),
                seed: o.with(r, "seed", read_seed).unwrap_or(0),
                order: o.arr(r, "order", str_item),
                position: o.usize(r, "position"),
                started_ms: o.f64(r, "startedMs"),
                finished_ms: o.opt_f64(r, "finishedMs"),
                subset: o.bool_or(r, "subset", false),
                questions: o.arr(r, "questions", read_saved_question),
            })
        });
        format?;
        read.map_err(|diagnostics| SnapshotError::Malformed { diagnostics })
    }
}

fn read_seed(r: &mut Reader, v: &Value, path: Path, at: usize) -> u64 {
    let seed = match &v.v {
        V::Str(s) => u64::from_str_radix(s, 16).ok(),
        _ => None,
    };
    seed.unwrap_or_else(|| {
        let mut m = String::from("expected 16 hex digits, found ");
        match &v.v {
            V::Str(s) => {
                m.push('"');
                m.push_str(s);
                m.push('"');
            }
            other => m.push_str(crate::json::read::describe(other)),
        }
        r.error(crate::diag::Code::JSON_TYPE, &path, at, m);
        0
    })
}

fn read_saved_question(r: &mut Reader, v: &Value, path: Path) -> SavedQuestion {
    let Some(o) = r.open(v, path, v.at) else {
        return SavedQuestion {
            id: String::new(),
            hash: String::new(),
            responses: Vec::new(),
            hints: 0,
        };
    };
    SavedQuestion {
        id: o.str(r, "id"),
        hash: o.str(r, "hash"),
        responses: o.arr(r, "responses", read_saved_response),
        hints: o.u32(r, "hints"),
    }
}

fn read_saved_response(r: &mut Reader, v: &Value, path: Path) -> SavedResponse {
    let o = r.open(v, path, v.at);
    let response = o.as_ref().and_then(|o| o.with(r, "response", grade::read::response));
    SavedResponse {
        // Only reached with errors counted, which discard the whole snapshot.
        response: response.flatten().unwrap_or(Response::TrueFalse { value: false }),
        at_ms: o.map_or(0.0, |o| o.f64(r, "atMs")),
    }
}

/// Why a text is not a snapshot this version restores.
#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotError {
    /// Not a snapshot: malformed JSON, or a field missing or of the wrong
    /// type. Every problem, each with its JSON path and line:column.
    Malformed {
        /// What was wrong, where.
        diagnostics: Vec<Diagnostic>,
    },
    /// Saved progress in another format.
    UnknownFormat {
        /// The format it declares, if any.
        found: Option<String>,
    },
}

impl fmt::Display for SnapshotError {
    /// The first problem as "saved progress is unreadable: at
    /// questions[0].hints: expected …, found a string at line 1 column
    /// 210", and how many more there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Malformed { diagnostics } => {
                f.write_str("saved progress is unreadable: ")?;
                crate::diag::write_first(f, diagnostics)
            }
            SnapshotError::UnknownFormat { found: Some(found) } => write!(
                f,
                "saved progress is in format {found}; this version reads {SESSION_FORMAT}"
            ),
            SnapshotError::UnknownFormat { found: None } => {
                write!(f, "saved progress names no format; this version reads {SESSION_FORMAT}")
            }
        }
    }
}

impl std::error::Error for SnapshotError {}
