//! Saved progress in `localStorage`, and what to tell the learner about it.
//!
//! The stored value is `{"v":1,"snapshot":<Session::snapshot_json()>,
//! "drafts":{question id: Response}}`: the session's own snapshot, verbatim,
//! plus what the learner typed or picked but has not checked yet.
//!
//! Every storage call is wrapped: storage may be missing (null), throw on
//! access (blocked cookies, sandboxed frames) or throw on `setItem`
//! (`QuotaExceededError`). Then the quiz works on without saving.

use crate::grade::Response;
use crate::json::read::Reader;
use crate::json::value::{self, V, Value};
use crate::session::{DropReason, RestoreReport, Session, Snapshot};
use serde::Serialize;
use web_sys::Storage;

use super::i18n::{I18n, fill};
use crate::text::cat;
use std::rc::Rc;

/// The version of the stored value's outer shape.
const STORE_VERSION: u32 = 1;

/// Drafts: per question, the response the learner is composing. A few
/// entries at most, so a Vec: a BTreeMap would cost the Wasm kilobytes.
#[derive(Default)]
pub(crate) struct Drafts(Vec<(String, Response)>);

impl Drafts {
    pub(crate) fn get(&self, id: &str) -> Option<&Response> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, r)| r)
    }

    pub(crate) fn insert(&mut self, id: &str, r: Response) {
        self.remove(id);
        self.0.push((id.to_string(), r));
    }

    pub(crate) fn remove(&mut self, id: &str) {
        self.0.retain(|(k, _)| k != id);
    }

    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }
}

/// Saved as a JSON object: `{question id: Response}`.
impl Serialize for Drafts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// The stored value, read: the snapshot's JSON text as stored, and the
/// drafts object's members.
struct SavedIn<'a> {
    snapshot: &'a str,
    drafts: &'a [value::Member<'a>],
}

/// Reads the stored value's outer shape; None when it is not
/// `{"v": 1, "snapshot": …, "drafts": {…}}` (drafts may be absent).
fn saved_in<'a>(text: &'a str, tree: &'a Value<'a>) -> Option<SavedIn<'a>> {
    let V::Obj(members) = &tree.v else { return None };
    let get = |key: &str| members.iter().find(|m| m.key == key).map(|m| &m.value);
    if get("v")?.v != V::Num(f64::from(STORE_VERSION)) {
        return None;
    }
    let snapshot = get("snapshot")?;
    let drafts = match get("drafts").map(|d| &d.v) {
        None => &[][..],
        Some(V::Obj(m)) => m,
        Some(_) => return None,
    };
    Some(SavedIn { snapshot: text.get(snapshot.at..snapshot.end)?, drafts })
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `Storage` whose `setItem` takes a JS string as the value
    /// (web-sys's takes a `&str`, which would have to be whole in the Wasm
    /// first).
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(
        this: &JsStorage,
        key: &str,
        value: &js_sys::JsString,
    ) -> Result<(), wasm_bindgen::JsValue>;
}

/// A handle on the storage slot, or on nothing when storage is unusable.
pub(crate) struct Store {
    storage: Option<Storage>,
    key: String,
}

impl Store {
    /// Opens storage and checks that it takes writes: some browsers hand out
    /// a `localStorage` whose every `setItem` throws.
    pub(crate) fn open(key: String) -> Store {
        let storage =
            web_sys::window().and_then(|w| w.local_storage().ok().flatten()).filter(|s| {
                let probe = cat(&[&key, ":probe"]);
                let ok = s.set_item(&probe, "1").is_ok();
                let _ = s.remove_item(&probe);
                ok
            });
        Store { storage, key }
    }

    /// The storage key.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    /// Whether progress can be saved.
    pub(crate) fn works(&self) -> bool {
        self.storage.is_some()
    }

    /// The saved value, if any.
    pub(crate) fn load(&self) -> Option<String> {
        self.storage.as_ref().and_then(|s| s.get_item(&self.key).ok().flatten())
    }

    /// Saves the session and drafts. Returns false when storage failed now
    /// (a full quota, say); storage is then given up on for this page.
    pub(crate) fn save(&mut self, session: &Session, drafts: &Drafts) -> bool {
        if self.storage.is_none() {
            return true;
        }
        let Ok(drafts) = serde_json::to_string(drafts) else { return true };
        let version = STORE_VERSION.to_string();
        // The value joined in JS from the snapshot's pieces, so that its
        // whole text is never in the Wasm's memory (0.16 MB at 2,000
        // questions, right after mounting: memory a Wasm module keeps).
        let mut value = js_sys::JsString::from(cat(&["{\"v\":", &version, ",\"snapshot\":"]));
        session.snapshot_json_pieces(&mut |piece| value = value.concat(&piece.into()));
        let value = value.concat(&cat(&[",\"drafts\":", &drafts, "}"]).into());
        let Some(storage) = &self.storage else { return true };
        let storage: &JsStorage = wasm_bindgen::JsCast::unchecked_ref(storage);
        if storage.set_item(&self.key, &value).is_ok() {
            true
        } else {
            self.storage = None;
            false
        }
    }

