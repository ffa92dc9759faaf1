//! The browser shell: the wasm-bindgen API and the web-sys view.
