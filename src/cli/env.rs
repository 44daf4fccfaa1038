//! What a command learns from its surroundings: who is asking (the operating system's
//! login of the process, never an environment variable a person can set), what day it is
//! (`PMDB_TODAY` for reproducible runs) and where the database lives.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

/// The login of the process's real user id, from the system's user database.
pub fn login() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(user)) => user.name,
        // A uid with no passwd entry still needs a stable name; it is never a known user.
        _ => format!("uid{uid}"),
    }
}

/// Today, from `PMDB_TODAY=YYYY-MM-DD` when set, else the clock.
pub fn today() -> Result<NaiveDate> {
    match std::env::var("PMDB_TODAY") {
        Ok(text) if !text.trim().is_empty() => text.trim().parse().map_err(|_| {
            anyhow!("PMDB_TODAY='{text}' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-20")
        }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Whether `PMDB_TODAY` names today (rather than the clock).
pub fn today_is_pinned() -> bool {
    std::env::var("PMDB_TODAY").is_ok_and(|t| !t.trim().is_empty())
}

/// The data directory `directories` gives for pmdb.
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "pmdb")
        .map(|d| d.data_dir().to_path_buf())
        .context("no home directory to keep the database in: give --db PATH or set PMDB_DB")
}

/// The database to use: `--db`/`PMDB_DB`, else `pmdb.db` in the data directory.
pub fn database(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(p) => Ok(p),
        None => Ok(data_dir()?.join("pmdb.db")),
    }
}

/// Where `--demo` keeps the demo council unless `--db` says otherwise.
pub fn demo_database(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(p) => Ok(p),
        None => Ok(data_dir()?.join("pmdb-demo.db")),
    }
}
