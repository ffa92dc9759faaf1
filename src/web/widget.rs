//! The mounted widget: the exported `Widget`, which owns the view and its
//! event listeners.
//!
//! Three listeners (click, keydown, input) sit on the widget's root and
//! dispatch into the view, one (`storage`) on the window follows other
//! tabs on the same quiz, and with a host reading (`articleIn`) one (click)
//! on its element picks evidence sentences there; their closures live in
//! the `Widget` and are removed and dropped by `unmount` (never
//! `Closure::forget`).

use super::view::i18n::{self, I18n, fill};
use super::view::{self, DiagLine, Mode, Options, View};
use super::{js_error, normalizer};
use crate::bank::{Part, load_playable};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, Node};

/// The events the root listens to.
const EVENTS: [&str; 3] = ["click", "keydown", "input"];

/// An event listener's closure.
type Handler = Closure<dyn FnMut(Event)>;

/// A listener: the element it is on, the event's name and its closure.
type Listener = (Element, &'static str, Handler);

/// A quiz mounted into a host element.
#[wasm_bindgen]
pub struct Widget {
    view: Rc<RefCell<View>>,
    root: Element,
    /// The root's listeners, and the click listener on the host page's
    /// reading (`articleIn`), where a click picks an evidence sentence.
    listeners: Vec<Listener>,
    /// The window's `storage` listener, for another tab on the same quiz.
    storage: Closure<dyn FnMut(Event)>,
}

#[wasm_bindgen]
impl Widget {
    /// Parses the article and the bank, restores saved progress, renders.
    /// The bank and the article are JSON text: strings, or UTF-8 bytes in a
    /// `Uint8Array` (what `fetch` gives as `arrayBuffer()`; quicker for a
    /// large bank, whose bytes are copied as they are rather than encoded
    /// from a JS string). With `article_json` null or undefined, the bank
    /// is a compiled one (`citequiz compile`), which carries its article
    /// and is not checked again: the fast path. The player's build
    /// (feature `player`, `citequiz_player_bg.wasm`) reads only that: a
    /// bank given with its article fails with an `unknown-format`
    /// diagnostic that says to compile it or load the full widget.
    ///
    /// `host` is an element or a shadow root (its `<style>` and `<link>`
    /// children are kept). `options` (a JS object; every field optional):
    /// `storageKey` (default `"citequiz:" + bank id`), `seed` (a number),
    /// `showArticle` (default true), `mode` (`"practice"`, the default, or
    /// `"exam"`), `pool` (draw this many questions), `tags` (an array, or a
    /// comma- or space-separated string: only questions with one of these
    /// tags), `lang` (a BCP 47 tag; default `navigator.language`; English
    /// and Russian are covered, other languages get English).
    ///
    /// `review` (default true): whether each final answer updates the
    /// learner's spaced-review memory (FSRS-6, in `localStorage` under
    /// `citequiz-review:` + bank id) and the review bar shows how many
    /// questions are due, with a Review button and the daily limit of new
    /// questions.
    ///
    /// `articleIn` (an element of the host page holding the reading): the
    /// citations are anchored in its text and "Show in article" highlights
    /// them there (the CSS Custom Highlight API, `::highlight(citequiz)`),
    /// without changing its DOM; the widget's own article pane shows only
    /// for evidence questions and for a citation not found in that text,
    /// which the root reports as a `citequiz:anchor-failed` event (detail
    /// `{questionId, index, quote, match: "none" | "approximate", score}`)
    /// and on the console. Without `CSS.highlights` it is ignored.
    ///
    /// `actor` (`{name, mbox}` or `{name, account: {homePage, name}}`) and
    /// `activity` (the bank's IRI) go into the xAPI statements.
    ///
    /// The widget's root dispatches `citequiz:answered`, then
    /// `citequiz:passed` or `citequiz:failed` and `citequiz:completed`,
    /// bubbling and composed, each with an xAPI statement as `detail`.
    ///
    /// # Errors
    /// A bank or article that fails to load: the error panel is rendered
    /// into `host` and the error lists every diagnostic.
    pub fn mount(
        host: &Node,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] bank_json: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | null | undefined")]
        article_json: &JsValue,
        options: JsValue,
    ) -> Result<Widget, JsValue> {
        let options = options_from_js(&options);
        let not_text = || {
            js_error(
                "the bank and the article must be JSON text (a string or UTF-8 bytes)",
                &[],
                None,
            )
        };
        super::mark("start");
        let compiled = article_json.is_null() || article_json.is_undefined();
        // No article: a compiled bank, which carries its own, checked and
        // anchored when it was compiled (`bank::compiled`).
        let article_json = if compiled {
            None
        } else {
            Some(super::text_in(article_json, "article").ok_or_else(not_text)??)
        };
        // The bank read in pieces, so that its whole text is never in the
        // Wasm's memory (`compiled_in`, `raw_in`); read whole by
        // `load_playable` only when that gives up (anything unusual or
        // wrong), for the diagnostics that say where.
        let bank = match super::playable_in(bank_json, article_json.as_deref()) {
            Some(bank) => bank,
            None => {
                let bank_json = super::text_in(bank_json, "bank").ok_or_else(not_text)??;
                load_playable(&bank_json, article_json.as_deref(), normalizer()).map_err(
                    |failure| {
                        let article = failure.part == Part::Article;
                        let lang = I18n::new(options.lang.as_deref());
                        view::load_error(host, article, &failure.diags, &lang);
                        let source = failure.source(&bank_json, article_json.as_deref());
                        js_error(failure.summary(), &failure.diags, Some(source))
                    },
                )?
            }
        };
        drop(article_json);
        super::mark("bank loaded");
        let view = View::mount(host, bank, options)?;
        super::mark("view mounted");
        let root = view.root().clone();
        let view = Rc::new(RefCell::new(view));
        let mut listeners = Vec::with_capacity(EVENTS.len() + 1);
        // Each listener is the same closure, told what it hears by `kind`
        // (the event's name on the root, `view::HOST_CLICK` on the reading).
        let reading = view.borrow().host_reading().map(|el| (el, "click", view::HOST_CLICK));
        let on_root = EVENTS.iter().map(|&kind| (root.clone(), kind, kind));
        for (target, event, kind) in on_root.chain(reading) {
            let v = Rc::clone(&view);
            let cb = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
                // A handler that triggers another event (focus moving fires
                // change and blur) finds the view busy: that event is skipped.
                if let Ok(mut v) = v.try_borrow_mut()
                    && let Err(e) = v.handle(kind, &ev)
                {
                    view::log(&e);
                }
                if kind == "input" {
                    read_import(&ev, &v);
                }
            });
            target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref())?;
            listeners.push((target, event, cb));
        }
        // Another tab on the same quiz: `storage` fires on the window.
        let v = Rc::clone(&view);
        let storage = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            let key = ev.dyn_ref::<web_sys::StorageEvent>().and_then(web_sys::StorageEvent::key);
            if let Ok(mut v) = v.try_borrow_mut()
                && let Err(e) = v.on_storage(key.as_deref())
            {
                view::log(&e);
            }
        });
        if let Some(w) = web_sys::window() {
            w.add_event_listener_with_callback("storage", storage.as_ref().unchecked_ref())?;
            // The first save of a fresh session, once this task (and the
            // first question's paint) is done; an earlier save makes it a no-op.
            let v = Rc::clone(&view);
            let later = Closure::once_into_js(move || first_save(&v));
            let _ = w.set_timeout_with_callback(later.unchecked_ref());
        }
        Ok(Widget { view, root, listeners, storage })
    }

    /// Renders the error panel into `host` (an element or a shadow root): a
    /// heading (`title`, or when it is empty "This quiz could not be
    /// loaded" in `lang`), the message, and each diagnostic (objects with
    /// code, path, line, column, message, help).
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(
        host: &Node,
        title: &str,
        message: &str,
        diagnostics: JsValue,
        lang: Option<String>,
    ) {
        let lines: Vec<DiagLine> = if js_sys::Array::is_array(&diagnostics) {
            js_sys::Array::from(&diagnostics).iter().map(|d| DiagLine::from_js(&d)).collect()
        } else {
            Vec::new()
        };
        let i18n = I18n::new(lang.as_deref());
        let title = Some(title).filter(|t| !t.is_empty());
        if let Err(e) = view::error_panel(host, title, message, &lines, &i18n) {
            view::log(&e);
        }
    }

    /// Renders the error panel for a file that could not be fetched, in
    /// `lang`: `what` is `"bank"` or `"article"`, `reason` `"timeout"`
    /// (after `seconds`), `"network"` or `"status"` (the server answered
    /// `status`, e.g. `"404 Not Found"`). The panel ends with a "Try again"
    /// button, `[data-action="retry"]`, whose click the caller handles.
    #[wasm_bindgen(js_name = showFetchError)]
    pub fn show_fetch_error(
        host: &Node,
        what: &str,
        url: &str,
        reason: &str,
        detail: &str,
        lang: Option<String>,
    ) {
        let i18n = I18n::new(lang.as_deref());
        let t = i18n.t;
        let why = match reason {
            "timeout" => fill(t.fetch_timeout, &[detail]),
            "status" => fill(t.fetch_status, &[detail]),
            _ => String::from(t.fetch_network),
        };
        let message = fill(t.fetch_failed, &[i18n::fetched_what(i18n.lang(), what), url, &why]);
        if let Err(e) = view::fetch_error_panel(host, &message, &i18n) {
            view::log(&e);
        }
    }

    /// How each citation of the bank anchored in the host page's reading
    /// (`articleIn`): an array of `{questionId, index, quote, match:
    /// "exact" | "approximate" | "none", score}`; null without one.
    #[wasm_bindgen(js_name = hostAnchors)]
    pub fn host_anchors(&self) -> JsValue {
        self.view.try_borrow().ok().and_then(|v| v.host_anchors()).unwrap_or(JsValue::NULL)
    }

    /// Saves a fresh session not saved yet, then removes the listeners and
    /// the DOM the widget made.
    pub fn unmount(self) {
        for (target, event, cb) in &self.listeners {
            let _ = target.remove_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        }
        if let Some(w) = web_sys::window() {
            let f = self.storage.as_ref().unchecked_ref();
            let _ = w.remove_event_listener_with_callback("storage", f);
        }

        // The fresh session's first save, if its timer has not run yet.
        first_save(&self.view);
        if let Ok(mut v) = self.view.try_borrow_mut() {
            v.clear_host_highlight();
        }
        self.root.remove();
        drop(self.view);
    }
}

