//! SQLite: the only place with SQL. Opening (pragmas, migrations), the write transaction
//! with retry, and one file per entity's queries.

#[macro_use]
mod record_macro;

mod audit;
mod case_studies;
mod changes;
mod dataset;
mod dataset_of;
mod delivery;
pub mod delivery_frozen;
mod delivery_import;
pub mod delivery_read;
mod delivery_updates;
mod enterers_import;
mod error;
mod exception_history;
mod exceptions;
pub mod faults;
mod import_rows;
mod index;
mod indicators;
pub mod lock_holders;
mod meetings;
mod narratives;
mod open;
mod org;
mod plan;
mod quality_index;
mod read_beside;
mod records;
mod reminders;
mod requests;
mod session;
mod settings;
mod signoff;
mod signoff_approval;
mod signoff_definitions;
mod signoff_extras;
mod target_states;
mod targets;
mod test_kill;
mod tx;
mod users;
mod values;

#[cfg(test)]
mod boards_named;
#[cfg(test)]
mod carried_forward;
#[cfg(test)]
mod case_studies_chosen;
#[cfg(test)]
mod history_backfill;
#[cfg(test)]
mod old_file;
#[cfg(test)]
mod requests_migrated;
#[cfg(test)]
mod risks_migrated;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use audit::AuditRow;
pub use case_studies::{NewCaseStudy, Submitted};
pub use changes::{Changed, Changes};
pub use dataset::Dataset;
pub use dataset_of::Reads;
pub use delivery::{
    ActionLinkRecord, ActionRecord, ActionUpdateRecord, Delivery, EiaRecord, MilestoneRecord,
    ProjectLinkRecord, ProjectRecord, ProjectUpdateRecord, RiskLinkRecord, RiskProjectRecord,
    RiskRecord, RiskReviewRecord,
};
pub use delivery_import::{ActionRow, ProjectRow, RiskRow};
pub use delivery_updates::{
    DeliveryError, MilestoneChange, NewActionUpdate, NewProjectUpdate, NewRiskReview, NewUpdate,
    UpdateKind,
};
pub use enterers_import::EntererRow;
pub use error::{DamagedRow, Result, StoreError};
pub use exception_history::HistoryEntry;
pub use exceptions::{ExceptionFilter, ExceptionRecord, ExceptionUpdate, NewException};
pub use import_rows::{Columns, ImportSummary, Unknown, ValueRow};
pub use indicators::IndicatorRecord;
pub use narratives::{Narrative, NewNarrative};
pub use org::{BoardMember, BoardRow, DEFAULT_BOARDS, MeetingRow, UserRow};
pub use plan::Named;
pub use read_beside::{SECOND_CONNECTION_FROM, worth_a_second_connection};
pub use records::{BenchmarkRecord, BudgetRecord, CaseStudyRecord, MeetingRecord};
pub use requests::NewRequest;
pub use session::Entered;
pub use settings::Settings;
pub use signoff::{
    ApprovalRecord, Freeze, Frozen, FrozenDelivery, Reopening, SignoffRecord, Signoffs,
};
pub use signoff_approval::Approve;
pub use signoff_definitions::Definitions;
pub use signoff_extras::FrozenExtras;
pub use target_states::{RollForward, TargetStateRecord};
pub use tx::Abandon;
pub use users::{NotAUser, UserRecord};
pub use values::{Expect, NewValue, QUALITY_KEY, Quality, SaveOutcome, StoredValue};

use crate::domain::role::Actor;
use test_kill::TestKill;

/// The schema, applied by migrations: see the header of schema.sql.
pub const SCHEMA: &str = include_str!("../../../../schema.sql");

