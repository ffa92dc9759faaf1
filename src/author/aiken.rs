//! Moodle's Aiken format: one-answer multiple choice, as Moodle's importer
//! (`qformat_aiken`) reads it.
//!
//! ```text
//! Where did Putin speak of an alliance with China?
//! A. At the Valdai Discussion Club
//! B) In Beijing
//! ANSWER: A
//! ```
//!
//! The question's text runs up to its first option (several lines are
//! joined); an option is a capital letter, `.` or `)`, then a space; the
//! question ends at `ANSWER:` and the right option's letter. Each becomes
//! a `single_choice` whose options' ids are the letters, lowercased.
//!
//! Invariant: pure, as `gift`: text and a file name in, questions and
//! `Diagnostic`s out.

use crate::author::convert::{self, Origin, PLACEHOLDER_EXPLANATION};
use crate::bank::raw::{Answer, ChoiceOption, DEFAULT_POINTS, Kind, RawQuestion};
use crate::diag::{Code, Diagnostic};

/// Reads the Aiken text `source` (named `file` in messages) into
/// `single_choice` questions `q1`, `q2`…. A question without options or
/// `ANSWER:`, an answer letter no option has, a repeated letter: an error
/// with line:column (a caller writes nothing then). Aiken has no feedback,
/// so every explanation is a placeholder (one warning says so).
///
/// # Example
/// ```
/// use citequiz::author::aiken;
/// let (qs, diags) = aiken::parse("Who spoke at Valdai?\nA. Putin\nB. Macron\nANSWER: A\n", "q.txt");
/// assert!(diags.iter().all(|d| !d.is_error()));
/// assert_eq!(qs[0].options.as_ref().map(Vec::len), Some(2));
/// ```
pub fn parse(source: &str, file: &str) -> (Vec<RawQuestion>, Vec<Diagnostic>) {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut diags = Vec::new();
    let mut out: Vec<(RawQuestion, Origin)> = Vec::new();
    let mut cur: Option<Draft> = None;
    let origin = |line: usize, text: &str| Origin {
        file: file.to_string(),
        line,
        column: 1,
        who: convert::who("", text),
    };
    for (n, line) in source.lines().enumerate() {
        let line_no = n + 1;
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let col = indent + 1;
        if let Some(letter) = option_letter(t) {
            let text = t.get(2..).unwrap_or_default().trim().to_string();
            // (The letter and its mark are ASCII: byte 2 is a char boundary.)
            match cur.as_mut() {
                None => diags.push(origin(line_no, t).diag(
                    true,
                    Code::AIKEN_SYNTAX,
                    (line_no, col),
                    format!("the option {letter} comes before any question text"),
                    "write the question on the line(s) before its options",
                )),
                Some(d) if d.options.iter().any(|o| o.0 == letter) => {
                    diags.push(d.origin.diag(
                        true,
                        Code::AIKEN_SYNTAX,
                        (line_no, col),
                        format!("a second option {letter}"),
                        "give each option its own letter, A, B, C… in order",
                    ));
                    d.failed = true;
                }
                Some(d) => d.options.push((letter, text, line_no)),
            }
        } else if let Some(rest) = answer_line(t) {
            let Some(d) = cur.take() else {
                diags.push(origin(line_no, t).diag(
                    true,
                    Code::AIKEN_SYNTAX,
                    (line_no, col),
                    "`ANSWER:` without a question before it",
                    "write the question and its options A., B.… before `ANSWER:`",
                ));
                continue;
            };
            if d.failed {
                continue;
            }
            let letter = rest.trim().chars().next().map(|c| c.to_ascii_uppercase());
            let at = (line_no, col + 7);
            if d.options.len() < 2 {
                diags.push(d.origin.diag(
                    true,
                    Code::AIKEN_SYNTAX,
                    (line_no, col),
                    format!("the question has {} option(s) before `ANSWER:`", d.options.len()),
                    "give at least two options, each on its own line as `A. text` or `A) text`",
                ));
                continue;
            }
            let Some(key) = letter.filter(|l| d.options.iter().any(|o| o.0 == *l)) else {
                let letters: Vec<String> = d.options.iter().map(|o| o.0.to_string()).collect();
                diags.push(d.origin.diag(
                    true,
                    Code::AIKEN_SYNTAX,
                    at,
                    format!(
                        "`ANSWER: {}` names no option of this question (it has {})",
                        rest.trim(),
                        letters.join(", ")
                    ),
                    "write the right option's letter after `ANSWER:`",
                ));
                continue;
            };
            out.push((d.finish(key), d.origin));
        } else {
            match cur.as_mut() {
                Some(d) if d.options.is_empty() => {
                    d.text.push(' ');
                    d.text.push_str(t);
                }
                Some(d) => {
                    // Read as the next question, so that one missing
                    // `ANSWER:` is one error.
                    if !d.failed {
                        diags.push(d.origin.diag(
                            true,
                            Code::AIKEN_SYNTAX,
                            (line_no, col),
                            "a new question starts here, but the one above has no `ANSWER:` line",
                            "end each question with `ANSWER: X` (X its right letter); an option is `A. text` or `A) text`",
                        ));
                    }
                    cur = Some(Draft {
                        text: t.to_string(),
                        options: Vec::new(),
                        failed: false,
                        origin: Origin { column: col, ..origin(line_no, t) },
                    });
                }
                None => {
                    cur = Some(Draft {
                        text: t.to_string(),
                        options: Vec::new(),
                        failed: false,
                        origin: Origin { column: col, ..origin(line_no, t) },
                    });
                }
            }
        }
    }
    if let Some(d) = cur.filter(|d| !d.failed) {
        diags.push(d.origin.diag(
            true,
            Code::AIKEN_SYNTAX,
            (d.origin.line, d.origin.column),
            "the question has no `ANSWER:` line",
            "end each question with `ANSWER: X`, X its right option's letter",
        ));
    }
    if let Some((_, first)) = out.first() {
        diags.push(first.warn(
            Code::PLACEHOLDER_EXPLANATION,
            format!(
                "Aiken has no feedback: the explanation of each of the {} question(s) is a placeholder",
                out.len()
            ),
            "replace each `explanation` in the bank with why the answer is right",
        ));
    }
    convert::unique_ids(&mut out, &mut diags);
    (out.into_iter().map(|(q, _)| q).collect(), diags)
}

