//! The web-sys view.
