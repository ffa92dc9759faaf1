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
    #[command(flatten)]
    bank: BankArgs,
}

/// The new bank's file, its article and its names (`new`, `import`).
#[derive(clap::Args, Clone)]
pub struct BankArgs {
    /// The article file (citequiz-article/1 JSON).
    #[arg(long, value_name = "ARTICLE.json")]
    pub article: PathBuf,
    /// The bank file to write.
    #[arg(long, value_name = "BANK.json")]
    pub out: PathBuf,
    /// The bank's id (default: the article's id and "-quiz").
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The bank's title (default: "Quiz: " and the article's title).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
}

pub fn run(a: &Args) -> ExitCode {
    let a = &a.bank;
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
