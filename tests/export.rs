//! `citequiz export`: every shipped bank and the every-kind fixture,
//! exported in both formats.
//!
//! - QTI 3.0: every item, the stimulus and the manifest validate against
//!   1EdTech's schemas (`tests/fixtures/qti3/xsd`, with `xmllint`), and
//!   every item's correct responses are the bank's keys.
//! - Moodle XML (no schema exists): parsed, and each question's structure
//!   checked against what Moodle's importer reads, per type.
//! - Golden files of the fixture's export in both formats
//!   (`UPDATE_EXPECT=1` rewrites them), for a reviewer to read the XML.
//! - The command: nothing overwritten without --force, a broken bank
//!   refused with its diagnostics, a reproducible zip.
#![cfg(not(target_arch = "wasm32"))]
// clippy.toml's disallowed types and methods keep serde_json::Value out of
// the widget's Wasm; this native test edits a bank's JSON with it.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod support;

use citequiz::author::export::{Export, html_text, moodle, qti, xml_text};
use citequiz::bank::{Bank, Body, Kind, Question};
use citequiz::files::load_bank;
use expect_test::expect_file;
use roxmltree::{Document, Node};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::all_banks;

fn load(path: &Path) -> Bank {
    let loaded = load_bank(path);
    match loaded.bank {
        Some(b) => b,
        None => panic!("{} does not check: {:#?}", path.display(), loaded.diagnostics),
    }
}

/// A fresh folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("export-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_files(dir: &Path, files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

fn text(files: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(bytes.clone()).unwrap()
}

// ---------------------------------------------------------------- QTI 3.0

const XSD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/qti3/xsd");

/// `xmllint --schema XSD FILES…`, offline, in `dir`; panics with its
/// output when a file does not validate, and says how to install it when
/// it is missing.
fn xmllint(dir: &Path, schema: &str, files: &[String]) {
    let out = Command::new("xmllint")
        .current_dir(dir)
        .env("XML_CATALOG_FILES", format!("{XSD}/catalog.xml"))
        .args(["--nonet", "--noout", "--schema", &format!("{XSD}/{schema}")])
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run xmllint ({e}): install it with `apt-get install libxml2-utils` \
                 (bash scripts/setup.sh does)"
            )
        });
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{}: files do not validate against {schema}:\n{stderr}",
        dir.display()
    );
    for f in files {
        assert!(stderr.contains(&format!("{f} validates")), "{f} not validated:\n{stderr}");
    }
}

/// Writes a QTI export into a folder and validates every file of it.
fn validate_qti(name: &str, bank: &Bank, export: &Export) {
    let dir = temp_dir(&format!("qti-{name}"));
    write_files(&dir, &export.files);
    let content: Vec<String> =
        export.files.iter().map(|(n, _)| n.clone()).filter(|n| n != "imsmanifest.xml").collect();
    assert_eq!(
        content.len(),
        bank.questions().len() + 1,
        "{name}: an item per question and the stimulus"
    );
    xmllint(&dir, "qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd", &content);
    xmllint(&dir, "qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd", &["imsmanifest.xml".to_string()]);
}

#[test]
fn every_qti_file_validates_against_the_qti_3_schemas() {
    for path in all_banks() {
        let bank = load(&path);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        validate_qti(&name, &bank, &qti::export(&bank));
    }
}

