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
    /// A save this login cannot make here; `why` names the file or folder in the way.
    #[error("{path} is read-only: pmdb cannot save to it ({why})")]
    ReadOnly { path: PathBuf, why: String },
    /// The file, or a folder on the way to it, may not be read by this login.
    #[error("{0}")]
    PermissionDenied(String),
    #[error("the disk holding {0} is full: nothing was saved")]
    DiskFull(PathBuf),
    /// The database, its `-wal` or its folder was deleted, moved or replaced while open:
    /// a save would go into a file nobody else sees.
    #[error(
        "{0} was moved, deleted or replaced while pmdb had it open: nothing was saved; open it again"
    )]
    Replaced(PathBuf),
    /// A person may not do this; the text names the rule.
    #[error("{0}")]
    Refused(String),
    /// Input that cannot be accepted; the text names what and where.
    #[error("{0}")]
    Invalid(String),
    /// A cell of an import file refused, with its row (as a spreadsheet numbers it) and
    /// column; `problem` is the rule's own typed refusal where one refused it.
    #[error("row {row}, column {column}: {problem}")]
    Row {
        row: usize,
        column: String,
        problem: super::import_rows::Problem,
    },
    /// Several rows of an import file refused, each a `StoreError::Row`, in file order.
    #[error("{}", rows_listed(.0))]
    Rows(Vec<StoreError>),
    /// An import whose rows passed the store's checks but whose file was refused already
    /// (cells that did not parse): everything it wrote is rolled back.
    #[error("nothing was imported: the file has problems")]
    HeldBack,
    /// A person's role does not allow this; the refusal names the rule.
    #[error(transparent)]
    Denied(#[from] crate::domain::role::RoleError),
    /// A recorded value refused by the rules for one (domain::entry); boxed, as the rules'
    /// refusals carry the figures they refused.
    #[error(transparent)]
    Entry(Box<crate::domain::entry::EntryError>),
    /// A miss recorded without its commentary or remedial action, naming the indicator and
    /// period.
    #[error("{code} {period}: {refusal}")]
    Unexplained {
        code: String,
        period: crate::domain::period::Period,
        refusal: Box<crate::domain::entry::EntryError>,
    },
    /// The file cannot be opened or created as a pmdb database, and why.
    #[error("{0}")]
    Open(String),
    /// A migration that failed, naming the schema version it was bringing the file to.
    #[error("could not bring the database to schema version {version} (error {code}): {problem}")]
    Migration {
        version: i64,
        code: i32,
        problem: String,
    },
    /// A backup that could not be written, naming where.
    #[error("{problem}")]
    Backup { path: PathBuf, problem: String },
    /// Someone that must be a pmdb user (an owner, an officer, a Board member) is not one.
    #[error("{0}")]
    NotAUser(#[from] super::users::NotAUser),
    #[error(
        "user {login} exists already; change their role with `pmdb user set-role {login} ROLE`"
    )]
    UserExists { login: String },
    #[error("{period} was signed off already, on {}", crate::stamp::for_people(at))]
    AlreadySignedOff {
        period: crate::domain::period::Period,
        at: String,
    },
    /// A sign-off to reopen that was never made (or is reopened already).
    #[error("{period} is not signed off: there is no sign-off to reopen")]
    NotSignedOff {
        period: crate::domain::period::Period,
    },
    /// A value or update for a period a sign-off covers (`within`, the period signed off).
    #[error(
        "refused: {period} is signed off (as part of {within}); its figures can no longer change"
    )]
    SignedOff {
        period: crate::domain::period::Period,
        within: String,
    },
    /// A commentary or remedial action the spec does not allow.
    #[error("{0}")]
    Text(super::import_rows::Problem),
    /// A code, name or text the spec does not allow.
    #[error(transparent)]
    Field(#[from] crate::domain::fields::FieldError),
    /// A period that must have ended has not.
    #[error(transparent)]
    NotEnded(#[from] crate::domain::deadline::NotEnded),
    /// A step the exception workflow does not allow, on exception `id`.
    #[error("exception #{id}: {problem}")]
    Exception {
        id: i64,
        problem: super::import_rows::Problem,
    },
    #[error("{0}")]
    NotFound(String),
    /// An action or project update, milestone date or risk review refused, naming the item.
    #[error(transparent)]
    Delivery(#[from] super::delivery_updates::DeliveryError),
    /// Someone else saved the same record since it was read.
    #[error(
        "{what} was changed by {by} on {} since you read it (version {expected}, now {found})",
        crate::stamp::for_people(at)
    )]
    Conflict {
        what: String,
        by: String,
        at: String,
        expected: i64,
        found: i64,
    },
    /// Another process kept the database locked for longer than pmdb waits: named, from
    /// the lock table, when it can be (`lock_holders::held_by`).
    #[error("{}", busy(.0.as_deref()))]
    Busy(Option<String>),
    /// The file-size limit of this process (`ulimit -f`) is smaller than the database
    /// or its `-wal` must grow to.
    #[error(
        "{path} cannot grow past {limit} bytes, the largest file this login may write here (its file-size limit, `ulimit -f`): nothing was saved; raise the limit and try again"
    )]
    FileTooLarge { path: PathBuf, limit: u64 },
    /// No room on the disk for the `-shm` (or `-wal`) SQLite needs beside the database,
    /// even to read it.
    #[error(
        "the disk holding {0} is full: pmdb cannot open it, since SQLite needs room beside it for its -shm and -wal files; free some space and try again"
    )]
    NoRoom(PathBuf),
    /// The `-wal` was deleted or replaced under a pmdb that has the database open: its
    /// `-shm` describes saves the `-wal` on disk does not hold.
    #[error(
        "{}-wal was deleted or replaced while another pmdb had the database open: nothing was read or saved; everyone must close pmdb on this database (`pmdb check --locks` names who has it open), then open it again and run `pmdb check`", .0.display()
    )]
    WalLost(PathBuf),
    /// The person stopped waiting for another writer (`tx::Abandon`).
    #[error("the save was abandoned while it waited for the database; nothing was saved")]
    Abandoned,
    #[error("the database file is damaged ({0}): restore from a backup (`pmdb backup` makes them)")]
    Corrupt(String),
    /// A stored row pmdb cannot read as it was written: never read as something else.
    #[error("the database holds a damaged row: {0}; correct or remove it (see `pmdb check`)")]
    DamagedRow(DamagedRow),
    /// Not marked as the source, so a message shows SQLite's words once, not three times.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

