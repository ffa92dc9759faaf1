//! A QTI 3.0 content package: `imsmanifest.xml` (IMS CP, QTI 3 profile),
//! the article as one shared stimulus (`stimuli/article.xml`, a
//! `qti-assessment-stimulus`) and one `qti-assessment-item` per question
//! (`items/<id>.xml`), each referring to the stimulus
//! (`qti-assessment-stimulus-ref`, a dependency in the manifest).
//!
//! Every item declares its responses (with the bank's keys as the
//! correct response and, where credit is partial, a mapping), `SCORE`
//! (0 to the question's points), `MAXSCORE` and `FEEDBACK`, and scores
//! itself with explicit response processing: the rules of the standard
//! templates (`match_correct`, `map_response`) written out with the
//! question's points, or citequiz's own rule where no template fits
//! (ordering per position, numeric within a tolerance, two-part). The
//! explanation and the cited quotes are a `qti-modal-feedback` shown after
//! every attempt; an option's own feedback is one more, shown when it was
//! chosen.
//!
//! Kinds to interactions: single_choice, multiple_choice, true_false,
//! two_part (two, in one item) → `qti-choice-interaction`; fill_blank →
//! `qti-text-entry-interaction` per gap (string, accepted answers mapped,
//! case ignored); numeric → `qti-text-entry-interaction` (float);
//! ordering → `qti-order-interaction`; matching → `qti-match-interaction`
//! (directed pairs); evidence → `qti-hottext-interaction`, a `qti-hottext`
//! per sentence of the cited paragraphs.

use super::{Export, Names, evidence_sentences, html_text, number, short_title, source, xml_text};
use crate::bank::raw::ChoiceOption;
use crate::bank::{Bank, Body, Question};
use std::fmt::Write as _;

const ITEM_NS: &str = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
const ITEM_XSD: &str =
    "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";
const CP_NS: &str = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
const CP_XSD: &str =
    "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";
/// The stimulus's identifier and path in the package.
const STIMULUS_ID: &str = "article";
const STIMULUS_PATH: &str = "stimuli/article.xml";

/// The package's files: the manifest first, then the stimulus, then the
/// items in the bank's order.
pub fn export(bank: &Bank) -> Export {
    let mut names = Names::default();
    // The manifest's identifiers share one document: keep the stimulus's apart.
    names.name("", STIMULUS_ID);
    let items: Vec<(String, String)> = bank
        .questions()
        .iter()
        .map(|q| {
            let id = names.name("q-", q.id());
            let xml = item(bank, q, &id);
            (id, xml)
        })
        .collect();
    let mut files = vec![
        ("imsmanifest.xml".to_string(), manifest(bank, &items).into_bytes()),
        (STIMULUS_PATH.to_string(), stimulus(bank).into_bytes()),
    ];
    files.extend(items.into_iter().map(|(id, xml)| (item_path(&id), xml.into_bytes())));
    Export { files, warnings: Vec::new() }
}

/// The path of an item in the package, from its identifier.
pub fn item_path(identifier: &str) -> String {
    format!("items/{identifier}.xml")
}

fn manifest(bank: &Bank, items: &[(String, String)]) -> String {
    let mut m = String::new();
    let mut names = Names::default();
    let _ = writeln!(
        m,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest xmlns=\"{CP_NS}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{CP_NS} {CP_XSD}\" identifier=\"{}\">",
        names.name("manifest-", bank.id())
    );
    m.push_str("  <metadata>\n    <schema>QTI Package</schema>\n    <schemaversion>3.0.0</schemaversion>\n  </metadata>\n  <organizations/>\n  <resources>\n");
    let _ = writeln!(
        m,
        "    <resource identifier=\"{STIMULUS_ID}\" type=\"imsqti_stimulus_xmlv3p0\" href=\"{STIMULUS_PATH}\">\n      <file href=\"{STIMULUS_PATH}\"/>\n    </resource>"
    );
    for (id, _) in items {
        let path = item_path(id);
        let _ = writeln!(
            m,
            "    <resource identifier=\"{id}\" type=\"imsqti_item_xmlv3p0\" href=\"{path}\">\n      <file href=\"{path}\"/>\n      <dependency identifierref=\"{STIMULUS_ID}\"/>\n    </resource>"
        );
    }
    m.push_str("  </resources>\n</manifest>\n");
    m
}

