//! Authoring a bank: questions written without `cite`, citations marked
//! `suggested`, `suggest` filling them in, and `new`'s skeleton.
#![cfg(not(target_arch = "wasm32"))]

use citequiz::article::{Article, Normalizer};
use citequiz::author::new::write_skeleton;
use citequiz::author::suggest::{Options, fill_missing, recall, suggest_bank};
use citequiz::bank::Bank;
use citequiz::diag::{Diagnostic, Severity};
use citequiz::files::load_bank;
use std::path::{Path, PathBuf};

const ARTICLE_PATH: &str = "quiz-data/articles/gabuev-2020-putin-china-alliance.json";
const ARTICLE: &str = include_str!("../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

fn article() -> Article {
    Article::parse(ARTICLE, Normalizer::default()).expect("the article parses")
}

fn load(bank: &str) -> Result<(Bank, Vec<Diagnostic>), Vec<Diagnostic>> {
    Bank::load(bank, Some("bank.json"), article())
}

fn bank(questions: &str) -> String {
    format!(
        "{{\n  \"format\": \"citequiz-bank/1\",\n  \"id\": \"t\",\n  \"title\": \"T\",\n  \"article\": \"a.json\",\n  \"questions\": [\n{questions}\n  ]\n}}\n"
    )
}

/// The (code, path, line, column) of every diagnostic.
fn codes(diags: &[Diagnostic]) -> Vec<(&str, &str, usize, usize)> {
    diags
        .iter()
        .map(|d| (d.code, d.path.as_str(), d.line.unwrap_or(0), d.column.unwrap_or(0)))
        .collect()
}

const UNCITED: &str = r#"    {
      "id": "q1",
      "kind": "true_false",
      "prompt": "Moscow and Beijing always have the same interests.",
      "answer": false,
      "explanation": "Their interests don't always coincide."
    }"#;

#[test]
fn a_question_without_cite_is_an_error_whose_help_names_suggest() {
    let diags = load(&bank(UNCITED)).expect_err("cites nothing");
    assert_eq!(codes(&diags), [("no-citation", "questions[0].cite", 7, 5)]);
    let help = diags[0].help.as_deref().unwrap_or("");
    assert!(help.contains("citequiz suggest BANK --write"), "{help}");
    // An empty list is the same.
    let empty = UNCITED.replace("coincide.\"", "coincide.\",\n      \"cite\": []");
    let diags = load(&bank(&empty)).expect_err("cites nothing");
    assert_eq!(codes(&diags), [("no-citation", "questions[0].cite", 13, 7)]);
}

#[test]
fn a_suggested_citation_loads_with_a_warning_until_the_mark_is_removed() {
    let marked = UNCITED.replace(
        "coincide.\"",
        "coincide.\",\n      \"cite\": [{\"exact\": \"their interests don't always coincide\", \"suggested\": true}]",
    );
    let (_, warnings) = load(&bank(&marked)).expect("a warning, not an error");
    assert_eq!(codes(&warnings), [("suggested-cite", "questions[0].cite[0]", 13, 16)]);
    assert_eq!(warnings[0].severity, Severity::Warning);
    assert!(warnings[0].help.as_deref().unwrap_or("").contains("remove"));
    let confirmed = marked.replace(", \"suggested\": true", "");
    let (_, warnings) = load(&bank(&confirmed)).expect("loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    // `"suggested": false` is allowed and says nothing.
    let (_, warnings) =
        load(&bank(&marked.replace("\"suggested\": true", "\"suggested\": false"))).expect("loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    // Only a citation takes the mark: a Part B quote is not a suggestion.
    let two_part = r#"    {"id": "q2", "kind": "two_part", "prompt": "P", "explanation": "E",
     "cite": [{"exact": "Putin made an interesting comment"}],
     "part_a": {"prompt": "A?", "options": [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}], "answer": "a"},
     "part_b": {"prompt": "B?", "answer": "a", "options": [
       {"id": "a", "quote": {"exact": "Putin made an interesting comment", "suggested": true}},
       {"id": "b", "quote": {"exact": "Moscow and Beijing are well aware"}}]}}"#;
    let diags = load(&bank(two_part)).expect_err("unknown field");
    assert_eq!(codes(&diags)[0].0, "unknown-field");
    assert_eq!(codes(&diags)[0].1, "questions[0].part_b.options[0].quote.suggested");
}

