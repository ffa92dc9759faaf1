//! Spaced review in the widget: the learner's `review::Memory` of the bank
//! in `localStorage` (key `citequiz-review:` + bank id, so the self-study
//! page and every `<cite-quiz>` of the bank share it), and the bar that
//! shows how many questions are due, the Review button and the daily limit
//! of new questions. What is due, in which order, and each answer's rating
//! are the core's (`review`); this holds storage and the bar's DOM only.

use super::dom::{R, add, add_text, button, clear, el, flag, one, text};
use super::i18n::I18n;
use super::store::Store;
use crate::bank::{Bank, Question};
use crate::review::{Knowledge, Memory, Now, Rating, passages};
use crate::text::cat;
use web_sys::{Element, HtmlInputElement};

/// The learner's clock: now, and the UTC offset that says where days begin.
pub(crate) fn now() -> Now {
    let d = js_sys::Date::new_0();
    Now { ms: d.get_time(), utc_offset_min: -d.get_timezone_offset() }
}

/// The memory, its storage slot and its bar.
pub(crate) struct Reviews {
    store: Store,
    memory: Memory,
    /// "3 questions due for review" / "Nothing due for review".
    due: Element,
    /// The Review button.
    start: Element,
    /// The passage markers in the article pane, by paragraph id.
    markers: Vec<(String, Element)>,
}

/// The daily limit's input is found by this attribute.
pub(crate) const LIMIT_ATTR: &str = "data-review-limit";

/// The "Import progress" file input is found by this attribute.
pub(crate) const IMPORT_ATTR: &str = "data-import-progress";

impl Reviews {
    /// Loads the memory of `bank` and draws the bar into `parent`; a notice
    /// when saved memory had to be cleared in whole or in part.
    pub(crate) fn open(parent: &Element, bank: &Bank, i18n: &I18n) -> R<(Reviews, Option<String>)> {
        let mut store = Store::open(cat(&["citequiz-review:", bank.id()]));
        let (memory, notice) = load(&store, bank, i18n);
        if notice.is_some() {
            // What was cleared is cleared in storage too, not only on screen.
            store.put(&memory.to_json());
        }
        let t = i18n.t;
        let bar = add(parent, "div", "citequiz-reviewbar")?;
        let due = add(&bar, "p", "citequiz-due")?;
        let start = button(&bar, t.start_review, "review", "")?;
        // The settings a learner changes rarely, folded away: the bar itself
        // is the count and the button.
        let more = add(&bar, "details", "citequiz-review-settings")?;
        add_text(&more, "summary", "", t.review_settings)?;
        let label = add_text(&more, "label", "citequiz-limit", t.new_per_day)?;
        let input = add(&label, "input", "")?;
        input.set_attribute("type", "number")?;
        input.set_attribute("min", "0")?;
        input.set_attribute("max", "999")?;
        input.set_attribute("inputmode", "numeric")?;
        input.set_attribute(LIMIT_ATTR, "")?;
        input.set_attribute("value", &I18n::int(memory.new_per_day() as usize))?;
        button(&more, t.export_progress, "export-progress", "citequiz-link")?;
        let label = add_text(&more, "label", "citequiz-import", t.import_progress)?;
        let file = add(&label, "input", "")?;
        file.set_attribute("type", "file")?;
        file.set_attribute("accept", ".json,application/json")?;
        file.set_attribute(IMPORT_ATTR, "")?;
        Ok((Reviews { store, memory, due, start, markers: Vec::new() }, notice))
    }

    /// Reads the memory again (another tab or widget may have saved since).
    fn reload(&mut self, bank: &Bank, i18n: &I18n) {
        if self.store.load().is_some() {
            self.memory = load(&self.store, bank, i18n).0;
        }
    }

    fn save(&mut self) -> bool {
        self.store.put(&self.memory.to_json())
    }

    /// Records an answer's rating. False when storage failed now.
    pub(crate) fn apply(&mut self, q: &Question, rating: Rating, bank: &Bank, i18n: &I18n) -> bool {
        self.reload(bank, i18n);
        self.memory.apply(q, rating, now());
        self.save()
    }

    /// The progress file: this memory and the attempt `attempt`.
    pub(crate) fn export(&self, attempt: &str) -> String {
        crate::review::export(&self.memory, Some(attempt), now().ms)
    }

    /// Merges an imported memory (newer wins per question); the number of
    /// questions taken, and false when storage failed now.
    pub(crate) fn merge(&mut self, other: Memory, bank: &Bank, i18n: &I18n) -> (usize, bool) {
        self.reload(bank, i18n);
        let taken = self.memory.merge(other).len();
        (taken, self.save())
    }

