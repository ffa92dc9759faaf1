//! The `citequiz` command line as a user meets it: the real binary, run
//! with arguments, judged by its exit code, stdout and stderr.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BANK: &str = "quiz-data/banks/gabuev-quick-check.json";

/// Runs the binary in the repository's root.
fn citequiz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_citequiz"))
        .args(args)
        .current_dir(ROOT)
        .env_remove("PORT")
        .output()
        .expect("the citequiz binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts the exit code, showing both streams when it is not.
#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "stdout:\n{}\nstderr:\n{}", stdout(o), stderr(o));
}

/// A fresh folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The quick-check bank with one answer naming no option, and the article
/// path made absolute so the copy can live anywhere.
fn broken_bank(dir: &Path, name: &str) -> PathBuf {
    let text = std::fs::read_to_string(Path::new(ROOT).join(BANK)).unwrap();
    let article = Path::new(ROOT).join("quiz-data/articles/gabuev-2020-putin-china-alliance.json");
    let text = text
        .replacen(
            "\"../articles/gabuev-2020-putin-china-alliance.json\"",
            &serde_json::to_string(&article).unwrap(),
            1,
        )
        .replacen("\"answer\": \"c\"", "\"answer\": \"zz\"", 1);
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let o = citequiz(args);
        assert_exit(&o, 0);
        let out = stdout(&o);
        for cmd in [
            "check", "stats", "anchor", "schema", "build", "generate", "serve", "new", "suggest",
            "compile",
        ] {
            assert!(out.contains(&format!("\n  {cmd} ")), "{args:?} lacks {cmd}:\n{out}");
        }
        assert!(out.contains("Exit codes:") && out.contains("2  usage"), "{out}");
    }
}

#[test]
fn help_for_a_command_in_every_spelling() {
    for args in [&["help", "check"][..], &["check", "--help"], &["check", "-h"]] {
        let o = citequiz(args);
        assert_exit(&o, 0);
        let out = stdout(&o);
        assert!(out.contains("Usage: citequiz check [OPTIONS] <BANK>..."), "{args:?}:\n{out}");
        assert!(out.contains("--format <FORMAT>") && out.contains("Exit codes:"), "{out}");
    }
}

