//! Faults say what they are (issue 13, points 4 and 12): a file this login may not read,
//! a folder or leftover file it may not write, a full disk, and a database moved or
//! replaced under an open store. Access is tested as the system user `nobody`, which
//! needs root; the rest runs as anyone.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::nobody::{as_nobody, can_run_as_nobody, share_with_nobody};
use common::{Council, FIXTURE_TODAY, me, refused};

fn chmod(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_login_without_access_is_told_permission_denied_not_no_database() {
    if !can_run_as_nobody("a_login_without_access_is_told_permission_denied_not_no_database") {
        return;
    }
    let c = Council::fixture();
    share_with_nobody(&c);
    chmod(&c.db, 0o600);
    let err = refused(&mut as_nobody(&c, &["list"]), &["list"]);
    assert!(
        err.contains("permission denied: nobody may not read"),
        "{err}"
    );
    assert!(err.contains(&c.db.display().to_string()), "{err}");
    assert!(err.contains("mode 0600"), "{err}");
    assert!(err.contains("add nobody to group"), "{err}");
    assert!(!err.contains("pmdb init"), "{err}");
}

#[test]
fn a_read_only_folder_still_reads_and_a_save_names_the_folder() {
    if !can_run_as_nobody("a_read_only_folder_still_reads_and_a_save_names_the_folder") {
        return;
    }
    let c = Council::fixture();
    c.ok(&["user", "add", "nobody", "--role", "admin"]);
    share_with_nobody(&c);
    // Every connection closed: no -wal or -shm is left, and nobody may not create them.
    chmod(c.dir.path(), 0o555);
    let out = as_nobody(&c, &["show", "WR1", "--period", "2024-06", "--json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "a read failed: {err}");
    assert!(!err.contains("save"), "{err}");
    let err = refused(
        &mut as_nobody(&c, &["user", "add", "z1", "--role", "viewer"]),
        &["user", "add"],
    );
    assert!(
        err.contains("nobody may not create files in its folder"),
        "{err}"
    );
    assert!(err.contains("mode 0555"), "{err}");
    chmod(c.dir.path(), 0o777);
}

#[test]
fn leftover_wal_and_shm_this_login_cannot_write_are_named() {
    if !can_run_as_nobody("leftover_wal_and_shm_this_login_cannot_write_are_named") {
        return;
    }
    let c = Council::fixture();
    c.ok(&["user", "add", "nobody", "--role", "admin"]);
    share_with_nobody(&c);
    for suffix in ["-wal", "-shm"] {
        let p = c.path(&format!("x.db{suffix}"));
        std::fs::write(&p, b"").unwrap();
        chmod(&p, 0o444);
    }
    let err = refused(
        &mut as_nobody(&c, &["user", "add", "z2", "--role", "viewer"]),
        &["user", "add"],
    );
    assert!(err.contains("x.db-wal (owner"), "{err}");
    assert!(err.contains("x.db-shm (owner"), "{err}");
    assert!(err.contains("mode 0444"), "{err}");
}

#[test]
fn a_file_marked_read_only_says_so() {
    let c = Council::fixture();
    chmod(&c.db, 0o444);
    let err = c.refused(&["set", "RW1", "2024-07", "40"]);
    assert!(
        err.contains("is read-only: pmdb cannot save to it (the file is marked read-only (owner"),
        "{err}"
    );
    assert!(err.contains("mode 0444"), "{err}");
    // Reading still works.
    c.ok(&["show", "RW1"]);
}

#[test]
fn a_database_replaced_under_an_open_store_refuses_to_save() {
    use pmdb::store::{Expect, NewValue, Quality, Store, StoreError};
    let c = Council::fixture();
    let mut store = Store::open(&c.db, &me()).unwrap();
    let value = NewValue {
        indicator: "RW1".into(),
        period: "2024-07".parse().unwrap(),
        value: Some(40.0),
        numerator: None,
        denominator: None,
        quality: Quality::Final,
        commentary: String::new(),
        action: String::new(),
    };
    let ctx = pmdb::domain::assess::Context {
        today: FIXTURE_TODAY.parse().unwrap(),
        deadline_day: 15,
    };
    store.check_same_file().unwrap();
    // Someone restores yesterday's copy over it: a new file at the same path.
    let copy = c.path("copy.db");
    store.backup(&copy).unwrap();
    std::fs::rename(&copy, &c.db).unwrap();
    let err = store.record_value(&value, Expect::Any, ctx).unwrap_err();
    assert!(matches!(err, StoreError::Replaced(_)), "{err}");
    assert!(
        err.to_string()
            .contains("was moved, deleted or replaced while pmdb had it open: nothing was saved"),
        "{err}"
    );
    // Its -wal deleted under it: the same.
    let c = Council::fixture();
    let mut store = Store::open(&c.db, &me()).unwrap();
    std::fs::remove_file(c.path("x.db-wal")).unwrap();
    let err = store.record_value(&value, Expect::Any, ctx).unwrap_err();
    assert!(matches!(err, StoreError::Replaced(_)), "{err}");
    drop(store);
    assert_eq!(c.period("RW1", "2024-07")["value"], serde_json::Value::Null);
}

#[path = "tui_support/mod.rs"]
mod tui_support;

#[test]
fn the_interface_says_when_its_file_was_replaced_and_refuses_to_save() {
    use crossterm::event::KeyCode;
    use tui_support::{app, choose_officer, ctrl, hit, press, text, typing};
    let dir = tempfile::tempdir().unwrap();
    let path = tui_support::fixture(dir.path());
    let mut a = app(&path);
    assert!(text(&a, 80, 24).contains("· live"));
    // Yesterday's copy restored over the file while the interface is open.
    let copy = dir.path().join("copy.db");
    pmdb::store::Store::open(&path, tui_support::LOGIN)
        .unwrap()
        .backup(&copy)
        .unwrap();
    std::fs::rename(&copy, &path).unwrap();
    a.tick();
    let screen = text(&a, 80, 24);
    assert!(
        screen.contains("was moved, deleted or replaced"),
        "{screen}"
    );
    assert!(!screen.contains("· live"), "{screen}");
    // A save is refused, and nothing reaches the new file.
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    press(&mut a, KeyCode::Enter);
    typing(&mut a, "4");
    press(&mut a, KeyCode::Tab);
    typing(&mut a, "100");
    hit(&mut a, ctrl('s'));
    // The edit dialog says why the save failed, as the status line does.
    let screen = text(&a, 100, 30);
    assert_eq!(
        screen.matches("was moved, deleted or replaced").count(),
        2,
        "{screen}"
    );
    assert!(screen.contains("│✗ "), "{screen}");
    let store = pmdb::store::Store::open(&path, tui_support::LOGIN).unwrap();
    assert_eq!(
        store.value_at("WR1", "2024-07".parse().unwrap()).unwrap(),
        None
    );
}

/// `pmdb ARGS` on the council in a shell whose file-size limit is `blocks` (`ulimit -f`):
/// its exit status and standard error.
fn under_file_size_limit(c: &Council, blocks: u32, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {blocks} && exec \"$0\" \"$@\""))
        .arg(common::pmdb_binary())
        .arg("--db")
        .arg(&c.db)
        .args(args)
        .env("PMDB_TODAY", &c.today)
        .env_remove("PMDB_DB")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_file_size_limit_is_named_for_a_read_and_a_save() {
    let c = Council::init(FIXTURE_TODAY);
    // No -shm yet: SQLite must make one (32 KiB) even to read.
    assert!(!c.path("x.db-shm").exists());
    let (ok, err) = under_file_size_limit(&c, 16, &["user", "list"]);
    assert!(!ok);
    let db = c.db.display();
    assert!(
        err.starts_with(&format!("pmdb: {db} cannot grow past ")),
        "{err}"
    );
    assert!(
        err.contains(
            "bytes, the largest file this login may write here (its file-size limit, `ulimit -f`)"
        ),
        "{err}"
    );
    assert!(!err.contains("disk I/O"), "{err}");
    // With the -shm made, a save that must grow the -wal past the limit.
    c.ok(&["user", "list"]);
    let (ok, err) = under_file_size_limit(&c, 1, &["user", "add", "zz", "--role", "viewer"]);
    assert!(!ok);
    assert!(
        err.contains(
            "(its file-size limit, `ulimit -f`): nothing was saved; raise the limit and try again"
        ),
        "{err}"
    );
    assert!(!c.ok(&["user", "list"]).contains("zz"));
}

#[test]
fn a_wal_deleted_under_a_running_pmdb_is_named_in_other_processes() {
    use rusqlite::config::DbConfig;
    let c = Council::init(FIXTURE_TODAY);
    // Another pmdb with the database open and saves in its -wal not yet checkpointed.
    let running = rusqlite::Connection::open(&c.db).unwrap();
    running
        .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .unwrap();
    running
        .execute_batch(
            "PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE padding (x);
             INSERT INTO padding VALUES (randomblob(50000));",
        )
        .unwrap();
    std::fs::remove_file(c.path("x.db-wal")).unwrap();
    let said = format!(
        "pmdb: {}-wal was deleted or replaced while another pmdb had the database open: nothing was read or saved; everyone must close pmdb on this database (`pmdb check --locks` names who has it open), then open it again and run `pmdb check`\n",
        c.db.display()
    );
    for args in [
        &["user", "list"][..],
        &["user", "add", "zz", "--role", "viewer"][..],
    ] {
        assert_eq!(c.refused(args), said, "{args:?}");
    }
    drop(running);
}
