//! pmdb: the Performance Management Database for UK councils.
//!
//! The rules, the store, the queries, CSV and publishing (the pack both front ends make)
//! live in the `pmdb-core` crate (re-exported here under the same names), which cannot
//! reach anything below; this crate holds the front ends: `cli`, the scriptable command
//! line; `tui`, the terminal interface; and `demo`, the seeded demo council.

pub use pmdb_core::{
    csvio, deployment, domain, drop_aside, outfile, privilege, publish, query, safe_text, stamp,
    store,
};

pub mod cli;
pub mod demo;
pub mod tui;
