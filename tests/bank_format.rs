//! The bank format has two readers of the same DTOs (`citequiz::bank::raw`):
//! the `json` reader the library uses (`RawBank::from_json`, what
//! `Bank::load` runs) and serde's derives (what the JSON Schema is
//! generated from). They must agree on every bank: the shipped ones, the
//! fixtures and generated ones, with every field present or absent, null,
//! or of the wrong type, for every kind. The reader's field lists
//! (`raw::fields`) must also be the DTOs' own.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use citequiz::bank::raw::{KIND_FIELDS, fields};
use citequiz::bank::{Kind, RawBank, bank_schema};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::{Map, Value, json};

/// Reads `text` both ways; panics with both results when they disagree.
///
/// Two differences are serde's, and allowed: a derived `Deserialize` for a
/// struct also takes an array of its fields in order (`"feedback": []`),
/// which the format and its JSON Schema do not allow, and the reader
/// refuses; and serde refuses a whole number written with a fraction
/// (`"tries": 2.0`) where the schema's `"type": "integer"` (JSON Schema
/// counts 2.0 as an integer) and the reader take it.
fn agree(text: &str) -> Option<RawBank> {
    let ours = RawBank::from_json(text);
    let serde = serde_json::from_str::<RawBank>(text);
    match (ours, serde) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "the reader and serde read different banks from\n{text}");
            Some(a)
        }
        (Err(_), Err(_)) => None,
        (Err(d), Ok(_)) if d.iter().all(|d| d.message == "expected an object, found an array") => {
            None
        }
        (Ok(a), Err(e))
            if e.to_string().starts_with("invalid type: floating point `")
                && e.to_string().contains("expected u32") =>
        {
            Some(a)
        }
        (ours, serde) => panic!(
            "the reader and serde disagree on\n{text}\nreader: {:?}\nserde: {:?}",
            ours.map(|_| "ok").map_err(|d| d.iter().map(|d| d.render(None)).collect::<String>()),
            serde.map(|_| "ok").map_err(|e| e.to_string()),
        ),
    }
}

/// The `.json` files in `dir`, as (path, text).
fn json_files(dir: &str) -> Vec<(String, String)> {
    support::json_files(dir)
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

fn is_bank(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .is_ok_and(|v| v.get("format") == Some(&json!("citequiz-bank/1")))
}

#[test]
fn the_reader_and_serde_read_every_shipped_bank_and_fixture_alike() {
    let mut banks: Vec<(String, String)> = json_files("quiz-data/banks");
    assert!(banks.len() >= 2, "no shipped banks found");
    let shipped = banks.len();
    banks.extend(json_files("tests/fixtures").into_iter().filter(|(_, text)| is_bank(text)));
    assert!(banks.len() > shipped, "no bank among tests/fixtures");
    for (path, text) in banks {
        let bank = agree(&text);
        assert!(bank.is_some(), "{path} does not read");
    }
}

/// The field names of each object in the DTOs' JSON Schema (`$defs`, and
/// the root for `RawBank`), sorted.
fn schema_fields() -> Vec<(String, Vec<String>)> {
    let schema: Value = serde_json::from_str(&bank_schema()).unwrap();
    let names = |o: &Value| {
        let mut v: Vec<String> =
            o["properties"].as_object().unwrap().keys().map(String::clone).collect();
        v.sort();
        v
    };
    let mut out = vec![("RawBank".to_string(), names(&schema))];
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("properties").is_some() {
            out.push((name.clone(), names(def)));
        }
    }
    out.sort();
    out
}

#[test]
fn the_reader_knows_the_fields_of_every_dto_and_no_others() {
    let mut ours: Vec<(String, Vec<String>)> = fields::ALL
        .iter()
        .map(|(name, list)| {
            let mut v: Vec<String> = list.iter().map(|f| f.to_string()).collect();
            v.sort();
            (name.to_string(), v)
        })
        .collect();
    ours.sort();
    assert_eq!(ours, schema_fields(), "raw::fields and the DTOs (their JSON Schema) differ");
}

