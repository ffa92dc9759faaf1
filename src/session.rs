//! A session: one attempt at a bank.
//!
//! A [`Session`] owns its [`Bank`] and everything the learner has done: the
//! question order drawn from a seed, every try and every hint. Methods come
//! by role, as in quinn-proto's `Connection`: getters, `handle_*` for the
//! learner's inputs (each returns a small result for the view), navigation,
//! and [`Session::finish`] for the [`SessionResult`].
//!
//! Invariants:
//! - The session never reads a clock or storage: time comes in as `now_ms`,
//!   progress goes out as a [`Snapshot`].
//! - Grades are never stored, only responses: every grade, score and result
//!   is recomputed from the responses against the bank at hand, so a restored
//!   session cannot disagree with the bank it was restored against.
//! - The same bank and seed give the same question order and the same
//!   option order, on every platform (SplitMix64 and Fisher–Yates, no `rand`).
//!
//! Scoring: a question earns [`grade::score`] of its last try's fraction,
//! the number of tries used, the bank's try penalty and the penalties of
//! every hint taken so far. A question is done when it is answered correctly
//! or its tries are used up; a done question takes no more answers or hints.

use crate::bank::{Bank, Body, Citation, Kind, Question};
use crate::diag::Diagnostic;
use crate::grade::{self, Grade, Mark, Response, ResponseError, Verdict};
use crate::json::num::clamp;
use crate::json::read::{Path, Reader, document, str_item};
use crate::json::value::{V, Value};
use serde::Serialize;
use std::fmt;
use std::rc::Rc;

/// The only snapshot format this version reads and writes.
pub const SESSION_FORMAT: &str = "citequiz-session/1";

/// Within this much of the pass mark counts as reaching it, so that 3 of 5
/// points passes at 60% despite floating-point rounding.
const PASS_EPS: f64 = 1e-9;

/// Mixed into the seed for drawing a pool ("pool" in ASCII).
const POOL_SALT: u64 = 0x706f_6f6c;

/// One attempt at a bank.
#[derive(Debug, Clone)]
pub struct Session {
    /// Shared, never copied: a retry, a fresh start and a restore all reuse
    /// the loaded bank (for a 2,000-question bank, megabytes of Wasm memory
    /// that, once grown, is never given back).
    bank: Rc<Bank>,
    seed: u64,
    /// Indices into `bank.questions()`, in the order the learner sees them;
    /// a subset of the bank for a retry session.
    order: Vec<usize>,
    /// Parallel to `order`.
    states: Vec<QuestionState>,
    /// An index into `order`; 0 when the session is empty.
    current: usize,
    started_ms: f64,
    finished_ms: Option<f64>,
    /// Whether `order` is deliberately a subset of the bank (a retry), so that
    /// restore does not append the questions it left out.
    subset: bool,
}

/// What the learner has done with one question.
#[derive(Debug, Clone, Default)]
struct QuestionState {
    attempts: Vec<Attempt>,
    hints: u32,
}

#[derive(Debug, Clone)]
struct Attempt {
    response: Response,
    at_ms: f64,
    grade: Grade,
}

impl QuestionState {
    fn last(&self) -> Option<&Attempt> {
        self.attempts.last()
    }

    fn tries_used(&self) -> u32 {
        u32::try_from(self.attempts.len()).unwrap_or(u32::MAX)
    }

    fn is_correct(&self) -> bool {
        self.last().is_some_and(|a| a.grade.verdict == Verdict::Correct)
    }

    fn is_done(&self, q: &Question) -> bool {
        self.is_correct() || self.tries_used() >= allowed_tries(q)
    }

    fn tries_left(&self, q: &Question) -> u32 {
        if self.is_done(q) { 0 } else { allowed_tries(q).saturating_sub(self.tries_used()) }
    }

    /// The sum of the penalties of the hints taken so far.
    fn hint_penalties(&self, q: &Question) -> f64 {
        q.hints().iter().take(self.hints as usize).map(|h| h.penalty).sum()
    }

    fn earned(&self, q: &Question, try_penalty: f64) -> f64 {
        match self.last() {
            Some(a) => grade::score(
                q.points(),
                a.grade.fraction,
                self.tries_used(),
                try_penalty,
                self.hint_penalties(q),
            ),
            None => 0.0,
        }
    }

    /// Checks that the question still takes input (an answer or a hint).
    fn open(&self, q: &Question) -> Result<(), SessionError> {
        if self.is_correct() {
            Err(SessionError::AlreadyCorrect { id: q.id().to_string() })
        } else if self.is_done(q) {
            Err(SessionError::NoTriesLeft { id: q.id().to_string(), tries: allowed_tries(q) })
        } else {
            Ok(())
        }
    }
}

/// A checked question has at least one try; this guards the rest.
fn allowed_tries(q: &Question) -> u32 {
    q.tries().max(1)
}

/// The display order of a question's options, from the session's seed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionOrder {
    /// Option ids (single_choice, multiple_choice, two_part's Part A), item
    /// ids (ordering) or right item ids (matching); empty for other kinds.
    pub ids: Vec<String>,
    /// two_part's Part B quote ids; empty for other kinds.
    pub part_b: Vec<String>,
}

/// Where the learner stands on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    /// The question's id.
    pub id: String,
    /// Tries used so far.
    pub tries_used: u32,
    /// Tries still available; 0 once the question is done.
    pub tries_left: u32,
    /// Hints taken so far.
    pub hints_taken: u32,
    /// Hints not yet taken.
    pub hints_left: u32,
    /// The last response, if any.
    pub last_response: Option<Response>,
    /// The last response's verdict, if any.
    pub verdict: Option<Verdict>,
    /// Points earned so far, after penalties.
    pub earned: f64,
    /// The question's points.
    pub max: f64,
    /// Whether the question takes no more answers.
    pub done: bool,
}

/// What the view shows after an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    /// The question's id.
    pub question_id: String,
    /// The verdict of this try.
    pub verdict: Verdict,
    /// This try's raw credit, before penalties.
    pub fraction: f64,
    /// Points earned, after penalties.
    pub earned: f64,
    /// The question's points.
    pub max_points: f64,
    /// Tries used, this one included.
    pub tries_used: u32,
    /// Tries left; 0 once the question is done.
    pub tries_left: u32,
    /// Whether another try is possible: not correct and tries left.
    pub can_retry: bool,
    /// Which picks were right.
    pub marks: Vec<Mark>,
    /// The author's feedback on the picks.
    pub feedback: Vec<String>,
    /// Why the answer is right; only once the question is done, so that a
    /// retry is not given the answer.
    pub explanation: Option<String>,
    /// The passages that support the answer; empty until the question is
    /// done, for the same reason.
    pub citations: Vec<Citation>,
    /// Hints taken.
    pub hints_taken: u32,
}

/// A hint, as given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HintShown {
    /// The question's id.
    pub question_id: String,
    /// The hint's 0-based index.
    pub index: u32,
    /// Its text.
    pub text: String,
    /// The fraction of the question's points it costs.
    pub penalty: f64,
    /// Hints taken, this one included.
    pub hints_taken: u32,
    /// Hints still available.
    pub hints_left: u32,
}

/// The outcome of a session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionResult {
    /// Points earned, after penalties.
    pub earned: f64,
    /// The total points of the session's questions.
    pub max: f64,
    /// `earned / max` as a percentage, 0 when `max` is 0.
    pub percent: f64,
    /// Whether `percent` reaches the bank's pass mark.
    pub passed: bool,
    /// Per tag, sorted by tag.
    pub by_tag: Vec<TagResult>,
    /// Per question, in session order.
    pub questions: Vec<QuestionResult>,
    /// When the session started.
    pub started_ms: f64,
    /// When it finished.
    pub finished_ms: f64,
    /// `finished_ms − started_ms`, never negative.
    pub duration_ms: f64,
}

