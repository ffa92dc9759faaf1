//! xAPI (Experience API 1.0.3) statements for what a learner did: one
//! `answered` statement per checked answer, and `completed` plus `passed` or
//! `failed` at the end of a session.
//!
//! Invariant: this module is pure. It reads no clock, draws no random
//! numbers and sends nothing: the timestamp, the statement id, the
//! registration and the actor come in as arguments ([`Actor`], [`Context`]),
//! and the statements go out as JSON text for the shell to hand on (the
//! view parses it into its events' `detail`). The same arguments always give
//! the same statements.
//!
//! The text is written member by member (`json::write`), not built as a
//! `serde_json::Value`: no tree of `BTreeMap`s nor its serializer reaches
//! the Wasm. Key order is the writer's, not alphabetical.
//!
//! # Shape
//!
//! A question is the activity `<activity_base>#<question id>` of type
//! `http://adlnet.gov/expapi/activities/cmi.interaction`, whose parent (in
//! `context.contextActivities`) is the bank, the activity `<activity_base>`
//! of type `http://adlnet.gov/expapi/activities/assessment`. Interaction
//! types and response patterns, per kind:
//!
//! | kind | interactionType | pattern (correct and learner's) | components |
//! |---|---|---|---|
//! | single_choice | choice | `c` | choices |
//! | multiple_choice | choice | `a[,]c` | choices |
//! | true_false | true-false | `true` | |
//! | fill_blank | fill-in | `{case_matters=false}one[,]two` (one string per gap) | |
//! | numeric | numeric | `17.5[:]18.5` (`18` with no tolerance); the learner's `18.2` | |
//! | ordering | sequencing | `a[,]b[,]c` | choices |
//! | matching | matching | `l1[.]r2[,]l2[.]r1` | source, target |
//! | evidence | choice | `p3.s1[,]p3.s2` (sentence ids) | choices: every sentence |
//! | two_part | choice | `a.c[,]b.q2` | choices: `a.<id>` Part A, `b.<id>` Part B |
//!
//! two_part is a `choice` over both parts' options, prefixed `a.` and `b.`,
//! because the right answer is one pick in each part: an LRS that knows
//! choice interactions can then read it without a custom type.
//!
//! fill_blank lists one pattern per combination of accepted answers (gap by
//! gap, the author's order), at most [`MAX_FILL_PATTERNS`]; the first is
//! always every gap's first accepted answer. `{case_matters=false}` stands
//! once, at the pattern's start, as the xAPI spec places it.
//!
//! Every `answered` statement carries the question's citations as W3C
//! TextQuoteSelectors in the context extension [`CITATIONS_EXTENSION`], and
//! the ids of the paragraphs they anchor in under [`PARAGRAPHS_EXTENSION`],
//! so that an LRS can aggregate answers by passage.
//!
//! # Numbers
//!
//! Scores are rounded to [`SCORE_DECIMALS`] decimals and clamped so that
//! `0 <= raw <= max` and `0 <= scaled <= 1`; whole numbers are written as
//! JSON integers; NaN and infinities never reach the output (they count as
//! 0). Durations are ISO 8601 (`PT1M2.5S`) to the hundredth of a second.

use crate::bank::{Bank, Body, Citation, Question};
use crate::grade::{Response, Verdict};
use crate::hash::{OFFSET, fnv1a_from};
use crate::json::write::Writer;
use crate::num::clamp;
use crate::session::{Feedback, SessionResult};

/// The verb for one checked answer.
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
/// The verb for a finished session.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// The verb for a finished session that reached the pass mark.
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
/// The verb for a finished session that did not.
pub const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
/// A question's activity type.
pub const TYPE_INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// A bank's activity type.
pub const TYPE_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
/// The context extension that holds a question's citations, a list of W3C
/// TextQuoteSelectors (`{"type": "TextQuoteSelector", "exact", "prefix"?, "suffix"?}`).
pub const CITATIONS_EXTENSION: &str = "https://citequiz.invalid/xapi/extensions/citations";
/// The context extension that holds the ids of the paragraphs the citations
/// anchor in (`["p3", "p7"]`), in article order.
pub const PARAGRAPHS_EXTENSION: &str = "https://citequiz.invalid/xapi/extensions/paragraphs";
/// The homePage of [`Actor::anonymous`]'s account.
pub const ANONYMOUS_HOME_PAGE: &str = "https://citequiz.invalid/anonymous";
/// At most this many fill_blank correct-response patterns.
pub const MAX_FILL_PATTERNS: usize = 16;
/// Scores are rounded to this many decimals.
pub const SCORE_DECIMALS: i32 = 4;

