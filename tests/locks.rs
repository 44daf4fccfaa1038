//! Nobody stalls everyone: a process stopped (SIGSTOP, Ctrl-Z) while it holds the
//! database's locks, found from the kernel's lock table at that moment. A stopped read
//! never stops a save; a stopped save is named, with its login and how root ends it.
//! Every stopped child is continued and killed at the end, whatever happens.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Council, me};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use pmdb::store::lock_holders::{self, Lock};

/// A child process that is continued and killed when the test ends, passing or not.
struct Stoppable(Child);

impl Stoppable {
    fn pid(&self) -> u32 {
        self.0.id()
    }

    fn signal(&self, s: Signal) {
        let _ = kill(Pid::from_raw(self.pid() as i32), s);
    }
}

impl Drop for Stoppable {
    fn drop(&mut self) {
        self.signal(Signal::SIGCONT);
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn pmdb(c: &Council, args: &[&str]) -> Command {
    let mut cmd = Command::new(common::pmdb_binary());
    cmd.arg("--db")
        .arg(&c.db)
        .args(args)
        .env("PMDB_TODAY", &c.today)
        .env_remove("PMDB_DB")
        .stdin(Stdio::null());
    cmd
}

/// The locks `pid` holds on the file at `path` now.
fn locks_of(pid: u32, path: &Path) -> Vec<Lock> {
    use std::os::unix::fs::MetadataExt;
    let Ok(ino) = std::fs::metadata(path).map(|m| m.ino()) else {
        return Vec::new();
    };
    let table = std::fs::read_to_string("/proc/locks").expect("the kernel's lock table");
    lock_holders::parse(&table)
        .into_iter()
        .filter(|l| l.pid == pid && l.ino == ino)
        .collect()
}

fn shm(c: &Council) -> std::path::PathBuf {
    c.path("x.db-shm")
}

/// Runs `cmd` to its end within `limit`, or fails the test (and kills it).
fn finishes_within(mut cmd: Command, limit: Duration) -> std::process::Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let started = Instant::now();
    let waiter = std::thread::spawn(move || child.wait_with_output().unwrap());
    while !waiter.is_finished() {
        if started.elapsed() > limit {
            let _ = kill(Pid::from_raw(pid as i32), Signal::SIGKILL);
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    waiter.join().unwrap()
}

/// A users file of `n` viewers: an import long enough to be caught holding the write lock.
fn many_users(c: &Council, n: usize) -> std::path::PathBuf {
    let mut text = String::from("login,name,role\n");
    for i in 0..n {
        text.push_str(&format!("viewer{i},Viewer {i},viewer\n"));
    }
    let path = c.path("many.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_save_stopped_holding_the_write_lock_is_named_and_reads_go_on() {
    let c = Council::init("2024-08-01");
    let file = many_users(&c, 40_000);
    let mut caught = None;
    for _ in 0..5 {
        let import = Stoppable(
            pmdb(&c, &["import", "users", file.to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let started = Instant::now();
        // Stop it the moment the lock table shows it holding the write lock (-shm byte 120).
        while started.elapsed() < Duration::from_secs(20) {
            let writing = locks_of(import.pid(), &shm(&c))
                .iter()
                .any(|l| l.write && l.start == 120);
            if writing {
                import.signal(Signal::SIGSTOP);
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        // Still holding it once stopped: caught.
        std::thread::sleep(Duration::from_millis(50));
        if locks_of(import.pid(), &shm(&c))
            .iter()
            .any(|l| l.write && l.start == 120)
        {
            caught = Some(import);
            break;
        }
    }
    let import = caught.expect("the import was caught holding the write lock");
    let pid = import.pid();

    // `pmdb check --locks` names it, its login, that it is stopped, and how root ends it.
    let out = finishes_within(pmdb(&c, &["check", "--locks"]), Duration::from_secs(10));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains(&format!(
            "x.db-shm: pmdb process {pid} of {} (stopped) saving (holds the write lock)",
            me()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "x.db is held by pmdb process {pid} of {}, stopped; root can end it: `kill -CONT {pid}`",
            me()
        )),
        "{text}"
    );
    let out = finishes_within(
        pmdb(&c, &["--json", "check", "--locks"]),
        Duration::from_secs(10),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let writing = json["holders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["holding"] == "writing")
        .expect("the writer is listed");
    assert_eq!(writing["pid"], pid);
    assert_eq!(writing["login"], me());
    assert_eq!(writing["stopped"], true);
    assert_eq!(writing["file"], "x.db-shm");

    // Reads go on while the save is stopped.
    let out = finishes_within(pmdb(&c, &["user", "list"]), Duration::from_secs(10));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A save waits for it, then is refused naming it, never "database is locked".
    let out = finishes_within(
        pmdb(&c, &["user", "add", "late", "--role", "viewer"]),
        Duration::from_secs(100),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(
        err.trim_end(),
        format!(
            "pmdb: x.db is held by pmdb process {pid} of {}, stopped; root can end it: `kill -CONT {pid}`; pmdb waited for it and gave up: nothing was saved, try again",
            me()
        )
    );
    assert!(!err.contains("locked"), "{err}");

    // Continued, it finishes, and saves go through again.
    drop(import);
    let out = finishes_within(
        pmdb(&c, &["user", "add", "later", "--role", "viewer"]),
        Duration::from_secs(30),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_read_stopped_holding_its_locks_never_stops_a_save() {
    let c = Council::init("2024-08-01");
    // Enough users that a read takes a moment.
    c.ok(&["import", "users", many_users(&c, 5_000).to_str().unwrap()]);
    let mut stops = 0;
    let mut n = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    while stops < 3 && Instant::now() < deadline {
        let read = Stoppable(
            pmdb(&c, &["--json", "user", "list"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // Stop it the moment it holds a read mark (-shm bytes 123 to 127): reading.
        let started = Instant::now();
        let mut held = false;
        while started.elapsed() < Duration::from_secs(5) && !held {
            held = locks_of(read.pid(), &shm(&c))
                .iter()
                .any(|l| !l.write && (123..=127).contains(&l.start));
            if held {
                read.signal(Signal::SIGSTOP);
            }
        }
        if !held {
            continue;
        }
        // The moments SQLite itself holds everyone off, as the first connection to open
        // the file rebuilds its index, are not a read's: caught in one, try again.
        // Nor are the moments the read let its mark go just before the stop took hold
        // (it had finished reading): that stop holds nothing, so proves nothing.
        std::thread::sleep(Duration::from_millis(20));
        let shm_locks = locks_of(read.pid(), &shm(&c));
        let reading = shm_locks
            .iter()
            .any(|l| !l.write && (123..=127).contains(&l.start));
        if shm_locks.iter().any(|l| l.write) || !reading {
            continue;
        }
        stops += 1;
        // Stopped, it holds no lock that keeps a writer out.
        for lock in locks_of(read.pid(), &c.db) {
            assert!(!lock.write, "a read holds {lock:?} on the database");
        }
        n += 1;
        let login = format!("saver{n}");
        let out = finishes_within(
            pmdb(&c, &["user", "add", &login, "--role", "viewer"]),
            Duration::from_secs(15),
        );
        assert!(
            out.status.success(),
            "a save behind a stopped read: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(stops, 3, "three reads were caught holding a lock");
}

#[test]
fn a_read_never_checkpoints_and_the_next_save_does() {
    use rusqlite::config::DbConfig;
    let c = Council::init("2024-08-01");
    // A -wal with saves in it, left by a connection that did not checkpoint as it closed.
    {
        let conn = rusqlite::Connection::open(&c.db).unwrap();
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .unwrap();
        conn.execute_batch(
            "PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE padding (x);
             INSERT INTO padding VALUES (randomblob(100000));",
        )
        .unwrap();
    }
    let wal = c.path("x.db-wal");
    let before = std::fs::metadata(&wal).unwrap().len();
    assert!(before > 100_000, "{before}");
    // A read, the only connection: it leaves the -wal as it was (a checkpoint on close
    // would take the exclusive lock, and empty it).
    c.ok(&["user", "list"]);
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), before);
    // The next save checkpoints it.
    c.ok(&["user", "add", "next", "--role", "viewer"]);
    let after = std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert!(after < before, "{after} >= {before}");
}
