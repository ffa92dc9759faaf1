//! How well `citequiz suggest` finds what the shipped banks cite: every
//! bank in quiz-data/banks/ is loaded, its citations are hidden, and each
//! question's top suggestions are compared with the sentences it cited.
//!
//! - recall@k: the share of questions with at least one cited sentence
//!   among their top k suggestions (a question citing several sentences
//!   counts once, as a hit if any of them is there).
//! - sent@k: the share of all cited sentences (each counted once per
//!   question) that are among their question's top k.
//!
//! Each line changes one thing in the query, so that what each is worth
//! shows; the first lines leave out the explanation, which in the shipped
//! banks often quotes the cited sentence.
//!
//! Run: `cargo bench --bench suggest_recall` (or `make bench`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use citequiz::author::suggest::{Options, recall};
    use citequiz::files::load_bank;

    let mut paths: Vec<_> = std::fs::read_dir("quiz-data/banks")
        .unwrap_or_else(|e| panic!("quiz-data/banks: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let banks: Vec<_> = paths
        .iter()
        .map(|path| {
            let loaded = load_bank(path);
            let (Some(bank), Some(file)) = (loaded.bank, loaded.bank_file) else {
                panic!("{} does not check: {:?}", path.display(), loaded.diagnostics);
            };
            (
                path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
                bank,
                file.text,
            )
        })
        .collect();
    for (stem, bank, _) in &banks {
        let per_question: Vec<usize> = bank
            .questions()
            .iter()
            .map(|q| {
                let mut ids: Vec<&str> = q
                    .citations()
                    .iter()
                    .flat_map(|c| c.sentences.iter().map(String::as_str))
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            })
            .collect();
        println!(
            "{stem}: {} questions, {} cited sentences, {} questions citing more than one",
            per_question.len(),
            per_question.iter().sum::<usize>(),
            per_question.iter().filter(|&&n| n > 1).count()
        );
    }
    let d = Options::default();
    let prompt = Options {
        explanation: false,
        keyed: false,
        part_b: false,
        bigrams: false,
        neighbours: 0.0,
        stop_words: false,
    };
    // Two runs of the same steps: without the explanation and hints (as
    // when a question is drafted before its explanation), then with them.
    let mut variants: Vec<(String, Options)> = Vec::new();
    for explanation in [false, true] {
        let start = Options { explanation, ..prompt };
        let steps = [
            ("", start),
            ("+ stop words dropped", Options { stop_words: true, ..start }),
            ("+ keyed answer", Options { stop_words: true, keyed: true, ..start }),
            (
                "+ Part B's keyed quote",
                Options { stop_words: true, keyed: true, part_b: true, ..start },
            ),
            (
                "+ word pairs",
                Options { bigrams: true, stop_words: true, keyed: true, part_b: true, ..start },
            ),
            (
                "+ neighbours 0.3",
                Options {
                    neighbours: 0.3,
                    bigrams: true,
                    stop_words: true,
                    keyed: true,
                    part_b: true,
                    ..start
                },
            ),
        ];
        for (step, o) in steps {
            let head = if explanation { "prompt+expl." } else { "prompt" };
            let mark = if o == d { " (default)" } else { "" };
            variants.push((format!("{head} {step}{mark}"), o));
        }
    }
    println!(
        "{:<46} {:<20} {:>3} {:>8} {:>8} {:>7} {:>7}",
        "query", "bank", "n", "recall@1", "recall@3", "sent@1", "sent@3"
    );
    for (name, options) in &variants {
        let (mut n, mut hit1, mut hit3, mut cited, mut s1, mut s3) = (0, 0.0, 0.0, 0, 0.0, 0.0);
        for (stem, bank, text) in &banks {
            let r =
                recall(text, bank, *options, &[1, 3]).unwrap_or_else(|d| panic!("{stem}: {d:?}"));
            println!(
                "{name:<46} {stem:<20} {:>3} {:>8.3} {:>8.3} {:>7.3} {:>7.3}",
                r.questions,
                r.at(1),
                r.at(3),
                r.sentences_at(1),
                r.sentences_at(3)
            );
            n += r.questions;
            hit1 += r.at(1) * r.questions as f64;
            hit3 += r.at(3) * r.questions as f64;
            cited += r.cited;
            s1 += r.sentences_at(1) * r.cited as f64;
            s3 += r.sentences_at(3) * r.cited as f64;
        }
        let (nf, cf) = (n.max(1) as f64, cited.max(1) as f64);
        println!(
            "{name:<46} {:<20} {n:>3} {:>8.3} {:>8.3} {:>7.3} {:>7.3}",
            "all",
            hit1 / nf,
            hit3 / nf,
            s1 / cf,
            s3 / cf
        );
    }
}
