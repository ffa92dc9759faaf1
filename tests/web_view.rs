//! The widget in a real browser, driven through the DOM as a learner would:
//! pick, check, read the feedback, show the citation, navigate, finish,
//! come back later; and `citequiz::locale` beside the browser's own `Intl`,
//! which it stands in for. Run with wasm-bindgen-test-runner and
//! chromedriver.
#![cfg(target_arch = "wasm32")]

mod support;

use citequiz::locale::{self, Category, Locale};
use citequiz::web::Widget;
use support::{ARTICLE, EVERY_KIND, EVERY_KIND_COMPILED, QUICK_CHECK as BANK};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Event, EventInit, HtmlElement, HtmlInputElement};
use web_sys::{KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> Element {
    let h = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&h).unwrap();
    h
}

fn options(key: &str) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"storageKey".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&o, &"seed".into(), &7.into()).unwrap();
    o.into()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts a bank with a fresh storage slot, unless `keep` says to keep it.
fn mount(host: &Element, bank: &str, key: &str, keep: bool) -> Widget {
    if !keep {
        storage().remove_item(key).unwrap();
    }
    Widget::mount(host, &bank.into(), &ARTICLE.into(), options(key)).unwrap()
}

fn one(root: &Element, sel: &str) -> Element {
    root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}"))
}

fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn text(root: &Element, sel: &str) -> String {
    one(root, sel).text_content().unwrap_or_default()
}

fn click(e: &Element) {
    e.dyn_ref::<HtmlElement>().unwrap().click();
}

/// Clicks the button whose text starts with `name`.
fn press(root: &Element, name: &str) {
    let b = all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().starts_with(name))
        .unwrap_or_else(|| panic!("no button {name}"));
    click(&b);
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

fn key(e: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    e.dispatch_event(&ev).unwrap();
}

/// Checks the input for option `id` (of Part `part` for two_part), as a click would.
fn pick(root: &Element, id: &str) {
    let sel = format!(".citequiz-question input[data-opt=\"{id}\"]");
    let input = one(root, &sel);
    input.dyn_ref::<HtmlInputElement>().unwrap().set_checked(true);
    input.dispatch_event(&bubbling("input")).unwrap();
}

fn current(root: &Element) -> String {
    one(root, ".citequiz-question").get_attribute("data-q").unwrap()
}

/// Navigates with Previous and Next to question `id`.
fn go_to(root: &Element, id: &str) {
    for _ in 0..20 {
        if root.query_selector(".citequiz-question").unwrap().is_none() {
            break;
        }
        if current(root) == id {
            return;
        }
        let prev = one(root, "[data-action=prev]");
        if prev.has_attribute("disabled") {
            break;
        }
        click(&prev);
    }
    for _ in 0..20 {
        if current(root) == id {
            return;
        }
        click(&one(root, "[data-action=next]"));
    }
    panic!("question {id} not found");
}

fn live(root: &Element) -> String {
    text(root, "[aria-live=polite]")
}

fn checked(root: &Element, id: &str) -> bool {
    let sel = format!(".citequiz-question input[data-opt=\"{id}\"]");
    one(root, &sel).dyn_ref::<HtmlInputElement>().unwrap().checked()
}

