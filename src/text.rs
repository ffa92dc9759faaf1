//! String helpers for the core and the browser shell, written with
//! `push_str` rather than `format!`: its machinery adds kilobytes to the
//! Wasm and is slow in the Wasm's first, baseline tier, which matters in
//! code that runs for every question of a bank as it loads.

/// Concatenates string slices.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}
