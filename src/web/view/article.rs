//! The article pane: rendered once, then touched only where it changes.
//!
//! Each paragraph is a `<p data-p="p1">` whose sentences are
//! `<span class="s" data-s="p1.s2">`, with the whitespace between them kept
//! as text so that the paragraph's text content is its text exactly. A
//! citation is highlighted by re-rendering only the paragraphs it touches,
//! with segment boundaries at sentence edges and at the citation's edges,
//! each piece inside it wrapped in its own `<mark class="cite">`.
//!
//! While an evidence question takes answers, sentences are checkboxes
//! (`role="checkbox"`, `aria-checked`) with one roving tab stop; selection
//! changes only toggle attributes, they never re-render.

use crate::article::Article;
use web_sys::{Document, Element};

use super::dom::{R, add, add_text, all, data, el, focus, is_web_url, text};
use super::i18n::Strings;

/// The article pane and its per-sentence state.
pub(crate) struct ArticlePane {
    /// The `<article>` element.
    pub(crate) el: Element,
    paras: Vec<Element>,
    /// `Article::text()` as chars: every offset the core gives is in chars.
    chars: Vec<char>,
    /// Paragraph indices that hold marks now.
    marked: Vec<usize>,
    /// The highlighted span, in chars.
    mark: Option<(usize, usize)>,
    /// Whether sentences are selectable (an evidence question takes answers).
    active: bool,
    /// Selected sentence ids.
    selected: Vec<String>,
    /// Graded sentence ids: right or wrong, after an evidence answer.
    graded: Vec<(String, bool)>,
    /// The sentence holding the roving tab stop.
    roving: Option<String>,
}

impl ArticlePane {
    /// Renders the article.
    pub(crate) fn render(doc: &Document, article: &Article, t: &Strings) -> R<ArticlePane> {
        let raw = article.raw();
        let root = el(doc, "article", "citequiz-article")?;
        // The article scrolls in its own box when the panes stack (and in an
        // embed): a keyboard user reaches it, and scrolls it, by this tab stop.
        root.set_attribute("tabindex", "0")?;
        root.set_attribute("aria-label", &raw.title)?;
        if let Some(lang) = &raw.language {
            root.set_attribute("lang", lang)?;
        }
        add_text(&root, "h2", "citequiz-article-title", &raw.title)?;
        if let Some(sub) = &raw.subtitle {
            add_text(&root, "p", "citequiz-subtitle", sub)?;
        }
        let mut pane = ArticlePane {
            el: root,
            paras: Vec::new(),
            chars: article.text().chars().collect(),
            marked: Vec::new(),
            mark: None,
            active: false,
            selected: Vec::new(),
            graded: Vec::new(),
            roving: None,
        };
        let related_after = |n: usize| raw.related.iter().filter(move |r| r.after_paragraph == n);
        for r in related_after(0) {
            related(&pane.el, &r.title, r.url.as_deref(), t)?;
        }
        for (i, p) in article.paragraphs().iter().enumerate() {
            let pe = add(&pane.el, "p", "")?;
            pe.set_attribute("data-p", &p.id)?;
            pane.paras.push(pe);
            pane.render_paragraph(article, i)?;
            for r in related_after(i + 1) {
                related(&pane.el, &r.title, r.url.as_deref(), t)?;
            }
        }
        if !raw.notes.is_empty() || raw.photo_credit.is_some() {
            let foot = add(&pane.el, "footer", "citequiz-notes")?;
            for n in &raw.notes {
                add_text(&foot, "p", "", n)?;
            }
            if let Some(credit) = &raw.photo_credit {
                let p = add(&foot, "p", "")?;
                text(&p, t.photo)?;
                text(&p, credit)?;
            }
        }
        Ok(pane)
    }

    /// Scrolls paragraph `id` (`p3`) into view and moves focus to it.
    pub(crate) fn show_paragraph(&self, id: &str) {
        let Some(p) = self.paras.iter().find(|p| data(p, "data-p") == id) else { return };
        let _ = p.set_attribute("tabindex", "-1");
        focus(p);
        super::dom::scroll_to(p, web_sys::ScrollLogicalPosition::Start);
    }

    /// The first words of paragraph `id`, about 60 characters, with "…".
    pub(crate) fn paragraph_start(&self, id: &str) -> String {
        let Some(p) = self.paras.iter().find(|p| data(p, "data-p") == id) else {
            return String::new();
        };
        let text = p.text_content().unwrap_or_default();
        let mut out: String = text.chars().take(60).collect();
        if text.chars().nth(60).is_some() {
            out.push('\u{2026}');
        }
        out
    }

    fn slice(&self, a: usize, b: usize) -> String {
        self.chars.get(a..b).map(|c| c.iter().collect()).unwrap_or_default()
    }

    /// Appends chars `a..b` to `parent`, the part inside the mark wrapped in
    /// `<mark class="cite">`.
    fn push_range(&self, parent: &Element, a: usize, b: usize) -> R {
        let (ms, me) = self.mark.unwrap_or((b, b));
        let (m0, m1) = (ms.clamp(a, b), me.clamp(a, b));
        if a < m0 {
            text(parent, &self.slice(a, m0))?;
        }
        if m0 < m1 {
            let m = add_text(parent, "mark", "cite", &self.slice(m0, m1))?;
            m.set_attribute("tabindex", "-1")?;
        }
        let rest = m1.max(a);
        if rest < b {
            text(parent, &self.slice(rest, b))?;
        }
        Ok(())
    }