#[wasm_bindgen_test]
fn a_learner_answers_reads_the_feedback_sees_the_citation_and_finishes() {
    let h = host();
    let w = mount(&h, BANK, "t:learner", false);
    let root = one(&h, ".citequiz");
    assert!(text(&root, "h1").starts_with("Is Putin Really Considering"));
    assert!(text(&root, ".citequiz-source").contains("2 December 2020"));
    assert_eq!(one(&root, ".citequiz-source a").get_attribute("rel").as_deref(), Some("noopener"));
    // The article: each paragraph's text is its sentences and the space between.
    let p1 = one(&root, "p[data-p=p1]");
    assert!(p1.text_content().unwrap().starts_with("At a meeting of the Valdai Discussion Club"));
    assert!(all(&p1, "span.s[data-s]").len() >= 3);
    assert!(text(&root, ".citequiz-article").contains("Related article: "));

    // Right.
    go_to(&root, "article-main-claim");
    pick(&root, "c");
    press(&root, "Check");
    let said = live(&root);
    assert!(said.starts_with("Right"), "{said}");
    assert!(said.contains("1 of 1 point"), "{said}");
    assert!(text(&root, ".citequiz-points").starts_with("1 point so far"));
    assert!(one(&root, "label[data-key=c]").class_list().contains("right"));

    // Wrong, with the author's feedback and, the only try used, the explanation.
    go_to(&root, "pivot-cause");
    pick(&root, "b");
    press(&root, "Check");
    let said = live(&root);
    assert!(said.starts_with("Wrong"), "{said}");
    assert!(said.contains("0 of 1 point"), "{said}");
    assert!(said.contains("it did not cause it"), "{said}");
    assert!(one(&root, "label[data-key=b]").class_list().contains("wrong"));

    // Show in article: exactly the cited span is marked, and focused.
    let quote = text(&root, ".citequiz-feedback blockquote");
    assert_eq!(
        quote,
        "Since Russia's much-publicized pivot to the East following the collapse of its \
         relations with the United States and EU back in 2014"
    );
    press(&root, "Show in article");
    let marks = all(&root, "mark.cite");
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].text_content().unwrap(), quote);
    let active = doc().active_element().unwrap();
    assert_eq!(active, marks[0]);
    // The paragraph still reads as before.
    let p = marks[0].closest("p[data-p]").unwrap().unwrap();
    assert!(p.text_content().unwrap().starts_with(&quote));

    // Back to the first answer: its pick and its feedback again.
    go_to(&root, "article-main-claim");
    assert!(checked(&root, "c"));
    assert!(live(&root).starts_with("Right"));
    assert!(root.query_selector("mark.cite").unwrap().is_none(), "marks go with the question");

    press(&root, "Finish quiz");
    let score = text(&root, ".citequiz-score");
    assert_eq!(score, "1 of 12 points, 8.3%");
    assert!(text(&root, ".citequiz-pass").starts_with("Not passed"));
    assert!(all(&root, ".citequiz-tags tbody tr").len() >= 3);
    assert_eq!(all(&root, ".citequiz-review > li").len(), 10);
    press(&root, "Show in article");
    assert!(!all(&root, "mark.cite").is_empty());

    // Retry the ones I missed: nine questions.
    press(&root, "Retry the ones I missed");
    assert!(text(&root, ".citequiz-position").ends_with("of 9"));
    w.unmount();
    assert_eq!(h.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn progress_and_drafts_are_restored_where_the_learner_was() {
    let h = host();
    let w = mount(&h, BANK, "t:restore", false);
    let root = one(&h, ".citequiz");
    go_to(&root, "dependence-not-critical");
    pick(&root, "false");
    press(&root, "Check");
    go_to(&root, "pivot-cause");
    pick(&root, "a"); // a draft: not checked
    w.unmount();

    let w = mount(&h, BANK, "t:restore", true);
    let root = one(&h, ".citequiz");
    assert_eq!(current(&root), "pivot-cause");
    assert!(checked(&root, "a"), "the draft is back");
    assert!(text(&root, "[role=status]").contains("restored"));
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"));
    go_to(&root, "dependence-not-critical");
    assert!(checked(&root, "false"));
    assert!(live(&root).starts_with("Right"));
    assert!(text(&root, ".citequiz-points").starts_with("2 points so far"));

    // Start over forgets it all.
    press(&root, "Finish quiz");
    press(&root, "Start over");
    assert!(text(&root, ".citequiz-points").starts_with("0 points so far"));
    assert_eq!(storage().get_item("t:restore").unwrap(), None);
    w.unmount();
}

#[wasm_bindgen_test]
fn a_changed_bank_keeps_what_still_applies_and_says_so() {
    let h = host();
    let w = mount(&h, BANK, "t:changed", false);
    let root = one(&h, ".citequiz");
    for (id, opt) in [("pivot-cause", "a"), ("quick-cnpc-lesson", "b"), ("article-main-claim", "c")]
    {
        go_to(&root, id);
        pick(&root, opt);
        press(&root, "Check");
    }
    w.unmount();
    let changed = BANK
        .replace("what set off Russia's turn to the East", "what caused Russia's turn to the East");
    assert_ne!(changed, BANK);
    // The review schedule would also say that a question changed (as
    // tests/e2e/review.test.mjs checks); this test is about the attempt.
    storage().remove_item("citequiz-review:gabuev-2020-quick-check").unwrap();
    let w = mount(&h, &changed, "t:changed", true);
    let root = one(&h, ".citequiz");
    assert_eq!(
        text(&root, "[role=status]"),
        "Your saved progress was for an earlier version of this quiz: 2 answers were kept, \
         1 could not be (the question changed)."
    );
    assert!(text(&root, ".citequiz-points").starts_with("2 points so far"));
    w.unmount();
}

#[wasm_bindgen_test]
fn corrupt_saved_progress_is_set_aside_and_the_quiz_works() {
    for bad in ["{not json", r#"{"v":9,"snapshot":{}}"#, r#"{"v":1,"snapshot":{"format":"x"}}"#] {
        let h = host();
        storage().set_item("t:corrupt", bad).unwrap();
        let w = mount(&h, BANK, "t:corrupt", true);
        let root = one(&h, ".citequiz");
        assert_eq!(
            text(&root, "[role=status]"),
            "Saved progress could not be read and was set aside; starting fresh."
        );
        assert_eq!(storage().get_item("t:corrupt:set-aside").unwrap().as_deref(), Some(bad));
        go_to(&root, "pivot-cause");
        pick(&root, "a");
        press(&root, "Check");
        assert!(live(&root).starts_with("Right"));
        w.unmount();
    }
}

#[wasm_bindgen_test]
fn without_storage_the_quiz_works_and_says_progress_is_not_saved() {
    js_sys::eval(
        "window.__setItem = Storage.prototype.setItem; \
         Storage.prototype.setItem = function () { \
           throw new DOMException('full', 'QuotaExceededError'); };",
    )
    .unwrap();
    let h = host();
    let w = Widget::mount(&h, &BANK.into(), &ARTICLE.into(), options("t:nostorage"));
    js_sys::eval("Storage.prototype.setItem = window.__setItem;").unwrap();
    let w = w.unwrap();
    let root = one(&h, ".citequiz");
    assert_eq!(
        text(&root, "[role=status]"),
        "Progress can't be saved in this browser; it will be lost when you leave the page."
    );
    go_to(&root, "pivot-cause");
    pick(&root, "a");
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"));
    w.unmount();
}

#[wasm_bindgen_test]
fn a_bank_with_errors_shows_the_error_panel() {
    let h = host();
    let broken = BANK.replace("\"answer\": \"c\"", "\"answer\": \"z\"");
    assert_ne!(broken, BANK);
    let err = Widget::mount(&h, &broken.as_str().into(), &ARTICLE.into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    let msg = err.dyn_ref::<js_sys::Error>().unwrap().message();
    assert!(String::from(msg).contains("bank"));
    let panel = one(&h, ".citequiz-error");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text(&panel, "h2"), "This quiz could not be loaded");
    let items = all(&panel, ".citequiz-diagnostics li");
    assert!(!items.is_empty());
    let all_text = panel.text_content().unwrap();
    assert!(all_text.contains("\"z\""), "{all_text}");
    assert!(all_text.contains("questions[0]"), "{all_text}");

    // A bank that is not text (a host's mistake) is an Error that says so.
    let err =
        Widget::mount(&h, &JsValue::from(5), &ARTICLE.into(), JsValue::UNDEFINED).err().unwrap();
    let msg = String::from(err.dyn_ref::<js_sys::Error>().unwrap().message());
    assert!(msg.contains("must be JSON text"), "{msg}");

    // The JS glue's own failures (a 404) use the same panel.
    let diag = js_sys::Object::new();
    js_sys::Reflect::set(&diag, &"code".into(), &"http-404".into()).unwrap();
    js_sys::Reflect::set(&diag, &"message".into(), &"bank.json was not found".into()).unwrap();
    let list = js_sys::Array::of1(&diag);
    Widget::show_error(&h, "Could not load the quiz", "The server said 404.", list.into(), None);
    assert_eq!(text(&h, "h2"), "Could not load the quiz");
    assert!(text(&h, "li").starts_with("http-404"));
}

#[wasm_bindgen_test]
fn bank_text_reaches_the_page_as_text_only() {
    let payload = "<img src=x onerror=\\\"window.__pwned=1\\\">";
    let evil = BANK
        .replace(
            "Which statement best sums up the article's argument?",
            &format!("Which statement {payload} sums it up?"),
        )
        .replace("To warn China that Russia", &format!("To warn {payload} China that Russia"));
    let h = host();
    let w = mount(&h, &evil, "t:xss", false);
    let root = one(&h, ".citequiz");
    go_to(&root, "article-main-claim");
    assert!(text(&root, ".citequiz-prompt").contains("<img src=x onerror="));
    go_to(&root, "putin-aim-two-part");
    assert!(text(&root, ".citequiz-question").contains("<img src=x"));
    assert!(h.query_selector("img").unwrap().is_none());
    assert!(js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).unwrap().is_undefined());
    w.unmount();
}