    /// The learner changed the daily limit of new questions.
    pub(crate) fn set_limit(&mut self, input: &Element, bank: &Bank, i18n: &I18n) -> bool {
        let Some(input) = wasm_bindgen::JsCast::dyn_ref::<HtmlInputElement>(input) else {
            return true;
        };
        let n = input.value_as_number();
        if !n.is_finite() || n < 0.0 {
            return true;
        }
        self.reload(bank, i18n);
        self.memory.set_new_per_day(n.min(999.0) as u32);
        self.save()
    }

    /// The questions a review would ask now.
    pub(crate) fn queue(&self, bank: &Bank) -> Vec<String> {
        self.memory.queue(bank, now())
    }

    /// Redraws the bar's count and the button's state.
    pub(crate) fn refresh(&self, bank: &Bank, i18n: &I18n) -> R {
        let t = i18n.t;
        let now = now();
        let due = self.memory.due(bank, now).len();
        clear(&self.due);
        let line = if due > 0 {
            i18n.count(due as f64, &t.due_for_review)
        } else {
            let mut s = String::from(t.nothing_due);
            if let Some(next) = self.next_review(bank, i18n) {
                s.push_str(". ");
                s.push_str(&next);
            }
            s
        };
        self.due.set_text_content(Some(&line));
        let empty = due == 0 && self.memory.new_questions(bank, now).is_empty();
        flag(&self.start, "disabled", empty)
    }

    /// The questions of the passage `paragraph` (a paragraph id).
    pub(crate) fn passage_questions(&self, bank: &Bank, paragraph: &str) -> Vec<String> {
        passages(bank, &self.memory, now())
            .into_iter()
            .find(|p| p.paragraph == paragraph)
            .map(|p| p.questions)
            .unwrap_or_default()
    }

    /// Marks each cited paragraph of the article pane `article` with how
    /// well the learner knows its questions (in words, with a shape, never
    /// by colour alone), and a "Practise this passage" button. A marker is
    /// a sibling before its `<p>`, whose text stays the paragraph's own.
    pub(crate) fn show_passages(&mut self, article: &Element, bank: &Bank, i18n: &I18n) -> R {
        let t = i18n.t;
        for p in passages(bank, &self.memory, now()) {
            let found = self.markers.iter().find(|(id, _)| *id == p.paragraph);
            let marker = match found {
                Some((_, m)) => m.clone(),
                None => {
                    let selector = cat(&["p[data-p=\"", &p.paragraph, "\"]"]);
                    let Some(pe) = one(article, &selector) else { continue };
                    let Some(doc) = pe.owner_document() else { continue };
                    let m = el(&doc, "div", "citequiz-passage")?;
                    pe.before_with_node_1(&m)?;
                    self.markers.push((p.paragraph.clone(), m.clone()));
                    m
                }
            };
            let (label, icon, state) = match p.knowledge {
                Knowledge::NotAsked => (t.passage_not_asked, "\u{25CB}", "not-asked"),
                Knowledge::Shaky => (t.passage_shaky, "\u{25D0}", "shaky"),
                Knowledge::Known => (t.passage_known, "\u{25CF}", "known"),
            };
            clear(&marker);
            marker.set_attribute("data-knowledge", state)?;
            let line = add(&marker, "span", "citequiz-passage-state")?;
            add_text(&line, "span", "", icon)?.set_attribute("aria-hidden", "true")?;
            text(&line, label)?;
            let b = button(&marker, t.practise_passage, "practise", "citequiz-link")?;
            b.set_attribute("data-passage", &p.paragraph)?;
        }
        Ok(())
    }

    /// "Next review: tomorrow", "in 3 days"; None when nothing was reviewed.
    pub(crate) fn next_review(&self, bank: &Bank, i18n: &I18n) -> Option<String> {
        let t = i18n.t;
        let days = self.memory.next_due_in_days(bank, now())?;
        Some(match days {
            0 => String::from(t.next_review_today),
            1 => String::from(t.next_review_tomorrow),
            n => i18n.count(n as f64, &t.next_review_in),
        })
    }
}

/// The saved memory of `bank`, and a notice when some or all of it was
/// cleared. Memory that cannot be read at all is set aside (kept under
/// another key); cards that cannot be used are dropped, the rest kept.
fn load(store: &Store, bank: &Bank, i18n: &I18n) -> (Memory, Option<String>) {
    let t = i18n.t;
    let Some(text) = store.load() else { return (Memory::new(bank.id()), None) };
    match Memory::from_json(&text, bank) {
        Ok((memory, report)) => {
            let dropped = report.dropped();
            let notice = (dropped > 0).then(|| i18n.count(dropped as f64, &t.review_cleared));
            (memory, notice)
        }
        Err(_) => {
            store.set_aside(&text);
            (Memory::new(bank.id()), Some(String::from(t.review_set_aside)))
        }
    }
}