    /// Renders paragraph `i` from its text, with the current mark and the
    /// current sentence state.
    fn render_paragraph(&self, article: &Article, i: usize) -> R {
        let (Some(pe), Some(p)) = (self.paras.get(i), article.paragraphs().get(i)) else {
            return Ok(());
        };
        super::dom::clear(pe);
        let mut at = p.span.start;
        for s in article.sentences_of(i) {
            self.push_range(pe, at, s.span.start)?;
            let se = add(pe, "span", "s")?;
            se.set_attribute("data-s", &s.id)?;
            self.push_range(&se, s.span.start, s.span.end)?;
            self.decorate(&se, &s.id)?;
            at = s.span.end;
        }
        self.push_range(pe, at, p.span.end)
    }

    /// Highlights chars `start..end` of the body (None: no highlight) and
    /// returns the first mark.
    pub(crate) fn highlight(
        &mut self,
        article: &Article,
        span: Option<(usize, usize)>,
    ) -> R<Option<Element>> {
        let old = std::mem::take(&mut self.marked);
        self.mark = span;
        for i in old {
            self.render_paragraph(article, i)?;
        }
        let Some((start, end)) = span else { return Ok(None) };
        let touched: Vec<usize> = article
            .paragraphs()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.span.start < end && start < p.span.end)
            .map(|(i, _)| i)
            .collect();
        for &i in &touched {
            self.render_paragraph(article, i)?;
        }
        self.marked = touched;
        Ok(super::dom::one(&self.el, "mark.cite"))
    }

    /// Sets a sentence span's class and checkbox attributes from the state.
    fn decorate(&self, se: &Element, id: &str) -> R {
        let mut class = String::from("s");
        let selected = self.selected.iter().any(|s| s == id);
        if selected {
            class.push_str(" selected");
        }
        if let Some((_, right)) = self.graded.iter().find(|(g, _)| g == id) {
            class.push_str(if *right { " right" } else { " wrong" });
        }
        se.set_class_name(&class);
        if self.active {
            se.set_attribute("role", "checkbox")?;
            se.set_attribute("aria-checked", if selected { "true" } else { "false" })?;
            let stop = self.roving.as_deref() == Some(id);
            se.set_attribute("tabindex", if stop { "0" } else { "-1" })?;
        } else {
            se.remove_attribute("role")?;
            se.remove_attribute("aria-checked")?;
            se.remove_attribute("tabindex")?;
        }
        Ok(())
    }

    fn redecorate(&self) -> R {
        for se in all(&self.el, "[data-s]") {
            self.decorate(&se, &data(&se, "data-s"))?;
        }
        Ok(())
    }

    /// Sets the sentence state for the current question: `active` when an
    /// evidence question takes answers, the selection, and graded marks.
    pub(crate) fn set_evidence(
        &mut self,
        active: bool,
        selected: &[String],
        graded: Vec<(String, bool)>,
    ) -> R {
        self.active = active;
        self.selected = selected.to_vec();
        self.graded = graded;
        self.roving = if active {
            self.selected.first().cloned().or_else(|| one_attr(&self.el, "[data-s]", "data-s"))
        } else {
            None
        };
        self.redecorate()
    }

    /// Whether sentences are selectable now.
    pub(crate) fn is_active(&self) -> bool {
        self.active
    }

    /// The selected sentence ids, in article order.
    pub(crate) fn selection(&self, article: &Article) -> Vec<String> {
        article
            .sentences()
            .iter()
            .filter(|s| self.selected.contains(&s.id))
            .map(|s| s.id.clone())
            .collect()
    }

    /// How many sentences are selected.
    pub(crate) fn selected_count(&self) -> usize {
        self.selected.len()
    }

    /// Toggles a sentence and gives it the tab stop.
    pub(crate) fn toggle(&mut self, se: &Element) -> R {
        let id = data(se, "data-s");
        if !self.active || id.is_empty() {
            return Ok(());
        }
        if self.selected.contains(&id) {
            self.selected.retain(|s| s != &id);
        } else {
            self.selected.push(id.clone());
        }
        self.move_stop(se)?;
        self.decorate(se, &id)
    }

    /// Clears the selection.
    pub(crate) fn clear_selection(&mut self) -> R {
        self.selected.clear();
        self.redecorate()
    }

    /// Moves the roving tab stop by `delta` sentences from `from` and focuses it.
    pub(crate) fn step(&mut self, from: &Element, delta: i32) -> R {
        let spans = all(&self.el, "[data-s]");
        let Some(i) = spans.iter().position(|s| s == from) else { return Ok(()) };
        let j = if delta < 0 { i.saturating_sub(1) } else { (i + 1).min(spans.len() - 1) };
        if let Some(target) = spans.get(j) {
            self.move_stop(target)?;
            focus(target);
        }
        Ok(())
    }

    fn move_stop(&mut self, to: &Element) -> R {
        if let Some(old) = self.roving.take() {
            for se in all(&self.el, "[tabindex=\"0\"][data-s]") {
                se.set_attribute("tabindex", "-1")?;
            }
            let _ = old;
        }
        to.set_attribute("tabindex", "0")?;
        self.roving = Some(data(to, "data-s"));
        Ok(())
    }
}

fn one_attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    super::dom::one(root, selector).and_then(|e| e.get_attribute(name))
}

/// A "Related article: …" line, linked only to http(s) addresses.
fn related(parent: &Element, title: &str, url: Option<&str>, t: &Strings) -> R {
    let p = add(parent, "p", "citequiz-related")?;
    text(&p, t.related)?;
    match url.filter(|u| is_web_url(u)) {
        Some(u) => {
            let a = add_text(&p, "a", "", title)?;
            a.set_attribute("href", u)?;
            a.set_attribute("rel", "noopener")?;
        }
        None => {
            add_text(&p, "span", "", title)?;
        }
    }
    Ok(())
}
