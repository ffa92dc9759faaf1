//! One question's inputs: rendering them for each kind, reading a
//! `Response` back from them, filling them from a saved one, and marking
//! the picks right or wrong. The DOM holds what the learner is composing;
//! nothing here grades.
//!
//! Data attributes: choice inputs carry `data-opt` (the option id, also
//! their value; two_part's also `data-part="a"|"b"`), gaps `data-gap` (0-based),
//! the number input `data-num`, ordering items `data-item`, matching selects
//! `data-left`. Whatever a `Mark` can name carries `data-key`.

use crate::bank::raw::{ChoiceOption, Pair};
use crate::bank::{Body, Question};
use crate::grade::{Mark, Response};
use crate::session::OptionOrder;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::dom::{R, add, add_text, all, button, data, flag, one, text};
use super::i18n::{self, I18n, Strings};
use crate::text::cat;

/// Renders the inputs of `q` into `parent` (the question's fieldset).
/// `name` makes radio group names unique on the page.
pub(crate) fn render_inputs(
    parent: &Element,
    q: &Question,
    order: &OptionOrder,
    name: &str,
    editing: bool,
    t: &Strings,
) -> R {
    match q.body() {
        Body::SingleChoice { options, .. } => choices(parent, options, &order.ids, name, "radio"),
        Body::MultipleChoice { options, .. } => {
            choices(parent, options, &order.ids, name, "checkbox")
        }
        Body::TrueFalse { .. } => {
            let list = add(parent, "div", "citequiz-options")?;
            option(&list, name, "radio", "true", t.true_)?;
            option(&list, name, "radio", "false", t.false_)?;
            Ok(())
        }
        Body::FillBlank { segments, gaps } => {
            let p = add(parent, "p", "citequiz-blanks")?;
            for (i, seg) in segments.iter().enumerate() {
                text(&p, seg)?;
                if i < gaps.len() {
                    let input = add(&p, "input", "citequiz-gap")?;
                    let n = I18n::int(i + 1);
                    let idx = I18n::int(i);
                    input.set_attribute("type", "text")?;
                    input.set_attribute("data-gap", &idx)?;
                    input.set_attribute("data-key", &idx)?;
                    input.set_attribute("aria-label", &i18n::fill(t.blank_n, &[&n]))?;
                    input.set_attribute("autocomplete", "off")?;
                    input.set_attribute("spellcheck", "false")?;
                }
            }
            Ok(())
        }
        Body::Numeric { unit, .. } => {
            let label = add(parent, "label", "citequiz-number")?;
            add_text(&label, "span", "", t.your_answer)?;
            let input = add(&label, "input", "")?;
            input.set_attribute("type", "number")?;
            input.set_attribute("step", "any")?;
            input.set_attribute("inputmode", "decimal")?;
            input.set_attribute("data-num", "")?;
            input.set_attribute("data-key", "value")?;
            if let Some(unit) = unit {
                text(&label, " ")?;
                add_text(&label, "span", "citequiz-unit", unit)?;
            }
            Ok(())
        }
        Body::Ordering { items } => {
            if editing {
                add_text(parent, "p", "citequiz-instructions", t.order_instructions)?;
            }
            let list = add(parent, "ol", "citequiz-order")?;
            for id in &order.ids {
                let Some(item) = items.iter().find(|i| &i.id == id) else { continue };
                let li = add(&list, "li", "")?;
                li.set_attribute("data-item", &item.id)?;
                li.set_attribute("data-key", &item.id)?;
                add_text(&li, "span", "citequiz-item", &item.text)?;
                if editing {
                    let moves = add(&li, "span", "citequiz-move")?;
                    let up = button(&moves, "\u{2191}", "move-up", "")?;
                    up.set_attribute("aria-label", &i18n::fill(t.move_up, &[&item.text]))?;
                    let down = button(&moves, "\u{2193}", "move-down", "")?;
                    down.set_attribute("aria-label", &i18n::fill(t.move_down, &[&item.text]))?;
                }
            }
            mark_ends(&list)
        }
        Body::Matching { left, right, .. } => {
            let list = add(parent, "div", "citequiz-matching")?;
            for l in left {
                let label = add(&list, "label", "citequiz-match")?;
                label.set_attribute("data-key", &l.id)?;
                add_text(&label, "span", "", &l.text)?;
                let select = add(&label, "select", "")?;
                select.set_attribute("data-left", &l.id)?;
                let none = add_text(&select, "option", "", t.choose)?;
                none.set_attribute("value", "")?;
                for id in &order.ids {
                    if let Some(r) = right.iter().find(|r| &r.id == id) {
                        let o = add_text(&select, "option", "", &r.text)?;
                        o.set_attribute("value", &r.id)?;
                    }
                }
            }
            Ok(())
        }
        Body::Evidence { .. } => {
            if editing {
                add_text(parent, "p", "citequiz-instructions", t.evidence_instructions)?;
            }
            let line = add(parent, "p", "citequiz-selcount")?;
            let c = add(&line, "span", "")?;
            c.set_attribute("data-role", "count")?;
            if editing {
                text(&line, " ")?;
                button(&line, t.clear, "clear-evidence", "citequiz-link")?;
            }
            Ok(())
        }
        Body::TwoPart { part_a, part_b, quotes } => {
            let fa = add(parent, "fieldset", "citequiz-part")?;
            fa.set_attribute("data-part", "a")?;
            add_text(&fa, "legend", "", &part_a.prompt)?;
            let la = add(&fa, "div", "citequiz-options")?;
            for id in &order.ids {
                if let Some(o) = part_a.options.iter().find(|o| &o.id == id) {
                    let l = option(&la, &cat(&[name, "-a"]), "radio", &o.id, &o.text)?;
                    set_part(&l, "a")?;
                }
            }
            let fb = add(parent, "fieldset", "citequiz-part")?;
            fb.set_attribute("data-part", "b")?;
            add_text(&fb, "legend", "", &part_b.prompt)?;
            let lb = add(&fb, "div", "citequiz-options citequiz-quotes")?;
            for id in &order.part_b {
                let found = part_b.options.iter().zip(quotes).find(|(o, _)| &o.id == id);
                if let Some((o, quote)) = found {
                    let l = option(&lb, &cat(&[name, "-b"]), "radio", &o.id, "")?;
                    set_part(&l, "b")?;
                    add_text(&l, "q", "citequiz-quote", quote.text())?;
                }
            }
            Ok(())
        }
    }
}

