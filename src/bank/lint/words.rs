//! Words for the item-writing checks: folded text, content-word stems and
//! the numbers a text states.
//!
//! Folding is the fill-in grader's (`grade::fold`: case, punctuation,
//! spacing, hyphens and dashes as spaces), so that "contains the answer"
//! means what the grader would accept. Stems are deliberately crude (a few
//! English suffixes, Russian case endings): the checks compare a key with
//! its own distractors and prompt, where a light stemmer errs the same way
//! on both sides.

use crate::grade::fold;

/// Russian endings, longest first, stripped once from words of five
/// letters or more.
const ENDINGS_RU: &[&str] = &[
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ая", "яя", "ое", "ее", "ые", "ие",
    "ый", "ий", "ой", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ую", "юю", "а", "я", "о",
    "е", "ы", "и", "у", "ю", "ь", "й",
];

/// The folded words of `text`, in order.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The stems of `text`'s content words, sorted and without repeats.
pub(super) fn stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> =
        folded_words(text).iter().filter(|w| is_content(w)).map(|w| stem(w)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a folded word carries content: not a function word, and either
/// three letters or more or a number.
fn is_content(w: &str) -> bool {
    let has_digit = w.chars().any(|c| c.is_ascii_digit());
    (has_digit || w.chars().count() >= 3) && !crate::text::stop::is_stop_word(w)
}

/// A light stem: Russian endings for Cyrillic words, a few English
/// suffixes otherwise ("rules", "ruled", "ruling" and "rule" all give
/// "rul"), never shorter than three letters.
fn stem(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if chars.iter().any(|c| ('\u{400}'..='\u{4FF}').contains(c)) {
        if n >= 5 {
            for e in ENDINGS_RU {
                if let Some(s) = w.strip_suffix(e) {
                    return s.to_string();
                }
            }
        }
        return w.to_string();
    }
    for suffix in ["ings", "ing", "ies", "ied", "es", "ed", "ly", "s", "e"] {
        if let Some(s) = w.strip_suffix(suffix) {
            // "-ss" is not a plural ("process"), and a stem keeps three letters.
            if s.chars().count() >= 3 && !(suffix == "s" && s.ends_with('s')) {
                return s.to_string();
            }
        }
    }
    w.to_string()
}

/// Whether the folded `phrase` occurs in the folded `text` as whole words.
pub(super) fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    // Folded text has single spaces between words: a whole-word match is
    // one with a space or an end on either side.
    text.match_indices(phrase).any(|(at, _)| {
        let end = at + phrase.len();
        let before = text.get(..at).is_some_and(|b| b.is_empty() || b.ends_with(' '));
        let after = text.get(end..).is_some_and(|a| a.is_empty() || a.starts_with(' '));
        before && after
    })
}

/// The numbers written in digits in `text`: "1,000" is a thousand, "2.5"
/// and "2,5" are two and a half. Words ("ten") are left out: "one" and
/// "two" stand in too many sentences for nothing.
pub(super) fn numbers(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut decimal = false;
        while let Some(&c) = chars.get(i) {
            if c.is_ascii_digit() {
                digits.push(c);
                i += 1;
                continue;
            }
            let after = chars.get(i + 1..).unwrap_or_default();
            let next_digits = after.iter().take_while(|d| d.is_ascii_digit()).count();
            if next_digits == 0 || decimal {
                break;
            }
            if c == ',' && next_digits == 3 {
                // A thousands separator: the same number goes on.
                i += 1;
            } else if c == '.' || c == ',' {
                digits.push('.');
                decimal = true;
                i += 1;
            } else {
                break;
            }
        }
        // A minus sign counts only before a number standing alone ("-5",
        // not the hyphen of "mid-30s").
        let sign = start.checked_sub(1).and_then(|j| chars.get(j));
        let before_sign = start.checked_sub(2).and_then(|j| chars.get(j));
        let negative = matches!(sign, Some('-' | '\u{2212}'))
            && !before_sign.is_some_and(|c| c.is_alphanumeric());
        if let Ok(x) = digits.parse::<f64>() {
            out.push(if negative { -x } else { x });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_function_words_and_suffixes() {
        assert_eq!(stems("He ruled it out; the rules, ruling"), ["rul"]);
        assert_eq!(stems("processes, process"), ["process"]);
        assert_eq!(stems("Russia's 20 percent"), ["20", "percent", "russia"]);
        assert_eq!(stems("Все перечисленное в статье"), ["перечисленн"]);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("less than 20 percent", "20 percent"));
        assert!(!contains_phrase("less than 120 percent", "20 percent"));
        assert!(!contains_phrase("anything", ""));
        assert!(contains_phrase("20 percent", "20 percent"));
        assert!(contains_phrase("x 120 percent and 20 percent", "20 percent"));
        assert!(!contains_phrase("20 percents", "20 percent"));
    }

    #[test]
    fn numbers_read_separators_and_decimals() {
        assert_eq!(
            numbers("from 10 percent in 2013 to 1,000.5 and 2,5; p3.s2"),
            [10.0, 2013.0, 1000.5, 2.5, 3.0, 2.0]
        );
        assert_eq!(numbers("a -5 and mid-30s"), [-5.0, 30.0]);
    }
}