/// The mark is not part of what a saved answer depends on: confirming a
/// suggested citation keeps an evidence question's hash (and so learners'
/// saved answers).
#[test]
fn the_mark_stays_out_of_the_content_hash() {
    let evidence = |mark: &str| {
        bank(&format!(
            r#"    {{"id": "e", "kind": "evidence", "prompt": "Which sentence?", "explanation": "E.",
     "cite": [{{"exact": "Moscow and Beijing are well aware"{mark}}}]}}"#
        ))
    };
    let hash = |text: &str| load(text).expect("loads").0.questions()[0].content_hash();
    assert_eq!(hash(&evidence(", \"suggested\": true")), hash(&evidence("")));
    let other = evidence("")
        .replace("Moscow and Beijing are well aware", "Putin made an interesting comment");
    assert_ne!(hash(&other), hash(&evidence("")));
}

#[test]
fn fill_missing_inserts_the_best_sentence_and_keeps_the_rest_byte_for_byte() {
    let inline = r#"    {"id": "q2", "kind": "true_false", "prompt": "Putin made an interesting comment at Valdai.", "answer": true, "explanation": "He did.", "cite": []}"#;
    let cited = r#"    {"id": "q3", "kind": "true_false", "prompt": "P", "answer": true, "explanation": "E",
     "cite": [{"exact": "Putin made an interesting comment"}]}"#;
    let source = bank(&format!("{UNCITED},\n{inline},\n{cited}"));
    let filled = fill_missing(&source, &article()).expect("reads");
    assert_eq!(filled.filled, ["q1", "q2"]);
    assert!(filled.unmatched.is_empty());
    let expected = source
        .replace(
            "coincide.\"\n",
            "coincide.\",\n      \"cite\": [\n        {\n          \"exact\": \"Moscow and Beijing are well aware that their interests don't always coincide.\",\n          \"suggested\": true\n        }\n      ]\n",
        )
        .replace(
            "\"cite\": []",
            "\"cite\": [{\"exact\": \"At a meeting of the Valdai Discussion Club several weeks before the U.S. presidential election, Russian President Vladimir Putin made an interesting comment.\", \"suggested\": true}]",
        );
    assert_eq!(filled.text, expected);
    let (_, warnings) = load(&filled.text).expect("the filled bank loads");
    assert_eq!(
        codes(&warnings).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
        [("suggested-cite", "questions[0].cite[0]"), ("suggested-cite", "questions[1].cite[0]")]
    );
    // Nothing left to fill: the text comes back as it was.
    let again = fill_missing(&filled.text, &article()).expect("reads");
    assert!(again.filled.is_empty());
    assert_eq!(again.text, filled.text);
}

#[test]
fn fill_missing_leaves_a_question_nothing_matches() {
    let odd = UNCITED
        .replace("Moscow and Beijing always have the same interests.", "Zzyzx?")
        .replace("Their interests don't always coincide.", "Qwv.");
    let source = bank(&odd);
    let filled = fill_missing(&source, &article()).expect("reads");
    assert_eq!(filled.unmatched, ["q1"]);
    assert_eq!(filled.text, source);
}

#[test]
fn suggest_reports_a_misshapen_question_with_its_path() {
    let bad = UNCITED.replace("\"answer\": false", "\"answer\": false, \"points\": \"two\"");
    let diags = suggest_bank(&bank(&bad), &article(), Options::default(), 3)
        .err()
        .expect("points is not a number");
    assert_eq!(codes(&diags), [("json-type", "questions[0].points", 11, 24)]);
    let diags = suggest_bank("{\"questions\": 3}", &article(), Options::default(), 3)
        .err()
        .expect("not an array");
    assert_eq!(codes(&diags)[0].1, "questions");
}