/// An open pmdb database, with the login of the person using it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    login: String,
    /// What the audit triggers record as who and when.
    session: session::Session,
    /// Which files the path and its `-wal` named when opened: a save into a file that was
    /// since moved or replaced would be seen by nobody.
    identity: Identity,
    /// Opened by a command that only reads (`Store::open_reading`): read-only, and never
    /// checkpointing as it closes.
    reading: bool,
    /// How long a save waits for another's lock before it is refused (`Store::wait_at_most`).
    patience: std::time::Duration,
    /// Set for a save the person may call off while it waits (`Store::abandon_with`).
    abandon: Option<Abandon>,
    /// Inside `Store::as_one_import`: every import joins its one transaction.
    joined: bool,
    /// Set while an import whose file is refused already runs its rows through the
    /// store's checks (`Store::held_back`): its bulk write never commits.
    hold_back: bool,
}

/// How to open another connection to a store's database (`Store::opener`); it can be
/// sent to another thread.
#[derive(Debug, Clone)]
pub struct Opener {
    path: PathBuf,
    login: String,
    pinned: Option<chrono::NaiveDate>,
    identity: Identity,
}

impl Opener {
    /// The database this opens.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn open(&self) -> Result<Store> {
        let mut store = Store::open_on(&self.path, &self.login, self.pinned)?;
        // Judged against the files the first store opened, not whatever the path names now.
        store.identity = self.identity;
        store.check_same_file()?;
        Ok(store)
    }
}

/// The database file and its `-wal` as they were when the store opened them.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Identity {
    db: Option<faults::FileId>,
    wal: Option<faults::FileId>,
}

impl Identity {
    fn of(path: &Path) -> Identity {
        Identity {
            db: faults::FileId::of(path),
            wal: faults::FileId::of(&faults::sidecar(path, "-wal")),
        }
    }
}

impl Store {
    /// Opens an existing pmdb database, migrating it forward if it is older than this pmdb.
    pub fn open(path: &Path, login: &str) -> Result<Store> {
        open::open_existing(path, login, None)
    }

    /// As `open`, with every instant it records on `day` when one is given (`PMDB_TODAY`),
    /// from its migrations on.
    pub fn open_on(path: &Path, login: &str, day: Option<chrono::NaiveDate>) -> Result<Store> {
        open::open_existing(path, login, day)
    }

    /// Opens an existing database for reading only (`open_on`'s pinned day included): a
    /// read never takes a lock that stops a save, stopped or not.
    pub fn open_reading(path: &Path, login: &str, day: Option<chrono::NaiveDate>) -> Result<Store> {
        open::open_reading(path, login, day)
    }

    /// Creates a new, empty pmdb database; the login becomes its admin.
    pub fn create(path: &Path, login: &str) -> Result<Store> {
        open::create_new(path, login, None)
    }

    /// As `create`, with every instant it records (its first admin included) on `day`.
    pub fn create_on(path: &Path, login: &str, day: chrono::NaiveDate) -> Result<Store> {
        open::create_new(path, login, Some(day))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What another thread needs to open a connection of its own to this same database:
    /// the path, the login, the pinned day, and the files this store opened, so that a
    /// connection opened after the file was replaced refuses to save into the new one.
    pub fn opener(&self) -> Opener {
        Opener {
            path: self.path.clone(),
            login: self.login.clone(),
            pinned: self.session.pinned(),
            identity: self.identity,
        }
    }

    /// Refuses when the database or its `-wal` is no longer the file pmdb opened (deleted,
    /// moved, or replaced by another file, or its folder was): the interface checks this as
    /// it polls, and every write checks it first.
    pub fn check_same_file(&self) -> Result<()> {
        let now = Identity::of(&self.path);
        let wal_gone = self.identity.wal.is_some() && now.wal != self.identity.wal;
        if now.db != self.identity.db || wal_gone {
            return Err(StoreError::Replaced(self.path.clone()));
        }
        Ok(())
    }

    pub fn login(&self) -> &str {
        &self.login
    }

    /// Records every later instant (entered, raised, signed off, audit) on `day`, the
    /// time of day being the clock's: what `PMDB_TODAY` asks for.
    pub fn pin_today(&self, day: chrono::NaiveDate) {
        self.session.pin_today(day);
    }

    /// The person using the store, with their role (None for a login pmdb does not know).
    pub fn actor(&self) -> Result<Actor> {
        self.actor_named(&self.login)
    }

    /// `login` as an actor, with the role the store gives them.
    fn actor_named(&self, login: &str) -> Result<Actor> {
        Ok(Actor {
            login: login.to_string(),
            role: self.role_of(login)?,
        })
    }

    /// Runs `act` as `entered.by`: judged with their role, its writes recorded as theirs at
    /// `entered.at` (the demo's history: a step recorded by who made it, on its day).
    fn as_entered<T>(
        &mut self,
        entered: &Entered,
        act: impl FnOnce(&mut Store, Actor) -> Result<T>,
    ) -> Result<T> {
        let actor = self.actor_named(&entered.by)?;
        let session = self.session.clone();
        let _behalf = session.on_behalf_of(entered);
        act(self, actor)
    }

    /// Holds this connection's page cache to `kib` KiB (SQLite's default is 2 MiB): a
    /// connection kept open only to read what others change (the interface's reader) needs
    /// little, the file's pages being in the system's cache anyway.
    pub fn limit_page_cache(&self, kib: u32) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -i64::from(kib))?;
        Ok(())
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

