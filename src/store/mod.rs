//! SQLite: the only place with SQL. Opening (pragmas, migrations), the write transaction
//! with retry, and one file per entity's queries.

mod audit;
mod dataset;
mod error;
mod exceptions;
mod import_rows;
mod indicators;
mod open;
mod plan;
mod records;
mod session;
mod settings;
mod signoff;
mod targets;
mod tx;
mod users;
mod values;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use audit::AuditRow;
pub use dataset::Dataset;
pub use error::{Result, StoreError};
pub use exceptions::{ExceptionFilter, ExceptionRecord, ExceptionUpdate, NewException};
pub use import_rows::{Columns, ImportSummary, ValueRow};
pub use indicators::IndicatorRecord;
pub use plan::Named;
pub use records::{
    ActionRecord, BenchmarkRecord, BudgetRecord, CaseStudyRecord, EiaRecord, MeetingRecord,
    MilestoneRecord, ProjectRecord, RiskRecord,
};
pub use session::Entered;
pub use settings::Settings;
pub use signoff::Frozen;
pub use tx::Abandon;
pub use users::UserRecord;
pub use values::{Expect, NewValue, Quality, SaveOutcome, StoredValue};

use crate::domain::role::Actor;

/// The schema, applied by migrations: see the header of schema.sql.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// An open pmdb database, with the login of the person using it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    login: String,
    /// What the audit triggers record as who and when.
    session: session::Session,
    /// Set for a save the person may call off while it waits (`Store::abandon_with`).
    abandon: Option<Abandon>,
}

impl Store {
    /// Opens an existing pmdb database, migrating it forward if it is older than this pmdb.
    pub fn open(path: &Path, login: &str) -> Result<Store> {
        open::open_existing(path, login)
    }

    /// Creates a new, empty pmdb database; the login becomes its admin.
    pub fn create(path: &Path, login: &str) -> Result<Store> {
        open::create_new(path, login)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn login(&self) -> &str {
        &self.login
    }

    /// The person using the store, with their role (None for a login pmdb does not know).
    pub fn actor(&self) -> Result<Actor> {
        Ok(Actor {
            login: self.login.clone(),
            role: self.role_of(&self.login)?,
        })
    }

    /// Changes whenever another connection commits: the interface polls it to notice saves.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A consistent copy of the database while others write, through `VACUUM INTO`
    /// (never a file copy, which could catch a half-written page).
    pub fn backup(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(StoreError::Invalid(format!(
                "{} already exists; backup writes a new file and never overwrites one",
                to.display()
            )));
        }
        // Written beside the final name and renamed when complete, so a killed backup
        // leaves nothing under it (and nothing to block the next one).
        crate::outfile::write_beside(to, crate::outfile::Existing::Refuse, |tmp| {
            let target = tmp.to_string_lossy().to_string();
            self.conn
                .execute("VACUUM INTO ?1", [target])
                .map(drop)
                .map_err(std::io::Error::other)
        })
        .map_err(|e| {
            StoreError::Invalid(format!(
                "could not write the backup to {}: {e}",
                to.display()
            ))
        })
    }

    /// Runs read-only SQL for tests and tools that need a figure the API does not give.
    pub fn query_i64(&self, sql: &str) -> Result<i64> {
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }
}
