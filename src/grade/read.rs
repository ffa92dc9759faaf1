//! Reading a learner's [`Response`] from JSON: `Quiz.answer`, saved
//! progress and the view's drafts all come through here.
//!
//! The JSON is flat, `{"kind": "single_choice", "choice": "b"}`: every field
//! a response of any kind may have is read and type-checked, unknown fields
//! are errors, then the kind says which field it needs. Reading goes through
//! `json::read`, not serde, so that no serde `Deserialize` is instantiated
//! in the Wasm.

use super::Response;
use crate::bank::Kind;
use crate::bank::raw::Answer;
use crate::bank::read::{answer, kind, pair};
use crate::diag::{Code, Diagnostic};
use crate::json::read::{Path, Reader, document, str_item};
use crate::json::value::Value;

/// Every field of any kind of response.
const FIELDS: &[&str] =
    &["kind", "choice", "choices", "value", "gaps", "order", "pairs", "sentences", "a", "b"];

impl Response {
    /// Reads a response from its JSON, e.g. `{"kind": "true_false", "value": true}`.
    ///
    /// # Errors
    /// Malformed JSON, a field of the wrong type, an unknown field, or the
    /// field the kind needs is missing; each with its path and line:column.
    ///
    /// # Example
    /// ```
    /// use citequiz::grade::Response;
    /// let r = Response::from_json(r#"{"kind": "single_choice", "choice": "b"}"#);
    /// assert_eq!(r, Ok(Response::SingleChoice { choice: "b".into() }));
    /// ```
    pub fn from_json(json: &str) -> Result<Response, Vec<Diagnostic>> {
        document(json, |r, v| response(r, v, Path::Root, v.at))
    }
}

/// A response at `path`; None (with diagnostics) when it is malformed.
pub(crate) fn response(r: &mut Reader, v: &Value, path: Path, at: usize) -> Option<Response> {
    let before = r.errors;
    let o = r.obj(v, path, at, FIELDS)?;
    let kind = o.with(r, "kind", kind);
    let choice = o.opt_str(r, "choice");
    let choices = o.opt_arr(r, "choices", str_item);
    let value = o.opt_with(r, "value", answer);
    let gaps = o.opt_arr(r, "gaps", str_item);
    let order = o.opt_arr(r, "order", str_item);
    let pairs = o.opt_arr(r, "pairs", pair);
    let sentences = o.opt_arr(r, "sentences", str_item);
    let a = o.opt_str(r, "a");
    let b = o.opt_str(r, "b");
    if r.errors != before {
        return None;
    }
    let kind = kind?;
    let built = match kind {
        Kind::SingleChoice => choice.map(|choice| Response::SingleChoice { choice }),
        Kind::MultipleChoice => choices.map(|choices| Response::MultipleChoice { choices }),
        Kind::TrueFalse => match value {
            Some(Answer::Bool(value)) => Some(Response::TrueFalse { value }),
            _ => None,
        },
        Kind::Numeric => match value {
            Some(Answer::Number(value)) => Some(Response::Numeric { value }),
            _ => None,
        },
        Kind::FillBlank => gaps.map(|gaps| Response::FillBlank { gaps }),
        Kind::Ordering => order.map(|order| Response::Ordering { order }),
        Kind::Matching => pairs.map(|pairs| Response::Matching { pairs }),
        Kind::Evidence => sentences.map(|sentences| Response::Evidence { sentences }),
        Kind::TwoPart => match (a, b) {
            (Some(a), Some(b)) => Some(Response::TwoPart { a, b }),
            (None, _) => return needs(r, &o.path, at, kind, "a", ""),
            (_, None) => return needs(r, &o.path, at, kind, "b", ""),
        },
    };
    if built.is_none() {
        let (field, what) = match kind {
            Kind::SingleChoice => ("choice", ""),
            Kind::MultipleChoice => ("choices", ""),
            Kind::TrueFalse => ("value", " (true or false)"),
            Kind::Numeric => ("value", " (a number)"),
            Kind::FillBlank => ("gaps", ""),
            Kind::Ordering => ("order", ""),
            Kind::Matching => ("pairs", ""),
            Kind::Evidence => ("sentences", ""),
            Kind::TwoPart => ("a", ""),
        };
        return needs(r, &o.path, at, kind, field, what);
    }
    built
}

/// "a single_choice response needs `choice`", at the response.
fn needs(
    r: &mut Reader,
    path: &Path,
    at: usize,
    kind: Kind,
    field: &str,
    what: &str,
) -> Option<Response> {
    let mut m = String::from("a ");
    m.push_str(kind.name());
    m.push_str(" response needs `");
    m.push_str(field);
    m.push('`');
    m.push_str(what);
    r.error(Code::RESPONSE_FIELD, path, at, m);
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, expected: Result<Response, &str>) {
        let got = Response::from_json(json).map_err(|d| {
            d.iter()
                .map(|d| {
                    format!(
                        "{}:{}: {}: {}",
                        d.line.unwrap_or(0),
                        d.column.unwrap_or(0),
                        d.path,
                        d.message
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
        assert_eq!(got, expected.map_err(str::to_string), "{json}");
    }

    #[test]
    fn responses_read_by_kind() {
        check(
            r#"{"kind":"two_part","a":"a1","b":"b2"}"#,
            Ok(Response::TwoPart { a: "a1".into(), b: "b2".into() }),
        );
        check(r#"{"kind":"true_false","value":false}"#, Ok(Response::TrueFalse { value: false }));
        check(r#"{"kind":"numeric","value":-2.5}"#, Ok(Response::Numeric { value: -2.5 }));
        check(
            r#"{"kind":"matching","pairs":[{"left":"l1","right":"r1"}]}"#,
            Ok(Response::Matching {
                pairs: vec![crate::bank::raw::Pair { left: "l1".into(), right: "r1".into() }],
            }),
        );
        check(
            r#"{"kind":"fill_blank","gaps":["x", "y"], "choice": "ignored"}"#,
            Ok(Response::FillBlank { gaps: vec!["x".into(), "y".into()] }),
        );
    }

    #[test]
    fn malformed_responses_say_what_and_where() {
        check(r#"{"kind":"single_choice"}"#, Err("1:1: : a single_choice response needs `choice`"));
        check(
            r#"{"kind":"true_false","value":"yes"}"#,
            Err("1:1: : a true_false response needs `value` (true or false)"),
        );
        check(r#"{"kind":"two_part","a":"x"}"#, Err("1:1: : a two_part response needs `b`"));
        check(r#"{"choice":"b"}"#, Err("1:14: : missing field `kind`"));
        check(
            r#"{"kind":"single","choice":"b"}"#,
            Err(
                "1:2: kind: unknown variant `single`, expected one of `single_choice`, `multiple_choice`, `true_false`, `fill_blank`, `numeric`, `ordering`, `matching`, `evidence`, `two_part`",
            ),
        );
        check(
            r#"{"kind":"ordering","order":["a",1]}"#,
            Err("1:33: order[1]: expected a string, found a number"),
        );
        check(
            r#"{"kind":"evidence","sentence":[]}"#,
            Err("1:20: sentence: unknown field `sentence`"),
        );
        check(
            r#"{"kind":"evidence","sentences":[]"#,
            Err("1:34: : malformed JSON: EOF while parsing an object"),
        );
        check(r#"[]"#, Err("1:1: : expected an object, found an array"));
    }
}
