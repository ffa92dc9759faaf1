//! The host page's reading (`article-in`): the bank's citations anchored in
//! the text of an element of the page the widget sits in, and shown there
//! with the CSS Custom Highlight API, never by changing the page's DOM.
//!
//! The DOM half of `article::HostText`: `HostReading::new` walks the
//! element's text nodes in document order into `Piece`s (a block element's
//! edges and `<br>` are breaks; inline markup is nothing), anchors every
//! citation of the bank in the result with `article::anchor` (through
//! `HostText`), and keeps the text nodes, so that an anchored span becomes
//! a DOM `Range` over them. Left out of the text: `script`, `style`,
//! `template`, `noscript`, `textarea`, `select`, anything with the `hidden`
//! attribute, `<cite-quiz>` elements, and footnote markers (a `<sup>` that
//! holds an in-page link, `<sup><a href="#fn1">1</a></sup>`, and
//! `[role=doc-noteref]`): a marker stands inside a sentence the article
//! writes without it. CSS (`display: none`) is not consulted: reading
//! computed styles would lay the page out once per element.
//!
//! Showing a citation sets the registry entry `citequiz` of `CSS.highlights`
//! to a `Highlight` of its `Range`; the element's document-level stylesheet
//! (`citequiz.js`) styles `::highlight(citequiz)`. One entry serves every
//! widget of the page: the last shown wins, and a widget clears the entry
//! only while it still holds its own highlight. The API is reached through
//! `js_sys::Reflect` (web-sys marks it unstable).
//!
//! Invariant: nothing here writes to the host page's DOM. It reads nodes,
//! makes `Range`s (which are not in the tree) and sets the highlight
//! registry.

use crate::article::{AnchorResult, Article, ChunkPos, HostText, Piece, Selector, Span};
use crate::bank::Bank;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Range};

/// The highlight registry's entry every widget of a page uses.
const NAME: &str = "citequiz";

/// Elements whose text is not part of the reading.
const SKIP: &str = "script,style,template,noscript,textarea,select,[hidden],[role=doc-noteref],\
                    cite-quiz";

/// Elements whose edges separate text as whitespace does.
const BLOCKS: &str = "address,article,aside,blockquote,br,caption,dd,details,div,dl,dt,figcaption,\
                      figure,footer,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,\
                      summary,table,td,th,tr,ul";

/// How a citation anchored in the host's text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    Exact,
    /// Found within the error budget: used, and reported.
    Approximate,
    /// Not found: the widget's own copy shows it, and it is reported.
    None,
}

impl Match {
    fn name(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::Approximate => "approximate",
            Match::None => "none",
        }
    }
}

/// One citation of the bank in the host's text.
pub(crate) struct Anchor {
    question: String,
    index: usize,
    quote: String,
    matched: Match,
    /// The anchored span in `HostText`'s joined text.
    span: Option<Span>,
    score: f64,
}

/// The host's reading, its text nodes, and where each citation is in it.
pub(crate) struct HostReading {
    nodes: Vec<Node>,
    text: HostText,
    anchors: Vec<Anchor>,
    /// The `Highlight` this widget put in the registry, while it shows.
    shown: Option<JsValue>,
    /// Where each article sentence is in the host's text (its id and span),
    /// found on the first click in the reading.
    sentences: Option<Vec<(String, Span)>>,
    /// The host's element holding the reading.
    pub(crate) el: Element,
}

/// `CSS.highlights`, where the browser has it (and `Highlight` with it).
pub(crate) fn registry() -> Option<JsValue> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &"CSS".into()).ok().filter(JsValue::is_object)?;
    let reg = Reflect::get(&css, &"highlights".into()).ok().filter(JsValue::is_object)?;
    Reflect::get(&global, &"Highlight".into()).ok().filter(JsValue::is_function)?;
    Some(reg)
}