#[wasm_bindgen_test]
fn every_kind_renders_inputs_with_names_and_takes_answers() {
    let h = host();
    let w = mount(&h, EVERY_KIND, "t:every", false);
    let root = one(&h, ".citequiz");

    go_to(&root, "blank");
    let gaps = all(&root, "input[data-gap]");
    assert_eq!(gaps.len(), 2);
    assert_eq!(gaps[0].get_attribute("aria-label").as_deref(), Some("Blank 1"));
    gaps[0].dyn_ref::<HtmlInputElement>().unwrap().set_value("ten");
    gaps[1].dyn_ref::<HtmlInputElement>().unwrap().set_value("18");
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"), "{}", live(&root));

    go_to(&root, "number");
    assert_eq!(text(&root, ".citequiz-unit"), "percent");
    let n = one(&root, "input[data-num]");
    n.dyn_ref::<HtmlInputElement>().unwrap().set_value("17.6");
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"), "{}", live(&root));

    go_to(&root, "order");
    let ids = || -> Vec<String> {
        all(&root, "[data-item]").iter().map(|e| e.get_attribute("data-item").unwrap()).collect()
    };
    let ups = all(&root, "button[data-action=move-up]");
    assert_eq!(ups.len(), 3);
    assert!(ups[1].get_attribute("aria-label").unwrap().starts_with("Move "));
    // Sort by moving items up: pact, ops, partnership.
    for want in ["pact", "ops", "partnership"].iter().rev() {
        while ids().first().map(String::as_str) != Some(*want) {
            let li = all(&root, "[data-item]")
                .into_iter()
                .find(|e| e.get_attribute("data-item").as_deref() == Some(*want))
                .unwrap();
            click(&one(&li, "[data-action=move-up]"));
        }
    }
    assert_eq!(ids(), vec!["pact", "ops", "partnership"]);
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"), "{}", live(&root));

    go_to(&root, "match");
    let selects = all(&root, "select[data-left]");
    assert_eq!(selects.len(), 2);
    assert_eq!(text(&selects[0], "option"), "Choose\u{2026}");
    for s in &selects {
        let right = if s.get_attribute("data-left").as_deref() == Some("obama") {
            "insincere"
        } else {
            "serious"
        };
        s.dyn_ref::<web_sys::HtmlSelectElement>().unwrap().set_value(right);
    }
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"), "{}", live(&root));

    go_to(&root, "twopart");
    assert_eq!(all(&root, "fieldset[data-part]").len(), 2);
    assert!(all(&root, "input[data-part=b]").len() >= 2);
    w.unmount();
}

