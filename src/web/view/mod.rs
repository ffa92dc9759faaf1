//! The web-sys view: what a learner sees and clicks.
//!
//! `View` owns the session and the DOM it made; `Widget` (in `widget.rs`)
//! owns the `View` and the event listeners. The view holds no quiz logic: it
//! reads the session's getters, passes the learner's inputs to its
//! `handle_*` methods, and shows what comes back.
//!
//! The widget is one `<div class="citequiz">`: a header, a notice area
//! (`role="status"`), the article pane (rendered once; see `article.rs`) and
//! the quiz pane, whose body (progress, question, hints, actions), live
//! feedback region (`aria-live="polite"`) and navigation are re-rendered per
//! action. Events are delegated: three listeners on the root dispatch on
//! `data-action`, `data-s` (article sentences) and the inputs.
//!
//! Two modes: practice (feedback at each Check, tries as the bank says) and
//! exam (no Check, no hints, no verdict: answers stay editable drafts until
//! Finish, which submits each once, then the results show everything).
//!
//! What happens to the learner leaves the view in one place, `emit`: a
//! `citequiz:answered` and a `citequiz:completed` `CustomEvent` on the
//! widget's root, bubbling and composed (so it crosses a shadow root).
//!
//! Invariants: bank and article text reaches the DOM only as text nodes; UI
//! text comes only from `i18n`; nothing here looks anything up in the
//! document (the widget may live in a shadow root): every query starts at
//! the widget's own root, but for the host page's reading, an element the
//! page hands over (`Options::article_in`), which `host` reads and never
//! writes.

mod article;
mod dom;
mod host;
pub(crate) mod i18n;
mod panel;
mod question;
mod review;
mod store;

use crate::bank::{Bank, Body, Citation, Question};
use crate::grade::{Response, Verdict};
use crate::session::{Feedback, OptionOrder, Session};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, KeyboardEvent, Node, ScrollLogicalPosition,
};

use crate::text::cat;
use article::ArticlePane;
use dom::{R, add, add_text, button, clear, clear_host, data, flag, focus, is_web_url, one, text};
use i18n::{I18n, Strings, fill};
use store::{Drafts, Store};

pub(crate) use panel::{DiagLine, error_panel, fetch_error_panel, load_error};
pub(crate) use review::IMPORT_ATTR;

/// How answers are marked.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) enum Mode {
    /// Feedback at each Check; tries as the bank says.
    #[default]
    Practice,
    /// No feedback until Finish; one try per question, answers editable until then.
    Exam,
}

/// Mount options, from the JS options object.
#[derive(Default)]
pub(crate) struct Options {
    /// The localStorage key; None for the default, "citequiz:" + bank id.
    pub(crate) storage_key: Option<String>,
    /// The seed; None to draw one.
    pub(crate) seed: Option<u64>,
    /// Whether to render the article pane.
    pub(crate) show_article: bool,
    /// Practice or exam.
    pub(crate) mode: Mode,
    /// Draw this many questions; None for all.
    pub(crate) pool: Option<usize>,
    /// Only questions with one of these tags; empty for all.
    pub(crate) tags: Vec<String>,
    /// A BCP 47 language tag; None for the browser's.
    pub(crate) lang: Option<String>,
    /// Who the xAPI statements are about; anonymous when the host says nothing.
    pub(crate) actor: Option<crate::xapi::Actor>,
    /// The bank's activity IRI (its URL, as a rule); questions are `#id` under it.
    pub(crate) activity: Option<String>,
    /// Whether checked answers update the learner's spaced-review memory
    /// and the review bar shows (default on; `review: false` turns it off).
    pub(crate) review: bool,
    /// The host page's element holding the reading (`articleIn`): the
    /// citations are anchored and highlighted there (see `host.rs`).
    pub(crate) article_in: Option<Element>,
}

/// A version 4 UUID for a statement or a registration: the browser's
/// `crypto.randomUUID()`, or one from `Math.random()` where that is missing
/// (an insecure context).
fn uuid() -> String {
    let from_crypto =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok().and_then(|c| {
            let f = js_sys::Reflect::get(&c, &JsValue::from_str("randomUUID")).ok()?;
            f.dyn_ref::<js_sys::Function>()?.call0(&c).ok()?.as_string()
        });
    from_crypto.unwrap_or_else(|| {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
            .chars()
            .map(|c| {
                let r = (js_sys::Math::random() * 16.0) as usize & 15;
                match c {
                    'x' => char::from(HEX[r]),
                    'y' => char::from(HEX[(r & 3) | 8]),
                    c => c,
                }
            })
            .collect()
    })
}

/// Now, as ISO 8601 in UTC (`2026-11-30T10:00:00.000Z`).
fn iso_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Counts mounts, so that radio group names are unique on a page that
/// mounts the widget twice.
static MOUNTS: AtomicU32 = AtomicU32::new(0);

/// The `kind` under which `View::handle` takes a click in the host's
/// reading.
pub(crate) const HOST_CLICK: &str = "host-click";

/// Whether the console has been told that the browser cannot highlight
/// the host's reading (said once per page).
static NO_HIGHLIGHTS: AtomicBool = AtomicBool::new(false);

fn now() -> f64 {
    js_sys::Date::now()
}

/// A seed from `Math.random()`: 53 random bits are plenty for an order.
pub(crate) fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The mounted view.
pub(crate) struct View {
    root: Element,
    notice: Element,
    panes: Element,
    article: Option<ArticlePane>,
    /// The host page's reading, when the citations are shown there; the
    /// article pane then stays hidden but for evidence questions and the
    /// citations that did not anchor in the host's text.
    host: Option<host::HostReading>,
    body: Element,
    live: Element,
    nav: Element,
    session: Session,
    drafts: Drafts,
    /// The learner pressed "Try again": the current question shows empty
    /// inputs rather than its last response.
    retrying: bool,
    store: Store,
    /// Spaced review: the learner's memory and its bar; None when off.
    reviews: Option<review::Reviews>,
    /// A fresh session not saved yet (see `save_if_unsaved`).
    unsaved: bool,
    /// The prefix of this mount's radio group names.
    name: String,
    i18n: I18n,
    mode: Mode,
    pool: Option<usize>,
    tags: Vec<String>,
    /// Who the xAPI statements are about.
    actor: crate::xapi::Actor,
    /// The bank's activity IRI.
    activity: String,
    /// This attempt's xAPI registration.
    registration: String,
    /// The question on screen and when it was first shown, for durations.
    shown: (String, f64),
}

