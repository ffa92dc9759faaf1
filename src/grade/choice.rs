//! Choice-like kinds: single_choice, multiple_choice, true_false, evidence
//! (a multiple choice over sentences) and two_part.

use super::{Grade, Mark, ResponseError, mark, no_duplicates};
use crate::bank::raw::{ChoiceOption, PartA, PartB, TrueFalseFeedback};

pub(super) fn single(
    options: &[ChoiceOption],
    answer: &str,
    choice: &str,
) -> Result<Grade, ResponseError> {
    let picked = find_option(options, choice)?;
    let right = choice == answer;
    let marks =
        vec![Mark { key: choice.to_string(), correct: right, feedback: picked.feedback.clone() }];
    Ok(Grade::new(if right { 1.0 } else { 0.0 }, marks))
}

pub(super) fn multiple(
    options: &[ChoiceOption],
    answers: &[String],
    choices: &[String],
) -> Result<Grade, ResponseError> {
    no_duplicates("option", choices)?;
    // Bank lists are short: a Vec, not a HashSet's kilobytes of Wasm.
    let right = distinct(answers);
    let mut marks = Vec::with_capacity(choices.len());
    for c in choices {
        let picked = find_option(options, c)?;
        marks.push(Mark {
            key: c.clone(),
            correct: right.contains(&c.as_str()),
            feedback: picked.feedback.clone(),
        });
    }
    Ok(Grade::new(net_credit(&marks, right.len()), marks))
}

pub(super) fn true_false(answer: bool, feedback: &TrueFalseFeedback, value: bool) -> Grade {
    let text = if value { &feedback.on_true } else { &feedback.on_false };
    let right = value == answer;
    let marks = vec![Mark { key: value.to_string(), correct: right, feedback: text.clone() }];
    Grade::new(if right { 1.0 } else { 0.0 }, marks)
}

pub(super) fn evidence(target: &[String], sentences: &[String]) -> Result<Grade, ResponseError> {
    for s in sentences {
        if !is_sentence_id(s) {
            return Err(ResponseError::BadSentenceId { id: s.clone() });
        }
    }
    no_duplicates("sentence", sentences)?;
    let right = distinct(target);
    let marks: Vec<Mark> =
        sentences.iter().map(|s| mark(s.clone(), right.contains(&s.as_str()))).collect();
    let fraction = if right.is_empty() {
        // A checked bank never has an empty target; if one slips through,
        // selecting nothing is the only right answer.
        if marks.is_empty() { 1.0 } else { 0.0 }
    } else {
        net_credit(&marks, right.len())
    };
    Ok(Grade::new(fraction, marks))
}

pub(super) fn two_part(
    part_a: &PartA,
    part_b: &PartB,
    a: &str,
    b: &str,
) -> Result<Grade, ResponseError> {
    let picked_a = find_option(&part_a.options, a)?;
    let picked_b =
        part_b.options.iter().find(|o| o.id == b).ok_or_else(|| ResponseError::UnknownId {
            what: "Part B option",
            id: b.to_string(),
            expected: part_b.options.iter().map(|o| o.id.clone()).collect(),
        })?;
    let a_right = a == part_a.answer;
    let b_right = b == part_b.answer;
    let fraction = match (a_right, b_right) {
        (false, _) => 0.0,
        (true, true) => 1.0,
        (true, false) => 0.5,
    };
    let marks = vec![
        Mark { key: "a".into(), correct: a_right, feedback: picked_a.feedback.clone() },
        Mark { key: "b".into(), correct: b_right, feedback: picked_b.feedback.clone() },
    ];
    Ok(Grade::new(fraction, marks))
}

/// (right picks − wrong picks) / right, floored at 0: the H5P convention
/// shared by multiple_choice and evidence.
fn net_credit(marks: &[Mark], right: usize) -> f64 {
    if right == 0 {
        return 0.0;
    }
    let hits = marks.iter().filter(|m| m.correct).count();
    let misses = marks.len() - hits;
    (hits as f64 - misses as f64).max(0.0) / right as f64
}

fn find_option<'a>(
    options: &'a [ChoiceOption],
    id: &str,
) -> Result<&'a ChoiceOption, ResponseError> {
    options.iter().find(|o| o.id == id).ok_or_else(|| ResponseError::UnknownId {
        what: "option",
        id: id.to_string(),
        expected: options.iter().map(|o| o.id.clone()).collect(),
    })
}

/// Whether `id` is shaped `p<n>.s<m>` with n, m positive decimal numbers.
pub(super) fn is_sentence_id(id: &str) -> bool {
    fn positive(n: &str) -> bool {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && n.bytes().any(|b| b != b'0')
    }
    id.strip_prefix('p')
        .and_then(|rest| rest.split_once(".s"))
        .is_some_and(|(p, s)| positive(p) && positive(s))
}

/// The distinct ids, in order.
fn distinct(ids: &[String]) -> Vec<&str> {
    let mut set: Vec<&str> = Vec::with_capacity(ids.len());
    for id in ids {
        if !set.contains(&id.as_str()) {
            set.push(id);
        }
    }
    set
}
