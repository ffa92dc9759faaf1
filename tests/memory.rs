//! What a loaded bank holds on the heap, counted by this test binary's
//! global allocator: a raw bank, once checked, holds the bytes its compiled
//! form holds (the same questions, the article without its anchoring
//! index), read whole or in pieces. A `Vec` collected from a filter, or
//! grown by pushes, keeps room it never uses (a question's citations took
//! room for four, 0.6 MB of Wasm memory at 2,000 questions); this is where
//! that shows. `bench/memory.mjs` measures the pages; this holds the
//! readers to each other. One test in the binary, so that no other thread
//! allocates while it counts.

mod support;

use citequiz::Bank;
use citequiz::article::{Article, Normalizer};
use citequiz::bank::{BankPieces, CompiledPieces};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

/// The system allocator, counting the bytes live.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

fn bytes(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

// SAFETY: each call forwards to `System` with the caller's arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(bytes(layout.size()), Relaxed);
        // SAFETY: as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(bytes(layout.size()), Relaxed);
        // SAFETY: as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(bytes(new_size) - bytes(layout.size()), Relaxed);
        // SAFETY: as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What `load` leaves live (its result), in bytes, and the result.
fn held<T>(load: impl FnOnce() -> T) -> (isize, T) {
    let before = LIVE.load(Relaxed);
    let out = load();
    (LIVE.load(Relaxed) - before, out)
}

const PIECE: usize = 64 * 1024;

#[test]
fn a_checked_raw_bank_holds_what_its_compiled_form_holds() {
    let article_text = support::ARTICLE;
    let generated = citequiz::synth::synthetic_bank(&support::article(), "a.json", 300);
    let mut banks = vec![("300 generated questions".to_string(), generated)];
    for path in support::all_banks() {
        let text = std::fs::read_to_string(&path).expect("read");
        // The banks of the shipped article (the others name their own).
        if citequiz::bank::article_path(&text)
            .is_ok_and(|a| a.ends_with("gabuev-2020-putin-china-alliance.json"))
        {
            banks.push((path.display().to_string(), text));
        }
    }
    assert!(banks.len() >= 3, "the fixture and the shipped banks of the article");
    for (what, raw) in &banks {
        let article = || Article::parse(article_text, Normalizer::unicode()).expect("article");
        let (raw_bytes, bank) = held(|| Bank::load(raw, None, article()).expect("loads").0);
        let compiled = bank.compile();
        drop(bank);
        let (compiled_bytes, back) =
            held(|| Bank::load_compiled(&compiled, Normalizer::unicode()).expect("compiled"));
        drop(back);
        assert_eq!(raw_bytes, compiled_bytes, "{what}: raw against compiled, bytes held");
        let (pieces_bytes, bank) = held(|| {
            let mut pieces = BankPieces::new(article());
            raw.as_bytes().chunks(PIECE).for_each(|p| pieces.push(p));
            pieces.finish().expect("the pieces read it")
        });
        drop(bank);
        assert_eq!(pieces_bytes, raw_bytes, "{what}: raw in pieces against whole");
        let (compiled_pieces_bytes, back) = held(|| {
            let mut pieces = CompiledPieces::new();
            compiled.as_bytes().chunks(PIECE).for_each(|p| pieces.push(p));
            pieces.finish(Normalizer::unicode()).expect("the pieces read it")
        });
        drop(back);
        assert_eq!(compiled_pieces_bytes, compiled_bytes, "{what}: compiled in pieces");
    }
}
