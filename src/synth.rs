//! Synthetic banks of any size over a real article, for benchmarks and
//! scaling tests. Deterministic: the same article and size give the same
//! bank. Every question cites a real sentence of the article exactly.

use crate::article::Article;
use serde_json::{Value, json};

const TAGS: [&str; 4] = ["main-idea", "supporting-detail", "inference", "vocabulary"];

/// Which kinds of question a synthetic bank holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kinds {
    /// Every kind, in turn.
    All,
    /// Single and multiple choice, alternating: the kinds every quiz tool
    /// has, so that a browser benchmark can give its peers the same
    /// questions (same prompts, same options).
    ChoiceOnly,
}

/// A bank of `n` questions over `article` (named by `article_path`), cycling
/// through every kind and every sentence of the article.
pub fn synthetic_bank(article: &Article, article_path: &str, n: usize) -> String {
    synthetic_bank_of(article, article_path, n, Kinds::All)
}

/// A bank of `n` questions over `article` (named by `article_path`) holding
/// `kinds`. Question `i` has the same id, prompt, citation and (for the
/// choice kinds) options whatever `kinds` is.
pub fn synthetic_bank_of(article: &Article, article_path: &str, n: usize, kinds: Kinds) -> String {
    let sentences: Vec<String> =
        article.sentences().iter().map(|s| article.slice(&s.span)).collect();
    let questions: Vec<Value> = (0..n)
        .map(|i| {
            let quote = sentences.get(i % sentences.len().max(1)).cloned().unwrap_or_default();
            let other = sentences.get((i + 7) % sentences.len().max(1)).cloned().unwrap_or_default();
            let mut q = json!({
                "id": format!("q{i:05}"),
                "prompt": format!("Question {} about: {}", i + 1, words(&quote, 6)),
                "explanation": format!("The article says so: {}", words(&quote, 12)),
                "cite": [{"exact": quote}],
                "tags": [TAGS.get(i % TAGS.len()).copied().unwrap_or("main-idea")],
            });
            let slot = match kinds {
                Kinds::All => i % 9,
                Kinds::ChoiceOnly => i % 2,
            };
            let kind = match slot {
                0 => json!({"kind": "single_choice", "answer": "a", "options": options(&quote, &other)}),
                1 => json!({"kind": "multiple_choice", "answers": ["a", "c"], "options": options(&quote, &other)}),
                2 => json!({"kind": "true_false", "answer": i % 2 == 0}),
                3 => json!({"kind": "fill_blank", "text": "The first word is {} and the second {}.",
                            "gaps": [{"accept": [words(&quote, 1)]}, {"accept": ["two", "2"]}]}),
                4 => json!({"kind": "numeric", "answer": i as f64, "tolerance": 0.5, "unit": "percent"}),
                5 => json!({"kind": "ordering", "items": items(&quote)}),
                6 => json!({"kind": "matching", "left": items(&quote), "right": items(&other),
                            "pairs": [{"left": "i0", "right": "i1"}, {"left": "i1", "right": "i0"}, {"left": "i2", "right": "i2"}]}),
                7 => json!({"kind": "evidence"}),
                _ => json!({"kind": "two_part",
                            "part_a": {"prompt": "Part A?", "options": options(&quote, &other), "answer": "b"},
                            "part_b": {"prompt": "Which quote supports it?", "answer": "a",
                                       "options": [{"id": "a", "quote": {"exact": quote}}, {"id": "b", "quote": {"exact": other}}]}}),
            };
            if let (Some(q), Some(k)) = (q.as_object_mut(), kind.as_object()) {
                q.extend(k.clone());
            }
            q
        })
        .collect();
    let bank = json!({
        "format": "citequiz-bank/1",
        "id": format!("synthetic-{n}"),
        "title": format!("Synthetic bank of {n} questions"),
        "article": article_path,
        "shuffle_questions": false,
        "questions": questions,
    });
    serde_json::to_string_pretty(&bank).unwrap_or_default()
}

fn words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

fn options(a: &str, b: &str) -> Value {
    json!([
        {"id": "a", "text": words(a, 5)},
        {"id": "b", "text": words(b, 5), "feedback": "Not quite."},
        {"id": "c", "text": words(a, 8)},
        {"id": "d", "text": words(b, 8)},
    ])
}

fn items(s: &str) -> Value {
    let w: Vec<&str> = s.split_whitespace().collect();
    json!((0..3).map(|k| json!({"id": format!("i{k}"), "text": format!("{} ({k})", w.get(k).copied().unwrap_or("item"))})).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Bank, Normalizer};

    const ARTICLE: &str =
        include_str!("../quiz-data/articles/gabuev-2020-putin-china-alliance.json");

    /// Generates a bank of `n` questions holding `kinds`, loads it, and
    /// compares the kinds of its questions, in order, with `expected`.
    fn check(n: usize, kinds: Kinds, expected: &[&str]) {
        let article = Article::parse(ARTICLE, Normalizer::default()).unwrap();
        let json = synthetic_bank_of(&article, "article.json", n, kinds);
        let (bank, warnings) = Bank::load(&json, None, article).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let got: Vec<&str> = bank.questions().iter().map(|q| q.kind().name()).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn choice_only_alternates_single_and_multiple() {
        check(
            4,
            Kinds::ChoiceOnly,
            &["single_choice", "multiple_choice", "single_choice", "multiple_choice"],
        );
    }

    #[test]
    fn all_cycles_through_every_kind() {
        check(
            10,
            Kinds::All,
            &[
                "single_choice",
                "multiple_choice",
                "true_false",
                "fill_blank",
                "numeric",
                "ordering",
                "matching",
                "evidence",
                "two_part",
                "single_choice",
            ],
        );
    }
}