fn busy(held: Option<&str>) -> String {
    match held {
        Some(who) => format!("{who}; pmdb waited for it and gave up: nothing was saved, try again"),
        None => "the database stayed busy for too long; nothing was saved, try again".into(),
    }
}

/// Several bad rows, one a line after a line counting them.
fn rows_listed(rows: &[StoreError]) -> String {
    let mut lines = vec![format!("{} problems; nothing was imported:", rows.len())];
    lines.extend(rows.iter().map(ToString::to_string));
    lines.join("\n")
}

impl From<crate::domain::entry::EntryError> for StoreError {
    fn from(e: crate::domain::entry::EntryError) -> StoreError {
        StoreError::Entry(Box::new(e))
    }
}

/// What is wrong with a stored row, and which: the table, the row's key and the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{table} {key}: {field} {problem}")]
pub struct DamagedRow {
    pub table: &'static str,
    pub key: String,
    pub field: &'static str,
    pub problem: String,
}

impl DamagedRow {
    /// For `map_err` when reading a field: the refusal of whatever parsed it, as the
    /// damaged row named by table, key and field.
    pub fn reading<E: std::fmt::Display>(
        table: &'static str,
        key: &str,
        field: &'static str,
        column: usize,
    ) -> impl FnOnce(E) -> rusqlite::Error {
        let key = key.to_string();
        move |e| {
            DamagedRow {
                table,
                key,
                field,
                problem: e.to_string(),
            }
            .into_sqlite(column)
        }
    }

    /// The row as a rusqlite error, to return from a row-mapping closure; `From` below
    /// turns it back into `StoreError::DamagedRow`.
    pub fn into_sqlite(self, column: usize) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            Box::new(self),
        )
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e
            && let Some(d) = inner.downcast_ref::<DamagedRow>()
        {
            return StoreError::DamagedRow(d.clone());
        }
        match e.sqlite_error_code() {
            // Never the raw "database is locked" or "locking protocol": the refusal names
            // who holds it where it is made (`Store::write`, opening, the command line).
            Some(
                rusqlite::ErrorCode::DatabaseBusy
                | rusqlite::ErrorCode::DatabaseLocked
                | rusqlite::ErrorCode::FileLockingProtocolFailed,
            ) => StoreError::Busy(None),
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                StoreError::Corrupt(e.to_string().lines().next().unwrap_or_default().to_string())
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
