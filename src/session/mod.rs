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
//!
//! The parts: this module is the state machine; `dto` the plain records it
//! hands out (`Feedback`, `SessionResult`, `RestoreReport`, …); `snapshot`
//! the saved-progress format and its reader; `rng` the seeded orders.

mod dto;
mod rng;
mod snapshot;
#[cfg(test)]
mod tests;

pub use dto::{
    DropReason, Dropped, Feedback, HintShown, OptionOrder, QuestionResult, QuestionView,
    RestoreReport, SessionResult, TagResult,
};
pub use snapshot::{SESSION_FORMAT, SavedQuestion, SavedResponse, Snapshot, SnapshotError};

use crate::bank::{Bank, Question};
use crate::grade::{self, Grade, Response, ResponseError, Verdict};
use crate::num::clamp;
use rng::{POOL_SALT, SplitMix64, option_order, shuffle};
pub(crate) use snapshot::hash_hex;
use std::fmt;
use std::rc::Rc;

/// Within this much of the pass mark counts as reaching it, so that 3 of 5
/// points passes at 60% despite floating-point rounding.
const PASS_EPS: f64 = 1e-9;

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
    /// Saved progress that this version cannot restore.
    Snapshot(SnapshotError),
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
            SessionError::Snapshot(error) => error.fmt(f),
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
            SessionError::Snapshot(error) => Some(error),
            _ => None,
        }
    }
}

/// How many questions' progress `Session::snapshot_json_pieces` writes
/// at a time.
const SNAPSHOT_PIECE: usize = 64;

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

    /// Starts a session over the questions `ids` in that order, never
    /// shuffled (a review: the most overdue first); ids the bank does not
    /// have, and repeats, are left out. A subset, as for
    /// [`Session::retry_missed`].
    pub fn with_questions(
        bank: impl Into<Rc<Bank>>,
        seed: u64,
        now_ms: f64,
        ids: &[String],
    ) -> Session {
        let bank = bank.into();
        let mut order: Vec<usize> = Vec::with_capacity(ids.len());
        for i in ids.iter().filter_map(|id| bank.index_of(id)) {
            if !order.contains(&i) {
                order.push(i);
            }
        }
        Session::in_order(bank, seed, now_ms, order, true)
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
        Session::in_order(bank, seed, now_ms, order, subset)
    }

    fn in_order(
        bank: Rc<Bank>,
        seed: u64,
        now_ms: f64,
        order: Vec<usize>,
        subset: bool,
    ) -> Session {
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
        let try_penalty = self.bank.try_penalty();
        let (q, st) = self.open_question(question_id)?;
        let grade = grade::grade(q, &response)
            .map_err(|error| SessionError::Response { id: q.id().to_string(), error })?;
        st.attempts.push(Attempt { response, at_ms: finite_ms(now_ms), grade });
        // Some: the try was just recorded.
        feedback(q, st, try_penalty)
            .ok_or_else(|| SessionError::UnknownQuestion { id: question_id.to_string() })
    }

    /// Gives the question's next hint; its penalty counts from now on.
    ///
    /// # Errors
    /// The session is finished; no such question in the session; the
    /// question is already correct or out of tries; every hint was taken.
    pub fn handle_hint(&mut self, question_id: &str) -> Result<HintShown, SessionError> {
        let (q, st) = self.open_question(question_id)?;
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
        Snapshot { questions: self.entries().map(saved).collect(), ..self.snapshot_head() }
    }

    /// The snapshot but for its questions' progress.
    fn snapshot_head(&self) -> Snapshot {
        Snapshot {
            format: SESSION_FORMAT.to_string(),
            bank_id: self.bank.id().to_string(),
            seed: self.seed,
            order: self.question_ids().into_iter().map(str::to_string).collect(),
            position: self.current,
            started_ms: self.started_ms,
            finished_ms: self.finished_ms,
            subset: self.subset,
            questions: Vec::new(),
        }
    }

    /// The snapshot as JSON: [`Session::snapshot_json_pieces`] joined.
    pub fn snapshot_json(&self) -> String {
        let mut out = String::new();
        self.snapshot_json_pieces(&mut |piece| out.push_str(piece));
        out
    }

    /// The snapshot's JSON (serde's of [`Session::snapshot`], byte for
    /// byte) handed to `piece` a few questions at a time: neither the
    /// whole `Snapshot` (0.25 MB of ids and hashes at 2,000 questions) nor
    /// its whole text (0.16 MB, grown by doubling) is ever built. The
    /// widget joins the pieces in JS for `localStorage`: a Wasm module
    /// keeps the highest memory it ever used, and the first save comes
    /// right after mounting.
    pub fn snapshot_json_pieces(&self, piece: &mut dyn FnMut(&str)) {
        // Serializing plain structs with string keys cannot fail, and every
        // number in a snapshot is finite (times are sanitized on the way in,
        // numeric responses are graded before they are kept). `questions`
        // is the last member, written empty here: `"questions":[]}`.
        let head = serde_json::to_string(&self.snapshot_head()).unwrap_or_default();
        piece(head.strip_suffix("]}").unwrap_or(&head));
        let mut entries = self.entries().peekable();
        let mut first = true;
        while entries.peek().is_some() {
            let some: Vec<SavedQuestion> =
                entries.by_ref().take(SNAPSHOT_PIECE).map(saved).collect();
            let list = serde_json::to_string(&some).unwrap_or_default();
            let inner = list.strip_prefix('[').and_then(|l| l.strip_suffix(']')).unwrap_or("");
            if !first {
                piece(",");
            }
            piece(inner);
            first = false;
        }
        piece("]}");
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
            let found = Some(snapshot.format.clone());
            return Err(SessionError::Snapshot(SnapshotError::UnknownFormat { found }));
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
        let snapshot = Snapshot::from_json(json).map_err(SessionError::Snapshot)?;
        Session::restore(bank, &snapshot)
    }

    // Internals.

    /// A question and its state, for an input: refused when the session is
    /// finished, the question is not in it, or it takes no more input.
    fn open_question(
        &mut self,
        question_id: &str,
    ) -> Result<(&Question, &mut QuestionState), SessionError> {
        if self.is_finished() {
            return Err(SessionError::Finished);
        }
        let pos = self.locate(question_id)?;
        let unknown = || SessionError::UnknownQuestion { id: question_id.to_string() };
        let q =
            self.order.get(pos).and_then(|&i| self.bank.questions().get(i)).ok_or_else(unknown)?;
        let st = self.states.get_mut(pos).ok_or_else(unknown)?;
        st.open(q)?;
        Ok((q, st))
    }

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

/// A question's progress, for saving.
fn saved((q, st): (&Question, &QuestionState)) -> SavedQuestion {
    SavedQuestion {
        id: q.id().to_string(),
        hash: hash_hex(q),
        responses: st
            .attempts
            .iter()
            .map(|a| SavedResponse { response: a.response.clone(), at_ms: a.at_ms })
            .collect(),
        hints: st.hints,
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

/// Times must survive JSON, which has no NaN or infinity.
fn finite_ms(ms: f64) -> f64 {
    if ms.is_finite() { ms } else { 0.0 }
}