#[wasm_bindgen_test]
fn evidence_sentences_are_checkboxes_with_one_tab_stop() {
    let h = host();
    let w = mount(&h, BANK, "t:evidence", false);
    let root = one(&h, ".citequiz");
    assert!(root.query_selector("[role=checkbox]").unwrap().is_none());
    go_to(&root, "quick-asymmetry-evidence");
    let boxes = all(&root, ".citequiz-article [role=checkbox]");
    assert!(boxes.len() > 20);
    assert_eq!(all(&root, ".citequiz-article [data-s][tabindex=\"0\"]").len(), 1);
    let first = &boxes[0];
    key(first, "ArrowDown");
    let second = doc().active_element().unwrap();
    assert_eq!(second, boxes[1]);
    key(&second, " ");
    assert_eq!(second.get_attribute("aria-checked").as_deref(), Some("true"));
    assert!(second.class_list().contains("selected"));
    assert_eq!(text(&root, "[data-role=count]"), "1 sentence selected");
    press(&root, "Clear");
    assert_eq!(text(&root, "[data-role=count]"), "No sentences selected");
    // The right sentence, by click.
    let target = all(&root, "[data-s]")
        .into_iter()
        .find(|s| s.text_content().unwrap().starts_with("But if for Russia, under sanctions"))
        .unwrap();
    click(&target);
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"), "{}", live(&root));
    assert!(root.query_selector("[role=checkbox]").unwrap().is_none(), "no longer selectable");
    w.unmount();
}