/// The points of the questions that carry one tag.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TagResult {
    /// The tag.
    pub tag: String,
    /// Points earned on its questions.
    pub earned: f64,
    /// Their total points.
    pub max: f64,
    /// How many questions carry it.
    pub questions: u32,
}

/// One question's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionResult {
    /// The question's id.
    pub id: String,
    /// Its prompt.
    pub prompt: String,
    /// Its kind.
    pub kind: Kind,
    /// The last try's verdict; None when unanswered.
    pub verdict: Option<Verdict>,
    /// Points earned, after penalties.
    pub earned: f64,
    /// Its points.
    pub max: f64,
    /// Why the answer is right.
    pub explanation: String,
    /// The passages that support it.
    pub citations: Vec<Citation>,
    /// Whether it was tried at all.
    pub answered: bool,
}

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

/// What restoring kept, dropped and added.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// Questions whose progress was restored (or that had none saved).
    pub kept: Vec<String>,
    /// Questions whose progress was dropped, and why.
    pub dropped: Vec<Dropped>,
    /// Questions new in the bank, appended to the order.
    pub added: Vec<String>,
}

/// A question whose saved progress was dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    /// The question's id.
    pub id: String,
    /// Why.
    pub reason: DropReason,
}

/// Why saved progress was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DropReason {
    /// The bank no longer has the question; it leaves the order.
    Removed,
    /// The question's content changed, or a saved response no longer grades;
    /// it keeps its place in the order and starts afresh.
    Changed,
}

/// Why a session refused an input or a snapshot.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionError {
    /// The session is finished and takes no more input.
    Finished,
    /// No question with that id in this session.
    UnknownQuestion {
        /// The id given.
        id: String,
    },
    /// The question was already answered correctly.
    AlreadyCorrect {
        /// The question's id.
        id: String,
    },
    /// Every try was used.
    NoTriesLeft {
        /// The question's id.
        id: String,
        /// How many tries it allows.
        tries: u32,
    },
    /// Every hint was taken.
    NoHintsLeft {
        /// The question's id.
        id: String,
        /// How many hints it has.
        hints: usize,
    },
    /// The response does not fit the question.
    Response {
        /// The question's id.
        id: String,
        /// What was wrong with it.
        error: ResponseError,
    },
    /// Saved progress that is not a snapshot.
    Malformed {
        /// What was wrong, with its JSON path.
        message: String,
    },
    /// Saved progress in another format.
    UnknownFormat {
        /// The format it declares, if any.
        found: Option<String>,
    },
    /// Saved progress for another bank.
    WrongBank {
        /// This bank's id.
        expected: String,
        /// The snapshot's bank id.
        found: String,
    },
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Finished => f.write_str("the session is finished; start a new one"),
            SessionError::UnknownQuestion { id } => {
                write!(f, "no question \"{id}\" in this session")
            }
            SessionError::AlreadyCorrect { id } => {
                write!(f, "question \"{id}\" is already answered correctly")
            }
            SessionError::NoTriesLeft { id, tries } => {
                let s = if *tries == 1 { "" } else { "s" };
                write!(f, "question \"{id}\" has no tries left (it allows {tries} try{s})")
            }
            SessionError::NoHintsLeft { id, hints } => {
                write!(f, "question \"{id}\" has no more hints (it has {hints})")
            }
            SessionError::Response { id, error } => {
                write!(f, "cannot grade the answer to question \"{id}\": {error}")
            }
            SessionError::Malformed { message } => {
                write!(f, "saved progress is unreadable: {message}")
            }
            SessionError::UnknownFormat { found: Some(found) } => write!(
                f,
                "saved progress is in format {found}; this version reads {SESSION_FORMAT}"
            ),
            SessionError::UnknownFormat { found: None } => {
                write!(f, "saved progress names no format; this version reads {SESSION_FORMAT}")
            }
            SessionError::WrongBank { expected, found } => {
                write!(f, "saved progress is for bank \"{found}\", not \"{expected}\"")
            }
        }
    }
}

impl std::error::Error for SessionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SessionError::Response { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl Session {
    /// Starts a session over every question of `bank`.
    ///
    /// The question order is shuffled from `seed` when the bank says so; the
    /// same bank and seed always give the same order.
    pub fn new(bank: impl Into<Rc<Bank>>, seed: u64, now_ms: f64) -> Session {
        let bank = bank.into();
        let all = (0..bank.questions().len()).collect();
        Session::build(bank, seed, now_ms, all, false)
    }

    /// Starts a session over a pool drawn from `bank`: only the questions
    /// that carry at least one of `tags` (every question when `tags` is
    /// empty), and of those `count` drawn at random (all of them when
    /// `count` is None or not smaller).
    ///
    /// The draw is deterministic: the same bank, seed, count and tags give
    /// the same questions. Drawn questions keep the bank's order unless the
    /// bank shuffles questions. A pool smaller than the bank is a subset, as
    /// for [`Session::retry_missed`]: its snapshot restores to the same
    /// questions, and questions added to the bank later are not appended.
    ///
    /// # Example
    /// ```no_run
    /// # fn pool(bank: citequiz::bank::Bank) {
    /// use citequiz::session::Session;
    /// let tags = vec![String::from("main-idea")];
    /// let s = Session::with_pool(bank, 42, 0.0, Some(5), &tags);
    /// assert!(s.len() <= 5);
    /// # }
    /// ```
    pub fn with_pool(
        bank: impl Into<Rc<Bank>>,
        seed: u64,
        now_ms: f64,
        count: Option<usize>,
        tags: &[String],
    ) -> Session {
        let bank = bank.into();
        let mut pool: Vec<usize> = bank
            .questions()
            .iter()
            .enumerate()
            .filter(|(_, q)| tags.is_empty() || q.tags().iter().any(|t| tags.contains(t)))
            .map(|(i, _)| i)
            .collect();
        if let Some(n) = count.filter(|&n| n < pool.len()) {
            // Its own stream, so the draw and the question order (drawn from
            // the same seed in `build`) do not mirror each other.
            shuffle(&mut SplitMix64(seed ^ POOL_SALT), &mut pool);
            pool.truncate(n);
            pool.sort_unstable();
        }
        let subset = pool.len() < bank.questions().len();
        Session::build(bank, seed, now_ms, pool, subset)
    }

    fn build(
        bank: Rc<Bank>,
        seed: u64,
        now_ms: f64,
        mut order: Vec<usize>,
        subset: bool,
    ) -> Session {
        if bank.shuffle_questions() {
            shuffle(&mut SplitMix64(seed), &mut order);
        }
        Session {
            states: vec![QuestionState::default(); order.len()],
            bank,
            seed,
            order,
            current: 0,
            started_ms: finite_ms(now_ms),
            finished_ms: None,
            subset,
        }
    }

    // Getters.

    /// The bank.
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The bank, shared, for another session over it.
    pub fn shared_bank(&self) -> Rc<Bank> {
        Rc::clone(&self.bank)
    }

    /// The seed the orders are drawn from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// How many questions the session has.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether the session has no questions.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The current position in the session order.
    pub fn position(&self) -> usize {
        self.current
    }

    /// The question at a position of the session order.
    pub fn question_at(&self, pos: usize) -> Option<&Question> {
        self.order.get(pos).and_then(|&i| self.bank.questions().get(i))
    }

