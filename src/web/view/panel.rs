//! The panels shown instead of a quiz: the error panel (a bank or article
//! that failed to load, with every diagnostic and where it is; a file that
//! could not be fetched, with "Try again"). They need no session, so the
//! page's loader draws them before, or instead of, mounting a `View`. The
//! loading status is the loader's own (www/fatal.js): it shows before the
//! bank's first bytes have said which Wasm to start.
//!
//! Like the rest of the view, they write bank text only as text nodes and
//! UI text only from `i18n`.

use super::dom::{self, R, add, add_text, button, clear_host, text};
use super::i18n::{I18n, Strings, fill};
use crate::diag::Diagnostic;
use crate::text::cat;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

/// One diagnostic as the error panel lists it.
pub(crate) struct DiagLine {
    pub(crate) code: String,
    pub(crate) path: String,
    pub(crate) line: Option<f64>,
    pub(crate) column: Option<f64>,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

impl DiagLine {
    /// From a core diagnostic.
    pub(crate) fn from_diag(d: &Diagnostic) -> DiagLine {
        DiagLine {
            code: d.code.to_string(),
            path: d.path.clone(),
            line: d.line.map(|l| l as f64),
            column: d.column.map(|c| c as f64),
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
            path: s("path").unwrap_or_default(),
            line: n("line"),
            column: n("column"),
            message: s("message").or_else(|| v.as_string()).unwrap_or_default(),
            help: s("help"),
        }
    }

    /// "questions[3].cite[0], line 12, column 5", or as much as is known.
    fn place(&self, t: &Strings) -> String {
        let mut s = self.path.clone();
        let int = |x: f64| I18n::int(x.max(0.0) as usize);
        if let Some(l) = self.line {
            if !s.is_empty() {
                s.push_str(", ");
            }
            s.push_str(&fill(t.line, &[&int(l)]));
            if let Some(c) = self.column {
                s.push_str(&fill(t.column, &[&int(c)]));
            }
        }
        s
    }
}

/// Empties `host` and makes a panel's root for it, with its class, ARIA
/// role and language; the caller fills it, then appends it.
fn panel(host: &Node, class: &str, role: &str, i18n: &I18n) -> R<Element> {
    let doc: Document =
        host.owner_document().ok_or_else(|| JsValue::from_str("host is detached"))?;
    clear_host(host);
    let root = dom::el(&doc, "div", class)?;
    root.set_attribute("role", role)?;
    root.set_attribute("lang", &i18n.tag)?;
    Ok(root)
}

/// Renders the error panel into `host`, replacing what it holds; `title`
/// None for the language's "This quiz could not be loaded".
pub(crate) fn error_panel(
    host: &Node,
    title: Option<&str>,
    message: &str,
    diags: &[DiagLine],
    i18n: &I18n,
) -> R<Element> {
    let t = i18n.t;
    let root = panel(host, "citequiz citequiz-error", "alert", i18n)?;
    add_text(&root, "h2", "", title.unwrap_or(t.load_failed))?;
    add_text(&root, "p", "", message)?;
    if !diags.is_empty() {
        let ul = add(&root, "ul", "citequiz-diagnostics")?;
        for d in diags {
            let li = add(&ul, "li", "")?;
            if !d.code.is_empty() {
                add_text(&li, "code", "", &d.code)?;
                text(&li, " ")?;
            }
            let place = d.place(t);
            if !place.is_empty() {
                add_text(&li, "span", "citequiz-where", &cat(&["(", &place, ") "]))?;
            }
            add_text(&li, "span", "", &d.message)?;
            if let Some(h) = &d.help {
                add_text(&li, "p", "citequiz-help", &fill(t.help, &[h]))?;
            }
        }
    }
    host.append_child(&root)?;
    Ok(root)
}

/// Renders the panel for a file that could not be fetched: the error panel
/// with `message` and a "Try again" button (`data-action="retry"`); the
/// page's loader listens for its click and fetches again.
pub(crate) fn fetch_error_panel(host: &Node, message: &str, i18n: &I18n) -> R {
    let root = error_panel(host, None, message, &[], i18n)?;
    button(&root, i18n.t.try_again, "retry", "citequiz-primary")?;
    Ok(())
}

/// Renders the panel for a bank or article that failed to load.
pub(crate) fn load_error(host: &Node, article: bool, diags: &[Diagnostic], i18n: &I18n) {
    let lines: Vec<DiagLine> = diags.iter().map(DiagLine::from_diag).collect();
    let what = if article { i18n.t.the_article } else { i18n.t.the_bank };
    let message = fill(i18n.t.has_problems, &[what]);
    let _ = error_panel(host, None, &message, &lines, i18n);
}