/// Who did it: an xAPI Agent identified by a mailbox or by an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    name: String,
    id: ActorId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ActorId {
    Mbox(String),
    Account { home_page: String, name: String },
}

impl Actor {
    /// An agent identified by an email address; `mailto:` is added when
    /// missing.
    ///
    /// # Example
    /// ```
    /// let a = citequiz::xapi::Actor::mbox("Ada", "ada@example.org");
    /// assert!(a.to_json().contains(r#""mbox":"mailto:ada@example.org""#));
    /// ```
    pub fn mbox(name: impl Into<String>, email: &str) -> Actor {
        let mbox = if email.starts_with("mailto:") {
            email.to_string()
        } else {
            format!("mailto:{email}")
        };
        Actor { name: name.into(), id: ActorId::Mbox(mbox) }
    }

    /// An agent identified by an account on a system (`home_page` is the
    /// system's URL, `account_name` the learner's id there).
    pub fn account(
        name: impl Into<String>,
        home_page: impl Into<String>,
        account_name: impl Into<String>,
    ) -> Actor {
        Actor {
            name: name.into(),
            id: ActorId::Account { home_page: home_page.into(), name: account_name.into() },
        }
    }

    /// The learner nobody knows: the account `anonymous` on
    /// [`ANONYMOUS_HOME_PAGE`].
    pub fn anonymous() -> Actor {
        Actor::account("Anonymous learner", ANONYMOUS_HOME_PAGE, "anonymous")
    }

    /// The xAPI Agent object, as JSON text.
    pub fn to_json(&self) -> String {
        let mut w = Writer::new();
        self.write(&mut w);
        w.finish()
    }

    fn write(&self, w: &mut Writer) {
        w.object(|w| {
            w.key("objectType").str("Agent");
            w.key("name").str(&self.name);
            match &self.id {
                ActorId::Mbox(m) => w.key("mbox").str(m),
                ActorId::Account { home_page, name } => w.key("account").object(|w| {
                    w.key("homePage").str(home_page);
                    w.key("name").str(name);
                }),
            }
        });
    }
}

/// What the shell knows and the core must not make up: where the
/// activities live, the attempt, the time and the statement's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The IRI prefix of the activities, such as the bank's URL, without a
    /// fragment: the bank is this activity, a question `<activity_base>#<id>`.
    pub activity_base: String,
    /// The attempt's UUID (xAPI `context.registration`), if any.
    pub registration: Option<String>,
    /// When it happened, ISO 8601 with a time zone (`2026-11-30T10:00:00.000Z`).
    pub timestamp: String,
    /// The statement's UUID. [`completed`] derives the id of its second
    /// statement from it (see [`derive_id`]).
    pub id: String,
    /// The language of the bank's text (a BCP 47 tag such as `en`), the key
    /// of every language map built from it.
    pub lang: String,
}

/// The `answered` statement for one checked answer, as JSON text.
///
/// `feedback` is what the session returned for `response`; `duration_ms` is
/// how long the learner spent on the question.
///
/// # Example
/// ```no_run
/// # fn demo(bank: &citequiz::Bank, fb: &citequiz::session::Feedback, r: &citequiz::grade::Response) {
/// use citequiz::xapi::{answered, Actor, Context};
/// let ctx = Context {
///     activity_base: "https://example.org/banks/quick-check".into(),
///     registration: None,
///     timestamp: "2026-11-30T10:00:00Z".into(),
///     id: "6f1c9a52-3e0b-4c55-9a43-2b7f7f0c1d2e".into(),
///     lang: "en".into(),
/// };
/// let q = &bank.questions()[0];
/// let stmt = answered(bank, q, r, fb, 12_500.0, &Actor::anonymous(), &ctx);
/// assert!(stmt.contains(r#""duration":"PT12.5S""#));
/// # }
/// ```
pub fn answered(
    bank: &Bank,
    q: &Question,
    response: &Response,
    feedback: &Feedback,
    duration_ms: f64,
    actor: &Actor,
    ctx: &Context,
) -> String {
    statement(
        &ctx.id,
        actor,
        (VERB_ANSWERED, "answered"),
        &|w| question_activity(w, bank, q, ctx),
        &|w| {
            w.key("score");
            score(w, feedback.earned, feedback.max_points);
            w.key("success").bool(feedback.verdict == Verdict::Correct);
            w.key("completion").bool(true);
            w.key("response").str(&response_pattern(response));
            w.key("duration").str(&duration(duration_ms));
        },
        &|w| {
            w.key("contextActivities").object(|w| {
                w.key("parent").array(|w| bank_activity(w, bank, ctx, false));
            });
            w.key("extensions");
            citation_extensions(w, q.citations());
        },
        ctx,
    )
}

