//! pmdb: the Performance Management Database for UK councils.
//!
//! `domain` holds the rules (periods, RAG, aggregation, deadlines, roll-ups) with no SQL or
//! terminal in them; `store` maps them to SQLite; `cli` is the scriptable command line.

pub mod cli;
pub mod csvio;
pub mod demo;
pub mod domain;
pub mod outfile;
pub mod query;
pub mod safe_text;
pub mod store;
pub mod tui;
