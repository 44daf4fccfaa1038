//! The one place pmdb changes its effective group.
//!
//! Installed set-group-ID (`root:pmdb 2755`), pmdb runs with the group that alone may write
//! the council's file, while the person keeps their own user id (so the audit names them).
//! Everything pmdb writes *for the person* (an export, a backup, a report, a pack) and
//! every file the person names for pmdb to read (an import) is handled with the person's
//! own group: [`as_person`] switches the effective group back to the real one around that
//! work and restores the program's group after. Nothing else here changes a group.
//!
//! The effective group is the whole process's, so a database connection opened on another
//! thread while the group is switched would be refused its folder: [`opening_database`]
//! holds a shared lock that `as_person` waits for, and the store opens every connection
//! under it. Connections already open keep their file descriptors and need no group.

use std::cell::Cell;
use std::io;
use std::sync::{RwLock, RwLockReadGuard};

use nix::unistd::{Gid, getegid, getgid, setegid, setresgid};

/// Held shared while a connection opens, exclusively while the group is the person's.
static GROUP: RwLock<()> = RwLock::new(());

thread_local! {
    /// How deep this thread is in `as_person` (a pack writes a folder, then its files).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Whether this process runs set-group-ID: its effective group is not its real one.
pub fn set_group_id() -> bool {
    getegid() != getgid()
}

/// The group pmdb runs with when set-group-ID (the group of the council's file).
pub fn program_group() -> Option<Gid> {
    set_group_id().then(getegid)
}

/// Runs `work` with the effective group set to the person's real group, then sets the
/// group back. Not set-group-ID, it just runs `work`. Fails, without running `work`, if
/// the group cannot be switched, and fails after it if the program's group cannot be
/// taken back (then nothing more of the council's file is written by this process).
pub fn as_person<T>(work: impl FnOnce() -> T) -> io::Result<T> {
    if !set_group_id() || DEPTH.get() > 0 {
        return Ok(work());
    }
    // A poisoned lock only means another thread panicked holding it; the group it
    // guards is restored by that thread's `Restore` as it unwound.
    let _only = GROUP.write().unwrap_or_else(|e| e.into_inner());
    let program = getegid();
    setegid(getgid()).map_err(io::Error::from)?;
    let restore = Restore(program);
    DEPTH.set(DEPTH.get() + 1);
    let out = work();
    DEPTH.set(DEPTH.get() - 1);
    restore.now()?;
    Ok(out)
}

/// Puts the program's group back, on the way out of `as_person` or as a panic unwinds.
struct Restore(Gid);

impl Restore {
    fn now(self) -> io::Result<()> {
        let group = self.0;
        std::mem::forget(self);
        setegid(group).map_err(io::Error::from)
    }
}

impl Drop for Restore {
    fn drop(&mut self) {
        DEPTH.set(0);
        let _ = setegid(self.0);
    }
}

/// Held while a database connection opens and first reads (when SQLite opens the file's
/// `-wal` and `-shm`), so that it never opens with the person's group. None inside
/// `as_person` on this thread (waiting there would wait for itself): such an open is
/// made with the person's group and refused like any other of theirs.
pub fn opening_database() -> Option<RwLockReadGuard<'static, ()>> {
    if DEPTH.get() > 0 {
        return None;
    }
    Some(GROUP.read().unwrap_or_else(|e| e.into_inner()))
}

/// What a set-group-ID pmdb does not take from the person's environment: `TZ`, which
/// would move the day it records (as `PMDB_TODAY` would; the system's own zone is used),
/// and the folders for temporary files (`TMPDIR`, `SQLITE_TMPDIR`; it makes none, and so
/// it stays). Not set-group-ID, nothing is changed.
///
/// # Safety
///
/// Call before any other thread starts: it changes the process's environment.
pub unsafe fn clean_environment() {
    if !set_group_id() {
        return;
    }
    for name in ["TZ", "TMPDIR", "SQLITE_TMPDIR"] {
        // SAFETY: the caller promises no other thread is running.
        unsafe { std::env::remove_var(name) };
    }
}

/// Gives up the program's group for good: real, effective and saved group all become the
/// person's. For work that never touches the council's file (the demo council).
pub fn give_up_group() -> io::Result<()> {
    if !set_group_id() {
        return Ok(());
    }
    let real = getgid();
    setresgid(real, real, real).map_err(io::Error::from)?;
    if set_group_id() {
        return Err(io::Error::other(
            "the program's group could not be given up",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // The switch itself, run set-group-ID, is tested as root in tests/privilege.rs (a
    // process of its own, since the group is the whole process's).

    #[test]
    fn not_set_group_id_the_work_just_runs() {
        assert!(!set_group_id(), "the unit tests do not run set-group-ID");
        let before = getegid();
        let out = as_person(|| {
            assert_eq!(getegid(), before);
            40 + 2
        })
        .unwrap();
        assert_eq!(out, 42);
        assert_eq!(getegid(), before);
        assert_eq!(program_group(), None);
        give_up_group().unwrap();
        assert_eq!(getegid(), before);
    }

    #[test]
    fn nested_work_runs_once_and_the_lock_is_free_after() {
        let out = as_person(|| as_person(|| "inner").unwrap()).unwrap();
        assert_eq!(out, "inner");
        drop(opening_database());
    }
}
