//! `citequiz stats`: a bank's questions by kind and tag, its points, and
//! which paragraphs of the article no question cites.

use super::{FAILED, Format, Io, Stream, load_bank, plural, print_diagnostics};
use crate::bank::{Body, Kind};
use std::collections::BTreeMap;
use std::path::Path;

/// Prints the statistics of one bank (text tables or one JSON document);
/// returns the exit code: 0, or [`FAILED`] when the bank has errors (which
/// are printed instead).
pub fn stats(path: &Path, format: Format, io: &mut dyn Io) -> u8 {
    let loaded = load_bank(path, io);
    let path = path.display();
    let Some(bank) = &loaded.bank else {
        print_diagnostics(&loaded, io);
        io.print(
            Stream::Err,
            &format!(
                "{path}: cannot show statistics: the bank has errors (run `citequiz check {path}`)"
            ),
        );
        return FAILED;
    };
    let mut kinds: BTreeMap<&str, usize> = Kind::ALL.iter().map(|k| (k.name(), 0)).collect();
    let mut tags: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    let mut cited: BTreeMap<&str, usize> = BTreeMap::new();
    for q in bank.questions() {
        *kinds.entry(q.kind().name()).or_default() += 1;
        for t in q.tags() {
            let e = tags.entry(t.as_str()).or_default();
            e.0 += 1;
            e.1 += q.points();
        }
        let mut paras: Vec<&str> =
            q.citations().iter().flat_map(|c| c.paragraphs.iter().map(String::as_str)).collect();
        paras.sort_unstable();
        paras.dedup();
        for p in paras {
            *cited.entry(p).or_default() += 1;
        }
    }
    let article = bank.article();
    let paragraphs: Vec<(String, usize, String)> = article
        .paragraphs()
        .iter()
        .map(|p| {
            let text = article.slice(&p.span);
            let opening: String = text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            (p.id.clone(), cited.get(p.id.as_str()).copied().unwrap_or(0), opening)
        })
        .collect();
    let uncited: Vec<&(String, usize, String)> = paragraphs.iter().filter(|p| p.1 == 0).collect();
    let mut out = |line: &str| io.print(Stream::Out, line);
    match format {
        Format::Json => {
            let v = serde_json::json!({
                "bank": bank.id(),
                "questions": bank.questions().len(),
                "points": bank.total_points(),
                "kinds": kinds,
                "tags": tags.iter().map(|(t, (n, pts))| (t.to_string(), serde_json::json!({"questions": n, "points": pts}))).collect::<BTreeMap<_, _>>(),
                "paragraphs": paragraphs.iter().map(|(id, n, _)| serde_json::json!({"id": id, "questions": n})).collect::<Vec<_>>(),
                "uncited": uncited.iter().map(|p| p.0.clone()).collect::<Vec<_>>(),
            });
            out(&serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Text | Format::Github | Format::Gitlab => {
            out(&format!("{} ({})", bank.title(), bank.id()));
            out(&format!(
                "{}, {} points, pass mark {}%",
                plural(bank.questions().len(), "question"),
                bank.total_points(),
                bank.pass_percent()
            ));
            out("\nby kind:");
            for (k, n) in &kinds {
                out(&format!("  {k:<16} {n:>4}"));
            }
            out("\nby tag:");
            for (t, (n, pts)) in &tags {
                out(&format!("  {t:<20} {n:>4} questions {pts:>6} points"));
            }
            let evidence: Vec<_> = bank
                .questions()
                .iter()
                .filter_map(|q| match q.body() {
                    Body::Evidence { target } => Some((q.id(), target)),
                    _ => None,
                })
                .collect();
            if !evidence.is_empty() {
                out("\nevidence questions and the sentences a learner must select:");
                for (id, target) in evidence {
                    out(&format!("  {id:<32} {}", target.join(", ")));
                }
            }
            out(&format!(
                "\ncoverage: {} of {} paragraphs cited",
                paragraphs.len() - uncited.len(),
                paragraphs.len()
            ));
            for (id, n, opening) in &paragraphs {
                let mark = if *n == 0 { "  NOT CITED" } else { "" };
                out(&format!("  {id:<4} {n:>3}  {opening}…{mark}"));
            }
        }
    }
    0
}