#[test]
fn serve_help_says_it_is_for_development() {
    let o = citequiz(&["serve", "--help"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("for development"), "{}", stdout(&o));
}

#[test]
fn version_names_the_crate_version() {
    for (args, name) in [
        (&["--version"][..], "citequiz"),
        (&["-V"], "citequiz"),
        (&["check", "-V"], "citequiz-check"),
    ] {
        let o = citequiz(args);
        assert_exit(&o, 0);
        assert_eq!(stdout(&o), format!("{name} {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let o = citequiz(&["check", "--colour", BANK]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("unexpected argument '--colour'"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn format_is_refused_where_it_means_nothing() {
    let o = citequiz(&["anchor", "README.md", "--exact", "citequiz", "--format", "json"]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("'--format'"), "{}", stderr(&o));
    let o = citequiz(&["check", "--format", "xml", BANK]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("possible values: text, json"), "{}", stderr(&o));
}

#[test]
fn a_missing_argument_is_a_usage_error() {
    for (args, says) in [
        (&["check"][..], "<BANK>..."),
        (&["anchor", "README.md"], "--exact <QUOTE>"),
        (&["build", BANK], "--out <DIR>"),
        (&["generate"], "--questions <N>"),
        (&["--format", "json"], "unexpected argument"),
        (&[], "Usage: citequiz <COMMAND>"),
    ] {
        let o = citequiz(args);
        assert_exit(&o, 2);
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_misspelled_command_gets_a_suggestion() {
    let o = citequiz(&["chekc", BANK]);
    assert_exit(&o, 2);
    let err = stderr(&o);
    assert!(err.contains("unrecognized subcommand 'chekc'") && err.contains("'check'"), "{err}");
}

#[test]
fn format_json_with_an_equals_sign() {
    let o = citequiz(&["check", "--format=json", BANK]);
    assert_exit(&o, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report[0]["file"], BANK);
    assert_eq!(report[0]["ok"], true);
    assert_eq!(report[0]["questions"], 10);
    assert_eq!(report[0]["errors"], 0);
}

#[test]
fn a_double_dash_lets_a_file_be_named_like_a_flag() {
    let dir = temp_dir("dash");
    broken_bank(&dir, "--format");
    let o = Command::new(env!("CARGO_BIN_EXE_citequiz"))
        .args(["check", "--", "--format"])
        .current_dir(&dir)
        .output()
        .unwrap();
    // The file was read and checked: its error, not a usage error.
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("--format: failed: 1 error"), "{}", stderr(&o));
}

#[test]
fn check_on_a_shipped_bank_exits_0() {
    let o = citequiz(&["check", BANK]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.starts_with(&format!("{BANK}: ok: ")), "{out}");
    assert!(out.contains("questions checked, every citation anchored"), "{out}");
}

#[test]
fn check_on_a_broken_bank_exits_1_and_says_where() {
    let dir = temp_dir("broken");
    let broken = broken_bank(&dir, "broken.json");
    let broken = broken.to_str().unwrap();
    let o = citequiz(&["check", BANK, broken]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[unknown-ref]: \"zz\" is not the id of any option"), "{err}");
    assert!(err.contains(&format!("{broken}: failed: 1 error, 0 warnings")), "{err}");
    // The good bank is still reported.
    assert!(stdout(&o).contains(&format!("{BANK}: ok:")), "{}", stdout(&o));
    let o = citequiz(&["check", "--format", "json", broken]);
    assert_exit(&o, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report[0]["ok"], false);
    assert_eq!(report[0]["diagnostics"][0]["code"], "unknown-ref");
}

#[test]
fn stats_and_anchor_answer_with_their_exit_codes() {
    let o = citequiz(&["stats", "--format=json", BANK]);
    assert_exit(&o, 0);
    let stats: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(stats["questions"], 10);
    let o = citequiz(&["anchor", "README.md", "--exact", "citequiz checks each"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("\"score\":1.0"), "{}", stdout(&o));
    let o = citequiz(&["anchor", "README.md", "--exact", "no such words anywhere here zq"]);
    assert_exit(&o, 1);
    assert_eq!(stdout(&o), "null\n");
    let o = citequiz(&["anchor", "no-such-file.txt", "--exact", "x"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("cannot read no-such-file.txt"), "{}", stderr(&o));
}

#[test]
fn build_writes_the_same_package_twice_deflated() {
    let dir = temp_dir("build");
    let www = dir.join("www");
    std::fs::create_dir_all(www.join("pkg")).unwrap();
    std::fs::write(www.join("pkg/single.js"), "function init() {}\n").unwrap();
    std::fs::write(www.join("pkg/citequiz_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(www.join("pkg/citequiz_player_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(www.join("pkg/style.css"), "body{color:black}\n").unwrap();
    let zips: Vec<Vec<u8>> = ["a", "b"]
        .into_iter()
        .map(|name| {
            let out = dir.join(name);
            let o = citequiz(&[
                "build",
                BANK,
                "--out",
                out.to_str().unwrap(),
                "--format=scorm",
                "--www",
                www.to_str().unwrap(),
            ]);
            assert_exit(&o, 0);
            assert!(stdout(&o).contains(".scorm12.zip: "), "{}", stdout(&o));
            assert!(
                !out.join("gabuev-2020-quick-check.html").exists(),
                "--format=scorm wrote html"
            );
            std::fs::read(out.join("gabuev-2020-quick-check.scorm12.zip")).unwrap()
        })
        .collect();
    assert!(zips[0] == zips[1], "two builds of the same bank differ");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zips[0])).unwrap();
    let names: Vec<&str> = archive.file_names().collect();
    assert_eq!(names, ["imsmanifest.xml", "index.html", "citequiz-scorm.js"]);
    let entry = archive.by_name("index.html").unwrap();
    assert_eq!(entry.compression(), zip::CompressionMethod::Deflated);
    let (packed, size) = (entry.compressed_size(), entry.size());
    assert!(packed * 2 < size, "index.html: {packed} bytes deflated from {size}");
    // Without the widget, build fails with findings' code and says what to do.
    let o = citequiz(&[
        "build",
        BANK,
        "--out",
        dir.join("c").to_str().unwrap(),
        "--www",
        "/nonexistent",
    ]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("bash scripts/build-wasm.sh"), "{}", stderr(&o));
}

/// The quick-check bank with a "none of the above" option: it loads, with
/// an item-writing warning.
fn bank_with_a_warning(dir: &Path) -> PathBuf {
    let path = broken_bank(dir, "warned.json");
    let mut bank: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // Undo broken_bank's broken answer: this bank must load.
    let good: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(ROOT).join(BANK)).unwrap())
            .unwrap();
    bank["questions"] = good["questions"].clone();
    let q = bank["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|q| q["kind"] == "single_choice")
        .unwrap();
    let key = q["answer"].clone();
    let options = q["options"].as_array_mut().unwrap();
    // The last distractor: the first is the one worded as carefully as the
    // key, and replacing it would also warn absolutes-and-hedges.
    let distractor = options.iter_mut().rev().find(|o| o["id"] != key).unwrap();
    distractor["text"] = "None of the above".into();
    std::fs::write(&path, serde_json::to_string_pretty(&bank).unwrap()).unwrap();
    path
}

#[test]
fn deny_warnings_fails_a_bank_that_only_warns() {
    let dir = temp_dir("deny-warnings");
    let bank = bank_with_a_warning(&dir);
    let bank = bank.to_str().unwrap();
    let o = citequiz(&["check", bank]);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("warning[all-of-the-above]"), "{}", stderr(&o));
    assert!(stdout(&o).contains("(1 warning)"), "{}", stdout(&o));
    let o = citequiz(&["check", "--deny-warnings", bank]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("failed: 1 warning (--deny-warnings)"), "{}", stderr(&o));
    let o = citequiz(&["check", "--deny-warnings", BANK]);
    assert_exit(&o, 0);
}

const ARTICLE: &str = "quiz-data/articles/gabuev-2020-putin-china-alliance.json";

/// `citequiz import FORMAT FIXTURE --article … --out DIR/bank.json`.
fn import(format: &str, fixture: &str, out: &Path, extra: &[&str]) -> Output {
    let out = out.to_string_lossy();
    let mut args = vec!["import", format, fixture, "--article", ARTICLE, "--out", &out];
    args.extend(extra);
    citequiz(&args)
}

#[test]
fn import_gift_writes_a_bank_that_checks_with_suggested_citations() {
    let dir = temp_dir("import-gift");
    let bank = dir.join("bank.json");
    let o = import("gift", "tests/fixtures/gift/every-form.gift", &bank, &["--id", "imported"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("ok: 13 questions"), "{}", stdout(&o));
    let text = std::fs::read_to_string(&bank).unwrap();
    assert!(text.contains("\"id\": \"imported\"") && text.contains("\"$schema\""), "{text}");
    // The article is named relative to the bank.
    let article = Path::new(ROOT).join(ARTICLE).canonicalize().unwrap();
    let named = citequiz::bank::RawBank::from_json(&text).unwrap().article;
    assert_eq!(dir.join(named).canonicalize().unwrap(), article);
    let check = citequiz(&["check", &bank.to_string_lossy()]);
    assert_exit(&check, 0);
    assert!(stderr(&check).contains("suggested-cite"), "{}", stderr(&check));
    // An existing bank is kept unless --force.
    let again = import("gift", "tests/fixtures/gift/every-form.gift", &bank, &[]);
    assert_exit(&again, 1);
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_exit(&import("gift", "tests/fixtures/gift/every-form.gift", &bank, &["--force"]), 0);
}

#[test]
fn import_gift_stops_at_a_syntax_error_and_writes_nothing() {
    let dir = temp_dir("import-gift-error");
    let bank = dir.join("bank.json");
    let o = import("gift", "tests/fixtures/gift/syntax-error.gift", &bank, &[]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[gift-syntax]: this `{` is not closed"), "{err}");
    assert!(err.contains("syntax-error.gift:5:38") && err.contains("question \"Trade\""), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!bank.exists());
}

#[test]
fn import_gift_warns_with_line_and_title_and_imports_the_rest() {
    let dir = temp_dir("import-gift-warnings");
    let bank = dir.join("bank.json");
    let o = import("gift", "tests/fixtures/gift/not-mapped.gift", &bank, &[]);
    assert_exit(&o, 0);
    let err = stderr(&o);
    for expected in [
        "warning[not-converted]: an essay question",
        "not-mapped.gift:3:1, question \"Essay\"",
        "not-mapped.gift:5:1, question \"Description\"",
        "warning[format-loss]: the answer \"17\" earns 50%",
        "not-mapped.gift:7:65, question \"Partial credit\"",
        "question \"Weights\"",
        "`[latex]` is not a text format GIFT knows",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(stdout(&o).contains("ok: 4 questions"), "{}", stdout(&o));
    assert_exit(&citequiz(&["check", &bank.to_string_lossy()]), 0);
}

#[test]
fn import_aiken_writes_a_bank_and_stops_at_errors() {
    let dir = temp_dir("import-aiken");
    let bank = dir.join("bank.json");
    assert_exit(&import("aiken", "tests/fixtures/aiken/good.txt", &bank, &[]), 0);
    assert_exit(&citequiz(&["check", &bank.to_string_lossy()]), 0);
    let bad = dir.join("bad.json");
    let o = import("aiken", "tests/fixtures/aiken/missing-answer.txt", &bad, &[]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("missing-answer.txt:8:8") && err.contains("`ANSWER: E`"), "{err}");
    assert!(!bad.exists());
}

#[test]
fn import_file_tells_gift_from_aiken_by_name_or_text_and_asks_when_it_cannot() {
    let dir = temp_dir("import-detect");
    let run = |fixture: &str, out: &str, extra: &[&str]| {
        let out = dir.join(out);
        let out = out.to_string_lossy();
        let mut args = vec!["import", fixture, "--article", ARTICLE, "--out", &out];
        args.extend(extra);
        citequiz(&args)
    };
    // By extension (.gift), and by text (an Aiken file named .txt).
    let o = run("tests/fixtures/gift/every-form.gift", "g.json", &[]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("ok: 13 questions"), "{}", stdout(&o));
    let o = run("tests/fixtures/aiken/good.txt", "a.json", &[]);
    assert_exit(&o, 0);
    let named = import("aiken", "tests/fixtures/aiken/good.txt", &dir.join("a2.json"), &[]);
    assert_exit(&named, 0);
    assert_eq!(
        std::fs::read_to_string(dir.join("a.json")).unwrap(),
        std::fs::read_to_string(dir.join("a2.json")).unwrap(),
        "the file form and `import aiken` write the same bank"
    );
    // A text that shows neither: nothing written, and how to say which.
    let plain = dir.join("plain.txt");
    std::fs::write(&plain, "Where did Putin speak?\n").unwrap();
    let o = run(&plain.to_string_lossy(), "p.json", &[]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[import-format]: cannot tell whether"), "{err}");
    assert!(err.contains("--from gift") && err.contains("nothing was written"), "{err}");
    assert!(!dir.join("p.json").exists());
    // --from says it: here an Aiken error, at its line.
    let o = run(&plain.to_string_lossy(), "p.json", &["--from", "aiken"]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("error[aiken-syntax]"), "{}", stderr(&o));
}

#[test]
fn import_gift_writes_a_bank_that_breaks_a_kinds_rule_and_says_so() {
    let dir = temp_dir("import-gift-check");
    let source = dir.join("empty-right.gift");
    std::fs::write(&source, "::M:: Match. {\n=Obama -> \n=Trump -> Serious\n####Why.}\n").unwrap();
    let bank = dir.join("bank.json");
    let o = import("gift", &source.to_string_lossy(), &bank, &[]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[empty]") && err.contains("questions[0].right[0].text"), "{err}");
    assert!(err.contains("written (1 question from") && bank.exists(), "{err}");
}

#[test]
fn import_refuses_what_no_bank_could_hold_quickly_and_says_so() {
    let dir = temp_dir("import-huge");
    let bank = dir.join("bank.json");
    // 12,000 questions of one title: more than a bank holds, and 11,999
    // renamed ids, of which only the first few are printed.
    let many = dir.join("many.gift");
    std::fs::write(&many, "::Q::What is it?{=yes ~no}\n\n".repeat(12_000)).unwrap();
    let started = std::time::Instant::now();
    let o = import("gift", many.to_str().unwrap(), &bank, &[]);
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[too-many-questions]") && err.contains("12000 questions"), "{err}");
    assert!(err.contains("11989 more `renamed-id` diagnostics"), "{err}");
    assert_eq!(err.matches("warning[renamed-id]").count(), 10);
    assert!(!bank.exists());
    // Larger than a bank may be: refused before it is read.
    let huge = dir.join("huge.gift");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    let err = stderr(&import("gift", huge.to_str().unwrap(), &bank, &[]));
    assert!(err.contains("error[too-large]"), "{err}");
    // Not UTF-8: where the first bad byte is.
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"What is the capital?\nA. Par\xEDs\nB. Rome\nANSWER: A\n").unwrap();
    let err = stderr(&import("aiken", latin1.to_str().unwrap(), &bank, &[]));
    assert!(
        err.contains("error[wrong-encoding]")
            && err.contains("0xED")
            && err.contains("line 2, column 7"),
        "{err}"
    );
}

#[test]
fn compile_writes_a_compiled_bank_refuses_a_broken_one_and_overwrites_only_with_force() {
    let dir = temp_dir("compile");
    let out = dir.join("quick.compiled.json");
    let out_s = out.to_str().unwrap();
    let o = citequiz(&["compile", BANK, "--out", out_s]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains(&format!("{out_s}: ")) && stdout(&o).contains(" questions ("));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("{\"format\":\"citequiz-compiled/1\""), "{text}");
    let bank = citequiz::Bank::load_compiled(&text, citequiz::Normalizer::unicode()).unwrap();
    assert_eq!(bank.id(), "gabuev-2020-quick-check");
    // An existing file is kept unless --force.
    std::fs::write(&out, "kept").unwrap();
    let o = citequiz(&["compile", BANK, "--out", out_s]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("give --force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept");
    let o = citequiz(&["compile", BANK, "--out", out_s, "--force"]);
    assert_exit(&o, 0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    // A bank that does not check: its diagnostics as `check` prints them,
    // and nothing written.
    let broken = broken_bank(&dir, "broken.json");
    let o = citequiz(&["compile", broken.to_str().unwrap()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[unknown-ref]: \"zz\" is not the id of any option"), "{err}");
    assert!(err.contains("does not check; nothing was written"), "{err}");
    assert!(!dir.join("broken.compiled.json").exists());
}

#[test]
fn check_on_a_compiled_bank_says_to_check_its_source() {
    let dir = temp_dir("check-compiled");
    let out = dir.join("quick.json");
    assert_exit(&citequiz(&["compile", BANK, "--out", out.to_str().unwrap()]), 0);
    let o = citequiz(&["check", out.to_str().unwrap()]);
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("error[unknown-format]"), "{err}");
    assert!(err.contains("check, or edit, the bank it was compiled from"), "{err}");
}

#[test]
fn the_top_level_help_walks_an_author_through_their_own_article() {
    let help = stdout(&citequiz(&["--help"]));
    let steps: Vec<Vec<String>> = help
        .lines()
        .filter_map(|l| l.strip_prefix("  citequiz "))
        .map(|l| l.split(" #").next().unwrap().split_whitespace().map(String::from).collect())
        .collect();
    let names: Vec<&str> = steps.iter().map(|s| s[0].as_str()).collect();
    assert_eq!(names, ["article", "new", "suggest", "preview", "check", "build"], "{help}");
    let dir = temp_dir("getting-started");
    std::fs::write(
        dir.join("essay.md"),
        "---\ntitle: Why Bees Dance\nauthor: Jane Author\ndate: 2024-03-01\npublisher: Hive Notes\n\
         url: https://example.org/bees\n---\n\n\
         Honeybees tell their sisters where food is by dancing on the comb.\n\n\
         The angle of the waggle run gives the direction of the flowers from the sun.\n",
    )
    .unwrap();
    let www = dir.join("www");
    std::fs::create_dir_all(www.join("pkg")).unwrap();
    for file in ["single.js", "style.css", "citequiz_bg.wasm", "citequiz_player_bg.wasm"] {
        std::fs::write(www.join("pkg").join(file), b"\0asm\x01\0\0\0").unwrap();
    }
    for step in &steps {
        // preview serves until stopped; its checks are check's.
        if step[0] == "preview" {
            continue;
        }
        let mut args: Vec<&str> = step.iter().map(String::as_str).collect();
        if step[0] == "build" {
            args.extend(["--www", "www"]);
        }
        let o = Command::new(env!("CARGO_BIN_EXE_citequiz"))
            .args(&args)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert_exit(&o, 0);
    }
    assert!(dir.join("essay.json").exists() && dir.join("quiz.json").exists());
    let built = std::fs::read_dir(dir.join("site")).unwrap().count();
    assert!(built > 0, "build wrote nothing into site/");
}
