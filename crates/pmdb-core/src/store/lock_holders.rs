//! Who holds the database's locks, from the kernel's lock table (`/proc/locks`): the
//! process, its login and whether it is stopped. A save that waits, or gives up waiting,
//! says which process is in its way, and `pmdb check --locks` lists them all; SQLite
//! itself only knows "database is locked".
//!
//! SQLite's unix locks are POSIX record locks: on the database file (a shared lock for
//! every open connection, an exclusive one while the last to close checkpoints) and on
//! bytes 120–128 of the `-shm` file (120 the write lock a save's transaction holds, 121
//! checkpointing, 122 recovery, 123–127 the read marks of reads in progress, 128 "open").

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::faults;

/// One lock, as a line of `/proc/locks` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    pub pid: u32,
    /// The kernel's device numbers (major, minor) and the inode locked.
    pub dev: (u32, u32),
    pub ino: u64,
    pub write: bool,
    /// First byte locked.
    pub start: u64,
}

/// Every POSIX lock held (not waited for) in a `/proc/locks` text.
pub fn parse(text: &str) -> Vec<Lock> {
    text.lines().filter_map(parse_line).collect()
}

fn parse_line(line: &str) -> Option<Lock> {
    // "12: POSIX  ADVISORY  WRITE 4242 08:01:1234 120 120"; a waiter has "->" after the id.
    let mut words = line.split_whitespace().skip(1);
    let kind = words.next()?;
    if kind != "POSIX" {
        return None;
    }
    words.next()?; // ADVISORY or MANDATORY
    let write = match words.next()? {
        "WRITE" => true,
        "READ" => false,
        _ => return None,
    };
    let pid: u32 = words.next()?.parse().ok()?;
    let mut id = words.next()?.split(':');
    let major = u32::from_str_radix(id.next()?, 16).ok()?;
    let minor = u32::from_str_radix(id.next()?, 16).ok()?;
    let ino: u64 = id.next()?.parse().ok()?;
    let start: u64 = words.next()?.parse().ok()?;
    Some(Lock {
        pid,
        dev: (major, minor),
        ino,
        write,
        start,
    })
}

/// What a lock means to other people's saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holding {
    /// A save's transaction: every other save waits for it.
    Writing,
    /// Closing and checkpointing, or recovering: everyone waits for it.
    Exclusive,
    /// A checkpoint in progress.
    Checkpointing,
    /// A read in progress: nobody waits for it.
    Reading,
    /// The database is open: nobody waits for it.
    Open,
}

impl Holding {
    /// Whether other people's saves wait while this is held.
    pub fn stalls_saves(self) -> bool {
        matches!(self, Holding::Writing | Holding::Exclusive)
    }

    fn words(self) -> &'static str {
        match self {
            Holding::Writing => "saving (holds the write lock)",
            Holding::Exclusive => "holds the database exclusively",
            Holding::Checkpointing => "checkpointing",
            Holding::Reading => "reading",
            Holding::Open => "has it open",
        }
    }
}

/// The `-shm` byte of SQLite's WAL write lock, and of its checkpoint and recovery locks.
const SHM_WRITE: u64 = 120;
const SHM_CHECKPOINT: u64 = 121;
const SHM_RECOVER: u64 = 122;
const SHM_OPEN: u64 = 128;

fn holding(file: &str, lock: &Lock) -> Holding {
    if file == "-shm" {
        match lock.start {
            SHM_WRITE if lock.write => Holding::Writing,
            SHM_CHECKPOINT => Holding::Checkpointing,
            SHM_RECOVER => Holding::Exclusive,
            SHM_OPEN if lock.write => Holding::Exclusive,
            SHM_OPEN => Holding::Open,
            _ => Holding::Reading,
        }
    } else if lock.write {
        Holding::Exclusive
    } else {
        Holding::Open
    }
}

/// A process holding a lock on the database, its `-wal` or its `-shm`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Holder {
    pub pid: u32,
    pub login: String,
    /// The program's name (`/proc/PID/comm`).
    pub command: String,
    /// Stopped (SIGSTOP, Ctrl-Z): it holds its locks until someone continues it.
    pub stopped: bool,
    /// "council.db", "council.db-shm" or "council.db-wal".
    pub file: String,
    pub holding: Holding,
}

