//! Re-reading the database off the key path. When another process commits, the interface
//! asks its reader (one thread with its own connection, started at the first ask and kept
//! for the session) what changed since the audit-log id it last took in: another officer's
//! figures come back as those indicators' values alone, patched in between keys at the
//! cost of those indicators; anything else the dataset holds comes back as a whole
//! `Snapshot` (a quarter of a second on a hundred-times council, read on the reader's
//! thread, never the keys').

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use chrono::NaiveDate;

use super::data::PeriodStats;
use crate::domain::period::Period;
use crate::domain::role::Actor;
use crate::store::{
    BoardMember, Changed, Dataset, MeetingRecord, Result, Store, StoreError, StoredValue,
};

/// Everything the interface reads from the store, read together.
pub struct Snapshot {
    pub ds: Dataset,
    pub actor: Actor,
    /// The Plan tab's statistics for a period, when the read was asked to compute them.
    pub prepared: Option<(Period, Arc<PeriodStats>)>,
}

impl Snapshot {
    pub fn read(store: &Store) -> Result<Snapshot> {
        Ok(Snapshot {
            ds: store.dataset()?,
            actor: store.actor()?,
            prepared: None,
        })
    }
}

/// What changed, as the interface takes it in.
pub enum Update {
    /// Nothing the dataset holds (an exception, a meeting, a case study).
    Outside,
    /// Only these indicators' figures: each with every value now stored for it.
    Values(Vec<(String, Vec<StoredValue>)>),
    /// Anything else: the whole dataset read again.
    Whole(Box<Snapshot>),
}

/// An answer: what changed after audit-log id `after`, up to `upto`, with the meetings
/// and board members (outside the dataset) read afresh when the audit log names them.
pub struct Answer {
    pub after: i64,
    pub upto: i64,
    pub update: Update,
    /// Every meeting, if any changed; None: as held.
    pub meetings: Option<Vec<MeetingRecord>>,
    /// Every board's members (a board's outcome names one of its own), if any changed;
    /// None: as held.
    pub board_members: Option<Vec<BoardMember>>,
}

/// Reads what changed after `after`; a whole read also computes the Plan tab's statistics
/// for `plan` (its period and today), so taking it in costs the key loop next to nothing.
pub fn read_answer(store: &Store, after: i64, plan: Option<(Period, NaiveDate)>) -> Result<Answer> {
    let changes = store.changes_since(after)?;
    let meetings = changes.touched("meetings").then(|| store.meetings());
    let board_members = changes
        .touched("board_members")
        .then(|| store.all_board_members());
    let (meetings, board_members) = (meetings.transpose()?, board_members.transpose()?);
    let update = match changes.changed {
        Changed::Outside => Update::Outside,
        Changed::Values(values) => Update::Values(values),
        Changed::Whole => {
            let mut snap = Snapshot::read(store)?;
            if let Some((period, today)) = plan {
                // On this thread alone: the cores are the keys' (a period step's).
                let stats = PeriodStats::of_quietly(&snap.ds, period, snap.ds.context(today));
                snap.prepared = Some((period, Arc::new(stats)));
            }
            Update::Whole(Box::new(snap))
        }
    };
    Ok(Answer {
        after,
        upto: changes.upto,
        update,
        meetings,
        board_members,
    })
}

/// The reader's page cache: its whole reads go through every page once, so a cache as
/// large as SQLite's default (2 MiB) holds nothing it reads again, only memory.
const READER_CACHE_KIB: u32 = 256;

/// One question to the reader: what changed after this audit-log id.
struct Ask {
    after: i64,
    plan: (Period, NaiveDate),
}

/// The interface's reader: a thread with its own connection, kept while the interface is
/// open (its connection and its memory are reused, not made anew for each save), ending
/// when the interface drops it.
pub struct Reader {
    asks: Sender<Ask>,
    answers: Receiver<Result<Answer>>,
    /// Asked and not yet answered, with the interface's `data_version` when asked.
    waiting: Option<i64>,
}

