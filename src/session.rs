//! A session: one attempt at a bank.
