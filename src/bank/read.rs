//! Reading the bank's DTOs (`raw`) from a parsed JSON tree, with the
//! `json` reader rather than serde (positioned diagnostics; no serde
//! `Deserialize` in the Wasm).
//!
//! The field names come from `raw::fields` and the defaults from
//! `raw::DEFAULT_*`, the same ones the DTOs' serde attributes use; what
//! the reader does with each field (required, optional, defaulted, its
//! type) `tests/bank_format.rs` compares with serde's reading of the same
//! DTOs, over every shipped bank, every fixture and generated banks.

use super::raw::{
    Answer, ChoiceOption, Cite, DEFAULT_HINT_PENALTY, DEFAULT_PASS_PERCENT, DEFAULT_POINTS,
    DEFAULT_SHUFFLE, DEFAULT_TRIES, DEFAULT_TRY_PENALTY, Gap, Hint, Item, Kind, Pair, PartA, PartB,
    QuoteOption, RawBank, RawQuestion, TrueFalseFeedback, fields,
};
use crate::article::Selector;
use crate::diag::{Code, Diagnostic};
use crate::json::read::{Obj, Path, Reader, document, str_item};
use crate::json::value::{V, Value};

impl RawBank {
    /// Reads a bank file into its DTOs without checking it (ids, references,
    /// citations: `Bank::load` does that), for tools that convert banks.
    ///
    /// # Errors
    /// Every problem of shape found: malformed JSON, wrong types, missing
    /// and unknown fields, each with its JSON path and line:column.
    pub fn from_json(source: &str) -> Result<RawBank, Vec<Diagnostic>> {
        document(source, |r, v| {
            let bank = head(r, v)?;
            let root = Path::Root;
            let list = root.key("questions");
            let questions: Vec<Option<RawQuestion>> = bank
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| question(r, q, list.index(i)))
                .collect();
            let questions = questions.into_iter().collect::<Option<Vec<_>>>()?;
            Some(bank.with_questions(questions))
        })
    }
}

/// The bank's own fields, each question left as a JSON value. `None` (with
/// diagnostics) when the document is not an object.
pub(crate) fn head<'v>(r: &mut Reader, v: &'v Value<'v>) -> Option<RawBank<&'v Value<'v>>> {
    let o = r.obj(v, Path::Root, v.at, fields::BANK)?;
    Some(RawBank {
        schema: o.opt_str(r, "$schema"),
        format: o.str(r, "format"),
        id: o.str(r, "id"),
        title: o.str(r, "title"),
        description: o.opt_str(r, "description"),
        article: o.str(r, "article"),
        language: o.opt_str(r, "language"),
        pass_percent: o.f64_or(r, "pass_percent", DEFAULT_PASS_PERCENT),
        tries: o.u32_or(r, "tries", DEFAULT_TRIES),
        try_penalty: o.f64_or(r, "try_penalty", DEFAULT_TRY_PENALTY),
        shuffle_questions: o.bool_or(r, "shuffle_questions", DEFAULT_SHUFFLE),
        shuffle_options: o.bool_or(r, "shuffle_options", DEFAULT_SHUFFLE),
        questions: o.arr(r, "questions", |_, q, _| q),
    })
}

