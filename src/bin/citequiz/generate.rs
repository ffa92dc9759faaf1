//! `citequiz generate`: a synthetic bank of any size, for benchmarks.

use citequiz::synth::{Kinds, synthetic_bank_of};
use citequiz::{Article, Normalizer};
use std::path::PathBuf;
use std::process::ExitCode;

/// The article `generate` uses when none is given.
const DEFAULT_ARTICLE: &str = "quiz-data/articles/gabuev-2020-putin-china-alliance.json";

/// Print a synthetic bank of N questions, for benchmarks
///
/// A bank of N questions over an article, every citation exact.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// How many questions.
    #[arg(long, value_name = "N")]
    questions: usize,
    /// The article (JSON) the questions cite.
    #[arg(long, value_name = "PATH", default_value = DEFAULT_ARTICLE)]
    article: PathBuf,
    /// The bank's "article" field: the article's path relative to where the
    /// bank will be saved (default: PATH).
    #[arg(long, value_name = "STR")]
    article_ref: Option<String>,
    /// Single and multiple choice only, alternating.
    #[arg(long)]
    choice_only: bool,
}

pub fn run(a: &Args) -> ExitCode {
    let path = a.article.display();
    let text = match std::fs::read_to_string(&a.article) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let article_ref = a.article_ref.clone().unwrap_or_else(|| path.to_string());
    let kinds = if a.choice_only { Kinds::ChoiceOnly } else { Kinds::All };
    match Article::parse(&text, Normalizer::default()) {
        Ok(parsed) => {
            println!("{}", synthetic_bank_of(&parsed, &article_ref, a.questions, kinds));
            ExitCode::SUCCESS
        }
        Err(diags) => {
            for d in &diags {
                eprintln!("{}", d.render(Some(&text)));
            }
            eprintln!("{path}: failed: not a citequiz article");
            ExitCode::from(1)
        }
    }
}
