//! The item-writing checks reach `citequiz check`: `files::load_bank` adds
//! them to a bank's diagnostics, as warnings with the file, line and column.
#![cfg(not(target_arch = "wasm32"))]

use citequiz::files::load_bank;

const ARTICLE: &str = include_str!("../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

#[test]
fn load_bank_reports_item_writing_warnings_with_their_place() {
    let dir = std::env::temp_dir().join(format!("citequiz-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("article.json"), ARTICLE).unwrap();
    let bank = r#"{"format": "citequiz-bank/1", "id": "t", "title": "T", "article": "article.json",
  "questions": [
    {"id": "q1", "kind": "single_choice", "prompt": "Which?",
     "options": [{"id": "a", "text": "Gas"}, {"id": "b", "text": "None of the above"}],
     "answer": "a", "explanation": "E.", "cite": [{"exact": "Putin made an interesting comment"}]}
  ]}"#;
    let path = dir.join("bank.json");
    std::fs::write(&path, bank).unwrap();
    let loaded = load_bank(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(loaded.bank.is_some(), "{:?}", loaded.diagnostics);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "all-of-the-above")
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    assert!(!d.is_error());
    assert_eq!(d.path, "questions[0].options[1].text");
    assert_eq!(d.question.as_deref(), Some("q1"));
    assert_eq!((d.line, d.column), (Some(4), Some(58)), "{d:?}");
    assert_eq!(d.file.as_deref(), Some(path.to_string_lossy().as_ref()));
    let rendered = d.render(loaded.source_of(d));
    assert!(rendered.starts_with("warning[all-of-the-above]"), "{rendered}");
    assert!(rendered.contains("= help:"), "{rendered}");
}