fn set_part(label: &Element, part: &str) -> R {
    match one(label, "input") {
        Some(i) => i.set_attribute("data-part", part),
        None => Ok(()),
    }
}

fn choices(
    parent: &Element,
    options: &[ChoiceOption],
    order: &[String],
    name: &str,
    kind: &str,
) -> R {
    let list = add(parent, "div", "citequiz-options")?;
    for id in order {
        if let Some(o) = options.iter().find(|o| &o.id == id) {
            option(&list, name, kind, &o.id, &o.text)?;
        }
    }
    Ok(())
}

/// `<label data-key=id><input type=kind name value=id data-opt=id> text</label>`.
fn option(parent: &Element, name: &str, kind: &str, id: &str, label: &str) -> R<Element> {
    let l = add(parent, "label", "citequiz-option")?;
    l.set_attribute("data-key", id)?;
    let input = add(&l, "input", "")?;
    input.set_attribute("type", kind)?;
    input.set_attribute("name", name)?;
    input.set_attribute("value", id)?;
    input.set_attribute("data-opt", id)?;
    if !label.is_empty() {
        add_text(&l, "span", "", label)?;
    }
    Ok(l)
}

/// Marks the first item's "Move up" and the last one's "Move down" as
/// unavailable. `aria-disabled` rather than `disabled`, so that the button
/// keeps focus when its item reaches an end.
pub(crate) fn mark_ends(list: &Element) -> R {
    let items = all(list, "li");
    for (i, li) in items.iter().enumerate() {
        if let Some(up) = one(li, "[data-action=move-up]") {
            up.set_attribute("aria-disabled", if i == 0 { "true" } else { "false" })?;
        }
        if let Some(down) = one(li, "[data-action=move-down]") {
            let last = i + 1 == items.len();
            down.set_attribute("aria-disabled", if last { "true" } else { "false" })?;
        }
    }
    Ok(())
}

