//! Compiled banks (`citequiz compile`, `Bank::load_compiled`): compiling a
//! bank and reading it back gives the bank `Bank::load` gives (questions,
//! citations and their spans, Part B's quotes, sentences, content hashes);
//! a damaged or foreign compiled file is a diagnostic, never a panic; read
//! in pieces (`CompiledPieces`), a file gives that same bank or none.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::assert_same;

use citequiz::Bank;
use citequiz::article::Normalizer;
use citequiz::bank::CompiledPieces;
use citequiz::diag::Diagnostic;
use citequiz::files::load_bank;
use proptest::prelude::*;

fn loaded(path: &std::path::Path) -> Bank {
    let l = load_bank(path);
    l.bank.unwrap_or_else(|| panic!("{} does not load: {:#?}", path.display(), l.diagnostics))
}

fn compiled(text: &str) -> Result<Bank, Vec<Diagnostic>> {
    Bank::load_compiled(text, Normalizer::unicode())
}

/// `text` handed over in pieces of `size` bytes.
fn by_pieces(text: &[u8], size: usize) -> Option<Bank> {
    let mut pieces = CompiledPieces::new();
    for piece in text.chunks(size) {
        if pieces.failed() {
            break;
        }
        pieces.push(piece);
    }
    pieces.finish(Normalizer::unicode())
}

/// What reading `text` in pieces must give: the bank `Bank::load_compiled`
/// reads from the whole text, or none (then the caller reads it whole, for
/// the diagnostics), at every piece size; `must` says it may not give up.
fn check_pieces(text: &[u8], what: &str, must: bool) {
    let whole = std::str::from_utf8(text).ok().and_then(|t| compiled(t).ok());
    for size in [1, 7, 4096, text.len().max(1)] {
        match (by_pieces(text, size), &whole) {
            (Some(p), Some(w)) => assert_same(w, &p, &format!("{what}, pieces of {size}")),
            (Some(_), None) => {
                panic!("{what}: pieces of {size} read a bank the whole text refuses")
            }
            (None, Some(_)) => assert!(!must, "{what}: pieces of {size} gave up on a good file"),
            (None, None) => {}
        }
    }
}

// serde_json's tree, which clippy.toml keeps out of the Wasm, to lay the
// files out otherwise (a native test).
#[allow(clippy::disallowed_methods, clippy::disallowed_types)]
#[test]
fn pieces_read_what_the_whole_text_reads() {
    let mut texts = vec![("the fixture".to_string(), fixture())];
    for path in support::all_banks() {
        texts.push((path.display().to_string(), loaded(&path).compile()));
    }
    let article = support::article();
    let large = citequiz::synth::synthetic_bank(&article, "a.json", 300);
    let (large, _) = Bank::load(&large, None, article).expect("the generated bank loads");
    texts.push(("300 generated questions".to_string(), large.compile()));
    for (what, text) in texts {
        check_pieces(text.as_bytes(), &what, true);
        // Laid out otherwise (whitespace, the questions first, escapes).
        let mut v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let pretty = serde_json::to_string_pretty(&v).expect("JSON");
        check_pieces(pretty.as_bytes(), &format!("{what}, pretty"), true);
        let questions = v.as_object_mut().and_then(|o| o.remove("questions")).expect("questions");
        let first = serde_json::json!({ "questions": questions }).to_string();
        let rest = v.to_string();
        let moved = format!("{}, {}", first.strip_suffix('}').unwrap(), &rest[1..]);
        check_pieces(moved.as_bytes(), &format!("{what}, questions first"), false);
    }
}

#[test]
fn pieces_give_up_on_what_the_whole_text_refuses() {
    let good = fixture();
    let cases = [
        good.replacen("\"questions\":[", "\"questions\":[1,", 1),
        good.replacen("\"questions\":[", "\"questions\":[,", 1),
        good.replacen("},{\"id\"", "},,{\"id\"", 1),
        good.replacen("},{\"id\"", "}{\"id\"", 1),
        good.replacen("\"questions\":[", "\"questions\":[]}", 1),
        format!("{good} {{}}"),
        good.trim_end().strip_suffix('}').unwrap().to_string(),
        good.replacen("\"questions\":[", "\"questions\":[],\"questions\":[", 1),
        good.replacen("\"tries\":2", "\"tries\":0", 1),
        good.replacen("\"kind\":\"", "\"kind\":\"x", 1),
        good.replacen("\"questions\":[", "\"x\\\"questions\":[", 1),
    ];
    support::refused_both_ways(
        &good,
        &cases,
        |t| compiled(t).is_ok(),
        |t, size| by_pieces(t, size).is_some(),
    );
}

