//! What can go wrong in the store, each saying what and where.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no pmdb database at {0}: create one with `pmdb init` or `pmdb demo`")]
    NoDatabase(PathBuf),
    #[error("{0} already exists; refusing to overwrite it")]
    Exists(PathBuf),
    #[error("{path} is not a pmdb database ({why})")]
    NotPmdb { path: PathBuf, why: String },
    #[error(
        "{path} has schema version {found}, newer than this pmdb understands ({supported}); upgrade pmdb to use it"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{0} is read-only: pmdb cannot save to it (check the file and folder permissions)")]
    ReadOnly(PathBuf),
    /// A person may not do this; the text names the rule.
    #[error("{0}")]
    Refused(String),
    /// Input that cannot be accepted; the text names what and where.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    /// Someone else saved the same record since it was read.
    #[error(
        "{what} was changed by {by} at {at} since you read it (version {expected}, now {found})"
    )]
    Conflict {
        what: String,
        by: String,
        at: String,
        expected: i64,
        found: i64,
    },
    #[error("the database stayed busy for too long; nothing was saved, try again")]
    Busy,
    #[error("the database file is damaged ({0}): restore from a backup (`pmdb backup` makes them)")]
    Corrupt(String),
    /// Not marked as the source, so a message shows SQLite's words once, not three times.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                StoreError::Corrupt(e.to_string().lines().next().unwrap_or_default().to_string())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