/// The statements for a finished session: `completed`, then `passed` or
/// `failed` with the score, for the bank's activity.
///
/// The first takes `ctx.id`; the second `derive_id(&ctx.id, "passed")` (or
/// `"failed"`), so that sending both twice does not duplicate them.
pub fn completed(bank: &Bank, result: &SessionResult, actor: &Actor, ctx: &Context) -> [String; 2] {
    let object = |w: &mut Writer| bank_activity(w, bank, ctx, true);
    let took = duration(result.duration_ms);
    let (verb_id, word) =
        if result.passed { (VERB_PASSED, "passed") } else { (VERB_FAILED, "failed") };
    let done = |w: &mut Writer| {
        w.key("completion").bool(true);
        w.key("duration").str(&took);
    };
    [
        statement(&ctx.id, actor, (VERB_COMPLETED, "completed"), &object, &done, &|_| {}, ctx),
        statement(
            &derive_id(&ctx.id, word),
            actor,
            (verb_id, word),
            &object,
            &|w| {
                w.key("score");
                score(w, result.earned, result.max);
                w.key("success").bool(result.passed);
                done(w);
            },
            &|_| {},
            ctx,
        ),
    ]
}

/// One statement: what every statement has (`id`, `actor`, `verb`,
/// `timestamp`, the context's registration and language) around what
/// differs: `object` writes the object, `result` the result's members,
/// `context` the context's members beyond [`Context`]'s.
fn statement(
    id: &str,
    actor: &Actor,
    (verb_id, word): (&str, &str),
    object: &dyn Fn(&mut Writer),
    result: &dyn Fn(&mut Writer),
    context: &dyn Fn(&mut Writer),
    ctx: &Context,
) -> String {
    let mut w = Writer::new();
    w.object(|w| {
        w.key("id").str(id);
        w.key("actor");
        actor.write(w);
        w.key("verb").object(|w| {
            w.key("id").str(verb_id);
            w.key("display").object(|w| w.key("en-US").str(word));
        });
        w.key("object");
        object(w);
        w.key("result").object(result);
        w.key("context").object(|w| {
            if let Some(r) = &ctx.registration {
                w.key("registration").str(r);
            }
            w.key("language").str(&ctx.lang);
            context(w);
        });
        w.key("timestamp").str(&ctx.timestamp);
    });
    w.finish()
}

