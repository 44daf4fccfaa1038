//! Opening a database: the pragmas every connection needs, the `pmdb_login()` and
//! `pmdb_now()` functions the audit triggers call (see `session`), and the migrations from
//! schema.sql.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::{Result, StoreError};
use super::session::Session;
use super::{Identity, SCHEMA, Store, faults};

/// How long a connection waits for another's write lock before the retry loop takes over.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The migrations in schema.sql, as (version, SQL).
pub fn migrations() -> Vec<(i64, String)> {
    let mut out: Vec<(i64, String)> = Vec::new();
    for line in SCHEMA.lines() {
        if let Some(n) = line
            .strip_prefix("-- migration ")
            .and_then(|n| n.trim().parse().ok())
        {
            out.push((n, String::new()));
        } else if let Some((_, sql)) = out.last_mut() {
            sql.push_str(line);
            sql.push('\n');
        }
    }
    out
}

/// The schema version this pmdb writes.
pub fn latest_version() -> i64 {
    migrations().last().map(|(v, _)| *v).unwrap_or(0)
}

/// The umask the database's files need whatever the person's own: SQLite makes the
/// `-wal` and `-shm` with the database's mode masked by it, and fixes the mode only a
/// moment later, so under 022 another officer would meet a `-wal` it may not write.
const DATABASE_UMASK: u32 = 0o007;

/// Holds the process's umask at [`DATABASE_UMASK`] while a connection opens (when SQLite
/// makes the `-wal` and `-shm`), restoring the person's after. The umask belongs to the
/// whole process: one lock keeps two threads' openings from restoring it under each other.
struct FileMask {
    before: nix::sys::stat::Mode,
    _one_at_a_time: std::sync::MutexGuard<'static, ()>,
}

static MASKING: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl FileMask {
    fn set() -> FileMask {
        use nix::sys::stat::{Mode, umask};
        let guard = MASKING.lock().unwrap_or_else(|e| e.into_inner());
        let before = umask(Mode::from_bits_truncate(DATABASE_UMASK));
        FileMask {
            before,
            _one_at_a_time: guard,
        }
    }
}

impl Drop for FileMask {
    fn drop(&mut self) {
        nix::sys::stat::umask(self.before);
    }
}

fn connect(path: &Path, flags: OpenFlags, session: &Session) -> Result<Connection> {
    // Never while the group is switched to the person's for a file of theirs.
    let _group = crate::privilege::opening_database();
    // A new database is made with the person's umask, as any file of theirs; an existing
    // one's `-wal` and `-shm` with the mode the database's officers need.
    let _mask = (!flags.contains(OpenFlags::SQLITE_OPEN_CREATE)).then(FileMask::set);
    super::lock_holders::remember(path);
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY) {
        // A read never takes the exclusive lock the last connection to close takes to
        // checkpoint: stopped at that moment it would stall every save. Checkpoints
        // belong to saves (SQLite's automatic one, and a save's own close).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    }
    if crate::privilege::set_group_id() {
        keep_wal_files(&conn);
    }
    session.register(&conn)?;
    // The first read tells a file that is not SQLite at all.
    conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::SystemIoFailure | ErrorCode::DiskFull) => {
                faults::io_fault(&conn, path, e, faults::Doing::Opening)
            }
            _ => classify(path, e),
        })?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // FULL: an acknowledged save survives power loss, in WAL mode too.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Sorting and temporary tables in memory: SQLite would otherwise make its temporary
    // files in the folder TMPDIR or SQLITE_TMPDIR names, which the person chooses.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(conn)
}

/// Installed set-group-ID, the `-wal` and `-shm` are kept when the last connection
/// closes (SQLite's persistent WAL), so the ones `pmdb init` made as root stay root's. A
/// `-wal` an officer's pmdb made would be the officer's own file, which they could write
/// without pmdb; reads no longer checkpoint on close, so it would otherwise outlive them.
fn keep_wal_files(conn: &Connection) {
    let mut on: std::ffi::c_int = 1;
    // SAFETY: the handle is this open connection's; SQLITE_FCNTL_PERSIST_WAL reads and
    // writes the int it is given, which lives through the call.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&raw mut on).cast(),
        );
    }
}

fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotPmdb {
            path: path.into(),
            why: "not an SQLite file".into(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.into(),
            why: String::new(),
        },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
            StoreError::Open(format!("cannot open {}: {e}", path.display()))
        }
        Some(
            ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked
            | ErrorCode::FileLockingProtocolFailed,
        ) => StoreError::Busy(super::lock_holders::held_by(path)),
        _ => StoreError::from(e),
    }
}

impl Store {
    /// A store on an opened connection, remembering which files the path names now.
    fn on(conn: Connection, path: &Path, login: &str, session: Session) -> Store {
        Store {
            conn,
            path: path.into(),
            login: login.into(),
            session,
            identity: Identity::of(path),
            reading: false,
            patience: super::tx::RETRY_FOR,
            abandon: None,
            joined: false,
            hold_back: false,
        }
    }
}

/// Reading a database whose folder this login may not write, and beside which SQLite has
/// no `-wal` or `-shm` it could use: opened as unchanging (`immutable`), which is true here,
/// since nobody without write access to the folder can start a `-wal`. Any save is refused.
fn connect_unchanging(path: &Path, login: &str, session: &Session) -> Result<Connection> {
    let wal = faults::sidecar(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(StoreError::ReadOnly {
            path: path.into(),
            why: faults::cannot_write(path, login),
        });
    }
    let uri = format!(
        "file:{}?immutable=1",
        path.to_string_lossy()
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    connect(
        Path::new(&uri),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        session,
    )
}

pub fn open_existing(path: &Path, login: &str, day: Option<chrono::NaiveDate>) -> Result<Store> {
    // A folder on the way that this login may not pass makes the file look absent: say
    // so, rather than offering to create a database that exists.
    if let Some(why) = faults::cannot_read(path, login) {
        return Err(StoreError::PermissionDenied(why));
    }
    if !path.exists() {
        return Err(StoreError::NoDatabase(path.into()));
    }
    // A file marked read-only (no write permission bit for anyone) opens for reading, even
    // for root, and saving is refused when tried; so does one this login cannot write.
    let marked_read_only = std::fs::metadata(path)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false);
    let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // Before migrating: what a migration records falls on the pinned day too.
    let session = Session::on(login, day);
    let conn = if marked_read_only {
        connect(path, read_only, &session)?
    } else {
        connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            &session,
        )
        .or_else(|e| match e {
            StoreError::ReadOnly { .. } | StoreError::Open(_) => connect(path, read_only, &session)
                .or_else(|_| connect_unchanging(path, login, &session)),
            other => Err(other),
        })?
    };
    let mut store = Store::on(conn, path, login, session);
    store.check_is_pmdb()?;
    store.migrate()?;
    Ok(store)
}

/// Opens an existing database for a command that only reads: read-only, never
/// checkpointing on close, so that nothing it holds, even stopped, stops a save. A file
/// that needs a migration is brought up to date first by one read-write opening (a
/// write, once per upgrade of pmdb), then read as any other.
pub fn open_reading(path: &Path, login: &str, day: Option<chrono::NaiveDate>) -> Result<Store> {
    if let Some(why) = faults::cannot_read(path, login) {
        return Err(StoreError::PermissionDenied(why));
    }
    if !path.exists() {
        return Err(StoreError::NoDatabase(path.into()));
    }
    let session = Session::on(login, day);
    let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = connect(path, read_only, &session).or_else(|e| match e {
        StoreError::ReadOnly { .. } | StoreError::Open(_) => {
            connect_unchanging(path, login, &session)
        }
        other => Err(other),
    })?;
    let mut store = Store::on(conn, path, login, session);
    store.reading = true;
    store.check_is_pmdb()?;
    if store.user_version()? < latest_version() {
        drop(store);
        drop(open_existing(path, login, day)?);
        return open_reading(path, login, day);
    }
    Ok(store)
}