#[test]
fn every_kind_field_belongs_to_a_kind_and_says_when_present() {
    for (name, has) in &KIND_FIELDS {
        assert!(
            Kind::ALL.iter().any(|k| {
                let (required, optional) = k.fields();
                required.contains(name) || optional.contains(name)
            }),
            "`{name}` belongs to no kind"
        );
        // A question with only this kind field set says so, and with
        // none set says nothing.
        let mut q = json!({"id": "q", "kind": "evidence", "prompt": "P", "explanation": "E",
            "cite": []});
        let bare: citequiz::bank::RawQuestion = serde_json::from_value(q.clone()).unwrap();
        assert!(!has(&bare), "`{name}` is present in a question without it");
        q[*name] = sample(name);
        let with: citequiz::bank::RawQuestion = serde_json::from_value(q).unwrap();
        for (other, has_other) in &KIND_FIELDS {
            assert_eq!(has_other(&with), other == name, "`{other}` in a question with `{name}`");
        }
    }
    for k in Kind::ALL {
        let (required, optional) = k.fields();
        for f in required.iter().chain(optional) {
            assert!(KIND_FIELDS.iter().any(|(name, _)| name == f), "{f} of {}", k.name());
        }
    }
}

/// A well-typed value of a question field, by its name.
fn sample(field: &str) -> Value {
    let item = json!({"id": "a", "text": "A"});
    let choice = json!({"id": "a", "text": "A", "feedback": "F"});
    match field {
        "options" => json!([choice]),
        "answer" => json!("a"),
        "answers" => json!(["a"]),
        "feedback" => json!({"true": "T", "false": "F"}),
        "text" | "unit" => json!("x {}"),
        "gaps" => json!([{"accept": ["x"]}]),
        "tolerance" => json!(0.5),
        "items" | "left" | "right" => json!([item]),
        "pairs" => json!([{"left": "a", "right": "a"}]),
        "part_a" => json!({"prompt": "A?", "options": [choice], "answer": "a"}),
        "part_b" => json!({"prompt": "B?", "options": [{"id": "q", "quote": {"exact": "x"}}],
            "answer": "q"}),
        other => panic!("no sample for `{other}`"),
    }
}

// Generated banks. Numbers are small integers and eighths, which every
// JSON number reader reads exactly: this compares the readers' fields,
// not their float parsing.

fn text() -> impl Strategy<Value = Value> {
    "\\PC{0,6}".prop_map(Value::String)
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u32..200).prop_map(|n| json!(n)),
        (-16i32..800).prop_map(|n| json!(n as f64 / 8.0)),
    ]
}

fn whole() -> impl Strategy<Value = Value> {
    (0u32..5).prop_map(|n| json!(n))
}

fn boolean() -> impl Strategy<Value = Value> {
    any::<bool>().prop_map(Value::Bool)
}

/// Any JSON value, for a field of the wrong type.
fn anything() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        boolean(),
        number(),
        Just(json!(1.5)),
        Just(json!(-1)),
        Just(json!(4_294_967_296u64)),
        text(),
        Just(json!([])),
        Just(json!(["a"])),
        Just(json!({})),
        Just(json!({"id": "a"})),
    ]
}

fn list(each: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    prop::collection::vec(each, 0..3).prop_map(Value::Array)
}

/// An object from (name, value) pairs, leaving out the `None`s.
fn object(members: Vec<(&str, Option<Value>)>) -> Value {
    let mut o = Map::new();
    for (k, v) in members {
        if let Some(v) = v {
            o.insert(k.to_string(), v);
        }
    }
    Value::Object(o)
}

fn maybe(s: impl Strategy<Value = Value>) -> impl Strategy<Value = Option<Value>> {
    prop::option::of(s)
}

fn selector() -> impl Strategy<Value = Value> {
    (text(), maybe(text()), maybe(text()))
        .prop_map(|(e, p, s)| object(vec![("exact", Some(e)), ("prefix", p), ("suffix", s)]))
}

