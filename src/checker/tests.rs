use super::*;
use std::path::PathBuf;

const ARTICLE: &str =
    include_str!("../../quiz-data/articles/gabuev-2020-putin-china-alliance.json");
const BANK: &str = include_str!("../../quiz-data/banks/gabuev-quick-check.json");
const ARTICLE_PATH: &str = "quiz-data/banks/../articles/gabuev-2020-putin-china-alliance.json";

/// Files in memory and the lines printed, in order.
#[derive(Default)]
struct Memory {
    files: Vec<(PathBuf, String)>,
    lines: Vec<(Stream, String)>,
}

impl Io for Memory {
    fn read(&mut self, path: &Path) -> Result<Vec<u8>, String> {
        let found = self.files.iter().find(|(p, _)| p == path);
        found.map(|(_, t)| t.clone().into_bytes()).ok_or_else(|| "not here".to_string())
    }

    fn print(&mut self, stream: Stream, line: &str) {
        self.lines.push((stream, line.to_string()));
    }
}

/// Checks one bank (its text) beside the shipped article; the exit code
/// and what was printed on each stream.
fn check_bank(bank: &str, options: CheckOptions) -> (u8, String, String) {
    let mut io = Memory::default();
    io.files.push((PathBuf::from(ARTICLE_PATH), ARTICLE.to_string()));
    io.files.push((PathBuf::from("quiz-data/banks/b.json"), bank.to_string()));
    let code = check(&[PathBuf::from("quiz-data/banks/b.json")], options, &mut io);
    let stream =
        |s| io.lines.iter().filter(|(t, _)| *t == s).map(|(_, l)| l.as_str()).collect::<Vec<_>>();
    (code, stream(Stream::Out).join("\n"), stream(Stream::Err).join("\n"))
}

#[test]
fn a_good_bank_is_one_ok_line_on_stdout() {
    let (code, out, err) = check_bank(BANK, CheckOptions::default());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("quiz-data/banks/b.json: ok: "), "{out}");
    assert!(out.ends_with("every citation anchored"), "{out}");
    assert_eq!(err, "");
}

#[test]
fn an_error_names_the_question_and_fails() {
    let broken = BANK.replacen("\"answer\": \"c\"", "\"answer\": \"zz\"", 1);
    let (code, out, err) = check_bank(&broken, CheckOptions::default());
    assert_eq!(code, FAILED);
    assert_eq!(out, "");
    assert!(err.contains("zz"), "{err}");
    assert!(err.ends_with("quiz-data/banks/b.json: failed: 1 error, 0 warnings"), "{err}");
}

#[test]
fn json_is_one_document_on_stdout() {
    let options = CheckOptions { format: Format::Json, deny_warnings: true };
    let (code, out, err) = check_bank(BANK, options);
    assert_eq!(code, 0, "{out}");
    assert_eq!(err, "");
    assert!(out.starts_with("[\n  {\n    \"diagnostics\": []"), "{out}");
    assert!(out.contains("\"ok\": true"), "{out}");
}

#[test]
fn an_unreadable_article_is_named_with_the_banks_field() {
    let mut io = Memory::default();
    io.files.push((PathBuf::from("b.json"), BANK.to_string()));
    let loaded = load_bank(Path::new("b.json"), &mut io);
    assert!(loaded.bank.is_none());
    let d = &loaded.diagnostics[0];
    assert_eq!(
        d.message,
        "cannot read the article ../articles/gabuev-2020-putin-china-alliance.json: not here"
    );
    assert!(d.help.as_deref().is_some_and(|h| h.contains("resolved against")), "{d:?}");
}

#[test]
fn stats_refuses_a_bank_with_errors() {
    let mut io = Memory::default();
    let code = stats(Path::new("none.json"), Format::Text, &mut io);
    assert_eq!(code, FAILED);
    let (stream, last) = io.lines.last().cloned().unwrap_or((Stream::Out, String::new()));
    assert_eq!(stream, Stream::Err);
    assert!(last.contains("cannot show statistics"), "{last}");
}

#[test]
fn the_article_resolves_against_the_banks_folder() {
    assert_eq!(resolve(Path::new("x.json"), "a.json"), PathBuf::from("a.json"));
    assert_eq!(resolve(Path::new("d/x.json"), "../a.json"), PathBuf::from("d/../a.json"));
    assert_eq!(resolve(Path::new("d/x.json"), "/abs/a.json"), PathBuf::from("/abs/a.json"));
}