impl Holder {
    /// "pmdb process 4242 of jsmith, stopped; root can end it: `kill -CONT 4242`".
    pub fn describe(&self) -> String {
        let state = if self.stopped {
            format!(", stopped; root can end it: `kill -CONT {}`", self.pid)
        } else {
            String::new()
        };
        format!(
            "{} process {} of {}{state}",
            crate::safe_text::line(&self.command),
            self.pid,
            crate::safe_text::line(&self.login),
        )
    }

    /// One line of `pmdb check --locks`.
    pub fn line(&self) -> String {
        format!(
            "{}: {} process {} of {} ({}) {}",
            self.file,
            crate::safe_text::line(&self.command),
            self.pid,
            crate::safe_text::line(&self.login),
            if self.stopped { "stopped" } else { "running" },
            self.holding.words()
        )
    }
}

/// Every lock other processes (and this one) hold on `db` and its `-wal` and `-shm`,
/// read from `/proc/locks`; empty where there is no such table.
pub fn holders(db: &Path) -> Vec<Holder> {
    let Ok(table) = std::fs::read_to_string("/proc/locks") else {
        return Vec::new();
    };
    holders_in(db, &parse(&table), &process)
}

/// The files a lock on which concerns the database, with the suffix each is known by.
fn files(db: &Path) -> Vec<(String, PathBuf, std::fs::Metadata)> {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| {
            let p = faults::sidecar(db, s);
            let m = std::fs::metadata(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((s.to_string(), PathBuf::from(name), m))
        })
        .collect()
}

fn holders_in(
    db: &Path,
    locks: &[Lock],
    who: &dyn Fn(u32) -> Option<(String, String, bool)>,
) -> Vec<Holder> {
    let mut out: Vec<Holder> = Vec::new();
    for (suffix, name, meta) in files(db) {
        // The lock table names the inode and its file system's device; a file system
        // whose stat device differs from the kernel's (btrfs) is matched by inode alone.
        let dev = (
            nix::sys::stat::major(meta.dev()) as u32,
            nix::sys::stat::minor(meta.dev()) as u32,
        );
        let here: Vec<&Lock> = locks.iter().filter(|l| l.ino == meta.ino()).collect();
        let same_dev = here.iter().any(|l| l.dev == dev);
        for lock in here.into_iter().filter(|l| !same_dev || l.dev == dev) {
            let Some((login, command, stopped)) = who(lock.pid) else {
                continue;
            };
            let holding = holding(&suffix, lock);
            let h = Holder {
                pid: lock.pid,
                login,
                command,
                stopped,
                file: name.to_string_lossy().into_owned(),
                holding,
            };
            // One line per process and meaning.
            if !out
                .iter()
                .any(|o| o.pid == h.pid && o.file == h.file && o.holding == h.holding)
            {
                out.push(h);
            }
        }
    }
    out
}

/// The login, program name and stopped state of a process, from `/proc/PID`.
fn process(pid: u32) -> Option<(String, String, bool)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|c| c.trim_end().to_string())
        .unwrap_or_else(|_| "a".into());
    let (uid, stopped) = status_fields(&status, &stat)?;
    Some((faults::user_name(uid), comm, stopped))
}

/// The real user id from `/proc/PID/status` and whether `/proc/PID/stat` says stopped
/// ('T', or 't' stopped by a debugger).
fn status_fields(status: &str, stat: &str) -> Option<(u32, bool)> {
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // The state follows the command in parentheses, which may itself hold ") ".
    let state = stat.rsplit_once(") ")?.1.chars().next()?;
    Some((uid, matches!(state, 'T' | 't')))
}

/// The processes other than this one in the way of a save to `db`, stopped ones first;
/// none when nobody is (or the lock table cannot be read).
pub fn in_the_way(db: &Path) -> Vec<Holder> {
    let me = std::process::id();
    let mut out: Vec<Holder> = holders(db)
        .into_iter()
        .filter(|h| h.pid != me && h.holding.stalls_saves())
        .collect();
    out.sort_by_key(|h| (!h.stopped, h.pid));
    out.dedup_by_key(|h| h.pid);
    out
}

