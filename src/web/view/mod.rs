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
//! Invariant: bank and article text reaches the DOM only as text nodes.

mod article;
mod dom;
mod question;
mod store;
mod text;

use crate::bank::{Bank, Body, Citation, Question};
use crate::diag::Diagnostic;
use crate::grade::{self, Response, Verdict};
use crate::session::{Feedback, OptionOrder, Session};
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, KeyboardEvent, ScrollLogicalPosition};

use article::ArticlePane;
use dom::{R, add, add_text, button, clear, data, flag, focus, is_web_url, one, text};
use store::{Drafts, NO_STORAGE, Store};
use text::{cat, count, long_date, num, penalty, points_of, push_int};

/// Mount options, from the JS options object.
pub(crate) struct Options {
    /// The localStorage key; None for the default, "citequiz:" + bank id.
    pub(crate) storage_key: Option<String>,
    /// The seed; None to draw one.
    pub(crate) seed: Option<u64>,
    /// Whether to render the article pane.
    pub(crate) show_article: bool,
}

/// Counts mounts, so that radio group names are unique on a page that
/// mounts the widget twice.
static MOUNTS: AtomicU32 = AtomicU32::new(0);

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
    article: Option<ArticlePane>,
    body: Element,
    live: Element,
    nav: Element,
    session: Session,
    drafts: Drafts,
    /// The learner pressed "Try again": the current question shows empty
    /// inputs rather than its last response.
    retrying: bool,
    store: Store,
    /// The prefix of this mount's radio group names.
    name: String,
}

impl View {
    /// Renders the widget for a loaded bank into `host`, restoring saved
    /// progress.
    pub(crate) fn mount(host: &Element, bank: Bank, opts: Options) -> R<View> {
        let doc = host.owner_document().ok_or_else(|| JsValue::from_str("host is detached"))?;
        let key = opts.storage_key.unwrap_or_else(|| cat(&["citequiz:", bank.id()]));
        let store = Store::open(key);
        let restored = store::restore(&store, &bank);
        let fresh = restored.session.is_none();
        let session = restored
            .session
            .unwrap_or_else(|| Session::new(bank, opts.seed.unwrap_or_else(random_seed), now()));

        clear(host);
        let root = dom::el(&doc, "div", "citequiz")?;
        header(&root, session.bank())?;
        let notice = add(&root, "div", "citequiz-notice")?;
        notice.set_attribute("role", "status")?;
        let panes = add(&root, "div", "citequiz-panes")?;
        let article = if opts.show_article {
            let pane = ArticlePane::render(&doc, session.bank().article())?;
            panes.append_child(&pane.el)?;
            Some(pane)
        } else {
            panes.class_list().add_1("citequiz-no-article")?;
            None
        };
        let quiz = add(&panes, "section", "citequiz-quiz")?;
        quiz.set_attribute("aria-label", "Quiz")?;
        let body = add(&quiz, "div", "citequiz-body")?;
        let live = add(&quiz, "div", "citequiz-feedback")?;
        live.set_attribute("aria-live", "polite")?;
        let nav = add(&quiz, "nav", "citequiz-nav")?;
        nav.set_attribute("aria-label", "Quiz navigation")?;

        let n = MOUNTS.fetch_add(1, Ordering::Relaxed);
        let mut name = String::from("citequiz");
        push_int(&mut name, u64::from(n));
        let mut view = View {
            root,
            notice,
            article,
            body,
            live,
            nav,
            session,
            drafts: restored.drafts,
            retrying: false,
            store,
            name,
        };
        if let Some(msg) = restored.notice {
            view.notify(&msg)?;
        } else if !fresh && (view.session.answered_count() > 0 || view.session.position() > 0) {
            view.notify("Welcome back: your progress was restored.")?;
        }
        if !view.store.works() {
            view.notify(NO_STORAGE)?;
        }
        view.render()?;
        host.append_child(&view.root)?;
        Ok(view)
    }

    /// The widget's root element.
    pub(crate) fn root(&self) -> &Element {
        &self.root
    }

    fn notify(&self, msg: &str) -> R {
        add_text(&self.notice, "p", "", msg).map(|_| ())
    }

    fn bank(&self) -> &Bank {
        self.session.bank()
    }

