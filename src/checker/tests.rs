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

    fn exists(&mut self, path: &Path) -> bool {
        self.files.iter().any(|(p, _)| p == path) || self.is_dir(path)
    }

    /// A folder is any path some file lies under.
    fn is_dir(&mut self, path: &Path) -> bool {
        self.files.iter().any(|(p, _)| p.starts_with(path) && p != path)
    }

    /// The names of the files and folders right under `dir`.
    fn list(&mut self, dir: &Path) -> Result<Vec<String>, String> {
        let mut names: Vec<String> = (self.files.iter())
            .filter_map(|(p, _)| p.strip_prefix(dir).ok()?.components().next())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        names.dedup();
        Ok(names)
    }

    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<(), String> {
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())?;
        self.files.retain(|(p, _)| p != path);
        self.files.push((path.to_path_buf(), text));
        Ok(())
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

/// The shipped article and `bank` at quiz-data/banks/b.json.
fn with_bank(bank: &str) -> Memory {
    let mut io = Memory::default();
    io.files.push((PathBuf::from(ARTICLE_PATH), ARTICLE.to_string()));
    io.files.push((PathBuf::from("quiz-data/banks/b.json"), bank.to_string()));
    io
}

#[test]
fn compile_writes_beside_the_bank_what_the_compiled_reader_reads_back() {
    let mut io = with_bank(BANK);
    let code = compile(Path::new("quiz-data/banks/b.json"), CompileOptions::default(), &mut io);
    assert_eq!(code, 0, "{:?}", io.lines);
    let out = Path::new("quiz-data/banks/b.compiled.json");
    let (_, written) = io.files.iter().find(|(p, _)| p == out).expect("written beside the bank");
    let bank = crate::bank::Bank::load_compiled(written, crate::article::Normalizer::default())
        .expect("the compiled reader reads it");
    assert_eq!(bank.questions().len(), 10);
    let printed =
        format!("quiz-data/banks/b.compiled.json: 10 questions ({} bytes)", written.len());
    assert_eq!(io.lines, vec![(Stream::Out, printed)]);
}

#[test]
fn compile_refuses_to_replace_a_file_without_force() {
    let mut io = with_bank(BANK);
    io.files.push((PathBuf::from("out.json"), "mine".to_string()));
    let options = CompileOptions { out: Some(Path::new("out.json")), force: false };
    assert_eq!(compile(Path::new("quiz-data/banks/b.json"), options, &mut io), FAILED);
    assert!(io.files.iter().any(|(p, t)| p == Path::new("out.json") && t == "mine"));
    assert_eq!(io.lines[0], (Stream::Err, "error: out.json exists; nothing was written".into()));
    let forced = CompileOptions { force: true, ..options };
    assert_eq!(compile(Path::new("quiz-data/banks/b.json"), forced, &mut io), 0);
    assert!(io.files.iter().any(|(p, t)| p == Path::new("out.json") && t.starts_with('{')));
}

#[test]
fn a_bank_that_does_not_check_is_not_compiled() {
    let broken = BANK.replacen("\"answer\": \"c\"", "\"answer\": \"zz\"", 1);
    let mut io = with_bank(&broken);
    let files = io.files.len();
    assert_eq!(
        compile(Path::new("quiz-data/banks/b.json"), CompileOptions::default(), &mut io),
        FAILED
    );
    assert_eq!(io.files.len(), files, "nothing written");
    let err: Vec<&str> = io.lines.iter().map(|(_, l)| l.as_str()).collect();
    assert!(err[0].contains("zz"), "{err:?}");
    assert_eq!(err[1], "error: quiz-data/banks/b.json does not check; nothing was written");
}

#[test]
fn compile_into_a_folder_keeps_the_banks_file_name() {
    let mut io = with_bank(BANK);
    io.files.push((PathBuf::from("site/index.html"), String::new()));
    let options = CompileOptions { out: Some(Path::new("site")), force: false };
    assert_eq!(compile(Path::new("quiz-data/banks/b.json"), options, &mut io), 0, "{:?}", io.lines);
    assert!(io.files.iter().any(|(p, _)| p == Path::new("site/b.json")));
}

