//! Check time (parse + validate + anchor every citation) for generated banks
//! of 50, 1,000 and 10,000 questions over the real article, and anchoring
//! time per quote, exact and approximate.
//!
//! Then a raw bank (its article parsed, the bank checked) against its
//! compiled form (`Bank::load_compiled`) at 20 and 2,000 questions: the
//! Wasm's work on the way to the first question, natively.
//!
//! Run: `make bench` (or `cargo bench --bench check`). The target of the
//! core issue: 10,000 questions checked in under 200 ms, growing linearly;
//! the per-question figure printed at the end shows the growth.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[path = "../tests/support/mod.rs"]
mod support;

#[cfg(not(target_arch = "wasm32"))]
use citequiz::{article::Selector, bank::Bank, synth::synthetic_bank};
#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;
#[cfg(not(target_arch = "wasm32"))]
use support::article;

const SIZES: [usize; 3] = [50, 1_000, 10_000];

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let art = article();
    let banks: Vec<(usize, String)> =
        SIZES.iter().map(|&n| (n, synthetic_bank(&art, "article.json", n))).collect();
    // The checked figure the issue asks for, with its per-question cost.
    println!("check (parse + validate + anchor), median of 11 runs:");
    let mut per_q = Vec::new();
    for (n, json) in &banks {
        let mut times: Vec<f64> = (0..11)
            .map(|_| {
                let a = art.clone();
                let t = Instant::now();
                let loaded = Bank::load(json, None, a);
                let dt = t.elapsed().as_secs_f64() * 1e3;
                assert!(loaded.is_ok(), "synthetic bank of {n} failed: {:?}", loaded.err());
                dt
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        per_q.push(median * 1e3 / *n as f64);
        println!(
            "  {n:>6} questions ({:>8} bytes): {median:>8.2} ms  ({:.1} µs/question)",
            json.len(),
            median * 1e3 / *n as f64
        );
    }
    println!(
        "  growth: µs/question at 10,000 ÷ at 1,000 = {:.2} (1.0 is linear)",
        per_q[2] / per_q[1]
    );

    let exact = Selector::exact("the key challenge is not to put too much stock in Western fears");
    let approx = Selector::exact("the key challenge is not to put much stock in the Western fears");
    let miss = Selector::exact("an entirely different sentence that is nowhere in this article");
    println!(
        "\nanchoring one quote in the article ({} chars), median of 2,001 runs:",
        art.text().chars().count()
    );
    for (name, sel) in [("exact", &exact), ("approximate", &approx), ("no match", &miss)] {
        let mut times: Vec<f64> = (0..2001)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(art.anchor(std::hint::black_box(sel)));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("  {name:<12} {:>8.1} µs", times[times.len() / 2]);
    }
    raw_against_compiled(&art);
    let t = Instant::now();
    for _ in 0..100 {
        std::hint::black_box(article());
    }
    println!(
        "\nparsing the article (normalize + sentences): {:.1} µs",
        t.elapsed().as_secs_f64() * 1e4
    );
}

/// The median of `runs` timings of `f`, in ms.
#[cfg(not(target_arch = "wasm32"))]
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// A raw bank and its article loaded as the widget loads them (the article
/// parsed, folded and split; the bank read, checked, anchored, hashed)
/// against the compiled bank read by the fast path.
#[cfg(not(target_arch = "wasm32"))]
fn raw_against_compiled(art: &citequiz::Article) {
    use citequiz::{Article, Normalizer};
    println!("\nraw (article + bank) against compiled, median of 11 runs:");
    for n in [20, 2_000] {
        let json = synthetic_bank(art, "article.json", n);
        let raw = median_ms(11, || {
            let a = Article::parse(support::ARTICLE, Normalizer::unicode()).expect("article");
            std::hint::black_box(Bank::load(&json, None, a).expect("bank"));
        });
        let a = Article::parse(support::ARTICLE, Normalizer::unicode()).expect("article");
        let compiled = Bank::load(&json, None, a).expect("bank").0.compile();
        let fast = median_ms(11, || {
            std::hint::black_box(
                Bank::load_compiled(&compiled, Normalizer::unicode()).expect("compiled"),
            );
        });
        println!(
            "  {n:>5} questions: raw {raw:>7.2} ms ({} + {} bytes), compiled {fast:>7.2} ms ({} bytes): {:.1}x",
            json.len(),
            support::ARTICLE.len(),
            compiled.len(),
            raw / fast
        );
        // As the widget reads them: 64 KiB pieces, never the whole text.
        let raw_pieces = median_ms(11, || {
            let a = Article::parse(support::ARTICLE, Normalizer::unicode()).expect("article");
            let mut p = citequiz::bank::BankPieces::new(a);
            json.as_bytes().chunks(64 * 1024).for_each(|c| p.push(c));
            std::hint::black_box(p.finish().expect("pieces"));
        });
        let fast_pieces = median_ms(11, || {
            let mut p = citequiz::bank::CompiledPieces::new();
            compiled.as_bytes().chunks(64 * 1024).for_each(|c| p.push(c));
            std::hint::black_box(p.finish(Normalizer::unicode()).expect("pieces"));
        });
        println!(
            "  {n:>5} questions in 64 KiB pieces: raw {raw_pieces:>7.2} ms, compiled {fast_pieces:>7.2} ms"
        );
    }
}