fn choice() -> impl Strategy<Value = Value> {
    (text(), text(), maybe(text()))
        .prop_map(|(i, t, f)| object(vec![("id", Some(i)), ("text", Some(t)), ("feedback", f)]))
}

fn item() -> impl Strategy<Value = Value> {
    (text(), text()).prop_map(|(i, t)| json!({"id": i, "text": t}))
}

fn hint() -> impl Strategy<Value = Value> {
    (text(), maybe(number())).prop_map(|(t, p)| object(vec![("text", Some(t)), ("penalty", p)]))
}

fn kind() -> impl Strategy<Value = Value> {
    prop_oneof![
        9 => prop::sample::select(Kind::ALL.to_vec()).prop_map(|k| json!(k.name())),
        1 => Just(json!("essay")),
    ]
}

fn part(options: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    (text(), list(options), text())
        .prop_map(|(p, o, a)| json!({"prompt": p, "options": o, "answer": a}))
}

fn quote_option() -> impl Strategy<Value = Value> {
    (text(), selector(), maybe(text()))
        .prop_map(|(i, q, f)| object(vec![("id", Some(i)), ("quote", Some(q)), ("feedback", f)]))
}

/// Every field of a question with a value of its type, by name.
fn question_fields() -> impl Strategy<Value = Vec<(&'static str, Value)>> {
    let common = (
        text(),
        kind(),
        text(),
        text(),
        list(selector()),
        number(),
        list(text()),
        list(hint()),
        whole(),
    );
    let own = (
        list(choice()),
        prop_oneof![boolean(), number(), text()],
        list(text()),
        (maybe(text()), maybe(text())).prop_map(|(t, f)| object(vec![("true", t), ("false", f)])),
        text(),
        list(list(text()).prop_map(|a| json!({"accept": a}))),
        number(),
        text(),
        list(item()),
        list(item()),
        list(item()),
        list((text(), text()).prop_map(|(l, r)| json!({"left": l, "right": r}))),
    );
    let parts = (part(choice()), part(quote_option()));
    (common, own, parts).prop_map(
        |(
            (id, kind, prompt, explanation, cite, points, tags, hints, tries),
            (
                options,
                answer,
                answers,
                feedback,
                text,
                gaps,
                tolerance,
                unit,
                items,
                left,
                right,
                pairs,
            ),
            (part_a, part_b),
        )| {
            vec![
                ("id", id),
                ("kind", kind),
                ("prompt", prompt),
                ("explanation", explanation),
                ("cite", cite),
                ("points", points),
                ("tags", tags),
                ("hints", hints),
                ("tries", tries),
                ("options", options),
                ("answer", answer),
                ("answers", answers),
                ("feedback", feedback),
                ("text", text),
                ("gaps", gaps),
                ("tolerance", tolerance),
                ("unit", unit),
                ("items", items),
                ("left", left),
                ("right", right),
                ("pairs", pairs),
                ("part_a", part_a),
                ("part_b", part_b),
            ]
        },
    )
}

/// Whether to leave each field out: a third of the optional fields, and
/// a required one rarely, so that most generated banks read and some lack
/// a required field.
fn drops(n: usize) -> impl Strategy<Value = Vec<(bool, bool)>> {
    prop::collection::vec((prop::bool::weighted(1.0 / 3.0), prop::bool::weighted(0.1)), n)
}

/// The object of `fields` without those `drops` leaves out.
fn apply(fields: Vec<(&str, Value)>, drops: Vec<(bool, bool)>, required: &[&str]) -> Value {
    let mut o = Map::new();
    for ((name, value), (drop, even_required)) in fields.into_iter().zip(drops) {
        if !(drop && (even_required || !required.contains(&name))) {
            o.insert(name.to_string(), value);
        }
    }
    Value::Object(o)
}

fn question() -> impl Strategy<Value = Value> {
    (question_fields(), drops(23))
        .prop_map(|(f, e)| apply(f, e, &["id", "kind", "prompt", "explanation", "cite"]))
}