/// `xml:lang="…"` when the bank says its language.
fn lang(bank: &Bank) -> String {
    bank.language().map(|l| format!(" xml:lang=\"{}\"", xml_text(l))).unwrap_or_default()
}

fn stimulus(bank: &Bank) -> String {
    let article = bank.article();
    let raw = article.raw();
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-stimulus xmlns=\"{ITEM_NS}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{ITEM_NS} {ITEM_XSD}\" identifier=\"{STIMULUS_ID}\" title=\"{}\"{}>\n  <qti-stimulus-body>\n",
        xml_text(&raw.title),
        raw.language
            .as_deref()
            .map(|l| format!(" xml:lang=\"{}\"", xml_text(l)))
            .unwrap_or_default()
    );
    let _ = writeln!(s, "    <h2>{}</h2>", xml_text(&raw.title));
    let _ = writeln!(
        s,
        "    <p>{}, {}, {}</p>",
        xml_text(&raw.author),
        xml_text(&raw.publisher),
        xml_text(&raw.date)
    );
    for p in article.paragraphs() {
        let _ = writeln!(
            s,
            "    <p id=\"{}\">{}</p>",
            xml_text(&p.id),
            xml_text(&article.slice(&p.span))
        );
    }
    let _ = writeln!(s, "    <p>Source: <a href=\"{0}\">{0}</a></p>", xml_text(&raw.url));
    s.push_str("  </qti-stimulus-body>\n</qti-assessment-stimulus>\n");
    s
}

/// What one item is made of, gathered per kind and written in the order
/// the schema wants.
#[derive(Default)]
struct Parts {
    /// `qti-response-declaration`s.
    declarations: String,
    /// The interactions, inside `qti-item-body`.
    body: String,
    /// Response processing rules that set `SCORE`.
    scoring: String,
    /// (response identifier, whether it is multiple, choice identifier,
    /// feedback text): an option's own feedback, shown when chosen.
    feedback: Vec<(String, bool, String, String)>,
}

fn base(kind: &str, v: &str) -> String {
    format!("<qti-base-value base-type=\"{kind}\">{v}</qti-base-value>")
}
fn var(id: &str) -> String {
    format!("<qti-variable identifier=\"{id}\"/>")
}
fn set(id: &str, expr: &str) -> String {
    format!("<qti-set-outcome-value identifier=\"{id}\">{expr}</qti-set-outcome-value>")
}
fn score(points: f64) -> String {
    set("SCORE", &base("float", &number(points)))
}
fn add_score(points: f64) -> String {
    set("SCORE", &format!("<qti-sum>{}{}</qti-sum>", var("SCORE"), base("float", &number(points))))
}
fn when(cond: &str, then: &str, otherwise: Option<&str>) -> String {
    branches(&[(cond, then)], otherwise)
}
/// `qti-response-if`, then `qti-response-else-if` for each further
/// (condition, rule), then `qti-response-else`.
fn branches(cases: &[(&str, &str)], otherwise: Option<&str>) -> String {
    let mut s = String::from("    <qti-response-condition>\n");
    for (i, (cond, then)) in cases.iter().enumerate() {
        let tag = if i == 0 { "qti-response-if" } else { "qti-response-else-if" };
        let _ = writeln!(s, "      <{tag}>{cond}{then}</{tag}>");
    }
    if let Some(e) = otherwise {
        let _ = writeln!(s, "      <qti-response-else>{e}</qti-response-else>");
    }
    s.push_str("    </qti-response-condition>\n");
    s
}
/// `match_correct`'s rule: the question's points when the response is the
/// correct one, else 0.
fn match_correct(response: &str, points: f64) -> String {
    when(
        &format!(
            "<qti-match>{}<qti-correct identifier=\"{response}\"/></qti-match>",
            var(response)
        ),
        &score(points),
        Some(&score(0.0)),
    )
}
/// `map_response`'s rule: 0 without a response, else the mapped sum.
fn map_response(response: &str) -> String {
    when(
        &format!("<qti-is-null>{}</qti-is-null>", var(response)),
        &score(0.0),
        Some(&set("SCORE", &format!("<qti-map-response identifier=\"{response}\"/>"))),
    )
}

