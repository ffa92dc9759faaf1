//! The bank format's JSON Schema, generated from the DTOs in `raw`.
//!
//! schemars describes the flat question object; the rules that depend on
//! `kind` (which fields it needs, which it must not have) come from
//! `Kind::fields`, the same table validation uses, as `if`/`then` clauses.

use super::raw::{KIND_FIELDS, Kind, RawBank};
use serde_json::{Value, json};

/// The schema as pretty-printed JSON, with a trailing newline.
pub fn bank_schema() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(RawBank)).unwrap_or(Value::Null);
    schema["$id"] = json!("https://citequiz.example/schema/citequiz-bank-1.schema.json");
    schema["title"] = json!("citequiz bank (citequiz-bank/1)");
    let rules: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| {
            let (required, optional) = k.fields();
            let foreign: serde_json::Map<String, Value> = KIND_FIELDS
                .iter()
                .map(|(f, _)| f)
                .filter(|f| !required.contains(f) && !optional.contains(f))
                .map(|f| (f.to_string(), json!(false)))
                .collect();
            json!({
                "if": {"properties": {"kind": {"const": k.name()}}, "required": ["kind"]},
                "then": {"required": required, "properties": foreign}
            })
        })
        .collect();
    if let Some(q) = schema.pointer_mut("/$defs/RawQuestion") {
        q["allOf"] = Value::Array(rules);
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
