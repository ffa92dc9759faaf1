//! Small DOM helpers. Text reaches the DOM only through `set_text_content`
//! and `append_with_str_1` (both make text nodes), never through `innerHTML`:
//! bank and article text is untrusted.

use crate::text::bidi::bidi_closed;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, FocusOptions, HtmlElement, Node, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};

/// What every DOM call here returns: web-sys reports failures as JS values.
pub(crate) type R<T = ()> = Result<T, JsValue>;

/// A new element with a class (none when `class` is empty).
pub(crate) fn el(doc: &Document, tag: &str, class: &str) -> R<Element> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// A new element appended to `parent`.
pub(crate) fn add(parent: &Element, tag: &str, class: &str) -> R<Element> {
    let doc = parent.owner_document().ok_or_else(|| JsValue::from_str("detached"))?;
    let e = el(&doc, tag, class)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// A new element holding `text` as a text node, appended to `parent`. Bidi
/// controls the text leaves open are closed at its end (see
/// `crate::text::bidi`): the element may be inline among the widget's words.
pub(crate) fn add_text(parent: &Element, tag: &str, class: &str, text: &str) -> R<Element> {
    let e = add(parent, tag, class)?;
    e.set_text_content(Some(&bidi_closed(text)));
    Ok(e)
}

/// Appends a text node, its open bidi controls closed at its end.
pub(crate) fn text(parent: &Element, s: &str) -> R {
    parent.append_with_str_1(&bidi_closed(s))
}

/// A `<button type="button">` with a `data-action`, appended to `parent`.
pub(crate) fn button(parent: &Element, label: &str, action: &str, class: &str) -> R<Element> {
    let b = add_text(parent, "button", class, label)?;
    b.set_attribute("type", "button")?;
    b.set_attribute("data-action", action)?;
    Ok(b)
}

/// Sets or removes a boolean attribute.
pub(crate) fn flag(e: &Element, name: &str, on: bool) -> R {
    if on { e.set_attribute(name, "") } else { e.remove_attribute(name) }
}

/// Empties an element.
pub(crate) fn clear(e: &Element) {
    e.set_text_content(None);
}

/// Empties a host (an element or a shadow root) but for its `<style>` and
/// `<link>` children: a shadow root's stylesheet stays put.
pub(crate) fn clear_host(host: &Node) {
    let kids = host.child_nodes();
    let mut i = kids.length();
    while i > 0 {
        i -= 1;
        let Some(n) = kids.item(i) else { continue };
        let keep = n.dyn_ref::<Element>().is_some_and(|e| {
            let tag = e.tag_name();
            tag.eq_ignore_ascii_case("style") || tag.eq_ignore_ascii_case("link")
        });
        if !keep {
            let _ = host.remove_child(&n);
        }
    }
}

/// Moves keyboard focus to an element and scrolls it into view only as far
/// as needed: a plain `focus()` may scroll the whole page to bring an
/// element of the sticky quiz pane "into view". Focus is a courtesy, so a
/// failure is ignored.
pub(crate) fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let opts = FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = h.focus_with_options(&opts);
        scroll_to(e, ScrollLogicalPosition::Nearest);
    }
}

/// Scrolls an element into view.
pub(crate) fn scroll_to(e: &Element, block: ScrollLogicalPosition) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(block);
    e.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Every element under `root` matching `selector`, as a Vec.
pub(crate) fn all(root: &Element, selector: &str) -> Vec<Element> {
    let mut out = Vec::new();
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                out.push(e);
            }
        }
    }
    out
}

/// The first element under `root` matching `selector`.
pub(crate) fn one(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// An attribute's value, or "" when it is absent.
pub(crate) fn data(e: &Element, name: &str) -> String {
    e.get_attribute(name).unwrap_or_default()
}

/// Whether the URL is safe to link to: http or https only.
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