    /// Saves `value`. Returns false when storage failed now (a full quota,
    /// say); storage is then given up on for this page.
    pub(crate) fn put(&mut self, value: &str) -> bool {
        let Some(storage) = &self.storage else { return true };
        if storage.set_item(&self.key, value).is_ok() {
            true
        } else {
            self.storage = None;
            false
        }
    }

    /// Forgets the saved progress.
    pub(crate) fn clear(&self) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(&self.key);
        }
    }

    /// Keeps an unusable value under another key, so that it is not lost
    /// to a bug here, then clears the slot.
    pub(crate) fn set_aside(&self, value: &str) {
        if let Some(s) = &self.storage {
            let _ = s.set_item(&cat(&[&self.key, ":set-aside"]), value);
        }
        self.clear();
    }
}

/// What restoring found.
pub(crate) struct Restored {
    pub(crate) session: Option<Session>,
    pub(crate) drafts: Drafts,
    /// A sentence for the notice area, if there is something to tell.
    pub(crate) notice: Option<String>,
}

/// Restores the saved session, if any, against `bank`.
pub(crate) fn restore(store: &Store, bank: &Rc<crate::bank::Bank>, i18n: &I18n) -> Restored {
    let none = |notice: Option<&str>| Restored {
        session: None,
        drafts: Drafts::default(),
        notice: notice.map(str::to_string),
    };
    let Some(value) = store.load() else { return none(None) };
    let tree = value::parse(&value).ok().filter(|(_, trailing)| trailing.is_none());
    let Some(saved) = tree.as_ref().and_then(|(tree, _)| saved_in(&value, tree)) else {
        store.set_aside(&value);
        return none(Some(i18n.t.set_aside));
    };
    let Ok((session, report)) = Session::restore_json(Rc::clone(bank), saved.snapshot) else {
        store.set_aside(&value);
        return none(Some(i18n.t.set_aside));
    };
    let changed: Vec<&str> = report.dropped.iter().map(|d| d.id.as_str()).collect();
    // A draft that no longer parses, or is for a question that changed or
    // left, is dropped quietly: it was never checked.
    let mut drafts = Drafts::default();
    for m in saved.drafts {
        if changed.contains(&&*m.key) || session.state(&m.key).is_none() {
            continue;
        }
        let mut r = Reader::new(&value);
        let path = crate::json::read::Path::Root;
        if let Some(response) = crate::grade::read::response(&mut r, &m.value, path, m.at) {
            drafts.insert(&m.key, response);
        }
    }
    let notice = version_notice(saved.snapshot, &report, i18n);
    Restored { session: Some(session), drafts, notice }
}

/// "Your saved progress was for an earlier version of this quiz: 2 answers
/// were kept, 1 could not be (the question changed)." None when the bank
/// did not change in a way that touched saved answers.
fn version_notice(snapshot_json: &str, report: &RestoreReport, i18n: &I18n) -> Option<String> {
    if report.dropped.is_empty() && report.added.is_empty() {
        return None;
    }
    let t = i18n.t;
    // Count answers, not questions: a question with nothing saved lost nothing.
    let snap = Snapshot::from_json(snapshot_json).ok()?;
    let answered = |id: &str| {
        snap.questions.iter().any(|q| q.id == id && (!q.responses.is_empty() || q.hints > 0))
    };
    let kept = report.kept.iter().filter(|id| answered(id)).count();
    let lost: Vec<_> = report.dropped.iter().filter(|d| answered(&d.id)).collect();
    let mut s = String::from(t.earlier_version);
    s.push_str(&i18n.count(kept as f64, &t.answers_kept));
    if !lost.is_empty() {
        let removed = lost.iter().filter(|d| d.reason == DropReason::Removed).count();
        let why = match (removed, lost.len() - removed) {
            (0, 1) => t.question_changed,
            (0, _) => t.questions_changed,
            (1, 0) => t.question_removed,
            (_, 0) => t.questions_removed,
            _ => t.changed_or_removed,
        };
        s.push_str(&fill(t.could_not_be, &[&I18n::int(lost.len()), why]));
    }
    if !report.added.is_empty() {
        s.push_str(&i18n.count(report.added.len() as f64, &t.questions_added));
    }
    s.push('.');
    Some(s)
}
