//! Self-study over days: FSRS-6 scheduling of the bank's questions for one
//! learner. Pure: time comes in as `now_ms` (and the learner's UTC offset,
//! for where days begin), storage is the shell's.

pub mod fsrs;

pub use fsrs::{Fsrs, MemoryState, Rating};
