//! Moodle XML, as Moodle's question bank imports it (Question bank →
//! Import → Moodle XML format; `question/format/xml/format.php`).
//!
//! One file: a `<question type="category">` named after the bank, then a
//! `<question>` per citequiz question (two for a two_part one). Every
//! question carries `<name>`, `<questiontext>` (HTML in CDATA),
//! `<generalfeedback>` (the explanation and the cited quotes, marked as
//! quotes, with the article's title and address), `<defaultgrade>` (its
//! points), `<penalty>` (the bank's `try_penalty`), `<hidden>`,
//! `<idnumber>` (the citequiz id), its hints and its `<tags>`.
//!
//! Kinds to Moodle types: single_choice and multiple_choice →
//! `multichoice` (`<single>`; fractions: the right option 100, or each
//! right option 100/R and each wrong one −100/R, as citequiz grades);
//! true_false → `truefalse`; fill_blank → `shortanswer` (one gap) or
//! `cloze` (several); numeric → `numerical`; matching → `matching`
//! (distractors as subquestions with empty text); ordering → `ordering`
//! (the qtype_ordering plugin, in Moodle's core since 4.4). Moodle has no
//! evidence or two-part type: evidence → `multichoice` over the sentences
//! of the cited paragraphs, two_part → two `multichoice` questions, each
//! with a warning (`export-nearest-type`).

use super::{
    Export, evidence_sentences, html_text, nearest_type, number, short_title, source, xml_text,
};
use crate::bank::raw::ChoiceOption;
use crate::bank::{Bank, Body, Question};
use std::fmt::Write as _;

const FORMAT: &str = "Moodle XML";

/// The bank as one Moodle XML file, `<bank id>.moodle.xml`.
pub fn export(bank: &Bank) -> Export {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let mut warnings = Vec::new();
    category(&mut out, bank);
    for q in bank.questions() {
        question(&mut out, bank, q, &mut warnings);
    }
    out.push_str("</quiz>\n");
    Export {
        files: vec![(format!("{}.moodle.xml", file_stem(bank.id())), out.into_bytes())],
        warnings,
    }
}

/// A file name from a bank id: characters outside `A-Z a-z 0-9 - _`
/// become `_`.
pub fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect()
}

/// `html` in CDATA (which cannot hold `]]>`: it is split across two).
fn cdata(html: &str) -> String {
    format!("<![CDATA[{}]]>", html.replace("]]>", "]]]]><![CDATA[>"))
}

/// `<tag format="html"><text>…</text></tag>`.
fn html_field(out: &mut String, indent: &str, tag: &str, html: &str) {
    let text = if html.is_empty() { String::new() } else { cdata(html) };
    let _ = writeln!(
        out,
        "{indent}<{tag} format=\"html\">\n{indent}  <text>{text}</text>\n{indent}</{tag}>"
    );
}

fn category(out: &mut String, bank: &Bank) {
    // Moodle splits a category path at "/"; "//" is a slash in a name. A
    // name is one line.
    let title = bank.title().split_whitespace().collect::<Vec<_>>().join(" ");
    let name = xml_text(&title.replace('/', "//"));
    let _ = writeln!(
        out,
        "  <question type=\"category\">\n    <category>\n      <text>$course$/top/{name}</text>\n    </category>"
    );
    html_field(out, "    ", "info", &html_text(bank.description().unwrap_or("")));
    let _ = writeln!(out, "    <idnumber>{}</idnumber>\n  </question>", xml_text(bank.id()));
}

/// What every question starts with. `id` is the idnumber, `name` the
/// question's name in the bank.
struct Head<'a> {
    kind: &'a str,
    name: String,
    id: String,
    text: String,
    points: f64,
}

