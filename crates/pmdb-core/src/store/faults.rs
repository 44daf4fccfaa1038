//! File faults said for what they are: who may open the file, a file, folder or leftover
//! `-wal`/`-shm` this login cannot write, a full disk, and a database file moved or
//! replaced while pmdb has it open. Each message names the file and, where access is the
//! trouble, its owner, group and mode, so the person knows whom to ask.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use nix::fcntl::{AT_FDCWD, AtFlags};
use nix::unistd::{AccessFlags, Gid, Group, Uid, User, faccessat};

use super::error::StoreError;

/// Which file a path named when pmdb opened it: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId {
            dev: m.dev(),
            ino: m.ino(),
        })
    }
}

/// The `-wal` or `-shm` file beside a database.
pub fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// "owner root, group pmdb, mode 0660": who may do what with a file or folder.
pub fn ownership(path: &Path) -> String {
    match std::fs::metadata(path) {
        Ok(m) => format!(
            "owner {}, group {}, mode {:04o}",
            user_name(m.uid()),
            group_name(m.gid()),
            m.permissions().mode() & 0o7777
        ),
        Err(_) => "its owner and mode cannot be read".into(),
    }
}

/// The group to ask to be added to, for a file or folder: its group's name.
fn group_of(path: &Path) -> Option<String> {
    std::fs::metadata(path).ok().map(|m| group_name(m.gid()))
}

pub fn user_name(uid: u32) -> String {
    User::from_uid(Uid::from_raw(uid))
        .ok()
        .flatten()
        .map_or_else(|| uid.to_string(), |u| u.name)
}

pub fn group_name(gid: u32) -> String {
    Group::from_gid(Gid::from_raw(gid))
        .ok()
        .flatten()
        .map_or_else(|| gid.to_string(), |g| g.name)
}

/// Whether this process may do `how` to `path`, judged with its effective ids (as the
/// kernel judges an open).
fn may(path: &Path, how: AccessFlags) -> bool {
    faccessat(AT_FDCWD, path, how, AtFlags::AT_EACCESS).is_ok()
}

/// Why `login` cannot open the database at `db` for reading, when it cannot: the first
/// folder on the way it may not pass through, or the file it may not read.
pub fn cannot_read(db: &Path, login: &str) -> Option<String> {
    let mut folders: Vec<&Path> = db.ancestors().skip(1).collect();
    folders.reverse();
    for dir in folders.into_iter().filter(|d| !d.as_os_str().is_empty()) {
        // A folder that does not exist holds no database: that is said as "no database
        // yet", not as a permission nobody refused (a first run before `pmdb init`).
        if std::fs::symlink_metadata(dir).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            return None;
        }
        if !may(dir, AccessFlags::X_OK) {
            return Some(permission(dir, login, "open the folder"));
        }
    }
    if db.exists() && !may(db, AccessFlags::R_OK) {
        return Some(permission(db, login, "read"));
    }
    None
}

fn permission(path: &Path, login: &str, doing: &str) -> String {
    let group = group_of(path).unwrap_or_else(|| "that owns it".into());
    // Where /etc/pmdb/pmdb.toml names the file, the council's deployment keeps officers
    // out of the file's group and only pmdb, set-group-ID, may open it: adding the officer
    // to the group would let them write the file without pmdb. pmdb has lost its bit.
    let advice = if Path::new(crate::deployment::SYSTEM_CONFIG).exists()
        && !crate::privilege::set_group_id()
    {
        format!(
            "pmdb is not running set-group-ID (the bit is lost when pmdb is copied or rebuilt): an administrator installs it again set-group-ID to group {group} (`pmdb check --deployment` says how); officers are never added to that group"
        )
    } else {
        format!("ask whoever runs pmdb to add {login} to group {group}")
    };
    format!(
        "permission denied: {login} may not {doing} {} ({}); {advice}",
        path.display(),
        ownership(path)
    )
}

/// Why a save to `db` cannot happen here, naming what is in the way: the file, its folder
/// (SQLite creates the `-wal` and `-shm` files beside the database) or a leftover `-wal`
/// or `-shm` this login cannot write.
pub fn cannot_write(db: &Path, login: &str) -> String {
    write_blocked(db, login).unwrap_or_else(|| NOTHING_IN_THE_WAY.into())
}

/// What `cannot_write` says when no file or folder is in the way.
pub const NOTHING_IN_THE_WAY: &str = "check the file and folder permissions";

/// As `cannot_write`, None when nothing is in the way now (a refusal that was transient).
pub fn write_blocked(db: &Path, login: &str) -> Option<String> {
    if std::fs::metadata(db).is_ok_and(|m| m.permissions().readonly()) {
        return Some(format!("the file is marked read-only ({})", ownership(db)));
    }
    if !may(db, AccessFlags::W_OK) {
        return Some(format!(
            "{login} may not write the file ({})",
            ownership(db)
        ));
    }
    let leftovers: Vec<String> = ["-wal", "-shm"]
        .iter()
        .map(|s| sidecar(db, s))
        .filter(|p| p.exists() && !may(p, AccessFlags::W_OK))
        .map(|p| format!("{} ({})", p.display(), ownership(&p)))
        .collect();
    if !leftovers.is_empty() {
        return Some(format!(
            "{login} may not write {}, left beside it; whoever owns it, or an administrator, must make it writable or remove it while no one has pmdb open",
            leftovers.join(" and ")
        ));
    }
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !may(dir, AccessFlags::W_OK) {
        return Some(format!(
            "{login} may not create files in its folder {} ({}), where SQLite keeps the -wal and -shm files",
            dir.display(),
            ownership(dir)
        ));
    }
    None
}