#[test]
fn a_bank_that_cannot_be_read_is_said_once() {
    let mut io = Memory::default();
    assert_eq!(compile(Path::new("nothere.json"), CompileOptions::default(), &mut io), FAILED);
    assert_eq!(io.lines.len(), 1, "{:?}", io.lines);
    assert!(io.lines[0].1.contains("cannot read the bank nothere.json"), "{:?}", io.lines);
}

#[test]
fn a_folder_is_its_json_files_in_name_order_and_an_empty_one_says_so() {
    let mut io = Memory::default();
    io.files.push((PathBuf::from(ARTICLE_PATH), ARTICLE.to_string()));
    for name in ["z.json", "a.json", "notes.txt", ".hidden.json", "sub/c.json"] {
        io.files.push((PathBuf::from("quiz-data/banks").join(name), BANK.to_string()));
    }
    let code = check(&[PathBuf::from("quiz-data/banks")], CheckOptions::default(), &mut io);
    assert_eq!(code, 0);
    let out: Vec<&str> = io.lines.iter().map(|(_, l)| l.split(':').next().unwrap_or("")).collect();
    assert_eq!(out, ["quiz-data/banks/a.json", "quiz-data/banks/z.json", "2 banks checked"]);
    assert_eq!(io.lines.last().map(|(_, l)| l.as_str()), Some("2 banks checked: 2 ok"));

    let mut io = Memory::default();
    io.files.push((PathBuf::from("empty/notes.txt"), String::new()));
    let code = check(&[PathBuf::from("empty")], CheckOptions::default(), &mut io);
    assert_eq!(code, FAILED);
    let err: Vec<&str> = io.lines.iter().map(|(_, l)| l.as_str()).collect();
    assert!(
        err.iter().any(|l| l.contains("the bank empty is a folder with no .json files")),
        "{err:?}"
    );
}

#[test]
fn warnings_come_in_the_banks_line_order_whichever_check_found_them() {
    // The first question's explanation is a placeholder (an item-writing
    // check); the second question's citation is a suggestion (the loader's).
    let start = BANK.find("\"explanation\": \"").unwrap() + "\"explanation\": \"".len();
    let end = start + BANK[start..].find("\",\n").unwrap();
    let bank =
        format!("{}{}{}", &BANK[..start], crate::bank::lint::PLACEHOLDER_EXPLANATION, &BANK[end..]);
    let second_cite = bank.match_indices("\"cite\": [").nth(1).unwrap().0;
    let brace = second_cite + bank[second_cite..].find('{').unwrap() + 1;
    let bank = format!("{}\"suggested\": true,{}", &bank[..brace], &bank[brace..]);
    let (code, _, err) = check_bank(&bank, CheckOptions::default());
    assert_eq!(code, 0, "{err}");
    let placeholder = err.find("warning[placeholder-explanation]").expect(&err);
    let suggested = err.find("warning[suggested-cite]").expect(&err);
    assert!(placeholder < suggested, "the first question's warning comes first:\n{err}");
}

#[test]
fn a_web_address_is_told_to_be_downloaded_not_to_check_its_path() {
    let mut io = Memory::default();
    let code =
        check(&[PathBuf::from("https://example.org/q.json")], CheckOptions::default(), &mut io);
    assert_eq!(code, 1);
    let err: Vec<&str> = io.lines.iter().map(|(_, l)| l.as_str()).collect();
    let err = err.join("\n");
    assert!(err.contains("help: citequiz reads files, not web addresses: download it"), "{err}");
    assert_eq!(unreadable_help("quiz-data/banks/q.json"), "check the path");
    assert_eq!(unreadable_help("HTTP://x"), unreadable_help("https://example.org/q.json"));
}