impl View {
    /// Renders the widget for a loaded bank into `host` (an element, or a
    /// shadow root: the `<style>` and `<link>` children it holds are kept),
    /// restoring saved progress.
    pub(crate) fn mount(host: &Node, bank: Bank, opts: Options) -> R<View> {
        let doc = host.owner_document().ok_or_else(|| JsValue::from_str("host is detached"))?;
        let i18n = I18n::new(opts.lang.as_deref());
        let key = opts.storage_key.unwrap_or_else(|| cat(&["citequiz:", bank.id()]));
        let store = Store::open(key);
        let bank = Rc::new(bank);
        let restored = store::restore(&store, &bank, &i18n);
        let fresh = restored.session.is_none();
        let session = restored.session.unwrap_or_else(|| {
            let seed = opts.seed.unwrap_or_else(random_seed);
            Session::with_pool(bank, seed, now(), opts.pool, &opts.tags)
        });
        let t = i18n.t;

        clear_host(host);
        let root = dom::el(&doc, "div", "citequiz")?;
        root.set_attribute("lang", &i18n.tag)?;
        if opts.mode == Mode::Exam {
            root.class_list().add_1("citequiz-exam")?;
        }
        header(&root, session.bank(), &i18n)?;
        let notice = add(&root, "div", "citequiz-notice")?;
        notice.set_attribute("role", "status")?;
        let panes = add(&root, "div", "citequiz-panes")?;
        let reading = opts.article_in.as_ref().and_then(|el| {
            if host::registry().is_some() {
                return Some(host::HostReading::new(el, session.bank()));
            }
            if !NO_HIGHLIGHTS.swap(true, Ordering::Relaxed) {
                web_sys::console::warn_1(&JsValue::from_str(
                    "citequiz: this browser has no CSS Custom Highlight API (CSS.highlights): \
                     the quiz shows its own copy of the article instead of highlighting the page's",
                ));
            }
            None
        });
        let article = if opts.show_article || reading.is_some() {
            let pane = ArticlePane::render(&doc, session.bank().article(), t)?;
            panes.append_child(&pane.el)?;
            Some(pane)
        } else {
            panes.class_list().add_1("citequiz-no-article")?;
            None
        };
        let quiz = add(&panes, "section", "citequiz-quiz")?;
        quiz.set_attribute("aria-label", t.quiz)?;
        let (reviews, review_notice) = if opts.review {
            let (r, notice) = review::Reviews::open(&quiz, session.bank(), &i18n)?;
            (Some(r), notice)
        } else {
            (None, None)
        };
        let body = add(&quiz, "div", "citequiz-body")?;
        let live = add(&quiz, "div", "citequiz-feedback")?;
        live.set_attribute("aria-live", "polite")?;
        let nav = add(&quiz, "nav", "citequiz-nav")?;
        nav.set_attribute("aria-label", t.quiz_navigation)?;

        let n = MOUNTS.fetch_add(1, Ordering::Relaxed);
        let mut name = String::from("citequiz");
        name.push_str(&I18n::int(n as usize));
        let mut view = View {
            root,
            notice,
            panes,
            article,
            host: reading,
            body,
            live,
            nav,
            session,
            drafts: restored.drafts,
            retrying: false,
            store,
            reviews,
            unsaved: false,
            name,
            i18n,
            mode: opts.mode,
            pool: opts.pool,
            tags: opts.tags,
            actor: opts.actor.unwrap_or_else(crate::xapi::Actor::anonymous),
            activity: String::new(),
            registration: uuid(),
            shown: (String::new(), now()),
        };
        view.activity = opts.activity.unwrap_or_else(|| {
            cat(&["https://citequiz.invalid/banks/", &crate::xapi::iri_escape(view.bank().id())])
        });
        if let Some(msg) = restored.notice {
            view.notify(&msg)?;
        } else if !fresh && (view.session.answered_count() > 0 || view.session.position() > 0) {
            view.notify(t.welcome_back)?;
        }
        if let Some(msg) = review_notice {
            view.notify(&msg)?;
        }
        if view.exam() && !view.session.is_finished() {
            view.notify(t.exam_notice)?;
        }
        if !view.store.works() {
            view.notify(t.no_storage)?;
        }
        view.render()?;
        if let (Some(r), Some(a)) = (&mut view.reviews, &view.article) {
            r.show_passages(&a.el, view.session.bank(), &view.i18n)?;
        }
        // A fresh session is saved right after the first question shows
        // (`save_if_unsaved`, called by the widget from a timer), so that a
        // reload finds the same drawn pool and order even before the first
        // answer, without the save delaying that question.
        view.unsaved = fresh;
        host.append_child(&view.root)?;
        view.report_anchors();
        Ok(view)
    }

    /// Reports, once each, the citations that did not anchor exactly in
    /// the host's reading: on the console and as `citequiz:anchor-failed`.
    fn report_anchors(&self) {
        let Some(h) = &self.host else { return };
        for (detail, msg) in h.failures() {
            web_sys::console::warn_1(&JsValue::from_str(&msg));
            self.emit_detail("anchor-failed", &detail);
        }
    }

    /// Every citation's anchoring in the host's reading, or None when the
    /// widget shows no host reading.
    pub(crate) fn host_anchors(&self) -> Option<JsValue> {
        self.host.as_ref().map(host::HostReading::anchors)
    }

