//! The headless JS API.
