//! Every sentence of the clean article anchors exactly in the raw seed text
//! it was edited from: inline `<u>` tags, the paragraph the seed breaks in
//! two, and the seed's own whitespace must not get in the way.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::article::{AnchorResult, NormText, Normalizer, Selector, anchor};
use support::{article, repo_path, shipped_banks};

/// The committed, byte-identical copy of the seed
/// (`../shared/seeds/000_c05227f155f0cfce.txt`) keeps the test hermetic.
fn seed() -> NormText {
    let path = repo_path("tests/fixtures/seed-raw.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Normalizer::unicode().map(&text),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Anchors `quote` in the seed and checks it matched exactly, as the raw
/// text `raw` when given.
fn check(seed: &NormText, quote: &str, raw: Option<&str>) {
    match anchor(seed, &Selector::exact(quote)) {
        AnchorResult::Found(a) => {
            assert!(a.exact, "{quote:?} matched only approximately: {a:?}");
            assert!((a.score - 1.0).abs() < f64::EPSILON, "{a:?}");
            assert_eq!(seed.slice(&a.span), a.text);
            let n = Normalizer::unicode();
            assert_eq!(n.normalize(&a.text), n.normalize(quote));
            if let Some(raw) = raw {
                assert_eq!(a.text, raw);
            }
        }
        r => panic!("{quote:?} did not anchor: {r:?}"),
    }
}

#[test]
fn every_sentence_anchors_exactly_in_the_raw_seed() {
    let article = article();
    let seed = seed();
    assert_eq!(article.sentences().len(), 41);
    for s in article.sentences() {
        check(&seed, &article.slice(&s.span), None);
    }
}

#[test]
fn quotes_across_tags_and_broken_paragraphs_map_to_the_raw_text() {
    let seed = seed();
    check(
        &seed,
        "Moscow and Beijing are well aware that their interests don't always coincide.",
        Some("Moscow and Beijing are\n\nwell aware that their interests don't always coincide."),
    );
    check(
        &seed,
        "between China and Australia (despite the latter",
        Some("between China and Australia\n\n(despite the latter"),
    );
    check(
        &seed,
        "such as Su-35 fighter aircraft and S-400 missile systems,",
        Some("such as <u>Su-35 fighter</u> <u>aircraft</u> and <u>S-400 missile systems</u>,"),
    );
    check(
        &seed,
        "Russia has taken important steps to",
        Some("Russia has taken <u>important steps</u> to"),
    );
}

/// Every citation of the shipped banks on the seed's article, and every
/// Part B quote, anchors exactly in the raw seed too (with its prefix and
/// suffix), so the banks would survive being pointed at the messy original.
/// (Banks on other articles, such as Wikipedia's "Mozilla", are left out.)
#[test]
fn every_citation_of_the_shipped_banks_anchors_in_the_raw_seed() {
    let seed = seed();
    let seed_article = article().raw().id.clone();
    let mut count = 0;
    for path in shipped_banks() {
        let loaded = citequiz::files::load_bank(&path);
        let Some(bank) = loaded.bank else {
            panic!("{}: {:?}", path.display(), loaded.diagnostics)
        };
        if bank.article().raw().id != seed_article {
            continue;
        }
        for q in bank.questions() {
            let mut selectors: Vec<&Selector> = q.citations().iter().map(|c| &c.selector).collect();
            if let citequiz::bank::Body::TwoPart { quotes, .. } = q.body() {
                selectors.extend(quotes.iter().map(|c| &c.selector));
            }
            for sel in selectors {
                match anchor(&seed, sel) {
                    AnchorResult::Found(a) => {
                        assert!(a.exact, "{}: {sel:?} only approximately", q.id())
                    }
                    r => panic!("{}: {sel:?} did not anchor in the raw seed: {r:?}", q.id()),
                }
                count += 1;
            }
        }
    }
    assert!(count > 100, "only {count} citations found");
}
