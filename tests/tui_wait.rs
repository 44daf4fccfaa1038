//! A save that must wait for another writer (SPEC.md, "Waiting is visible"): the interface
//! keeps drawing and answering keys, says how long it has waited, and `Esc` abandons the
//! save with nothing written. Another connection holds the write lock with
//! `BEGIN IMMEDIATE`, as another officer's pmdb does while it saves.

mod tui_support;

use std::path::Path;
use std::time::Duration;

use crossterm::event::KeyCode;
use pmdb::domain::period::Period;
use pmdb::store::{Abandon, Expect, NewValue, Quality, Store, StoreError};
use pmdb::tui::App;
use tui_support::*;

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

/// Another connection holding the write lock until `release`.
struct Holder(rusqlite::Connection);

impl Holder {
    fn hold(path: &Path) -> Holder {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        Holder(conn)
    }

    fn release(self) {
        self.0.execute_batch("ROLLBACK").unwrap();
    }
}

fn audit_rows(path: &Path) -> i64 {
    Store::open(path, LOGIN)
        .unwrap()
        .query_i64("SELECT count(*) FROM audit_log")
        .unwrap()
}

/// Alex Lee's WR1 for July, typed in: 4 / 100 (red), with commentary and action.
fn type_july(app: &mut App) {
    typing(app, "2");
    choose_officer(app, "alee");
    press(app, KeyCode::Enter);
    typing(app, "4");
    press(app, KeyCode::Tab);
    typing(app, "100");
    press(app, KeyCode::Tab);
    typing(app, "Two crews off sick");
    press(app, KeyCode::Tab);
    typing(app, "Agency cover from August");
}

/// Runs the loop's polling a few times, as the run loop does between keys.
fn poll_a_little(app: &mut App) {
    for _ in 0..3 {
        app.poll_save(Duration::from_millis(10));
    }
}

/// Polls until no save thread is left running, abandoned ones included (at most 10 s).
fn until_no_save_runs(app: &mut App) {
    for _ in 0..1000 {
        app.poll_save(Duration::ZERO);
        if !app.save_running() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("a save thread was still running after 10 s");
}

#[test]
fn a_save_waiting_for_another_writer_keeps_answering_keys_and_esc_abandons_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    let audit_before = audit_rows(&path);
    type_july(&mut app);

    let holder = Holder::hold(&path);
    app.handle_key(ctrl('s'));
    poll_a_little(&mut app);
    let screen = text(&app, 80, 24);
    assert!(screen.contains("waiting for the database ("), "{screen}");
    // The edit is still drawn, and says how to stop waiting; so does the footer, drawn
    // from the keymap.
    assert!(screen.contains("Two crews off sick"), "{screen}");
    assert!(screen.contains("Esc abandons the save"), "{screen}");
    assert!(
        screen.lines().last().unwrap().contains("Esc abandon save"),
        "{screen}"
    );

    // Keys still work: the help opens on the waiting view's keys, and closes.
    app.handle_key(key(KeyCode::Char('?')));
    assert!(text(&app, 80, 24).contains("Keys: Saving"));
    assert!(text(&app, 80, 24).contains("abandon save"));
    app.handle_key(key(KeyCode::Esc));
    poll_a_little(&mut app);
    assert!(!text(&app, 80, 24).contains("Keys: Saving"));
    assert!(text(&app, 80, 24).contains("waiting for the database ("));
    // Typing does not change the edit being saved.
    app.handle_key(key(KeyCode::Char('x')));
    assert!(!text(&app, 80, 24).contains("Agency cover from Augustx"));

    app.handle_key(key(KeyCode::Esc));
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("Save abandoned: nothing was saved"),
        "{screen}"
    );
    assert!(!screen.contains("waiting for the database"), "{screen}");

    // Once the other writer lets go, the abandoned save gives up without writing.
    holder.release();
    until_no_save_runs(&mut app);
    let store = Store::open(&path, LOGIN).unwrap();
    assert_eq!(store.value_at("WR1", p("2024-07")).unwrap(), None);
    assert_eq!(audit_rows(&path), audit_before);
    assert!(text(&app, 80, 24).contains("Save abandoned: nothing was saved"));

    // The edit is still open: saving again, with nobody in the way, saves it.
    hit(&mut app, ctrl('s'));
    let saved = store.value_at("WR1", p("2024-07")).unwrap().expect("saved");
    assert_eq!((saved.value, saved.version), (4.0, 1));
    assert!(text(&app, 80, 24).contains("Saved WR1 2024-07: 4.0 (red), version 1"));
}

#[test]
fn a_save_that_waited_is_applied_when_the_other_writer_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    type_july(&mut app);

    let holder = Holder::hold(&path);
    app.handle_key(ctrl('s'));
    poll_a_little(&mut app);
    assert!(text(&app, 80, 24).contains("waiting for the database ("));
    let store = Store::open(&path, LOGIN).unwrap();
    assert_eq!(store.value_at("WR1", p("2024-07")).unwrap(), None);

    holder.release();
    settle(&mut app);
    let saved = store.value_at("WR1", p("2024-07")).unwrap().expect("saved");
    assert_eq!(
        (saved.value, saved.version, saved.commentary.as_str()),
        (4.0, 1, "Two crews off sick")
    );
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("Saved WR1 2024-07: 4.0 (red), version 1"),
        "{screen}"
    );
    assert!(!screen.contains("waiting for the database"), "{screen}");
    assert!(line_with(&app, 80, 24, "WR1 ").contains("4.0"));
}