/// `s` in lower case (`text::lowercase`, as fill-in answers are compared).
fn lower(s: &str) -> String {
    s.chars().flat_map(crate::text::lowercase).collect()
}

/// A response's mapping: (key, value) entries, between 0 and `upper`.
struct Mapping<'a> {
    entries: &'a [(String, f64)],
    upper: f64,
    /// Whether keys match without regard to case (text answers).
    ignore_case: bool,
}

/// A response declaration: `values` the correct response.
fn declare(
    p: &mut Parts,
    id: &str,
    cardinality: &str,
    base_type: &str,
    values: &[String],
    mapping: Option<Mapping>,
) {
    let _ = write!(
        p.declarations,
        "  <qti-response-declaration identifier=\"{id}\" cardinality=\"{cardinality}\" base-type=\"{base_type}\">\n    <qti-correct-response>"
    );
    for v in values {
        let _ = write!(p.declarations, "<qti-value>{}</qti-value>", xml_text(v));
    }
    p.declarations.push_str("</qti-correct-response>\n");
    if let Some(Mapping { entries, upper, ignore_case }) = mapping {
        let _ = writeln!(
            p.declarations,
            "    <qti-mapping default-value=\"0\" lower-bound=\"0\" upper-bound=\"{}\">",
            number(upper)
        );
        for (key, value) in entries {
            let case = if ignore_case { " case-sensitive=\"false\"" } else { "" };
            let _ = writeln!(
                p.declarations,
                "      <qti-map-entry map-key=\"{}\" mapped-value=\"{}\"{case}/>",
                xml_text(key),
                number(*value)
            );
        }
        p.declarations.push_str("    </qti-mapping>\n");
    }
    p.declarations.push_str("  </qti-response-declaration>\n");
}

/// A choice interaction over `choices` (identifier, HTML).
fn choice_interaction(
    p: &mut Parts,
    response: &str,
    prompt: &str,
    choices: &[(String, String)],
    max: usize,
    shuffle: bool,
) {
    let attrs =
        format!("response-identifier=\"{response}\" max-choices=\"{max}\" shuffle=\"{shuffle}\"");
    simple_choices(p, "qti-choice-interaction", &attrs, prompt, choices);
}

/// An interaction over `qti-simple-choice`s (choice, order): `tag` with
/// `attrs`, the prompt, the choices (identifier, escaped text).
fn simple_choices(
    p: &mut Parts,
    tag: &str,
    attrs: &str,
    prompt: &str,
    choices: &[(String, String)],
) {
    let _ = writeln!(p.body, "    <{tag} {attrs}>");
    let _ = writeln!(p.body, "      <qti-prompt>{}</qti-prompt>", xml_text(prompt));
    for (id, html) in choices {
        let _ = writeln!(
            p.body,
            "      <qti-simple-choice identifier=\"{id}\">{html}</qti-simple-choice>"
        );
    }
    let _ = writeln!(p.body, "    </{tag}>");
}

/// Options with QTI identifiers (`prefix` and the option's id), in
/// order, and each option's feedback.
fn options(
    p: &mut Parts,
    response: &str,
    multiple: bool,
    opts: &[ChoiceOption],
    prefix: &str,
) -> Vec<(String, String)> {
    let mut names = Names::default();
    opts.iter()
        .map(|o| {
            let id = names.name(prefix, &o.id);
            if let Some(f) = &o.feedback {
                p.feedback.push((response.to_string(), multiple, id.clone(), f.clone()));
            }
            (id, xml_text(&o.text))
        })
        .collect()
}

