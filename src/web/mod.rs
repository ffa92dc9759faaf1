//! The browser shell, compiled for wasm32 only: the wasm-bindgen API
//! (`api`, feature `api`), the web-sys view (`view`, `widget`, feature
//! `widget`), the npm package's Node checker (`check`, feature `check`),
//! and the glue they share.
//!
//! This is the only place where core errors become JS errors (`js_error`),
//! and where the clock, randomness, storage and the DOM are touched. No quiz
//! logic lives here: grading, ordering and scoring are the core's.

#[cfg(feature = "api")]
mod api;
#[cfg(feature = "check")]
mod check;
#[cfg(memstats)]
mod memstats;
#[cfg(feature = "widget")]
mod view;
#[cfg(feature = "widget")]
mod widget;

#[cfg(feature = "api")]
pub use api::*;
#[cfg(feature = "check")]
pub use check::{NodeIo, check, stats};
#[cfg(feature = "widget")]
pub use widget::*;

use crate::article::Normalizer;
use crate::diag::Diagnostic;
use wasm_bindgen::prelude::*;

/// Unicode compatibility decomposition through the browser's own tables
/// (`String.prototype.normalize("NFKD")`), so the Wasm carries none: only
/// non-ASCII chars reach it. Each char crosses to JS once: the answers are
/// kept (up to `NFKD_CACHE` chars), since a bank's quotes repeat the same
/// few curly quotes and dashes thousands of times.
fn js_nfkd(c: char, out: &mut String) -> bool {
    thread_local! {
        static SEEN: std::cell::RefCell<Vec<(char, Option<String>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let cached = SEEN.with_borrow(|seen| {
        seen.iter().find(|(k, _)| *k == c).map(|(_, d)| {
            if let Some(d) = d {
                out.push_str(d);
            }
            d.is_some()
        })
    });
    if let Some(hit) = cached {
        return hit;
    }
    let mut buf = [0u8; 4];
    let s = js_sys::JsString::from(&*c.encode_utf8(&mut buf));
    let d: String = s.normalize("NFKD").into();
    let changed = !d.chars().eq(std::iter::once(c));
    if changed {
        out.push_str(&d);
    }
    SEEN.with_borrow_mut(|seen| {
        if seen.len() < NFKD_CACHE {
            seen.push((c, changed.then_some(d)));
        }
    });
    changed
}

/// How many distinct chars `js_nfkd` remembers: a Latin or Cyrillic text
/// uses far fewer; a CJK text past this many goes on asking JS.
const NFKD_CACHE: usize = 512;

#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// The text of a JS string, or of UTF-8 bytes (a `Uint8Array`, as
/// `fetch`'s `arrayBuffer()` gives them); None for anything else. `what`
/// names it in the error for bytes that are not UTF-8.
///
/// Large texts (a bank) come in through here rather than as `&str`
/// parameters: wasm-bindgen's own copy walks the string char by char in JS
/// and, at the first non-ASCII char, reserves three bytes a char, so a 2 MB
/// bank briefly took 6 MB of Wasm memory, which a Wasm module never gives
/// back. A string costs `TextEncoder.encode` and one exact-size copy; bytes
/// only the copy (the encoding was about 15 ms for a 2 MB bank in headless
/// Chromium).
#[cfg(any(feature = "api", feature = "widget"))]
pub(crate) fn text_in(value: &JsValue, what: &str) -> Option<Result<String, JsValue>> {
    let bytes = bytes_of(value)?.to_vec();
    Some(String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to().to_string();
        let message = crate::text::cat(&[
            "the ",
            what,
            " is not UTF-8 text: byte ",
            &at,
            " starts no character: save the file as UTF-8",
        ]);
        js_error(&message, &[], None)
    }))
}

/// The UTF-8 bytes of a JS string (`TextEncoder`) or a `Uint8Array`,
/// still in JS; None for anything else.
#[cfg(any(feature = "api", feature = "widget"))]
fn bytes_of(value: &JsValue) -> Option<js_sys::Uint8Array> {
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        Some(TextEncoder::new().encode(text))
    } else {
        value.dyn_ref::<js_sys::Uint8Array>().cloned()
    }
}

/// How many bytes of a bank `in_pieces` copies into the Wasm at a time.
#[cfg(any(feature = "api", feature = "widget"))]
const PIECE: u32 = 64 * 1024;

/// The UTF-8 bytes of `value` (as `text_in` takes it) copied into the
/// Wasm `PIECE` bytes at a time, each handed to `piece`, which says
/// whether to go on. Nothing for a value that is not text.
#[cfg(any(feature = "api", feature = "widget"))]
fn in_pieces(value: &JsValue, piece: &mut dyn FnMut(&[u8]) -> bool) {
    let Some(bytes) = bytes_of(value) else { return };
    let len = bytes.length();
    let mut buf = vec![0; PIECE.min(len) as usize];
    let mut at = 0;
    while at < len {
        let end = len.min(at.saturating_add(PIECE));
        let Some(p) = buf.get_mut(..(end - at) as usize) else { return };
        bytes.subarray(at, end).copy_to(p);
        if !piece(p) {
            return;
        }
        at = end;
    }
}

