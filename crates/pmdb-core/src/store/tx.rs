//! Every write runs here: in a `BEGIN IMMEDIATE` transaction (a deferred one that
//! upgrades to a write gets SQLITE_BUSY without waiting), retried whole on BUSY or
//! BUSY_SNAPSHOT, and short: nobody's typing happens inside it. A store given an
//! [`Abandon`] gives up waiting when another thread asks, and then never commits.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use super::Store;
use super::error::{Result, StoreError};

/// How long a write keeps retrying before it gives up with `StoreError::Busy`.
pub(super) const RETRY_FOR: Duration = Duration::from_secs(60);

/// How long one attempt of an abandonable write waits for the lock inside SQLite, so the
/// retry loop looks at the flag several times a second.
const ABANDONABLE_WAIT: Duration = Duration::from_millis(100);

const WAITING: u8 = 0;
const COMMITTING: u8 = 1;
const ABANDONED: u8 = 2;

/// Lets another thread abandon a write still waiting for the lock. The write and the
/// abandoner race for one flag: once abandoned, the write never commits (it looks at the
/// flag between attempts and again inside its transaction, under the write lock, just
/// before committing); once the write has begun to commit, `abandon` says it is too late.
#[derive(Debug, Clone, Default)]
pub struct Abandon(Arc<AtomicU8>);

impl Abandon {
    /// Abandons the write unless it has begun to commit; true if it will never commit.
    pub fn abandon(&self) -> bool {
        match self
            .0
            .compare_exchange(WAITING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst)
        {
            Ok(_) => true,
            Err(now) => now == ABANDONED,
        }
    }

    fn abandoned(&self) -> bool {
        self.0.load(Ordering::SeqCst) == ABANDONED
    }

    /// Claims the right to commit; false if the write was abandoned first.
    fn may_commit(&self) -> bool {
        match self
            .0
            .compare_exchange(WAITING, COMMITTING, Ordering::SeqCst, Ordering::SeqCst)
        {
            Ok(_) => true,
            // A commit that failed with BUSY is retried whole, still committing.
            Err(now) => now == COMMITTING,
        }
    }
}

/// The page cache of a bulk write, in KiB (SQLite's negative `cache_size` form): 256 MiB.
const BULK_CACHE_KIB: i64 = -262_144;

fn is_busy(e: &StoreError) -> bool {
    matches!(e, StoreError::Busy(_))
        || matches!(e, StoreError::Sqlite(err)
        if matches!(err.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)))
}

/// How many times a save reopens its connection when SQLite met a `-wal` or `-shm` it
/// could not write although nothing is in the way now: another officer's SQLite creates
/// those files with its umask's mode and fixes the mode a moment later.
const REOPENS: u32 = 5;

fn is_full(e: &StoreError) -> bool {
    matches!(e, StoreError::Sqlite(err) if err.sqlite_error_code() == Some(ErrorCode::DiskFull))
}

fn is_read_only(e: &StoreError) -> bool {
    matches!(e, StoreError::Sqlite(err) if err.sqlite_error_code() == Some(ErrorCode::ReadOnly))
}

impl Store {
    /// Makes this store's writes abandonable through `abandon`: a store for one save on a
    /// thread of its own, whose waiting the person can call off.
    pub fn abandon_with(&mut self, abandon: Abandon) -> Result<()> {
        self.conn.busy_timeout(ABANDONABLE_WAIT)?;
        self.abandon = Some(abandon);
        Ok(())
    }

    /// Makes a save give up after `patience` rather than a minute (tests of the refusal).
    pub fn wait_at_most(&mut self, patience: Duration) -> Result<()> {
        self.conn
            .busy_timeout(patience.min(super::open::BUSY_TIMEOUT))?;
        self.patience = patience;
        Ok(())
    }

    /// A fresh read-write connection in place of this one, keeping how long it waits.
    fn reconnect(&mut self) -> Result<()> {
        let conn = super::open::reconnect(&self.path, &self.session)?;
        if self.abandon.is_some() {
            conn.busy_timeout(ABANDONABLE_WAIT)?;
        } else {
            conn.busy_timeout(self.patience.min(super::open::BUSY_TIMEOUT))?;
        }
        self.conn = conn;
        Ok(())
    }

    /// An SQLite error said for what it is where the file is at fault.
    fn io_fault(&self, e: rusqlite::Error) -> StoreError {
        super::faults::io_fault(&self.conn, &self.path, e, super::faults::Doing::Saving)
    }

    fn abandoned(&self) -> bool {
        self.abandon.as_ref().is_some_and(Abandon::abandoned)
    }

