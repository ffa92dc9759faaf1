//! The widget's Wasm gets a 128 KiB stack rather than Rust's default 1 MiB:
//! every page of the stack is memory the widget holds for its whole life.
//! The deepest recursion is the JSON reader's, bounded at 128 levels, which
//! needs about 32 KiB in the optimized build (tests/e2e/stack.test.mjs
//! loads the built widget with input nested to the limit and far past it).
//! The stack comes first in memory, so an overflow traps rather than
//! overwriting data. Only the cdylib (the widget) is linked this way; the
//! Wasm test binaries, built without optimization, keep the default.
fn main() {
    // `bench/memory.mjs` builds the widget with `--cfg memstats`
    // (src/web/memstats.rs); declared so that check-cfg knows it.
    println!("cargo::rustc-check-cfg=cfg(memstats)");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=131072");
    }
}
