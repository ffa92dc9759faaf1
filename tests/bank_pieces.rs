//! A raw bank read in pieces (`BankPieces`, the widget's way of reading a
//! bank without its whole text in the Wasm) gives the bank `Bank::load`
//! gives for the same text, or none, never another: on every shipped bank
//! and the fixture, laid out otherwise, with errors, and on the committed
//! corpus of the `bank_load` fuzz target.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::Bank;
use citequiz::bank::BankPieces;
use support::{article, assert_same};

/// `text` handed over in pieces of `size` bytes.
fn by_pieces(text: &[u8], size: usize) -> Option<Bank> {
    let mut pieces = BankPieces::new(article());
    for piece in text.chunks(size) {
        if pieces.failed() {
            break;
        }
        pieces.push(piece);
    }
    pieces.finish()
}

/// Reading `text` in pieces gives `Bank::load`'s bank or none, at every
/// piece size; `must`: it may not give up on a bank that loads.
fn check(text: &[u8], what: &str, must: bool) {
    check_sizes(text, what, must, &[1, 7, 4096, text.len().max(1)]);
}

fn check_sizes(text: &[u8], what: &str, must: bool, sizes: &[usize]) {
    let whole = std::str::from_utf8(text).ok().and_then(|t| Bank::load(t, None, article()).ok());
    for &size in sizes {
        match (by_pieces(text, size), &whole) {
            (Some(p), Some((w, _))) => assert_same(w, &p, &format!("{what}, pieces of {size}")),
            (Some(_), None) => panic!("{what}: pieces of {size} read a bank Bank::load refuses"),
            (None, Some(_)) => assert!(!must, "{what}: pieces of {size} gave up on a good bank"),
            (None, None) => {}
        }
    }
}

#[test]
fn pieces_read_what_the_whole_text_reads() {
    for path in support::shipped_banks() {
        let text = std::fs::read(&path).expect("read");
        check(&text, &path.display().to_string(), true);
    }
    check(support::EVERY_KIND.as_bytes(), "every kind", true);
    let large = citequiz::synth::synthetic_bank(&article(), "a.json", 300);
    check(large.as_bytes(), "300 generated questions", true);
    // The questions' array first, last, on one line.
    let one_line: String = support::EVERY_KIND.lines().map(str::trim).collect();
    check(one_line.as_bytes(), "every kind, one line", true);
}

#[test]
fn pieces_give_up_on_what_the_whole_text_refuses() {
    let good = support::EVERY_KIND;
    let first_id = "\"id\": \"";
    assert!(good.contains(first_id));
    let cases = [
        good.replacen("\"questions\": [", "\"questions\": [1,", 1),
        good.replacen("\"questions\": [", "\"questions\": [],\"questions\": [", 1),
        good.replacen("\"kind\": \"", "\"kind\": \"x", 1),
        good.replacen("\"format\": \"citequiz-bank/1\"", "\"format\": \"citequiz-bank/2\"", 1),
        format!("{good} {{}}"),
        good.trim_end().strip_suffix('}').unwrap().to_string(),
    ];
    support::refused_both_ways(
        good,
        &cases,
        |t| Bank::load(t, None, article()).is_ok(),
        |t, size| by_pieces(t, size).is_some(),
    );
    // Two questions of one id.
    let twice =
        citequiz::synth::synthetic_bank(&article(), "a.json", 3).replace("q00001", "q00000");
    assert!(Bank::load(&twice, None, article()).is_err());
    assert!(by_pieces(twice.as_bytes(), 64).is_none());
}

/// The committed corpus of the `bank_load` fuzz target (read only).
#[test]
fn pieces_agree_with_the_whole_text_on_the_fuzz_corpus() {
    let dir = support::repo_path("fuzz/corpus/bank_load");
    let files = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for path in files.filter_map(|e| e.ok().map(|e| e.path())) {
        let bytes = std::fs::read(&path).expect("read");
        check_sizes(&bytes, &path.display().to_string(), false, &[1, bytes.len().max(1)]);
    }
}