/// Calls method `name` of `obj` with `args` (at most two).
fn call(obj: &JsValue, name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f = Reflect::get(obj, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    match args {
        [] => f.call0(obj),
        [a] => f.call1(obj, a),
        [a, b, ..] => f.call2(obj, a, b),
    }
    .ok()
}

impl HostReading {
    /// Reads `el`'s text and anchors every citation of `bank` in it.
    pub(crate) fn new(el: &Element, bank: &Bank) -> HostReading {
        let mut nodes = Vec::new();
        let mut texts: Vec<Option<String>> = Vec::new();
        walk(el, &mut nodes, &mut texts);
        let pieces = texts.iter().map(|t| t.as_deref().map_or(Piece::Break, Piece::Text));
        let text = HostText::new(pieces, bank.article().norm().normalizer());
        let mut anchors = Vec::new();
        for q in bank.questions() {
            for (index, c) in q.citations().iter().enumerate() {
                let (matched, span, score) = match text.anchor(&c.selector) {
                    AnchorResult::Found(a) if a.exact => (Match::Exact, Some(a.span), a.score),
                    AnchorResult::Found(a) => (Match::Approximate, Some(a.span), a.score),
                    AnchorResult::NotFound { .. } => (Match::None, None, 0.0),
                };
                let quote = c.selector.exact.clone();
                anchors.push(Anchor {
                    question: q.id().to_string(),
                    index,
                    quote,
                    matched,
                    span,
                    score,
                });
            }
        }
        HostReading { nodes, text, anchors, shown: None, sentences: None, el: el.clone() }
    }

    /// The citations that did not anchor exactly: each with its
    /// `citequiz:anchor-failed` detail and its console message.
    pub(crate) fn failures(&self) -> impl Iterator<Item = (JsValue, String)> + '_ {
        self.anchors.iter().filter(|a| a.matched != Match::Exact).map(|a| {
            let what = if a.matched == Match::None {
                "is not in the reading: the quiz's own copy of the article shows it"
            } else {
                "is only approximately in the reading (the page's text differs from the bank's article)"
            };
            let msg = crate::text::cat(&[
                "citequiz: question \"",
                &a.question,
                "\": the quote \u{201C}",
                &a.quote,
                "\u{201D} ",
                what,
            ]);
            (detail(a), msg)
        })
    }

    /// Every citation's anchoring: an array of the details
    /// `citequiz:anchor-failed` carries, exact ones included.
    pub(crate) fn anchors(&self) -> JsValue {
        let list = Array::new();
        for (i, a) in self.anchors.iter().enumerate() {
            let _ = Reflect::set(&list, &(i as f64).into(), &detail(a));
        }
        list.into()
    }

    /// Highlights citation `index` of question `qid` in the host's text and
    /// scrolls the page to it; returns its text in the page (what the
    /// reading says: footnote markers left out), or None when it is not
    /// anchored there (the widget's copy shows it instead).
    pub(crate) fn show(&mut self, qid: &str, index: usize) -> Option<String> {
        let a = self.anchors.iter().find(|a| a.question == qid && a.index == index)?;
        let span = a.span?;
        self.show_span(span)
    }

    /// Highlights and scrolls to where `text` (a paragraph of the article)
    /// is in the host's reading; None when it is not there.
    pub(crate) fn show_text(&mut self, text: String) -> Option<String> {
        let span = self.text.anchor(&Selector::exact(text)).found()?.span;
        self.show_span(span)
    }

    fn show_span(&mut self, span: Span) -> Option<String> {
        let (range, start) = self.range(&span)?;
        let parent = start.parent_element();
        let reg = registry()?;
        let ctor = Reflect::get(&js_sys::global(), &"Highlight".into()).ok()?;
        let highlight =
            Reflect::construct(ctor.dyn_ref::<Function>()?, &Array::of1(&range)).ok()?;
        call(&reg, "set", &[&NAME.into(), &highlight])?;
        self.shown = Some(highlight);
        scroll_to(&range, parent);
        Some(self.text.slice(&span))
    }

    /// The id of the article sentence under a click at `x`, `y` (client
    /// coordinates) in the host's reading, if any: the caret there
    /// (`caretPositionFromPoint`, or `caretRangeFromPoint` where that is
    /// missing) mapped through the host's text to the sentence, each
    /// sentence anchored there once, on the first click.
    pub(crate) fn sentence_at(&mut self, x: f64, y: f64, article: &Article) -> Option<String> {
        let doc = self.el.owner_document()?;
        let (node, offset) = caret(&doc, x, y)?;
        let chunk = self.nodes.iter().position(|n| *n == node)?;
        let at = self.text.offset(ChunkPos { chunk, utf16: offset })?;
        let text = &self.text;
        let sentences = self.sentences.get_or_insert_with(|| {
            let found = article.sentences().iter().filter_map(|s| {
                let quote = Selector::exact(article.slice(&s.span));
                Some((s.id.clone(), text.anchor(&quote).found()?.span))
            });
            found.collect()
        });
        let hit = sentences.iter().find(|(_, span)| span.start <= at && at < span.end)?;
        Some(hit.0.clone())
    }

    /// Removes this widget's highlight from the registry, if it still
    /// holds it there.
    pub(crate) fn clear(&mut self) {
        let (Some(mine), Some(reg)) = (self.shown.take(), registry()) else { return };
        if call(&reg, "get", &[&NAME.into()]).is_some_and(|c| c == mine) {
            call(&reg, "delete", &[&NAME.into()]);
        }
    }

    /// A `Range` over a span of the joined text, and its start's node.
    fn range(&self, span: &Span) -> Option<(Range, &Node)> {
        let (a, b) = self.text.locate(span)?;
        let node = |p: ChunkPos| self.nodes.get(p.chunk);
        let start = node(a)?;
        let range = start.owner_document()?.create_range().ok()?;
        range.set_start(start, u32::try_from(a.utf16).ok()?).ok()?;
        range.set_end(node(b)?, u32::try_from(b.utf16).ok()?).ok()?;
        Some((range, start))
    }
}