/// A second read-only connection to a database a store has open, for half of one read
/// (`Store::read_beside`): not checked or migrated, as the store's own was, and opened
/// only where a read-only connection opens (not an unchanging file).
pub(super) fn open_beside(
    path: &Path,
    login: &str,
    day: Option<chrono::NaiveDate>,
) -> Result<Store> {
    let session = Session::on(login, day);
    let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = connect(path, read_only, &session)?;
    let mut store = Store::on(conn, path, login, session);
    store.reading = true;
    Ok(store)
}

/// Another read-write connection to a store's database, as its first was opened.
pub(super) fn reconnect(path: &Path, session: &Session) -> Result<Connection> {
    connect(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        session,
    )
}

pub fn create_new(path: &Path, login: &str, day: Option<chrono::NaiveDate>) -> Result<Store> {
    if path.exists() {
        return Err(StoreError::Exists(path.into()));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Open(format!("cannot create the folder {}: {e}", dir.display()))
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let session = Session::on(login, day);
    let conn = connect(path, flags, &session)?;
    // WAL lets readers carry on while one officer saves; it is a property of the file.
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Open(format!(
            "{} cannot use WAL mode (got {mode}); keep the database on a local disk, not a network share",
            path.display()
        )));
    }
    let mut store = Store::on(conn, path, login, session);
    store.migrate()?;
    store.write(|tx| {
        tx.execute(
            "INSERT INTO users (login, name, role) VALUES (?1, ?1, 'admin')
             ON CONFLICT(login) DO UPDATE SET role = 'admin'",
            [login],
        )?;
        // The boards every council has: PPG, the Management Board and Leadership Team.
        for (code, name) in super::org::DEFAULT_BOARDS {
            tx.execute(
                "INSERT OR IGNORE INTO boards (code, name) VALUES (?1, ?2)",
                [code, name],
            )?;
        }
        Ok(())
    })?;
    Ok(store)
}

impl Store {
    fn user_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// A database with version 0 and tables of its own is someone else's file.
    fn check_is_pmdb(&self) -> Result<()> {
        let version = self.user_version()?;
        let tables: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if version == 0 {
            // Only `create` makes a database: opening never turns a stray file into one.
            let why = if tables > 0 {
                "it has tables but no pmdb schema version"
            } else {
                "it is empty"
            };
            return Err(StoreError::NotPmdb {
                path: self.path.clone(),
                why: why.into(),
            });
        }
        if version > 0 {
            let has_audit: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'",
                [],
                |r| r.get(0),
            )?;
            if has_audit == 0 {
                return Err(StoreError::NotPmdb {
                    path: self.path.clone(),
                    why: "no audit_log table".into(),
                });
            }
        }
        let latest = latest_version();
        if version > latest {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: version,
                supported: latest,
            });
        }
        Ok(())
    }

    /// Applies every migration newer than the database, each in its own transaction.
    fn migrate(&mut self) -> Result<()> {
        if self.user_version()? >= latest_version() {
            return Ok(());
        }
        for (version, sql) in migrations() {
            self.write(|tx| {
                // Another process may have migrated while this one waited for the lock.
                let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                if now < version {
                    tx.execute_batch(&sql).map_err(|e| {
                        let reason = e
                            .sqlite_error()
                            .and_then(|s| s.extended_code.checked_add(0))
                            .unwrap_or(0);
                        StoreError::Migration {
                            version,
                            code: reason,
                            problem: short(&e),
                        }
                    })?;
                    tx.pragma_update(None, "user_version", version)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }
}

/// The first line of an SQLite error, without the SQL text it may carry.
fn short(e: &rusqlite::Error) -> String {
    e.to_string()
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_sql_has_numbered_migrations_in_order() {
        let m = migrations();
        assert!(!m.is_empty());
        for (i, (v, sql)) in m.iter().enumerate() {
            assert_eq!(*v, i as i64 + 1);
            assert!(sql.contains("CREATE"), "migration {v} is empty");
        }
    }
}
