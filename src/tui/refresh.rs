//! Re-reading the database off the key path. When another process commits, the interface
//! asks for a `Snapshot` on a background thread with its own connection and takes it in
//! when it arrives, so keys never wait for a whole-dataset read (a quarter of a second on a
//! hundred-times council).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::NaiveDate;

use super::data::PeriodStats;
use crate::domain::period::Period;

use crate::domain::role::Actor;
use crate::store::{BoardMember, Dataset, MeetingRecord, Result, Store, StoreError};

/// Everything the interface reads from the store, read together.
pub struct Snapshot {
    pub ds: Dataset,
    pub actor: Actor,
    pub meetings: Vec<MeetingRecord>,
    /// Every board's members: a board's outcome names one of its own.
    pub board_members: Vec<BoardMember>,
    /// The Plan tab's statistics for a period, when the read was asked to compute them.
    pub prepared: Option<(Period, Arc<PeriodStats>)>,
}

impl Snapshot {
    pub fn read(store: &Store) -> Result<Snapshot> {
        Ok(Snapshot {
            ds: store.dataset()?,
            actor: store.actor()?,
            meetings: store.meetings()?,
            board_members: store.all_board_members()?,
            prepared: None,
        })
    }
}

/// A read running on its own thread, for the data as of `version` (the interface's
/// connection's `PRAGMA data_version` when it was asked for).
pub struct Pending {
    pub version: i64,
    rx: Receiver<Result<Snapshot>>,
}

impl Pending {
    /// Starts reading the database at `path` as `login` on a new thread and connection,
    /// then computing the Plan tab's statistics for `plan` (its period and today).
    pub fn start(
        path: PathBuf,
        login: String,
        version: i64,
        plan: (Period, NaiveDate),
    ) -> Result<Pending> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("pmdb-refresh".into())
            .spawn(move || {
                let read = Store::open(&path, &login)
                    .and_then(|s| Snapshot::read(&s))
                    .map(|mut snap| {
                        let (period, today) = plan;
                        let stats = PeriodStats::of(&snap.ds, period, snap.ds.context(today));
                        snap.prepared = Some((period, Arc::new(stats)));
                        snap
                    });
                // The interface may have moved on (its own save re-read everything).
                let _ = tx.send(read);
            })
            .map_err(|e| StoreError::Invalid(format!("could not start re-reading: {e}")))?;
        Ok(Pending { version, rx })
    }

    /// The snapshot if the read has finished; never waits.
    pub fn try_take(&self) -> Option<Result<Snapshot>> {
        match self.rx.try_recv() {
            Ok(read) => Some(read),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(stopped())),
        }
    }

    /// Waits for the read to finish.
    pub fn wait(self) -> Result<Snapshot> {
        self.rx.recv().unwrap_or_else(|_| Err(stopped()))
    }
}

/// Drops a value on a thread of its own: freeing a whole dataset (hundreds of thousands
/// of strings at scale) would otherwise hold up the next key.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    // Should the system refuse a thread, the value is dropped here, with the closure.
    let _ = std::thread::Builder::new()
        .name("pmdb-drop".into())
        .spawn(move || drop(value));
}

fn stopped() -> StoreError {
    StoreError::Invalid("the background re-read stopped without an answer".into())
}