    fn save(&mut self) -> R {
        if !self.store.save(&self.session, &self.drafts) {
            self.notify(NO_STORAGE)?;
        }
        Ok(())
    }

    /// Renders the quiz pane for where the session stands.
    fn render(&mut self) -> R {
        clear(&self.body);
        clear(&self.live);
        clear(&self.nav);
        if let Some(a) = &mut self.article {
            a.highlight(self.session.bank().article(), None)?;
        }
        if self.session.is_finished() {
            if let Some(a) = &mut self.article {
                a.set_evidence(false, &[], Vec::new())?;
            }
            return self.render_results();
        }
        let Some(q) = self.session.current_question().cloned() else {
            add_text(&self.body, "p", "", "This quiz has no questions.")?;
            return Ok(());
        };
        let Some(state) = self.session.state(q.id()) else { return Ok(()) };
        let editing = !state.done && (state.last_response.is_none() || self.retrying);
        let pos = self.session.position();
        let total = self.session.len();

        // Progress.
        let progress = add(&self.body, "div", "citequiz-progress")?;
        let mut label = String::from("Question ");
        push_int(&mut label, (pos + 1) as u64);
        label.push_str(" of ");
        push_int(&mut label, total as u64);
        let line = add(&progress, "p", "")?;
        add_text(&line, "span", "citequiz-position", &label)?;
        text(&line, " ")?;
        let earned = self.session.earned_so_far();
        let mut so_far = num(earned, 2);
        so_far.push_str(if so_far == "1" { " point so far" } else { " points so far" });
        add_text(&line, "span", "citequiz-points", &so_far)?;
        let bar = add(&progress, "progress", "")?;
        bar.set_attribute("max", &total.to_string())?;
        bar.set_attribute("value", &(pos + 1).to_string())?;
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
        question::render_inputs(&fs, &q, &order, &self.name, editing)?;

        let shown =
            if editing { self.drafts.get(q.id()).cloned() } else { state.last_response.clone() };
        if let Some(r) = &shown {
            question::fill(&fs, r)?;
        }
        let fb = if editing { None } else { feedback_of(&self.session, &q) };
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
            question::show_count(&fs, a.selected_count());
        }

        // Hints taken, with what they cost.
        if state.hints_taken > 0 {
            let list = add(&self.body, "ol", "citequiz-hints")?;
            list.set_attribute("aria-label", "Hints")?;
            for (i, hint) in q.hints().iter().take(state.hints_taken as usize).enumerate() {
                let li = add(&list, "li", "")?;
                li.set_attribute("tabindex", "-1")?;
                let mut head = String::from("Hint ");
                push_int(&mut head, (i + 1) as u64);
                head.push_str(" (");
                head.push_str(&penalty(hint.penalty));
                head.push_str("): ");
                add_text(&li, "strong", "", &head)?;
                text(&li, &hint.text)?;
            }
        }

        // Actions.
        let actions = add(&self.body, "div", "citequiz-actions")?;
        if editing {
            button(&actions, "Check", "check", "citequiz-primary")?;
        } else if fb.as_ref().is_some_and(|f| f.can_retry) {
            button(&actions, "Try again", "retry", "citequiz-primary")?;
        }
        if !state.done {
            let next_hint = q.hints().get(state.hints_taken as usize);
            let label = match next_hint {
                Some(h) => cat(&["Hint (", &penalty(h.penalty), ")"]),
                None if q.hints().is_empty() => String::from("Hint (none for this question)"),
                None => String::from("Hint (none left)"),
            };
            let b = button(&actions, &label, "hint", "")?;
            flag(&b, "disabled", next_hint.is_none())?;
        }
        if let Some(fb) = &fb {
            self.render_feedback(&q, fb)?;
        }