/// The string `id` of a question, if it has one (for diagnostics).
pub(super) fn peek_id(v: &Value) -> Option<String> {
    let V::Obj(members) = &v.v else { return None };
    match &members.iter().find(|m| m.key == "id")?.value.v {
        V::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

/// One question; `None` when anything in it has the wrong shape.
pub(crate) fn question(r: &mut Reader, v: &Value, path: Path) -> Option<RawQuestion> {
    let before = r.errors;
    let o = r.obj(v, path, v.at, &fields::QUESTION)?;
    let q = RawQuestion {
        id: o.str(r, "id"),
        kind: o.with(r, "kind", kind).unwrap_or_default(),
        prompt: o.str(r, "prompt"),
        explanation: o.str(r, "explanation"),
        cite: o.arr_or_empty(r, "cite", cite),
        points: o.f64_or(r, "points", DEFAULT_POINTS),
        tags: o.arr_or_empty(r, "tags", str_item),
        hints: o.arr_or_empty(r, "hints", hint),
        tries: o.opt_u32(r, "tries"),
        options: o.opt_arr(r, "options", choice),
        answer: o.opt_with(r, "answer", answer),
        answers: o.opt_arr(r, "answers", str_item),
        feedback: o.opt_with(r, "feedback", feedback),
        text: o.opt_str(r, "text"),
        gaps: o.opt_arr(r, "gaps", gap),
        tolerance: o.opt_f64(r, "tolerance"),
        unit: o.opt_str(r, "unit"),
        items: o.opt_arr(r, "items", item),
        left: o.opt_arr(r, "left", item),
        right: o.opt_arr(r, "right", item),
        pairs: o.opt_arr(r, "pairs", pair),
        part_a: o.opt_with(r, "part_a", part_a),
        part_b: o.opt_with(r, "part_b", part_b),
    };
    (r.errors == before).then_some(q)
}

pub(crate) fn kind(r: &mut Reader, v: &Value, path: Path, at: usize) -> Kind {
    let V::Str(name) = &v.v else {
        r.wrong_type(&path, at, "a string", &v.v);
        return Kind::default();
    };
    if let Some(k) = Kind::ALL.into_iter().find(|k| k.name() == name) {
        return k;
    }
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let mut m = format!("unknown variant `{name}`, expected one of `");
    m.push_str(&names.join("`, `"));
    m.push('`');
    r.error(Code::UNKNOWN_KIND, &path, at, m);
    if let (Some(best), Some(d)) =
        (crate::diag::did_you_mean(name, names.iter().copied()), r.diags.last_mut())
    {
        d.help = Some(format!("did you mean `{best}`?"));
    }
    Kind::default()
}

pub(crate) fn answer(r: &mut Reader, v: &Value, path: Path, at: usize) -> Answer {
    match &v.v {
        V::Bool(b) => Answer::Bool(*b),
        V::Num(x) => Answer::Number(*x),
        V::Str(s) => Answer::Id(s.to_string()),
        other => {
            let expected = "an option id (string), true or false, or a number";
            r.wrong_type(&path, at, expected, other);
            Answer::Bool(false)
        }
    }
}

/// A W3C TextQuoteSelector.
pub(crate) fn selector(r: &mut Reader, v: &Value, path: Path, at: usize) -> Selector {
    let Some(o) = r.obj(v, path, at, fields::SELECTOR) else {
        return Selector::exact("");
    };
    selector_of(r, &o)
}

/// The selector's fields of an object already opened (a selector, or a
/// citation, which may also carry its mark). Inlined: as a call of its own
/// it moved the widget's Wasm layout and cost 0.5 kB gzip
/// (`bash scripts/size.sh`: 136,070 against 135,569 inlined).
#[inline(always)]
fn selector_of(r: &mut Reader, o: &Obj) -> Selector {
    Selector {
        exact: o.str(r, "exact"),
        prefix: o.opt_str(r, "prefix"),
        suffix: o.opt_str(r, "suffix"),
    }
}

/// A citation: a TextQuoteSelector that may carry `"suggested": true`.
fn cite(r: &mut Reader, v: &Value, path: Path) -> Cite {
    let Some(o) = r.obj(v, path, v.at, fields::CITE) else {
        return Cite::new(Selector::exact(""));
    };
    Cite { selector: selector_of(r, &o), suggested: o.bool_or(r, "suggested", false) }
}

pub(super) fn hint(r: &mut Reader, v: &Value, path: Path) -> Hint {
    let Some(o) = r.obj(v, path, v.at, fields::HINT) else {
        return Hint { text: String::new(), penalty: DEFAULT_HINT_PENALTY };
    };
    Hint { text: o.str(r, "text"), penalty: o.f64_or(r, "penalty", DEFAULT_HINT_PENALTY) }
}

pub(super) fn choice(r: &mut Reader, v: &Value, path: Path) -> ChoiceOption {
    let Some(o) = r.obj(v, path, v.at, fields::CHOICE_OPTION) else {
        return ChoiceOption { id: String::new(), text: String::new(), feedback: None };
    };
    ChoiceOption { id: o.str(r, "id"), text: o.str(r, "text"), feedback: o.opt_str(r, "feedback") }
}

pub(super) fn item(r: &mut Reader, v: &Value, path: Path) -> Item {
    let Some(o) = r.obj(v, path, v.at, fields::ITEM) else {
        return Item { id: String::new(), text: String::new() };
    };
    Item { id: o.str(r, "id"), text: o.str(r, "text") }
}

pub(super) fn gap(r: &mut Reader, v: &Value, path: Path) -> Gap {
    let Some(o) = r.obj(v, path, v.at, fields::GAP) else { return Gap { accept: Vec::new() } };
    Gap { accept: o.arr(r, "accept", str_item) }
}

pub(crate) fn pair(r: &mut Reader, v: &Value, path: Path) -> Pair {
    let Some(o) = r.obj(v, path, v.at, fields::PAIR) else {
        return Pair { left: String::new(), right: String::new() };
    };
    Pair { left: o.str(r, "left"), right: o.str(r, "right") }
}

pub(super) fn feedback(r: &mut Reader, v: &Value, path: Path, at: usize) -> TrueFalseFeedback {
    let Some(o) = r.obj(v, path, at, fields::TRUE_FALSE_FEEDBACK) else {
        return TrueFalseFeedback::default();
    };
    TrueFalseFeedback { on_true: o.opt_str(r, "true"), on_false: o.opt_str(r, "false") }
}

pub(super) fn part_a(r: &mut Reader, v: &Value, path: Path, at: usize) -> PartA {
    let Some(o) = r.obj(v, path, at, fields::PART_A) else {
        return PartA { prompt: String::new(), options: Vec::new(), answer: String::new() };
    };
    PartA {
        prompt: o.str(r, "prompt"),
        options: o.arr(r, "options", choice),
        answer: o.str(r, "answer"),
    }
}

fn part_b(r: &mut Reader, v: &Value, path: Path, at: usize) -> PartB {
    let Some(o) = r.obj(v, path, at, fields::PART_B) else {
        return PartB { prompt: String::new(), options: Vec::new(), answer: String::new() };
    };
    PartB {
        prompt: o.str(r, "prompt"),
        options: o.arr(r, "options", quote_option),
        answer: o.str(r, "answer"),
    }
}

fn quote_option(r: &mut Reader, v: &Value, path: Path) -> QuoteOption {
    let Some(o) = r.obj(v, path, v.at, fields::QUOTE_OPTION) else {
        return QuoteOption { id: String::new(), quote: Selector::exact(""), feedback: None };
    };
    QuoteOption {
        id: o.str(r, "id"),
        quote: o.with(r, "quote", selector).unwrap_or_else(|| Selector::exact("")),
        feedback: o.opt_str(r, "feedback"),
    }
}
