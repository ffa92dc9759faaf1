//! `citequiz article import`: a saved web page, Markdown or plain text
//! written as a `citequiz-article/1` file. The cleaning is the library's
//! (`citequiz::author::import`); this file reads the source, writes the
//! article (whole or not at all) and prints what the author should check.

use citequiz::author::import::{Format, HeaderField, Meta, Options, import, to_json};
use citequiz::diag::Diagnostic;
use std::path::PathBuf;
use std::process::ExitCode;

/// Work with article files
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    // Boxed: its many options would make every command's `Args` as large.
    Import(Box<ImportArgs>),
}

/// Import an article from a saved web page, Markdown or plain text
///
/// Writes a citequiz-article/1 file. A web page's article is found the
/// way Firefox's Reader View finds it, and its title, byline, date, site
/// name and language come from the page's metadata; Markdown takes them
/// from YAML front matter (and, after the title, from --header); a plain
/// text from --header. Options given here win over what the source says.
/// Nothing is written when there is an error, and an existing file is kept
/// unless --force.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct ImportArgs {
    /// The source: a saved web page (.html, .htm), Markdown (.md) or plain
    /// text (.txt).
    #[arg(value_name = "SOURCE")]
    source: PathBuf,
    /// Where to write the article (JSON).
    #[arg(long, value_name = "ARTICLE.json")]
    out: PathBuf,
    /// The source's format, when its extension does not say: html, md or
    /// txt.
    #[arg(long, value_name = "FORMAT")]
    from: Option<Format>,
    /// The headline.
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// The standfirst under the headline.
    #[arg(long, value_name = "S")]
    subtitle: Option<String>,
    /// The author or authors, as credited.
    #[arg(long, value_name = "A")]
    author: Option<String>,
    /// The publication date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Where this copy was published.
    #[arg(long, value_name = "P")]
    publisher: Option<String>,
    /// Where it was first published, when that differs.
    #[arg(long, value_name = "P")]
    originally_published_by: Option<String>,
    /// The original's address.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// The article's language, a BCP 47 tag such as en or pt-BR.
    #[arg(long, value_name = "TAG")]
    language: Option<String>,
    /// The photo credit.
    #[arg(long, value_name = "C")]
    photo_credit: Option<String>,
    /// The article's id (default: author's surname, year, title's words).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// Plain text: what the leading blocks hold, in order, e.g.
    /// title,subtitle,byline,date,photo-credit (skip leaves one out).
    /// Markdown: the blocks after the front matter and the title heading,
    /// e.g. byline,date.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    header: Vec<HeaderField>,
    /// How many of the last paragraphs are notes (a "first published by"
    /// line, a disclaimer).
    #[arg(long, value_name = "N", default_value_t = 0)]
    notes: usize,
    /// Join the paragraphs that look broken mid-sentence.
    #[arg(long)]
    join_broken: bool,
    /// Overwrite ARTICLE.json if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(a: &Args) -> ExitCode {
    match &a.command {
        Command::Import(args) => run_import(args),
    }
}

fn run_import(a: &ImportArgs) -> ExitCode {
    let source_name = a.source.display().to_string();
    let out = a.out.display();
    if let Some(refused) = crate::output::refuse_overwrite(&a.out, a.force) {
        return refused;
    }
    let bytes = match std::fs::read(&a.source) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {source_name}: {e}");
            eprintln!("  = help: {}", citequiz::checker::unreadable_help(&source_name));
            return ExitCode::from(1);
        }
    };
    // Diagnostics with a line quote it from the source, when it is text.
    let text = std::str::from_utf8(&bytes).ok();
    let print = |diags: &[Diagnostic]| {
        for d in diags {
            eprintln!("{}", d.render(text));
        }
    };
    let imported = match import(&bytes, &source_name, &options(a)) {
        Ok(i) => i,
        Err(diags) => {
            print(&diags);
            eprintln!("{source_name}: failed: nothing was written");
            return ExitCode::from(1);
        }
    };
    print(&imported.warnings);
    let json = match imported.article().and_then(|raw| to_json(&raw)) {
        Ok(json) => json,
        Err(diags) => {
            print(&diags);
            eprintln!("{source_name}: failed: nothing was written");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = crate::output::write_whole(&a.out, json.as_bytes()) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::from(1);
    }
    let n = imported.paragraphs.len();
    let w = imported.warnings.len();
    println!(
        "{out}: ok: {n} paragraph{} from {source_name}{}",
        if n == 1 { "" } else { "s" },
        match w {
            0 => String::new(),
            1 => " (1 warning)".to_string(),
            _ => format!(" ({w} warnings)"),
        }
    );
    ExitCode::SUCCESS
}

fn options(a: &ImportArgs) -> Options {
    Options {
        format: a.from,
        meta: Meta {
            id: a.id.clone(),
            title: a.title.clone(),
            subtitle: a.subtitle.clone(),
            author: a.author.clone(),
            date: a.date.clone(),
            publisher: a.publisher.clone(),
            originally_published_by: a.originally_published_by.clone(),
            url: a.url.clone(),
            photo_credit: a.photo_credit.clone(),
            language: a.language.clone(),
        },
        header: a.header.clone(),
        notes: a.notes,
        join_broken: a.join_broken,
    }
}
