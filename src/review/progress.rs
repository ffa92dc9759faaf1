//! A learner's progress on one bank as one versioned JSON file, to carry
//! to another browser: the review memory (cards and the daily limit) and
//! the current attempt's snapshot. [`export`] writes it; [`import`] reads
//! and checks all of it before anything is changed, and [`Memory::merge`]
//! and [`newer_attempt`] say what the newer side is, question by question
//! for the memory, attempt by attempt for the session.

use super::memory::{LoadReport, Memory, MemoryError};
use crate::bank::Bank;
use crate::diag::Diagnostic;
use crate::json::read::{Path, declared_format, document};
use crate::json::value::V;
use crate::session::Snapshot;
use crate::text::cat;
use std::fmt;

/// The only progress format this version reads and writes.
pub const PROGRESS_FORMAT: &str = "citequiz-progress/1";

/// The progress file: `{"format", "bankId", "exportedMs", "review": the
/// memory's JSON, "attempt": the session's snapshot or null}`.
pub fn export(memory: &Memory, attempt: Option<&str>, now_ms: f64) -> String {
    let bank_id = serde_json::to_string(memory.bank_id()).unwrap_or_default();
    let ms = serde_json::to_string(&now_ms).unwrap_or_else(|_| String::from("0"));
    cat(&[
        "{\"format\":\"",
        PROGRESS_FORMAT,
        "\",\"bankId\":",
        &bank_id,
        ",\"exportedMs\":",
        &ms,
        ",\"review\":",
        &memory.to_json(),
        ",\"attempt\":",
        attempt.unwrap_or("null"),
        "}",
    ])
}

/// A progress file, read and checked, not yet applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Its review memory, with what could not be used left out.
    pub memory: Memory,
    /// What was left out of it.
    pub report: LoadReport,
    /// Its attempt's snapshot (JSON text), if it has one.
    pub attempt: Option<String>,
}

/// Why a file is not progress on this bank that this version reads.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgressError {
    /// Not JSON, or not the shape of a progress file.
    Malformed {
        /// What was wrong, where.
        diagnostics: Vec<Diagnostic>,
    },
    /// Another format (a later version's), or none.
    UnknownFormat {
        /// The format it declares, if any.
        found: Option<String>,
    },
    /// Progress on another bank.
    OtherBank {
        /// The bank it names.
        found: String,
    },
    /// Its review memory is not readable.
    Review(MemoryError),
    /// Its attempt is not a snapshot this version restores.
    Attempt(String),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::Malformed { diagnostics } => {
                f.write_str("the progress file is unreadable: ")?;
                crate::diag::write_first(f, diagnostics)
            }
            ProgressError::UnknownFormat { found: Some(found) } => write!(
                f,
                "the progress file is in format {found}, from a later version; this version reads {PROGRESS_FORMAT}"
            ),
            ProgressError::UnknownFormat { found: None } => {
                write!(
                    f,
                    "the file is not citequiz progress (it names no format {PROGRESS_FORMAT})"
                )
            }
            ProgressError::OtherBank { found } => {
                write!(f, "the progress file is for the quiz {found}, not this one")
            }
            ProgressError::Review(e) => write!(f, "in the progress file's review: {e}"),
            ProgressError::Attempt(e) => write!(f, "in the progress file's attempt: {e}"),
        }
    }
}

impl std::error::Error for ProgressError {}

/// Reads a file written by [`export`] for `bank`, checking every part
/// (the attempt's snapshot is read, not restored: that is the caller's,
/// against its session's bank).
///
/// # Errors
/// [`ProgressError`]; nothing is changed by a failed import, since this
/// changes nothing at all.
pub fn import(json: &str, bank: &Bank) -> Result<Imported, ProgressError> {
    let mut format = Ok(());
    let read = document(json, |r, v| {
        let o = r.open(v, Path::Root, v.at)?;
        if let Err(found) = declared_format(json, &o, PROGRESS_FORMAT) {
            format = Err(ProgressError::UnknownFormat { found });
            return None;
        }
        let bank_id = o.str(r, "bankId");
        let review = o.with(r, "review", |_, v, _, _| json.get(v.at..v.end).map(str::to_string));
        let attempt = o.with(r, "attempt", |_, v, _, _| match v.v {
            V::Null => None,
            _ => json.get(v.at..v.end).map(str::to_string),
        });
        Some((bank_id, review.flatten(), attempt.flatten()))
    });
    format?;
    let (bank_id, review, attempt) =
        read.map_err(|diagnostics| ProgressError::Malformed { diagnostics })?;
    if bank_id != bank.id() {
        return Err(ProgressError::OtherBank { found: bank_id });
    }
    let (memory, report) =
        Memory::from_json(review.as_deref().unwrap_or(""), bank).map_err(ProgressError::Review)?;
    if let Some(a) = &attempt {
        let snapshot = Snapshot::from_json(a).map_err(|e| ProgressError::Attempt(e.to_string()))?;
        if snapshot.bank_id != bank.id() {
            let found = snapshot.bank_id;
            return Err(ProgressError::Attempt(cat(&["it is for the quiz ", &found])));
        }
    }
    Ok(Imported { memory, report, attempt })
}

/// When an attempt was last worked on: its latest answer, else when it
/// finished or started.
fn last_activity(s: &Snapshot) -> f64 {
    let answers = s.questions.iter().flat_map(|q| q.responses.iter().map(|r| r.at_ms));
    answers.chain(s.finished_ms).fold(s.started_ms, f64::max)
}

/// Whether anything was done in an attempt: an answer or a hint.
fn worked_on(s: &Snapshot) -> bool {
    s.questions.iter().any(|q| !q.responses.is_empty() || q.hints > 0)
}

