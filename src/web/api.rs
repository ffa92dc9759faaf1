//! The headless JS API: a `Quiz` handle over a core `Session`, for hosts
//! that draw their own UI (and for tests under Node).
//!
//! Long-lived state stays in Rust behind the handle; every call returns a
//! small plain JS object (camelCase), never the whole state. Results and
//! responses cross the boundary as JS values through serde-wasm-bindgen,
//! typed on both sides (`Serialize` results, a `Deserialize` `Response`),
//! with no JSON text between. This build's size is not budgeted; the
//! widget's build has none of this module.
//!
//! What stays text: the bank and the article (JSON text, UTF-8 bytes, or
//! objects turned into text), because their reader is the checker that
//! reports every problem with its JSON path and line:column; and the
//! snapshot, a versioned JSON text for the host to store.

use super::{js_error, normalizer};
use crate::bank::{Bank, Body, Question, load_playable};
use crate::grade::Response;
use crate::review::{Card, Memory, Now, Rating};
use crate::session::Session;
use crate::text::cat;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A result as a plain JS value: objects rather than `Map`s, `null` for a
/// missing optional field, as JSON would give them.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&cat(&["cannot pass the result to JS: ", &e.to_string()]), &[], None))
}

/// JSON text as given, or a JS value turned into JSON text: the bank and
/// the article are read by the checker, which needs text.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(text) = super::text_in(value, what) {
        return text;
    }
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| js_error("expected JSON text or a plain object", &[], None))
}

/// Parses an article and a bank, as JSON text or plain JS objects; with
/// no article (null or undefined), a compiled bank (`citequiz compile`),
/// which carries its own. The bank is read in pieces first, as the widget
/// reads it (`web::compiled_in`, `web::raw_in`; an object as the text
/// `JSON.stringify` makes of it), so that its whole text is never in the
/// Wasm's memory, which keeps its high-water mark; a bank those readers
/// give up on (an error, an unusual layout) is read whole, for its
/// diagnostics.
fn load_bank(bank: &JsValue, article: &JsValue) -> Result<Bank, JsValue> {
    let article = if article.is_null() || article.is_undefined() {
        None
    } else {
        Some(json_text(article, "article")?)
    };
    let text = bank.is_string() || bank.is_instance_of::<js_sys::Uint8Array>();
    let stringified = (!text).then(|| js_sys::JSON::stringify(bank)).and_then(Result::ok);
    let stringified = stringified.map(JsValue::from);
    let bank = stringified.as_ref().unwrap_or(bank);
    if let Some(bank) = super::playable_in(bank, article.as_deref()) {
        return Ok(bank);
    }
    let bank = json_text(bank, "bank")?;
    load_playable(&bank, article.as_deref(), normalizer()).map_err(|failure| {
        let summary = cat(&[failure.summary(), ":"]);
        js_error(&summary, &failure.diags, Some(failure.source(&bank, article.as_deref())))
    })
}

/// A question as shown to a learner: options in the session's order, and
/// nothing that gives the answer away.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Shown<'a> {
    id: &'a str,
    kind: &'static str,
    prompt: &'a str,
    points: f64,
    tags: &'a [String],
    hints: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    options: Vec<Choice<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    left: Vec<Choice<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segments: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_a_prompt: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_b_prompt: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    part_b: Vec<Choice<'a>>,
}

#[derive(Serialize)]
struct Choice<'a> {
    id: &'a str,
    text: &'a str,
}