    /// The host page's element holding the reading, when there is one.
    pub(crate) fn host_reading(&self) -> Option<Element> {
        self.host.as_ref().map(|h| h.el.clone())
    }

    /// A click in the host's reading: while an evidence question takes
    /// answers, toggles the sentence clicked (in the pane's list, which
    /// says what is selected). A click on a link is the link's.
    fn host_click(&mut self, ev: &Event) -> R {
        if !self.evidence_active() {
            return Ok(());
        }
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        if target.and_then(|t| t.closest("a[href]").ok().flatten()).is_some() {
            return Ok(());
        }
        let num = |k: &str| js_sys::Reflect::get(ev, &k.into()).ok().and_then(|v| v.as_f64());
        let (Some(x), Some(y)) = (num("clientX"), num("clientY")) else { return Ok(()) };
        let bank = self.session.shared_bank();
        let Some(h) = &mut self.host else { return Ok(()) };
        let Some(id) = h.sentence_at(x, y, bank.article()) else { return Ok(()) };
        let selector = cat(&["[data-s=\"", &id, "\"]"]);
        match self.article.as_ref().and_then(|a| one(&a.el, &selector)) {
            Some(se) => self.toggle_sentence(&se),
            None => Ok(()),
        }
    }

    /// Removes the widget's highlight from the host page, if it shows one.
    pub(crate) fn clear_host_highlight(&mut self) {
        if let Some(h) = &mut self.host {
            h.clear();
        }
    }

    /// With a host reading, shows or hides the widget's own article pane.
    fn show_pane(&self, on: bool) -> R {
        let Some(a) = self.article.as_ref().filter(|_| self.host.is_some()) else { return Ok(()) };
        flag(&a.el, "hidden", !on)?;
        let classes = self.panes.class_list();
        if on {
            classes.remove_1("citequiz-no-article")
        } else {
            classes.add_1("citequiz-no-article")
        }
    }

    /// Saves a fresh session that nothing has saved yet.
    pub(crate) fn save_if_unsaved(&mut self) -> R {
        if self.unsaved { self.save() } else { Ok(()) }
    }

    /// The widget's root element.
    pub(crate) fn root(&self) -> &Element {
        &self.root
    }

    /// Another tab saved progress for the same quiz (a `storage` event for
    /// `key`; None when that tab cleared all storage): the newer state wins.
    /// This tab adopts it rather than writing over it, so the two never
    /// interleave their saves into a state neither had. When the other tab
    /// started over, this one does too, without saving: a save here would
    /// bounce back as an event there.
    pub(crate) fn on_storage(&mut self, key: Option<&str>) -> R {
        if key.is_some_and(|k| k != self.store.key()) {
            return Ok(());
        }
        let restored = store::restore(&self.store, &self.session.shared_bank(), &self.i18n);
        match restored.session {
            Some(session) => {
                self.session = session;
                self.drafts = restored.drafts;
            }
            None => {
                self.session = self.new_session(random_seed());
                self.drafts.clear();
            }
        }
        self.retrying = false;
        self.render()?;
        clear(&self.notice);
        self.notify(restored.notice.as_deref().unwrap_or(self.i18n.t.synced))
    }

    fn notify(&self, msg: &str) -> R {
        add_text(&self.notice, "p", "", msg).map(|_| ())
    }

    fn bank(&self) -> &Bank {
        self.session.bank()
    }

    fn exam(&self) -> bool {
        self.mode == Mode::Exam
    }

    /// A fresh session over the configured pool.
    fn new_session(&self, seed: u64) -> Session {
        Session::with_pool(self.session.shared_bank(), seed, now(), self.pool, &self.tags)
    }

    fn save(&mut self) -> R {
        self.unsaved = false;
        if !self.store.save(&self.session, &self.drafts) {
            self.notify(self.i18n.t.no_storage)?;
        }
        Ok(())
    }

    /// Tells the page what happened: a `CustomEvent` named `citequiz:` +
    /// `kind`, dispatched on the widget's root, bubbling and composed so a
    /// listener on the document sees it even from inside a shadow root, with
    /// `json` (JSON text) parsed into plain objects in `detail`. The one
    /// place the view reports "answered" and "completed".
    fn emit(&self, kind: &str, json: &str) {
        self.emit_detail(kind, &super::json_to_js(json).unwrap_or(JsValue::NULL));
    }