/// Reads the file picked in the "Import progress" input, if that is what
/// `ev` is about, and hands its text to the view when it is read. The read
/// is the browser's (`File.text()`); its callback is freed once called.
fn read_import(ev: &Event, view: &Rc<RefCell<View>>) {
    let get = |o: &JsValue, k: &JsValue| js_sys::Reflect::get(o, k).ok();
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    if !input.has_attribute(view::IMPORT_ATTR) {
        return;
    }
    let Some(file) = get(&input, &"files".into())
        .and_then(|files| get(&files, &0.into()))
        .filter(|f| f.is_object())
    else {
        return;
    };
    let text = get(&file, &"text".into()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = text.and_then(|text| text.call0(&file).ok()) else { return };
    let v = Rc::clone(view);
    let done = Closure::once_into_js(move |text: JsValue| {
        if let (Some(text), Ok(mut v)) = (text.as_string(), v.try_borrow_mut())
            && let Err(e) = v.import_progress(&text)
        {
            view::log(&e);
        }
    });
    let then = get(&promise, &"then".into()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(then) = then {
        let _ = then.call1(&promise, &done);
    }
    // The same file may be picked again.
    let _ = js_sys::Reflect::set(&input, &"value".into(), &"".into());
}

/// Saves a fresh session that nothing has saved yet (`View::save_if_unsaved`).
fn first_save(view: &RefCell<View>) {
    if let Ok(mut v) = view.try_borrow_mut()
        && let Err(e) = v.save_if_unsaved()
    {
        view::log(&e);
    }
    super::mark("first save");
}

fn options_from_js(o: &JsValue) -> Options {
    let get = |k: &str| {
        if o.is_object() { js_sys::Reflect::get(o, &JsValue::from_str(k)).ok() } else { None }
    };
    let seed = get("seed").and_then(|v| v.as_f64()).filter(|s| s.is_finite() && *s >= 0.0);
    let pool = get("pool").and_then(|v| v.as_f64()).filter(|n| n.is_finite() && *n >= 1.0);
    let mode = match get("mode").and_then(|v| v.as_string()).as_deref() {
        Some("exam") => Mode::Exam,
        _ => Mode::Practice,
    };
    Options {
        storage_key: get("storageKey").and_then(|v| v.as_string()).filter(|k| !k.is_empty()),
        seed: seed.map(|s| s as u64),
        show_article: get("showArticle").and_then(|v| v.as_bool()).unwrap_or(true),
        mode,
        pool: pool.map(|n| n as usize),
        tags: get("tags").map(|v| tags_from_js(&v)).unwrap_or_default(),
        lang: get("lang").and_then(|v| v.as_string()).filter(|l| !l.trim().is_empty()),
        actor: get("actor").and_then(|v| actor_from_js(&v)),
        activity: get("activity").and_then(|v| v.as_string()).filter(|a| !a.trim().is_empty()),
        review: get("review").and_then(|v| v.as_bool()).unwrap_or(true),
        article_in: get("articleIn").and_then(|v| v.dyn_into::<Element>().ok()),
    }
}

/// The learner, as the host page names them: `{name, mbox}` or
/// `{name, account: {homePage, name}}` (xAPI's Agent). None for anything
/// else, which leaves the statements anonymous.
fn actor_from_js(v: &JsValue) -> Option<crate::xapi::Actor> {
    let get = |o: &JsValue, k: &str| {
        js_sys::Reflect::get(o, &JsValue::from_str(k)).ok().and_then(|x| x.as_string())
    };
    let name = get(v, "name").unwrap_or_default();
    if let Some(mbox) = get(v, "mbox").filter(|m| !m.is_empty()) {
        return Some(crate::xapi::Actor::mbox(name, &mbox));
    }
    let account = js_sys::Reflect::get(v, &JsValue::from_str("account")).ok()?;
    let (home, id) = (get(&account, "homePage")?, get(&account, "name")?);
    Some(crate::xapi::Actor::account(name, home, id))
}

/// Tags from an array of strings, or from one string separated by commas
/// or spaces (as an attribute gives them).
fn tags_from_js(v: &JsValue) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        for t in s.split([',', ' ']).map(str::trim).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
    };
    if js_sys::Array::is_array(v) {
        for item in js_sys::Array::from(v).iter() {
            if let Some(s) = item.as_string() {
                push(&s);
            }
        }
    } else if let Some(s) = v.as_string() {
        push(&s);
    }
    tags
}
