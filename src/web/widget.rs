//! The mounted widget.
