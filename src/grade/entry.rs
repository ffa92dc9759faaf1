//! Typed-in kinds: fill_blank and numeric.

use super::{Grade, ResponseError, fold, mark};
use crate::bank::raw::Gap;

pub(super) fn fill_blank(gaps: &[Gap], given: &[String]) -> Result<Grade, ResponseError> {
    if given.len() != gaps.len() {
        return Err(ResponseError::WrongCount {
            what: "gaps",
            expected: gaps.len(),
            found: given.len(),
        });
    }
    let marks: Vec<_> = gaps
        .iter()
        .zip(given)
        .enumerate()
        .map(|(i, (gap, typed))| {
            let typed = fold(typed);
            // An empty answer never matches, even an accepted answer that
            // folds to nothing (say, "—"): a blank gap is not an answer.
            let right = !typed.is_empty() && gap.accept.iter().any(|a| fold(a) == typed);
            mark(i.to_string(), right)
        })
        .collect();
    let fraction = if gaps.is_empty() {
        0.0
    } else {
        marks.iter().filter(|m| m.correct).count() as f64 / gaps.len() as f64
    };
    Ok(Grade::new(fraction, marks))
}

pub(super) fn numeric(answer: f64, tolerance: f64, value: f64) -> Result<Grade, ResponseError> {
    if !value.is_finite() {
        return Err(ResponseError::NotFinite);
    }
    // A checked bank has a finite, non-negative tolerance; anything else
    // counts as 0 so that a bad one cannot accept every number.
    let tolerance = if tolerance.is_finite() { tolerance.max(0.0) } else { 0.0 };
    let epsilon = 1e-9 * answer.abs().max(1.0);
    let right = (value - answer).abs() <= tolerance + epsilon;
    Ok(Grade::new(if right { 1.0 } else { 0.0 }, vec![mark("value", right)]))
}
