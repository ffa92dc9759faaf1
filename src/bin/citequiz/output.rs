//! What several commands print the same way: the `--format` choice, plural
//! counts, and diagnostics in rustc style on stderr.

use citequiz::files::Loaded;

/// `--format` of the commands that report (check, stats).
#[derive(Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: rustc-style diagnostics, aligned tables.
    #[default]
    Text,
    /// For tools: one JSON document on stdout.
    Json,
}

/// "1 question", "2 questions".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

/// Every diagnostic of a loaded bank, rendered against its source, on stderr.
pub fn print_diagnostics(loaded: &Loaded) {
    for d in &loaded.diagnostics {
        eprintln!("{}", d.render(loaded.source_of(d)));
    }
}
