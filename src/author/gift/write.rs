//! Writing a bank's questions as GIFT, laid out as Moodle's own exporter
//! lays them out (`::title::text{` then one answer a line, then `}`), so
//! that `parse` gives the same questions back.

use super::{CiteComment, Extras, FILL_PROMPT};
use crate::author::convert;
use crate::bank::raw::{Answer, DEFAULT_POINTS, Kind, RawBank, RawQuestion};
use crate::diag::{Code, Diagnostic};

/// The bank's questions as GIFT text, and a warning for each question GIFT
/// cannot hold (ordering, evidence, two_part, a fill_blank with several
/// gaps, a matching item with `->` in it), which is left out.
///
/// Ids, tags, citations and what else GIFT cannot say (option ids,
/// points, hints, tries, the unit) are written in `//` comments before each
/// question (see the module `gift`), so that `parse` keeps them.
///
/// # Example
/// ```
/// use citequiz::author::gift;
/// use citequiz::bank::RawBank;
/// let bank = RawBank::from_json(include_str!("../../../tests/fixtures/every-kind.json")).map_err(|_| "bank")?;
/// let (text, warnings) = gift::write(&bank);
/// let (questions, diags) = gift::parse(&text, "every-kind.gift");
/// assert!(diags.is_empty());
/// assert_eq!(questions.len() + warnings.len(), bank.questions.len());
/// # Ok::<(), &str>(())
/// ```
pub fn write(bank: &RawBank) -> (String, Vec<Diagnostic>) {
    let mut out = format!(
        "// {}\n// GIFT written by citequiz from the bank \"{}\". Moodle ignores the\n// comments; `citequiz import gift` reads them back: [cite:…] holds a\n// citation, [citequiz:…] what else GIFT cannot say.\n\n",
        one_line(&bank.title),
        one_line(&bank.id)
    );
    let mut diags = Vec::new();
    for (i, q) in bank.questions.iter().enumerate() {
        if q.tags.iter().any(|t| t.contains(['\n', '\r'])) {
            diags.push(
                Diagnostic::warning(
                    Code::FORMAT_LOSS,
                    format!("questions[{i}].tags"),
                    "a tag has a line break, which a `// [tag:…]` line cannot hold: written on one line",
                )
                .for_question(q.id.clone()),
            );
        }
        match question(q) {
            Ok(text) => {
                out.push_str(&text);
                out.push('\n');
            }
            Err(why) => diags.push(
                Diagnostic::warning(
                    Code::NOT_CONVERTED,
                    format!("questions[{i}]"),
                    format!("{why}: left out of the GIFT file"),
                )
                .for_question(q.id.clone())
                .with_help("Moodle XML or QTI keep more kinds; GIFT holds choice, true/false, short answer, numerical and matching"),
            ),
        }
    }
    (out, diags)
}

fn one_line(s: &str) -> String {
    convert::collapse(s)
}

/// GIFT's escapes for text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A value inside Moodle's `[id:…]`/`[tag:…]`: `]` and `\` escaped.
fn esc_directive(s: &str) -> String {
    one_line(s).replace('\\', "\\\\").replace(']', "\\]")
}