/// The committed corpus of the `compiled_load` fuzz target (read only):
/// pieces never read a bank the whole text refuses, nor another one.
#[test]
fn pieces_agree_with_the_whole_text_on_the_fuzz_corpus() {
    let dir = support::repo_path("fuzz/corpus/compiled_load");
    let files = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for path in files.filter_map(|e| e.ok().map(|e| e.path())) {
        let bytes = std::fs::read(&path).expect("read");
        check_pieces(&bytes, &path.display().to_string(), false);
    }
}

#[test]
fn every_bank_reads_back_as_it_loads() {
    for path in support::all_banks() {
        let raw = loaded(&path);
        let text = raw.compile();
        let back = compiled(&text).unwrap_or_else(|d| panic!("{}: {d:#?}", path.display()));
        assert_same(&raw, &back, &path.display().to_string());
        // Compiling is deterministic and a fixed point.
        assert_eq!(back.compile(), text, "{}", path.display());
    }
}

#[test]
fn the_compiled_fixture_is_current() {
    expect_test::expect_file!["fixtures/every-kind.compiled.json"].assert_eq(&fixture());
}

#[test]
fn an_approximate_quote_keeps_its_words_and_score() {
    let article = support::article();
    let exact = article.sentences()[3].id.clone();
    let sentence = article.slice(&article.sentence(&exact).unwrap().span);
    // One letter changed: anchors approximately.
    let mut quote: Vec<char> = sentence.chars().collect();
    let i = quote.len() / 2;
    quote[i] = if quote[i] == 'x' { 'y' } else { 'x' };
    let quote: String = quote.into_iter().collect();
    let bank = serde_json::json!({
        "format": "citequiz-bank/1", "id": "approx", "title": "Approx", "article": "a.json",
        "questions": [{"id": "q", "kind": "true_false", "prompt": "P?", "explanation": "E.",
            "answer": true, "cite": [{"exact": quote, "prefix": "xx"}]}]
    })
    .to_string();
    let (raw, warnings) = Bank::load(&bank, None, article).expect("loads");
    assert!(warnings.iter().any(|d| d.code == "cite-approximate"), "{warnings:#?}");
    let c = &raw.questions()[0].citations()[0];
    assert!(!c.exact && c.score < 1.0);
    let text = raw.compile();
    assert!(text.contains("\"score\":"), "{text}");
    let back = compiled(&text).expect("reads back");
    assert_same(&raw, &back, "approximate");
}

#[test]
fn a_compiled_bank_is_smaller_than_bank_and_article_for_a_large_bank() {
    let article = support::article();
    let text = citequiz::synth::synthetic_bank(&article, "a.json", 200);
    let (raw, _) = Bank::load(&text, None, article).expect("the generated bank loads");
    let compiled = raw.compile();
    let both = text.len() + support::ARTICLE.len();
    assert!(compiled.len() < both, "{} compiled against {both}", compiled.len());
}

/// The `(code, path, line, column)` of each diagnostic reading `text`, and
/// that each says what to do.
fn problems(text: &str) -> Vec<(String, String, Option<usize>, Option<usize>)> {
    match compiled(text) {
        Ok(_) => Vec::new(),
        Err(diags) => {
            for d in &diags {
                assert!(
                    d.help.as_deref().is_some_and(|h| h.contains("citequiz compile")),
                    "{d:#?}"
                );
            }
            diags.into_iter().map(|d| (d.code.to_string(), d.path, d.line, d.column)).collect()
        }
    }
}

fn fixture() -> String {
    loaded(&support::every_kind_path()).compile()
}

/// The fixture compiled, then edited as JSON.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&fixture()).expect("JSON");
    edit(&mut v);
    v.to_string()
}