/// Moves an ordering item one place up (`up`) or down, without moving the
/// item that holds focus. Returns its new 1-based position.
pub(crate) fn move_item(li: &Element, up: bool) -> R<Option<usize>> {
    let Some(list) = li.parent_element() else { return Ok(None) };
    if up {
        let Some(prev) = li.previous_element_sibling() else { return Ok(None) };
        list.insert_before(&prev, li.next_sibling().as_ref())?;
    } else {
        let Some(next) = li.next_element_sibling() else { return Ok(None) };
        list.insert_before(&next, Some(li))?;
    }
    mark_ends(&list)?;
    Ok(all(&list, "li").iter().position(|e| e == li).map(|i| i + 1))
}

fn input(e: &Element) -> Option<&HtmlInputElement> {
    e.dyn_ref::<HtmlInputElement>()
}

fn checked(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .filter(|e| input(e).is_some_and(HtmlInputElement::checked))
        .map(|e| data(e, "data-opt"))
        .collect()
}

/// Reads the response the inputs hold. Incomplete answers come back too (a
/// two_part with one part, a matching with gaps): they are drafts. None
/// when there is nothing to keep. `evidence` is the article's selection.
pub(crate) fn collect(root: &Element, q: &Question, evidence: Vec<String>) -> Option<Response> {
    let first = |sel: &str| checked(root, sel).into_iter().next();
    match q.body() {
        Body::SingleChoice { .. } => {
            first("[data-opt]").map(|choice| Response::SingleChoice { choice })
        }
        Body::MultipleChoice { .. } => {
            let choices = checked(root, "[data-opt]");
            (!choices.is_empty()).then_some(Response::MultipleChoice { choices })
        }
        Body::TrueFalse { .. } => {
            first("[data-opt]").map(|v| Response::TrueFalse { value: v == "true" })
        }
        Body::FillBlank { .. } => {
            let gaps: Vec<String> =
                all(root, "[data-gap]").iter().filter_map(input).map(|i| i.value()).collect();
            gaps.iter().any(|g| !g.trim().is_empty()).then_some(Response::FillBlank { gaps })
        }
        Body::Numeric { .. } => {
            let value = one(root, "[data-num]")
                .and_then(|e| input(&e).map(HtmlInputElement::value_as_number))
                .filter(|v| v.is_finite())?;
            Some(Response::Numeric { value })
        }
        Body::Ordering { .. } => {
            let order = all(root, "[data-item]").iter().map(|e| data(e, "data-item")).collect();
            Some(Response::Ordering { order })
        }
        Body::Matching { .. } => {
            let pairs: Vec<Pair> = all(root, "select[data-left]")
                .iter()
                .filter_map(|e| {
                    let right = e.dyn_ref::<HtmlSelectElement>()?.value();
                    (!right.is_empty()).then(|| Pair { left: data(e, "data-left"), right })
                })
                .collect();
            (!pairs.is_empty()).then_some(Response::Matching { pairs })
        }
        Body::Evidence { .. } => {
            (!evidence.is_empty()).then_some(Response::Evidence { sentences: evidence })
        }
        Body::TwoPart { .. } => {
            let a = first("[data-part=a]").unwrap_or_default();
            let b = first("[data-part=b]").unwrap_or_default();
            (!a.is_empty() || !b.is_empty()).then_some(Response::TwoPart { a, b })
        }
    }
}

/// Why a response cannot be checked yet, or None when it can.
pub(crate) fn incomplete(
    q: &Question,
    r: Option<&Response>,
    t: &'static Strings,
) -> Option<&'static str> {
    match (q.body(), r) {
        (Body::Evidence { .. }, None) => Some(t.need_sentence),
        (Body::FillBlank { .. }, None) => Some(t.need_blanks),
        (Body::Numeric { .. }, None) => Some(t.need_number),
        (Body::Matching { .. }, None) => Some(t.need_match),
        (_, None) => Some(t.need_answer),
        (_, Some(Response::TwoPart { a, b })) if a.is_empty() || b.is_empty() => {
            Some(t.need_both_parts)
        }
        _ => None,
    }
}

