//! Every question of every shipped bank, answered right and wrong, gives
//! xAPI statements that ralph's statement model accepts, and so do the
//! `completed` / `passed` / `failed` statements of both sessions.
//!
//! The model check runs in Python (`tests/lrs/validate.py`) in the
//! `.venv-lrs` virtualenv that `make setup` creates, with the `lrs` feature
//! (`make test-lrs`); without the virtualenv that test fails and says so, it
//! never skips.

mod support;

use citequiz::bank::{Body, Question};
use citequiz::files::load_bank;
use citequiz::grade::{Response, Verdict};
use citequiz::session::Session;
use citequiz::xapi::{self, Actor, Context};
use expect_test::expect_file;
use serde_json::Value;
use std::path::Path;
use support::every_kind_path;

fn right(q: &Question) -> Response {
    match q.body() {
        Body::SingleChoice { answer, .. } => Response::SingleChoice { choice: answer.clone() },
        Body::MultipleChoice { answers, .. } => {
            Response::MultipleChoice { choices: answers.clone() }
        }
        Body::TrueFalse { answer, .. } => Response::TrueFalse { value: *answer },
        Body::FillBlank { gaps, .. } => {
            Response::FillBlank { gaps: gaps.iter().map(|g| g.accept[0].clone()).collect() }
        }
        Body::Numeric { answer, .. } => Response::Numeric { value: *answer },
        Body::Ordering { items } => {
            Response::Ordering { order: items.iter().map(|i| i.id.clone()).collect() }
        }
        Body::Matching { left, answer, .. } => Response::Matching {
            pairs: left
                .iter()
                .zip(answer)
                .map(|(l, r)| citequiz::bank::raw::Pair { left: l.id.clone(), right: r.clone() })
                .collect(),
        },
        Body::Evidence { target } => Response::Evidence { sentences: target.to_vec() },
        Body::TwoPart { part_a, part_b, .. } => {
            Response::TwoPart { a: part_a.answer.clone(), b: part_b.answer.clone() }
        }
    }
}

/// A wrong (or, for multiple_choice and evidence, partly right) response.
fn wrong(q: &Question, sentences: &[String]) -> Response {
    match q.body() {
        Body::SingleChoice { options, answer } => Response::SingleChoice {
            choice: options.iter().find(|o| &o.id != answer).unwrap().id.clone(),
        },
        Body::MultipleChoice { options, answers } => Response::MultipleChoice {
            choices: vec![
                answers[0].clone(),
                options.iter().find(|o| !answers.contains(&o.id)).unwrap().id.clone(),
            ],
        },
        Body::TrueFalse { answer, .. } => Response::TrueFalse { value: !answer },
        Body::FillBlank { gaps, .. } => {
            Response::FillBlank { gaps: gaps.iter().map(|_| "xyzzy </script>".into()).collect() }
        }
        Body::Numeric { answer, tolerance, .. } => {
            Response::Numeric { value: answer + tolerance + 1000.5 }
        }
        Body::Ordering { items } => {
            Response::Ordering { order: items.iter().rev().map(|i| i.id.clone()).collect() }
        }
        Body::Matching { left, answer, .. } => Response::Matching {
            pairs: left
                .iter()
                .enumerate()
                .map(|(i, l)| citequiz::bank::raw::Pair {
                    left: l.id.clone(),
                    right: answer[(i + 1) % answer.len()].clone(),
                })
                .collect(),
        },
        Body::Evidence { target } => Response::Evidence {
            sentences: vec![
                target[0].clone(),
                sentences.iter().find(|s| !target.contains(s)).unwrap().clone(),
            ],
        },
        Body::TwoPart { part_a, part_b, .. } => Response::TwoPart {
            a: part_a.options.iter().find(|o| o.id != part_a.answer).unwrap().id.clone(),
            b: part_b.answer.clone(),
        },
    }
}