/// Whether the attempt `theirs` (snapshot JSON) should replace `ours`: the
/// one worked on last wins, as a whole (an attempt's answers belong to its
/// question order and seed); an attempt nothing was done in never beats
/// one with answers, so that opening the page first loses nothing. An
/// unreadable `ours` loses.
pub fn newer_attempt(theirs: &str, ours: &str) -> bool {
    match (Snapshot::from_json(theirs), Snapshot::from_json(ours)) {
        (Ok(t), Ok(o)) => match (worked_on(&t), worked_on(&o)) {
            (true, false) => true,
            (false, true) => false,
            _ => last_activity(&t) > last_activity(&o),
        },
        (Ok(_), Err(_)) => true,
        _ => false,
    }
}

impl Memory {
    /// Takes from `other` each question whose card is newer (reviewed
    /// later) or missing here, and `other`'s daily limit; returns the ids
    /// taken. Cards only here are kept: nothing is lost.
    pub fn merge(&mut self, other: Memory) -> Vec<String> {
        self.set_new_per_day(other.new_per_day());
        let mut taken = Vec::new();
        for card in other.into_cards() {
            let newer = self.card(&card.id).is_none_or(|c| card.last_ms > c.last_ms);
            if newer {
                taken.push(card.id.clone());
                self.put_card(card);
            }
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Normalizer};
    use crate::review::{Now, Rating};
    use crate::session::Session;
    use std::rc::Rc;

    fn quick_check() -> Rc<Bank> {
        let article =
            include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
        let article = Article::parse(article, Normalizer::basic()).unwrap();
        let bank = include_str!("../../quiz-data/banks/gabuev-quick-check.json");
        Rc::new(Bank::load(bank, Some("gabuev-quick-check.json"), article).unwrap().0)
    }

    fn at(day: f64) -> Now {
        Now { ms: 1_796_551_200_000.0 + day * 86_400_000.0, utc_offset_min: 0.0 }
    }

    #[test]
    fn progress_round_trips_and_merges_newer_wins_per_question() {
        let bank = quick_check();
        let [a, b, c] = ["article-main-claim", "pivot-cause", "europe-needs-us"];
        let q = |id| bank.question(id).unwrap();
        // This browser: a on day 0, b on day 5.
        let mut here = Memory::new(bank.id());
        here.apply(q(a), Rating::Good, at(0.0));
        here.apply(q(b), Rating::Again, at(5.0));
        // The other: a on day 3 (newer), b on day 1 (older), c (new here).
        let mut there = Memory::new(bank.id());
        there.set_new_per_day(4);
        there.apply(q(a), Rating::Hard, at(3.0));
        there.apply(q(b), Rating::Good, at(1.0));
        there.apply(q(c), Rating::Good, at(2.0));
        let session = Session::new(Rc::clone(&bank), 1, at(2.0).ms);
        let file = export(&there, Some(&session.snapshot_json()), at(3.0).ms);

        let imported = import(&file, &bank).unwrap();
        assert!(imported.report.is_empty());
        assert_eq!(imported.memory, there);
        let taken = here.merge(imported.memory);
        assert_eq!(taken, [a, c]);
        assert_eq!(here.card(a).map(|c| c.last_rating), Some(Rating::Hard));
        assert_eq!(here.card(b).map(|c| c.last_rating), Some(Rating::Again), "the newer b stays");
        assert_eq!(here.new_per_day(), 4);

        // The attempt: the one worked on last wins.
        let attempt = imported.attempt.unwrap();
        let mut answered = Session::new(Rc::clone(&bank), 2, at(0.0).ms);
        let response = crate::grade::Response::TrueFalse { value: true };
        answered.handle_answer(c, response, at(1.0).ms).unwrap();
        let answered = answered.snapshot_json();
        assert!(!newer_attempt(&attempt, &answered), "an untouched attempt beat answers");
        assert!(newer_attempt(&answered, &attempt), "answers lost to an untouched attempt");
        let mut later = Session::new(Rc::clone(&bank), 4, at(0.0).ms);
        let response = crate::grade::Response::TrueFalse { value: false };
        later.handle_answer(c, response, at(1.5).ms).unwrap();
        assert!(newer_attempt(&later.snapshot_json(), &answered), "answered later loses");
        assert!(!newer_attempt(&answered, &later.snapshot_json()), "answered earlier wins");
        assert!(newer_attempt(&attempt, "not json"));
    }

    #[test]
    fn a_file_that_is_not_this_banks_progress_is_refused_with_a_reason() {
        let bank = quick_check();
        let mine = export(&Memory::new(bank.id()), None, 0.0);
        assert!(import(&mine, &bank).is_ok_and(|i| i.attempt.is_none()));
        let err = |json: &str| import(json, &bank).unwrap_err().to_string();
        assert_eq!(
            err(&mine.replace(bank.id(), "another-quiz")),
            "the progress file is for the quiz another-quiz, not this one"
        );
        assert_eq!(
            err(&mine.replace(PROGRESS_FORMAT, "citequiz-progress/2")),
            "the progress file is in format citequiz-progress/2, from a later version; this version reads citequiz-progress/1"
        );
        assert_eq!(
            err(r#"{"hello": 1}"#),
            "the file is not citequiz progress (it names no format citequiz-progress/1)"
        );
        assert!(err(&mine[..mine.len() - 3]).starts_with("the progress file is unreadable: "));
        assert!(
            err(&mine.replace("citequiz-review/1", "citequiz-review/7"))
                .starts_with("in the progress file's review: saved review memory is in format")
        );
        let bad_attempt = mine.replace("\"attempt\":null", "\"attempt\":{\"format\":\"x\"}");
        assert!(err(&bad_attempt).starts_with("in the progress file's attempt: "));
    }
}