#[test]
fn github_format_is_one_workflow_command_per_problem_on_its_line() {
    let options = CheckOptions { format: Format::Github, deny_warnings: false };
    // A warning (an unconfirmed citation) and its summary.
    let suggested =
        BANK.replacen("\"cite\": [\n        {", "\"cite\": [\n        {\"suggested\": true,", 1);
    let (code, out, err) = check_bank(&suggested, options);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(
            "::warning file=quiz-data/banks/b.json,line=43,col=9,title=citequiz suggested-cite::"
        ),
        "{out}"
    );
    // Where in the bank, then the help after an escaped line break.
    assert!(
        lines[0].contains("(at questions[0].cite[0], question \"article-main-claim\")%0Ahelp: ")
    );
    assert!(lines[1].ends_with("ok: 10 questions checked, every citation anchored (1 warning)"));
    // An error in the article: its file named as the repository has it.
    let mut io = Memory::default();
    let broken = ARTICLE.replacen("\"title\"", "\"titel\"", 1);
    io.files.push((PathBuf::from(ARTICLE_PATH), broken));
    io.files.push((PathBuf::from("quiz-data/banks/b.json"), BANK.to_string()));
    let code = check(&[PathBuf::from("quiz-data/banks/b.json")], options, &mut io);
    assert_eq!(code, FAILED);
    let first = &io.lines[0].1;
    assert!(
        first.starts_with(
            "::error file=quiz-data/articles/gabuev-2020-putin-china-alliance.json,line="
        ),
        "{first}"
    );
    assert!(first.contains(",title=citequiz unknown-field::"), "{first}");
    assert_eq!(check::lexically_normal("./a/../../b/./c.json"), "../b/c.json");
    assert_eq!(check::lexically_normal("/x/../y.json"), "/y.json");
}

#[test]
fn gitlab_format_is_one_code_quality_report_whose_fingerprints_survive_moved_lines() {
    let options = CheckOptions { format: Format::Gitlab, deny_warnings: false };
    let suggested =
        BANK.replacen("\"cite\": [\n        {", "\"cite\": [\n        {\"suggested\": true,", 1);
    let report = |bank: &str| {
        let (code, out, err) = check_bank(bank, options);
        assert_eq!(code, 0, "{err}");
        // The summary is on stderr: stdout is the report alone.
        assert!(err.ends_with("every citation anchored (1 warning)"), "{err}");
        serde_json::from_str::<serde_json::Value>(&out).expect("one JSON document")
    };
    let first = report(&suggested);
    let issue = &first[0];
    assert_eq!(first.as_array().map(Vec::len), Some(1), "{first}");
    assert_eq!(issue["check_name"], "suggested-cite");
    assert_eq!(issue["severity"], "minor");
    assert_eq!(issue["location"]["path"], "quiz-data/banks/b.json");
    assert_eq!(issue["location"]["lines"]["begin"], 43);
    let description = issue["description"].as_str().unwrap_or_default();
    assert!(
        description.starts_with("suggested-cite: this citation was suggested"),
        "{description}"
    );
    assert!(description.contains("question \"article-main-claim\"); help: read"), "{description}");
    // Two lines added above: the line moves, the fingerprint stays.
    let moved = report(&suggested.replacen('{', "{\n\n", 1));
    assert_eq!(moved[0]["location"]["lines"]["begin"], 45);
    assert_eq!(moved[0]["fingerprint"], issue["fingerprint"]);
    assert_eq!(issue["fingerprint"].as_str().map(str::len), Some(16));
}

#[test]
fn several_banks_end_with_a_tally_on_stderr_when_one_failed() {
    let mut io = Memory::default();
    io.files.push((PathBuf::from(ARTICLE_PATH), ARTICLE.to_string()));
    io.files.push((PathBuf::from("quiz-data/banks/a.json"), BANK.to_string()));
    let broken = BANK.replacen("\"answer\": \"c\"", "\"answer\": \"zz\"", 1);
    io.files.push((PathBuf::from("quiz-data/banks/b.json"), broken));
    let code = check(&[PathBuf::from("quiz-data/banks")], CheckOptions::default(), &mut io);
    assert_eq!(code, FAILED);
    let last = io.lines.last().cloned().unwrap_or((Stream::Out, String::new()));
    assert_eq!(last, (Stream::Err, "2 banks checked: 1 ok, 1 failed (1 error, 0 warnings)".into()));
    // One bank: its own line is the tally.
    let (_, out, err) = check_bank(BANK, CheckOptions::default());
    assert_eq!((out.lines().count(), err.as_str()), (1, ""));
}
