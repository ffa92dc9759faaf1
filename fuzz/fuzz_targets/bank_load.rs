//! The `bank_load` target: see `checks::bank_load`.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::bank_load(data));