    /// The question at the current position.
    pub fn current_question(&self) -> Option<&Question> {
        self.question_at(self.current)
    }

    /// The question ids in session order.
    pub fn question_ids(&self) -> Vec<&str> {
        (0..self.len()).filter_map(|p| self.question_at(p)).map(Question::id).collect()
    }

    /// Where the learner stands on a question; None when it is not in the session.
    pub fn state(&self, question_id: &str) -> Option<QuestionView> {
        let pos = self.locate(question_id).ok()?;
        let (q, st) = self.entry(pos)?;
        let hints = u32::try_from(q.hints().len()).unwrap_or(u32::MAX);
        Some(QuestionView {
            id: q.id().to_string(),
            tries_used: st.tries_used(),
            tries_left: st.tries_left(q),
            hints_taken: st.hints,
            hints_left: hints.saturating_sub(st.hints),
            last_response: st.last().map(|a| a.response.clone()),
            verdict: st.last().map(|a| a.grade.verdict),
            earned: st.earned(q, self.bank.try_penalty()),
            max: q.points(),
            done: st.is_done(q),
        })
    }

    /// The feedback on a question's last answer, as `handle_answer` gave it
    /// (explanation and citations only once the question is done), for a
    /// view that shows it again after navigation or a reload. None when the
    /// question is unanswered or not in the session.
    pub fn feedback(&self, question_id: &str) -> Option<Feedback> {
        let pos = self.locate(question_id).ok()?;
        let (q, st) = self.entry(pos)?;
        feedback(q, st, self.bank.try_penalty())
    }

    /// The display order of a question's options, drawn from the seed and
    /// the question's id alone, so adding or moving other questions does not
    /// change it. Ordering items are always shuffled, and never shown in the
    /// right order when there are two or more; other kinds are shuffled only
    /// when the bank shuffles options. None when the question is not in the
    /// session.
    pub fn option_order(&self, question_id: &str) -> Option<OptionOrder> {
        let pos = self.locate(question_id).ok()?;
        let q = self.question_at(pos)?;
        Some(option_order(q, self.seed, self.bank.shuffle_options()))
    }

    /// Whether [`Session::finish`] was called.
    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    /// When the session started.
    pub fn started_ms(&self) -> f64 {
        self.started_ms
    }

    /// When it finished, if it did.
    pub fn finished_ms(&self) -> Option<f64> {
        self.finished_ms
    }

    /// Points earned so far, after penalties.
    pub fn earned_so_far(&self) -> f64 {
        self.entries().map(|(q, st)| st.earned(q, self.bank.try_penalty())).sum()
    }

    /// The total points of the session's questions.
    pub fn max_points(&self) -> f64 {
        self.entries().map(|(q, _)| q.points()).sum()
    }

    /// How many questions have at least one try.
    pub fn answered_count(&self) -> usize {
        self.states.iter().filter(|s| !s.attempts.is_empty()).count()
    }

    // Inputs.

    /// Grades an answer to a question and records it as a try.
    ///
    /// # Errors
    /// The session is finished; no such question in the session; the
    /// question is already correct or out of tries; the response does not
    /// fit the question (the try is then not counted).
    pub fn handle_answer(
        &mut self,
        question_id: &str,
        response: Response,
        now_ms: f64,
    ) -> Result<Feedback, SessionError> {
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        let pos = self.locate(question_id)?;
        let unknown = || SessionError::UnknownQuestion { id: question_id.to_string() };
        let q =
            self.order.get(pos).and_then(|&i| self.bank.questions().get(i)).ok_or_else(unknown)?;
        let st = self.states.get_mut(pos).ok_or_else(unknown)?;
        st.open(q)?;
        let grade = grade::grade(q, &response)
            .map_err(|error| SessionError::Response { id: q.id().to_string(), error })?;
        st.attempts.push(Attempt { response, at_ms: finite_ms(now_ms), grade });
        feedback(q, st, self.bank.try_penalty()).ok_or_else(unknown)
    }

    /// Gives the question's next hint; its penalty counts from now on.
    ///
    /// # Errors
    /// The session is finished; no such question in the session; the
    /// question is already correct or out of tries; every hint was taken.
    pub fn handle_hint(&mut self, question_id: &str) -> Result<HintShown, SessionError> {
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        let pos = self.locate(question_id)?;
        let unknown = || SessionError::UnknownQuestion { id: question_id.to_string() };
        let q =
            self.order.get(pos).and_then(|&i| self.bank.questions().get(i)).ok_or_else(unknown)?;
        let st = self.states.get_mut(pos).ok_or_else(unknown)?;
        st.open(q)?;
        let hint = q.hints().get(st.hints as usize).ok_or_else(|| SessionError::NoHintsLeft {
            id: q.id().to_string(),
            hints: q.hints().len(),
        })?;
        let index = st.hints;
        st.hints += 1;
        let total = u32::try_from(q.hints().len()).unwrap_or(u32::MAX);
        Ok(HintShown {
            question_id: q.id().to_string(),
            index,
            text: hint.text.clone(),
            penalty: hint.penalty,
            hints_taken: st.hints,
            hints_left: total.saturating_sub(st.hints),
        })
    }

    // Navigation: positions are clamped, never refused.

    /// Moves to a position (clamped to the last one) and returns it.
    pub fn go_to(&mut self, pos: usize) -> usize {
        self.current = pos.min(self.len().saturating_sub(1));
        self.current
    }