/// A weight as Moodle writes one: up to five decimals, no trailing zeros.
fn weight(w: f64) -> String {
    let s = format!("{w:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_string() } else { s.to_string() }
}

/// An option's text after its mark, with a weight when it is not the
/// mark's own or when the text starts with `%` (which would read as one).
fn answer_text(text: &str, explicit: Option<f64>, feedback: Option<&str>) -> String {
    let mut out = match explicit {
        Some(w) => format!("%{}%", weight(w)),
        None if text.starts_with('%') => "%100%".to_string(),
        None => String::new(),
    };
    out.push_str(&text_out(text));
    if let Some(f) = feedback.filter(|f| !f.is_empty()) {
        out.push('#');
        out.push_str(&text_out(f));
    }
    out
}

/// An answer's or feedback's text, escaped; `[plain]` before one that
/// starts with `[`, which the reader would otherwise take for a format.
fn text_out(s: &str) -> String {
    if s.starts_with('[') { format!("[plain]{}", esc(s)) } else { esc(s) }
}

/// Every text of a question that GIFT writes.
fn texts(q: &RawQuestion) -> impl Iterator<Item = &str> {
    let options = q.options.iter().flatten().flat_map(|o| [Some(&o.text), o.feedback.as_ref()]);
    let tf = q.feedback.iter().flat_map(|f| [f.on_true.as_ref(), f.on_false.as_ref()]);
    let accepted = q.gaps.iter().flatten().flat_map(|g| g.accept.iter().map(Some));
    let items = q.left.iter().chain(&q.right).flatten().map(|i| Some(&i.text));
    [Some(&q.prompt), Some(&q.explanation), q.text.as_ref()]
        .into_iter()
        .chain(options)
        .chain(tf)
        .chain(accepted)
        .chain(items)
        .flatten()
        .map(String::as_str)
}

fn question(q: &RawQuestion) -> Result<String, String> {
    let mut extras = Extras {
        points: (q.points != DEFAULT_POINTS).then_some(q.points),
        tries: q.tries,
        hints: q.hints.clone(),
        ..Extras::default()
    };
    let mut lines: Vec<String> = Vec::new();
    // What stands between `::title::` and `{`, and after `}`.
    let mut before = q.prompt.clone();
    let mut after = String::new();
    let kind = q.kind.name();
    match q.kind {
        Kind::SingleChoice | Kind::MultipleChoice => {
            let options = q.options.as_deref().unwrap_or_default();
            let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
            if ids.iter().enumerate().any(|(i, id)| *id != convert::letter_id(i)) {
                extras.ids = Some(ids);
            }
            let right: Vec<&str> = match (&q.answer, &q.answers) {
                (Some(Answer::Id(a)), _) => vec![a.as_str()],
                (_, Some(list)) => list.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            let share = 100.0 / right.len().max(1) as f64;
            for o in options {
                let is_right = right.contains(&o.id.as_str());
                let line = if q.kind == Kind::SingleChoice {
                    let mark = if is_right { '=' } else { '~' };
                    let w = (o.text.starts_with('%')).then_some(if is_right { 100.0 } else { 0.0 });
                    format!("{mark}{}", answer_text(&o.text, w, o.feedback.as_deref()))
                } else {
                    let w = if is_right { share } else { -share };
                    format!("~{}", answer_text(&o.text, Some(w), o.feedback.as_deref()))
                };
                lines.push(line);
            }
        }
        Kind::TrueFalse => {
            let answer = matches!(q.answer, Some(Answer::Bool(true)));
            let fb = q.feedback.clone().unwrap_or_default();
            let (right, wrong) =
                if answer { (fb.on_true, fb.on_false) } else { (fb.on_false, fb.on_true) };
            let mut line = if answer { "TRUE" } else { "FALSE" }.to_string();
            match (wrong.filter(|s| !s.is_empty()), right.filter(|s| !s.is_empty())) {
                (None, None) => {}
                (w, None) => line.push_str(&format!("#{}", text_out(&w.unwrap_or_default()))),
                (w, Some(r)) => line.push_str(&format!(
                    "#{}#{}",
                    text_out(&w.unwrap_or_default()),
                    text_out(&r)
                )),
            }
            lines.push(line);
        }
        Kind::FillBlank => {
            let text = q.text.as_deref().unwrap_or_default();
            let gaps = q.gaps.as_deref().unwrap_or_default();
            let parts: Vec<&str> = text.split("{}").collect();
            if gaps.iter().flat_map(|g| &g.accept).any(|a| a.contains("->")) {
                return Err(
                    "an accepted answer contains `->`, which GIFT reads as a matching pair"
                        .to_string(),
                );
            }
            let ([head, tail], [gap]) = (parts.as_slice(), gaps) else {
                return Err(format!(
                    "a fill_blank question with {} gaps (GIFT's short answer has one)",
                    parts.len().saturating_sub(1).max(gaps.len())
                ));
            };
            if text != "{}" {
                before = (*head).to_string();
                after = (*tail).to_string();
                if q.prompt != FILL_PROMPT || tail.trim().is_empty() {
                    extras.prompt = Some(q.prompt.clone());
                }
            }
            for a in &gap.accept {
                lines.push(format!("={}", answer_text(a, None, None)));
            }
        }
        Kind::Numeric => {
            let Some(Answer::Number(n)) = q.answer else {
                return Err("a numeric question without a number".to_string());
            };
            let mut line = format!("#{n}");
            if let Some(t) = q.tolerance {
                line.push_str(&format!(":{t}"));
            }
            extras.unit = q.unit.clone();
            lines.push(line);
        }
        Kind::Matching => {
            let left = q.left.as_deref().unwrap_or_default();
            let right = q.right.as_deref().unwrap_or_default();
            let pairs = q.pairs.as_deref().unwrap_or_default();
            if left.iter().chain(right).any(|i| i.text.contains("->")) {
                return Err("a matching item contains `->`, which GIFT reads as a pair".to_string());
            }
            let mut listed: Vec<&str> = Vec::new();
            for l in left {
                let Some(r) = pairs
                    .iter()
                    .find(|p| p.left == l.id)
                    .and_then(|p| right.iter().find(|r| r.id == p.right))
                else {
                    return Err(format!("the left item \"{}\" has no pair", l.id));
                };
                lines.push(format!("={} -> {}", text_out(&l.text), text_out(&r.text)));
                if !listed.contains(&r.id.as_str()) {
                    listed.push(&r.id);
                }
            }
            for r in right {
                if !listed.contains(&r.id.as_str()) {
                    lines.push(format!("= -> {}", text_out(&r.text)));
                    listed.push(&r.id);
                }
            }
            let ids: Vec<String> = left.iter().map(|i| i.id.clone()).collect();
            if ids.iter().enumerate().any(|(i, id)| *id != convert::letter_id(i)) {
                extras.ids = Some(ids);
            }
            if listed.iter().enumerate().any(|(i, id)| *id != (i + 1).to_string()) {
                extras.right = Some(listed.iter().map(|s| s.to_string()).collect());
            }
        }
        Kind::Ordering | Kind::Evidence | Kind::TwoPart => {
            return Err(format!("GIFT has no {kind} question"));
        }
    }

    let mut out = String::new();
    if !q.id.is_empty() {
        out.push_str(&format!("// [id:{}]\n", esc_directive(&q.id)));
    }
    for t in &q.tags {
        out.push_str(&format!("// [tag:{}]\n", esc_directive(t)));
    }
    for c in &q.cite {
        let json = serde_json::to_string(&CiteComment::of(c)).map_err(|e| e.to_string())?;
        out.push_str(&format!("// [cite:{json}]\n"));
    }
    if !extras.is_empty() {
        let json = serde_json::to_string(&extras).map_err(|e| e.to_string())?;
        out.push_str(&format!("// [citequiz:{json}]\n"));
    }
    // `[plain]` keeps text that the default format would read as HTML, or
    // that starts as a format name does.
    let literal = texts(q).any(|t| t.contains(['<', '&'])) || before.starts_with('[');
    out.push_str(&format!("::{}::", esc(&one_line(&q.id))));
    if literal {
        out.push_str("[plain]");
    }
    out.push_str(&esc(&before));
    out.push_str("{\n");
    for l in &lines {
        out.push('\t');
        out.push_str(l);
        out.push('\n');
    }
    if !q.explanation.is_empty() {
        out.push_str(&format!("\t####{}\n", text_out(&q.explanation)));
    }
    out.push('}');
    out.push_str(&esc(&after));
    out.push('\n');
    Ok(out)
}