impl Reader {
    /// Starts the reader for the database at `path`, as `login`.
    pub fn start(path: PathBuf, login: String) -> Result<Reader> {
        let (asks, questions) = mpsc::channel::<Ask>();
        let (tell, answers) = mpsc::channel();
        std::thread::Builder::new()
            .name("pmdb-reader".into())
            .spawn(move || {
                yield_to_keys();
                // Opened at the first ask, and again at the next after a failure (the file
                // busy with an import for longer than the busy timeout, say).
                let mut store: Option<Store> = None;
                for ask in questions {
                    let answer = match &store {
                        Some(store) => read_answer(store, ask.after, Some(ask.plan)),
                        None => match Store::open(&path, &login)
                            .and_then(|s| s.limit_page_cache(READER_CACHE_KIB).map(|()| s))
                        {
                            Ok(opened) => {
                                read_answer(store.insert(opened), ask.after, Some(ask.plan))
                            }
                            Err(e) => Err(StoreError::Invalid(format!(
                                "could not open the database to re-read it: {e}"
                            ))),
                        },
                    };
                    if tell.send(answer).is_err() {
                        break; // the interface has gone
                    }
                }
            })
            .map_err(|e| StoreError::Invalid(format!("could not start re-reading: {e}")))?;
        Ok(Reader {
            asks,
            answers,
            waiting: None,
        })
    }

    /// Asks what changed after `after`, the interface's `data_version` being `version`.
    pub fn ask(&mut self, after: i64, version: i64, plan: (Period, NaiveDate)) -> Result<()> {
        self.asks.send(Ask { after, plan }).map_err(|_| stopped())?;
        self.waiting = Some(version);
        Ok(())
    }

    /// Whether an ask is unanswered.
    pub fn waiting(&self) -> bool {
        self.waiting.is_some()
    }

    /// The answer, with the `data_version` it was asked at, if it has come; never waits.
    pub fn try_take(&mut self) -> Option<(i64, Result<Answer>)> {
        let version = self.waiting?;
        let answer = match self.answers.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(stopped()),
        };
        self.waiting = None;
        Some((version, answer))
    }

    /// Waits for the answer to the ask in hand, if any.
    pub fn wait(&mut self) -> Option<(i64, Result<Answer>)> {
        let version = self.waiting.take()?;
        Some((
            version,
            self.answers.recv().unwrap_or_else(|_| Err(stopped())),
        ))
    }
}

/// Once no whole dataset has been read for this long, the memory the old ones held is
/// handed back to the system (`give_back_elsewhere`): once, after a burst of re-reads.
pub const TRIM_AFTER: Duration = Duration::from_secs(2);

/// Hands the memory freed by old datasets back to the system, on a thread of its own, so an
/// interface left open holds its size however often the whole council is read again.
pub fn give_back_elsewhere() {
    let _ = std::thread::Builder::new()
        .name("pmdb-trim".into())
        .spawn(give_back_freed_memory);
}

/// glibc keeps freed memory in each thread's arena for reuse; a dataset freed on one
/// thread after being read on another leaves it held twice over until asked to give it
/// back. Asking holds the allocator's locks for a few milliseconds, so it is done once the
/// data has settled, not while the keys' thread makes the views of data just taken in.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator to the system; it
    // touches no memory in use and may be called from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Lowers this thread's scheduling priority below the keys' thread's: woken to read, the
/// reader would otherwise take the core the keys' thread is running on (Linux places a
/// woken thread beside its waker) and hold up the next key by milliseconds.
fn yield_to_keys() {
    #[cfg(target_os = "linux")]
    // SAFETY: getpriority and setpriority only read and set the calling thread's nice
    // value (who = 0 names the caller); a failure leaves it as it was, which is harmless.
    unsafe {
        let now = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, (now + 5).min(19));
    }
}

fn stopped() -> StoreError {
    StoreError::Invalid("the background re-read stopped without an answer".into())
}