/// The fixture with hostile text everywhere the exports write bank text:
/// markup, CDATA's end, a comment's dashes, controls JSON allows, tabs
/// and newlines, right-to-left text, ids that are no XML names (and two
/// that become the same one).
fn hostile_bank() -> Bank {
    let nasty = "<b>&amp;</b> ]]> -- \"q\" 'a' \u{1}\u{7f}\ttab\nline \u{202e}עברית\u{fffe}";
    let fixture = std::fs::read_to_string(support::every_kind_path()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&fixture).unwrap();
    v["title"] = format!("A/B {nasty}").into();
    v["description"] = nasty.into();
    let ids = ["5g<>&\"", "5g<>&'", "ключ", "a/b", "x--y", "1", "_", "é", "ok"];
    for (q, id) in v["questions"].as_array_mut().unwrap().iter_mut().zip(ids) {
        q["id"] = id.into();
        q["prompt"] = format!("{nasty} {}", q["prompt"].as_str().unwrap()).into();
        q["explanation"] = nasty.into();
        q["tags"] = serde_json::json!([nasty]);
        q["hints"] = serde_json::json!([{"text": nasty}]);
        for list in ["options", "items", "left", "right"] {
            if let Some(items) = q.get_mut(list).and_then(|l| l.as_array_mut()) {
                for it in items {
                    it["text"] = format!("{nasty} {}", it["text"].as_str().unwrap()).into();
                }
            }
        }
        if let Some(gaps) = q.get_mut("gaps").and_then(|g| g.as_array_mut()) {
            for g in gaps {
                let accept = g["accept"].as_array_mut().unwrap();
                let upper = accept[0].as_str().unwrap().to_uppercase();
                accept.push(upper.into()); // the same answer but for case
                accept.push(format!("x}}#~/\\\"{nasty}").into());
            }
        }
    }
    let article = support::repo_path("quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    v["article"] = article.to_str().unwrap().into();
    let text = serde_json::to_string(&v).unwrap();
    let art = citequiz::article::Article::parse(
        support::ARTICLE,
        citequiz::article::Normalizer::unicode(),
    )
    .unwrap();
    match Bank::load(&text, None, art) {
        Ok((bank, _)) => bank,
        Err(d) => panic!("the hostile bank does not check: {d:#?}"),
    }
}

#[test]
fn hostile_text_is_escaped_and_every_file_still_validates() {
    let bank = hostile_bank();
    let export = qti::export(&bank);
    validate_qti("hostile", &bank, &export);
    let ids: Vec<&str> = export.files.iter().map(|(n, _)| n.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ids.len(),
        "two ids that clean to the same name get two files: {ids:?}"
    );
    for (q, (_, bytes)) in bank.questions().iter().zip(export.files.iter().skip(2)) {
        check_item(&bank, q, &String::from_utf8_lossy(bytes));
    }
    let xml = moodle_xml(&bank);
    let doc = Document::parse(&xml).unwrap();
    let questions = moodle_questions(&bank, &doc);
    for q in bank.questions() {
        let n = questions
            .iter()
            .find(|n| child(**n, "idnumber").and_then(|i| i.text()) == Some(q.id()))
            .or_else(|| {
                questions.iter().find(|n| {
                    child(**n, "idnumber").and_then(|i| i.text())
                        == Some(&format!("{}-part-a", q.id()))
                })
            });
        let html = field(*n.unwrap(), "questiontext");
        assert!(
            !html.contains("<b>") && html.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"),
            "{}: {html}",
            q.id()
        );
    }
}

#[test]
fn a_large_generated_bank_of_every_kind_exports() {
    let art = citequiz::article::Article::parse(
        support::ARTICLE,
        citequiz::article::Normalizer::unicode(),
    )
    .unwrap();
    let path = support::repo_path("quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    let text = citequiz::synth::synthetic_bank(&art, path.to_str().unwrap(), 90);
    let (bank, _) = Bank::load(&text, None, art).unwrap_or_else(|d| panic!("{d:#?}"));
    validate_qti("synthetic", &bank, &qti::export(&bank));
    let xml = moodle_xml(&bank);
    let doc = Document::parse(&xml).unwrap();
    moodle_questions(&bank, &doc);
}

#[test]
fn the_manifest_lists_every_item_with_the_stimulus_as_its_dependency() {
    let bank = load(&support::every_kind_path());
    let export = qti::export(&bank);
    let manifest = text(&export.files, "imsmanifest.xml");
    let doc = Document::parse(&manifest).unwrap();
    let resources: Vec<Node> = doc.descendants().filter(|n| n.has_tag_name("resource")).collect();
    let stimulus =
        resources.iter().find(|r| r.attribute("type") == Some("imsqti_stimulus_xmlv3p0")).unwrap();
    let stimulus_id = stimulus.attribute("identifier").unwrap();
    let items: Vec<&Node> =
        resources.iter().filter(|r| r.attribute("type") == Some("imsqti_item_xmlv3p0")).collect();
    assert_eq!(items.len(), bank.questions().len());
    let mut listed = vec![stimulus.attribute("href").unwrap()];
    for item in &items {
        let href = item.attribute("href").unwrap();
        listed.push(href);
        let deps: Vec<_> = item.children().filter(|n| n.has_tag_name("dependency")).collect();
        assert_eq!(deps.len(), 1);
        assert_eq!(deps[0].attribute("identifierref"), Some(stimulus_id));
        // The item refers to the same stimulus file.
        let item_xml = text(&export.files, href);
        let item_doc = Document::parse(&item_xml).unwrap();
        let r =
            item_doc.descendants().find(|n| n.has_tag_name("qti-assessment-stimulus-ref")).unwrap();
        assert_eq!(r.attribute("identifier"), Some(stimulus_id));
        assert_eq!(
            Path::new(href).parent().unwrap().join(r.attribute("href").unwrap()),
            Path::new("items/../stimuli/article.xml")
        );
    }
    let mut files: Vec<&str> = export.files.iter().map(|(n, _)| n.as_str()).skip(1).collect();
    files.sort_unstable();
    listed.sort_unstable();
    assert_eq!(files, listed, "the package holds exactly what the manifest lists");
}

/// The text of the element with `identifier` in the item's body.
fn choice_text(item: &Document, id: &str) -> String {
    let node = item
        .descendants()
        .find(|n| {
            n.attribute("identifier") == Some(id) && !n.has_tag_name("qti-response-declaration")
        })
        .unwrap_or_else(|| panic!("no choice {id}"));
    node.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect()
}

/// Each response declaration's correct values, in order.
fn correct(item: &Document) -> Vec<(String, Vec<String>)> {
    item.descendants()
        .filter(|n| n.has_tag_name("qti-response-declaration"))
        .map(|d| {
            let values = d
                .descendants()
                .filter(|n| {
                    n.has_tag_name("qti-value")
                        && n.parent().is_some_and(|p| p.has_tag_name("qti-correct-response"))
                })
                .map(|n| n.text().unwrap_or("").to_string())
                .collect();
            (d.attribute("identifier").unwrap().to_string(), values)
        })
        .collect()
}

/// What the item says is right, as texts (choices by their text, pairs
/// as "left → right"), per response.
fn keyed_texts(item: &Document) -> Vec<Vec<String>> {
    correct(item)
        .into_iter()
        .map(|(_, values)| {
            values
                .iter()
                .map(|v| match v.split_once(' ') {
                    Some((l, r)) => format!("{} → {}", choice_text(item, l), choice_text(item, r)),
                    None if item.descendants().any(|n| {
                        n.attribute("identifier") == Some(v.as_str())
                            && !n.has_tag_name("qti-response-declaration")
                    }) =>
                    {
                        choice_text(item, v)
                    }
                    None => v.clone(),
                })
                .collect()
        })
        .collect()
}

/// What the bank says is right, in the same terms.
fn bank_keys(bank: &Bank, q: &Question) -> Vec<Vec<String>> {
    raw_keys(bank, q).into_iter().map(|k| k.iter().map(|s| xml_chars(s)).collect()).collect()
}

fn raw_keys(bank: &Bank, q: &Question) -> Vec<Vec<String>> {
    let text_of = |opts: &[citequiz::bank::raw::ChoiceOption], id: &str| {
        opts.iter().find(|o| o.id == id).unwrap().text.clone()
    };
    match q.body() {
        Body::SingleChoice { options, answer } => vec![vec![text_of(options, answer)]],
        Body::MultipleChoice { options, answers } => {
            vec![
                options
                    .iter()
                    .filter(|o| answers.contains(&o.id))
                    .map(|o| o.text.clone())
                    .collect(),
            ]
        }
        Body::TrueFalse { answer, .. } => {
            vec![vec![if *answer { "True" } else { "False" }.to_string()]]
        }
        Body::FillBlank { gaps, .. } => gaps.iter().map(|g| vec![g.accept[0].clone()]).collect(),
        Body::Numeric { answer, .. } => vec![vec![answer.to_string()]],
        Body::Ordering { items } => vec![items.iter().map(|i| i.text.clone()).collect()],
        Body::Matching { left, right, answer } => vec![
            left.iter()
                .zip(answer)
                .map(|(l, r)| {
                    format!("{} → {}", l.text, right.iter().find(|x| &x.id == r).unwrap().text)
                })
                .collect(),
        ],
        Body::Evidence { target } => {
            let a = bank.article();
            vec![target.iter().map(|id| a.slice(&a.sentence(id).unwrap().span)).collect()]
        }
        Body::TwoPart { part_a, part_b, quotes } => vec![
            vec![text_of(&part_a.options, &part_a.answer)],
            vec![format!(
                "“{}”",
                part_b
                    .options
                    .iter()
                    .zip(quotes)
                    .find(|(o, _)| o.id == part_b.answer)
                    .unwrap()
                    .1
                    .text()
            )],
        ],
    }
}

/// An item's correct responses against the bank's keys, its fill-in
/// mappings against the accepted answers, its MAXSCORE against the points.
fn check_item(bank: &Bank, q: &Question, xml: &str) {
    let item = Document::parse(xml).unwrap();
    assert_eq!(item.root_element().attribute("label"), Some(q.id()));
    assert_eq!(keyed_texts(&item), bank_keys(bank, q), "question {}", q.id());
    if let Body::FillBlank { gaps, .. } = q.body() {
        let lower =
            |v: Vec<&str>| v.iter().map(|k| xml_chars(&k.to_lowercase())).collect::<Vec<_>>();
        let declarations =
            item.descendants().filter(|n| n.has_tag_name("qti-response-declaration"));
        for (g, decl) in gaps.iter().zip(declarations) {
            let keys: Vec<&str> = decl
                .descendants()
                .filter(|n| n.has_tag_name("qti-map-entry"))
                .map(|n| n.attribute("map-key").unwrap())
                .collect();
            // Every accepted answer has its key (case ignored), once.
            let want = lower(g.accept.iter().map(String::as_str).collect());
            let mut unique = want.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(keys.len(), unique.len(), "{}: {keys:?}", q.id());
            assert!(want.iter().all(|w| lower(keys.clone()).contains(w)), "{}: {keys:?}", q.id());
        }
    }
    let max = item
        .descendants()
        .find(|n| n.attribute("identifier") == Some("MAXSCORE"))
        .and_then(|n| n.descendants().find(|v| v.has_tag_name("qti-value")))
        .and_then(|v| v.text())
        .unwrap();
    assert_eq!(max.parse::<f64>().unwrap(), q.points(), "{}", q.id());
}

#[test]
fn every_items_correct_response_is_the_banks_key() {
    for path in all_banks() {
        let bank = load(&path);
        let export = qti::export(&bank);
        for (q, (_, bytes)) in bank.questions().iter().zip(export.files.iter().skip(2)) {
            check_item(&bank, q, &String::from_utf8_lossy(bytes));
        }
        if path == support::every_kind_path() {
            let kinds: Vec<Kind> = bank.questions().iter().map(Question::kind).collect();
            assert!(Kind::ALL.iter().all(|k| kinds.contains(k)), "the fixture has every kind");
        }
    }
}

#[test]
fn the_explanation_and_every_cited_quote_are_in_each_items_feedback() {
    let bank = load(&support::every_kind_path());
    let export = qti::export(&bank);
    for (q, (_, bytes)) in bank.questions().iter().zip(export.files.iter().skip(2)) {
        let xml = String::from_utf8(bytes.clone()).unwrap();
        let item = Document::parse(&xml).unwrap();
        let fb = item
            .descendants()
            .find(|n| {
                n.attribute("identifier") == Some("EXPLANATION")
                    && n.has_tag_name("qti-modal-feedback")
            })
            .unwrap();
        let quotes: Vec<String> = fb
            .descendants()
            .filter(|n| n.has_tag_name("blockquote"))
            .map(|b| b.descendants().filter(|t| t.is_text()).filter_map(|t| t.text()).collect())
            .collect();
        assert_eq!(
            quotes,
            q.citations().iter().map(|c| c.text().to_string()).collect::<Vec<_>>(),
            "{}",
            q.id()
        );
        let all: String =
            fb.descendants().filter(|t| t.is_text()).filter_map(|t| t.text()).collect();
        assert!(all.contains(q.explanation()), "{}", q.id());
    }
}

// ------------------------------------------------------------- Moodle XML

fn child<'a>(n: Node<'a, 'a>, tag: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| c.has_tag_name(tag))
}

/// `<tag><text>…</text></tag>`'s text.
fn field(n: Node, tag: &str) -> String {
    child(n, tag).and_then(|t| child(t, "text")).and_then(|t| t.text()).unwrap_or("").to_string()
}

fn answers<'a>(q: Node<'a, 'a>) -> Vec<(f64, String)> {
    q.children()
        .filter(|c| c.has_tag_name("answer"))
        .map(|a| {
            let text = child(a, "text").and_then(|t| t.text()).unwrap_or("").to_string();
            (a.attribute("fraction").unwrap().parse().unwrap(), text)
        })
        .collect()
}