/// A UUID derived from another and a salt: version 8 (RFC 9562's custom
/// layout), filled from two FNV-1a hashes of `id` and `salt`. The same
/// inputs always give the same UUID.
pub fn derive_id(id: &str, salt: &str) -> String {
    // Each part ends in 0xff, a byte UTF-8 never holds, so that ("ab", "c")
    // and ("a", "bc") differ.
    let fnv = |seed: u64, parts: [&str; 2]| {
        fnv1a_from(seed, parts.into_iter().flat_map(|p| p.bytes().chain([0xff])).map(u64::from))
    };
    let hi = fnv(OFFSET, [id, salt]);
    // The basis with its halves swapped, for a second, independent hash.
    let lo = fnv(OFFSET.rotate_left(32), [salt, id]);
    // Version 8 in bits 48..52, variant 0b10 in bits 64..66.
    let hi = (hi & !0xf000) | 0x8000;
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// `{"<lang>": text}`: a language map in the bank's language.
fn lang_map(w: &mut Writer, ctx: &Context, text: &str) {
    w.object(|w| w.key(&ctx.lang).str(text));
}

/// The activity base without a fragment, which would make `#<id>` ambiguous.
fn base(ctx: &Context) -> &str {
    ctx.activity_base.split('#').next().unwrap_or_default()
}

/// The bank's activity; with its definition when `full`, a bare reference
/// (as a parent in a question's context) otherwise.
fn bank_activity(w: &mut Writer, bank: &Bank, ctx: &Context, full: bool) {
    w.object(|w| {
        w.key("objectType").str("Activity");
        w.key("id").str(base(ctx));
        if full {
            w.key("definition").object(|w| {
                w.key("type").str(TYPE_ASSESSMENT);
                w.key("name");
                lang_map(w, ctx, bank.title());
                w.key("description");
                lang_map(w, ctx, bank.description().unwrap_or(bank.title()));
            });
        }
    });
}

/// `<activity_base>#<question id>`, the id escaped by [`iri_escape`].
fn question_iri(ctx: &Context, id: &str) -> String {
    let mut s = String::with_capacity(base(ctx).len() + id.len() + 1);
    s.push_str(base(ctx));
    s.push('#');
    s.push_str(&iri_escape(id));
    s
}

/// `s` percent-encoded outside `A-Z a-z 0-9 - . _ ~`, so that an IRI built
/// from it stays valid whatever it holds.
pub fn iri_escape(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

fn question_activity(w: &mut Writer, bank: &Bank, q: &Question, ctx: &Context) {
    w.object(|w| {
        w.key("objectType").str("Activity");
        w.key("id").str(&question_iri(ctx, q.id()));
        w.key("definition").object(|w| {
            w.key("type").str(TYPE_INTERACTION);
            w.key("name");
            lang_map(w, ctx, q.prompt());
            w.key("description");
            lang_map(w, ctx, &description(q));
            w.key("interactionType").str(interaction_type(q));
            w.key("correctResponsesPattern").array(|w| {
                for p in correct_patterns(q) {
                    w.str(&p);
                }
            });
            components(w, bank, q, ctx);
        });
    });
}

/// What the learner is shown beyond the prompt: the fill_blank sentence
/// with its gaps, two_part's two prompts, a numeric unit; else the prompt.
fn description(q: &Question) -> String {
    match q.body() {
        Body::FillBlank { segments, .. } => format!("{}\n{}", q.prompt(), segments.join("____")),
        Body::TwoPart { part_a, part_b, .. } => {
            // Banks label the parts in their own prompts ("Part A: …").
            format!("{}\n{}\n{}", q.prompt(), part_a.prompt, part_b.prompt)
        }
        Body::Numeric { unit: Some(unit), .. } => format!("{} ({unit})", q.prompt()),
        _ => q.prompt().to_string(),
    }
}

/// One component of an interaction: `{"id", "description": {"<lang>": text}}`.
fn entry(w: &mut Writer, ctx: &Context, id: &str, text: &str) {
    w.object(|w| {
        w.key("id").str(id);
        w.key("description");
        lang_map(w, ctx, text);
    });
}

/// The xAPI interaction type of a question's kind.
fn interaction_type(q: &Question) -> &'static str {
    match q.body() {
        Body::SingleChoice { .. }
        | Body::MultipleChoice { .. }
        | Body::Evidence { .. }
        | Body::TwoPart { .. } => "choice",
        Body::TrueFalse { .. } => "true-false",
        Body::FillBlank { .. } => "fill-in",
        Body::Numeric { .. } => "numeric",
        Body::Ordering { .. } => "sequencing",
        Body::Matching { .. } => "matching",
    }
}

/// The components of a question's kind (`choices`, or `source` and
/// `target`), as members of its definition; none for the kinds without.
fn components(w: &mut Writer, bank: &Bank, q: &Question, ctx: &Context) {
    let mut list = |key: &str, items: &mut dyn Iterator<Item = (&str, &str)>| {
        w.key(key).array(|w| items.for_each(|(id, text)| entry(w, ctx, id, text)));
    };
    match q.body() {
        Body::SingleChoice { options, .. } | Body::MultipleChoice { options, .. } => {
            list("choices", &mut options.iter().map(|o| (o.id.as_str(), o.text.as_str())));
        }
        Body::TrueFalse { .. } | Body::FillBlank { .. } | Body::Numeric { .. } => {}
        Body::Ordering { items } => {
            list("choices", &mut items.iter().map(|i| (i.id.as_str(), i.text.as_str())));
        }
        Body::Matching { left, right, .. } => {
            list("source", &mut left.iter().map(|i| (i.id.as_str(), i.text.as_str())));
            list("target", &mut right.iter().map(|i| (i.id.as_str(), i.text.as_str())));
        }
        Body::Evidence { .. } => {
            // Every sentence, so that the definition is the same whatever
            // the learner picked.
            let article = bank.article();
            w.key("choices").array(|w| {
                for s in article.sentences() {
                    entry(w, ctx, &s.id, &article.slice(&s.span));
                }
            });
        }
        Body::TwoPart { part_a, part_b, quotes } => w.key("choices").array(|w| {
            for o in &part_a.options {
                entry(w, ctx, &format!("a.{}", o.id), &o.text);
            }
            for (o, c) in part_b.options.iter().zip(quotes) {
                entry(w, ctx, &format!("b.{}", o.id), c.text());
            }
        }),
    }
}

/// Delimiters of xAPI response patterns: a learner's free text must not
/// contain them, or the pattern would split there.
const DELIMITERS: [&str; 3] = ["[,]", "[.]", "[:]"];

fn clean(text: &str) -> String {
    let mut s = text.to_string();
    for d in DELIMITERS {
        s = s.replace(d, "");
    }
    s
}

fn join<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter().collect::<Vec<_>>().join("[,]")
}

