//! `citequiz import FILE` (or `import gift|aiken FILE`): questions in
//! Moodle's GIFT or Aiken format as a bank for an article, the format told
//! from the file's name or text (`QuestionFormat::detect`) unless named.
//! The reading is the library's (`citequiz::author::gift`, `aiken`), the
//! bank's layout and suggested citations `author::new::bank_with`'s; this
//! file reads the source, writes the bank (whole or not at all) and says
//! what to check.

use citequiz::author::convert::QuestionFormat;
use citequiz::author::new::{Skeleton, bank_with, place};
use citequiz::author::{aiken, gift};
use citequiz::bank::{Bank, MAX_BANK_BYTES, MAX_QUESTIONS};
use citequiz::checker::{binary_kind, not_utf8};
use citequiz::diag::{Code, Diagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Import questions from another format as a bank
///
/// `citequiz import FILE --article ARTICLE.json --out BANK.json` tells
/// GIFT from Aiken by the file's extension (.gift, .aiken) or its text;
/// `--from` names the format, as do the `gift` and `aiken` subcommands.
#[derive(clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = crate::EXIT_CODES
)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The questions file: GIFT or Aiken.
    #[arg(value_name = "FILE", required = true)]
    source: Option<PathBuf>,
    /// The file's format, when neither its extension (.gift, .aiken) nor
    /// its text says: gift or aiken.
    #[arg(long, value_name = "FORMAT")]
    from: Option<QuestionFormat>,
    #[command(flatten)]
    bank: Option<crate::new::BankArgs>,
    /// Overwrite BANK.json if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Import Moodle's GIFT format (multiple choice, true/false, short
    /// answer, numerical, matching)
    ///
    /// Each question becomes the citequiz kind nearest to it; what has no
    /// kind (essays, descriptions) or cannot be kept (partial credit, a
    /// weight) is a warning, and the rest is imported. Questions get the
    /// article's best sentence as a suggested citation, to confirm. A
    /// syntax error stops the import: nothing is written.
    Gift(FromArgs),
    /// Import Moodle's Aiken format (one-answer multiple choice)
    ///
    /// Questions get the article's best sentence as a suggested citation
    /// and a placeholder explanation, to replace. A syntax error stops the
    /// import: nothing is written.
    Aiken(FromArgs),
}

#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct FromArgs {
    /// The questions file.
    #[arg(value_name = "FILE")]
    source: PathBuf,
    #[command(flatten)]
    bank: crate::new::BankArgs,
    /// Overwrite BANK.json if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(a: &Args) -> ExitCode {
    match &a.command {
        Some(Command::Gift(args)) => run_import(args, Some(QuestionFormat::Gift)),
        Some(Command::Aiken(args)) => run_import(args, Some(QuestionFormat::Aiken)),
        // Without a subcommand clap requires the file, --article and --out.
        _ => match (&a.source, &a.bank) {
            (Some(source), Some(bank)) => {
                let args = FromArgs { source: source.clone(), bank: bank.clone(), force: a.force };
                run_import(&args, a.from)
            }
            _ => ExitCode::from(2),
        },
    }
}