/// Mounts the quick check with extra options, on a fresh storage slot.
fn mount_with(host: &web_sys::Node, key: &str, extra: &[(&str, JsValue)]) -> Widget {
    storage().remove_item(key).unwrap();
    let o = options(key);
    for (k, v) in extra {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    Widget::mount(host, &BANK.into(), &ARTICLE.into(), o).unwrap()
}

/// Records the `detail` of every `citequiz:<kind>` event that reaches the document.
struct Heard {
    kind: String,
    seen: std::rc::Rc<std::cell::RefCell<Vec<JsValue>>>,
    cb: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Heard {
    fn on(kind: &str) -> Heard {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let s = seen.clone();
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
            move |e: web_sys::CustomEvent| s.borrow_mut().push(e.detail()),
        );
        let kind = format!("citequiz:{kind}");
        doc().add_event_listener_with_callback(&kind, cb.as_ref().unchecked_ref()).unwrap();
        Heard { kind, seen, cb }
    }

    /// The value at a dotted path (`result.score.raw`) of the i-th detail.
    fn field(&self, i: usize, path: &str) -> JsValue {
        path.split('.').fold(self.seen.borrow()[i].clone(), |v, k| {
            js_sys::Reflect::get(&v, &k.into()).unwrap_or(JsValue::UNDEFINED)
        })
    }
}

impl Drop for Heard {
    fn drop(&mut self) {
        let f = self.cb.as_ref().unchecked_ref();
        doc().remove_event_listener_with_callback(&self.kind, f).unwrap();
    }
}

#[wasm_bindgen_test]
fn practice_mode_tells_the_page_what_was_answered_and_completed() {
    let h = host();
    let answered = Heard::on("answered");
    let verdict = Heard::on("failed");
    let completed = Heard::on("completed");
    let w = mount(&h, BANK, "t:events", false);
    let root = one(&h, ".citequiz");
    go_to(&root, "article-main-claim");
    pick(&root, "c");
    press(&root, "Check");
    // Each detail is an xAPI statement.
    assert_eq!(answered.seen.borrow().len(), 1);
    assert_eq!(
        answered.field(0, "verb.id").as_string().unwrap(),
        "http://adlnet.gov/expapi/verbs/answered"
    );
    assert!(answered.field(0, "object.id").as_string().unwrap().ends_with("#article-main-claim"));
    assert_eq!(answered.field(0, "result.success").as_bool(), Some(true));
    assert_eq!(answered.field(0, "result.score.raw").as_f64(), Some(1.0));
    assert_eq!(answered.field(0, "result.score.max").as_f64(), Some(1.0));
    assert_eq!(answered.field(0, "actor.account.name").as_string().unwrap(), "anonymous");
    press(&root, "Finish quiz");
    // One question of twelve points right: failed, then completed.
    assert_eq!(verdict.seen.borrow().len(), 1);
    assert_eq!(verdict.field(0, "result.score.max").as_f64(), Some(12.0));
    assert_eq!(verdict.field(0, "result.success").as_bool(), Some(false));
    assert_eq!(completed.seen.borrow().len(), 1);
    assert_eq!(
        completed.field(0, "verb.id").as_string().unwrap(),
        "http://adlnet.gov/expapi/verbs/completed"
    );
    w.unmount();
}

#[wasm_bindgen_test]
fn exam_mode_keeps_answers_editable_and_shows_no_verdict_until_finish() {
    let h = host();
    let answered = Heard::on("answered");
    let w = mount_with(&h, "t:exam", &[("mode", "exam".into())]);
    let root = one(&h, ".citequiz");
    assert!(text(&root, ".citequiz-notice").contains("Exam mode"));
    go_to(&root, "article-main-claim");
    assert!(root.query_selector("[data-action=check]").unwrap().is_none());
    assert!(root.query_selector("[data-action=hint]").unwrap().is_none());
    pick(&root, "b");
    assert_eq!(live(&root), "");
    assert!(text(&root, ".citequiz-points").starts_with("1 of 10 answered"));
    // Away and back: the pick is kept and still editable; change it.
    go_to(&root, "pivot-cause");
    go_to(&root, "article-main-claim");
    assert!(checked(&root, "b"));
    pick(&root, "c");
    go_to(&root, "pivot-cause");
    pick(&root, "b");
    assert_eq!(live(&root), "");
    assert!(root.query_selector(".right, .wrong").unwrap().is_none());
    assert!(answered.seen.borrow().is_empty(), "no verdict leaves before Finish");
    press(&root, "Finish quiz");
    assert_eq!(text(&root, ".citequiz-score"), "1 of 12 points, 8.3%");
    let review = text(&root, ".citequiz-review");
    assert!(review.contains("Right"), "{review}");
    assert!(review.contains("Wrong"), "{review}");
    assert!(review.contains("Not answered"), "{review}");
    assert_eq!(answered.seen.borrow().len(), 2);
    w.unmount();
}

#[wasm_bindgen_test]
fn a_pool_draws_questions_and_is_restored() {
    let h = host();
    let w = mount_with(&h, "t:pool", &[("pool", 3.into())]);
    let root = one(&h, ".citequiz");
    assert_eq!(text(&root, ".citequiz-position"), "Question 1 of 3");
    let first = current(&root);
    w.unmount();
    // Reloaded: the same three, not the whole bank.
    let w = mount(&h, BANK, "t:pool", true);
    let root = one(&h, ".citequiz");
    assert_eq!(text(&root, ".citequiz-position"), "Question 1 of 3");
    assert_eq!(current(&root), first);
    w.unmount();
    // By tag, from an attribute-style string.
    let w = mount_with(&h, "t:pool-tags", &[("tags", "who-said, nowhere".into())]);
    let root = one(&h, ".citequiz");
    assert_eq!(text(&root, ".citequiz-position"), "Question 1 of 1");
    assert_eq!(current(&root), "quick-who-said-matching");
    w.unmount();
}

#[wasm_bindgen_test]
fn russian_ui_with_russian_dates_numbers_and_plurals() {
    let h = host();
    let w = mount_with(&h, "t:ru", &[("lang", "ru".into())]);
    let root = one(&h, ".citequiz");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ru"));
    let source = text(&root, ".citequiz-source");
    assert!(source.contains("2 декабря 2020 г. Впервые опубликовано"), "{source}");
    assert!(!source.contains(".."), "one period after the date's own: {source}");
    assert!(text(&root, ".citequiz-position").starts_with("Вопрос 1 из 10"));
    assert!(text(&root, ".citequiz-points").starts_with("Набрано 0 баллов"));
    go_to(&root, "article-main-claim");
    pick(&root, "c");
    press(&root, "Проверить");
    let said = live(&root);
    assert!(said.starts_with("Верно"), "{said}");
    assert!(said.contains("1 из 1 балла"), "{said}");
    assert!(text(&root, ".citequiz-points").starts_with("Набран 1 балл"));
    go_to(&root, "pivot-cause");
    pick(&root, "a");
    press(&root, "Проверить");
    assert!(text(&root, ".citequiz-points").starts_with("Набрано 2 балла"));
    press(&root, "Завершить тест");
    // 2 of 12 is 16.666…%: a decimal comma and a space before the sign.
    assert_eq!(text(&root, ".citequiz-score"), "2 из 12 баллов, 16,7\u{a0}%");
    assert!(all(&root, "button").iter().all(|b| !b.text_content().unwrap().contains("Start")));
    w.unmount();
}

#[wasm_bindgen_test]
fn mounts_into_a_shadow_root_and_works_there() {
    let h = host();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"mode".into(), &"open".into()).unwrap();
    let attach: js_sys::Function =
        js_sys::Reflect::get(&h, &"attachShadow".into()).unwrap().dyn_into().unwrap();
    let shadow: web_sys::Node = attach.call1(&h, &init).unwrap().dyn_into().unwrap();
    let style = doc().create_element("style").unwrap();
    style.set_text_content(Some(".citequiz { color: rgb(1, 2, 3); }"));
    shadow.append_child(&style).unwrap();
    let w = mount_with(&shadow, "t:shadow", &[]);
    assert_eq!(shadow.child_nodes().length(), 2, "the stylesheet is kept");
    let root: Element = shadow.last_child().unwrap().dyn_into().unwrap();
    assert!(root.class_list().contains("citequiz"));
    assert!(h.query_selector(".citequiz").unwrap().is_none(), "nothing in the light DOM");
    go_to(&root, "pivot-cause");
    pick(&root, "a");
    press(&root, "Check");
    assert!(live(&root).starts_with("Right"));
    press(&root, "Show in article");
    let mark = one(&root, "mark.cite");
    let active: JsValue = js_sys::Reflect::get(&shadow, &"activeElement".into()).unwrap();
    assert_eq!(active, JsValue::from(mark));
    w.unmount();
}