/// Plain text as the exporter writes it in HTML (`html_text`, checked
/// against an XML parser in its unit tests).
fn p(s: &str) -> String {
    html_text(s)
}

/// `s` without the characters XML cannot hold, which the exports drop.
fn xml_chars(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// The checks of one question against what Moodle's importer reads.
fn check_moodle(bank: &Bank, q: &Question, questions: &[Node]) {
    let by_id = |id: &str| {
        questions
            .iter()
            .find(|n| child(**n, "idnumber").and_then(|i| i.text()) == Some(id))
            .copied()
    };
    let id = q.id();
    let common = |n: Node, points: f64| {
        assert!(!field(n, "name").is_empty(), "{id}: name");
        assert_eq!(child(n, "questiontext").unwrap().attribute("format"), Some("html"), "{id}");
        assert_eq!(
            child(n, "defaultgrade").and_then(|d| d.text()).unwrap().parse::<f64>().unwrap(),
            points,
            "{id}"
        );
        assert_eq!(
            child(n, "penalty").and_then(|d| d.text()).unwrap().parse::<f64>().unwrap(),
            (bank.try_penalty() * 1e7).round() / 1e7,
            "{id}"
        );
        assert_eq!(child(n, "hidden").and_then(|d| d.text()), Some("0"), "{id}");
        let feedback = field(n, "generalfeedback");
        for c in q.citations() {
            assert!(
                feedback.contains(&format!(
                    "<blockquote cite=\"{}\">{}</blockquote>",
                    xml_text(&bank.article().raw().url),
                    p(c.text())
                )),
                "{id}: quote in general feedback"
            );
        }
        let tags: Vec<&str> = n
            .descendants()
            .filter(|t| t.has_tag_name("tag"))
            .map(|t| child(t, "text").and_then(|x| x.text()).unwrap_or(""))
            .collect();
        assert_eq!(tags, q.tags().iter().map(|t| xml_chars(t)).collect::<Vec<_>>(), "{id}: tags");
        assert_eq!(
            n.children().filter(|c| c.has_tag_name("hint")).count(),
            q.hints().len(),
            "{id}: hints"
        );
    };
    let kind = |n: Node| n.attribute("type").unwrap().to_string();
    let fractions_sum_to_100 = |a: &[(f64, String)]| {
        let sum: f64 = a.iter().map(|x| x.0).filter(|f| *f > 0.0).sum();
        assert!((sum - 100.0).abs() < 1e-3, "{id}: positive fractions sum to {sum}");
    };
    let single = |n: Node| child(n, "single").and_then(|s| s.text()).unwrap().to_string();
    match q.body() {
        Body::SingleChoice { options, answer }
        | Body::TwoPart { part_a: citequiz::bank::raw::PartA { options, answer, .. }, .. } => {
            let n = match q.body() {
                Body::TwoPart { .. } => by_id(&format!("{id}-part-a")).unwrap(),
                _ => by_id(id).unwrap(),
            };
            assert_eq!(kind(n), "multichoice");
            assert_eq!(single(n), "true");
            common(n, if q.kind() == Kind::TwoPart { q.points() / 2.0 } else { q.points() });
            let a = answers(n);
            assert_eq!(a.len(), options.len());
            let right: Vec<&String> = a.iter().filter(|x| x.0 == 100.0).map(|x| &x.1).collect();
            assert_eq!(
                right,
                [&p(&options.iter().find(|o| &o.id == answer).unwrap().text)],
                "{id}"
            );
            if let Body::TwoPart { part_b, quotes, .. } = q.body() {
                let b = by_id(&format!("{id}-part-b")).unwrap();
                common(b, q.points() / 2.0);
                let a = answers(b);
                let keyed = part_b
                    .options
                    .iter()
                    .zip(quotes)
                    .find(|(o, _)| o.id == part_b.answer)
                    .unwrap()
                    .1;
                let right: Vec<&String> = a.iter().filter(|x| x.0 == 100.0).map(|x| &x.1).collect();
                assert_eq!(
                    right,
                    [&format!("<blockquote>{}</blockquote>", p(keyed.text()))],
                    "{id}"
                );
            }
        }
        Body::MultipleChoice { options, answers: keys } => {
            let n = by_id(id).unwrap();
            assert_eq!((kind(n).as_str(), single(n).as_str()), ("multichoice", "false"));
            common(n, q.points());
            let a = answers(n);
            fractions_sum_to_100(&a);
            let right: Vec<String> = a.iter().filter(|x| x.0 > 0.0).map(|x| x.1.clone()).collect();
            assert_eq!(
                right,
                options
                    .iter()
                    .filter(|o| keys.contains(&o.id))
                    .map(|o| p(&o.text))
                    .collect::<Vec<_>>()
            );
        }
        Body::Evidence { target } => {
            let n = by_id(id).unwrap();
            assert_eq!((kind(n).as_str(), single(n).as_str()), ("multichoice", "false"));
            common(n, q.points());
            let a = answers(n);
            fractions_sum_to_100(&a);
            let art = bank.article();
            let right: Vec<String> = a.iter().filter(|x| x.0 > 0.0).map(|x| x.1.clone()).collect();
            assert_eq!(
                right,
                target
                    .iter()
                    .map(|t| p(&art.slice(&art.sentence(t).unwrap().span)))
                    .collect::<Vec<_>>()
            );
        }
        Body::TrueFalse { answer, .. } => {
            let n = by_id(id).unwrap();
            assert_eq!(kind(n), "truefalse");
            common(n, q.points());
            let want = if *answer {
                [(100.0, "true"), (0.0, "false")]
            } else {
                [(0.0, "true"), (100.0, "false")]
            };
            assert_eq!(answers(n), want.map(|(f, t)| (f, t.to_string())));
        }
        Body::FillBlank { gaps, .. } if gaps.len() == 1 => {
            let n = by_id(id).unwrap();
            assert_eq!(kind(n), "shortanswer");
            common(n, q.points());
            assert_eq!(child(n, "usecase").and_then(|u| u.text()), Some("0"));
            assert_eq!(
                answers(n),
                gaps[0].accept.iter().map(|a| (100.0, xml_chars(a))).collect::<Vec<_>>()
            );
        }
        Body::FillBlank { gaps, .. } => {
            let n = by_id(id).unwrap();
            assert_eq!(kind(n), "cloze");
            let text = field(n, "questiontext");
            assert_eq!(text.matches("{1:SHORTANSWER:").count(), gaps.len(), "{id}");
            // Each gap's accepted answers, read back as Moodle reads them
            // (whitespace folded, as the export says).
            let want: Vec<Vec<String>> = gaps
                .iter()
                .map(|g| {
                    g.accept
                        .iter()
                        .map(|a| xml_chars(&a.split_whitespace().collect::<Vec<_>>().join(" ")))
                        .collect()
                })
                .collect();
            assert_eq!(cloze_answers(&text), want, "{id}: {text}");
        }
        Body::Numeric { answer, tolerance, .. } => {
            let n = by_id(id).unwrap();
            assert_eq!(kind(n), "numerical");
            common(n, q.points());
            let a: Vec<_> = n.children().filter(|c| c.has_tag_name("answer")).collect();
            assert_eq!(a.len(), 1);
            assert_eq!(field(n, "answer").parse::<f64>().unwrap(), *answer);
            assert_eq!(
                child(a[0], "tolerance").and_then(|t| t.text()).unwrap().parse::<f64>().unwrap(),
                *tolerance
            );
        }
        Body::Ordering { items } => {
            let n = by_id(id).unwrap();
            assert_eq!(kind(n), "ordering");
            common(n, q.points());
            for (tag, want) in [
                ("layouttype", "VERTICAL"),
                ("selecttype", "ALL"),
                ("gradingtype", "ABSOLUTE_POSITION"),
            ] {
                assert_eq!(child(n, tag).and_then(|t| t.text()), Some(want), "{id}: {tag}");
            }
            let want: Vec<(f64, String)> =
                items.iter().enumerate().map(|(i, it)| ((i + 1) as f64, p(&it.text))).collect();
            assert_eq!(answers(n), want, "{id}: the items in the right order");
        }
        Body::Matching { left, right, answer } => {
            let n = by_id(id).unwrap();
            assert_eq!(kind(n), "matching");
            common(n, q.points());
            let subs: Vec<(String, String)> = n
                .children()
                .filter(|c| c.has_tag_name("subquestion"))
                .map(|s| {
                    (
                        child(s, "text").and_then(|t| t.text()).unwrap_or("").to_string(),
                        field(s, "answer"),
                    )
                })
                .collect();
            let mut want: Vec<(String, String)> = left
                .iter()
                .zip(answer)
                .map(|(l, r)| {
                    (p(&l.text), xml_chars(&right.iter().find(|x| &x.id == r).unwrap().text))
                })
                .collect();
            want.extend(
                right
                    .iter()
                    .filter(|r| !answer.contains(&r.id))
                    .map(|r| (String::new(), xml_chars(&r.text))),
            );
            assert_eq!(subs, want, "{id}: pairs, then distractors with empty text");
        }
    }
}

/// The answers of each `{1:SHORTANSWER:=a~=b}` in a cloze question's
/// HTML: split at unescaped `~`, backslash escapes undone, then the HTML
/// entities (by an XML parser).
fn cloze_answers(html: &str) -> Vec<Vec<String>> {
    let unescape = |s: &str| {
        let doc = format!("<r>{s}</r>");
        Document::parse(&doc).unwrap().root_element().text().unwrap_or("").to_string()
    };
    let mut out = Vec::new();
    for part in html.split("{1:SHORTANSWER:").skip(1) {
        let (mut answers, mut cur, mut chars) = (Vec::new(), String::new(), part.chars());
        while let Some(c) = chars.next() {
            match c {
                '\\' => cur.extend(chars.next()),
                '~' => answers.push(std::mem::take(&mut cur)),
                '}' => break,
                c => cur.push(c),
            }
        }
        answers.push(cur);
        out.push(answers.iter().map(|a| unescape(a.strip_prefix('=').unwrap_or(a))).collect());
    }
    out
}

/// The bank's Moodle XML file.
fn moodle_xml(bank: &Bank) -> String {
    String::from_utf8(moodle::export(bank).files[0].1.clone()).unwrap()
}

/// The file's questions after its category, each checked (`check_moodle`).
fn moodle_questions<'a>(bank: &Bank, doc: &'a Document<'a>) -> Vec<Node<'a, 'a>> {
    assert!(doc.root_element().has_tag_name("quiz"));
    let questions: Vec<Node> =
        doc.root_element().children().filter(|n| n.has_tag_name("question")).collect();
    let category = questions[0];
    assert_eq!(category.attribute("type"), Some("category"));
    assert_eq!(
        field(category, "category"),
        format!(
            "$course$/top/{}",
            xml_chars(&bank.title().split_whitespace().collect::<Vec<_>>().join(" "))
                .replace('/', "//")
        )
    );
    let extra = bank.questions().iter().filter(|q| q.kind() == Kind::TwoPart).count();
    assert_eq!(questions.len(), 1 + bank.questions().len() + extra, "{}", bank.id());
    for q in bank.questions() {
        check_moodle(bank, q, &questions[1..]);
    }
    questions[1..].to_vec()
}

