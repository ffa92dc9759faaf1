//! Grading: one pure function per question kind.
