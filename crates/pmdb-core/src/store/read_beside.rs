//! A whole-council read on two cores (issue 27): part of it on a second, read-only
//! connection to the same file, in the same snapshot as the first's. A large council's
//! read is most of what `report`, `publish` and `rollup` take, and SQLite reads on one
//! core per connection.
//!
//! Two connections' read transactions begin at different moments, and a save may land
//! between them. Every table a dataset holds is audited by triggers into an append-only
//! log (schema.sql), so two snapshots that see the same newest audit-log id and the same
//! schema hold the same rows; when they do not, the second half is read again on the
//! first connection, as a smaller file's always is.

use std::path::Path;

use super::error::Result;
use super::open::open_beside;
use super::{Opener, Store};

/// From this size of file (a council some ten times the demo's, whose file is some 7 MB)
/// work is shared with a second connection: a whole read split over two (`read_beside`),
/// SQLite's integrity check beside the read (`pmdb check`). Below it, opening the second
/// connection costs more than the half of the work it takes.
pub const SECOND_CONNECTION_FROM: u64 = 32 << 20;

/// Whether the file at `path` is large enough to share work with a second connection.
pub fn worth_a_second_connection(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= SECOND_CONNECTION_FROM)
}

/// Where a read transaction stands: the newest audit-log id and the schema's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Snapshot {
    audited: i64,
    schema: i64,
}

impl Snapshot {
    /// Read inside a transaction, it also fixes the transaction's snapshot (WAL mode
    /// takes it at the first read).
    fn of(conn: &rusqlite::Connection) -> Result<Snapshot> {
        let audited = conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
            r.get(0)
        })?;
        let schema = conn.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
        Ok(Snapshot { audited, schema })
    }
}

impl Store {
    /// Runs `here` in a read transaction on this store's connection and, side by side on
    /// a thread of its own, `beside` in one on a second connection, both in one snapshot;
    /// `here` is given the transaction, and this store's other reads made while it runs
    /// are inside it too. For a file under `SECOND_CONNECTION_FROM`, or when the second
    /// connection does not open or begins after a save, `beside` runs on this connection,
    /// in the same transaction, after `here`.
    pub(super) fn read_beside<A, B: Send>(
        &self,
        here: impl FnOnce(&rusqlite::Transaction) -> Result<A>,
        beside: impl Fn(&Store) -> Result<B> + Sync,
    ) -> Result<(A, B)> {
        let tx = self.conn.unchecked_transaction()?;
        let ours = Snapshot::of(&tx)?;
        let (a, theirs) = if worth_a_second_connection(&self.path) {
            let opener = self.opener();
            std::thread::scope(|s| {
                let other = s.spawn(|| opener.beside_in(ours, &beside));
                let a = here(&tx);
                let b = other
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                (a, b)
            })
        } else {
            (here(&tx), None)
        };
        let a = a?;
        let b = match theirs {
            Some(b) => b?,
            None => beside(self)?,
        };
        tx.finish()?;
        Ok((a, b))
    }
}

impl Opener {
    /// `beside` run on a second connection in a read transaction at `snapshot`; None when
    /// that connection does not open (nothing is said: the first reads it all) or its
    /// snapshot is another.
    fn beside_in<B>(
        &self,
        snapshot: Snapshot,
        beside: &impl Fn(&Store) -> Result<B>,
    ) -> Option<Result<B>> {
        let other = open_beside(&self.path, &self.login, self.pinned).ok()?;
        // A file replaced since this store opened it is not the one it reads.
        if other.identity != self.identity {
            return None;
        }
        let tx = other.conn.unchecked_transaction().ok()?;
        if Snapshot::of(&tx).ok()? != snapshot {
            return None;
        }
        let b = beside(&other);
        drop(tx);
        Some(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread::{ThreadId, current};

    /// A new database with its first admin, made larger than `SECOND_CONNECTION_FROM` if asked.
    fn council(large: bool) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pmdb.db");
        drop(Store::create(&path, "admin").unwrap());
        if large {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(34000000));",
            )
            .unwrap();
        }
        let store = Store::open(&path, "admin").unwrap();
        (dir, store)
    }

    /// The threads `here` and `beside` ran on.
    fn threads(store: &Store) -> (ThreadId, ThreadId) {
        store
            .read_beside(|_| Ok(current().id()), |_| Ok(current().id()))
            .unwrap()
    }

    #[test]
    fn a_large_file_is_read_on_two_threads_and_a_small_one_on_this() {
        let (_dir, large) = council(true);
        let (here, beside) = threads(&large);
        assert_eq!(here, current().id());
        assert_ne!(beside, here);
        let (_dir, small) = council(false);
        assert_eq!(threads(&small), (current().id(), current().id()));
    }

    #[test]
    fn both_halves_read_the_same_rows() {
        let (_dir, store) = council(true);
        let users = |s: &Store| s.users().map(|u| u.len());
        let (here, beside) = store.read_beside(|_| users(&store), users).unwrap();
        assert_eq!((here, beside), (1, 1));
    }

    #[test]
    fn a_second_connection_at_another_snapshot_reads_nothing() {
        let (_dir, store) = council(true);
        let now = Snapshot::of(&store.conn).unwrap();
        assert!(now.audited > 0, "the first admin's row is audited");
        let opener = store.opener();
        let read = |s: &Store| s.users().map(|u| u.len());
        assert!(matches!(opener.beside_in(now, &read), Some(Ok(1))));
        // A save between the two snapshots: the second begins after it.
        let before = Snapshot {
            audited: now.audited - 1,
            ..now
        };
        assert!(opener.beside_in(before, &read).is_none());
        let other_schema = Snapshot {
            schema: now.schema + 1,
            ..now
        };
        assert!(opener.beside_in(other_schema, &read).is_none());
    }
}