fn shown<'a>(q: &'a Question, order: &[String], part_b_order: &[String]) -> Shown<'a> {
    let mut s = Shown {
        id: q.id(),
        kind: q.kind().name(),
        prompt: q.prompt(),
        points: q.points(),
        tags: q.tags(),
        hints: q.hints().len(),
        options: Vec::new(),
        left: Vec::new(),
        segments: None,
        unit: None,
        part_a_prompt: None,
        part_b_prompt: None,
        part_b: Vec::new(),
    };
    let pick = |all: Vec<(&'a str, &'a str)>, order: &[String]| -> Vec<Choice<'a>> {
        order
            .iter()
            .filter_map(|id| all.iter().find(|(i, _)| i == id))
            .map(|&(id, text)| Choice { id, text })
            .collect()
    };
    match q.body() {
        Body::SingleChoice { options, .. } | Body::MultipleChoice { options, .. } => {
            s.options =
                pick(options.iter().map(|o| (o.id.as_str(), o.text.as_str())).collect(), order);
        }
        Body::Ordering { items } => {
            s.options =
                pick(items.iter().map(|o| (o.id.as_str(), o.text.as_str())).collect(), order);
        }
        Body::Matching { left, right, .. } => {
            s.left = left.iter().map(|o| Choice { id: &o.id, text: &o.text }).collect();
            s.options =
                pick(right.iter().map(|o| (o.id.as_str(), o.text.as_str())).collect(), order);
        }
        Body::FillBlank { segments, .. } => s.segments = Some(segments),
        Body::Numeric { unit, .. } => s.unit = unit.as_deref(),
        Body::TwoPart { part_a, part_b, .. } => {
            s.part_a_prompt = Some(&part_a.prompt);
            s.part_b_prompt = Some(&part_b.prompt);
            s.options = pick(
                part_a.options.iter().map(|o| (o.id.as_str(), o.text.as_str())).collect(),
                order,
            );
            s.part_b = pick(
                part_b.options.iter().map(|o| (o.id.as_str(), o.quote.exact.as_str())).collect(),
                part_b_order,
            );
        }
        Body::TrueFalse { .. } | Body::Evidence { .. } => {}
    }
    s
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What a learner answered: one shape per question kind. */
export type Response =
  | { kind: "single_choice"; choice: string }
  | { kind: "multiple_choice"; choices: string[] }
  | { kind: "true_false"; value: boolean }
  | { kind: "fill_blank"; gaps: string[] }
  | { kind: "numeric"; value: number }
  | { kind: "ordering"; order: string[] }
  | { kind: "matching"; pairs: { left: string; right: string }[] }
  | { kind: "evidence"; sentences: string[] }
  | { kind: "two_part"; a: string; b: string };
export type Kind = Response["kind"];
export type Verdict = "correct" | "partial" | "wrong";
/** Offsets into the article's body text, in chars and in UTF-16 units (as the DOM counts). */
export interface Span { start: number; end: number; startUtf16: number; endUtf16: number }
export interface Citation {
  selector: { exact: string; prefix?: string; suffix?: string };
  span: Span; text: string; score: number; exact: boolean;
  sentences: string[]; paragraphs: string[];
}
export interface Choice { id: string; text: string }
/** A question as shown to the learner: options in this attempt's order, no answers. */
export interface ShownQuestion {
  id: string; kind: Kind; prompt: string; points: number; tags: string[]; hints: number;
  options?: Choice[]; left?: Choice[]; segments?: string[]; unit?: string;
  partAPrompt?: string; partBPrompt?: string; partB?: Choice[];
}
export interface Mark { key: string; correct: boolean; feedback: string | null }
export interface Feedback {
  questionId: string; verdict: Verdict; fraction: number; earned: number; maxPoints: number;
  triesUsed: number; triesLeft: number; canRetry: boolean; marks: Mark[]; feedback: string[];
  explanation: string | null; citations: Citation[]; hintsTaken: number;
}
export interface HintShown {
  questionId: string; index: number; text: string; penalty: number; hintsTaken: number; hintsLeft: number;
}
export interface QuestionState {
  id: string; triesUsed: number; triesLeft: number; hintsTaken: number; hintsLeft: number;
  lastResponse: Response | null; verdict: Verdict | null; earned: number; max: number; done: boolean;
}
export interface SessionResult {
  earned: number; max: number; percent: number; passed: boolean;
  byTag: { tag: string; earned: number; max: number; questions: number }[];
  questions: { id: string; prompt: string; kind: Kind; verdict: Verdict | null; earned: number; max: number;
    explanation: string; citations: Citation[]; answered: boolean }[];
  startedMs: number; finishedMs: number; durationMs: number;
}
export interface RestoreReport {
  kept: string[]; dropped: { id: string; reason: "removed" | "changed" }[]; added: string[];
}
/** Anki's four answer buttons. */
export type Rating = "again" | "hard" | "good" | "easy";
/** A question's spaced-review memory (FSRS-6). */
export interface MemoryState {
  id: string; hash: string; stability: number; difficulty: number;
  firstMs: number; lastMs: number; interval: number; reps: number; lapses: number;
  lastRating: Rating; retrievability: number; dueMs: number;
}
/** What `importProgress` did: questions whose newer memory it took, whether it took the attempt, what it left out. */
export interface ProgressImport { taken: string[]; attempt: "taken" | "kept"; report: MemoryReport }
/** What `loadMemory` left out, by question id; `unreadable` holds diagnostics. */
export interface MemoryReport {
  unreadable: Diagnostic[]; changed: string[]; removed: string[]; duplicates: string[];
}
/** A problem in a bank or article, with where it is and what to do. */
export interface Diagnostic {
  severity: "error" | "warning"; code: string; message: string; path: string;
  file?: string; question?: string; line?: number; column?: number; help?: string;
}
"#;

