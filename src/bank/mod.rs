//! Banks: the file format (`raw`), its validation into checked types, and
//! the diagnostics that point authors at what to fix.

pub mod raw;