#[wasm_bindgen_test]
fn an_explicit_tag_sets_the_formats_and_a_malformed_one_falls_back() {
    let h = host();
    let w = mount_with(&h, "t:en-us", &[("lang", "en-US".into())]);
    let root = one(&h, ".citequiz");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en-US"));
    let source = text(&root, ".citequiz-source");
    assert!(source.contains("December 2, 2020. First published by"), "{source}");
    w.unmount();
    let w = mount_with(&h, "t:ru_RU", &[("lang", "ru_RU".into())]);
    let root = one(&h, ".citequiz");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ru"));
    assert!(text(&root, ".citequiz-source").contains("2 декабря 2020 г."));
    w.unmount();
}

/// An object of `pairs`, for `Intl`'s options.
fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o
}

fn locales(tag: &str) -> js_sys::Array {
    js_sys::Array::of1(&tag.into())
}

/// The browser's number and percent formats for `tag`, as `I18n` used them.
fn intl_numbers(tag: &str) -> (js_sys::Function, js_sys::Function) {
    let num = object(&[("maximumFractionDigits", 2.into())]);
    let pct = object(&[("style", "percent".into()), ("maximumFractionDigits", 1.into())]);
    let num = js_sys::Intl::NumberFormat::new(&locales(tag), &num).format();
    let pct = js_sys::Intl::NumberFormat::new(&locales(tag), &pct).format();
    (num, pct)
}

fn intl_date(tag: &str) -> js_sys::Function {
    let opts = object(&[
        ("day", "numeric".into()),
        ("month", "long".into()),
        ("year", "numeric".into()),
        ("timeZone", "UTC".into()),
    ]);
    js_sys::Intl::DateTimeFormat::new(&locales(tag), &opts).format()
}

fn call(f: &js_sys::Function, x: &JsValue) -> String {
    f.call1(&JsValue::NULL, x).unwrap().as_string().unwrap()
}

/// Noon UTC on a date, as a JS Date.
fn noon(y: u32, m: u32, d: u32) -> JsValue {
    let ms = js_sys::Date::utc(f64::from(y), f64::from(m - 1))
        + f64::from(d - 1) * 86_400_000.0
        + 43_200_000.0;
    js_sys::Date::new(&ms.into()).into()
}

/// Collects differences, and fails with the count and the first few.
#[derive(Default)]
struct Diffs(Vec<String>);

impl Diffs {
    fn check(&mut self, what: std::fmt::Arguments, ours: &str, intl: &str) {
        if ours != intl {
            self.0.push(format!("{what}: ours {ours:?}, Intl {intl:?}"));
        }
    }

    fn assert_none(self) {
        let n = self.0.len();
        assert!(n == 0, "{n} differ from Intl: {:#?}", &self.0[..n.min(12)]);
    }
}

/// Numbers with something to get wrong: quarters and eighths, thousandths
/// (whose shortest digits differ from the double's), halves of the second
/// decimal (1.005 is held as 1.00499…), large and tiny ones, negatives,
/// and a deterministic spread of doubles of every magnitude.
fn sample_numbers() -> Vec<f64> {
    let mut xs: Vec<f64> = (0..=16_000).map(|i| f64::from(i) * 0.125).collect();
    xs.extend((0..10_000).map(|i| f64::from(i) / 1000.0));
    xs.extend((0..2_000).map(|i| (f64::from(i) + 0.5) / 100.0));
    xs.extend((1..=400).map(|i| f64::from(i) / 3.0));
    xs.extend([
        12_345.678,
        1_000_000.005,
        123_456_789.125,
        9_007_199_254_740_993.0,
        1e15 + 0.3,
        1e21,
        1.234_5e25,
        f64::MAX,
        5e-324,
        -7.5,
        -0.0,
        -0.001,
        -1_234.567,
        f64::NAN,
        f64::INFINITY,
    ]);
    let mut z: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..5_000 {
        z = z.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        xs.push((z >> 11) as f64 / f64::from(1u32 << (z % 31)));
    }
    xs
}