/// A question being read: its text, its options (letter, text, line).
struct Draft {
    text: String,
    options: Vec<(char, String, usize)>,
    /// An error was reported: the question is dropped at its `ANSWER:`.
    failed: bool,
    origin: Origin,
}

impl Draft {
    fn finish(&self, key: char) -> RawQuestion {
        let id = |c: char| c.to_ascii_lowercase().to_string();
        RawQuestion {
            kind: Kind::SingleChoice,
            prompt: self.text.clone(),
            explanation: PLACEHOLDER_EXPLANATION.to_string(),
            points: DEFAULT_POINTS,
            options: Some(
                self.options
                    .iter()
                    .map(|(l, t, _)| ChoiceOption { id: id(*l), text: t.clone(), feedback: None })
                    .collect(),
            ),
            answer: Some(Answer::Id(id(key))),
            ..RawQuestion::default()
        }
    }
}

/// `A. text`, `B) text` or `C)text` (Moodle takes `)` without a space; a
/// `.` needs one, so that a question starting "U.S. policy" stays text).
fn option_letter(t: &str) -> Option<char> {
    let mut cs = t.chars();
    let letter = cs.next().filter(char::is_ascii_uppercase)?;
    let mark = cs.next().filter(|c| *c == '.' || *c == ')')?;
    let next = cs.next();
    (mark == ')' || next.is_some_and(|c| c == ' ' || c == '\t')).then_some(letter)
}

/// `ANSWER: B` (Moodle's spelling; any case): what follows the colon.
/// The rest of an `ANSWER:` line (any case), `t` trimmed; `None` for any
/// other line.
pub(crate) fn answer_line(t: &str) -> Option<&str> {
    let head = t.get(..7)?;
    head.eq_ignore_ascii_case("ANSWER:").then(|| t.get(7..).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<String> {
        let (_, diags) = parse(src, "t.txt");
        diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn reads_questions_with_both_option_marks_and_multi_line_text() {
        let (qs, diags) = parse(
            "Which hardware has Russia sold\nto China lately?\nA) Su-35 fighters\nB. 5G networks\nANSWER: a\n\nSecond?\nA. x\nB. y\nANSWER: B",
            "t.txt",
        );
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:#?}");
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].prompt, "Which hardware has Russia sold to China lately?");
        assert_eq!(qs[0].answer, Some(Answer::Id("a".into())));
        assert_eq!(qs[1].answer, Some(Answer::Id("b".into())));
        assert_eq!((qs[0].id.as_str(), qs[1].id.as_str()), ("q1", "q2"));
        // `B)text` is an option, `U.S. policy…` is text.
        let (qs, _) = parse("U.S. policy?\nA)Obama\nB) Trump\nANSWER: B", "t.txt");
        assert_eq!(qs[0].prompt, "U.S. policy?");
        assert_eq!(qs[0].options.as_ref().map(|o| o[0].text.as_str()), Some("Obama"));
    }

    #[test]
    fn every_mistake_is_an_error_with_its_line() {
        assert_eq!(
            errors("Q?\nA. x\nB. y\nANSWER: C\n"),
            ["t.txt:4:8: `ANSWER: C` names no option of this question (it has A, B)"]
        );
        assert_eq!(errors("Q?\nA. x\nB. y\n"), ["t.txt:1:1: the question has no `ANSWER:` line"]);
        assert_eq!(
            errors("Q?\nA. x\nANSWER: A\n"),
            ["t.txt:3:1: the question has 1 option(s) before `ANSWER:`"]
        );
        assert_eq!(errors("A. x\n"), ["t.txt:1:1: the option A comes before any question text"]);
        assert_eq!(
            errors("Q?\nA. x\nB. y\nNext question?\nA. x\nB. y\nANSWER: B"),
            ["t.txt:4:1: a new question starts here, but the one above has no `ANSWER:` line"]
        );
        assert_eq!(errors("Q?\nA. x\nA. y\nANSWER: A"), ["t.txt:3:1: a second option A"]);
        assert_eq!(errors("ANSWER: A"), ["t.txt:1:1: `ANSWER:` without a question before it"]);
    }
}