fn run_import(args: &FromArgs, format: Option<QuestionFormat>) -> ExitCode {
    let a = &args.bank;
    let name = args.source.display().to_string();
    let out = a.out.display().to_string();
    let failed = |why: &str| {
        eprintln!("{name}: {why}: nothing was written");
        ExitCode::from(1)
    };
    if let Some(refused) = crate::output::refuse_overwrite(&a.out, args.force) {
        return refused;
    }
    let source = match read_source(&args.source, &name) {
        Ok(s) => s,
        Err(d) => {
            eprintln!("{}", d.render(None));
            return failed("it cannot be imported");
        }
    };
    let Some(format) = format.or_else(|| QuestionFormat::detect(&name, &source)) else {
        let mut d = Diagnostic::error(
            Code::IMPORT_FORMAT,
            "",
            format!("cannot tell whether {name} is GIFT or Aiken from its name or its text"),
        )
        .with_help(format!(
            "say which: `citequiz import {name} --from gift` (answers in braces, `{{=right ~wrong}}`) \
             or `--from aiken` (options A., B.… and an `ANSWER:` line), with --article and --out"
        ));
        d.file = Some(name.clone());
        eprintln!("{}", d.render(None));
        return failed("its format is not known");
    };
    let parse = match format {
        QuestionFormat::Gift => gift::parse,
        QuestionFormat::Aiken => aiken::parse,
    };
    let (questions, diags) = parse(&source, &name);
    print_some(&diags, &source);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        return failed(&format!("{errors} error{}", if errors == 1 { "" } else { "s" }));
    }
    if questions.is_empty() {
        return failed("no question could be imported");
    }
    if questions.len() > MAX_QUESTIONS {
        let mut d = Diagnostic::error(
            Code::TOO_MANY_QUESTIONS,
            "",
            format!(
                "{name} holds {} questions; a bank holds at most {MAX_QUESTIONS}",
                questions.len()
            ),
        )
        .with_help("split the file and import each part as a bank of its own");
        d.file = Some(name.clone());
        eprintln!("{}", d.render(None));
        return failed("too many questions");
    }
    let placed = match place(&a.article, &a.out) {
        Ok(p) => p,
        Err(diags) => {
            for d in diags {
                eprintln!("{}", d.render(None));
            }
            return failed("the article or the folder is not usable");
        }
    };
    let skeleton = Skeleton {
        article_ref: &placed.article_ref,
        schema_ref: &placed.schema_ref,
        id: a.id.as_deref(),
        title: a.title.as_deref(),
    };
    let filled = match bank_with(&placed.article, &skeleton, &questions) {
        Ok(f) => f,
        Err(diags) => {
            for d in diags {
                eprintln!("{}", d.render(None));
            }
            return failed("the bank could not be made");
        }
    };
    for id in &filled.unmatched {
        eprintln!(
            "warning: question \"{id}\" shares no word with the article: no citation was suggested\n  = help: quote the passage it asks about in its `cite`"
        );
    }
    if let Err(e) = crate::output::write_whole(&a.out, filled.text.as_bytes()) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::from(1);
    }
    let n = questions.len();
    let warnings = diags.len() + filled.unmatched.len();
    let what = format!(
        "{n} question{} from {name}{}",
        if n == 1 { "" } else { "s" },
        match warnings {
            0 => String::new(),
            1 => " (1 warning)".to_string(),
            w => format!(" ({w} warnings)"),
        }
    );
    // The bank as `check` will see it, so that a kind's own rule (two
    // options at least, no empty text) is told now.
    match Bank::load(&filled.text, Some(&out), placed.article) {
        Ok(_) => {
            println!("{out}: ok: {what}");
            eprintln!(
                "next: read each suggested citation (\"suggested\": true), confirm or replace it, then run `citequiz check {out}`"
            );
            ExitCode::SUCCESS
        }
        Err(diags) => {
            let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
            for d in &errors {
                eprintln!("{}", d.render(Some(&filled.text)));
            }
            eprintln!(
                "{out}: written ({what}), but `citequiz check` finds {} error{}: fix them in the bank",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}

/// The question file's text, or why it cannot be imported: unreadable,
/// larger than a bank may be (its bank would be larger still), binary, or
/// not UTF-8 (naming the first bad byte's line and column).
fn read_source(path: &Path, name: &str) -> Result<String, Box<Diagnostic>> {
    let located = |mut d: Diagnostic| {
        d.file = Some(name.to_string());
        Box::new(d)
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_BANK_BYTES as u64 {
        return Err(located(
            Diagnostic::error(
                Code::TOO_LARGE,
                "",
                format!("{name} is {size} bytes; a bank is at most {MAX_BANK_BYTES} bytes, and its questions would not fit"),
            )
            .with_help("split the file and import each part as a bank of its own"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        located(
            Diagnostic::error(Code::IO, "", format!("cannot read {name}: {e}"))
                .with_help(citequiz::checker::unreadable_help(name)),
        )
    })?;
    if let Some(kind) = binary_kind(&bytes) {
        return Err(located(
            Diagnostic::error(
                Code::BINARY_SOURCE,
                "",
                format!("{name} is not text but binary data ({kind})"),
            )
            .with_help("check the path: GIFT and Aiken files are text"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let d = not_utf8(
            e.as_bytes(),
            name,
            "save it as UTF-8 (Moodle's exports are), or convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
        );
        located(d)
    })
}

/// How many diagnostics of one code are printed in full; the rest are
/// counted (a file of thousands of questions with one title would print
/// thousands of alike warnings, each rendered against the whole file).
const SHOWN_PER_CODE: usize = 10;

/// The diagnostics, at most `SHOWN_PER_CODE` of each code in full, then a
/// count of the rest of each.
fn print_some(diags: &[Diagnostic], source: &str) {
    let mut shown: Vec<(&str, usize)> = Vec::new();
    for d in diags {
        let at = match shown.iter().position(|(code, _)| *code == d.code) {
            Some(at) => at,
            None => {
                shown.push((d.code, 0));
                shown.len() - 1
            }
        };
        shown[at].1 += 1;
        if shown[at].1 <= SHOWN_PER_CODE {
            eprintln!("{}", d.render(Some(source)));
        }
    }
    for (code, n) in shown.into_iter().filter(|(_, n)| *n > SHOWN_PER_CODE) {
        eprintln!(
            "note: {} more `{code}` diagnostics like these were not shown\n",
            n - SHOWN_PER_CODE
        );
    }
}