/// The correct responses, in xAPI pattern format (see the module docs).
fn correct_patterns(q: &Question) -> Vec<String> {
    match q.body() {
        Body::SingleChoice { answer, .. } => vec![answer.clone()],
        Body::MultipleChoice { answers, .. } => vec![join(answers.iter().map(String::as_str))],
        Body::TrueFalse { answer, .. } => vec![answer.to_string()],
        Body::FillBlank { gaps, .. } => {
            // The combinations of accepted answers, gap by gap, like an
            // odometer whose first gap turns slowest.
            let mut combos: Vec<Vec<String>> = vec![Vec::new()];
            for gap in gaps {
                let mut next = Vec::new();
                for combo in &combos {
                    for accept in &gap.accept {
                        if next.len() == MAX_FILL_PATTERNS {
                            break;
                        }
                        let mut c = combo.clone();
                        c.push(clean(accept));
                        next.push(c);
                    }
                }
                combos = next;
            }
            combos.into_iter().map(|c| format!("{{case_matters=false}}{}", c.join("[,]"))).collect()
        }
        Body::Numeric { answer, tolerance, .. } => {
            let d = decimals(*answer).max(decimals(*tolerance));
            if *tolerance > 0.0 {
                vec![format!(
                    "{}[:]{}",
                    number(round_to(answer - tolerance, d)),
                    number(round_to(answer + tolerance, d))
                )]
            } else {
                vec![number(*answer)]
            }
        }
        Body::Ordering { items } => vec![join(items.iter().map(|i| i.id.as_str()))],
        Body::Matching { left, answer, .. } => vec![
            left.iter()
                .zip(answer)
                .map(|(l, r)| format!("{}[.]{r}", l.id))
                .collect::<Vec<_>>()
                .join("[,]"),
        ],
        Body::Evidence { target } => vec![join(target.iter().map(String::as_str))],
        Body::TwoPart { part_a, part_b, .. } => {
            vec![format!("a.{}[,]b.{}", part_a.answer, part_b.answer)]
        }
    }
}

/// The learner's response, in the same pattern format.
fn response_pattern(r: &Response) -> String {
    match r {
        Response::SingleChoice { choice } => choice.clone(),
        Response::MultipleChoice { choices } => join(choices.iter().map(String::as_str)),
        Response::TrueFalse { value } => value.to_string(),
        Response::FillBlank { gaps } => {
            gaps.iter().map(|g| clean(g)).collect::<Vec<_>>().join("[,]")
        }
        Response::Numeric { value } => number(*value),
        Response::Ordering { order } => join(order.iter().map(String::as_str)),
        Response::Matching { pairs } => pairs
            .iter()
            .map(|p| format!("{}[.]{}", p.left, p.right))
            .collect::<Vec<_>>()
            .join("[,]"),
        Response::Evidence { sentences } => join(sentences.iter().map(String::as_str)),
        Response::TwoPart { a, b } => format!("a.{a}[,]b.{b}"),
    }
}