    /// `emit` with a detail that is a JS value already.
    fn emit_detail(&self, kind: &str, detail: &JsValue) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        let name = cat(&["citequiz:", kind]);
        match CustomEvent::new_with_event_init_dict(&name, &init) {
            Ok(ev) => {
                if let Err(e) = self.root.dispatch_event(&ev) {
                    log(&e);
                }
            }
            Err(e) => log(&e),
        }
    }

    /// What every statement of this attempt shares, with a fresh id and time.
    fn statement_context(&self) -> crate::xapi::Context {
        crate::xapi::Context {
            activity_base: self.activity.clone(),
            registration: Some(self.registration.clone()),
            timestamp: iso_now(),
            id: uuid(),
            lang: self.bank().language().unwrap_or("en").to_string(),
        }
    }

    /// `citequiz:answered`, whose detail is the xAPI "answered" statement.
    fn emit_answered(&self, question_id: &str, response: &Response, feedback: &Feedback) {
        let Some(q) = self.bank().question(question_id) else { return };
        let spent = if self.shown.0 == question_id { now() - self.shown.1 } else { 0.0 };
        let ctx = self.statement_context();
        let stmt =
            crate::xapi::answered(self.bank(), q, response, feedback, spent, &self.actor, &ctx);
        self.emit("answered", &stmt);
    }

    /// `citequiz:passed` or `citequiz:failed`, then `citequiz:completed`,
    /// each with its xAPI statement as detail.
    fn emit_completed(&self, result: &crate::session::SessionResult) {
        let ctx = self.statement_context();
        let [done, verdict] = crate::xapi::completed(self.bank(), result, &self.actor, &ctx);
        self.emit(if result.passed { "passed" } else { "failed" }, &verdict);
        self.emit("completed", &done);
    }

    /// Renders the quiz pane for where the session stands.
    fn render(&mut self) -> R {
        let t = self.i18n.t;
        clear(&self.body);
        clear(&self.live);
        clear(&self.nav);
        if let Some(r) = &self.reviews {
            r.refresh(self.session.bank(), &self.i18n)?;
        }
        if let Some(a) = &mut self.article {
            a.highlight(self.session.bank().article(), None)?;
        }
        self.clear_host_highlight();
        // With a host reading, the pane shows only to pick sentences.
        let evidence = !self.session.is_finished()
            && self
                .session
                .current_question()
                .is_some_and(|q| matches!(q.body(), Body::Evidence { .. }));
        self.show_pane(evidence)?;
        if self.session.is_finished() {
            if let Some(a) = &mut self.article {
                a.set_evidence(false, &[], Vec::new())?;
            }
            return self.render_results();
        }
        let Some(q) = self.session.current_question().cloned() else {
            add_text(&self.body, "p", "", t.no_questions)?;
            return Ok(());
        };
        if self.shown.0 != q.id() {
            self.shown = (q.id().to_string(), now());
        }
        let Some(state) = self.session.state(q.id()) else { return Ok(()) };
        let exam = self.exam();
        let editing = !state.done && (state.last_response.is_none() || (self.retrying && !exam));
        let pos = self.session.position();
        let total = self.session.len();

        // Progress: points so far, or in an exam how many are answered.
        let progress = add(&self.body, "div", "citequiz-progress")?;
        let label = fill(t.question_of, &[&I18n::int(pos + 1), &I18n::int(total)]);
        let line = add(&progress, "p", "")?;
        add_text(&line, "span", "citequiz-position", &label)?;
        text(&line, " ")?;
        let tally = if exam {
            fill(t.answered_of, &[&I18n::int(self.answered_in_exam()), &I18n::int(total)])
        } else {
            self.i18n.count(self.session.earned_so_far(), &t.points_so_far)
        };
        add_text(&line, "span", "citequiz-points", &tally)?;
        let bar = add(&progress, "progress", "")?;
        bar.set_attribute("max", &I18n::int(total))?;
        bar.set_attribute("value", &I18n::int(pos + 1))?;
        bar.set_attribute("aria-label", &label)?;

        // The question.
        let fs = add(&self.body, "fieldset", "citequiz-question")?;
        fs.set_attribute("data-q", q.id())?;
        fs.set_attribute("data-kind", q.kind().name())?;
        let legend = add(&fs, "legend", "")?;
        let h = add_text(&legend, "h2", "citequiz-prompt", q.prompt())?;
        h.set_attribute("tabindex", "-1")?;
        let order = self
            .session
            .option_order(q.id())
            .unwrap_or(OptionOrder { ids: Vec::new(), part_b: Vec::new() });
        question::render_inputs(&fs, &q, &order, &self.name, editing, t)?;

        let shown =
            if editing { self.drafts.get(q.id()).cloned() } else { state.last_response.clone() };
        if let Some(r) = &shown {
            question::fill(&fs, r)?;
        }
        // An exam shows no verdict before Finish.
        let fb = if editing || exam { None } else { self.session.feedback(q.id()) };
        if !editing {
            question::disable(&fs)?;
            if let Some(fb) = &fb {
                question::apply_marks(&fs, &q, &fb.marks)?;
            }
        }
        if let Some(a) = &mut self.article {
            let is_evidence = matches!(q.body(), Body::Evidence { .. });
            let selected = match (&shown, is_evidence) {
                (Some(Response::Evidence { sentences }), true) => sentences.clone(),
                _ => Vec::new(),
            };
            let graded = match (&fb, is_evidence) {
                (Some(fb), true) => fb.marks.iter().map(|m| (m.key.clone(), m.correct)).collect(),
                _ => Vec::new(),
            };
            a.set_evidence(editing && is_evidence, &selected, graded)?;
            question::show_count(&fs, a.selected_count(), &self.i18n);
        }

        // Hints taken, with what they cost.
        if state.hints_taken > 0 {
            let list = add(&self.body, "ol", "citequiz-hints")?;
            list.set_attribute("aria-label", t.hints)?;
            for (i, hint) in q.hints().iter().take(state.hints_taken as usize).enumerate() {
                let li = add(&list, "li", "")?;
                li.set_attribute("tabindex", "-1")?;
                let head = fill(t.hint_n, &[&I18n::int(i + 1), &self.i18n.penalty(hint.penalty)]);
                add_text(&li, "strong", "", &head)?;
                text(&li, &hint.text)?;
            }
        }

        // Actions: none in an exam, where answers are kept as they are given.
        let actions = add(&self.body, "div", "citequiz-actions")?;
        if editing && !exam {
            button(&actions, t.check, "check", "citequiz-primary")?;
        } else if fb.as_ref().is_some_and(|f| f.can_retry) {
            button(&actions, t.try_again, "retry", "citequiz-primary")?;
        }
        // No hint control for a question without hints: a disabled button
        // would offer nothing.
        if !state.done && !exam && !q.hints().is_empty() {
            let next_hint = q.hints().get(state.hints_taken as usize);
            let label = match next_hint {
                Some(h) => fill(t.hint_cost, &[&self.i18n.penalty(h.penalty)]),
                None => String::from(t.hint_none_left),
            };
            let b = button(&actions, &label, "hint", "")?;
            flag(&b, "disabled", next_hint.is_none())?;
        }
        if let Some(fb) = &fb {
            self.render_feedback(&q, fb)?;
        }

        // Navigation.
        let prev = button(&self.nav, t.previous, "prev", "")?;
        flag(&prev, "disabled", pos == 0)?;
        let next = button(&self.nav, t.next, "next", "")?;
        flag(&next, "disabled", pos + 1 >= total)?;
        let class = if pos + 1 >= total { "citequiz-primary" } else { "" };
        button(&self.nav, t.finish, "finish", class)?;
        Ok(())
    }

    /// In an exam, recounts the answered questions after an input.
    fn update_tally(&self) {
        if !self.exam() {
            return;
        }
        if let Some(e) = one(&self.body, ".citequiz-points") {
            let n = I18n::int(self.answered_in_exam());
            let tally = fill(self.i18n.t.answered_of, &[&n, &I18n::int(self.session.len())]);
            e.set_text_content(Some(&tally));
        }
    }

    /// In an exam, the questions with an answer kept (a draft, or a try
    /// from before).
    fn answered_in_exam(&self) -> usize {
        self.session
            .question_ids()
            .iter()
            .filter(|id| {
                self.drafts.get(id).is_some()
                    || self.session.state(id).is_some_and(|s| s.last_response.is_some())
            })
            .count()
    }

    /// Shows a feedback in the live region.
    fn render_feedback(&self, q: &Question, fb: &Feedback) -> R {
        let t = self.i18n.t;
        let (word, class) = verdict_words(Some(fb.verdict), t);
        let p = add(&self.live, "p", class)?;
        p.set_attribute("tabindex", "-1")?;
        add_text(&p, "strong", "", word)?;
        text(&p, " \u{2014} ")?;
        text(&p, &self.i18n.points_of(fb.earned, fb.max_points))?;
        if fb.can_retry {
            text(&p, ". ")?;
            text(&p, &self.i18n.count(f64::from(fb.tries_left), &t.tries_left))?;
        }
        if !fb.feedback.is_empty() {
            let ul = add(&self.live, "ul", "citequiz-said")?;
            for f in &fb.feedback {
                add_text(&ul, "li", "", f)?;
            }
        }
        if let Some(expl) = &fb.explanation {
            let why = add(&self.live, "div", "citequiz-why")?;
            add_text(&why, "h3", "", t.why)?;
            add_text(&why, "p", "", expl)?;
            self.citations(&why, q.id(), &fb.citations)?;
        }
        Ok(())
    }

    /// Each citation as a blockquote with "Show in article".
    fn citations(&self, parent: &Element, qid: &str, cites: &[Citation]) -> R {
        for (i, c) in cites.iter().enumerate() {
            let fig = add(parent, "figure", "citequiz-cite")?;
            let bq = add(&fig, "blockquote", "")?;
            add_text(&bq, "p", "", c.text())?;
            if self.article.is_some() {
                let b = button(&fig, self.i18n.t.show_in_article, "show-cite", "citequiz-link")?;
                b.set_attribute("data-q", qid)?;
                b.set_attribute("data-i", &I18n::int(i))?;
            }
        }
        Ok(())
    }

    fn render_results(&mut self) -> R {
        let t = self.i18n.t;
        let r = self.session.finish(now());
        let box_ = add(&self.body, "div", "citequiz-results")?;
        let h = add_text(&box_, "h2", "", t.results)?;
        h.set_attribute("tabindex", "-1")?;
        let mut score = self.i18n.points_of(r.earned, r.max);
        score.push_str(", ");
        score.push_str(&self.i18n.percent(r.percent));
        add_text(&box_, "p", "citequiz-score", &score)?;
        let pass = fill(t.pass_mark, &[&self.i18n.percent(self.bank().pass_percent())]);
        let verdict = if r.passed { t.passed } else { t.not_passed };
        let p = add(&box_, "p", if r.passed { "citequiz-pass passed" } else { "citequiz-pass" })?;
        add_text(&p, "strong", "", verdict)?;
        text(&p, &pass)?;
        text(&self.live, &fill(t.finished_live, &[&score, verdict]))?;
        if let Some(next) =
            self.reviews.as_ref().and_then(|r| r.next_review(self.bank(), &self.i18n))
        {
            add_text(&box_, "p", "citequiz-next-review", &next)?;
        }

        if !r.by_tag.is_empty() {
            let table = add(&box_, "table", "citequiz-tags")?;
            add_text(&table, "caption", "", t.by_tag)?;
            let tr = add(&add(&table, "thead", "")?, "tr", "")?;
            for head in [t.tag, t.points, t.of] {
                add_text(&tr, "th", "", head)?.set_attribute("scope", "col")?;
            }
            let tbody = add(&table, "tbody", "")?;
            for tag in &r.by_tag {
                let tr = add(&tbody, "tr", "")?;
                add_text(&tr, "th", "", &tag.tag.replace('-', " "))?
                    .set_attribute("scope", "row")?;
                add_text(&tr, "td", "", &self.i18n.num(tag.earned))?;
                add_text(&tr, "td", "", &self.i18n.num(tag.max))?;
            }
        }

        add_text(&box_, "h3", "", t.review)?;
        let ol = add(&box_, "ol", "citequiz-review")?;
        for qr in &r.questions {
            let (word, class) = verdict_words(qr.verdict, t);
            let li = add(&ol, "li", class)?;
            add_text(&li, "p", "citequiz-prompt", &qr.prompt)?;
            let v = add(&li, "p", "citequiz-verdict-line")?;
            add_text(&v, "strong", "", if qr.answered { word } else { t.not_answered })?;
            text(&v, &cat(&[" \u{2014} ", &self.i18n.points_of(qr.earned, qr.max)]))?;
            add_text(&li, "p", "", &qr.explanation)?;
            self.citations(&li, &qr.id, &qr.citations)?;
        }

        if let Some(a) = &self.article {
            let reread = crate::review::to_reread(self.bank(), &r);
            if !reread.is_empty() {
                add_text(&box_, "h3", "", t.to_reread)?;
                let ul = add(&box_, "ul", "citequiz-reread")?;
                for id in &reread {
                    let li = add(&ul, "li", "")?;
                    let n = id.trim_start_matches('p');
                    let b =
                        button(&li, &fill(t.paragraph_n, &[n]), "show-passage", "citequiz-link")?;
                    b.set_attribute("data-passage", id)?;
                    text(&li, " ")?;
                    add_text(&li, "span", "citequiz-reread-start", &a.paragraph_start(id))?;
                }
            }
        }
        let missed = r.questions.iter().any(|q| q.verdict != Some(Verdict::Correct));
        if missed {
            button(&self.nav, t.retry_missed, "retry-missed", "citequiz-primary")?;
        }
        button(&self.nav, t.start_over, "start-over", "")?;
        Ok(())
    }

    /// The current question while it takes answers, else None.
    fn editing_question(&self) -> Option<Question> {
        if self.session.is_finished() {
            return None;
        }
        let q = self.session.current_question()?;
        let st = self.session.state(q.id())?;
        let retrying = self.retrying && !self.exam();
        (!st.done && (st.last_response.is_none() || retrying)).then(|| q.clone())
    }

    /// Copies what the learner is composing into the drafts.
    fn sync_draft(&mut self) {
        let Some(q) = self.editing_question() else { return };
        let evidence = match &self.article {
            Some(a) => a.selection(self.session.bank().article()),
            None => Vec::new(),
        };
        match question::collect(&self.body, &q, evidence) {
            Some(r) => self.drafts.insert(q.id(), r),
            None => self.drafts.remove(q.id()),
        };
    }

    fn focus_first(&self, selector: &str) {
        if let Some(e) = one(&self.root, selector) {
            focus(&e);
        }
    }

    /// With a host reading, highlights citation `i` of `qid` there and
    /// returns true; false when the widget's own pane is to show it (no
    /// host reading, or the citation is not in it: the pane is shown).
    fn show_in_host(&mut self, qid: &str, i: usize) -> R<bool> {
        let Some(h) = &mut self.host else { return Ok(false) };
        h.clear();
        let Some(quote) = h.show(qid, i) else {
            self.show_pane(true)?;
            return Ok(false);
        };
        if let Some(a) = &mut self.article {
            a.highlight(self.session.bank().article(), None)?;
        }
        self.announce(&fill(self.i18n.t.highlighted_in_reading, &[&quote]))?;
        Ok(true)
    }

    /// Says `msg` at the end of the live region, below the feedback,
    /// replacing what it said there before.
    fn announce(&self, msg: &str) -> R {
        if let Some(old) = one(&self.live, ".citequiz-announce") {
            old.remove();
        }
        add_text(&self.live, "p", "citequiz-announce", msg).map(|_| ())
    }

    fn say(&self, msg: &str) -> R {
        clear(&self.live);
        add_text(&self.live, "p", "citequiz-verdict", msg).map(|_| ())
    }

    fn check(&mut self) -> R {
        if self.exam() {
            return Ok(());
        }
        let Some(q) = self.editing_question() else { return Ok(()) };
        self.sync_draft();
        let response = self.drafts.get(q.id()).cloned();
        if let Some(why) = question::incomplete(&q, response.as_ref(), self.i18n.t) {
            return self.say(why);
        }
        let Some(response) = response else { return Ok(()) };
        match self.session.handle_answer(q.id(), response.clone(), now()) {
            Ok(feedback) => {
                self.remember(&q, &feedback)?;
                self.drafts.remove(q.id());
                self.retrying = false;
                self.render()?;
                self.save()?;
                self.emit_answered(q.id(), &response, &feedback);
                self.focus_first(".citequiz-feedback > p");
                Ok(())
            }
            Err(e) => self.say(&e.to_string()),
        }
    }

    /// Finishes the session. In an exam, each kept answer is submitted
    /// first, once: that is its one try.
    fn finish(&mut self) -> R {
        self.sync_draft();
        let mut answered = Vec::new();
        if self.exam() && !self.session.is_finished() {
            let ids: Vec<String> =
                self.session.question_ids().into_iter().map(str::to_string).collect();
            for id in ids {
                let Some(r) = self.drafts.get(&id).cloned() else { continue };
                // A draft that cannot be graded (half a two_part) stays unanswered.
                if let Ok(feedback) = self.session.handle_answer(&id, r.clone(), now()) {
                    if let Some(q) = self.bank().question(&id).cloned() {
                        self.remember(&q, &feedback)?;
                    }
                    answered.push((id, r, feedback));
                }
            }
            self.drafts.clear();
        }
        let result = self.session.finish(now());
        self.render()?;
        self.save()?;
        for (id, response, feedback) in &answered {
            self.emit_answered(id, response, feedback);
        }
        self.emit_completed(&result);
        self.focus_first(".citequiz-results h2");
        Ok(())
    }

    fn hint(&mut self) -> R {
        let Some(q) = self.session.current_question().map(|q| q.id().to_string()) else {
            return Ok(());
        };
        self.sync_draft();
        if self.session.handle_hint(&q).is_ok() {
            self.render()?;
            self.save()?;
            self.focus_first(".citequiz-hints li:last-child");
        }
        Ok(())
    }

    fn go(&mut self, step: i32) -> R {
        self.sync_draft();
        self.retrying = false;
        if step < 0 {
            self.session.prev();
        } else {
            self.session.next();
        }
        self.render()?;
        self.save()?;
        self.focus_first(".citequiz-prompt");
        Ok(())
    }

    fn show_cite(&mut self, qid: &str, i: usize) -> R {
        if self.show_in_host(qid, i)? {
            return Ok(());
        }
        let span = self
            .bank()
            .question(qid)
            .and_then(|q| q.citations().get(i))
            .map(|c| (c.span.start, c.span.end));
        let Some(a) = &mut self.article else { return Ok(()) };
        if let Some(mark) = a.highlight(self.session.bank().article(), span)? {
            focus(&mark);
            dom::scroll_to(&mark, ScrollLogicalPosition::Center);
        }
        Ok(())
    }

    /// Updates the learner's memory of `q` once its answer is final
    /// (`review::rating`), when review is on.
    fn remember(&mut self, q: &Question, feedback: &Feedback) -> R {
        let Some(rating) = crate::review::rating(feedback) else { return Ok(()) };
        let bank = self.session.shared_bank();
        let Some(r) = &mut self.reviews else { return Ok(()) };
        let saved = r.apply(q, rating, &bank, &self.i18n);
        if let Some(a) = &self.article {
            r.show_passages(&a.el, &bank, &self.i18n)?;
        }
        if !saved {
            self.notify(self.i18n.t.no_storage)?;
        }
        Ok(())
    }

    /// Starts a review: the due questions, most overdue first, then new
    /// ones up to the daily limit.
    fn start_review(&mut self) -> R {
        let Some(r) = &self.reviews else { return Ok(()) };
        let queue = r.queue(self.bank());
        if queue.is_empty() {
            return Ok(());
        }
        let bank = self.session.shared_bank();
        self.switch_to(Session::with_questions(bank, random_seed(), now(), &queue))
    }

    /// Downloads the learner's progress as one file (a `data:` link,
    /// clicked).
    fn export_progress(&self) -> R {
        let Some(r) = &self.reviews else { return Ok(()) };
        let file = r.export(&self.session.snapshot_json());
        let url = cat(&[
            "data:application/json;charset=utf-8,",
            &String::from(js_sys::encode_uri_component(&file)),
        ]);
        // Detached: a click inside the widget would reach its own click
        // listener, which is running this.
        let doc = self.root.owner_document().ok_or_else(|| JsValue::from_str("detached"))?;
        let a = dom::el(&doc, "a", "")?;
        a.set_attribute("href", &url)?;
        a.set_attribute("download", &cat(&["citequiz-progress-", self.bank().id(), ".json"]))?;
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
        Ok(())
    }

    /// Merges a progress file's text (read by the widget from the
    /// "Import progress" input): the memory newer-wins per question, the
    /// attempt worked on last wins whole. A file of another bank, of a
    /// later format or unreadable changes nothing and says why.
    pub(crate) fn import_progress(&mut self, text: &str) -> R {
        let t = self.i18n.t;
        let bank = self.session.shared_bank();
        let imported = match crate::review::import(text, &bank) {
            Ok(i) => i,
            Err(e) => {
                use crate::review::ProgressError as E;
                let why = match e {
                    E::OtherBank { .. } => t.import_other_bank,
                    E::UnknownFormat { found: Some(_) } => t.import_newer,
                    _ => t.import_corrupt,
                };
                return self.notify(why);
            }
        };
        let ours = self.session.snapshot_json();
        let theirs = imported.attempt.as_deref().filter(|a| crate::review::newer_attempt(a, &ours));
        let session = theirs.and_then(|a| Session::restore_json(Rc::clone(&bank), a).ok());
        let Some(r) = &mut self.reviews else { return Ok(()) };
        let (taken, saved) = r.merge(imported.memory, &bank, &self.i18n);
        if let Some(a) = &self.article {
            r.show_passages(&a.el, &bank, &self.i18n)?;
        }
        if let Some((s, _)) = session {
            self.session = s;
            self.drafts.clear();
            self.retrying = false;
            self.save()?;
        }
        self.render()?;
        clear(&self.notice);
        self.notify(&self.i18n.count(taken as f64, &t.progress_imported))?;
        if !saved {
            self.notify(t.no_storage)?;
        }
        Ok(())
    }

    /// Goes on with a new session over the same bank (a retry, a review).
    fn switch_to(&mut self, session: Session) -> R {
        self.session = session;
        self.drafts.clear();
        self.retrying = false;
        self.render()?;
        self.save()?;
        self.focus_first(".citequiz-prompt");
        Ok(())
    }

    fn start_over(&mut self) -> R {
        self.store.clear();
        self.session = self.new_session(random_seed());
        self.drafts.clear();
        self.retrying = false;
        clear(&self.notice);
        if self.exam() {
            self.notify(self.i18n.t.exam_notice)?;
        }
        if !self.store.works() {
            self.notify(self.i18n.t.no_storage)?;
        }
        self.render()?;
        self.focus_first(".citequiz-prompt");
        Ok(())
    }

    /// Handles one delegated event, or a click in the host's reading
    /// (`HOST_CLICK`).
    pub(crate) fn handle(&mut self, kind: &str, ev: &Event) -> R {
        if kind == HOST_CLICK {
            return self.host_click(ev);
        }
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let inside = |e: &Element| self.root.contains(Some(e));
        match kind {
            "click" => {
                if let Some(b) = target.closest("[data-action]")?.filter(|b| inside(b)) {
                    if data(&b, "aria-disabled") == "true" || b.has_attribute("disabled") {
                        return Ok(());
                    }
                    return self.act(&data(&b, "data-action"), &b);
                }
                if let Some(s) = target.closest("[data-s]")?.filter(|s| inside(s)) {
                    return self.toggle_sentence(&s);
                }
                Ok(())
            }
            "keydown" => {
                let Some(kev) = ev.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
                let key = kev.key();
                let sentence = target.closest("[data-s]")?.filter(|s| inside(s));
                if let Some(s) = sentence.filter(|_| self.evidence_active()) {
                    let handled = match key.as_str() {
                        "ArrowDown" | "ArrowRight" => self.step(&s, 1).map(|_| true)?,
                        "ArrowUp" | "ArrowLeft" => self.step(&s, -1).map(|_| true)?,
                        " " | "Enter" => self.toggle_sentence(&s).map(|_| true)?,
                        _ => false,
                    };
                    if handled {
                        ev.prevent_default();
                    }
                    return Ok(());
                }
                let in_body = self.body.contains(Some(&target));
                if key == "Enter" && in_body && target.tag_name().eq_ignore_ascii_case("input") {
                    ev.prevent_default();
                    return self.check();
                }
                Ok(())
            }
            "input" if target.has_attribute(review::LIMIT_ATTR) => {
                let bank = self.session.shared_bank();
                let Some(r) = &mut self.reviews else { return Ok(()) };
                let saved = r.set_limit(&target, &bank, &self.i18n);
                r.refresh(&bank, &self.i18n)?;
                if !saved {
                    self.notify(self.i18n.t.no_storage)?;
                }
                Ok(())
            }
            "input" => {
                if self.body.contains(Some(&target)) {
                    self.sync_draft();
                    self.save()?;
                    self.update_tally();
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn evidence_active(&self) -> bool {
        self.article.as_ref().is_some_and(ArticlePane::is_active)
    }

    fn step(&mut self, from: &Element, delta: i32) -> R {
        match &mut self.article {
            Some(a) => a.step(from, delta),
            None => Ok(()),
        }
    }

    fn toggle_sentence(&mut self, s: &Element) -> R {
        let Some(a) = &mut self.article else { return Ok(()) };
        if !a.is_active() {
            return Ok(());
        }
        a.toggle(s)?;
        let n = a.selected_count();
        question::show_count(&self.body, n, &self.i18n);
        self.sync_draft();
        self.update_tally();
        self.save()
    }

    fn act(&mut self, action: &str, b: &Element) -> R {
        match action {
            "check" => self.check(),
            "hint" => self.hint(),
            "retry" => {
                self.retrying = true;
                if let Some(q) = self.session.current_question().map(|q| q.id().to_string()) {
                    self.drafts.remove(&q);
                }
                self.render()?;
                self.focus_first(
                    ".citequiz-question input, .citequiz-question select, \
                                  .citequiz-question button, .citequiz-prompt",
                );
                Ok(())
            }
            "prev" => self.go(-1),
            "next" => self.go(1),
            "finish" => self.finish(),
            "show-cite" => {
                let i = data(b, "data-i").parse::<usize>().unwrap_or(0);
                self.show_cite(&data(b, "data-q"), i)
            }
            "move-up" | "move-down" => {
                let Some(li) = b.closest("li")? else { return Ok(()) };
                if let Some(pos) = question::move_item(&li, action == "move-up")? {
                    let item = one(&li, ".citequiz-item").and_then(|e| e.text_content());
                    let item = item.unwrap_or_default();
                    self.say(&fill(self.i18n.t.position, &[&item, &I18n::int(pos)]))?;
                }
                self.sync_draft();
                self.save()
            }
            "clear-evidence" => {
                if let Some(a) = &mut self.article {
                    a.clear_selection()?;
                }
                question::show_count(&self.body, 0, &self.i18n);
                self.sync_draft();
                self.save()
            }
            "retry-missed" => match self.session.retry_missed(random_seed(), now()) {
                Some(s) => self.switch_to(s),
                None => Ok(()),
            },
            "start-over" => self.start_over(),
            "review" => self.start_review(),
            "practise" => {
                let Some(r) = &self.reviews else { return Ok(()) };
                let ids = r.passage_questions(self.bank(), &data(b, "data-passage"));
                if ids.is_empty() {
                    return Ok(());
                }
                let bank = self.session.shared_bank();
                self.switch_to(Session::with_questions(bank, random_seed(), now(), &ids))
            }
            "export-progress" => self.export_progress(),
            "show-passage" => {
                let id = data(b, "data-passage");
                let article = self.session.bank().article();
                let text = article.paragraph(&id).map(|p| article.slice(&p.span));
                if let (Some(h), Some(text)) = (&mut self.host, text) {
                    h.clear();
                    if h.show_text(text).is_some() {
                        let start = self.article.as_ref().map(|a| a.paragraph_start(&id));
                        let said =
                            fill(self.i18n.t.highlighted_in_reading, &[&start.unwrap_or_default()]);
                        return self.announce(&said);
                    }
                    self.show_pane(true)?;
                }
                if let Some(a) = &self.article {
                    a.show_paragraph(&id);
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// The words and class for a verdict.
fn verdict_words(v: Option<Verdict>, t: &'static Strings) -> (&'static str, &'static str) {
    match v {
        Some(Verdict::Correct) => (t.right, "citequiz-verdict right"),
        Some(Verdict::Partial) => (t.partly_right, "citequiz-verdict partial"),
        Some(Verdict::Wrong) => (t.wrong, "citequiz-verdict wrong"),
        None => (t.not_answered, "citequiz-verdict"),
    }
}

/// The header: the bank's title, the article's title and its source credit.
fn header(root: &Element, bank: &Bank, i18n: &I18n) -> R {
    let t = i18n.t;
    let raw = bank.article().raw();
    let head = add(root, "header", "citequiz-header")?;
    add_text(&head, "h1", "citequiz-title", bank.title())?;
    let p = add(&head, "p", "citequiz-source")?;
    text(&p, t.source_before)?;
    add_text(&p, "cite", "", &raw.title)?;
    let date = i18n.date(&raw.date);
    text(&p, &sentence(fill(t.source_after, &[&raw.author, &raw.publisher, &date])))?;
    if let Some(first) = &raw.originally_published_by {
        text(&p, &sentence(fill(t.first_published, &[first])))?;
    }
    if is_web_url(&raw.url) {
        text(&p, " ")?;
        let a = add_text(&p, "a", "", t.read_original)?;
        a.set_attribute("href", &raw.url)?;
        a.set_attribute("rel", "noopener")?;
    }
    Ok(())
}

/// `s` ended as a sentence: a period, unless its last word brought one (a
/// date such as "2 декабря 2020 г.", a name such as "… Inc.").
fn sentence(mut s: String) -> String {
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// Logs an error the view could not show.
pub(crate) fn log(err: &JsValue) {
    web_sys::console::error_1(err);
}