fn interaction_type(q: &Question) -> &'static str {
    match q.body() {
        Body::TrueFalse { .. } => "true-false",
        Body::FillBlank { .. } => "fill-in",
        Body::Numeric { .. } => "numeric",
        Body::Ordering { .. } => "sequencing",
        Body::Matching { .. } => "matching",
        _ => "choice",
    }
}

/// A statement's JSON text as a value, to inspect.
fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Every statement for the bank at `path`, each checked for what it must
/// say: every question answered right in one session and wrong in another,
/// then each session's `completed` pair. Named as ralph's files are:
/// `<bank>-<run>-<index>-<question>.json`, `<bank>-<run>-completed.json`
/// (that one a list of both). `n` numbers the statements' ids across calls.
fn statements(path: &Path, n: &mut u32) -> Vec<(String, Value)> {
    let actor = Actor::mbox("Test Learner", "learner@example.org");
    let loaded = load_bank(path);
    let bank = loaded.bank.unwrap_or_else(|| panic!("{} does not load", path.display()));
    let sentences: Vec<String> = bank.article().sentences().iter().map(|s| s.id.clone()).collect();
    let mut out = Vec::new();
    for run in ["right", "wrong"] {
        let mut session = Session::new(bank.clone(), 7, 1_000.0);
        let mut ctx = |t: u32| {
            *n += 1;
            Context {
                activity_base: format!("https://courses.example.org/banks/{}.json", bank.id()),
                registration: Some(xapi::derive_id(bank.id(), run)),
                timestamp: format!("2026-11-30T10:{:02}:{:02}.000Z", t / 60 % 60, t % 60),
                id: xapi::derive_id("test", &n.to_string()),
                lang: bank.language().unwrap_or("en").to_string(),
            }
        };
        for (i, q) in bank.questions().iter().enumerate() {
            let r = if run == "right" { right(q) } else { wrong(q, &sentences) };
            let fb = session
                .handle_answer(q.id(), r.clone(), 2_000.0 + i as f64 * 1_000.0)
                .unwrap_or_else(|e| panic!("{}: {e:?}", q.id()));
            let c = ctx(i as u32);
            let stmt = parse(&xapi::answered(&bank, q, &r, &fb, 12_345.0, &actor, &c));
            assert_eq!(stmt["verb"]["id"], xapi::VERB_ANSWERED);
            assert_eq!(
                stmt["object"]["definition"]["interactionType"],
                interaction_type(q),
                "{}",
                q.id()
            );
            assert_eq!(stmt["result"]["success"], fb.verdict == Verdict::Correct);
            if run == "right" {
                assert_eq!(stmt["result"]["success"], true, "{}: {fb:?}", q.id());
                // A right answer's response is one of the correct patterns
                // (fill-in aside: the pattern carries {case_matters=false}).
                let pats = &stmt["object"]["definition"]["correctResponsesPattern"];
                let resp = stmt["result"]["response"].as_str().unwrap();
                assert!(
                    pats.as_array().unwrap().iter().any(|p| {
                        p.as_str().unwrap().trim_start_matches("{case_matters=false}") == resp
                    }) || matches!(q.body(), Body::Numeric { .. }),
                    "{}: {resp} not in {pats}",
                    q.id()
                );
            }
            let cites = &stmt["context"]["extensions"][xapi::CITATIONS_EXTENSION];
            assert_eq!(cites.as_array().unwrap().len(), q.citations().len());
            assert_eq!(cites[0]["type"], "TextQuoteSelector");
            out.push((format!("{}-{run}-{:02}-{}.json", bank.id(), i, q.id()), stmt));
        }
        let result = session.finish(200_000.0);
        let c = ctx(59);
        let stmts = xapi::completed(&bank, &result, &actor, &c).map(|s| parse(&s));
        assert_eq!(stmts[0]["verb"]["id"], xapi::VERB_COMPLETED);
        let want = if result.passed { xapi::VERB_PASSED } else { xapi::VERB_FAILED };
        assert_eq!(stmts[1]["verb"]["id"], want);
        assert_eq!(result.passed, run == "right", "{}: {result:?}", bank.id());
        assert_ne!(stmts[0]["id"], stmts[1]["id"]);
        out.push((format!("{}-{run}-completed.json", bank.id()), Value::from(stmts.to_vec())));
    }
    out
}