    /// A consistent copy of the database while others write, through SQLite's online
    /// backup API in one step (one read transaction: never a file copy, which could catch
    /// a half-written page).
    pub fn backup(&self, to: &Path) -> Result<()> {
        if crate::privilege::as_person(|| std::fs::symlink_metadata(to).is_ok()).unwrap_or(false) {
            return Err(StoreError::Backup {
                path: to.into(),
                problem: format!(
                    "{} already exists; backup writes a new file and never overwrites one",
                    to.display()
                ),
            });
        }
        // The test hook is read before the copy runs as the person, where the group no
        // longer tells that pmdb runs set-group-ID.
        let kill = TestKill::from_env();
        // Written beside the final name and renamed when complete, so a killed backup
        // leaves nothing under it (and the next one removes its temporary). SQLite opens
        // the temporary by name, so it is told to refuse a link there (NOFOLLOW): a link a
        // colleague swaps in is never written through. Not `VACUUM INTO`, which would open
        // its target with this connection's flags, following links.
        crate::outfile::write_beside_by_name(to, crate::outfile::Existing::Refuse, |tmp| {
            self.copy_into(tmp, &kill)
        })
        .map_err(|e| StoreError::Backup {
            path: to.into(),
            problem: format!("could not write the backup to {}: {e}", to.display()),
        })
    }

    fn copy_into(&self, tmp: &Path, kill: &TestKill) -> std::io::Result<()> {
        use rusqlite::OpenFlags;
        let io = std::io::Error::other;
        // The file exists (pmdb made it): no CREATE. No journal beside it (a killed backup
        // is thrown away whole) and no sync of its own: outfile syncs through its handle.
        let mut copy = rusqlite::Connection::open_with_flags(
            tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_NOFOLLOW
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(io)?;
        copy.pragma_update(None, "journal_mode", "OFF")
            .map_err(io)?;
        copy.pragma_update(None, "synchronous", "OFF").map_err(io)?;
        kill.here("opened");
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy).map_err(io)?;
        if kill.asks("copying") {
            // One page of the rest copied, as a kill in the middle of the copy finds it.
            let _ = backup.step(1);
            kill.here("copying");
        }
        // Every page in one step: one snapshot, however much others write meanwhile.
        match backup.step(-1).map_err(io)? {
            rusqlite::backup::StepResult::Done => {
                kill.here("copied");
                Ok(())
            }
            other => Err(std::io::Error::other(format!(
                "the copy did not finish ({other:?})"
            ))),
        }
    }

    /// Runs read-only SQL for tests and tools that need a figure the API does not give.
    pub fn query_i64(&self, sql: &str) -> Result<i64> {
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }
}