/// A citation's anchoring as an object: `questionId`, `index`, `quote`,
/// `match` and, when found, `score`.
fn detail(a: &Anchor) -> JsValue {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &k.into(), &v);
    };
    set("questionId", a.question.as_str().into());
    set("index", (a.index as f64).into());
    set("quote", a.quote.as_str().into());
    set("match", a.matched.name().into());
    if a.span.is_some() {
        set("score", a.score.into());
    }
    o.into()
}

/// Collects `node`'s text nodes in document order into `nodes`, and into
/// `texts` their data (`Some`) and the breaks (`None`).
fn walk(node: &Node, nodes: &mut Vec<Node>, texts: &mut Vec<Option<String>>) {
    let kids = node.child_nodes();
    for i in 0..kids.length() {
        let Some(c) = kids.item(i) else { continue };
        match c.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                texts.push(Some(c.text_content().unwrap_or_default()));
                nodes.push(c);
            }
            Node::ELEMENT_NODE => {
                if let Some(e) = c.dyn_ref::<Element>().filter(|e| !skipped(e)) {
                    let block = e.matches(BLOCKS).unwrap_or(false);
                    if block {
                        texts.push(None);
                    }
                    walk(&c, nodes, texts);
                    if block {
                        texts.push(None);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether an element's text stays out of the reading.
fn skipped(e: &Element) -> bool {
    if e.matches(SKIP).unwrap_or(false) {
        return true;
    }
    // A footnote marker: a superscript holding a link into the page.
    e.tag_name().eq_ignore_ascii_case("sup")
        && e.query_selector("a[href^=\"#\"]").ok().flatten().is_some()
}

/// Scrolls the page so that the range's start is in the middle of the
/// view: its parent element first (which scrolls any box it is in), then
/// the window, by what is left, when the range is still out of view (a
/// paragraph taller than the window). Instant, as the widget's other
/// scrolls are, so prefers-reduced-motion has nothing to reduce.
fn scroll_to(range: &Range, parent: Option<Element>) {
    if let Some(p) = &parent {
        super::dom::scroll_to(p, web_sys::ScrollLogicalPosition::Center);
    }
    let Some(w) = web_sys::window() else { return };
    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let rect = call(range, "getBoundingClientRect", &[]);
    let num = |k: &str| rect.as_ref().and_then(|r| Reflect::get(r, &k.into()).ok()?.as_f64());
    if let (Some(top), Some(bottom)) = (num("top"), num("bottom"))
        && (top < 0.0 || bottom > height)
    {
        w.scroll_by_with_x_and_y(0.0, top - (height - (bottom - top).min(height)) / 2.0);
    }
}

/// The text node and UTF-16 offset of the caret at client point `x`, `y`.
fn caret(doc: &web_sys::Document, x: f64, y: f64) -> Option<(Node, usize)> {
    let (x, y) = (JsValue::from(x), JsValue::from(y));
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).ok();
    let (node, offset) = if let Some(p) = call(doc, "caretPositionFromPoint", &[&x, &y]) {
        (get(&p, "offsetNode")?, get(&p, "offset")?)
    } else {
        let r = call(doc, "caretRangeFromPoint", &[&x, &y])?;
        (get(&r, "startContainer")?, get(&r, "startOffset")?)
    };
    Some((node.dyn_into().ok()?, offset.as_f64()? as usize))
}
