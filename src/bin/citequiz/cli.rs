//! The command line: check banks, show their statistics and coverage, anchor
//! quotes in text files, print the bank JSON Schema.
//!
//! Exit codes: 0 success, 1 a bank has errors (or a quote did not anchor),
//! 2 the command line was wrong.

use citequiz::article::{AnchorResult, Selector, anchor};
use citequiz::bank::Kind;
use citequiz::diag::{Diagnostic, Severity};
use citequiz::files::{Loaded, load_bank};
use citequiz::synth::{Kinds, synthetic_bank_of};
use citequiz::{Article, Normalizer};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::serve;

const USAGE: &str = "\
citequiz: reading-comprehension quizzes whose every answer cites its source

USAGE:
    citequiz check [--format text|json] BANK...
        Check banks and the articles they name; print every problem
        (rustc style, or JSON for tools). Exit 1 on any error.
    citequiz stats [--format text|json] BANK
        Questions by kind and tag, points, and which paragraphs of the
        article no question cites.
    citequiz anchor TEXT_FILE --exact QUOTE [--prefix P] [--suffix S]
        Where a quote lands in a plain-text file: {\"start\", \"end\", \"text\",
        \"score\"} in char offsets, or null and exit 1.
    citequiz schema
        Print the JSON Schema of the bank format.
    citequiz build BANK --out DIR [--format html|scorm|both] [--www DIR]
        Package a bank for course sites: BANK_ID.html, one self-contained
        page (works from file://), and/or BANK_ID.scorm12.zip, a SCORM 1.2
        package that reports score and pass/fail to the LMS. Needs the
        built widget in www/pkg (bash scripts/build-wasm.sh).
    citequiz generate --questions N [--article PATH] [--article-ref STR] [--choice-only]
        Print a synthetic bank of N questions over an article (default
        quiz-data/articles/gabuev-2020-putin-china-alliance.json), every
        citation exact; for benchmarks. Its \"article\" field is STR (default
        PATH): the article's path relative to where the bank will be saved.
        --choice-only: single and multiple choice only, alternating.
    citequiz serve [--port N] [--www DIR] [--data DIR]
        Serve the widget (default www/) at / and the banks (default
        quiz-data/) at /quiz-data/ on 127.0.0.1 (port 8000, or $PORT).
";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("error: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[derive(PartialEq)]
enum Format {
    Text,
    Json,
}

/// The command line after the command name: `--format`, other flags with
/// their values, switches (flags without values), and positional arguments.
struct Args {
    format: Format,
    flags: BTreeMap<String, String>,
    switches: BTreeSet<String>,
    positional: Vec<String>,
}

fn parse_args(args: &[String], flags_with_values: &[&str]) -> Result<Args, String> {
    parse_args_with_switches(args, flags_with_values, &[])
}

fn parse_args_with_switches(
    args: &[String],
    flags_with_values: &[&str],
    switches: &[&str],
) -> Result<Args, String> {
    let mut out = Args {
        format: Format::Text,
        flags: BTreeMap::new(),
        switches: BTreeSet::new(),
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--format" {
            out.format = match it.next().map(String::as_str) {
                Some("text") => Format::Text,
                Some("json") => Format::Json,
                other => return Err(format!("--format takes text or json, not {other:?}")),
            };
        } else if let Some(name) = a.strip_prefix("--") {
            if switches.contains(&name) {
                out.switches.insert(name.to_string());
                continue;
            }
            if !flags_with_values.contains(&name) {
                return Err(format!("unknown option --{name}"));
            }
            let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
            out.flags.insert(name.to_string(), value.clone());
        } else {
            out.positional.push(a.clone());
        }
    }
    Ok(out)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    match cmd.as_str() {
        "check" => {
            let a = parse_args(rest, &[])?;
            if a.positional.is_empty() {
                return Err("check needs at least one bank file".into());
            }
            Ok(check(&a))
        }
        "stats" => {
            let a = parse_args(rest, &[])?;
            let [bank] = a.positional.as_slice() else {
                return Err("stats takes one bank file".into());
            };
            Ok(stats(bank, &a.format))
        }
        "anchor" => {
            let a = parse_args(rest, &["exact", "prefix", "suffix"])?;
            let [file] = a.positional.as_slice() else {
                return Err("anchor takes one text file".into());
            };
            let exact = a.flags.get("exact").ok_or("anchor needs --exact QUOTE")?;
            let sel = Selector {
                exact: exact.clone(),
                prefix: a.flags.get("prefix").cloned(),
                suffix: a.flags.get("suffix").cloned(),
            };
            anchor_cmd(file, &sel)
        }
        "serve" => {
            let a = parse_args(rest, &["port", "www", "data"])?;
            let port = match a.flags.get("port").cloned().or_else(|| std::env::var("PORT").ok()) {
                Some(p) => {
                    p.parse().map_err(|_| format!("the port must be a number, not {p:?}"))?
                }
                None => 8000,
            };
            let roots = serve::Roots {
                www: PathBuf::from(a.flags.get("www").map_or("www", String::as_str)),
                data: PathBuf::from(a.flags.get("data").map_or("quiz-data", String::as_str)),
            };
            serve::serve(port, roots)
                .map_err(|e| format!("cannot serve on 127.0.0.1:{port}: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        "build" => crate::build::run(rest),
        "generate" => {
            let a = parse_args_with_switches(
                rest,
                &["questions", "article", "article-ref"],
                &["choice-only"],
            )?;
            if let Some(p) = a.positional.first() {
                return Err(format!("generate takes no positional argument, not {p:?}"));
            }
            let n = a.flags.get("questions").ok_or("generate needs --questions N")?;
            let n: usize =
                n.parse().map_err(|_| format!("--questions takes a count, not {n:?}"))?;
            let article = a.flags.get("article").map_or(DEFAULT_ARTICLE, String::as_str);
            let article_ref = a.flags.get("article-ref").map_or(article, String::as_str);
            let kinds =
                if a.switches.contains("choice-only") { Kinds::ChoiceOnly } else { Kinds::All };
            generate(n, article, article_ref, kinds)
        }
        "schema" => {
            print!("{}", citequiz::bank::bank_schema());
            Ok(ExitCode::SUCCESS)
        }
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("citequiz {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn count(diags: &[Diagnostic], sev: Severity) -> usize {
    diags.iter().filter(|d| d.severity == sev).count()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

fn check(a: &Args) -> ExitCode {
    let mut failed = false;
    let mut reports = Vec::new();
    for path in &a.positional {
        let loaded = load_bank(&PathBuf::from(path));
        let errors = count(&loaded.diagnostics, Severity::Error);
        let warnings = count(&loaded.diagnostics, Severity::Warning);
        failed |= loaded.bank.is_none();
        match a.format {
            Format::Text => {
                for d in &loaded.diagnostics {
                    eprintln!("{}", d.render(loaded.source_of(d)));
                }
                match &loaded.bank {
                    Some(bank) => println!(
                        "{path}: ok: {} checked, every citation anchored{}",
                        plural(bank.questions().len(), "question"),
                        if warnings > 0 {
                            format!(" ({})", plural(warnings, "warning"))
                        } else {
                            String::new()
                        }
                    ),
                    None => eprintln!(
                        "{path}: failed: {}, {}",
                        plural(errors, "error"),
                        plural(warnings, "warning")
                    ),
                }
            }
            Format::Json => reports.push(serde_json::json!({
                "file": path,
                "ok": loaded.bank.is_some(),
                "questions": loaded.bank.as_ref().map(|b| b.questions().len()),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": loaded.diagnostics,
            })),
        }
    }
    if a.format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&reports).unwrap_or_default());
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn stats(path: &str, format: &Format) -> ExitCode {
    let loaded: Loaded = load_bank(&PathBuf::from(path));
    let Some(bank) = &loaded.bank else {
        for d in &loaded.diagnostics {
            eprintln!("{}", d.render(loaded.source_of(d)));
        }
        eprintln!(
            "{path}: cannot show statistics: the bank has errors (run `citequiz check {path}`)"
        );
        return ExitCode::from(1);
    };
    let mut kinds: BTreeMap<&str, usize> = Kind::ALL.iter().map(|k| (k.name(), 0)).collect();
    let mut tags: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    let mut cited: BTreeMap<&str, usize> = BTreeMap::new();
    for q in bank.questions() {
        *kinds.entry(q.kind().name()).or_default() += 1;
        for t in q.tags() {
            let e = tags.entry(t.as_str()).or_default();
            e.0 += 1;
            e.1 += q.points();
        }
        let mut paras: Vec<&str> =
            q.citations().iter().flat_map(|c| c.paragraphs.iter().map(String::as_str)).collect();
        paras.sort_unstable();
        paras.dedup();
        for p in paras {
            *cited.entry(p).or_default() += 1;
        }
    }
    let article = bank.article();
    let paragraphs: Vec<(String, usize, String)> = article
        .paragraphs()
        .iter()
        .map(|p| {
            let text = article.slice(&p.span);
            let opening: String = text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            (p.id.clone(), cited.get(p.id.as_str()).copied().unwrap_or(0), opening)
        })
        .collect();
    let uncited: Vec<&(String, usize, String)> = paragraphs.iter().filter(|p| p.1 == 0).collect();
    match format {
        Format::Json => {
            let v = serde_json::json!({
                "bank": bank.id(),
                "questions": bank.questions().len(),
                "points": bank.total_points(),
                "kinds": kinds,
                "tags": tags.iter().map(|(t, (n, pts))| (t.to_string(), serde_json::json!({"questions": n, "points": pts}))).collect::<BTreeMap<_, _>>(),
                "paragraphs": paragraphs.iter().map(|(id, n, _)| serde_json::json!({"id": id, "questions": n})).collect::<Vec<_>>(),
                "uncited": uncited.iter().map(|p| p.0.clone()).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Text => {
            println!("{} ({})", bank.title(), bank.id());
            println!(
                "{}, {} points, pass mark {}%",
                plural(bank.questions().len(), "question"),
                bank.total_points(),
                bank.pass_percent()
            );
            println!("\nby kind:");
            for (k, n) in &kinds {
                println!("  {k:<16} {n:>4}");
            }
            println!("\nby tag:");
            for (t, (n, pts)) in &tags {
                println!("  {t:<20} {n:>4} questions {pts:>6} points");
            }
            let evidence: Vec<_> = bank
                .questions()
                .iter()
                .filter_map(|q| match q.body() {
                    citequiz::bank::Body::Evidence { target } => Some((q.id(), target)),
                    _ => None,
                })
                .collect();
            if !evidence.is_empty() {
                println!("\nevidence questions and the sentences a learner must select:");
                for (id, target) in evidence {
                    println!("  {id:<32} {}", target.join(", "));
                }
            }
            println!(
                "\ncoverage: {} of {} paragraphs cited",
                paragraphs.len() - uncited.len(),
                paragraphs.len()
            );
            for (id, n, opening) in &paragraphs {
                let mark = if *n == 0 { "  NOT CITED" } else { "" };
                println!("  {id:<4} {n:>3}  {opening}…{mark}");
            }
        }
    }
    ExitCode::SUCCESS
}

/// The article `generate` uses when none is given.
const DEFAULT_ARTICLE: &str = "quiz-data/articles/gabuev-2020-putin-china-alliance.json";

fn generate(n: usize, article: &str, article_ref: &str, kinds: Kinds) -> Result<ExitCode, String> {
    let text =
        std::fs::read_to_string(article).map_err(|e| format!("cannot read {article}: {e}"))?;
    match Article::parse(&text, Normalizer::default()) {
        Ok(parsed) => {
            println!("{}", synthetic_bank_of(&parsed, article_ref, n, kinds));
            Ok(ExitCode::SUCCESS)
        }
        Err(diags) => {
            for d in &diags {
                eprintln!("{}", d.render(Some(&text)));
            }
            eprintln!("{article}: failed: not a citequiz article");
            Ok(ExitCode::from(1))
        }
    }
}

fn anchor_cmd(file: &str, sel: &Selector) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let norm = Normalizer::default().map(&text);
    match anchor(&norm, sel) {
        AnchorResult::Found(a) => {
            let v = serde_json::json!({"start": a.span.start, "end": a.span.end, "text": a.text, "score": a.score});
            println!("{v}");
            Ok(ExitCode::SUCCESS)
        }
        AnchorResult::NotFound { nearest } => {
            println!("null");
            if let Some(n) = nearest {
                eprintln!(
                    "no match; the nearest passage (score {:.2}) is {:?} at {}..{}",
                    n.score, n.text, n.span.start, n.span.end
                );
            } else {
                eprintln!("no match");
            }
            Ok(ExitCode::from(1))
        }
    }
}
