//! `citequiz suggest`: the article's sentences that best support each
//! question, and `--write` to give every question without `cite` the best.

use crate::output::{Format, plural};
use citequiz::author::suggest::{Options, fill_missing, suggest_bank};
use citequiz::diag::Diagnostic;
use citequiz::files::{load_article, resolve};
use std::path::PathBuf;
use std::process::ExitCode;

/// The article's sentences that best support each question
///
/// Ranks the sentences by how well they match each question's prompt,
/// explanation, hints, keyed answer and Part B quote (BM25 over stemmed
/// words). With --write, every question without a `cite` gets its best
/// sentence, marked "suggested": true; `check` warns until you remove the
/// mark.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// How many sentences to show per question.
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u16).range(1..))]
    top: u16,
    /// How to report: text (a list per question) or json.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Fill every missing `cite` in the bank file with the best sentence,
    /// marked "suggested": true (the rest of the file is kept as it is).
    #[arg(long)]
    write: bool,
    /// The bank file (JSON).
    #[arg(value_name = "BANK")]
    bank: PathBuf,
}

pub fn run(a: &Args) -> ExitCode {
    let name = a.bank.to_string_lossy().into_owned();
    let text = match std::fs::read_to_string(&a.bank) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read the bank {name}: {e}");
            return ExitCode::from(1);
        }
    };
    let fail = |diags: Vec<Diagnostic>, source: Option<&str>| {
        for mut d in diags {
            let own = d.file.is_none();
            d.file.get_or_insert_with(|| name.clone());
            eprintln!("{}", d.render(if own { source } else { None }));
        }
        ExitCode::from(1)
    };
    let rel = match citequiz::bank::article_path(&text) {
        Ok(rel) => rel,
        Err(diags) => return fail(diags, Some(&text)),
    };
    let article = match load_article(&resolve(&a.bank, &rel)) {
        Ok((article, _)) => article,
        Err((diags, _)) => return fail(diags, None),
    };
    if a.write {
        return write(a, &name, &text, &article, &fail);
    }
    let ranked = match suggest_bank(&text, &article, Options::default(), usize::from(a.top)) {
        Ok(r) => r,
        Err(diags) => return fail(diags, Some(&text)),
    };
    match a.format {
        Format::Json => {
            let v: Vec<JsonQuestion> = ranked
                .iter()
                .map(|r| JsonQuestion {
                    question: &r.question,
                    suggestions: r
                        .suggestions
                        .iter()
                        .map(|s| JsonSuggestion {
                            sentence: &s.sentence,
                            text: &s.text,
                            score: round2(s.score),
                        })
                        .collect(),
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Text => {
            for r in &ranked {
                let mark = if r.cited { "" } else { " (no cite)" };
                println!("{}{mark}", r.question);
                if r.suggestions.is_empty() {
                    println!("  no sentence shares a word with this question");
                }
                for s in &r.suggestions {
                    println!("  {:.2}  {:<6} {}", s.score, s.sentence, clip(&s.text, 72));
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// `--write`: fills the missing citations and says which.
fn write(
    a: &Args,
    name: &str,
    text: &str,
    article: &citequiz::Article,
    fail: &dyn Fn(Vec<Diagnostic>, Option<&str>) -> ExitCode,
) -> ExitCode {
    let filled = match fill_missing(text, article) {
        Ok(f) => f,
        Err(diags) => return fail(diags, Some(text)),
    };
    if !filled.filled.is_empty()
        && let Err(e) = std::fs::write(&a.bank, &filled.text)
    {
        eprintln!("error: cannot write {name}: {e}");
        return ExitCode::from(1);
    }
    let n = filled.filled.len();
    if n == 0 && filled.unmatched.is_empty() {
        eprintln!("{name}: every question cites something; nothing to write");
    } else if n > 0 {
        eprintln!(
            "{name}: suggested a citation for {}: {}",
            plural(n, "question"),
            filled.filled.join(", ")
        );
        eprintln!(
            "read each one, then remove \"suggested\": true (`citequiz check {name}` lists them)"
        );
    }
    if filled.unmatched.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "{name}: no sentence of the article shares a word with {}: {}; cite them by hand",
        plural(filled.unmatched.len(), "question"),
        filled.unmatched.join(", ")
    );
    ExitCode::from(1)
}

/// One question of `--format json`, its fields in this order.
#[derive(serde::Serialize)]
struct JsonQuestion<'a> {
    question: &'a str,
    suggestions: Vec<JsonSuggestion<'a>>,
}

#[derive(serde::Serialize)]
struct JsonSuggestion<'a> {
    sentence: &'a str,
    text: &'a str,
    score: f64,
}

/// A score to two decimals, as JSON prints it.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}