/// Percentages as the widget makes them: every twentieth of a point, and
/// scores of halves out of up to 40 points, as 100 × earned / max.
fn sample_percents() -> Vec<f64> {
    let mut ps: Vec<f64> = (0..=2_000).map(|i| f64::from(i) * 0.05).collect();
    for max in 1..=40 {
        ps.extend((0..=2 * max).map(|h| 100.0 * (f64::from(h) / 2.0) / f64::from(max)));
    }
    ps.extend([-10.0, 1_234.5, 0.35, 100.0 / 3.0, 200.0 / 3.0]);
    ps
}

#[wasm_bindgen_test]
fn locale_numbers_are_the_browsers_intl_numbers() {
    let (xs, ps) = (sample_numbers(), sample_percents());
    let mut diffs = Diffs::default();
    for tag in ["en-GB", "en-US", "en", "ru", "ru-RU"] {
        let ours = Locale::of(tag).unwrap();
        let (num, pct) = intl_numbers(tag);
        for &x in &xs {
            // As `I18n` handed them to Intl: anything not finite as 0.
            let y = if x.is_finite() { x } else { 0.0 };
            diffs.check(format_args!("{tag} num {x:e}"), &ours.num(x), &call(&num, &y.into()));
        }
        for &p in &ps {
            let intl = call(&pct, &(p / 100.0).into());
            diffs.check(format_args!("{tag} percent {p:e}"), &ours.percent(p), &intl);
        }
    }
    diffs.assert_none();
}

#[wasm_bindgen_test]
fn locale_plurals_are_the_browsers_intl_plurals() {
    let mut ns: Vec<f64> = (0..=200).map(f64::from).collect();
    for i in 0..=30 {
        let i = f64::from(i);
        for f in [0.001, 0.0004, 0.0005, 0.1, 0.25, 0.5, 0.99, 0.9994, 0.9995] {
            ns.push(i + f);
        }
        ns.push(-i);
    }
    ns.extend([1_000.0, 1_001.0, 1_011.0, 1_021.0, 1e21, 1.5e21, f64::NAN, f64::INFINITY]);
    let mut diffs = Diffs::default();
    for tag in ["en-GB", "en-US", "ru", "ru-RU"] {
        let ours = Locale::of(tag).unwrap();
        let intl = js_sys::Intl::PluralRules::new(&locales(tag), &js_sys::Object::new());
        for &n in &ns {
            let name = match ours.plural(n) {
                Category::One => "one",
                Category::Few => "few",
                Category::Many => "many",
                Category::Other => "other",
            };
            let theirs: String = intl.select(n).into();
            diffs.check(format_args!("{tag} plural {n:e}"), name, &theirs);
        }
    }
    diffs.assert_none();
}

#[wasm_bindgen_test]
fn locale_dates_are_the_browsers_intl_dates() {
    let last = |y: u32, m: u32| match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let mut diffs = Diffs::default();
    for tag in ["en-GB", "en-US", "en", "en-CA", "en-PH", "en-IE", "en-IN", "ru", "ru-RU"] {
        let ours = Locale::of(tag).unwrap();
        let intl = intl_date(tag);
        for y in [100, 999, 1_000, 1_970, 2_020, 2_024, 9_999] {
            for m in 1..=12 {
                for d in [1, 2, 9, 10, 28, last(y, m)] {
                    let iso = format!("{y:04}-{m:02}-{d:02}");
                    diffs.check(
                        format_args!("{tag} {iso}"),
                        &ours.date(&iso),
                        &call(&intl, &noon(y, m, d)),
                    );
                }
            }
        }
    }
    diffs.assert_none();
}

/// Every two-letter region (and CLDR's 001 and 150) of both languages, and
/// tags with a script, variant or extension, that `Intl` reads as the
/// language and region alone.
#[wasm_bindgen_test]
fn locale_follows_every_region_as_the_browsers_intl_does() {
    let mut tags: Vec<String> = Vec::new();
    for lang in ["en", "ru"] {
        tags.push(format!("{lang}-001"));
        tags.push(format!("{lang}-150"));
        tags.push(format!("{lang}-419"));
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                tags.push(format!("{lang}-{}{}", char::from(a), char::from(b)));
            }
        }
    }
    for tag in
        ["en-Latn-GB", "en-Latn", "ru-Cyrl-UA", "en-GB-oxendict", "en-x-priv", "EN-gb", "en-in"]
    {
        tags.push(tag.to_string());
    }
    let mut diffs = Diffs::default();
    for tag in &tags {
        let ours = Locale::of(tag).unwrap();
        let (num, pct) = intl_numbers(tag);
        for x in [1_234.0, -12_345.5, 1_234_567.891, 0.5] {
            diffs.check(format_args!("{tag} num {x}"), &ours.num(x), &call(&num, &x.into()));
        }
        for p in [66.666, -1_234.5] {
            let intl = call(&pct, &(p / 100.0).into());
            diffs.check(format_args!("{tag} percent {p}"), &ours.percent(p), &intl);
        }
        let intl = call(&intl_date(tag), &noon(2020, 12, 2));
        diffs.check(format_args!("{tag} date"), &ours.date("2020-12-02"), &intl);
    }
    diffs.assert_none();
}