/// The shipped banks with every citation stripped out, filled back in:
/// every question gets one, and the filled bank checks with only the
/// `suggested-cite` warnings.
#[test]
fn the_shipped_banks_stripped_and_filled_check() {
    for name in ["gabuev-full", "gabuev-quick-check"] {
        let path = format!("quiz-data/banks/{name}.json");
        let text = std::fs::read_to_string(&path).expect("the bank reads");
        let mut v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let n = v["questions"].as_array().map_or(0, Vec::len);
        for q in v["questions"].as_array_mut().into_iter().flatten() {
            q.as_object_mut().map(|o| o.remove("cite"));
        }
        let stripped = serde_json::to_string_pretty(&v).expect("writes");
        assert!(load(&stripped).is_err());
        let filled = fill_missing(&stripped, &article()).expect("reads");
        assert_eq!(filled.filled.len(), n, "{name}");
        let (_, warnings) = load(&filled.text).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
        assert_eq!(warnings.len(), n, "{name}");
        assert!(warnings.iter().all(|w| w.code == "suggested-cite"), "{name}");
    }
}

/// The issue's aim: recall@3 of at least 0.8 on the shipped banks (the
/// figures themselves: `cargo bench --bench suggest_recall`).
#[test]
fn recall_at_3_on_the_shipped_banks_is_at_least_0_8() {
    for name in ["gabuev-full", "gabuev-quick-check"] {
        let path = PathBuf::from(format!("quiz-data/banks/{name}.json"));
        let loaded = load_bank(&path);
        let (Some(bank), Some(file)) = (loaded.bank, loaded.bank_file) else { panic!("{name}") };
        let r = recall(&file.text, &bank, Options::default(), &[1, 3]).expect("reads");
        assert!(r.at(3) >= 0.8, "{name}: recall@3 {}", r.at(3));
        assert!(r.at(1) <= r.at(3));
    }
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("citequiz-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn new_writes_a_skeleton_that_checks_and_never_overwrites() {
    let dir = scratch("new");
    let out = dir.join("bank.json");
    let article = std::fs::canonicalize(ARTICLE_PATH).expect("the article");
    let text = write_skeleton(&article, &out, Some("my-quiz"), Some("My quiz")).expect("written");
    assert_eq!(std::fs::read_to_string(&out).ok().as_deref(), Some(text.as_str()));
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["id"], "my-quiz");
    assert_eq!(v["title"], "My quiz");
    assert_eq!(v["language"], "en");
    // No schema file above the scratch folder: the schema's URL.
    assert_eq!(v["$schema"], citequiz::bank::SCHEMA_ID);
    let loaded = load_bank(&out);
    assert!(loaded.bank.is_some(), "{:#?}", loaded.diagnostics);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    // The example question says what is left to do, in the bank's line
    // order: write its explanation and confirm its citation.
    assert_eq!(codes, ["placeholder-explanation", "suggested-cite"]);
    // A second run refuses and leaves the file alone.
    std::fs::write(&out, "mine").expect("written");
    let err = write_skeleton(&article, &out, None, None).expect_err("exists");
    assert!(err[0].message.contains("already exists"), "{err:?}");
    assert_eq!(std::fs::read_to_string(&out).ok().as_deref(), Some("mine"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn new_names_the_article_and_schema_relative_to_the_bank() {
    let dir = scratch("new-rel");
    let data = dir.join("quiz-data");
    std::fs::create_dir_all(data.join("banks")).expect("folders");
    std::fs::create_dir_all(data.join("articles")).expect("folders");
    std::fs::write(data.join("citequiz-bank-1.schema.json"), "{}").expect("written");
    std::fs::copy(ARTICLE_PATH, data.join("articles/a.json")).expect("copied");
    let out = data.join("banks/b.json");
    let text = write_skeleton(&data.join("articles/a.json"), &out, None, None).expect("written");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["article"], "../articles/a.json");
    assert_eq!(v["$schema"], "../citequiz-bank-1.schema.json");
    assert_eq!(v["id"], "gabuev-2020-putin-china-alliance-quiz");
    assert!(load_bank(&out).bank.is_some());
    // Bad input: a missing article, a missing folder; nothing is written.
    let err = write_skeleton(Path::new("no/such.json"), &dir.join("c.json"), None, None)
        .expect_err("no article");
    assert_eq!(err[0].code, "io");
    assert!(!dir.join("c.json").exists());
    let err = write_skeleton(&data.join("articles/a.json"), &dir.join("no/c.json"), None, None)
        .expect_err("no folder");
    assert!(err[0].message.contains("does not exist"), "{err:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The binary, run with `args` from the crate's root.
fn citequiz(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_citequiz"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_suggest_command_prints_json_best_first() {
    let o = citequiz(&[
        "suggest",
        "quiz-data/banks/gabuev-quick-check.json",
        "--top",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let list = v.as_array().expect("an array");
    assert_eq!(list.len(), 10);
    assert_eq!(list[0]["question"], "article-main-claim");
    for q in list {
        let s = q["suggestions"].as_array().expect("suggestions");
        assert!(!s.is_empty() && s.len() <= 2, "{q}");
        let scores: Vec<f64> = s.iter().filter_map(|x| x["score"].as_f64()).collect();
        assert_eq!(scores.len(), s.len());
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{q}");
        assert!(scores.iter().all(|x| (0.0..=1.0).contains(x)), "{q}");
        assert!(s.iter().all(|x| x["sentence"].as_str().is_some_and(|id| id.starts_with('p'))));
    }
    // The fields in the documented order.
    let (a, b, c) = (text.find("\"sentence\""), text.find("\"text\""), text.find("\"score\""));
    assert!(a < b && b < c, "{text}");
    // The text form names each question and its sentences.
    let o = citequiz(&["suggest", "quiz-data/banks/gabuev-quick-check.json", "--top", "1"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with("article-main-claim\n  0."), "{text}");
    assert_eq!(text.lines().count(), 20, "{text}");
}

#[test]
fn the_suggest_command_refuses_what_it_cannot_use() {
    let o = citequiz(&["suggest", "quiz-data/banks/gabuev-quick-check.json", "--top", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = citequiz(&["suggest", "no/such/bank.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read the bank no/such/bank.json"), "{}", stderr(&o));
    let dir = scratch("cli-bad");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"article\": \"a.json\", \"questions\": [}").expect("written");
    let o = citequiz(&["suggest", &bad.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("json-syntax"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_suggest_command_writes_missing_cites_then_check_warns() {
    let dir = scratch("cli-write");
    std::fs::create_dir_all(dir.join("articles")).expect("folder");
    std::fs::create_dir_all(dir.join("banks")).expect("folder");
    std::fs::copy(ARTICLE_PATH, dir.join("articles/a.json")).expect("copied");
    let path = dir.join("banks/b.json");
    let source = bank(UNCITED).replace("\"a.json\"", "\"../articles/a.json\"");
    std::fs::write(&path, &source).expect("written");
    let p = path.to_string_lossy().into_owned();
    assert_eq!(citequiz(&["check", &p]).status.code(), Some(1));
    let o = citequiz(&["suggest", &p, "--write"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("suggested a citation for 1 question: q1"), "{}", stderr(&o));
    let written = std::fs::read_to_string(&path).expect("reads");
    assert!(written.contains("\"suggested\": true"), "{written}");
    let o = citequiz(&["check", &p]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning[suggested-cite]"), "{}", stderr(&o));
    // Again: nothing to write, the file as it was.
    let o = citequiz(&["suggest", &p, "--write"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("nothing to write"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).ok(), Some(written));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_new_command_writes_once_and_check_accepts_it() {
    let dir = scratch("cli-new");
    let out = dir.join("bank.json").to_string_lossy().into_owned();
    let args = ["new", "--article", ARTICLE_PATH, "--out", &out, "--title", "T"];
    let o = citequiz(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("citequiz suggest"), "{}", stderr(&o));
    let o = citequiz(&["check", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = std::fs::read_to_string(&out).expect("reads");
    assert!(before.contains("\"title\": \"T\""));
    let o = citequiz(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).ok(), Some(before));
    let other = dir.join("other.json").to_string_lossy().into_owned();
    let o = citequiz(&["new", "--article", "no/such.json", "--out", &other]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!Path::new(&other).exists());
    assert_eq!(citequiz(&["new", "--out", &other]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