fn july(commentary: &str) -> NewValue {
    NewValue {
        indicator: "WR1".into(),
        period: p("2024-07"),
        value: None,
        numerator: Some(60.0),
        denominator: Some(100.0),
        quality: Quality::Final,
        commentary: commentary.into(),
        action: String::new(),
    }
}

/// The store's side: a write abandoned while it waits never commits, even when the lock
/// comes free at once; a write already committed cannot be abandoned.
#[test]
fn an_abandoned_write_never_commits_and_a_committed_one_cannot_be_abandoned() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let ctx = Store::open(&path, LOGIN)
        .unwrap()
        .dataset()
        .unwrap()
        .context(today());

    let holder = Holder::hold(&path);
    let abandon = Abandon::default();
    let mut store = Store::open(&path, LOGIN).unwrap();
    store.abandon_with(abandon.clone()).unwrap();
    let worker = std::thread::spawn(move || store.record_value(&july(""), Expect::Absent, ctx));
    assert!(abandon.abandon());
    holder.release();
    let out = worker.join().unwrap();
    assert!(matches!(out, Err(StoreError::Abandoned)), "{out:?}");
    let store = Store::open(&path, LOGIN).unwrap();
    assert_eq!(store.value_at("WR1", p("2024-07")).unwrap(), None);

    let abandon = Abandon::default();
    let mut store = Store::open(&path, LOGIN).unwrap();
    store.abandon_with(abandon.clone()).unwrap();
    let saved = store.record_value(&july(""), Expect::Absent, ctx).unwrap();
    assert_eq!(saved.version, 1);
    assert!(!abandon.abandon(), "a committed write was abandoned");
}

/// Another process (python3's sqlite3) holding the write lock, stopped once the lock
/// table shows it holding it; continued and killed when dropped.
struct StoppedHolder(std::process::Child);

impl StoppedHolder {
    fn start(path: &Path) -> Option<StoppedHolder> {
        use std::process::{Command, Stdio};
        let script = "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1],isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\nsys.stdin.read()\n";
        let child = Command::new("python3")
            .args(["-c", script])
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .ok()?;
        let holder = StoppedHolder(child);
        let shm = pmdb::store::faults::sidecar(path, "-shm");
        for _ in 0..500 {
            let table = std::fs::read_to_string("/proc/locks").unwrap();
            let holds = pmdb::store::lock_holders::parse(&table)
                .iter()
                .any(|l| l.pid == holder.0.id() && l.write && l.start == 120);
            if holds && std::fs::metadata(&shm).is_ok() {
                holder.signal(nix::sys::signal::Signal::SIGSTOP);
                return Some(holder);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("python3 never took the write lock");
    }

    fn signal(&self, s: nix::sys::signal::Signal) {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.0.id() as i32), s);
    }
}

impl Drop for StoppedHolder {
    fn drop(&mut self) {
        self.signal(nix::sys::signal::Signal::SIGCONT);
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_waiting_line_names_the_stopped_process_holding_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    type_july(&mut app);
    let Some(holder) = StoppedHolder::start(&path) else {
        eprintln!("skipped: no python3 to hold the lock from another process");
        return;
    };
    let pid = holder.0.id();
    app.handle_key(ctrl('s'));
    // The lock table is read again each second of waiting.
    for _ in 0..150 {
        app.poll_save(Duration::from_millis(10));
    }
    let screen = text(&app, 200, 24);
    let name = path.file_name().unwrap().to_string_lossy();
    let login = pmdb::cli::env::login();
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap();
    assert!(screen.contains("waiting for the database ("), "{screen}");
    assert!(
        screen.contains(&format!(
            " s): {name} is held by {} process {pid} of {login}, stopped; root can end it: `kill -CONT {pid}`",
            comm.trim_end()
        )),
        "{screen}"
    );
    app.handle_key(key(KeyCode::Esc));
    drop(holder);
    until_no_save_runs(&mut app);
}

#[test]
fn a_terminal_stop_waits_until_the_save_has_ended() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    type_july(&mut app);
    let holder = Holder::hold(&path);
    app.handle_key(ctrl('s'));
    poll_a_little(&mut app);
    // Ctrl-Z or SIGTSTP while the save waits: asked for, not done.
    let suspend = AtomicBool::new(true);
    assert!(!pmdb::tui::stop_now(&app, &suspend));
    assert!(
        suspend.load(Ordering::Relaxed),
        "the stop is kept for later"
    );
    // The other writer lets go, the save ends: now the stop happens, once.
    holder.release();
    until_no_save_runs(&mut app);
    assert!(pmdb::tui::stop_now(&app, &suspend));
    assert!(!pmdb::tui::stop_now(&app, &suspend));
    let store = Store::open(&path, LOGIN).unwrap();
    assert!(store.value_at("WR1", p("2024-07")).unwrap().is_some());
}
