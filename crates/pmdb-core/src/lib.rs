//! pmdb's core: the rules (`domain`: periods, RAG, aggregation, deadlines, roll-ups,
//! workflow; no SQL, no terminal, no clock), the store (`store`: SQLite, the only SQL), the
//! rules applied to a loaded dataset (`query`), CSV in and out (`csvio`), and the text and
//! file safety every front end shares (`safe_text`, `outfile`); and publishing (`publish`: the
//! pack a council uploads, and the pages of a period), which both front ends call.
//!
//! A crate of its own so the compiler keeps the direction of the layers: nothing here can
//! reach the terminal interface, the command line or the demo, which live in `pmdb`.

pub mod csvio;
pub mod deployment;
pub mod domain;
pub mod drop_aside;
pub mod outfile;
pub mod privilege;
pub mod publish;
pub mod query;
pub mod safe_text;
pub mod stamp;
pub mod store;