    /// Moves to the next position, staying on the last one.
    #[expect(
        clippy::should_implement_trait,
        reason = "navigation, not iteration: the name mirrors prev() and the view's buttons"
    )]
    pub fn next(&mut self) -> usize {
        self.go_to(self.current.saturating_add(1))
    }

    /// Moves to the previous position, staying on the first one.
    pub fn prev(&mut self) -> usize {
        self.go_to(self.current.saturating_sub(1))
    }

    /// Ends the session and returns its result. Idempotent: later calls
    /// return the same result, with the first call's finish time.
    pub fn finish(&mut self, now_ms: f64) -> SessionResult {
        let finished = *self.finished_ms.get_or_insert(finite_ms(now_ms));
        self.result_at(finished)
    }

    fn result_at(&self, finished_ms: f64) -> SessionResult {
        let penalty = self.bank.try_penalty();
        let mut questions = Vec::with_capacity(self.len());
        // Sorted by tag (a few at most: a Vec rather than a BTreeMap, for size).
        let mut tags: Vec<TagResult> = Vec::new();
        for (q, st) in self.entries() {
            let earned = st.earned(q, penalty);
            for (j, tag) in q.tags().iter().enumerate() {
                // A tag listed twice on one question counts once.
                if q.tags().iter().take(j).any(|t| t == tag) {
                    continue;
                }
                let at = match tags.binary_search_by(|t| t.tag.as_str().cmp(tag)) {
                    Ok(at) => at,
                    Err(at) => {
                        let new =
                            TagResult { tag: tag.clone(), earned: 0.0, max: 0.0, questions: 0 };
                        tags.insert(at, new);
                        at
                    }
                };
                let Some(t) = tags.get_mut(at) else { continue };
                t.earned += earned;
                t.max += q.points();
                t.questions += 1;
            }
            questions.push(QuestionResult {
                id: q.id().to_string(),
                prompt: q.prompt().to_string(),
                kind: q.kind(),
                verdict: st.last().map(|a| a.grade.verdict),
                earned,
                max: q.points(),
                explanation: q.explanation().to_string(),
                citations: q.citations().to_vec(),
                answered: !st.attempts.is_empty(),
            });
        }
        let earned: f64 = questions.iter().map(|r| r.earned).sum();
        let max: f64 = questions.iter().map(|r| r.max).sum();
        let percent = if max > 0.0 { clamp(earned / max * 100.0, 0.0, 100.0) } else { 0.0 };
        SessionResult {
            earned,
            max,
            percent,
            passed: percent + PASS_EPS >= self.bank.pass_percent(),
            by_tag: tags,
            questions,
            started_ms: self.started_ms,
            finished_ms,
            duration_ms: (finished_ms - self.started_ms).max(0.0),
        }
    }

    /// A new session over the questions not answered fully correctly
    /// (unanswered ones included), or None when every one was.
    pub fn retry_missed(&self, seed: u64, now_ms: f64) -> Option<Session> {
        let missed: Vec<usize> = self
            .order
            .iter()
            .zip(&self.states)
            .filter(|(_, st)| !st.is_correct())
            .map(|(&i, _)| i)
            .collect();
        if missed.is_empty() {
            return None;
        }
        Some(Session::build(Rc::clone(&self.bank), seed, now_ms, missed, true))
    }

    // Snapshot and restore.

    /// The session's progress, for saving.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            format: SESSION_FORMAT.to_string(),
            bank_id: self.bank.id().to_string(),
            seed: self.seed,
            order: self.question_ids().into_iter().map(str::to_string).collect(),
            position: self.current,
            started_ms: self.started_ms,
            finished_ms: self.finished_ms,
            subset: self.subset,
            questions: self
                .entries()
                .map(|(q, st)| SavedQuestion {
                    id: q.id().to_string(),
                    hash: hash_hex(q),
                    responses: st
                        .attempts
                        .iter()
                        .map(|a| SavedResponse { response: a.response.clone(), at_ms: a.at_ms })
                        .collect(),
                    hints: st.hints,
                })
                .collect(),
        }
    }

    /// The snapshot as JSON.
    pub fn snapshot_json(&self) -> String {
        // Serializing plain structs with string keys cannot fail, and every
        // number in a snapshot is finite (times are sanitized on the way in,
        // numeric responses are graded before they are kept).
        serde_json::to_string(&self.snapshot()).unwrap_or_default()
    }

    /// Rebuilds a session from saved progress against `bank`, which may have
    /// changed since.
    ///
    /// Every saved response is graded again. A question keeps its progress
    /// when its id and content hash still match and its responses still
    /// grade; a question the bank dropped leaves the order; a changed one
    /// keeps its place and starts afresh; questions new in the bank are
    /// appended (not for a retry session, which is a subset on purpose).
    /// Tries beyond what the question now allows, and hints beyond those it
    /// has, are ignored. The position is clamped.
    ///
    /// # Errors
    /// The snapshot is in another format or for another bank.
    pub fn restore(
        bank: impl Into<Rc<Bank>>,
        snapshot: &Snapshot,
    ) -> Result<(Session, RestoreReport), SessionError> {
        let bank = bank.into();
        if snapshot.format != SESSION_FORMAT {
            return Err(SessionError::UnknownFormat { found: Some(snapshot.format.clone()) });
        }
        if snapshot.bank_id != bank.id() {
            return Err(SessionError::WrongBank {
                expected: bank.id().to_string(),
                found: snapshot.bank_id.clone(),
            });
        }
        // Per question of the bank, its saved progress (the first, should
        // an id repeat); a Vec by index rather than a HashMap, for size.
        let mut saved: Vec<Option<&SavedQuestion>> = vec![None; bank.questions().len()];
        for sq in &snapshot.questions {
            if let Some(slot) = bank.index_of(&sq.id).and_then(|i| saved.get_mut(i)) {
                slot.get_or_insert(sq);
            }
        }
        let mut report = RestoreReport::default();
        // Per question of the bank, whether the order named it already.
        let mut seen = vec![false; bank.questions().len()];
        let mut order = Vec::new();
        let mut states = Vec::new();
        for id in &snapshot.order {
            let Some((index, q)) =
                bank.index_of(id).and_then(|i| Some((i, bank.questions().get(i)?)))
            else {
                if !report.dropped.iter().any(|d| d.id == *id) {
                    report.dropped.push(Dropped { id: id.clone(), reason: DropReason::Removed });
                }
                continue;
            };
            match seen.get_mut(index) {
                Some(true) | None => continue,
                Some(s) => *s = true,
            }
            let state = match saved.get(index).copied().flatten() {
                None => Some(QuestionState::default()),
                Some(sq) if sq.hash == hash_hex(q) => replay(q, sq),
                Some(_) => None,
            };
            match state {
                Some(state) => {
                    report.kept.push(id.clone());
                    states.push(state);
                }
                None => {
                    report.dropped.push(Dropped { id: id.clone(), reason: DropReason::Changed });
                    states.push(QuestionState::default());
                }
            }
            order.push(index);
        }
        if !snapshot.subset {
            for (index, seen) in seen.iter().enumerate() {
                if let (false, Some(q)) = (*seen, bank.questions().get(index)) {
                    report.added.push(q.id().to_string());
                    order.push(index);
                    states.push(QuestionState::default());
                }
            }
        }
        let mut session = Session {
            bank,
            seed: snapshot.seed,
            order,
            states,
            current: 0,
            started_ms: finite_ms(snapshot.started_ms),
            finished_ms: snapshot.finished_ms.map(finite_ms),
            subset: snapshot.subset,
        };
        session.go_to(snapshot.position);
        Ok((session, report))
    }

    /// [`Session::restore`] from the JSON of [`Session::snapshot_json`].
    ///
    /// # Errors
    /// The JSON is malformed (the message names the JSON path), in another
    /// format, or for another bank.
    pub fn restore_json(
        bank: impl Into<Rc<Bank>>,
        json: &str,
    ) -> Result<(Session, RestoreReport), SessionError> {
        Session::restore(bank, &Snapshot::from_json(json)?)
    }

    // Internals.

    /// The position of a question in the session order.
    fn locate(&self, question_id: &str) -> Result<usize, SessionError> {
        self.bank
            .index_of(question_id)
            .and_then(|i| self.order.iter().position(|&o| o == i))
            .ok_or_else(|| SessionError::UnknownQuestion { id: question_id.to_string() })
    }

    fn entry(&self, pos: usize) -> Option<(&Question, &QuestionState)> {
        Some((self.question_at(pos)?, self.states.get(pos)?))
    }

    /// Every question with its state, in session order.
    fn entries(&self) -> impl Iterator<Item = (&Question, &QuestionState)> {
        self.order.iter().filter_map(|&i| self.bank.questions().get(i)).zip(&self.states)
    }
}

/// The view's result of the last try.
fn feedback(q: &Question, st: &QuestionState, try_penalty: f64) -> Option<Feedback> {
    let last = st.last()?;
    let done = st.is_done(q);
    let tries_left = st.tries_left(q);
    Some(Feedback {
        question_id: q.id().to_string(),
        verdict: last.grade.verdict,
        fraction: last.grade.fraction,
        earned: st.earned(q, try_penalty),
        max_points: q.points(),
        tries_used: st.tries_used(),
        tries_left,
        can_retry: !done && tries_left > 0,
        marks: last.grade.marks.clone(),
        feedback: last.grade.feedback.clone(),
        explanation: done.then(|| q.explanation().to_string()),
        citations: if done { q.citations().to_vec() } else { Vec::new() },
        hints_taken: st.hints,
    })
}