fn head(out: &mut String, bank: &Bank, q: &Question, h: &Head) {
    let _ = writeln!(out, "  <question type=\"{}\">", h.kind);
    let _ = writeln!(out, "    <name>\n      <text>{}</text>\n    </name>", xml_text(&h.name));
    html_field(out, "    ", "questiontext", &h.text);
    html_field(out, "    ", "generalfeedback", &general_feedback(bank, q));
    let _ = writeln!(out, "    <defaultgrade>{}</defaultgrade>", number(h.points));
    let _ = writeln!(out, "    <penalty>{}</penalty>", number(bank.try_penalty()));
    let _ = writeln!(out, "    <hidden>0</hidden>");
    let _ = writeln!(out, "    <idnumber>{}</idnumber>", xml_text(&h.id));
}

fn tail(out: &mut String, q: &Question) {
    for hint in q.hints() {
        html_field(out, "    ", "hint", &html_text(&hint.text));
    }
    if !q.tags().is_empty() {
        out.push_str("    <tags>\n");
        for t in q.tags() {
            let _ =
                writeln!(out, "      <tag>\n        <text>{}</text>\n      </tag>", xml_text(t));
        }
        out.push_str("    </tags>\n");
    }
    out.push_str("  </question>\n");
}

/// The explanation, then each cited passage as a quote, then the source.
fn general_feedback(bank: &Bank, q: &Question) -> String {
    let (title, url) = source(bank.article());
    let mut html = html_text(q.explanation());
    for c in q.citations() {
        let _ = write!(
            html,
            "<blockquote cite=\"{}\"><p>{}</p></blockquote>",
            xml_text(&url),
            xml_text(c.text())
        );
    }
    let _ = write!(html, "<p>Source: <a href=\"{}\">{}</a></p>", xml_text(&url), xml_text(&title));
    html
}

/// A fraction as Moodle writes it, in percent.
fn percent(f: f64) -> String {
    number(f * 100.0)
}

/// `<answer>` with HTML text and optional feedback.
fn answer(out: &mut String, fraction: f64, html: &str, feedback: Option<&str>) {
    answer_as(out, fraction, "html", &cdata(html), feedback, "");
}

/// `<answer>` with plain text, as true/false, short answers and numbers
/// are; `extra` goes at its end (a number's tolerance).
fn plain_answer(out: &mut String, fraction: f64, text: &str, feedback: Option<&str>, extra: &str) {
    answer_as(out, fraction, "moodle_auto_format", &xml_text(text), feedback, extra);
}

/// `<answer>` of a `format`, its `<text>` content as given (escaped).
fn answer_as(
    out: &mut String,
    fraction: f64,
    format: &str,
    content: &str,
    feedback: Option<&str>,
    extra: &str,
) {
    let _ = writeln!(
        out,
        "    <answer fraction=\"{}\" format=\"{format}\">\n      <text>{content}</text>",
        percent(fraction)
    );
    html_field(out, "      ", "feedback", &html_text(feedback.unwrap_or("")));
    out.push_str(extra);
    out.push_str("    </answer>\n");
}

/// A multichoice question's own elements and answers: `right` are the
/// keyed options' indexes. One right option: single, 100 for it, 0 for
/// the rest; several: each right +100/R, each wrong −100/R (citequiz's
/// and Moodle's multiple-answer rule, floored at 0 by both).
fn multichoice(
    out: &mut String,
    bank: &Bank,
    options: &[(String, Option<&str>)],
    right: &[usize],
    single: bool,
) {
    let r = right.len().max(1) as f64;
    let _ = writeln!(out, "    <single>{single}</single>");
    let _ = writeln!(out, "    <shuffleanswers>{}</shuffleanswers>", bank.shuffle_options());
    out.push_str("    <answernumbering>abc</answernumbering>\n    <showstandardinstruction>0</showstandardinstruction>\n");
    for (i, (html, feedback)) in options.iter().enumerate() {
        let is_right = right.contains(&i);
        let fraction = match (single, is_right) {
            (true, true) => 1.0,
            (true, false) => 0.0,
            (false, true) => 1.0 / r,
            (false, false) => -1.0 / r,
        };
        answer(out, fraction, html, *feedback);
    }
}