/// One attempt at a bank, driven from JS, and the learner's spaced-review
/// memory of the bank.
#[wasm_bindgen]
pub struct Quiz {
    session: Session,
    memory: Memory,
}

/// A card as the API hands it out: its fields, its probability of recall
/// now and when it is due.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MemoryView<'a> {
    id: &'a str,
    hash: &'a str,
    stability: f64,
    difficulty: f64,
    first_ms: f64,
    last_ms: f64,
    interval: u32,
    reps: u32,
    lapses: u32,
    last_rating: Rating,
    retrievability: f64,
    due_ms: f64,
}

fn memory_view(c: &Card, now: Now) -> MemoryView<'_> {
    MemoryView {
        id: &c.id,
        hash: &c.hash,
        stability: c.stability,
        difficulty: c.difficulty,
        first_ms: c.first_ms,
        last_ms: c.last_ms,
        interval: c.interval,
        reps: c.reps,
        lapses: c.lapses,
        last_rating: c.last_rating,
        retrievability: c.retrievability(now),
        due_ms: c.due_ms(now),
    }
}

/// The learner's clock: `now_ms` and their UTC offset, given (minutes east
/// of UTC) or else this environment's at that time.
fn learner_now(now_ms: f64, utc_offset_min: Option<f64>) -> Now {
    let offset = utc_offset_min
        .filter(|m| m.is_finite())
        .unwrap_or_else(|| -js_sys::Date::new(&JsValue::from_f64(now_ms)).get_timezone_offset());
    Now { ms: now_ms, utc_offset_min: offset }
}

fn report_view(r: &crate::review::LoadReport) -> MemoryReportView<'_> {
    MemoryReportView {
        unreadable: &r.unreadable,
        changed: &r.changed,
        removed: &r.removed,
        duplicates: &r.duplicates,
    }
}

#[derive(Serialize)]
struct MemoryReportView<'a> {
    unreadable: &'a [crate::diag::Diagnostic],
    changed: &'a [String],
    removed: &'a [String],
    duplicates: &'a [String],
}