fn codes_and_paths(text: &str) -> Vec<(String, String)> {
    problems(text)
        .into_iter()
        .map(|(c, p, line, _)| {
            assert!(line.is_some(), "{c} {p} has no position");
            (c, p)
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn a_span_outside_the_article_is_an_error() {
    let text = edited(|v| v["questions"][0]["cite"][0]["at"] = serde_json::json!([5, 10_000_000]));
    assert_eq!(codes_and_paths(&text), [pair("out-of-range", "questions[0].cite[0]")]);
    let text = edited(|v| v["questions"][0]["cite"][0]["at"] = serde_json::json!([9, 3]));
    assert_eq!(codes_and_paths(&text), [pair("out-of-range", "questions[0].cite[0]")]);
    let text = edited(|v| v["questions"][0]["cite"][0]["at"] = serde_json::json!([1.5, 3]));
    assert_eq!(codes_and_paths(&text), [pair("json-type", "questions[0].cite[0].at")]);
    let text = edited(|v| v["questions"][0]["cite"][0]["score"] = serde_json::json!(7));
    assert_eq!(codes_and_paths(&text), [pair("out-of-range", "questions[0].cite[0]")]);
}

#[test]
fn a_part_b_quote_outside_the_article_is_an_error() {
    let text = edited(|v| {
        let qs = v["questions"].as_array_mut().unwrap();
        let two = qs.iter_mut().find(|q| q["kind"] == "two_part").unwrap();
        two["part_b"]["options"][1]["quote"]["at"] = serde_json::json!([0, 99_999_999]);
    });
    let got = codes_and_paths(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.ends_with(".part_b.options[1]"), "{got:?}");
}

#[test]
fn sentences_out_of_order_are_an_error() {
    let text = edited(|v| v["sentences"][0][0] = serde_json::json!([50, 2]));
    assert_eq!(codes_and_paths(&text), [pair("out-of-range", "sentences[0][0]")]);
    let text = edited(|v| {
        v["sentences"].as_array_mut().unwrap().pop();
    });
    assert_eq!(codes_and_paths(&text), [pair("out-of-range", "sentences")]);
}

#[test]
fn an_unknown_kind_and_a_broken_body_are_errors() {
    let text = edited(|v| v["questions"][0]["kind"] = "essay".into());
    let got = codes_and_paths(&text);
    assert!(got.contains(&pair("unknown-kind", "questions[0].kind")), "{got:?}");
    let text = edited(|v| {
        let qs = v["questions"].as_array_mut().unwrap();
        let m = qs.iter_mut().find(|q| q["kind"] == "matching").unwrap();
        m["answer"].as_array_mut().unwrap().pop();
    });
    assert!(codes_and_paths(&text).iter().any(|(c, p)| c == "unpaired" && p.ends_with(".answer")));
    let text = edited(|v| {
        let qs = v["questions"].as_array_mut().unwrap();
        let f = qs.iter_mut().find(|q| q["kind"] == "fill_blank").unwrap();
        f["text"] = "no gaps at all".into();
    });
    assert!(codes_and_paths(&text).iter().any(|(c, p)| c == "gap-count" && p.ends_with(".gaps")));
    let text = edited(|v| v["questions"][0]["hash"] = "xyz".into());
    assert_eq!(codes_and_paths(&text), [pair("json-type", "questions[0].hash")]);
    let text = edited(|v| v["questions"][0]["tries"] = 0.into());
    assert_eq!(codes_and_paths(&text), [pair("out-of-range", "questions[0].tries")]);
    let text = edited(|v| v["questions"] = serde_json::json!([]));
    assert_eq!(codes_and_paths(&text), [pair("no-questions", "questions")]);
}

#[test]
fn truncated_json_is_a_syntax_error() {
    let text = fixture();
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 3] {
        let got = codes_and_paths(&text[..text.floor_char_boundary(cut)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "json-syntax");
    }
}

#[test]
fn another_format_says_which_one_this_reads() {
    let text = edited(|v| v["format"] = "citequiz-compiled/2".into());
    let Err(d) = compiled(&text) else { panic!("read a citequiz-compiled/2 file") };
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].code, "unknown-format");
    assert!(d[0].message.contains("\"citequiz-compiled/1\""), "{}", d[0].message);
    assert!(d[0].message.contains("\"citequiz-compiled/2\""), "{}", d[0].message);
    assert!(d[0].line.is_some());
    // A raw bank is named as one, not as a hundred unknown fields.
    let Err(d) = compiled(support::EVERY_KIND) else { panic!("read a raw bank") };
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].help.as_deref().unwrap_or("").contains("with its article"), "{d:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any byte replaced, or the text cut anywhere: an error or a bank,
    /// never a panic; and a bank read from a damaged file still has its
    /// every span inside its article.
    #[test]
    fn damaged_files_never_panic(at in 0usize..100_000, byte in any::<u8>(), cut in any::<bool>()) {
        let text = fixture();
        let at = at % text.len();
        let damaged: Vec<u8> = if cut {
            text.as_bytes()[..at].to_vec()
        } else {
            let mut b = text.into_bytes();
            b[at] = byte;
            b
        };
        check_pieces(&damaged, "damaged", false);
        if let Ok(s) = std::str::from_utf8(&damaged) && let Ok(bank) = compiled(s) {
            let chars = bank.article().text().chars().count();
            for q in bank.questions() {
                for c in q.citations() {
                    prop_assert!(c.span.start <= c.span.end && c.span.end <= chars);
                }
            }
        }
    }

    /// A digit of a span changed: an error or spans inside the article.
    #[test]
    fn changed_numbers_stay_in_range(which in any::<prop::sample::Index>(), digit in 0u8..10) {
        let text = fixture();
        let digits: Vec<usize> =
            text.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit()).map(|(i, _)| i).collect();
        let mut b = text.into_bytes();
        b[*digits.get(which.index(digits.len())).unwrap()] = b'0' + digit;
        if let Ok(bank) = compiled(std::str::from_utf8(&b).unwrap()) {
            let chars = bank.article().text().chars().count();
            for q in bank.questions() {
                for c in q.citations() {
                    prop_assert!(c.span.end <= chars);
                }
            }
        }
    }
}
