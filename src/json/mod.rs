//! JSON in and out of the core: deserializing with a path to the failing
//! value, and turning serde's errors into positioned diagnostics.
//!
//! Natively, `serde_path_to_error` supplies the JSON path of a type error.
//! The Wasm build leaves it out (it was the largest single item of the
//! module) and positions errors by serde_json's line and column alone.

pub(crate) mod locate;

use crate::diag::{Diagnostic, did_you_mean};
use locate::Step;
use serde::Deserialize;

/// A failed deserialization: the path to the value (empty where unknown)
/// and serde_json's error.
pub(crate) struct Failure {
    /// The JSON path, as serde_path_to_error writes it.
    pub path: String,
    /// The error, with serde_json's line and column.
    pub error: serde_json::Error,
}

/// Deserializes `source` (the whole text: trailing characters are an error).
pub(crate) fn deserialize<'de, T: Deserialize<'de>>(source: &'de str) -> Result<T, Failure> {
    let mut de = serde_json::Deserializer::from_str(source);
    #[cfg(not(target_arch = "wasm32"))]
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| Failure { path: e.path().to_string(), error: e.into_inner() })?;
    #[cfg(target_arch = "wasm32")]
    let value = T::deserialize(&mut de).map_err(|error| Failure { path: String::new(), error })?;
    de.end().map_err(|error| Failure { path: String::new(), error })?;
    Ok(value)
}

/// Turns a serde error into a diagnostic: its path under `base`, its
/// position in the whole file, and for an unknown field, "did you mean".
pub(crate) fn diagnostic(source: &str, offset: usize, base: &str, e: &Failure) -> Diagnostic {
    let inner = &e.error;
    let full = inner.to_string();
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m).to_string();
    let sub = e.path.as_str();
    let path = match (base.is_empty(), sub) {
        (_, ".") | (_, "?") | (_, "") => base.to_string(),
        (true, s) => s.to_string(),
        (false, s) => format!("{base}.{s}"),
    };
    let path = path.replace(".[", "[");
    let (code, mut d) = match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => (
            "json-syntax",
            Diagnostic::error("json-syntax", path.clone(), format!("malformed JSON: {message}"))
                .with_help("fix the JSON at the line and column shown"),
        ),
        _ => ("json-type", Diagnostic::error("json-type", path.clone(), message.clone())),
    };
    if let Some((field, expected)) = unknown_field(&message) {
        d.code = "unknown-field";
        // serde_path_to_error's path already ends in the unknown field.
        d.path = if path.is_empty() || path.ends_with(&format!(".{field}")) || path == field {
            path.clone()
        } else {
            format!("{path}.{field}")
        };
        if d.path.is_empty() {
            d.path = field.clone();
        }
        d.message = format!("unknown field `{field}`");
        d.help = Some(match did_you_mean(&field, expected.iter().map(String::as_str)) {
            Some(best) => format!("did you mean `{best}`?"),
            None if expected.is_empty() => "remove it: this object takes no fields".to_string(),
            None => format!("remove it, or use one of: {}", expected.join(", ")),
        });
        // Point at the unknown key itself.
        let sub_src = source.get(offset..).unwrap_or("");
        let at = offset + locate::locate(sub_src, &sub_steps(&d.path, base));
        set_pos(&mut d, source, at);
        return d;
    }
    if code == "json-type" {
        if message.starts_with("missing field") {
            d.code = "missing-field";
            d.help =
                Some("add it; see the format in README.md or the JSON Schema in quiz-data/".into());
        } else if message.starts_with("unknown variant") {
            d.code = "unknown-kind";
        }
    }
    // serde reports where it noticed the problem, which for a value is just
    // after it: the path's own position is better when it can be followed.
    let sub_src = source.get(offset..).unwrap_or("");
    let at = if code == "json-syntax" || d.path.is_empty() || message.starts_with("missing field") {
        offset + locate::byte_offset(sub_src, inner.line(), inner.column())
    } else {
        offset + locate::locate(sub_src, &sub_steps(&d.path, base))
    };
    set_pos(&mut d, source, at);
    d
}

/// The steps of `path` below `base` (the question's own path).
fn sub_steps(path: &str, base: &str) -> Vec<Step> {
    let rest = path.strip_prefix(base).unwrap_or(path).trim_start_matches('.');
    locate::parse_path(rest)
}

pub(crate) fn set_pos(d: &mut Diagnostic, source: &str, at: usize) {
    let (line, col) = locate::line_col(source, at);
    d.line = Some(line);
    d.column = Some(col);
}

/// `unknown field `x`, expected one of `a`, `b`` → ("x", ["a", "b"]).
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).map(str::to_string).collect();
    Some((field.to_string(), expected))
}