fn check_opt(root: &Element, selector: &str, ids: &[&str]) {
    for e in all(root, selector) {
        if let Some(i) = input(&e) {
            i.set_checked(ids.contains(&data(&e, "data-opt").as_str()));
        }
    }
}

/// Puts a response back into the inputs (evidence lives in the article).
pub(crate) fn fill(root: &Element, r: &Response) -> R {
    match r {
        Response::SingleChoice { choice } => check_opt(root, "[data-opt]", &[choice]),
        Response::MultipleChoice { choices } => {
            let ids: Vec<&str> = choices.iter().map(String::as_str).collect();
            check_opt(root, "[data-opt]", &ids);
        }
        Response::TrueFalse { value } => {
            check_opt(root, "[data-opt]", &[if *value { "true" } else { "false" }]);
        }
        Response::FillBlank { gaps } => {
            for (e, g) in all(root, "[data-gap]").iter().zip(gaps) {
                if let Some(i) = input(e) {
                    i.set_value(g);
                }
            }
        }
        Response::Numeric { value } => {
            if let Some(e) = one(root, "[data-num]")
                && let Some(i) = input(&e)
            {
                i.set_value_as_number(*value);
            }
        }
        Response::Ordering { order } => {
            if let Some(list) = one(root, "ol.citequiz-order") {
                let items = all(&list, "[data-item]");
                for id in order {
                    if let Some(li) = items.iter().find(|e| &data(e, "data-item") == id) {
                        list.append_child(li)?;
                    }
                }
                mark_ends(&list)?;
            }
        }
        Response::Matching { pairs } => {
            for e in all(root, "select[data-left]") {
                let left = data(&e, "data-left");
                if let (Some(s), Some(p)) =
                    (e.dyn_ref::<HtmlSelectElement>(), pairs.iter().find(|p| p.left == left))
                {
                    s.set_value(&p.right);
                }
            }
        }
        Response::Evidence { .. } => {}
        Response::TwoPart { a, b } => {
            check_opt(root, "[data-part=a]", &[a]);
            check_opt(root, "[data-part=b]", &[b]);
        }
    }
    Ok(())
}

/// Disables every input, for a question that takes no more answers now.
pub(crate) fn disable(root: &Element) -> R {
    for e in all(root, "input,select") {
        flag(&e, "disabled", true)?;
    }
    Ok(())
}

/// Adds `right` or `wrong` to what each mark names.
pub(crate) fn apply_marks(root: &Element, q: &Question, marks: &[Mark]) -> R {
    let two_part = matches!(q.body(), Body::TwoPart { .. });
    let keyed = all(root, "[data-key]");
    for m in marks {
        let class = if m.correct { "right" } else { "wrong" };
        let target = if two_part {
            // two_part marks name the part: mark the pick within it.
            all(root, "fieldset[data-part]")
                .into_iter()
                .find(|f| data(f, "data-part") == m.key)
                .and_then(|f| {
                    all(&f, "label").into_iter().find(|l| {
                        one(l, "input")
                            .as_ref()
                            .and_then(input)
                            .is_some_and(HtmlInputElement::checked)
                    })
                })
        } else {
            keyed.iter().find(|e| data(e, "data-key") == m.key).cloned()
        };
        if let Some(t) = target {
            t.class_list().add_1(class)?;
        }
    }
    Ok(())
}

/// Updates the "n sentences selected" line of an evidence question.
pub(crate) fn show_count(root: &Element, n: usize, i18n: &I18n) {
    if let Some(c) = one(root, "[data-role=count]") {
        let s = if n == 0 {
            String::from(i18n.t.no_sentences)
        } else {
            i18n.count(n as f64, &i18n.t.sentences_selected)
        };
        c.set_text_content(Some(&s));
    }
}