fn id_of<'a>(opts: &'a [ChoiceOption], choices: &'a [(String, String)], key: &str) -> String {
    opts.iter()
        .zip(choices)
        .find(|(o, _)| o.id == key)
        .map(|(_, c)| c.0.clone())
        .unwrap_or_default()
}

/// Each right choice +points/R, each wrong one −points/R, between 0 and
/// the points: citequiz's multiple-answer rule as a mapping.
fn plus_minus(choices: &[(String, bool)], points: f64) -> Vec<(String, f64)> {
    let r = choices.iter().filter(|c| c.1).count().max(1) as f64;
    choices
        .iter()
        .map(|(id, right)| (id.clone(), if *right { points / r } else { -points / r }))
        .collect()
}

/// `RESPONSE`, several identifiers: `keyed` (identifier, whether right)
/// scored by `plus_minus`.
fn declare_plus_minus(p: &mut Parts, keyed: &[(String, bool)], points: f64) {
    let correct: Vec<String> = keyed.iter().filter(|k| k.1).map(|k| k.0.clone()).collect();
    let entries = plus_minus(keyed, points);
    let mapping = Mapping { entries: &entries, upper: points, ignore_case: false };
    declare(p, "RESPONSE", "multiple", "identifier", &correct, Some(mapping));
}