/// Replays saved tries against the question as it is now; None when one no
/// longer grades.
fn replay(q: &Question, sq: &SavedQuestion) -> Option<QuestionState> {
    let mut st = QuestionState::default();
    for saved in &sq.responses {
        if st.is_done(q) {
            break;
        }
        let grade = grade::grade(q, &saved.response).ok()?;
        st.attempts.push(Attempt {
            response: saved.response.clone(),
            at_ms: finite_ms(saved.at_ms),
            grade,
        });
    }
    st.hints = sq.hints.min(u32::try_from(q.hints().len()).unwrap_or(u32::MAX));
    Some(st)
}

fn option_order(q: &Question, seed: u64, shuffle_options: bool) -> OptionOrder {
    // Seeded by the question's own id so that its option order survives
    // other questions being added, removed or reordered.
    let mut rng = SplitMix64(seed ^ fnv1a(q.id()));
    let mut maybe_shuffled = |ids: Vec<String>| {
        let mut ids = ids;
        if shuffle_options {
            shuffle(&mut rng, &mut ids);
        }
        ids
    };
    match q.body() {
        Body::SingleChoice { options, .. } | Body::MultipleChoice { options, .. } => OptionOrder {
            ids: maybe_shuffled(options.iter().map(|o| o.id.clone()).collect()),
            part_b: Vec::new(),
        },
        Body::Matching { right, .. } => OptionOrder {
            ids: maybe_shuffled(right.iter().map(|i| i.id.clone()).collect()),
            part_b: Vec::new(),
        },
        Body::TwoPart { part_a, part_b, .. } => {
            let ids = maybe_shuffled(part_a.options.iter().map(|o| o.id.clone()).collect());
            let part_b = maybe_shuffled(part_b.options.iter().map(|o| o.id.clone()).collect());
            OptionOrder { ids, part_b }
        }
        Body::Ordering { items } => {
            let right: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            let mut ids = right.clone();
            shuffle(&mut rng, &mut ids);
            // Shown in the right order, the question answers itself; item
            // ids are unique, so a rotation always differs.
            if ids.len() >= 2 && ids == right {
                ids.rotate_left(1);
            }
            OptionOrder { ids, part_b: Vec::new() }
        }
        Body::TrueFalse { .. }
        | Body::FillBlank { .. }
        | Body::Numeric { .. }
        | Body::Evidence { .. } => OptionOrder { ids: Vec::new(), part_b: Vec::new() },
    }
}

fn hash_hex(q: &Question) -> String {
    format!("{:016x}", q.content_hash())
}

/// Times must survive JSON, which has no NaN or infinity.
fn finite_ms(ms: f64) -> f64 {
    if ms.is_finite() { ms } else { 0.0 }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// FNV-1a, 64 bits: a stable hash of a question id (std's hasher is
/// randomly keyed and may change between releases).
fn fnv1a(s: &str) -> u64 {
    s.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough to
/// shuffle a quiz; the same seed gives the same sequence everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in `0..n`, by rejection so that no value is favoured;
    /// 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        if n == 0 {
            return 0;
        }
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                // x % n < n, which came from a usize.
                return (x % n) as usize;
            }
        }
    }
}