/// Whether pmdb was opening the file or saving to it when an I/O error came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Opening,
    Saving,
}

/// An SQLite error said for what it is where the file system is at fault: a full disk, the
/// file-size limit, a `-wal` deleted under another pmdb; anything else as `From` says it.
pub fn io_fault(
    conn: &rusqlite::Connection,
    db: &Path,
    e: rusqlite::Error,
    doing: Doing,
) -> StoreError {
    use rusqlite::ErrorCode;
    let io = matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::SystemIoFailure | ErrorCode::DiskFull | ErrorCode::CannotOpen)
    );
    if !io {
        return StoreError::from(e);
    }
    // SAFETY: the handle is this live connection's; the call only reads its last errno.
    let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
    explain_io(db, errno, doing).unwrap_or_else(|| StoreError::from(e))
}

/// The fault an I/O error's errno (or the files beside the database) shows, if any.
pub fn explain_io(db: &Path, errno: i32, doing: Doing) -> Option<StoreError> {
    use nix::errno::Errno;
    match Errno::from_raw(errno) {
        Errno::ENOSPC | Errno::EDQUOT if doing == Doing::Opening => {
            Some(StoreError::NoRoom(db.into()))
        }
        Errno::ENOSPC | Errno::EDQUOT => Some(StoreError::DiskFull(db.into())),
        Errno::EFBIG => Some(StoreError::FileTooLarge {
            path: db.into(),
            limit: file_size_limit().unwrap_or(0),
        }),
        _ if wal_lost(db) => Some(StoreError::WalLost(db.into())),
        _ => None,
    }
}

/// The largest file this process may write (RLIMIT_FSIZE), when there is a limit.
pub fn file_size_limit() -> Option<u64> {
    use nix::sys::resource::{Resource, getrlimit};
    let (soft, _) = getrlimit(Resource::RLIMIT_FSIZE).ok()?;
    (soft != nix::sys::resource::RLIM_INFINITY).then_some(soft)
}

/// A `-shm` that describes saves in a `-wal` that is not there (deleted, or replaced by
/// an empty one): what another pmdb still holding the deleted `-wal` leaves behind.
fn wal_lost(db: &Path) -> bool {
    let shm = sidecar(db, "-shm");
    let Ok(bytes) = std::fs::read(&shm) else {
        return false;
    };
    // The WAL index header: mxFrame, the frames the -wal holds, at byte 16 (native order).
    let Some(max_frame) = bytes
        .get(16..20)
        .map(|b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
    else {
        return false;
    };
    let wal = std::fs::metadata(sidecar(db, "-wal")).map_or(0, |m| m.len());
    // A -wal header is 32 bytes; each frame at least 24 + 512.
    max_frame > 0 && wal < 32 + u64::from(max_frame) * 536
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_only_file_and_a_leftover_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
        let why = cannot_write(&db, "alee");
        assert!(
            why.starts_with("the file is marked read-only (owner "),
            "{why}"
        );
        assert!(why.ends_with("mode 0444)"), "{why}");
        assert_eq!(sidecar(&db, "-wal"), dir.path().join("x.db-wal"));
        assert_eq!(FileId::of(&db), FileId::of(&db));
        assert_eq!(FileId::of(&dir.path().join("none")), None);
    }

    #[test]
    fn io_errors_are_said_for_what_they_are() {
        use nix::errno::Errno;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"").unwrap();
        let said =
            |errno: Errno, doing| explain_io(&db, errno as i32, doing).map(|e| e.to_string());
        assert_eq!(
            said(Errno::ENOSPC, Doing::Opening).unwrap(),
            format!(
                "the disk holding {} is full: pmdb cannot open it, since SQLite needs room beside it for its -shm and -wal files; free some space and try again",
                db.display()
            )
        );
        assert!(matches!(
            explain_io(&db, Errno::ENOSPC as i32, Doing::Saving),
            Some(StoreError::DiskFull(_))
        ));
        assert!(matches!(
            explain_io(&db, Errno::EFBIG as i32, Doing::Saving),
            Some(StoreError::FileTooLarge { .. })
        ));
        assert_eq!(said(Errno::EIO, Doing::Saving), None);
        // A -shm whose header says the -wal holds 10 frames, and no -wal.
        let mut shm = vec![0u8; 32768];
        shm[16..20].copy_from_slice(&10u32.to_ne_bytes());
        std::fs::write(sidecar(&db, "-shm"), &shm).unwrap();
        assert!(matches!(
            explain_io(&db, Errno::EIO as i32, Doing::Opening),
            Some(StoreError::WalLost(_))
        ));
    }
}
