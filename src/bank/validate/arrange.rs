//! Checking the arranging kinds: ordering and matching.

use super::{Body, Code, Diagnostic, check_ref, item_ids};
use crate::bank::raw::RawQuestion;
use crate::text::cat;

pub(super) fn ordering(q: &mut RawQuestion, p: &str, diags: &mut Vec<Diagnostic>) -> Option<Body> {
    let items = q.items.as_ref()?;
    item_ids(items, &cat(&[p, ".items"]), 2, diags);
    Some(Body::Ordering { items: q.items.take()? })
}

pub(super) fn matching(q: &mut RawQuestion, p: &str, diags: &mut Vec<Diagnostic>) -> Option<Body> {
    let (left, right, pairs) = (q.left.as_ref()?, q.right.as_ref()?, q.pairs.as_ref()?);
    let lids = item_ids(left, &cat(&[p, ".left"]), 2, diags);
    let rids = item_ids(right, &cat(&[p, ".right"]), 2, diags);
    let mut answer: Vec<Option<String>> = vec![None; left.len()];
    for (j, pair) in pairs.iter().enumerate() {
        let here = || format!("{p}.pairs[{j}]");
        check_ref(&pair.left, &lids, || format!("{}.left", here()), "left item", diags);
        check_ref(&pair.right, &rids, || format!("{}.right", here()), "right item", diags);
        if let Some(slot) =
            lids.iter().position(|l| *l == pair.left).and_then(|k| answer.get_mut(k))
        {
            if slot.is_some() {
                diags.push(
                    Diagnostic::error(
                        Code::DUPLICATE_PAIR,
                        format!("{}.left", here()),
                        format!("\"{}\" is paired twice", pair.left),
                    )
                    .with_help("pair each left item exactly once"),
                );
            }
            *slot = Some(pair.right.clone());
        }
    }
    for (k, slot) in answer.iter().enumerate() {
        if slot.is_none() {
            let id = lids.get(k).copied().unwrap_or("");
            diags.push(
                Diagnostic::error(
                    Code::UNPAIRED,
                    format!("{p}.pairs"),
                    format!("the left item \"{id}\" has no pair"),
                )
                .with_help(format!("add {{\"left\": \"{id}\", \"right\": …}} to `pairs`")),
            );
        }
    }
    let answer = answer.into_iter().map(Option::unwrap_or_default).collect();
    Some(Body::Matching { left: q.left.take()?, right: q.right.take()?, answer })
}
