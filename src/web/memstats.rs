//! The allocator's figures for `bench/memory.mjs`, compiled only with
//! `--cfg memstats` (never in a shipped Wasm): the global allocator counts
//! the bytes live and their high-water mark, and `mark` records them at
//! each stage of `Widget.mount` into `globalThis.citequizMemory`, an array
//! of `{stage, live, peak, memory}` (bytes: live at the mark, the highest
//! live since the previous mark, and the Wasm memory's size then).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
#[cfg(feature = "widget")]
use wasm_bindgen::{JsCast, JsValue};

/// Talc, counting.
pub struct Counting(pub talc::wasm::WasmDynamicTalc);

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is talc's; the counters only add and subtract sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { self.0.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as a move: both blocks are live while it copies,
            // unless talc grows the block in place.
            grew(new_size);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

/// Records the allocator's figures at `stage` and starts the next stage's
/// high-water mark from what is live now.
#[cfg(feature = "widget")]
pub fn mark(stage: &str) {
    let live = LIVE.load(Relaxed);
    let peak = PEAK.swap(live, Relaxed);
    let memory = core::arch::wasm32::memory_size(0) * 65536;
    let global = js_sys::global();
    let key = JsValue::from_str("citequizMemory");
    let list = js_sys::Reflect::get(&global, &key)
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_default();
    let entry = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(k), &v);
    };
    set("stage", JsValue::from_str(stage));
    set("live", JsValue::from_f64(live as f64));
    set("peak", JsValue::from_f64(peak as f64));
    set("memory", JsValue::from_f64(memory as f64));
    list.push(&entry);
    let _ = js_sys::Reflect::set(&global, &key, &list);
}