/// Fisher–Yates.
fn shuffle<T>(rng: &mut SplitMix64, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        // j <= i < len: the swap is in bounds.
        items.swap(i, j);
    }
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
    /// The JSON is malformed (the message names the JSON path, line and
    /// column) or in another format. The format is checked first and
    /// alone, so that progress saved by a later version is reported as
    /// such rather than as a shape error.
    pub fn from_json(json: &str) -> Result<Snapshot, SessionError> {
        let mut format = Ok(());
        let read = document(json, |r, v| {
            let o = r.open(v, Path::Root, v.at)?;
            match o.get("format").map(|m| &m.value) {
                Some(Value { v: V::Str(f), .. }) if f == SESSION_FORMAT => {}
                Some(Value { v: V::Null, .. }) | None => {
                    format = Err(SessionError::UnknownFormat { found: None });
                    return None;
                }
                Some(Value { v: V::Str(f), .. }) => {
                    let found = Some(f.to_string());
                    format = Err(SessionError::UnknownFormat { found });
                    return None;
                }
                Some(other) => {
                    let found = json.get(other.at..other.end).map(str::to_string);
                    format = Err(SessionError::UnknownFormat { found });
                    return None;
                }
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
        read.map_err(|diags| malformed(&diags))
    }
}

/// The first problem as "at questions[0].hints: expected …, found a
/// string at line 1 column 210", and how many more there are.
fn malformed(diags: &[Diagnostic]) -> SessionError {
    let mut message = String::new();
    if let Some(d) = diags.first() {
        if !d.path.is_empty() {
            message.push_str("at ");
            message.push_str(&d.path);
            message.push_str(": ");
        }
        message.push_str(&d.message);
        if let (Some(line), Some(column)) = (d.line, d.column) {
            message.push_str(" at line ");
            message.push_str(&line.to_string());
            message.push_str(" column ");
            message.push_str(&column.to_string());
        }
        if diags.len() > 1 {
            message.push_str(" (and ");
            message.push_str(&(diags.len() - 1).to_string());
            message.push_str(" more)");
        }
    }
    SessionError::Malformed { message }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Normalizer};
    use crate::bank::raw::{ChoiceOption, Hint, Item, TrueFalseFeedback};

    fn article() -> Article {
        let json = include_str!("../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
        match Article::parse(json, Normalizer::basic()) {
            Ok(a) => a,
            Err(d) => panic!("the test article does not parse: {d:?}"),
        }
    }

    fn opt(id: &str) -> ChoiceOption {
        ChoiceOption { id: id.into(), text: format!("option {id}"), feedback: None }
    }

    fn hint(penalty: f64) -> Hint {
        Hint { text: format!("costs {penalty}"), penalty }
    }

    fn single(id: &str, answer: &str, points: f64, tries: u32) -> Question {
        let body = Body::SingleChoice {
            options: vec![opt("a"), opt("b"), opt("c"), opt("d")],
            answer: answer.into(),
        };
        Question::for_test(id, body, points, tries, vec![hint(0.1), hint(0.2)], &["detail"])
    }

    fn true_false(id: &str, answer: bool) -> Question {
        let body = Body::TrueFalse { answer, feedback: TrueFalseFeedback::default() };
        Question::for_test(id, body, 1.0, 1, Vec::new(), &["inference", "detail", "inference"])
    }

    fn ordering(id: &str, n: usize) -> Question {
        let items = (0..n).map(|i| Item { id: format!("i{i}"), text: format!("item {i}") });
        Question::for_test(id, Body::Ordering { items: items.collect() }, 1.0, 2, Vec::new(), &[])
    }

    /// sc1 (3 points, 3 tries, two hints), tf1, ord1, sc2 (1 try).
    fn small_bank(shuffle: bool) -> Bank {
        let questions = vec![
            single("sc1", "b", 3.0, 3),
            true_false("tf1", false),
            ordering("ord1", 4),
            single("sc2", "c", 1.0, 1),
        ];
        Bank::for_test("bank", questions, article(), 1.0 / 3.0, shuffle)
    }

    fn big_bank() -> Bank {
        let questions = (0..20).map(|i| single(&format!("q{i}"), "a", 1.0, 1)).collect();
        Bank::for_test("big", questions, article(), 1.0 / 3.0, true)
    }

    fn sc(choice: &str) -> Response {
        Response::SingleChoice { choice: choice.into() }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Every question's view, in session order.
    fn views(s: &Session) -> Vec<QuestionView> {
        s.question_ids().iter().filter_map(|id| s.state(id)).collect()
    }

    #[test]
    fn splitmix64_matches_the_reference() {
        // The first outputs of Vigna's splitmix64.c for seed 1234567.
        let mut rng = SplitMix64(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
        let mut zero = SplitMix64(0);
        assert_eq!(zero.below(0), 0);
        assert!((0..1000).all(|_| zero.below(3) < 3));
    }

    #[test]
    fn same_seed_same_order_and_different_seeds_differ() {
        let a = Session::new(big_bank(), 42, 0.0);
        let b = Session::new(big_bank(), 42, 0.0);
        assert_eq!(a.question_ids(), b.question_ids());
        assert_eq!(a.option_order("q3"), b.option_order("q3"));
        let mut sorted = a.question_ids();
        sorted.sort_by_key(|id| id.trim_start_matches('q').parse::<u32>().unwrap_or(0));
        let author: Vec<String> = (0..20).map(|i| format!("q{i}")).collect();
        assert_eq!(sorted, author, "the order is a permutation");
        let orders: std::collections::HashSet<Vec<String>> = (0..10u64)
            .map(|seed| {
                Session::new(big_bank(), seed, 0.0)
                    .question_ids()
                    .into_iter()
                    .map(String::from)
                    .collect()
            })
            .collect();
        assert_eq!(orders.len(), 10, "ten seeds, ten orders");
        assert_ne!(a.option_order("q3"), Session::new(big_bank(), 43, 0.0).option_order("q3"));
    }

    #[test]
    fn without_shuffle_the_author_order_stays() {
        let s = Session::new(small_bank(false), 9, 0.0);
        assert_eq!(s.question_ids(), vec!["sc1", "tf1", "ord1", "sc2"]);
        let order = s.option_order("sc1").unwrap();
        assert_eq!(order.ids, vec!["a", "b", "c", "d"]);
        assert!(order.part_b.is_empty());
        assert_eq!(s.option_order("tf1").unwrap().ids, Vec::<String>::new());
        // Ordering items are shuffled whatever the bank says.
        assert_ne!(s.option_order("ord1").unwrap().ids, vec!["i0", "i1", "i2", "i3"]);
        assert_eq!(s.option_order("nope"), None);
    }

    #[test]
    fn ordering_is_never_shown_in_the_right_order() {
        for n in [2, 3] {
            let bank = Bank::for_test("o", vec![ordering("o", n)], article(), 0.0, false);
            let right: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
            for seed in 0..200 {
                let ids = Session::new(bank.clone(), seed, 0.0).option_order("o").unwrap().ids;
                assert_ne!(ids, right, "n={n} seed={seed}");
                let mut sorted = ids.clone();
                sorted.sort();
                assert_eq!(sorted, right, "a permutation");
            }
        }
    }

    #[test]
    fn option_order_depends_only_on_seed_and_question_id() {
        let alone = Bank::for_test("b", vec![single("x", "a", 1.0, 1)], article(), 0.0, true);
        let crowded = small_bank(true);
        let mut with_x = crowded.questions().to_vec();
        with_x.insert(2, single("x", "a", 1.0, 1));
        let crowded = Bank::for_test("b", with_x, article(), 0.0, true);
        for seed in 0..20 {
            assert_eq!(
                Session::new(alone.clone(), seed, 0.0).option_order("x"),
                Session::new(crowded.clone(), seed, 0.0).option_order("x"),
            );
        }
    }

    #[test]
    fn tries_and_hints_reduce_the_score() {
        let mut s = Session::new(small_bank(false), 1, 0.0);
        let f = s.handle_answer("sc1", sc("a"), 10.0).unwrap();
        assert_eq!(
            (f.verdict, f.tries_used, f.tries_left, f.can_retry),
            (Verdict::Wrong, 1, 2, true)
        );
        assert_eq!(f.explanation, None, "no answer given away before the last try");
        let h = s.handle_hint("sc1").unwrap();
        assert_eq!((h.index, h.hints_taken, h.hints_left), (0, 1, 1));
        assert!(close(h.penalty, 0.1));
        // 3 × (1 − 1/3 − 0.1) = 1.7
        let f = s.handle_answer("sc1", sc("b"), 20.0).unwrap();
        assert_eq!(
            (f.verdict, f.tries_used, f.tries_left, f.can_retry),
            (Verdict::Correct, 2, 0, false)
        );
        assert!(close(f.earned, 1.7), "{}", f.earned);
        assert_eq!(f.explanation.as_deref(), Some("Because of sc1."));
        assert!(close(s.earned_so_far(), 1.7));
        let v = s.state("sc1").unwrap();
        assert_eq!(
            (v.tries_used, v.hints_taken, v.done, v.verdict),
            (2, 1, true, Some(Verdict::Correct))
        );
        assert_eq!(v.last_response, Some(sc("b")));
        // A first-try right answer without hints earns full points.
        let f = s.handle_answer("tf1", Response::TrueFalse { value: false }, 30.0).unwrap();
        assert!(close(f.earned, 1.0));
        assert_eq!(s.answered_count(), 2);
    }

    #[test]
    fn inputs_are_refused_when_they_cannot_count() {
        let mut s = Session::new(small_bank(false), 1, 0.0);
        let err = |r: Result<Feedback, SessionError>| r.err().map(|e| e.to_string());
        assert_eq!(
            err(s.handle_answer("zz", sc("a"), 0.0)).as_deref(),
            Some("no question \"zz\" in this session")
        );
        // A malformed response does not use a try.
        let e = err(s.handle_answer("sc2", sc("q"), 0.0));
        assert_eq!(
            e.as_deref(),
            Some(
                "cannot grade the answer to question \"sc2\": unknown option \"q\"; expected one of: a, b, c, d"
            )
        );
        assert_eq!(s.state("sc2").unwrap().tries_used, 0);
        s.handle_answer("sc2", sc("a"), 0.0).unwrap();
        assert_eq!(
            err(s.handle_answer("sc2", sc("c"), 0.0)).as_deref(),
            Some("question \"sc2\" has no tries left (it allows 1 try)")
        );
        assert_eq!(
            s.handle_hint("sc2").err(),
            Some(SessionError::NoTriesLeft { id: "sc2".into(), tries: 1 })
        );
        s.handle_answer("sc1", sc("b"), 0.0).unwrap();
        assert_eq!(
            s.handle_answer("sc1", sc("b"), 0.0).err(),
            Some(SessionError::AlreadyCorrect { id: "sc1".into() })
        );
        assert_eq!(
            s.handle_hint("tf1").err(),
            Some(SessionError::NoHintsLeft { id: "tf1".into(), hints: 0 })
        );
        s.finish(5.0);
        assert_eq!(
            s.handle_answer("tf1", Response::TrueFalse { value: true }, 0.0).err(),
            Some(SessionError::Finished)
        );
        assert_eq!(s.handle_hint("ord1").err(), Some(SessionError::Finished));
    }

    #[test]
    fn navigation_clamps() {
        let mut s = Session::new(small_bank(false), 1, 0.0);
        assert_eq!(s.prev(), 0);
        assert_eq!(s.next(), 1);
        assert_eq!(s.current_question().map(Question::id), Some("tf1"));
        assert_eq!(s.go_to(usize::MAX), 3);
        assert_eq!(s.next(), 3);
        assert_eq!(s.question_at(4), None);
        let mut empty = Session::new(Bank::for_test("e", Vec::new(), article(), 0.0, true), 1, 0.0);
        assert_eq!((empty.next(), empty.prev(), empty.go_to(5)), (0, 0, 0));
        assert_eq!(empty.current_question(), None);
        let r = empty.finish(1.0);
        assert_eq!((r.percent, r.passed), (0.0, false));
    }

    #[test]
    fn finish_is_idempotent_and_sums_up() {
        let mut s = Session::new(small_bank(false), 1, 1_000.0);
        s.handle_answer("sc1", sc("b"), 2_000.0).unwrap();
        s.handle_answer("tf1", Response::TrueFalse { value: true }, 3_000.0).unwrap();
        let r = s.finish(61_000.0);
        assert!(s.is_finished());
        assert_eq!(s.finish(99_000.0), r);
        assert_eq!((r.started_ms, r.finished_ms, r.duration_ms), (1_000.0, 61_000.0, 60_000.0));
        assert!(close(r.earned, 3.0) && close(r.max, 6.0) && close(r.percent, 50.0));
        assert!(!r.passed, "50% is below the 60% pass mark");
        let tags: Vec<_> =
            r.by_tag.iter().map(|t| (t.tag.as_str(), t.earned, t.max, t.questions)).collect();
        assert_eq!(tags, vec![("detail", 3.0, 5.0, 3), ("inference", 0.0, 1.0, 1)]);
        let qs: Vec<_> =
            r.questions.iter().map(|q| (q.id.as_str(), q.verdict, q.answered)).collect();
        assert_eq!(
            qs,
            vec![
                ("sc1", Some(Verdict::Correct), true),
                ("tf1", Some(Verdict::Wrong), true),
                ("ord1", None, false),
                ("sc2", None, false),
            ]
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["byTag"][0]["tag"], "detail");
        assert_eq!(json["questions"][0]["kind"], "single_choice");
        assert_eq!(json["durationMs"], 60_000.0);
    }

    #[test]
    fn passing_at_exactly_the_pass_mark() {
        let questions = (0..5).map(|i| single(&format!("q{i}"), "a", 1.0, 1)).collect();
        let mut s = Session::new(Bank::for_test("p", questions, article(), 0.0, false), 1, 0.0);
        for id in ["q0", "q1", "q2"] {
            s.handle_answer(id, sc("a"), 0.0).unwrap();
        }
        assert!(s.finish(1.0).passed, "3 of 5 is 60%");
    }

    /// Plays a little of everything on the small bank.
    fn played() -> Session {
        let mut s = Session::new(small_bank(true), 77, 500.0);
        s.handle_answer("sc1", sc("a"), 600.0).unwrap();
        s.handle_hint("sc1").unwrap();
        s.handle_answer("sc1", sc("b"), 700.0).unwrap();
        s.handle_answer(
            "ord1",
            Response::Ordering { order: vec!["i0".into(), "i2".into(), "i1".into(), "i3".into()] },
            800.0,
        )
        .unwrap();
        s.handle_hint("sc2").unwrap();
        s.go_to(2);
        s
    }

    #[test]
    fn snapshot_round_trips_through_json() {
        let s = played();
        let json = s.snapshot_json();
        let (r, report) = Session::restore_json(small_bank(true), &json).unwrap();
        assert_eq!(report.kept.len(), 4);
        assert!(report.dropped.is_empty() && report.added.is_empty());
        assert_eq!(r.snapshot(), s.snapshot());
        assert_eq!(r.snapshot_json(), json);
        assert_eq!(views(&r), views(&s));
        assert_eq!((r.position(), r.seed(), r.started_ms()), (2, 77, 500.0));
        assert_eq!(r.option_order("sc1"), s.option_order("sc1"));
        let (mut r, mut s) = (r, s);
        assert_eq!(r.finish(900.0), s.finish(900.0));
        // A finished session stays finished.
        let (r2, _) = Session::restore_json(small_bank(true), &s.snapshot_json()).unwrap();
        assert_eq!(r2.finished_ms(), Some(900.0));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], SESSION_FORMAT);
        assert_eq!(value["seed"], "000000000000004d");
        let sc1 = value["questions"].as_array().and_then(|qs| qs.iter().find(|q| q["id"] == "sc1"));
        assert_eq!(sc1.map(|q| &q["responses"][0]["atMs"]), Some(&serde_json::json!(600.0)));
    }

    #[test]
    fn restore_follows_a_changed_bank() {
        let s = played();
        // sc1 edited (another right answer), ord1 removed, new1 added.
        let questions = vec![
            single("sc1", "c", 3.0, 3),
            true_false("tf1", false),
            single("sc2", "c", 1.0, 1),
            true_false("new1", true),
        ];
        let bank = Bank::for_test("bank", questions, article(), 1.0 / 3.0, true);
        let (r, report) = Session::restore(bank, &s.snapshot()).unwrap();
        let mut kept = report.kept.clone();
        kept.sort();
        assert_eq!(kept, vec!["sc2", "tf1"]);
        let mut dropped: Vec<_> =
            report.dropped.iter().map(|d| (d.id.as_str(), d.reason)).collect();
        dropped.sort_by_key(|d| d.0);
        assert_eq!(dropped, vec![("ord1", DropReason::Removed), ("sc1", DropReason::Changed)]);
        assert_eq!(report.added, vec!["new1"]);
        assert_eq!(r.question_ids().last(), Some(&"new1"), "new questions come last");
        assert_eq!(r.len(), 4);
        let sc1 = r.state("sc1").unwrap();
        assert_eq!((sc1.tries_used, sc1.hints_taken), (0, 0), "a changed question starts afresh");
        assert_eq!(r.state("sc2").unwrap().hints_taken, 1, "kept progress survives");
        assert_eq!(r.state("ord1"), None);
    }

    #[test]
    fn restore_drops_responses_that_no_longer_grade() {
        let s = played();
        let mut snap = s.snapshot();
        if let Some(sq) = snap.questions.iter_mut().find(|q| q.id == "sc1") {
            sq.responses.insert(0, SavedResponse { response: sc("zz"), at_ms: 1.0 });
        }
        snap.position = 99;
        let (r, report) = Session::restore(small_bank(true), &snap).unwrap();
        assert_eq!(report.dropped, vec![Dropped { id: "sc1".into(), reason: DropReason::Changed }]);
        assert_eq!(r.state("sc1").unwrap().tries_used, 0);
        assert_eq!(r.position(), 3, "the position is clamped");
    }

    fn check_restore_error(json: &str, expected: &str) {
        match Session::restore_json(small_bank(true), json) {
            Ok(_) => panic!("{json} restored"),
            Err(e) => assert_eq!(e.to_string(), expected, "{json}"),
        }
    }

    #[test]
    fn restore_says_what_is_wrong() {
        check_restore_error(
            r#"{"format":"citequiz-session/2"}"#,
            "saved progress is in format citequiz-session/2; this version reads citequiz-session/1",
        );
        check_restore_error(
            r#"{"bankId":"bank"}"#,
            "saved progress names no format; this version reads citequiz-session/1",
        );
        check_restore_error(
            "{",
            "saved progress is unreadable: malformed JSON: EOF while parsing an object at line 1 column 2",
        );
        let mut v: serde_json::Value = serde_json::from_str(&played().snapshot_json()).unwrap();
        v["questions"][0]["hints"] = serde_json::json!("two");
        let json = v.to_string();
        let e = Session::restore_json(small_bank(true), &json)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.starts_with(
                "saved progress is unreadable: at questions[0].hints: expected a whole number, \
                 0 or more, found a string at line 1 column "
            ),
            "{e}"
        );
        v["bankId"] = serde_json::json!("other");
        v["questions"][0]["hints"] = serde_json::json!(1);
        check_restore_error(&v.to_string(), "saved progress is for bank \"other\", not \"bank\"");
    }

    #[test]
    fn restore_reads_what_earlier_versions_wrote() {
        // Written by the serde-based reader's version; it must keep restoring.
        let json = r#"{"format":"citequiz-session/1","bankId":"bank","seed":"000000000000004d","order":["sc2","ord1","sc1","tf1"],"position":2,"startedMs":500.0,"finishedMs":null,"questions":[{"id":"sc2","hash":"159d109acc6ac69b","responses":[],"hints":1},{"id":"ord1","hash":"15be01bac905220d","responses":[{"response":{"kind":"ordering","order":["i0","i2","i1","i3"]},"atMs":800.0}],"hints":0},{"id":"sc1","hash":"80f791f15a3b79eb","responses":[{"response":{"kind":"single_choice","choice":"a"},"atMs":600.0},{"response":{"kind":"single_choice","choice":"b"},"atMs":700.0}],"hints":1},{"id":"tf1","hash":"8461e41fa1f1f73e","responses":[],"hints":0}]}"#;
        let (r, report) = Session::restore_json(small_bank(true), json).unwrap();
        assert_eq!(report.kept.len(), 4);
        assert_eq!(r.snapshot(), played().snapshot());
        assert_eq!(r.snapshot_json(), json);
        // Fields a later version might add are ignored; `subset` defaults.
        let extra = json.replacen("\"position\"", "\"theme\":\"dark\",\"position\"", 1);
        assert!(Session::restore_json(small_bank(true), &extra).is_ok());
    }

    #[test]
    fn restore_names_the_bad_field() {
        let json = played().snapshot_json();
        check_restore_error(
            &json.replace("000000000000004d", "4g"),
            "saved progress is unreadable: at seed: expected 16 hex digits, found \"4g\" \
             at line 1 column 48",
        );
        check_restore_error(
            &json.replace(r#""kind":"ordering","#, ""),
            "saved progress is unreadable: at questions[1].responses[0].response: \
             missing field `kind` at line 1 column 329",
        );
        check_restore_error(
            &json.replace("\"startedMs\":500.0,", ""),
            "saved progress is unreadable: missing field `startedMs` at line 1 column 612",
        );
        check_restore_error(
            r#"{"format":2}"#,
            "saved progress is in format 2; this version reads citequiz-session/1",
        );
        check_restore_error(
            "[]",
            "saved progress is unreadable: expected an object, found an array at line 1 column 1",
        );
    }

    #[test]
    fn retry_missed_takes_what_was_not_right() {
        let mut s = Session::new(small_bank(false), 1, 0.0);
        s.handle_answer("sc1", sc("b"), 0.0).unwrap();
        s.handle_answer("tf1", Response::TrueFalse { value: true }, 0.0).unwrap();
        let retry = s.retry_missed(5, 10.0).unwrap();
        let mut ids = retry.question_ids();
        ids.sort();
        assert_eq!(ids, vec!["ord1", "sc2", "tf1"]);
        assert_eq!(retry.started_ms(), 10.0);
        assert_eq!(retry.answered_count(), 0);
        // It shares the bank rather than copying it.
        assert!(Rc::ptr_eq(&retry.shared_bank(), &s.shared_bank()));
        // Its snapshot restores as the same subset: no question is "added".
        let (r, report) = Session::restore_json(small_bank(false), &retry.snapshot_json()).unwrap();
        assert!(report.added.is_empty());
        assert_eq!(r.question_ids(), retry.question_ids());
        // Nothing to retry once everything is right.
        let mut all = Session::new(small_bank(false), 1, 0.0);
        all.handle_answer("sc1", sc("b"), 0.0).unwrap();
        all.handle_answer("tf1", Response::TrueFalse { value: false }, 0.0).unwrap();
        let order = Response::Ordering { order: (0..4).map(|i| format!("i{i}")).collect() };
        all.handle_answer("ord1", order, 0.0).unwrap();
        all.handle_answer("sc2", sc("c"), 0.0).unwrap();
        assert!(all.retry_missed(5, 10.0).is_none());
    }

    fn tagged(id: &str, tag: &str) -> Question {
        let body = Body::TrueFalse { answer: true, feedback: TrueFalseFeedback::default() };
        Question::for_test(id, body, 1.0, 1, Vec::new(), &[tag])
    }

    /// q0..q9, the even ones tagged "main-idea", the odd ones "detail".
    fn tagged_bank(shuffle: bool) -> Bank {
        let questions = (0..10)
            .map(|i| tagged(&format!("q{i}"), if i % 2 == 0 { "main-idea" } else { "detail" }))
            .collect();
        Bank::for_test("tagged", questions, article(), 0.0, shuffle)
    }

    fn check_pool(count: Option<usize>, tags: &[&str], seed: u64, expected: &[&str]) {
        let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
        let s = Session::with_pool(tagged_bank(false), seed, 0.0, count, &tags);
        assert_eq!(s.question_ids(), expected);
    }

    #[test]
    fn a_pool_draws_by_count_and_tags() {
        // Everything, in the bank's order, when neither narrows.
        let all = ["q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];
        check_pool(None, &[], 1, &all);
        check_pool(Some(10), &[], 1, &all);
        check_pool(Some(99), &[], 1, &all);
        check_pool(None, &["main-idea"], 1, &["q0", "q2", "q4", "q6", "q8"]);
        check_pool(None, &["main-idea", "detail"], 1, &all);
        check_pool(None, &["nowhere"], 1, &[]);
        check_pool(Some(0), &[], 1, &[]);
        // A drawn pool: the right size, the right tags, in bank order,
        // the same for the same seed, another for another seed.
        let tags = vec![String::from("detail")];
        let draw = |seed| Session::with_pool(tagged_bank(false), seed, 0.0, Some(3), &tags);
        let a = draw(7);
        assert_eq!(a.len(), 3);
        let ids: Vec<usize> =
            a.question_ids().iter().map(|id| id[1..].parse::<usize>().unwrap()).collect();
        assert!(ids.iter().all(|i| i % 2 == 1), "{ids:?}");
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
        assert_eq!(draw(7).question_ids(), a.question_ids());
        assert!((0..20).any(|seed| draw(seed).question_ids() != a.question_ids()));
        // With a shuffling bank the drawn questions are shuffled too, but
        // are the same ones.
        let s = Session::with_pool(tagged_bank(true), 7, 0.0, Some(3), &tags);
        let mut shuffled = s.question_ids();
        shuffled.sort();
        let mut drawn = a.question_ids();
        drawn.sort();
        assert_eq!(shuffled, drawn);
    }

    #[test]
    fn a_pool_restores_as_the_same_subset() {
        let mut s = Session::with_pool(tagged_bank(false), 3, 0.0, Some(4), &[]);
        let first = s.question_ids()[0].to_string();
        s.handle_answer(&first, Response::TrueFalse { value: true }, 1.0).unwrap();
        s.next();
        let (r, report) = Session::restore_json(tagged_bank(false), &s.snapshot_json()).unwrap();
        assert!(report.added.is_empty(), "{report:?}");
        assert_eq!(r.question_ids(), s.question_ids());
        assert_eq!(r.position(), 1);
        assert_eq!(r.answered_count(), 1);
        // A pool of the whole bank is no subset: new questions join it.
        let whole = Session::with_pool(tagged_bank(false), 3, 0.0, None, &[]);
        assert!(!whole.snapshot().subset);
    }
}
