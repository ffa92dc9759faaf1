//! What several commands print the same way: the `--format` choice, plural
//! counts, and diagnostics in rustc style on stderr.

use citequiz::files::Loaded;
use std::path::Path;

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

/// Writes `bytes` to `path` whole: into a temporary file beside it, then
/// renamed over it, so that a failure leaves no half-written file.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