#[wasm_bindgen]
impl Quiz {
    /// Loads a bank and its article (JSON text, UTF-8 bytes in a
    /// `Uint8Array`, or plain objects), or a compiled bank (`citequiz
    /// compile`) with `article` null, and starts an attempt. The same
    /// `seed` gives the same question and option order.
    ///
    /// Throws an `Error` listing every diagnostic (also as `error.diagnostics`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] bank: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object | null")]
        article: &JsValue,
        seed: f64,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
    ) -> Result<Quiz, JsValue> {
        let bank = load_bank(bank, article)?;
        // A JS number holds integers exactly up to 2^53; that is seed enough.
        let memory = Memory::new(bank.id());
        Ok(Quiz { session: Session::new(bank, seed as u64, now_ms), memory })
    }

    /// Restores an attempt from `snapshot()` text. Returns
    /// `{quiz, report: {kept, dropped, added}}`; throws when the snapshot is
    /// unreadable or for another bank.
    #[wasm_bindgen(unchecked_return_type = "{ quiz: Quiz; report: RestoreReport }")]
    pub fn restore(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] bank: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object | null")]
        article: &JsValue,
        snapshot: &str,
    ) -> Result<js_sys::Object, JsValue> {
        let bank = load_bank(bank, article)?;
        let (session, report) = Session::restore_json(bank, snapshot).map_err(|e| {
            js_error(&format!("saved progress could not be restored: {e}"), &[], None)
        })?;
        let out = js_sys::Object::new();
        let memory = Memory::new(session.bank().id());
        js_sys::Reflect::set(&out, &"quiz".into(), &Quiz { session, memory }.into())?;
        js_sys::Reflect::set(&out, &"report".into(), &to_js(&report)?)?;
        Ok(out)
    }

    /// The bank's id.
    #[wasm_bindgen(getter, js_name = bankId)]
    pub fn bank_id(&self) -> String {
        self.session.bank().id().to_string()
    }

    /// The bank's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.session.bank().title().to_string()
    }

    /// How many questions the attempt has.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.session.len()
    }

    /// The current position (0-based).
    #[wasm_bindgen(getter)]
    pub fn position(&self) -> usize {
        self.session.position()
    }

    /// Points earned so far.
    #[wasm_bindgen(getter)]
    pub fn earned(&self) -> f64 {
        self.session.earned_so_far()
    }

    /// The question at `position` as shown to the learner (options in this
    /// attempt's order, no answers), or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "ShownQuestion | undefined")]
    pub fn question(&self, position: usize) -> Result<JsValue, JsValue> {
        let Some(q) = self.session.question_at(position) else { return Ok(JsValue::UNDEFINED) };
        let order = self.session.option_order(q.id()).unwrap_or_default();
        to_js(&shown(q, &order.ids, &order.part_b))
    }

    /// Where the learner stands on a question: tries, hints, last response.
    #[wasm_bindgen(unchecked_return_type = "QuestionState | undefined")]
    pub fn state(&self, id: &str) -> Result<JsValue, JsValue> {
        self.session.state(id).map_or(Ok(JsValue::UNDEFINED), |v| to_js(&v))
    }

    /// Answers a question. `response` is `{kind, …}`, e.g.
    /// `{kind: "single_choice", choice: "b"}`. Returns the feedback.
    #[wasm_bindgen(unchecked_return_type = "Feedback")]
    pub fn answer(
        &mut self,
        id: &str,
        #[wasm_bindgen(unchecked_param_type = "Response")] response: JsValue,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let response: Response = serde_wasm_bindgen::from_value(response).map_err(|e| {
            let message = e.to_string();
            js_error(&cat(&["the response for \"", id, "\" is malformed: ", &message]), &[], None)
        })?;
        let feedback = self
            .session
            .handle_answer(id, response, now_ms)
            .map_err(|e| js_error(&e.to_string(), &[], None))?;
        to_js(&feedback)
    }

    /// Takes the question's next hint.
    #[wasm_bindgen(unchecked_return_type = "HintShown")]
    pub fn hint(&mut self, id: &str) -> Result<JsValue, JsValue> {
        let hint = self.session.handle_hint(id).map_err(|e| js_error(&e.to_string(), &[], None))?;
        to_js(&hint)
    }

    /// Moves to `position` (clamped); returns the new position.
    #[wasm_bindgen(js_name = goTo)]
    pub fn go_to(&mut self, position: usize) -> usize {
        self.session.go_to(position)
    }

    /// Moves to the next question; returns the new position.
    #[expect(
        clippy::should_implement_trait,
        reason = "JS calls it quiz.next(); Quiz is no iterator"
    )]
    pub fn next(&mut self) -> usize {
        self.session.next()
    }

    /// Moves to the previous question; returns the new position.
    pub fn prev(&mut self) -> usize {
        self.session.prev()
    }

    /// Ends the attempt (idempotent) and returns the result: score, pass,
    /// per-tag breakdown, and each question's verdict, explanation and
    /// citation spans.
    #[wasm_bindgen(unchecked_return_type = "SessionResult")]
    pub fn finish(
        &mut self,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.session.finish(now_ms))
    }

    /// The attempt as versioned JSON text, for `Quiz.restore`.
    pub fn snapshot(&self) -> String {
        self.session.snapshot_json()
    }

    // Spaced review (FSRS-6): the learner's memory of the bank, which the
    // host stores (`memory()`) and gives back (`loadMemory`). Times are
    // `nowMs`; `utcOffsetMin` (minutes east of UTC) says where the
    // learner's days begin, this environment's zone when omitted.

    /// Ids of the questions due at `nowMs`, most overdue first.
    #[wasm_bindgen(js_name = dueQuestions)]
    pub fn due_questions(
        &self,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
        #[wasm_bindgen(js_name = "utcOffsetMin")] utc_offset_min: Option<f64>,
    ) -> Vec<String> {
        self.memory.due(self.session.bank(), learner_now(now_ms, utc_offset_min))
    }

    /// A review's questions at `nowMs`: the due ones, most overdue first,
    /// then never-seen ones up to `newPerDay` a day.
    #[wasm_bindgen(js_name = reviewQueue)]
    pub fn review_queue(
        &self,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
        #[wasm_bindgen(js_name = "utcOffsetMin")] utc_offset_min: Option<f64>,
    ) -> Vec<String> {
        self.memory.queue(self.session.bank(), learner_now(now_ms, utc_offset_min))
    }

    /// The memory of question `id` at `nowMs`, or `undefined` when it was
    /// never rated.
    #[wasm_bindgen(js_name = memoryState, unchecked_return_type = "MemoryState | undefined")]
    pub fn memory_state(
        &self,
        id: &str,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
        #[wasm_bindgen(js_name = "utcOffsetMin")] utc_offset_min: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let now = learner_now(now_ms, utc_offset_min);
        self.memory.card(id).map_or(Ok(JsValue::UNDEFINED), |c| to_js(&memory_view(c, now)))
    }

    /// Applies a rating (`"again"`, `"hard"`, `"good"` or `"easy"`) to
    /// question `id` at `nowMs`; returns its memory after. A final answer's
    /// rating, as the widget gives it, is `ratingFor(feedback)`.
    #[wasm_bindgen(unchecked_return_type = "MemoryState")]
    pub fn rate(
        &mut self,
        id: &str,
        #[wasm_bindgen(unchecked_param_type = "Rating")] rating: &str,
        #[wasm_bindgen(js_name = "nowMs")] now_ms: f64,
        #[wasm_bindgen(js_name = "utcOffsetMin")] utc_offset_min: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let Some(rating) = Rating::from_name(rating) else {
            let m = cat(&["unknown rating \"", rating, "\": use again, hard, good or easy"]);
            return Err(js_error(&m, &[], None));
        };
        let bank = self.session.shared_bank();
        let Some(q) = bank.question(id) else {
            return Err(js_error(&cat(&["no question \"", id, "\" in this bank"]), &[], None));
        };
        let now = learner_now(now_ms, utc_offset_min);
        let card = self.memory.apply(q, rating, now);
        to_js(&memory_view(&card, now))
    }

    /// The rating the widget gives a question's answer: `"again"` for
    /// wrong, `"hard"` after a hint or another try or when partly right,
    /// `"good"` otherwise; `undefined` while another try is open. Takes the
    /// question's current state in this attempt.
    #[wasm_bindgen(js_name = ratingFor, unchecked_return_type = "Rating | undefined")]
    pub fn rating_for(&self, id: &str) -> JsValue {
        self.session
            .feedback(id)
            .and_then(|fb| crate::review::rating(&fb))
            .map_or(JsValue::UNDEFINED, |r| JsValue::from_str(r.name()))
    }

    /// New questions a review brings in per day (10 unless changed).
    #[wasm_bindgen(getter, js_name = newPerDay)]
    pub fn new_per_day(&self) -> u32 {
        self.memory.new_per_day()
    }

    /// Changes the daily limit of new questions.
    #[wasm_bindgen(setter, js_name = newPerDay)]
    pub fn set_new_per_day(&mut self, n: u32) {
        self.memory.set_new_per_day(n);
    }

    /// The memory as versioned JSON text (`citequiz-review/1`), to store.
    pub fn memory(&self) -> String {
        self.memory.to_json()
    }

    /// Everything the learner has on this bank as one versioned JSON text
    /// (`citequiz-progress/1`): the review memory, the daily limit and
    /// this attempt, to carry to another browser.
    #[wasm_bindgen(js_name = exportProgress)]
    pub fn export_progress(&self, #[wasm_bindgen(js_name = "nowMs")] now_ms: f64) -> String {
        crate::review::export(&self.memory, Some(&self.session.snapshot_json()), now_ms)
    }

    /// Merges a file from `exportProgress`: per question the memory
    /// reviewed last wins and none is lost; the attempt worked on last
    /// wins, whole. Throws, changing nothing, for another bank's file, a
    /// later format or a corrupt one.
    #[wasm_bindgen(js_name = importProgress, unchecked_return_type = "ProgressImport")]
    pub fn import_progress(&mut self, json: &str) -> Result<JsValue, JsValue> {
        let bank = self.session.shared_bank();
        let imported =
            crate::review::import(json, &bank).map_err(|e| js_error(&e.to_string(), &[], None))?;
        let ours = self.session.snapshot_json();
        let session = match &imported.attempt {
            Some(theirs) if crate::review::newer_attempt(theirs, &ours) => Some(
                Session::restore_json(bank, theirs)
                    .map_err(|e| js_error(&e.to_string(), &[], None))?
                    .0,
            ),
            _ => None,
        };
        let report = imported.report;
        let taken = self.memory.merge(imported.memory);
        let attempt = if session.is_some() { "taken" } else { "kept" };
        if let Some(s) = session {
            self.session = s;
        }
        #[derive(Serialize)]
        struct Done<'a> {
            taken: Vec<String>,
            attempt: &'static str,
            report: MemoryReportView<'a>,
        }
        to_js(&Done { taken, attempt, report: report_view(&report) })
    }

    /// Replaces the memory with one saved by `memory()`: records that
    /// cannot be used (unreadable, a question changed or removed, saved
    /// twice) are left out and listed; throws, changing nothing, when the
    /// text is not a memory of this bank in this format.
    #[wasm_bindgen(js_name = loadMemory, unchecked_return_type = "MemoryReport")]
    pub fn load_memory(&mut self, json: &str) -> Result<JsValue, JsValue> {
        let (memory, report) = Memory::from_json(json, self.session.bank())
            .map_err(|e| js_error(&e.to_string(), &[], None))?;
        self.memory = memory;
        to_js(&report_view(&report))
    }
}
