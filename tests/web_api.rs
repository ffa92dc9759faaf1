//! The headless JS API (`Quiz`), run under Node by wasm-bindgen-test: the
//! real banks load through the JS-backed normalizer, answers grade,
//! snapshots restore, and bad input throws an Error listing diagnostics.
#![cfg(target_arch = "wasm32")]

mod support;

use citequiz::web::Quiz;
use support::{ARTICLE, EVERY_KIND, EVERY_KIND_COMPILED, FULL, QUICK_CHECK as BANK};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn quiz(bank: &str) -> Quiz {
    Quiz::new(&bank.into(), &ARTICLE.into(), 7.0, 0.0).expect("the bank loads")
}

/// The right response to question `id` of a bank, from its JSON.
fn right_answer(bank: &str, id: &str) -> JsValue {
    let bank: serde_json::Value = serde_json::from_str(bank).expect("bank JSON");
    let q = bank["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|q| q["id"] == id)
        .expect("question");
    let r = match q["kind"].as_str().unwrap_or("") {
        "single_choice" => serde_json::json!({"kind": "single_choice", "choice": q["answer"]}),
        "multiple_choice" => {
            serde_json::json!({"kind": "multiple_choice", "choices": q["answers"]})
        }
        "true_false" => serde_json::json!({"kind": "true_false", "value": q["answer"]}),
        "two_part" => {
            serde_json::json!({"kind": "two_part", "a": q["part_a"]["answer"], "b": q["part_b"]["answer"]})
        }
        "matching" => serde_json::json!({"kind": "matching", "pairs": q["pairs"]}),
        "ordering" => serde_json::json!({"kind": "ordering",
            "order": q["items"].as_array().into_iter().flatten().map(|i| i["id"].clone()).collect::<Vec<_>>()}),
        "numeric" => serde_json::json!({"kind": "numeric", "value": q["answer"]}),
        "fill_blank" => serde_json::json!({"kind": "fill_blank",
            "gaps": q["gaps"].as_array().into_iter().flatten().map(|g| g["accept"][0].clone()).collect::<Vec<_>>()}),
        other => panic!("no right answer built for {other}"),
    };
    js_sys::JSON::parse(&r.to_string()).expect("JSON")
}

#[wasm_bindgen_test]
fn the_quick_check_loads_and_shows_questions_without_answers() {
    let q = quiz(BANK);
    assert_eq!(q.length(), 10);
    assert_eq!(q.bank_id(), "gabuev-2020-quick-check");
    let first = q.question(0).expect("question");
    assert!(get(&first, "prompt").as_string().is_some_and(|p| !p.is_empty()));
    let text = js_sys::JSON::stringify(&first).map(String::from).unwrap_or_default();
    assert!(!text.contains("\"answer"), "the shown question gives the answer away: {text}");
}

#[wasm_bindgen_test]
fn right_answers_score_full_marks_and_the_result_says_so() {
    let mut q = quiz(BANK);
    for pos in 0..q.length() {
        let shown = q.question(pos).expect("question");
        let id = get(&shown, "id").as_string().expect("id");
        if get(&shown, "kind").as_string().as_deref() == Some("evidence") {
            continue;
        }
        let feedback = q.answer(&id, right_answer(BANK, &id), 1000.0).expect("answer");
        assert_eq!(get(&feedback, "verdict").as_string().as_deref(), Some("correct"), "{id}");
        // Once done, the explanation and the citations (with UTF-16 spans) come back.
        let cites = js_sys::Array::from(&get(&feedback, "citations"));
        assert!(cites.length() > 0, "{id}");
        assert!(get(&get(&cites.get(0), "span"), "startUtf16").as_f64().is_some(), "{id}");
    }
    let result = q.finish(5000.0).expect("result");
    assert_eq!(get(&result, "passed").as_bool(), Some(true));
    assert!(get(&result, "percent").as_f64().unwrap_or(0.0) >= 80.0);
}

#[wasm_bindgen_test]
fn a_wrong_answer_grades_wrong_and_snapshots_restore() {
    let mut q = quiz(FULL);
    let shown = q.question(0).expect("question");
    let id = get(&shown, "id").as_string().expect("id");
    let wrong = js_sys::JSON::parse(r#"{"kind": "true_false", "value": true}"#).expect("json");
    // Whatever the kind, a response of another kind is an error, not a crash.
    if get(&shown, "kind").as_string().as_deref() != Some("true_false") {
        let err = q.answer(&id, wrong, 0.0).expect_err("kind mismatch");
        assert!(String::from(js_sys::Error::from(err).message()).contains(&id));
    }
    q.next();
    let snap = q.snapshot();
    let restored = Quiz::restore(&FULL.into(), &ARTICLE.into(), &snap).expect("restores");
    assert!(get(&restored, "quiz").is_object());
    let report = get(&restored, "report");
    assert_eq!(js_sys::Array::from(&get(&report, "dropped")).length(), 0);
    assert_eq!(js_sys::Array::from(&get(&report, "kept")).length(), 53);
    // A snapshot for another bank is refused with a reason.
    let Err(other) = Quiz::restore(&BANK.into(), &ARTICLE.into(), &snap) else {
        panic!("a snapshot for another bank was restored")
    };
    assert!(String::from(js_sys::Error::from(other).message()).contains("saved progress"));
}

#[wasm_bindgen_test]
fn a_bad_bank_throws_an_error_listing_its_diagnostics() {
    let bad = BANK.replacen("\"single_choice\"", "\"single_chioce\"", 1);
    let err = Quiz::new(&bad.as_str().into(), &ARTICLE.into(), 1.0, 0.0).err().expect("fails");
    let message = String::from(js_sys::Error::from(err.clone()).message());
    assert!(message.contains("unknown variant `single_chioce`"), "{message}");
    let diags = js_sys::Array::from(&get(&err, "diagnostics"));
    assert!(diags.length() >= 1);
    assert!(get(&diags.get(0), "line").as_f64().is_some());
}

#[wasm_bindgen_test]
fn the_js_normalizer_folds_compatibility_forms() {
    // The browser's NFKD (String.prototype.normalize) does what
    // unicode-normalization does natively: a ligature and a non-breaking
    // space in the article still match a plainly typed quote.
    let mut article: serde_json::Value = serde_json::from_str(ARTICLE).expect("article");
    let p1 = article["paragraphs"][0]
        .as_str()
        .unwrap_or("")
        .replace("interesting comment", "interesting\u{a0}\u{FB01}ne comment");
    article["paragraphs"][0] = serde_json::Value::String(p1);
    let parsed = citequiz::Article::parse(&article.to_string(), citequiz::web::normalizer())
        .expect("article");
    let found = parsed.anchor(&citequiz::article::Selector::exact("an interesting fine comment"));
    let a = found.found().expect("anchors");
    assert!(a.exact, "{a:?}");
    assert_eq!(a.text, "an interesting\u{a0}\u{FB01}ne comment");
}

/// A bank given as UTF-8 bytes (what `fetch`'s arrayBuffer() holds, a byte
/// order mark included) loads as its text does; bytes that are not UTF-8
/// throw an Error that says which byte.
#[wasm_bindgen_test]
fn a_bank_as_utf8_bytes_loads_and_bad_bytes_say_where() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(BANK.as_bytes());
    let q = Quiz::new(&js_sys::Uint8Array::from(&bytes[..]).into(), &ARTICLE.into(), 7.0, 0.0)
        .expect("the bank loads from bytes");
    assert_eq!(q.length(), 10);
    assert_eq!(q.bank_id(), "gabuev-2020-quick-check");

    let mut bad = BANK.as_bytes().to_vec();
    bad.insert(40, 0xff);
    let err = Quiz::new(&js_sys::Uint8Array::from(&bad[..]).into(), &ARTICLE.into(), 7.0, 0.0)
        .err()
        .expect("invalid UTF-8 is refused");
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("the bank is not UTF-8 text: byte 40"), "{message}");
}