fn options_html(options: &[ChoiceOption]) -> Vec<(String, Option<&str>)> {
    options.iter().map(|o| (html_text(&o.text), o.feedback.as_deref())).collect()
}

fn question(
    out: &mut String,
    bank: &Bank,
    q: &Question,
    warnings: &mut Vec<crate::diag::Diagnostic>,
) {
    let mut h = Head {
        kind: "multichoice",
        name: short_title(q.prompt()),
        id: q.id().to_string(),
        text: html_text(q.prompt()),
        points: q.points(),
    };
    match q.body() {
        Body::SingleChoice { options, answer } => {
            head(out, bank, q, &h);
            let right: Vec<usize> =
                options.iter().position(|o| &o.id == answer).into_iter().collect();
            multichoice(out, bank, &options_html(options), &right, true);
        }
        Body::MultipleChoice { options, answers } => {
            head(out, bank, q, &h);
            let right: Vec<usize> = options
                .iter()
                .enumerate()
                .filter(|(_, o)| answers.contains(&o.id))
                .map(|(i, _)| i)
                .collect();
            multichoice(out, bank, &options_html(options), &right, false);
        }
        Body::TrueFalse { answer, feedback } => {
            h.kind = "truefalse";
            head(out, bank, q, &h);
            let (t, f) = if *answer { (1.0, 0.0) } else { (0.0, 1.0) };
            plain_answer(out, t, "true", feedback.on_true.as_deref(), "");
            plain_answer(out, f, "false", feedback.on_false.as_deref(), "");
        }
        Body::FillBlank { segments, gaps } if gaps.len() == 1 => {
            h.kind = "shortanswer";
            let sentence = segments.join("_____");
            h.text = format!("{}{}", html_text(q.prompt()), html_text(&sentence));
            head(out, bank, q, &h);
            out.push_str("    <usecase>0</usecase>\n");
            for a in gaps.iter().flat_map(|g| &g.accept) {
                plain_answer(out, 1.0, a, None, "");
            }
        }
        Body::FillBlank { segments, gaps } => {
            // Several gaps: Moodle's embedded answers (cloze), one
            // SHORTANSWER per gap, each accepted answer right.
            h.kind = "cloze";
            let mut sentence = String::new();
            for (i, seg) in segments.iter().enumerate() {
                sentence.push_str(&xml_text(seg));
                if let Some(g) = gaps.get(i) {
                    let alts: Vec<String> = g
                        .accept
                        .iter()
                        // Whitespace folded: a tab's character reference would hold a `#`.
                        .map(|a| {
                            let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
                            format!("={}", cloze_escape(&xml_text(&a)))
                        })
                        .collect();
                    let _ = write!(sentence, "{{1:SHORTANSWER:{}}}", alts.join("~"));
                }
            }
            h.text = format!("{}<p>{sentence}</p>", html_text(q.prompt()));
            h.points = gaps.len() as f64;
            head(out, bank, q, &h);
        }
        Body::Numeric { answer, tolerance, unit } => {
            h.kind = "numerical";
            if let Some(u) = unit {
                h.text.push_str(&format!("<p>({})</p>", xml_text(u)));
            }
            head(out, bank, q, &h);
            plain_answer(
                out,
                1.0,
                &number(*answer),
                None,
                &format!("      <tolerance>{}</tolerance>\n", number(*tolerance)),
            );
            out.push_str("    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1</unitpenalty>\n    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>\n");
        }
        Body::Ordering { items } => {
            h.kind = "ordering";
            head(out, bank, q, &h);
            out.push_str("    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n    <selectcount>0</selectcount>\n    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n");
            // The plugin keys the right order on `fraction`: 1, 2, 3, …
            for (i, item) in items.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "    <answer fraction=\"{}\" format=\"html\">\n      <text>{}</text>\n    </answer>",
                    i + 1,
                    cdata(&html_text(&item.text))
                );
            }
        }
        Body::Matching { left, right, answer } => {
            h.kind = "matching";
            head(out, bank, q, &h);
            let _ =
                writeln!(out, "    <shuffleanswers>{}</shuffleanswers>", bank.shuffle_options());
            let text_of =
                |id: &str| right.iter().find(|r| r.id == id).map(|r| r.text.as_str()).unwrap_or("");
            for (l, r) in left.iter().zip(answer) {
                subquestion(out, &html_text(&l.text), text_of(r));
            }
            // Right items no pair names: distractors, as Moodle keeps them.
            for r in right.iter().filter(|r| !answer.contains(&r.id)) {
                subquestion(out, "", &r.text);
            }
        }
        Body::Evidence { target } => {
            let sentences = evidence_sentences(bank.article(), target);
            let ids: Vec<&str> = sentences.iter().map(|(s, _)| s.id.as_str()).collect();
            warnings.push(nearest_type(bank, q, FORMAT, &format!(
                "is written as a multiple-answer multichoice over the {} sentences of the cited paragraphs and their neighbours ({} to {})",
                sentences.len(), ids.first().unwrap_or(&""), ids.last().unwrap_or(&""),
            )));
            head(out, bank, q, &h);
            let options: Vec<(String, Option<&str>)> = sentences
                .iter()
                .map(|(s, _)| (html_text(&bank.article().slice(&s.span)), None))
                .collect();
            let right: Vec<usize> =
                sentences.iter().enumerate().filter(|(_, (_, r))| *r).map(|(i, _)| i).collect();
            multichoice(out, bank, &options, &right, false);
        }
        Body::TwoPart { part_a, part_b, quotes } => {
            warnings.push(nearest_type(bank, q, FORMAT, &format!(
                "is written as two multichoice questions, \"{0}-part-a\" and \"{0}-part-b\", each worth half its points; \
                 Moodle grades Part B even when Part A is wrong",
                q.id()
            )));
            let half = q.points() / 2.0;
            let mut a = Head {
                kind: "multichoice",
                name: format!("{} (Part A)", short_title(&part_a.prompt)),
                id: format!("{}-part-a", q.id()),
                text: format!("{}{}", html_text(q.prompt()), html_text(&part_a.prompt)),
                points: half,
            };
            head(out, bank, q, &a);
            let right: Vec<usize> =
                part_a.options.iter().position(|o| o.id == part_a.answer).into_iter().collect();
            multichoice(out, bank, &options_html(&part_a.options), &right, true);
            tail(out, q);
            a.name = format!("{} (Part B)", short_title(&part_b.prompt));
            a.id = format!("{}-part-b", q.id());
            a.text = format!("{}{}", html_text(&part_a.prompt), html_text(&part_b.prompt));
            head(out, bank, q, &a);
            let options: Vec<(String, Option<&str>)> = part_b
                .options
                .iter()
                .zip(quotes)
                .map(|(o, c)| {
                    (
                        format!("<blockquote><p>{}</p></blockquote>", xml_text(c.text())),
                        o.feedback.as_deref(),
                    )
                })
                .collect();
            let right: Vec<usize> =
                part_b.options.iter().position(|o| o.id == part_b.answer).into_iter().collect();
            multichoice(out, bank, &options, &right, true);
        }
    }
    tail(out, q);
}

fn subquestion(out: &mut String, html: &str, answer: &str) {
    let text = if html.is_empty() { String::new() } else { cdata(html) };
    let _ = writeln!(
        out,
        "    <subquestion format=\"html\">\n      <text>{text}</text>\n      <answer>\n        <text>{}</text>\n      </answer>\n    </subquestion>",
        xml_text(answer)
    );
}

/// An answer inside a cloze `{…}`: its syntax characters backslashed.
fn cloze_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '}' | '#' | '~' | '/' | '"') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
