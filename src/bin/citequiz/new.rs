//! `citequiz new`: a bank skeleton for an article.

use citequiz::author::new::write_skeleton;
use std::path::PathBuf;
use std::process::ExitCode;

/// A new bank for an article, which `check` accepts
///
/// Writes the $schema line, the article's path relative to the bank, the
/// default settings and one example question to replace. Never overwrites
/// a file.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The article file (citequiz-article/1 JSON).
    #[arg(long, value_name = "ARTICLE.json")]
    article: PathBuf,
    /// The bank file to create; it must not exist.
    #[arg(long, value_name = "BANK.json")]
    out: PathBuf,
    /// The bank's id (default: the article's id and "-quiz").
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The bank's title (default: "Quiz: " and the article's title).
    #[arg(long, value_name = "T")]
    title: Option<String>,
}

pub fn run(a: &Args) -> ExitCode {
    match write_skeleton(&a.article, &a.out, a.id.as_deref(), a.title.as_deref()) {
        Ok(_) => {
            let out = a.out.display();
            eprintln!("wrote {out}");
            eprintln!(
                "next: replace the example question with yours (`cite` may wait), then run \
                 `citequiz suggest {out} --write` and `citequiz check {out}`"
            );
            ExitCode::SUCCESS
        }
        Err(diags) => {
            for d in diags {
                eprintln!("{}", d.render(None));
            }
            ExitCode::from(1)
        }
    }
}
