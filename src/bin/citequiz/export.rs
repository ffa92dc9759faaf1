//! `citequiz export`: a bank written for an LMS's question bank or a QTI
//! player (`citequiz::author::export` makes the files; this checks the
//! bank, prints the warnings and writes the files whole).

use crate::output::{print_diagnostics, refuse_overwrite, write_whole};
use citequiz::author::export::{self, Export, moodle, qti};
use citequiz::bank::{Bank, lint};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Export a bank as Moodle XML, a QTI 3.0 package or GIFT
///
/// The bank must check (as `citequiz check`); a question the format has
/// no type for is written as the nearest type, with a warning naming it.
/// Nothing is written on an error, and an existing PATH is kept unless
/// --force.
#[derive(clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// The bank file (JSON); it must check.
    #[arg(value_name = "BANK")]
    bank: PathBuf,
    /// What to write.
    #[arg(long, value_enum)]
    format: Format,
    /// Where: a file for moodle-xml and gift; for qti3, a zip when PATH
    /// ends in .zip, else a folder.
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// Replace PATH (a folder's files of the same names) if it exists.
    #[arg(long)]
    force: bool,
}

/// `export --format`. A new format is a variant here and its writer in
/// `Format::writer`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Moodle XML, for a Moodle question bank (Question bank → Import).
    MoodleXml,
    /// A QTI 3.0 content package (imsmanifest.xml, the article as a
    /// shared stimulus, one item per question).
    Qti3,
    /// Moodle's GIFT text format; `citequiz import gift` reads it back.
    Gift,
}

impl Format {
    /// The library function that writes the format, from the checked
    /// bank and its source text.
    fn writer(self) -> fn(&Bank, &str) -> Export {
        match self {
            Format::MoodleXml => |bank, _| moodle::export(bank),
            Format::Qti3 => |bank, _| qti::export(bank),
            Format::Gift => |_, source| export::gift(source),
        }
    }
}

pub fn run(a: &Args) -> ExitCode {
    let out = a.out.display();
    if let Some(refused) = refuse_overwrite(&a.out, a.force) {
        return refused;
    }
    let loaded = citequiz::files::load_bank(&a.bank);
    let (Some(bank), Some(bank_file)) = (&loaded.bank, &loaded.bank_file) else {
        // A bank with errors: its diagnostics, as `check` prints them. (A
        // bank that checks exports with no word of its item-writing
        // warnings, which are `check`'s business.)
        print_diagnostics(&loaded);
        eprintln!(
            "{}: failed: the bank does not check; nothing was written (`citequiz check` lists the errors)",
            a.bank.display()
        );
        return ExitCode::from(1);
    };
    let mut export = (a.format.writer())(bank, &bank_file.text);
    let name = a.bank.to_string_lossy().into_owned();
    lint::place(&mut export.warnings, &bank_file.text, Some(&name));
    for d in &export.warnings {
        eprintln!("{}", d.render(Some(&bank_file.text)));
    }
    if let Err(e) = write(&a.out, &export.files) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::from(1);
    }
    let w = export.warnings.len();
    println!(
        "{out}: ok: {} question{} exported{}",
        bank.questions().len(),
        if bank.questions().len() == 1 { "" } else { "s" },
        match w {
            0 => String::new(),
            1 => " (1 warning)".to_string(),
            _ => format!(" ({w} warnings)"),
        }
    );
    ExitCode::SUCCESS
}

/// One file's bytes to `out`; several files to a zip (`out` ends in
/// `.zip`: deflated, fixed time, in the export's order, as `citequiz
/// build` makes them) or into the folder `out`, each file written whole.
fn write(out: &Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    match files {
        [] => Err("the export made no file".to_string()),
        [(_, bytes)] => write_whole(out, bytes).map_err(|e| e.to_string()),
        _ if out.extension().is_some_and(|x| x.eq_ignore_ascii_case("zip")) => {
            let zip = citequiz::package::zip(files)?;
            write_whole(out, &zip).map_err(|e| e.to_string())
        }
        _ => {
            for (path, bytes) in files {
                let target = out.join(path);
                if let Some(dir) = target.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                write_whole(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
            }
            Ok(())
        }
    }
}
