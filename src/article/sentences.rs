//! Sentence splitting for one paragraph, tuned for edited English prose.
//!
//! A sentence ends after a run of `.`, `!`, `?` or `…`, plus any closing
//! quotes and brackets after it, when whitespace follows and the next word
//! starts like a sentence (an upper-case letter or a digit, possibly after an
//! opening quote or bracket), or when the paragraph ends. A single `.` does
//! not end a sentence after:
//!
//! - a title or Latin abbreviation (`Mr.`, `Dr.`, `St.`, `e.g.`, `i.e.`, …);
//! - an initialism (`U.S.`, `U.K.`, `E.U.`): "U.S. President Barack Obama"
//!   is one sentence, at the cost of not splitting a sentence that ends in
//!   "U.S." before a capital — rarer in news prose;
//! - a single capital initial (`J. Smith`).
//!
//! `etc.` is deliberately not in the list: it often ends a sentence, and the
//! capital-letter rule already keeps "etc. and" together. An ellipsis (`...`
//! or `....`) followed by a capital does end a sentence, also inside a
//! quotation: "anything.... We have not" is two sentences, which keeps
//! sentence ids fine-grained for citations.
//!
//! Invariant: sentences are non-empty, in order, disjoint, and neither start
//! nor end with whitespace.

/// Abbreviations (without their final dot, compared case-sensitively) after
/// which a `.` never ends a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col",
    "Capt", "Sgt", "Rev", "Hon", "Mt", "Ft", "vs", "e.g", "i.e", "cf", "al", "approx", "No", "Nos",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// The sentence ranges of `text`, as char offsets `start..end` into it.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let Some(c) = at(i) else { break };
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        let mut end = i;
        while at(end).is_some_and(is_terminal) {
            end += 1;
        }
        let run = end - i;
        while at(end).is_some_and(is_closer) {
            end += 1;
        }
        let boundary = match at(end) {
            None => true,
            Some(w) if w.is_whitespace() => {
                starts_sentence(&chars, end)
                    && !(run == 1 && c == '.' && is_abbreviation(&chars, i))
            }
            Some(_) => false,
        };
        if boundary {
            push_trimmed(&chars, start, end, &mut out);
            start = end;
        }
        i = end.max(i + 1);
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{2039}')
}

/// Whether the text after the whitespace at `from` starts like a sentence.
fn starts_sentence(chars: &[char], from: usize) -> bool {
    chars
        .get(from..)
        .unwrap_or_default()
        .iter()
        .copied()
        .skip_while(|c| c.is_whitespace())
        .find(|c| !is_opener(*c))
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Whether the `.` at `dot` closes an abbreviation, an initialism or an
/// initial rather than a sentence.
fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let word_start = chars
        .get(..dot)
        .unwrap_or_default()
        .iter()
        .rposition(|c| c.is_whitespace() || is_opener(*c))
        .map_or(0, |p| p + 1);
    let word: String = chars.get(word_start..dot).unwrap_or_default().iter().collect();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return true;
    }
    let mut letters = word.split('.');
    let single_letters = letters.all(|l| {
        let mut it = l.chars();
        it.next().is_some_and(char::is_alphabetic) && it.next().is_none()
    });
    // "U.S" (an initialism before its last dot) or "J" (an initial).
    single_letters && (word.contains('.') || word.chars().all(char::is_uppercase))
}

/// Pushes `start..end` without its surrounding whitespace, if anything is left.
fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    while end > start && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    if start < end {
        out.push((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = split(text)
            .into_iter()
            .map(|(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn initialisms_do_not_end_sentences() {
        check(
            "At a meeting of the Valdai Discussion Club several weeks before the U.S. presidential election, Russian President Vladimir Putin made an interesting comment.",
            &[
                "At a meeting of the Valdai Discussion Club several weeks before the U.S. presidential election, Russian President Vladimir Putin made an interesting comment.",
            ],
        );
        check(
            "U.S. attitudes toward the emerging entente between Moscow and Beijing are mixed. Under U.S. President Barack Obama, many senior officials believed it.",
            &[
                "U.S. attitudes toward the emerging entente between Moscow and Beijing are mixed.",
                "Under U.S. President Barack Obama, many senior officials believed it.",
            ],
        );
        check(
            "Ties with the U.K. and E.U. Members differ.",
            &["Ties with the U.K. and E.U. Members differ."],
        );
    }

    #[test]
    fn quotations_and_ellipses() {
        check(
            "Putin replied, \"It is possible to imagine anything.... We have not set that goal for ourselves. But, in principle, we are not going to rule it out, either.\"",
            &[
                "Putin replied, \"It is possible to imagine anything....",
                "We have not set that goal for ourselves.",
                "But, in principle, we are not going to rule it out, either.\"",
            ],
        );
        check(
            "He paused... and went on. \"Why?\" she asked.",
            &["He paused... and went on.", "\"Why?\" she asked."],
        );
        check("Wait\u{2026} Then go!", &["Wait\u{2026}", "Then go!"]);
    }

    #[test]
    fn brackets_and_closing_quotes() {
        check(
            "as illustrated by the trade war (despite the latter being seen with the Chinese economy). The Kremlin no doubt recalls it.",
            &[
                "as illustrated by the trade war (despite the latter being seen with the Chinese economy).",
                "The Kremlin no doubt recalls it.",
            ],
        );
        check("(This is aside.) Then more.", &["(This is aside.)", "Then more."]);
        check(
            "what's to stop it doing the same in 2036? Nothing.",
            &["what's to stop it doing the same in 2036?", "Nothing."],
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        check(
            "Mr. Smith met Dr. Jones on St. Mark's day.",
            &["Mr. Smith met Dr. Jones on St. Mark's day."],
        );
        check(
            "Some, e.g. Ericsson, agree; i.e. Nokia too.",
            &["Some, e.g. Ericsson, agree; i.e. Nokia too."],
        );
        check("Written by J. Smith and A. B. Jones.", &["Written by J. Smith and A. B. Jones."]);
        check("Bring pens, paper, etc. Then sit.", &["Bring pens, paper, etc.", "Then sit."]);
        check("Bring pens, etc. and sit.", &["Bring pens, etc. and sit."]);
        check("The rate is 3.5 percent. It rose.", &["The rate is 3.5 percent.", "It rose."]);
    }

    #[test]
    fn whitespace_and_unterminated_text() {
        check("  One.   Two  ", &["One.", "Two"]);
        check("", &[]);
        check("   ", &[]);
        check("...", &["..."]);
        check("no end here", &["no end here"]);
    }
}