/// The context extensions of a question: its citations as
/// TextQuoteSelectors and the paragraphs they anchor in.
fn citation_extensions(w: &mut Writer, cites: &[Citation]) {
    let mut paragraphs: Vec<&str> =
        cites.iter().flat_map(|c| c.paragraphs.iter().map(String::as_str)).collect();
    // Article order: by paragraph number, not by string.
    paragraphs.sort_by_key(|p| p.trim_start_matches('p').parse::<u32>().unwrap_or(u32::MAX));
    paragraphs.dedup();
    w.object(|w| {
        w.key(CITATIONS_EXTENSION).array(|w| {
            for c in cites {
                w.object(|w| {
                    w.key("type").str("TextQuoteSelector");
                    w.key("exact").str(&c.selector.exact);
                    if let Some(p) = &c.selector.prefix {
                        w.key("prefix").str(p);
                    }
                    if let Some(s) = &c.selector.suffix {
                        w.key("suffix").str(s);
                    }
                });
            }
        });
        w.key(PARAGRAPHS_EXTENSION).array(|w| paragraphs.iter().for_each(|p| w.str(p)));
    });
}

/// `{scaled, raw, min: 0, max}` with `0 <= raw <= max` and `0 <= scaled <= 1`.
fn score(w: &mut Writer, earned: f64, max: f64) {
    let max = round_to(finite(max).max(0.0), SCORE_DECIMALS);
    let raw = clamp(round_to(finite(earned), SCORE_DECIMALS), 0.0, max);
    let scaled = if max > 0.0 { clamp(round_to(raw / max, SCORE_DECIMALS), 0.0, 1.0) } else { 0.0 };
    w.object(|w| {
        w.key("scaled").num(scaled);
        w.key("raw").num(raw);
        w.key("min").num(0.0);
        w.key("max").num(max);
    });
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

/// A number as pattern text: Rust's shortest round-trip decimal, never an
/// exponent, `-0` as `0`, whole numbers without `.0`.
fn number(x: f64) -> String {
    let x = finite(x);
    if x == 0.0 { "0".to_string() } else { crate::json::num::display(x) }
}

/// How many decimals `x` is written with (at most 10).
fn decimals(x: f64) -> i32 {
    let s = number(x);
    let n = s.split_once('.').map_or(0, |(_, frac)| frac.len());
    i32::try_from(n.min(10)).unwrap_or(10)
}

/// `x` rounded to `d` decimals: the double nearest the rounded decimal, so
/// that `0.3 - 0.1` prints as `0.2`.
fn round_to(x: f64, d: i32) -> f64 {
    let p = 10f64.powi(d);
    let r = (finite(x) * p).round() / p;
    if r.is_finite() { r } else { finite(x) }
}

/// An ISO 8601 duration to the hundredth of a second: `PT12.5S`,
/// `PT1M2S`, `PT1H0M3.25S`; a negative or non-finite input is `PT0S`.
pub fn duration(ms: f64) -> String {
    let ms = if ms.is_finite() && ms > 0.0 { ms } else { 0.0 };
    // Whole hundredths, so the arithmetic below is on integers.
    let cs = (ms / 10.0).round() as u64;
    let (h, m, s, frac) = (cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if h > 0 || m > 0 {
        out.push_str(&format!("{m}M"));
    }
    out.push_str(&s.to_string());
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out.push('S');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Normalizer};
    use crate::bank::raw::{ChoiceOption, Gap, Item, Pair, PartA, PartB, QuoteOption};
    use serde_json::{Value, json};

    /// What `write` writes, read back as a JSON value.
    fn written(write: impl FnOnce(&mut Writer)) -> Value {
        let mut w = Writer::new();
        write(&mut w);
        parse(&w.finish())
    }

    fn parse(text: &str) -> Value {
        match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => panic!("{e}: {text}"),
        }
    }

    fn opts(ids: &[&str]) -> Vec<ChoiceOption> {
        ids.iter()
            .map(|id| ChoiceOption {
                id: (*id).into(),
                text: format!("Option {id}"),
                feedback: None,
            })
            .collect()
    }

    fn items(ids: &[&str]) -> Vec<Item> {
        ids.iter().map(|id| Item { id: (*id).into(), text: format!("Item {id}") }).collect()
    }

    fn q(body: Body) -> Question {
        Question::for_test("q1", body, 1.0, 1, Vec::new(), &[])
    }

    /// Checks a body's interaction type, its correct patterns and the
    /// pattern of a response, and that its components are JSON.
    fn check(body: Body, r: Response, kind: &str, correct: &[&str], response: &str) {
        let q = q(body);
        let bank = Bank::for_test("b", vec![q.clone()], article(), 0.0, false);
        written(|w| w.object(|w| components(w, &bank, &q, &ctx())));
        assert_eq!(interaction_type(&q), kind);
        assert_eq!(correct_patterns(&q), correct);
        assert_eq!(response_pattern(&r), response);
    }

    fn article() -> Article {
        let json = r#"{"format": "citequiz-article/1", "id": "a", "title": "T", "author": "A",
            "date": "2020-12-02", "publisher": "P", "url": "https://example.org/a",
            "paragraphs": ["One sentence here. Another one there.", "A second paragraph."]}"#;
        match Article::parse(json, Normalizer::default()) {
            Ok(a) => a,
            Err(d) => panic!("{d:?}"),
        }
    }

    fn ctx() -> Context {
        Context {
            activity_base: "https://example.org/banks/b.json".into(),
            registration: Some("0b7c2a5e-55a3-4d35-9d0b-7d6b2f6b8b10".into()),
            timestamp: "2026-11-30T10:00:00.000Z".into(),
            id: "6f1c9a52-3e0b-4c55-9a43-2b7f7f0c1d2e".into(),
            lang: "en".into(),
        }
    }

    #[test]
    fn choice_patterns() {
        check(
            Body::SingleChoice { options: opts(&["a", "b", "c"]), answer: "c".into() },
            Response::SingleChoice { choice: "b".into() },
            "choice",
            &["c"],
            "b",
        );
        check(
            Body::MultipleChoice {
                options: opts(&["a", "b", "c"]),
                answers: vec!["a".into(), "c".into()],
            },
            Response::MultipleChoice { choices: vec!["c".into(), "b".into()] },
            "choice",
            &["a[,]c"],
            "c[,]b",
        );
        check(
            Body::TrueFalse { answer: true, feedback: Default::default() },
            Response::TrueFalse { value: false },
            "true-false",
            &["true"],
            "false",
        );
    }

    #[test]
    fn fill_in_patterns() {
        let gaps = vec![
            Gap { accept: vec!["Rosneft".into(), "Rosneft Oil".into()] },
            Gap { accept: vec!["2011".into()] },
        ];
        check(
            Body::FillBlank { segments: vec!["".into(), " in ".into(), ".".into()], gaps },
            Response::FillBlank { gaps: vec!["rosneft".into(), "20[,]11".into()] },
            "fill-in",
            &["{case_matters=false}Rosneft[,]2011", "{case_matters=false}Rosneft Oil[,]2011"],
            "rosneft[,]2011",
        );
        // Many accepted answers: capped, the first combination first.
        let many =
            (0..3).map(|g| Gap { accept: (0..4).map(|i| format!("g{g}a{i}")).collect() }).collect();
        let q = q(Body::FillBlank { segments: vec![String::new(); 4], gaps: many });
        let pats = correct_patterns(&q);
        assert_eq!(pats.len(), MAX_FILL_PATTERNS);
        assert_eq!(pats[0], "{case_matters=false}g0a0[,]g1a0[,]g2a0");
    }

    #[test]
    fn numeric_patterns() {
        let n = |answer, tolerance| Body::Numeric { answer, tolerance, unit: None };
        check(
            n(18.0, 0.5),
            Response::Numeric { value: 18.25 },
            "numeric",
            &["17.5[:]18.5"],
            "18.25",
        );
        check(n(18.0, 0.0), Response::Numeric { value: -0.0 }, "numeric", &["18"], "0");
        // 0.3 − 0.1 is 0.19999999999999998 in doubles; the pattern says 0.2.
        check(
            n(0.3, 0.1),
            Response::Numeric { value: 1e21 },
            "numeric",
            &["0.2[:]0.4"],
            "1000000000000000000000",
        );
    }

    #[test]
    fn arrangement_patterns() {
        check(
            Body::Ordering { items: items(&["a", "b", "c"]) },
            Response::Ordering { order: vec!["b".into(), "a".into(), "c".into()] },
            "sequencing",
            &["a[,]b[,]c"],
            "b[,]a[,]c",
        );
        check(
            Body::Matching {
                left: items(&["l1", "l2"]),
                right: items(&["r1", "r2", "r3"]),
                answer: vec!["r2".into(), "r1".into()],
            },
            Response::Matching { pairs: vec![Pair { left: "l2".into(), right: "r3".into() }] },
            "matching",
            &["l1[.]r2[,]l2[.]r1"],
            "l2[.]r3",
        );
    }

    #[test]
    fn evidence_and_two_part_patterns() {
        check(
            Body::Evidence { target: Box::new(["p1.s1".into(), "p1.s2".into()]) },
            Response::Evidence { sentences: vec!["p2.s1".into()] },
            "choice",
            &["p1.s1[,]p1.s2"],
            "p2.s1",
        );
        let part_a = PartA { prompt: "A?".into(), options: opts(&["x", "y"]), answer: "y".into() };
        let part_b = PartB {
            prompt: "B?".into(),
            options: vec![QuoteOption {
                id: "q1".into(),
                quote: crate::article::Selector::exact("One sentence here."),
                feedback: None,
            }],
            answer: "q1".into(),
        };
        check(
            Body::TwoPart { part_a, part_b, quotes: Box::default() },
            Response::TwoPart { a: "x".into(), b: "q1".into() },
            "choice",
            &["a.y[,]b.q1"],
            "a.x[,]b.q1",
        );
    }

    #[test]
    fn evidence_choices_are_every_sentence() {
        let q = q(Body::Evidence { target: Box::new(["p1.s2".into()]) });
        let bank = Bank::for_test("b", vec![q.clone()], article(), 0.0, false);
        let comps = written(|w| w.object(|w| components(w, &bank, &q, &ctx())));
        let ids: Vec<&str> = comps["choices"]
            .as_array()
            .map_or(Vec::new(), |a| a.iter().filter_map(|c| c["id"].as_str()).collect());
        assert_eq!(ids, ["p1.s1", "p1.s2", "p2.s1"]);
        assert_eq!(comps["choices"][1]["description"]["en"], "Another one there.");
    }

    #[test]
    fn scores_stay_in_range() {
        let score = |earned, max| written(|w| score(w, earned, max));
        let s = score(1.980_000_000_000_000_2, 3.0);
        assert_eq!(s, json!({"scaled": 0.66, "raw": 1.98, "min": 0, "max": 3}));
        assert_eq!(score(5.0, 3.0), json!({"scaled": 1, "raw": 3, "min": 0, "max": 3}));
        assert_eq!(score(f64::NAN, 2.0), json!({"scaled": 0, "raw": 0, "min": 0, "max": 2}));
        assert_eq!(score(-1.0, 0.0), json!({"scaled": 0, "raw": 0, "min": 0, "max": 0}));
        assert_eq!(score(2.0 / 3.0, 1.0)["scaled"], json!(0.6667));
    }

    #[test]
    fn durations() {
        for (ms, want) in [
            (12_500.0, "PT12.5S"),
            (0.0, "PT0S"),
            (-3.0, "PT0S"),
            (f64::NAN, "PT0S"),
            (62_000.0, "PT1M2S"),
            (3_603_250.0, "PT1H0M3.25S"),
            (4.0, "PT0S"),
            (59_999.0, "PT1M0S"),
        ] {
            assert_eq!(duration(ms), want, "{ms} ms");
        }
    }

    #[test]
    fn question_iri_encodes_odd_ids() {
        let mut c = ctx();
        c.activity_base.push_str("#old");
        assert_eq!(question_iri(&c, "a:b/é"), "https://example.org/banks/b.json#a%3Ab%2F%C3%A9");
    }

    #[test]
    fn derived_ids_are_stable_uuids() {
        let a = derive_id("6f1c9a52-3e0b-4c55-9a43-2b7f7f0c1d2e", "passed");
        assert_eq!(a, derive_id("6f1c9a52-3e0b-4c55-9a43-2b7f7f0c1d2e", "passed"));
        assert_ne!(a, derive_id("6f1c9a52-3e0b-4c55-9a43-2b7f7f0c1d2e", "failed"));
        let groups: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&a[14..15], "8", "version 8: {a}");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "variant: {a}");
    }

    #[test]
    fn actors() {
        assert_eq!(
            parse(&Actor::anonymous().to_json()),
            json!({"objectType": "Agent", "name": "Anonymous learner",
                   "account": {"homePage": ANONYMOUS_HOME_PAGE, "name": "anonymous"}})
        );
        assert_eq!(parse(&Actor::mbox("A", "mailto:a@b.c").to_json())["mbox"], "mailto:a@b.c");
    }
}