fn bank() -> impl Strategy<Value = Value> {
    let head = (
        text(),
        prop_oneof![Just(json!("citequiz-bank/1")), text()],
        text(),
        text(),
        text(),
        text(),
        text(),
        number(),
        whole(),
        number(),
        boolean(),
        boolean(),
    );
    (head, prop::collection::vec(question(), 0..4), drops(13)).prop_map(
        |(
            (
                schema,
                format,
                id,
                title,
                description,
                article,
                language,
                pass,
                tries,
                penalty,
                sq,
                so,
            ),
            questions,
            edits,
        )| {
            let fields = vec![
                ("$schema", schema),
                ("format", format),
                ("id", id),
                ("title", title),
                ("description", description),
                ("article", article),
                ("language", language),
                ("pass_percent", pass),
                ("tries", tries),
                ("try_penalty", penalty),
                ("shuffle_questions", sq),
                ("shuffle_options", so),
                ("questions", Value::Array(questions)),
            ];
            apply(fields, edits, &["format", "id", "title", "article", "questions"])
        },
    )
}

/// A bank with, half the time, one field (of the bank or of a question)
/// set to a value of any type, or null.
fn bank_maybe_retyped() -> impl Strategy<Value = Value> {
    let names: Vec<&str> = fields::QUESTION.iter().chain(fields::BANK).copied().collect();
    let edit = (any::<prop::sample::Index>(), prop::sample::select(names), anything());
    (bank(), prop::option::of(edit)).prop_map(|(mut bank, edit)| {
        let Some((at, field, value)) = edit else { return bank };
        let questions = bank["questions"].as_array().map_or(0, Vec::len);
        if fields::BANK.contains(&field) || questions == 0 {
            bank[field] = value;
        } else {
            bank["questions"][at.index(questions)][field] = value;
        }
        bank
    })
}

proptest! {
    // No regressions file: a failure prints the bank it failed on.
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_and_serde_agree_on_generated_banks(bank in bank_maybe_retyped()) {
        if let Some(read) = agree(&serde_json::to_string_pretty(&bank).unwrap()) {
            prop_assert_eq!(read.questions.len(), bank["questions"].as_array().map_or(0, Vec::len));
        }
    }
}

/// Most generated banks read (so the comparison above compares values, not
/// only refusals), and some are refused.
#[test]
fn generated_banks_mostly_read() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = bank_maybe_retyped();
    let (mut read, mut refused) = (0, 0);
    for _ in 0..200 {
        let bank = strategy.new_tree(&mut runner).unwrap().current();
        match agree(&bank.to_string()) {
            Some(_) => read += 1,
            None => refused += 1,
        }
    }
    assert!(read > 60 && refused > 20, "{read} read, {refused} refused");
}

/// Edits to a shipped bank, each of which the readers must both refuse or
/// both read alike: every field of every question left out, null, or of
/// another type.
#[test]
fn the_reader_and_serde_agree_on_every_field_of_a_shipped_bank_edited() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/every-kind.json"
    ))
    .unwrap();
    let bank: Value = serde_json::from_str(&text).unwrap();
    let replacements = [
        Value::Null,
        json!(true),
        json!(2),
        json!(2.0),
        json!(0.5),
        json!("x"),
        json!([]),
        json!({}),
    ];
    let mut tried = 0;
    for (i, q) in bank["questions"].as_array().unwrap().iter().enumerate() {
        for key in q.as_object().unwrap().keys() {
            let mut dropped = bank.clone();
            dropped["questions"][i].as_object_mut().unwrap().remove(key);
            agree(&dropped.to_string());
            for r in &replacements {
                let mut edited = bank.clone();
                edited["questions"][i][key] = r.clone();
                agree(&edited.to_string());
                tried += 1;
            }
        }
    }
    for key in bank.as_object().unwrap().keys() {
        for r in &replacements {
            let mut edited = bank.clone();
            edited[key] = r.clone();
            agree(&edited.to_string());
            tried += 1;
        }
    }
    assert!(tried > 100, "{tried}");
}
