//! Arranging kinds: ordering and matching.

use super::{Grade, ResponseError, known_id, mark, no_duplicates};
use crate::bank::raw::{Item, Pair};

pub(super) fn ordering(items: &[Item], order: &[String]) -> Result<Grade, ResponseError> {
    let ids = || items.iter().map(|i| i.id.as_str());
    for id in order {
        known_id("item", id, ids())?;
    }
    no_duplicates("item", order)?;
    // Checked after the ids so that a typo is reported as such rather than
    // as a short list.
    if order.len() != items.len() {
        return Err(ResponseError::WrongCount {
            what: "items",
            expected: items.len(),
            found: order.len(),
        });
    }
    let marks: Vec<_> = order
        .iter()
        .zip(items)
        .map(|(given, right)| mark(given.clone(), *given == right.id))
        .collect();
    let fraction = if items.is_empty() {
        0.0
    } else {
        marks.iter().filter(|m| m.correct).count() as f64 / items.len() as f64
    };
    Ok(Grade::new(fraction, marks))
}

pub(super) fn matching(
    left: &[Item],
    right: &[Item],
    answer: &[String],
    pairs: &[Pair],
) -> Result<Grade, ResponseError> {
    for p in pairs {
        known_id("left item", &p.left, left.iter().map(|i| i.id.as_str()))?;
        known_id("right item", &p.right, right.iter().map(|i| i.id.as_str()))?;
    }
    // A right item may serve several left items (the bank allows it), so
    // only left ids must be unique.
    no_duplicates("left item", pairs.iter().map(|p| &p.left))?;
    let marks: Vec<_> = pairs
        .iter()
        .map(|p| {
            let expected = left.iter().zip(answer).find(|(l, _)| l.id == p.left).map(|(_, r)| r);
            mark(p.left.clone(), expected == Some(&p.right))
        })
        .collect();
    let fraction = if left.is_empty() {
        0.0
    } else {
        marks.iter().filter(|m| m.correct).count() as f64 / left.len() as f64
    };
    Ok(Grade::new(fraction, marks))
}