        // Navigation.
        let prev = button(&self.nav, "Previous", "prev", "")?;
        flag(&prev, "disabled", pos == 0)?;
        let next = button(&self.nav, "Next", "next", "")?;
        flag(&next, "disabled", pos + 1 >= total)?;
        let class = if pos + 1 >= total { "citequiz-primary" } else { "" };
        button(&self.nav, "Finish quiz", "finish", class)?;
        Ok(())
    }

    /// Shows a feedback in the live region.
    fn render_feedback(&self, q: &Question, fb: &Feedback) -> R {
        let (word, class) = verdict_words(Some(fb.verdict));
        let p = add(&self.live, "p", class)?;
        p.set_attribute("tabindex", "-1")?;
        add_text(&p, "strong", "", word)?;
        text(&p, " \u{2014} ")?;
        text(&p, &points_of(fb.earned, fb.max_points))?;
        if fb.can_retry {
            text(&p, ". ")?;
            let more = count(fb.tries_left as usize, "more try", "more tries");
            text(&p, &cat(&["You have ", &more, "."]))?;
        }
        if !fb.feedback.is_empty() {
            let ul = add(&self.live, "ul", "citequiz-said")?;
            for f in &fb.feedback {
                add_text(&ul, "li", "", f)?;
            }
        }
        if let Some(expl) = &fb.explanation {
            let why = add(&self.live, "div", "citequiz-why")?;
            add_text(&why, "h3", "", "Why")?;
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
            add_text(&bq, "p", "", &c.text)?;
            if self.article.is_some() {
                let b = button(&fig, "Show in article", "show-cite", "citequiz-link")?;
                b.set_attribute("data-q", qid)?;
                b.set_attribute("data-i", &i.to_string())?;
            }
        }
        Ok(())
    }

    fn render_results(&mut self) -> R {
        let r = self.session.finish(now());
        let box_ = add(&self.body, "div", "citequiz-results")?;
        let h = add_text(&box_, "h2", "", "Results")?;
        h.set_attribute("tabindex", "-1")?;
        let mut score = points_of(r.earned, r.max);
        score.push_str(", ");
        score.push_str(&num(r.percent, 1));
        score.push('%');
        add_text(&box_, "p", "citequiz-score", &score)?;
        let pass = cat(&[" (pass mark ", &num(self.bank().pass_percent(), 1), "%)"]);
        let verdict = if r.passed { "Passed" } else { "Not passed" };
        let p = add(&box_, "p", if r.passed { "citequiz-pass passed" } else { "citequiz-pass" })?;
        add_text(&p, "strong", "", verdict)?;
        text(&p, &pass)?;
        text(&self.live, &cat(&["Quiz finished: ", &score, ". ", verdict, "."]))?;

        if !r.by_tag.is_empty() {
            let table = add(&box_, "table", "citequiz-tags")?;
            add_text(&table, "caption", "", "By tag")?;
            let tr = add(&add(&table, "thead", "")?, "tr", "")?;
            for head in ["Tag", "Points", "Of"] {
                add_text(&tr, "th", "", head)?.set_attribute("scope", "col")?;
            }
            let tbody = add(&table, "tbody", "")?;
            for t in &r.by_tag {
                let tr = add(&tbody, "tr", "")?;
                add_text(&tr, "th", "", &t.tag.replace('-', " "))?.set_attribute("scope", "row")?;
                add_text(&tr, "td", "", &num(t.earned, 2))?;
                add_text(&tr, "td", "", &num(t.max, 2))?;
            }
        }

        add_text(&box_, "h3", "", "Review")?;
        let ol = add(&box_, "ol", "citequiz-review")?;
        for qr in &r.questions {
            let (word, class) = verdict_words(qr.verdict);
            let li = add(&ol, "li", class)?;
            add_text(&li, "p", "citequiz-prompt", &qr.prompt)?;
            let v = add(&li, "p", "citequiz-verdict-line")?;
            add_text(&v, "strong", "", if qr.answered { word } else { "Not answered" })?;
            text(&v, &cat(&[" \u{2014} ", &points_of(qr.earned, qr.max)]))?;
            add_text(&li, "p", "", &qr.explanation)?;
            self.citations(&li, &qr.id, &qr.citations)?;
        }

        let missed = r.questions.iter().any(|q| q.verdict != Some(Verdict::Correct));
        if missed {
            button(&self.nav, "Retry the ones I missed", "retry-missed", "citequiz-primary")?;
        }
        button(&self.nav, "Start over", "start-over", "")?;
        Ok(())
    }

    /// The current question while it takes answers, else None.
    fn editing_question(&self) -> Option<Question> {
        if self.session.is_finished() {
            return None;
        }
        let q = self.session.current_question()?;
        let st = self.session.state(q.id())?;
        (!st.done && (st.last_response.is_none() || self.retrying)).then(|| q.clone())
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

    fn say(&self, msg: &str) -> R {
        clear(&self.live);
        add_text(&self.live, "p", "citequiz-verdict", msg).map(|_| ())
    }

    fn check(&mut self) -> R {
        let Some(q) = self.editing_question() else { return Ok(()) };
        self.sync_draft();
        let response = self.drafts.get(q.id()).cloned();
        if let Some(why) = question::incomplete(&q, response.as_ref()) {
            return self.say(why);
        }
        let Some(response) = response else { return Ok(()) };
        match self.session.handle_answer(q.id(), response, now()) {
            Ok(_) => {
                self.drafts.remove(q.id());
                self.retrying = false;
                self.render()?;
                self.save()?;
                self.focus_first(".citequiz-feedback > p");
                Ok(())
            }
            Err(e) => self.say(&e.to_string()),
        }
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

    fn start_over(&mut self) -> R {
        self.store.clear();
        let bank = self.session.bank().clone();
        self.session = Session::new(bank, random_seed(), now());
        self.drafts.clear();
        self.retrying = false;
        clear(&self.notice);
        if !self.store.works() {
            self.notify(NO_STORAGE)?;
        }
        self.render()?;
        self.focus_first(".citequiz-prompt");
        Ok(())
    }

    /// Handles one delegated event.
    pub(crate) fn handle(&mut self, kind: &str, ev: &Event) -> R {
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
            "input" => {
                if self.body.contains(Some(&target)) {
                    self.sync_draft();
                    self.save()?;
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
        question::show_count(&self.body, n);
        self.sync_draft();
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
            "finish" => {
                self.sync_draft();
                self.session.finish(now());
                self.render()?;
                self.save()?;
                self.focus_first(".citequiz-results h2");
                Ok(())
            }
            "show-cite" => {
                let i = data(b, "data-i").parse::<usize>().unwrap_or(0);
                self.show_cite(&data(b, "data-q"), i)
            }
            "move-up" | "move-down" => {
                let Some(li) = b.closest("li")? else { return Ok(()) };
                if let Some(pos) = question::move_item(&li, action == "move-up")? {
                    let item = one(&li, ".citequiz-item").and_then(|e| e.text_content());
                    let mut msg = item.unwrap_or_default();
                    msg.push_str(": position ");
                    push_int(&mut msg, pos as u64);
                    self.say(&msg)?;
                }
                self.sync_draft();
                self.save()
            }
            "clear-evidence" => {
                if let Some(a) = &mut self.article {
                    a.clear_selection()?;
                }
                question::show_count(&self.body, 0);
                self.sync_draft();
                self.save()
            }
            "retry-missed" => {
                if let Some(s) = self.session.retry_missed(random_seed(), now()) {
                    self.session = s;
                    self.drafts.clear();
                    self.retrying = false;
                    self.render()?;
                    self.save()?;
                    self.focus_first(".citequiz-prompt");
                }
                Ok(())
            }
            "start-over" => self.start_over(),
            _ => Ok(()),
        }
    }
}

/// The words and class for a verdict.
fn verdict_words(v: Option<Verdict>) -> (&'static str, &'static str) {
    match v {
        Some(Verdict::Correct) => ("Right", "citequiz-verdict right"),
        Some(Verdict::Partial) => ("Partly right", "citequiz-verdict partial"),
        Some(Verdict::Wrong) => ("Wrong", "citequiz-verdict wrong"),
        None => ("Not answered", "citequiz-verdict"),
    }
}

/// The feedback on the last try at `q`, rebuilt from the session's state
/// and the core's grader, for a question shown again (after navigating back
/// or restoring). It follows the session's own rule: the explanation and
/// citations only once the question is done.
fn feedback_of(session: &Session, q: &Question) -> Option<Feedback> {
    let st = session.state(q.id())?;
    let last = st.last_response.as_ref()?;
    let g = grade::grade(q, last).ok()?;
    Some(Feedback {
        question_id: q.id().to_string(),
        verdict: g.verdict,
        fraction: g.fraction,
        earned: st.earned,
        max_points: st.max,
        tries_used: st.tries_used,
        tries_left: st.tries_left,
        can_retry: !st.done && st.tries_left > 0,
        marks: g.marks,
        feedback: g.feedback,
        explanation: st.done.then(|| q.explanation().to_string()),
        citations: if st.done { q.citations().to_vec() } else { Vec::new() },
        hints_taken: st.hints_taken,
    })
}

/// The header: the bank's title, the article's title and its source credit.
fn header(root: &Element, bank: &Bank) -> R {
    let raw = bank.article().raw();
    let head = add(root, "header", "citequiz-header")?;
    add_text(&head, "h1", "citequiz-title", bank.title())?;
    let p = add(&head, "p", "citequiz-source")?;
    text(&p, "On ")?;
    add_text(&p, "cite", "", &raw.title)?;
    text(&p, &cat(&[" by ", &raw.author, ", ", &raw.publisher, ", ", &long_date(&raw.date), "."]))?;
    if let Some(first) = &raw.originally_published_by {
        text(&p, &cat(&[" First published by ", first, "."]))?;
    }
    if is_web_url(&raw.url) {
        text(&p, " ")?;
        let a = add_text(&p, "a", "", "Read the original")?;
        a.set_attribute("href", &raw.url)?;
        a.set_attribute("rel", "noopener")?;
    }
    Ok(())
}

/// One diagnostic as the error panel lists it.
pub(crate) struct DiagLine {
    pub(crate) code: String,
    pub(crate) place: String,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

impl DiagLine {
    /// From a core diagnostic.
    pub(crate) fn from_diag(d: &Diagnostic) -> DiagLine {
        DiagLine {
            code: d.code.to_string(),
            place: place(&d.path, d.line.map(|l| l as f64), d.column.map(|c| c as f64)),
            message: d.message.clone(),
            help: d.help.clone(),
        }
    }

    /// From a plain JS object with the same fields, as the JS glue passes them.
    pub(crate) fn from_js(v: &JsValue) -> DiagLine {
        let get = |k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok();
        let s = |k: &str| get(k).and_then(|x| x.as_string());
        let n = |k: &str| get(k).and_then(|x| x.as_f64());
        DiagLine {
            code: s("code").unwrap_or_default(),
            place: place(&s("path").unwrap_or_default(), n("line"), n("column")),
            message: s("message").or_else(|| v.as_string()).unwrap_or_default(),
            help: s("help"),
        }
    }
}

/// "questions[3].cite[0], line 12, column 5", or as much as is known.
fn place(path: &str, line: Option<f64>, col: Option<f64>) -> String {
    let mut s = path.to_string();
    if let Some(l) = line {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str("line ");
        s.push_str(&num(l, 0));
        if let Some(c) = col {
            s.push_str(", column ");
            s.push_str(&num(c, 0));
        }
    }
    s
}

/// Renders the error panel into `host`, replacing what it holds.
pub(crate) fn error_panel(host: &Element, title: &str, message: &str, diags: &[DiagLine]) -> R {
    let doc: Document =
        host.owner_document().ok_or_else(|| JsValue::from_str("host is detached"))?;
    clear(host);
    let root = dom::el(&doc, "div", "citequiz citequiz-error")?;
    root.set_attribute("role", "alert")?;
    add_text(&root, "h2", "", title)?;
    add_text(&root, "p", "", message)?;
    if !diags.is_empty() {
        let ul = add(&root, "ul", "citequiz-diagnostics")?;
        for d in diags {
            let li = add(&ul, "li", "")?;
            if !d.code.is_empty() {
                add_text(&li, "code", "", &d.code)?;
                text(&li, " ")?;
            }
            if !d.place.is_empty() {
                add_text(&li, "span", "citequiz-where", &cat(&["(", &d.place, ") "]))?;
            }
            add_text(&li, "span", "", &d.message)?;
            if let Some(h) = &d.help {
                add_text(&li, "p", "citequiz-help", &cat(&["Help: ", h]))?;
            }
        }
    }
    host.append_child(&root)?;
    Ok(())
}

/// Renders the panel for a bank or article that failed to load.
pub(crate) fn load_error(host: &Element, what: &str, diags: &[Diagnostic]) {
    let lines: Vec<DiagLine> = diags.iter().map(DiagLine::from_diag).collect();
    let message = cat(&["The ", what, " has problems that must be fixed before the quiz can run:"]);
    let _ = error_panel(host, "This quiz could not be loaded", &message, &lines);
}

/// Logs an error the view could not show.
pub(crate) fn log(err: &JsValue) {
    web_sys::console::error_1(err);
}