/// `locale::well_formed` takes what `Intl.getCanonicalLocales` takes, for
/// the tags a page is likely to hand over and for junk.
#[wasm_bindgen_test]
fn the_tag_check_agrees_with_the_browsers_intl() {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    let intl: js_sys::Function =
        get(&get(&js_sys::global(), "Intl"), "getCanonicalLocales").dyn_into().unwrap();
    let tags = include_str!("fixtures/tags.tsv");
    let rows = tags.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t'));
    let mut diffs = Diffs::default();
    for (_, tag) in rows {
        let theirs = intl.call1(&JsValue::NULL, &tag.into()).is_ok();
        let (ours, theirs) = (locale::well_formed(tag).to_string(), theirs.to_string());
        diffs.check(format_args!("{tag:?} well formed"), &ours, &theirs);
    }
    diffs.assert_none();
}

#[wasm_bindgen_test]
fn a_hint_control_only_where_there_is_a_hint() {
    let h = host();
    let with_hint = BANK.replacen(
        "\"id\": \"pivot-cause\",",
        "\"id\": \"pivot-cause\",\n      \"hints\": [{\"text\": \"Read the paragraph on 2014.\", \"penalty\": 0.25}],",
        1,
    );
    assert_ne!(with_hint, BANK);
    let w = mount(&h, &with_hint, "t:hints", false);
    let root = one(&h, ".citequiz");
    // No hints: no button at all, not a disabled one that offers nothing.
    go_to(&root, "article-main-claim");
    assert!(root.query_selector("[data-action=hint]").unwrap().is_none());
    go_to(&root, "pivot-cause");
    let hint = one(&root, "[data-action=hint]");
    assert!(hint.text_content().unwrap().starts_with("Hint ("));
    click(&hint);
    assert!(text(&root, ".citequiz-hints").contains("Read the paragraph on 2014."));
    // Taken: the control stays, disabled, saying none are left.
    let hint = one(&root, "[data-action=hint]");
    assert!(hint.has_attribute("disabled"));
    assert_eq!(hint.text_content().unwrap(), "Hint (none left)");
    w.unmount();
}

/// What a learner sees of a mounted quiz: its text, and the passages
/// highlighted in the article.
fn seen(root: &Element) -> (String, Vec<String>) {
    let marks =
        all(root, ".citequiz-article mark").iter().map(|m| m.text_content().unwrap()).collect();
    (root.text_content().unwrap(), marks)
}

#[wasm_bindgen_test]
fn a_compiled_bank_plays_grades_and_highlights_as_the_raw_bank() {
    let (a, b) = (host(), host());
    for key in ["t:compiled-raw", "t:compiled-fast"] {
        storage().remove_item(key).unwrap();
    }
    let raw = Widget::mount(&a, &EVERY_KIND.into(), &ARTICLE.into(), options("t:compiled-raw"));
    let fast =
        Widget::mount(&b, &EVERY_KIND_COMPILED.into(), &JsValue::NULL, options("t:compiled-fast"));
    let (raw, fast) = (raw.unwrap(), fast.unwrap());
    let (ra, rb) = (one(&a, ".citequiz"), one(&b, ".citequiz"));
    for id in
        ["single", "multiple", "tf", "blank", "number", "order", "match", "evidence", "twopart"]
    {
        go_to(&ra, id);
        go_to(&rb, id);
        assert_eq!(seen(&ra), seen(&rb), "{id}");
    }
    // Graded alike, the citation highlighted alike.
    for root in [&ra, &rb] {
        go_to(root, "single");
        pick(root, "a");
        press(root, "Check");
        assert!(live(root).starts_with("Right"), "{}", live(root));
        press(root, "Show in article");
    }
    assert_eq!(seen(&ra), seen(&rb));
    assert!(!seen(&rb).1.is_empty(), "the citation is highlighted");
    raw.unmount();
    fast.unmount();

    // A damaged compiled bank: the error panel, never a blank, saying where
    // and what to do.
    let h = host();
    let broken = EVERY_KIND_COMPILED.replacen("\"at\":[", "\"at\":[99999999,", 1);
    let err = Widget::mount(&h, &broken.as_str().into(), &JsValue::NULL, JsValue::UNDEFINED)
        .err()
        .unwrap();
    let msg = String::from(err.dyn_ref::<js_sys::Error>().unwrap().message());
    assert!(msg.contains("compiled bank"), "{msg}");
    let panel = one(&h, ".citequiz-error").text_content().unwrap();
    assert!(panel.contains("questions[0].cite[0].at"), "{panel}");
    assert!(panel.contains("citequiz compile"), "{panel}");
}
