//! Self-study over days: FSRS-6 scheduling of the bank's questions for one
//! learner. Pure: time comes in as `now_ms` (and the learner's UTC offset,
//! for where days begin), storage is the shell's.

pub mod fsrs;
mod memory;
mod passages;
mod progress;

pub use fsrs::{Fsrs, MemoryState, Rating};
pub use memory::{
    Card, DEFAULT_NEW_PER_DAY, LoadReport, Memory, MemoryError, Now, REVIEW_FORMAT, rating,
};
pub use passages::{Knowledge, Passage, passages, to_reread};
pub use progress::{Imported, PROGRESS_FORMAT, ProgressError, export, import, newer_attempt};