/// A compiled bank read into the core in pieces (`CompiledPieces`), so
/// that its whole text is never in the Wasm's memory beside the questions
/// read from it: 1.2 MB at 2,000 questions, which a Wasm module would keep
/// for good. None for a file the pieces reader gives up on (anything
/// unusual or wrong): then read it whole with `Bank::load_compiled`, whose
/// diagnostics say where. The widget's `mount` and the headless `Quiz`
/// both read banks this way.
#[cfg(any(feature = "api", feature = "widget"))]
fn compiled_in(value: &JsValue) -> Option<crate::bank::Bank> {
    let mut pieces = crate::bank::CompiledPieces::new();
    in_pieces(value, &mut |p| {
        pieces.push(p);
        !pieces.failed()
    });
    pieces.finish(normalizer())
}

/// A raw bank read into the core in pieces against its article
/// (`BankPieces`), as `compiled_in`. None when the article does not parse
/// or the reader gives up (any error): then `load_playable` reads both
/// whole, for the diagnostics. The player (compiled banks only) reads no
/// raw bank.
#[cfg(all(any(feature = "api", feature = "widget"), not(feature = "player")))]
fn raw_in(value: &JsValue, article: &str) -> Option<crate::bank::Bank> {
    let article = crate::article::Article::parse(article, normalizer()).ok()?;
    mark("article parsed");
    let mut pieces = crate::bank::BankPieces::new(article);
    in_pieces(value, &mut |p| {
        pieces.push(p);
        !pieces.failed()
    });
    pieces.finish()
}

/// The bank read in pieces, as both shells read it first: a compiled one
/// with no article (`compiled_in`), else a raw one against `article`
/// (`raw_in`). None when the pieces readers give up; the shell then reads
/// the whole text with `bank::load_playable`, for the diagnostics.
#[cfg(any(feature = "api", feature = "widget"))]
pub(crate) fn playable_in(value: &JsValue, article: Option<&str>) -> Option<crate::bank::Bank> {
    match article {
        None => compiled_in(value),
        Some(article) => raw_in(value, article),
    }
}

/// The player reads compiled banks only: `load_playable` refuses a raw one.
#[cfg(feature = "player")]
fn raw_in(_value: &JsValue, _article: &str) -> Option<crate::bank::Bank> {
    None
}

/// The article path a bank names, relative to the bank file. Exported by
/// both builds: the widget's loader and a headless host both need it to
/// fetch the article.
///
/// # Errors
/// The bank is not JSON or names no article.
#[wasm_bindgen(js_name = articlePath)]
pub fn article_path(bank_json: &str) -> Result<String, JsValue> {
    crate::bank::article_path(bank_json)
        .map_err(|diags| js_error("the bank cannot be read", &diags, Some(bank_json)))
}

/// The normalizer the browser shell uses.
pub fn normalizer() -> Normalizer {
    Normalizer::with_decomposer(js_nfkd)
}

/// A JS `Error` whose message lists every diagnostic, rustc style, and
/// whose `diagnostics` property holds them as plain objects.
pub(crate) fn js_error(summary: &str, diags: &[Diagnostic], source: Option<&str>) -> JsValue {
    let mut message = summary.to_string();
    for d in diags {
        message.push('\n');
        message.push_str(&d.render(source));
    }
    let err = js_sys::Error::new(&message);
    if let Some(list) = to_js(&diags) {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("diagnostics"), &list);
    }
    err.into()
}

/// A value as plain JS objects: its JSON text, parsed by the browser's
/// `JSON.parse` ([`json_to_js`]). The Wasm already writes JSON (snapshots,
/// drafts), so this costs no second serializer, and `JSON.parse` builds the
/// objects faster than one property set per field across the boundary.
/// None only if the value cannot be written as JSON (a map with non-string
/// keys).
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Option<JsValue> {
    json_to_js(&serde_json::to_string(value).ok()?)
}

/// JSON text the Wasm wrote (an xAPI statement, a serialized value) as
/// plain JS objects, by `JSON.parse`: the one place JSON crosses into JS.
/// None if `text` is not JSON.
pub(crate) fn json_to_js(text: &str) -> Option<JsValue> {
    js_sys::JSON::parse(text).ok()
}

/// Talc rather than std's dlmalloc: smaller, as fast, and it returns freed
/// memory to its bins (a widget runs for a whole session). The Wasm is
/// single-threaded, which `WasmDynamicTalc` requires.
#[cfg(all(not(target_feature = "atomics"), not(memstats)))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The same allocator, counting, for `bench/memory.mjs` (`--cfg memstats`).
#[cfg(all(not(target_feature = "atomics"), memstats))]
#[global_allocator]
static TALC: memstats::Counting = memstats::Counting(talc::wasm::new_wasm_dynamic_allocator());

/// Records the allocator's figures at a stage of mounting (`--cfg
/// memstats` only; otherwise nothing).
#[cfg(all(memstats, any(feature = "api", feature = "widget")))]
pub(crate) use memstats::mark;
/// Records nothing: only a `--cfg memstats` build counts.
#[cfg(all(not(memstats), any(feature = "api", feature = "widget")))]
#[inline(always)]
pub(crate) fn mark(_stage: &str) {}