/// "council.db is held by pmdb process 4242 of jsmith, stopped; …", or None when the lock
/// table names nobody in the way.
pub fn held_by(db: &Path) -> Option<String> {
    let who = in_the_way(db);
    let name = db.file_name().map_or_else(
        || db.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let first = who.first()?;
    let more = match who.len() {
        1 => String::new(),
        n => format!(" (and {} more; `pmdb check --locks` lists them)", n - 1),
    };
    Some(format!("{name} is held by {}{more}", first.describe()))
}

/// The database this process opened last: a "database is locked" met anywhere is said
/// with who holds that file.
static OPENED: Mutex<Option<PathBuf>> = Mutex::new(None);

pub(super) fn remember(db: &Path) {
    if let Ok(mut o) = OPENED.lock() {
        *o = Some(db.to_path_buf());
    }
}

pub fn remembered() -> Option<PathBuf> {
    OPENED.lock().ok().and_then(|o| o.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
1: POSIX  ADVISORY  WRITE 4242 08:01:1311 120 120
2: POSIX  ADVISORY  READ  4242 08:01:1311 128 128
2: -> POSIX  ADVISORY  WRITE 5151 08:01:1311 120 120
3: POSIX  ADVISORY  READ  5000 08:01:1309 1073741826 1073742335
4: OFDLCK ADVISORY  READ  -1 00:2f:99 128 128
5: FLOCK  ADVISORY  WRITE 777 fd:00:1311 0 EOF
6: POSIX  ADVISORY  WRITE 6000 fd:00:1311 120 120
";

    #[test]
    fn held_posix_locks_are_read_and_waiters_and_others_left_out() {
        let locks = parse(SAMPLE);
        assert_eq!(locks.len(), 4, "{locks:?}");
        assert_eq!(
            locks[0],
            Lock {
                pid: 4242,
                dev: (8, 1),
                ino: 1311,
                write: true,
                start: 120
            }
        );
        assert!(!locks[1].write);
        assert_eq!(locks[2].start, 1_073_741_826);
        assert_eq!(locks[3].dev, (0xfd, 0));
        assert!(parse("garbage\n\n1: POSIX").is_empty());
    }

    #[test]
    fn shm_bytes_say_what_is_held() {
        let at = |start, write| Lock {
            pid: 1,
            dev: (0, 0),
            ino: 1,
            write,
            start,
        };
        assert_eq!(holding("-shm", &at(120, true)), Holding::Writing);
        assert_eq!(holding("-shm", &at(124, false)), Holding::Reading);
        assert_eq!(holding("-shm", &at(128, false)), Holding::Open);
        assert_eq!(holding("", &at(1_073_741_826, true)), Holding::Exclusive);
        assert_eq!(holding("", &at(1_073_741_826, false)), Holding::Open);
        assert!(Holding::Writing.stalls_saves() && !Holding::Reading.stalls_saves());
    }

    #[test]
    fn status_and_stat_give_the_login_and_the_stopped_state() {
        let status = "Name:\tpmdb\nState:\tT (stopped)\nUid:\t1001\t1001\t1001\t1001\n";
        let stat = "4242 (pm) db) T 1 4242 4242 0 -1";
        assert_eq!(status_fields(status, stat), Some((1001, true)));
        assert_eq!(
            status_fields(status, "4242 (pmdb) S 1 2"),
            Some((1001, false))
        );
        assert_eq!(status_fields("Name: x\n", stat), None);
    }

    #[test]
    fn locks_on_the_database_files_are_matched_by_inode_and_device() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("council.db");
        std::fs::write(&db, b"").unwrap();
        std::fs::write(faults::sidecar(&db, "-shm"), b"").unwrap();
        let shm = std::fs::metadata(faults::sidecar(&db, "-shm")).unwrap();
        let dev = (
            nix::sys::stat::major(shm.dev()) as u32,
            nix::sys::stat::minor(shm.dev()) as u32,
        );
        let locks = vec![
            Lock {
                pid: 4242,
                dev,
                ino: shm.ino(),
                write: true,
                start: 120,
            },
            Lock {
                pid: 4243,
                dev,
                ino: shm.ino(),
                write: false,
                start: 124,
            },
            Lock {
                pid: 4244,
                dev,
                ino: shm.ino() + 100_000,
                write: true,
                start: 120,
            },
        ];
        let who = |pid: u32| Some(("jsmith".to_string(), "pmdb".to_string(), pid == 4242));
        let found = holders_in(&db, &locks, &who);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].file, "council.db-shm");
        assert_eq!(found[0].holding, Holding::Writing);
        assert_eq!(
            found[0].describe(),
            "pmdb process 4242 of jsmith, stopped; root can end it: `kill -CONT 4242`"
        );
        assert_eq!(
            found[1].line(),
            "council.db-shm: pmdb process 4243 of jsmith (running) reading"
        );
    }
}