    /// Runs `work` in a write transaction, committing if it returns Ok and rolling back
    /// otherwise. `work` may run more than once, so it must not have side effects outside
    /// the transaction.
    pub fn write<T>(&mut self, mut work: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        self.check_same_file()?;
        let started = Instant::now();
        let mut pause = Duration::from_millis(5);
        let mut reopened = 0;
        loop {
            if self.abandoned() {
                return Err(StoreError::Abandoned);
            }
            match self.try_write(&mut work) {
                Err(e) if is_busy(&e) && started.elapsed() < self.patience => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(200));
                }
                Err(e) if is_busy(&e) => {
                    return Err(StoreError::Busy(super::lock_holders::held_by(&self.path)));
                }
                Err(e) if is_read_only(&e) => {
                    // A transient refusal (a sidecar's mode not yet fixed by the officer
                    // whose SQLite made it) is not "read-only": once nothing is in the way
                    // a moment later, open again and retry.
                    if !self.reading && reopened < REOPENS {
                        reopened += 1;
                        std::thread::sleep(Duration::from_millis(2 << reopened));
                        if super::faults::write_blocked(&self.path, &self.login).is_none() {
                            self.reconnect()?;
                            continue;
                        }
                    }
                    return Err(StoreError::ReadOnly {
                        path: self.path.clone(),
                        why: super::faults::cannot_write(&self.path, &self.login),
                    });
                }
                Err(e) if is_full(&e) => return Err(StoreError::DiskFull(self.path.clone())),
                Err(StoreError::Sqlite(e)) => return Err(self.io_fault(e)),
                other => return other,
            }
        }
    }

    /// A write of many rows (an import): the same transaction, with a page cache large
    /// enough to hold what it changes, since a transaction that outgrows SQLite's default
    /// 2 MiB cache spills to the file and slows down more than linearly.
    /// Inside `as_one_import` it joins that transaction instead of starting its own.
    pub(super) fn bulk_write<T>(
        &mut self,
        mut work: impl FnMut(&Connection) -> Result<T>,
    ) -> Result<T> {
        if self.joined {
            return work(&self.conn);
        }
        let hold_back = self.hold_back;
        let before: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        let out = self.write(|tx| match work(tx) {
            Ok(_) if hold_back => Err(StoreError::HeldBack),
            other => other,
        });
        self.conn.pragma_update(None, "cache_size", before)?;
        out
    }

    /// Runs an import whose file is refused already (`refused`: some of its cells did not
    /// parse) through the store's checks on the rows that did, so one refusal names every
    /// bad row: its bulk write is rolled back however it ends (`StoreError::HeldBack` when
    /// its rows passed). Inside `as_one_import` the joined transaction is the caller's to
    /// roll back.
    pub(crate) fn held_back<T>(&mut self, refused: bool, work: impl FnOnce(&mut Store) -> T) -> T {
        let before = std::mem::replace(&mut self.hold_back, refused);
        let out = work(self);
        self.hold_back = before;
        out
    }

    /// Runs several imports (`pmdb import --all`) as one transaction: each import's bulk
    /// write joins it, so the folder is taken whole or not at all.
    pub fn as_one_import<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.check_same_file()?;
        let before: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .map_err(StoreError::from)?;
        self.conn
            .pragma_update(None, "cache_size", BULK_CACHE_KIB)
            .map_err(StoreError::from)?;
        let out = self.joined_work(Ending::Commit, work);
        self.conn
            .pragma_update(None, "cache_size", before)
            .map_err(StoreError::from)?;
        out
    }

    /// Runs an import (or several) as `as_one_import` does, and then undoes it whatever
    /// happened: what `pmdb import --dry-run` reports is what the import would do, read
    /// inside its own transaction, and nothing of it is kept.
    pub fn rolled_back<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.check_same_file()?;
        self.joined_work(Ending::RollBack, work)
    }

    fn joined_work<T, E: From<StoreError>>(
        &mut self,
        ending: Ending,
        work: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let begun = self
            .conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StoreError::from);
        match begun {
            Err(e) if is_busy(&e) => {
                return Err(StoreError::Busy(super::lock_holders::held_by(&self.path)).into());
            }
            Err(e) => return Err(e.into()),
            Ok(()) => {}
        }
        self.joined = true;
        let out = work(self);
        self.joined = false;
        match out {
            Ok(v) if ending == Ending::RollBack => {
                self.conn
                    .execute_batch("ROLLBACK")
                    .map_err(StoreError::from)?;
                Ok(v)
            }
            Ok(v) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(StoreError::from(e).into())
                }
            },
            Err(e) => {
                // Nothing of the folder is kept.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn try_write<T>(&mut self, work: &mut impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = work(&tx)?;
        if let Some(a) = &self.abandon
            && !a.may_commit()
        {
            // Dropping the transaction rolls it back.
            return Err(StoreError::Abandoned);
        }
        tx.commit()?;
        Ok(out)
    }
}

/// How a joined transaction ends when its work succeeds: kept, or undone (a dry run).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    Commit,
    RollBack,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;

    #[test]
    fn a_full_disk_says_so_and_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("full.db");
        let mut store = Store::create(&path, "admin1").unwrap();
        // The file may not grow: SQLite reports SQLITE_FULL, as on a full disk.
        let pages: i64 = store
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        store
            .conn
            .pragma_update(None, "max_page_count", pages)
            .unwrap();
        let long = "x".repeat(400);
        let err = (0..200)
            .find_map(|n| store.add_user(&format!("u{n}"), &long, Role::Viewer).err())
            .expect("the file filled up");
        assert!(matches!(err, StoreError::DiskFull(_)), "{err}");
        assert_eq!(
            err.to_string(),
            format!(
                "the disk holding {} is full: nothing was saved",
                path.display()
            )
        );
    }
}