fn parts(bank: &Bank, q: &Question) -> Parts {
    let mut p = Parts::default();
    let points = q.points();
    let shuffle = bank.shuffle_options();
    match q.body() {
        Body::SingleChoice { options: opts, answer } => {
            let choices = options(&mut p, "RESPONSE", false, opts, "c-");
            declare(
                &mut p,
                "RESPONSE",
                "single",
                "identifier",
                &[id_of(opts, &choices, answer)],
                None,
            );
            choice_interaction(&mut p, "RESPONSE", q.prompt(), &choices, 1, shuffle);
            p.scoring = match_correct("RESPONSE", points);
        }
        Body::MultipleChoice { options: opts, answers } => {
            let choices = options(&mut p, "RESPONSE", true, opts, "c-");
            let keyed: Vec<(String, bool)> = opts
                .iter()
                .zip(&choices)
                .map(|(o, c)| (c.0.clone(), answers.contains(&o.id)))
                .collect();
            declare_plus_minus(&mut p, &keyed, points);
            choice_interaction(&mut p, "RESPONSE", q.prompt(), &choices, 0, shuffle);
            p.scoring = map_response("RESPONSE");
        }
        Body::TrueFalse { answer, feedback } => {
            declare(&mut p, "RESPONSE", "single", "identifier", &[answer.to_string()], None);
            let choices = [
                ("true".to_string(), "True".to_string()),
                ("false".to_string(), "False".to_string()),
            ];
            choice_interaction(&mut p, "RESPONSE", q.prompt(), &choices, 1, false);
            for (id, f) in [("true", &feedback.on_true), ("false", &feedback.on_false)] {
                if let Some(f) = f {
                    p.feedback.push(("RESPONSE".into(), false, id.into(), f.clone()));
                }
            }
            p.scoring = match_correct("RESPONSE", points);
        }
        Body::FillBlank { segments, gaps } => {
            let share = points / gaps.len().max(1) as f64;
            let _ = writeln!(p.body, "    <p>{}</p>", xml_text(q.prompt()));
            p.body.push_str("    <p>");
            for (i, seg) in segments.iter().enumerate() {
                p.body.push_str(&xml_text(seg));
                if let Some(g) = gaps.get(i) {
                    let id = format!("RESPONSE_{}", i + 1);
                    // A key once: answers that differ only in case are one
                    // entry of a mapping that ignores case.
                    let mut entries: Vec<(String, f64)> = Vec::new();
                    for a in &g.accept {
                        if !entries.iter().any(|(k, _)| lower(k) == lower(a)) {
                            entries.push((a.clone(), share));
                        }
                    }
                    let first: Vec<String> = g.accept.first().cloned().into_iter().collect();
                    declare(
                        &mut p,
                        &id,
                        "single",
                        "string",
                        &first,
                        Some(Mapping { entries: &entries, upper: share, ignore_case: true }),
                    );
                    let _ = write!(
                        p.body,
                        "<qti-text-entry-interaction response-identifier=\"{id}\"/>"
                    );
                    p.scoring.push_str(&when(
                        &format!("<qti-not><qti-is-null>{}</qti-is-null></qti-not>", var(&id)),
                        &set(
                            "SCORE",
                            &format!(
                                "<qti-sum>{}<qti-map-response identifier=\"{id}\"/></qti-sum>",
                                var("SCORE")
                            ),
                        ),
                        None,
                    ));
                }
            }
            p.body.push_str("</p>\n");
        }
        Body::Numeric { answer, tolerance, unit } => {
            declare(&mut p, "RESPONSE", "single", "float", &[number(*answer)], None);
            let _ = writeln!(
                p.body,
                "    <p>{}</p>\n    <p><qti-text-entry-interaction response-identifier=\"RESPONSE\"/>{}</p>",
                xml_text(q.prompt()),
                unit.as_deref().map(|u| format!(" {}", xml_text(u))).unwrap_or_default()
            );
            let t = number(*tolerance);
            let mode = if *tolerance > 0.0 {
                format!("tolerance-mode=\"absolute\" tolerance=\"{t} {t}\"")
            } else {
                "tolerance-mode=\"exact\"".into()
            };
            p.scoring = when(
                &format!(
                    "<qti-equal {mode}>{}<qti-correct identifier=\"RESPONSE\"/></qti-equal>",
                    var("RESPONSE")
                ),
                &score(points),
                Some(&score(0.0)),
            );
        }
        Body::Ordering { items } => {
            let mut names = Names::default();
            let ids: Vec<String> = items.iter().map(|i| names.name("i-", &i.id)).collect();
            declare(&mut p, "RESPONSE", "ordered", "identifier", &ids, None);
            // Shuffled always: the items are listed in the right order.
            let choices: Vec<(String, String)> =
                ids.iter().zip(items).map(|(id, i)| (id.clone(), xml_text(&i.text))).collect();
            let attrs = "response-identifier=\"RESPONSE\" shuffle=\"true\"";
            simple_choices(&mut p, "qti-order-interaction", attrs, q.prompt(), &choices);
            // citequiz's rule: each item in its right place earns points/n.
            let share = points / ids.len().max(1) as f64;
            for (n, id) in ids.iter().enumerate() {
                p.scoring.push_str(&when(
                    &format!(
                        "<qti-match><qti-index n=\"{}\">{}</qti-index>{}</qti-match>",
                        n + 1,
                        var("RESPONSE"),
                        base("identifier", id)
                    ),
                    &add_score(share),
                    None,
                ));
            }
        }
        Body::Matching { left, right, answer } => {
            let mut names = Names::default();
            let lids: Vec<String> = left.iter().map(|i| names.name("l-", &i.id)).collect();
            let rids: Vec<String> = right.iter().map(|i| names.name("r-", &i.id)).collect();
            let rid = |id: &str| {
                right
                    .iter()
                    .zip(&rids)
                    .find(|(r, _)| r.id == id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default()
            };
            let pairs: Vec<String> =
                lids.iter().zip(answer).map(|(l, r)| format!("{l} {}", rid(r))).collect();
            let share = points / lids.len().max(1) as f64;
            let entries: Vec<(String, f64)> = pairs.iter().map(|pr| (pr.clone(), share)).collect();
            declare(
                &mut p,
                "RESPONSE",
                "multiple",
                "directedPair",
                &pairs,
                Some(Mapping { entries: &entries, upper: points, ignore_case: false }),
            );
            let _ = writeln!(
                p.body,
                "    <qti-match-interaction response-identifier=\"RESPONSE\" max-associations=\"{}\" shuffle=\"{shuffle}\">",
                lids.len()
            );
            let _ = writeln!(p.body, "      <qti-prompt>{}</qti-prompt>", xml_text(q.prompt()));
            for (set_ids, set_items, max) in [(&lids, left, 1), (&rids, right, 0)] {
                p.body.push_str("      <qti-simple-match-set>\n");
                for (id, item) in set_ids.iter().zip(set_items) {
                    let _ = writeln!(
                        p.body,
                        "        <qti-simple-associable-choice identifier=\"{id}\" match-max=\"{max}\">{}</qti-simple-associable-choice>",
                        xml_text(&item.text)
                    );
                }
                p.body.push_str("      </qti-simple-match-set>\n");
            }
            p.body.push_str("    </qti-match-interaction>\n");
            p.scoring = map_response("RESPONSE");
        }
        Body::Evidence { target } => {
            let article = bank.article();
            let sentences = evidence_sentences(article, target);
            let mut names = Names::default();
            let keyed: Vec<(String, bool)> =
                sentences.iter().map(|(s, r)| (names.name("s-", &s.id), *r)).collect();
            declare_plus_minus(&mut p, &keyed, points);
            let _ = writeln!(
                p.body,
                "    <qti-hottext-interaction response-identifier=\"RESPONSE\" max-choices=\"0\">"
            );
            let _ = writeln!(p.body, "      <qti-prompt>{}</qti-prompt>", xml_text(q.prompt()));
            let mut paragraph = None;
            for ((s, _), (id, _)) in sentences.iter().zip(&keyed) {
                if paragraph != Some(s.paragraph) {
                    if paragraph.is_some() {
                        p.body.push_str("</p>\n");
                    }
                    p.body.push_str("      <p>");
                    paragraph = Some(s.paragraph);
                } else {
                    p.body.push(' ');
                }
                let _ = write!(
                    p.body,
                    "<qti-hottext identifier=\"{id}\">{}</qti-hottext>",
                    xml_text(&article.slice(&s.span))
                );
            }
            if paragraph.is_some() {
                p.body.push_str("</p>\n");
            }
            p.body.push_str("    </qti-hottext-interaction>\n");
            p.scoring = map_response("RESPONSE");
        }
        Body::TwoPart { part_a, part_b, quotes } => {
            let _ = writeln!(p.body, "    <p>{}</p>", xml_text(q.prompt()));
            let a = options(&mut p, "RESPONSE_A", false, &part_a.options, "a-");
            declare(
                &mut p,
                "RESPONSE_A",
                "single",
                "identifier",
                &[id_of(&part_a.options, &a, &part_a.answer)],
                None,
            );
            choice_interaction(&mut p, "RESPONSE_A", &part_a.prompt, &a, 1, shuffle);
            let quote_opts: Vec<ChoiceOption> = part_b
                .options
                .iter()
                .zip(quotes)
                .map(|(o, c)| ChoiceOption {
                    id: o.id.clone(),
                    text: format!("“{}”", c.text()),
                    feedback: o.feedback.clone(),
                })
                .collect();
            let b = options(&mut p, "RESPONSE_B", false, &quote_opts, "b-");
            declare(
                &mut p,
                "RESPONSE_B",
                "single",
                "identifier",
                &[id_of(&quote_opts, &b, &part_b.answer)],
                None,
            );
            choice_interaction(&mut p, "RESPONSE_B", &part_b.prompt, &b, 1, shuffle);
            // CommonLit's rule: Part A wrong, 0; A right, B right: all; A right, B wrong: half.
            let matches = |r: &str| {
                format!("<qti-match>{}<qti-correct identifier=\"{r}\"/></qti-match>", var(r))
            };
            let (a, b) = (matches("RESPONSE_A"), matches("RESPONSE_B"));
            let both = format!("<qti-and>{a}{b}</qti-and>");
            p.scoring =
                branches(&[(&both, &score(points)), (&a, &score(points / 2.0))], Some(&score(0.0)));
        }
    }
    p
}

fn item(bank: &Bank, q: &Question, identifier: &str) -> String {
    let p = parts(bank, q);
    let (title, url) = source(bank.article());
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-item xmlns=\"{ITEM_NS}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{ITEM_NS} {ITEM_XSD}\" identifier=\"{identifier}\" title=\"{}\" label=\"{}\" adaptive=\"false\" time-dependent=\"false\"{}>\n",
        xml_text(&short_title(q.prompt())),
        xml_text(q.id()),
        lang(bank)
    );
    s.push_str(&p.declarations);
    let _ = writeln!(
        s,
        "  <qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\" normal-maximum=\"{0}\">\n    <qti-default-value><qti-value>0</qti-value></qti-default-value>\n  </qti-outcome-declaration>\n  \
         <qti-outcome-declaration identifier=\"MAXSCORE\" cardinality=\"single\" base-type=\"float\">\n    <qti-default-value><qti-value>{0}</qti-value></qti-default-value>\n  </qti-outcome-declaration>\n  \
         <qti-outcome-declaration identifier=\"FEEDBACK\" cardinality=\"multiple\" base-type=\"identifier\"/>",
        number(q.points())
    );
    let _ = writeln!(
        s,
        "  <qti-assessment-stimulus-ref identifier=\"{STIMULUS_ID}\" href=\"../{STIMULUS_PATH}\" title=\"{}\"/>",
        xml_text(&title)
    );
    let _ = writeln!(
        s,
        "  <qti-item-body>\n    <div class=\"qti-shared-stimulus\" data-stimulus-idref=\"{STIMULUS_ID}\"></div>"
    );
    s.push_str(&p.body);
    s.push_str("  </qti-item-body>\n  <qti-response-processing>\n");
    s.push_str(&p.scoring);
    // The explanation after every attempt; an option's feedback when chosen.
    let _ = writeln!(
        s,
        "    {}",
        set(
            "FEEDBACK",
            &format!("<qti-multiple>{}</qti-multiple>", base("identifier", "EXPLANATION"))
        )
    );
    let mut names = Names::default();
    let mut feedback_ids = Vec::new();
    for (response, multiple, choice, _) in &p.feedback {
        let fid = names.name("FB-", &format!("{response}-{choice}"));
        let chosen = if *multiple {
            format!("<qti-member>{}{}</qti-member>", base("identifier", choice), var(response))
        } else {
            format!("<qti-match>{}{}</qti-match>", var(response), base("identifier", choice))
        };
        s.push_str(&when(
            &chosen,
            &set(
                "FEEDBACK",
                &format!(
                    "<qti-multiple>{}{}</qti-multiple>",
                    var("FEEDBACK"),
                    base("identifier", &fid)
                ),
            ),
            None,
        ));
        feedback_ids.push(fid);
    }
    s.push_str("  </qti-response-processing>\n");
    let _ = write!(
        s,
        "  <qti-modal-feedback outcome-identifier=\"FEEDBACK\" identifier=\"EXPLANATION\" show-hide=\"show\" title=\"Explanation\">\n    <qti-content-body>\n      <div>{}</div>\n",
        html_text(q.explanation())
    );
    for c in q.citations() {
        let _ = writeln!(
            s,
            "      <blockquote cite=\"{}\"><p>{}</p></blockquote>",
            xml_text(&url),
            xml_text(c.text())
        );
    }
    let _ = writeln!(
        s,
        "      <p>Source: <a href=\"{}\">{}</a></p>\n    </qti-content-body>\n  </qti-modal-feedback>",
        xml_text(&url),
        xml_text(&title)
    );
    for (fid, (_, _, _, text)) in feedback_ids.iter().zip(&p.feedback) {
        let _ = writeln!(
            s,
            "  <qti-modal-feedback outcome-identifier=\"FEEDBACK\" identifier=\"{fid}\" show-hide=\"show\">\n    <qti-content-body>\n      <div>{}</div>\n    </qti-content-body>\n  </qti-modal-feedback>",
            html_text(text)
        );
    }
    s.push_str("</qti-assessment-item>\n");
    s
}
