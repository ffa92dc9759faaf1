//! Checking the typed-in kinds: fill_blank and numeric.

use super::{Body, Code, Diagnostic, non_empty, range_error, wrong_answer_type};
use crate::bank::raw::{Answer, RawQuestion};

pub(super) fn fill_blank(
    q: &mut RawQuestion,
    p: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    let text = q.text.as_ref()?;
    let gaps = q.gaps.as_ref()?;
    let segments: Vec<String> = text.split("{}").map(str::to_string).collect();
    let holes = segments.len() - 1;
    if holes == 0 {
        diags.push(
            Diagnostic::error(Code::NO_GAPS, format!("{p}.text"), "the text has no gap")
                .with_help("write {} where each gap goes"),
        );
    } else if holes != gaps.len() {
        diags.push(
            Diagnostic::error(
                Code::GAP_COUNT,
                format!("{p}.gaps"),
                format!("the text has {holes} gap(s) but `gaps` has {} entries", gaps.len()),
            )
            .with_help("give one entry in `gaps` for each {} in `text`, in order"),
        );
    }
    for (j, g) in gaps.iter().enumerate() {
        if g.accept.is_empty() {
            diags.push(
                Diagnostic::error(
                    Code::TOO_FEW,
                    format!("{p}.gaps[{j}].accept"),
                    "the gap accepts nothing",
                )
                .with_help("list every answer to accept"),
            );
        }
        for (k, a) in g.accept.iter().enumerate() {
            non_empty(a, || format!("{p}.gaps[{j}].accept[{k}]"), "the accepted answer", diags);
        }
    }
    Some(Body::FillBlank { segments, gaps: q.gaps.take()? })
}

pub(super) fn numeric(q: &mut RawQuestion, p: &str, diags: &mut Vec<Diagnostic>) -> Option<Body> {
    let Some(Answer::Number(answer)) = q.answer else {
        wrong_answer_type(q, p, "a number", diags);
        return None;
    };
    let tolerance = q.tolerance.unwrap_or(0.0);
    if !answer.is_finite() {
        diags.push(range_error(&format!("{p}.answer"), answer, "a finite number"));
    }
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        diags.push(range_error(&format!("{p}.tolerance"), tolerance, "0 or more"));
    }
    Some(Body::Numeric { answer, tolerance, unit: q.unit.take() })
}