/// The statements for tests/fixtures/every-kind.json (one question of each
/// kind, right and wrong) are exactly those in
/// tests/fixtures/every-kind.xapi.json (written with sorted keys): a change
/// to how statements are written must not change what they say. After a
/// deliberate change, rewrite the file with
/// `UPDATE_EXPECT=1 cargo test --test xapi` and review its diff.
#[test]
fn statements_stay_as_they_were() {
    let got: serde_json::Map<String, Value> =
        statements(&every_kind_path(), &mut 0).into_iter().collect();
    let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
    expect_file!["fixtures/every-kind.xapi.json"].assert_eq(&text);
}

/// The check against ralph's model needs Python and the `.venv-lrs`
/// virtualenv, so it is built only with the `lrs` feature, which `make
/// test-lrs` (part of `make test`) turns on: plain `cargo test` needs only
/// the Rust toolchain.
#[cfg(feature = "lrs")]
mod ralph {
    use super::*;
    use std::process::Command;
    use support::{all_banks, repo_path};

    /// A way to break a good statement.
    type Break = fn(&mut Value);

    fn write(dir: &Path, name: &str, v: &Value) {
        std::fs::write(dir.join(name), serde_json::to_string_pretty(v).unwrap()).unwrap();
    }

    #[test]
    fn statements_for_every_question_pass_ralphs_model() {
        let python = repo_path(".venv-lrs/bin/python");
        assert!(
            python.exists(),
            "{} is missing: run `make setup` (it creates .venv-lrs with ralph-malph), then test again",
            python.display()
        );
        let dir = std::env::temp_dir().join(format!("citequiz-xapi-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();

        let mut n = 0u32;
        let mut written = 0;
        let mut first = None;
        for path in all_banks() {
            for (name, stmt) in statements(&path, &mut n) {
                written += stmt.as_array().map_or(1, Vec::len);
                write(&dir, &name, &stmt);
                first.get_or_insert(name);
            }
        }

        let out = Command::new(&python)
            .arg(repo_path("tests/lrs/validate.py"))
            .arg(&dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "ralph rejected statements in {}:\n{stdout}{stderr}",
            dir.display()
        );
        assert!(
            stdout.contains(&format!("{written} of {written} statements valid")),
            "expected {written} statements checked: {stdout}"
        );
        eprintln!("{stdout}");

        // The checker bites: broken copies of a good statement are each rejected.
        let first = first.unwrap();
        let good: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(&first)).unwrap()).unwrap();
        let bad_dir = dir.join("bad");
        std::fs::create_dir_all(&bad_dir).unwrap();
        let breaks: [(&str, Break); 6] = [
            ("no-verb", |v| drop(v.as_object_mut().unwrap().remove("verb"))),
            ("scaled-over-1", |v| v["result"]["score"]["scaled"] = 1.5.into()),
            ("raw-over-max", |v| v["result"]["score"]["raw"] = 99.into()),
            ("raw-under-min", |v| v["result"]["score"]["raw"] = (-1).into()),
            ("unknown-field", |v| v["object"]["definition"]["colour"] = "red".into()),
            ("bad-id", |v| v["id"] = "not-a-uuid".into()),
        ];
        for (name, f) in breaks {
            let mut v = good.clone();
            f(&mut v);
            write(&bad_dir, &format!("{name}.json"), &v);
        }
        let out = Command::new(&python)
            .arg(repo_path("tests/lrs/validate.py"))
            .arg(&bad_dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(stdout.contains("ralph: 0 of 6 statements valid"), "{stdout}");
        eprintln!("{stdout}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