/// Results cross as plain objects, as `JSON.parse` gave them before
/// serde-wasm-bindgen did: objects rather than `Map`s, `null` for a missing
/// optional field. A response that is not one throws, naming what is
/// wrong; JSON text is no longer a response.
#[wasm_bindgen_test]
fn results_are_plain_objects_and_a_malformed_response_says_why() {
    let mut q = quiz(BANK);
    // The first single-choice question in the shuffled order: which one
    // that is depends on the bank, not on what this test checks.
    let first = (0..q.length())
        .map(|i| q.question(i).expect("question"))
        .find(|v| get(v, "kind").as_string().as_deref() == Some("single_choice"))
        .expect("the quick check has a single-choice question");
    let id = get(&first, "id").as_string().expect("id");
    let options = get(&first, "options");
    assert!(js_sys::Array::is_array(&options), "options is an array");
    assert!(
        get(&js_sys::Array::from(&options).get(0), "text").is_string(),
        "a choice is an object"
    );
    let state = q.state(&id).expect("state");
    assert!(get(&state, "lastResponse").is_null(), "no response yet is null");
    assert!(get(&state, "verdict").is_null());
    assert_eq!(get(&state, "triesUsed").as_f64(), Some(0.0));

    let missing = js_sys::JSON::parse(r#"{"kind": "single_choice"}"#).expect("json");
    let err = q.answer(&id, missing, 0.0).expect_err("a response without its field");
    let message = String::from(js_sys::Error::from(err).message());
    assert!(message.contains(&format!("the response for \"{id}\" is malformed")), "{message}");
    assert!(message.contains("choice"), "{message}");
    let text = JsValue::from_str(r#"{"kind": "single_choice", "choice": "a"}"#);
    assert!(q.answer(&id, text, 0.0).is_err(), "JSON text is not a response object");
    let after = q.state(&id).expect("state");
    assert_eq!(get(&after, "triesUsed").as_f64(), Some(0.0), "a malformed response is no try");
}

#[wasm_bindgen_test]
fn the_scheduler_rates_answers_says_what_is_due_and_keeps_its_memory() {
    const DAY: f64 = 86_400_000.0;
    let t0 = 1_796_551_200_000.0; // 2026-12-06 10:00 UTC
    let utc = Some(0.0);
    let mut q = quiz(BANK);
    let id = get(&q.question(0).expect("question"), "id").as_string().expect("id");
    assert!(q.memory_state(&id, t0, utc).expect("state").is_undefined());
    assert!(q.due_questions(t0, utc).is_empty());
    assert_eq!(q.review_queue(t0, utc).len(), 10, "ten new questions a day by default");

    let after = q.rate(&id, "again", t0, utc).expect("rated");
    assert_eq!(get(&after, "interval").as_f64(), Some(1.0));
    assert_eq!(get(&after, "lastRating").as_string().as_deref(), Some("again"));
    assert_eq!(get(&after, "dueMs").as_f64(), Some((t0 / DAY).floor() * DAY + DAY));
    assert!(q.due_questions(t0, utc).is_empty());
    assert_eq!(q.due_questions(t0 + 2.0 * DAY, utc), std::slice::from_ref(&id));
    let r = get(&q.memory_state(&id, t0 + 2.0 * DAY, utc).expect("state"), "retrievability");
    assert!(r.as_f64().is_some_and(|r| r > 0.0 && r < 0.9), "{r:?}");

    // The memory goes to the host as text and comes back.
    let saved = q.memory();
    let mut other = quiz(BANK);
    let report = other.load_memory(&saved).expect("loads");
    assert_eq!(js_sys::Array::from(&get(&report, "changed")).length(), 0);
    assert_eq!(other.due_questions(t0 + 2.0 * DAY, utc), std::slice::from_ref(&id));

    let bad = q.rate(&id, "fine", t0, utc).expect_err("an unknown rating throws");
    let message = js_sys::Reflect::get(&bad, &"message".into()).ok().and_then(|m| m.as_string());
    assert!(message.unwrap_or_default().contains("use again, hard, good or easy"));
    assert!(other.load_memory("{\"format\":\"citequiz-review/9\"}").is_err());
    assert_eq!(
        other.due_questions(t0 + 2.0 * DAY, utc),
        std::slice::from_ref(&id),
        "a failed load changes nothing"
    );

    // The widget's rating of an answer.
    q.answer(&id, right_answer(BANK, &id), t0).expect("answered");
    assert_eq!(q.rating_for(&id).as_string().as_deref(), Some("good"));

    // Progress goes to another browser: the newer memory and attempt win.
    let file = q.export_progress(t0 + DAY);
    let mut fresh = quiz(BANK);
    let done = fresh.import_progress(&file).expect("imports");
    assert_eq!(get(&done, "attempt").as_string().as_deref(), Some("taken"));
    assert_eq!(js_sys::Array::from(&get(&done, "taken")).length(), 1);
    assert!(fresh.state(&id).is_ok_and(|s| get(&s, "done").as_bool() == Some(true)));
    let other_bank = file.replace("gabuev-2020-quick-check", "another");
    assert!(fresh.import_progress(&other_bank).is_err());
}

#[wasm_bindgen_test]
fn a_compiled_bank_starts_a_quiz_without_an_article() {
    let raw = Quiz::new(&EVERY_KIND.into(), &ARTICLE.into(), 3.0, 0.0).unwrap();
    let fast = Quiz::new(&EVERY_KIND_COMPILED.into(), &JsValue::NULL, 3.0, 0.0).unwrap();
    assert_eq!(raw.bank_id(), fast.bank_id());
    let json = |v: JsValue| String::from(js_sys::JSON::stringify(&v).unwrap());
    for i in 0..raw.length() {
        assert_eq!(json(raw.question(i).unwrap()), json(fast.question(i).unwrap()));
    }
    // The same content hashes: a snapshot of one restores into the other.
    assert_eq!(raw.snapshot(), fast.snapshot());
    let broken = EVERY_KIND_COMPILED.replacen("citequiz-compiled/1", "citequiz-compiled/9", 1);
    let err = Quiz::new(&broken.as_str().into(), &JsValue::NULL, 3.0, 0.0).err().unwrap();
    let msg = String::from(wasm_bindgen::JsCast::unchecked_into::<js_sys::Error>(err).message());
    assert!(msg.contains("citequiz-compiled/1"), "{msg}");
}

/// A bank as text, as bytes or as a parsed object starts the same quiz,
/// raw and compiled alike (each through the pieces readers, the widget's
/// path, an object as the text `JSON.stringify` makes of it); a bank the
/// pieces readers give up on (an error) still throws its diagnostics.
#[wasm_bindgen_test]
fn a_bank_as_text_bytes_or_object_starts_the_same_quiz() {
    let json = |v: JsValue| String::from(js_sys::JSON::stringify(&v).unwrap());
    for (bank, article) in [(FULL, JsValue::from(ARTICLE)), (EVERY_KIND_COMPILED, JsValue::NULL)] {
        let forms: [JsValue; 3] = [
            bank.into(),
            js_sys::Uint8Array::from(bank.as_bytes()).into(),
            js_sys::JSON::parse(bank).unwrap(),
        ];
        let quizzes: Vec<Quiz> =
            forms.iter().map(|f| Quiz::new(f, &article, 5.0, 0.0).expect("loads")).collect();
        for q in &quizzes[1..] {
            assert_eq!(q.length(), quizzes[0].length());
            for i in 0..q.length() {
                assert_eq!(json(q.question(i).unwrap()), json(quizzes[0].question(i).unwrap()));
            }
            assert_eq!(q.snapshot(), quizzes[0].snapshot());
        }
    }
    let broken = FULL.replacen("\"kind\": \"", "\"kind\": \"x", 1);
    let bytes: JsValue = js_sys::Uint8Array::from(broken.as_bytes()).into();
    let err = Quiz::new(&bytes, &ARTICLE.into(), 5.0, 0.0).err().expect("refused");
    let msg = String::from(wasm_bindgen::JsCast::unchecked_into::<js_sys::Error>(err).message());
    assert!(msg.contains("questions[0].kind") && msg.contains(":"), "{msg}");
}