#[test]
fn every_moodle_question_has_the_structure_moodle_imports() {
    for path in all_banks() {
        let bank = load(&path);
        let export = moodle::export(&bank);
        assert_eq!(export.files.len(), 1);
        let xml = String::from_utf8(export.files[0].1.clone()).unwrap();
        let doc = Document::parse(&xml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        moodle_questions(&bank, &doc);
        // A warning for each question Moodle has no type for, naming it; none else.
        let warned: Vec<&str> =
            export.warnings.iter().map(|d| d.question.as_deref().unwrap()).collect();
        let expected: Vec<&str> = bank
            .questions()
            .iter()
            .filter(|q| matches!(q.kind(), Kind::Evidence | Kind::TwoPart))
            .map(Question::id)
            .collect();
        assert_eq!(warned, expected);
        assert!(export.warnings.iter().all(|d| d.code == "export-nearest-type"
            && d.message.contains(&format!("\"{}\"", d.question.as_deref().unwrap()))));
    }
}

// --------------------------------------------------------------- goldens

/// The export's files, one after another, each under its name.
fn concatenated(export: &Export) -> String {
    export
        .files
        .iter()
        .map(|(n, b)| format!("==> {n} <==\n{}", String::from_utf8_lossy(b)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_fixtures_export_is_as_reviewed() {
    let bank = load(&support::every_kind_path());
    let moodle = moodle::export(&bank);
    expect_file!["fixtures/every-kind.moodle.xml"]
        .assert_eq(&String::from_utf8_lossy(&moodle.files[0].1));
    expect_file!["fixtures/every-kind.qti3.txt"].assert_eq(&concatenated(&qti::export(&bank)));
}

// ------------------------------------------------------------- the command

fn citequiz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_citequiz"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the citequiz binary runs")
}

#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn the_command_writes_each_format_and_keeps_what_exists() {
    let dir = temp_dir("cli");
    let bank = "tests/fixtures/every-kind.json";
    let xml = dir.join("bank.xml");
    let o = citequiz(&["export", bank, "--format", "moodle-xml", "--out", xml.to_str().unwrap()]);
    assert_exit(&o, 0);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("warning[export-nearest-type]") && err.contains("question \"twopart\""),
        "{err}"
    );
    assert!(!err.contains("longest-answer"), "check's item-writing warnings stay out: {err}");
    assert!(Document::parse(&std::fs::read_to_string(&xml).unwrap()).is_ok());

    // An existing file is kept without --force, and replaced with it.
    std::fs::write(&xml, "keep").unwrap();
    let o = citequiz(&["export", bank, "--format", "moodle-xml", "--out", xml.to_str().unwrap()]);
    assert_exit(&o, 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("exists; nothing was written"));
    assert_eq!(std::fs::read_to_string(&xml).unwrap(), "keep");
    assert_exit(
        &citequiz(&[
            "export",
            bank,
            "--format",
            "moodle-xml",
            "--out",
            xml.to_str().unwrap(),
            "--force",
        ]),
        0,
    );
    assert_ne!(std::fs::read_to_string(&xml).unwrap(), "keep");

    // QTI: a folder, or a zip that is the same bytes each time.
    let folder = dir.join("qti");
    assert_exit(
        &citequiz(&["export", bank, "--format", "qti3", "--out", folder.to_str().unwrap()]),
        0,
    );
    assert!(
        folder.join("imsmanifest.xml").is_file() && folder.join("stimuli/article.xml").is_file()
    );
    let zip = |name: &str| {
        let path = dir.join(name);
        assert_exit(
            &citequiz(&["export", bank, "--format", "qti3", "--out", path.to_str().unwrap()]),
            0,
        );
        std::fs::read(path).unwrap()
    };
    let (a, b) = (zip("a.zip"), zip("b.zip"));
    assert_eq!(a, b, "the zip is reproducible");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(a)).unwrap();
    assert_eq!(archive.by_index(0).unwrap().name(), "imsmanifest.xml");
}

