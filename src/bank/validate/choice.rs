//! Checking the choice-like kinds: single_choice, multiple_choice,
//! true_false, evidence (a choice of the article's sentences) and two_part.

use super::{
    Body, Citation, Code, Diagnostic, check_list, check_ref, choice_ids, non_empty, resolve,
    wrong_answer_type,
};
use crate::article::Article;
use crate::bank::raw::{Answer, RawQuestion};
use crate::text::cat;

pub(super) fn single(q: &mut RawQuestion, p: &str, diags: &mut Vec<Diagnostic>) -> Option<Body> {
    let options = q.options.as_ref()?;
    let ids = choice_ids(options, &cat(&[p, ".options"]), diags);
    let Some(Answer::Id(answer)) = &q.answer else {
        wrong_answer_type(q, p, "an option id (a string)", diags);
        return None;
    };
    check_ref(answer, &ids, || format!("{p}.answer"), "option", diags);
    Some(Body::SingleChoice { answer: answer.clone(), options: q.options.take()? })
}

pub(super) fn multiple(q: &mut RawQuestion, p: &str, diags: &mut Vec<Diagnostic>) -> Option<Body> {
    let options = q.options.as_ref()?;
    let answers = q.answers.as_ref()?;
    let ids = choice_ids(options, &cat(&[p, ".options"]), diags);
    if answers.is_empty() {
        diags.push(
            Diagnostic::error(Code::TOO_FEW, format!("{p}.answers"), "`answers` is empty")
                .with_help("list the id of every right option"),
        );
    }
    for (j, a) in answers.iter().enumerate() {
        check_ref(a, &ids, || format!("{p}.answers[{j}]"), "option", diags);
        if answers.iter().take(j).any(|b| b == a) {
            diags.push(
                Diagnostic::error(
                    Code::DUPLICATE_ID,
                    format!("{p}.answers[{j}]"),
                    format!("\"{a}\" is listed twice"),
                )
                .with_help("list each right option once"),
            );
        }
    }
    Some(Body::MultipleChoice { options: q.options.take()?, answers: q.answers.take()? })
}

pub(super) fn true_false(
    q: &mut RawQuestion,
    p: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    let Some(Answer::Bool(answer)) = q.answer else {
        wrong_answer_type(q, p, "true or false", diags);
        return None;
    };
    Some(Body::TrueFalse { answer, feedback: q.feedback.take().unwrap_or_default() })
}

/// The right sentences are those the citations cover.
pub(super) fn evidence(
    p: &str,
    cites: &[Citation],
    article: &Article,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    let mut target: Vec<String> = Vec::new();
    for s in article.sentences() {
        if cites.iter().any(|c| c.sentences.contains(&s.id)) {
            target.push(s.id.clone());
        }
    }
    if target.is_empty() && !cites.is_empty() {
        diags.push(
            Diagnostic::error(
                Code::NO_TARGET,
                format!("{p}.cite"),
                "the citations cover no sentence",
            )
            .with_help("cite the sentences the learner should select"),
        );
    }
    Some(Body::Evidence { target: target.into() })
}

pub(super) fn two_part(
    q: &mut RawQuestion,
    p: &str,
    article: &Article,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    let (a, b) = (q.part_a.as_ref()?, q.part_b.as_ref()?);
    non_empty(&a.prompt, || format!("{p}.part_a.prompt"), "Part A's prompt", diags);
    non_empty(&b.prompt, || format!("{p}.part_b.prompt"), "Part B's prompt", diags);
    let aids = choice_ids(&a.options, &cat(&[p, ".part_a.options"]), diags);
    check_ref(&a.answer, &aids, || format!("{p}.part_a.answer"), "Part A option", diags);
    let bids =
        check_list(&b.options, &cat(&[p, ".part_b.options"]), 2, |o| (o.id.as_str(), None), diags);
    check_ref(&b.answer, &bids, || format!("{p}.part_b.answer"), "Part B option", diags);
    let quotes: Vec<Citation> = b
        .options
        .iter()
        .enumerate()
        .filter_map(|(j, o)| {
            resolve(article, &o.quote, &|| format!("{p}.part_b.options[{j}].quote"), diags)
        })
        .collect();
    Some(Body::TwoPart {
        part_a: q.part_a.take()?,
        part_b: q.part_b.take()?,
        quotes: quotes.into(),
    })
}
