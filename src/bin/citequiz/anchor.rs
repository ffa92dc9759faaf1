//! `citequiz anchor`: where a quote lands in a plain-text file.

use citequiz::Normalizer;
use citequiz::article::{AnchorResult, Selector, anchor};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where a quote lands in a plain-text file
///
/// Prints {"start", "end", "text", "score"} in char offsets, or null and
/// exits 1.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The plain-text file to search.
    #[arg(value_name = "TEXT_FILE")]
    file: PathBuf,
    /// The quote, as it should appear in the text.
    #[arg(long, value_name = "QUOTE")]
    exact: String,
    /// Text just before the quote, to tell repeated quotes apart.
    #[arg(long, value_name = "P")]
    prefix: Option<String>,
    /// Text just after the quote.
    #[arg(long, value_name = "S")]
    suffix: Option<String>,
}

pub fn run(a: &Args) -> ExitCode {
    let text = match std::fs::read_to_string(&a.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", a.file.display());
            return ExitCode::from(1);
        }
    };
    let sel =
        Selector { exact: a.exact.clone(), prefix: a.prefix.clone(), suffix: a.suffix.clone() };
    let norm = Normalizer::default().map(&text);
    match anchor(&norm, &sel) {
        AnchorResult::Found(a) => {
            let v = serde_json::json!({"start": a.span.start, "end": a.span.end, "text": a.text, "score": a.score});
            println!("{v}");
            ExitCode::SUCCESS
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
            ExitCode::from(1)
        }
    }
}