#[test]
fn a_bank_with_errors_is_refused_and_a_wrong_format_is_a_usage_error() {
    let dir = temp_dir("refused");
    let broken = dir.join("broken.json");
    let fixture = std::fs::read_to_string(support::every_kind_path()).unwrap();
    let article = support::repo_path("quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    let text = fixture
        .replace(
            "../../quiz-data/articles/gabuev-2020-putin-china-alliance.json",
            article.to_str().unwrap(),
        )
        .replace(
            "\"answer\": \"a\",\n      \"explanation\": \"The article opens",
            "\"answer\": \"zz\",\n      \"explanation\": \"The article opens",
        );
    std::fs::write(&broken, text).unwrap();
    let out = dir.join("out.xml");
    let o = citequiz(&[
        "export",
        broken.to_str().unwrap(),
        "--format",
        "moodle-xml",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_exit(&o, 1);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error[")
            && err.contains("question \"single\"")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!out.exists());
    assert_exit(
        &citequiz(&[
            "export",
            "tests/fixtures/every-kind.json",
            "--format",
            "pdf",
            "--out",
            out.to_str().unwrap(),
        ]),
        2,
    );
}

#[test]
fn export_gift_then_import_gift_gives_a_bank_that_checks() {
    let dir = temp_dir("gift-cli");
    let bank = "quiz-data/banks/gabuev-full.json";
    let gift = dir.join("full.gift");
    let o = citequiz(&["export", bank, "--format", "gift", "--out", gift.to_str().unwrap()]);
    assert_exit(&o, 0);
    let err = String::from_utf8_lossy(&o.stderr);
    // Kinds GIFT cannot hold are named, each with its question.
    assert!(err.contains("warning[not-converted]") && err.contains("question \""), "{err}");
    let text = std::fs::read_to_string(&gift).unwrap();
    assert!(text.contains("// [id:") && text.contains("// [cite:"), "{text}");
    // Again: refused without --force, and the file is kept.
    assert_exit(
        &citequiz(&["export", bank, "--format", "gift", "--out", gift.to_str().unwrap()]),
        1,
    );
    assert_eq!(std::fs::read_to_string(&gift).unwrap(), text);
    let back = dir.join("back.json");
    let article = support::repo_path("quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    let o = citequiz(&[
        "import",
        "gift",
        gift.to_str().unwrap(),
        "--article",
        article.to_str().unwrap(),
        "--out",
        back.to_str().unwrap(),
    ]);
    assert_exit(&o, 0);
    let o = citequiz(&["check", back.to_str().unwrap()]);
    assert_exit(&o, 0);
}
