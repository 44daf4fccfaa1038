//! The store against a real SQLite file: compare-and-set saves, the append-only audit
//! log, sign-off freezing, schema versions and the pragmas every connection runs with.

mod tui_support;

use std::path::Path;

use chrono::NaiveDate;
use pmdb::csvio::{self, Kind};
use pmdb::domain::assess::Context;
use pmdb::domain::period::Period;
use pmdb::domain::rag::Rag;
use pmdb::domain::role::Role;
use pmdb::query::signoff::statuses_to_freeze;
use pmdb::store::{Expect, NewValue, Quality, Store, StoreError};

const ADMIN: &str = "admin1";

fn today() -> NaiveDate {
    "2024-08-01".parse().unwrap()
}

fn ctx() -> Context {
    Context {
        today: today(),
        deadline_day: 15,
    }
}

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

/// A database with the fixture council of tests/fixtures loaded.
fn fixture(dir: &Path) -> Store {
    let path = dir.join("council.db");
    let mut store = Store::create(&path, ADMIN).unwrap();
    tui_support::add_fixture_users(&mut store);
    // The fixture's figures: its people are added above, as users.
    for kind in [Kind::Plan, Kind::Indicators, Kind::Targets, Kind::Values] {
        let bytes = std::fs::read(format!("tests/fixtures/{kind}.csv")).unwrap();
        csvio::import(&mut store, kind, &bytes, today()).unwrap();
    }
    store
}

fn value(code: &str, period: &str, v: f64) -> NewValue {
    NewValue {
        indicator: code.into(),
        period: p(period),
        value: Some(v),
        numerator: None,
        denominator: None,
        quality: Quality::Final,
        commentary: "Seasonal dip".into(),
        action: "Extra collection round".into(),
    }
}

fn audit_rows(store: &Store, table: &str) -> i64 {
    store
        .query_i64(&format!(
            "SELECT count(*) FROM audit_log WHERE tbl = '{table}'"
        ))
        .unwrap()
}

#[test]
fn a_save_against_a_stale_version_is_refused_and_names_who_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut mine = fixture(dir.path());
    let mut theirs = Store::open(mine.path(), "alee").unwrap();
    // Both read RW1 2024-07 as absent; alee saves first.
    let saved = theirs
        .record_value(&value("RW1", "2024-07", 39.0), Expect::Absent, ctx())
        .unwrap();
    assert_eq!(saved.version, 1);
    let err = mine
        .record_value(&value("RW1", "2024-07", 45.0), Expect::Absent, ctx())
        .unwrap_err();
    match err {
        StoreError::Conflict { by, found, .. } => assert_eq!((by.as_str(), found), ("alee", 1)),
        other => panic!("expected a conflict, got {other}"),
    }
    // Nothing was overwritten.
    assert_eq!(
        mine.value_at("RW1", p("2024-07")).unwrap().unwrap().value,
        39.0
    );
    // Saving against the version now stored succeeds and bumps it.
    let saved = mine
        .record_value(&value("RW1", "2024-07", 45.0), Expect::Version(1), ctx())
        .unwrap();
    assert_eq!(saved.version, 2);
    let stored = mine.value_at("RW1", p("2024-07")).unwrap().unwrap();
    assert_eq!(
        (stored.value, stored.entered_by.as_str(), stored.version),
        (45.0, ADMIN, 2)
    );
}

#[test]
fn every_write_leaves_one_audit_row_with_old_and_new_and_the_login() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture(dir.path());
    let before = audit_rows(&store, "values");
    store
        .record_value(&value("RW1", "2024-07", 39.0), Expect::Any, ctx())
        .unwrap();
    store
        .record_value(&value("RW1", "2024-07", 41.0), Expect::Any, ctx())
        .unwrap();
    assert_eq!(audit_rows(&store, "values"), before + 2);
    let history = store.history("RW1").unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.op.as_str(), last.login.as_str(), last.key.as_str()),
        ("update", ADMIN, "RW1|2024-07")
    );
    assert_eq!(last.old.as_ref().unwrap()["value"], 39.0);
    assert_eq!(last.new.as_ref().unwrap()["value"], 41.0);
}

#[test]
fn the_audit_log_refuses_update_and_delete_and_writes_outside_pmdb() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let raw = rusqlite::Connection::open(store.path()).unwrap();
    let err = raw
        .execute("UPDATE audit_log SET login = 'mallory'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = raw.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    // A write that bypasses pmdb finds no pmdb_login() and fails rather than go unlogged.
    let err = raw
        .execute("UPDATE \"values\" SET value = 0", [])
        .unwrap_err();
    assert!(err.to_string().contains("pmdb_login"), "{err}");
}

#[test]
fn connections_run_with_wal_full_sync_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    assert_eq!(
        store
            .query_i64("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'")
            .unwrap(),
        1
    );
    assert_eq!(store.query_i64("PRAGMA synchronous").unwrap(), 2); // FULL
    assert_eq!(store.query_i64("PRAGMA foreign_keys").unwrap(), 1);
    assert!(store.query_i64("PRAGMA busy_timeout").unwrap() >= 5000);
}

#[test]
fn a_newer_database_and_someone_elses_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let path = store.path().to_path_buf();
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&path, ADMIN).err().unwrap();
    assert!(
        err.to_string()
            .contains("schema version 99, newer than this pmdb understands (21)"),
        "{err}"
    );

    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute("CREATE TABLE invoices (id INTEGER)", [])
        .unwrap();
    let err = Store::open(&other, ADMIN).err().unwrap();
    assert!(err.to_string().contains("is not a pmdb database"), "{err}");

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database, just some notes\n".repeat(100),
    )
    .unwrap();
    let err = Store::open(&text, ADMIN).err().unwrap();
    assert!(err.to_string().contains("not an SQLite file"), "{err}");
}

#[test]
fn a_signed_off_quarter_keeps_its_statuses_and_refuses_new_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture(dir.path());
    let q1 = p("2024/25 Q1");
    let status = |store: &Store, code: &str, period: Period| {
        let ds = store.dataset().unwrap();
        let rec = ds.indicator(code).unwrap().clone();
        ds.assess(&ds.series(&rec), period, ctx())
    };
    // WR1 Q1 is 1430/3000 = 47.7%: amber against 50 / intervention 45.
    assert_eq!(status(&store, "WR1", q1).rag, Rag::Amber);
    let ds = store.dataset().unwrap();
    let frozen = statuses_to_freeze(&ds, q1, ctx());
    // The quarter and its three months for each monthly indicator, the quarter for PL1.
    assert_eq!(frozen.len(), 3 * 4 + 1);
    store.sign_off(q1, &frozen, today()).unwrap();

    // Tightening the rule afterwards changes an open period but not the signed-off one.
    store
        .set_setting(&pmdb::domain::setting::Setting::RagRule {
            rule: pmdb::domain::rag::RagRule::Tolerance {
                green: 1.0,
                amber: 2.0,
            },
            from: None,
        })
        .unwrap();
    let after = status(&store, "WR1", q1);
    assert_eq!((after.rag, after.value), (Rag::Amber, Some(47.7)));
    assert!(
        after
            .rule
            .to_string()
            .starts_with("green ≥ 50.0; amber ≥ 45.0"),
        "{}",
        after.rule
    );
    // May's 48.0 was amber (above the intervention level 45); under 1%/2% of 50 it would be
    // red, but May is signed off with the quarter.
    assert_eq!(status(&store, "WR1", p("2024-05")).rag, Rag::Amber);
    let err = store
        .record_value(&value("RW1", "2024-05", 39.0), Expect::Any, ctx())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "refused: 2024-05 is signed off (as part of 2024/25 Q1); its figures can no longer change"
    );
    // July is open, so the new rule applies there.
    let mut july = value("WR1", "2024-07", 47.0);
    (july.numerator, july.denominator) = (Some(470.0), Some(1000.0));
    store.record_value(&july, Expect::Any, ctx()).unwrap();
    let july = status(&store, "WR1", p("2024-07"));
    assert_eq!(july.rag, Rag::Red);
    assert!(
        july.rule
            .to_string()
            .starts_with("tolerance: green within 1%"),
        "{}",
        july.rule
    );
}

#[test]
fn officers_record_only_their_own_indicators_and_viewers_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture(dir.path());
    store
        .add_user("cllr.jones", "Cllr Jones", Role::Viewer)
        .unwrap();
    let mut alee = Store::open(store.path(), "alee").unwrap();
    alee.record_value(&value("RW1", "2024-07", 39.0), Expect::Any, ctx())
        .unwrap();
    let err = alee
        .record_value(&value("PL2", "2024-07", 120.0), Expect::Any, ctx())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "refused: alee (officer) may record values only for indicators they own or enter data for; PL2 is owned by jpatel"
    );
    let mut viewer = Store::open(store.path(), "cllr.jones").unwrap();
    let err = viewer
        .record_value(&value("RW1", "2024-07", 39.0), Expect::Any, ctx())
        .unwrap_err();
    assert_eq!(err.to_string(), "refused: cllr.jones (viewer) reads only");
    let mut stranger = Store::open(store.path(), "visitor").unwrap();
    assert!(
        stranger
            .add_user("x", "", Role::Admin)
            .unwrap_err()
            .to_string()
            .contains("only an admin")
    );
    // The last admin cannot be demoted.
    let err = store.set_role(ADMIN, Role::Viewer).unwrap_err();
    assert!(err.to_string().contains("only admin"), "{err}");
}

#[test]
fn backup_is_a_consistent_copy_that_opens() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let copy = dir.path().join("copy.db");
    store.backup(&copy).unwrap();
    let restored = Store::open(&copy, ADMIN).unwrap();
    assert_eq!(restored.all_values().unwrap(), store.all_values().unwrap());
    assert_eq!(restored.integrity_check().unwrap(), ["ok"]);
    assert!(
        store
            .backup(&copy)
            .unwrap_err()
            .to_string()
            .contains("already exists")
    );
}

/// A killed backup left its temporary beside the copy: the next backup removes it (its
/// process is gone) and writes a whole copy.
#[test]
fn the_next_backup_removes_a_killed_ones_temporary_and_writes_a_whole_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = dir
        .path()
        .join(format!(".monday.db.pmdb-partial-{dead}-a1B2c3D4"));
    std::fs::write(&stale, vec![0u8; 4096]).unwrap();
    let copy = dir.path().join("tuesday.db");
    store.backup(&copy).unwrap();
    assert!(!stale.exists(), "the stale temporary is still there");
    let restored = Store::open(&copy, ADMIN).unwrap();
    assert_eq!(restored.integrity_check().unwrap(), ["ok"]);
    assert_eq!(restored.all_values().unwrap(), store.all_values().unwrap());
    // Nothing of the backup's own is left beside it.
    let hidden: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

/// SQLite is told to refuse a link at the name it writes a backup to: a link a colleague
/// swaps in at the temporary name after pmdb made it is never written through, and a
/// backup at a link's name is refused as an existing file.
#[test]
fn a_backup_never_writes_through_a_link() {
    use pmdb::outfile::{Existing, write_beside_by_name};
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let victim = dir.path().join("victim.db");
    std::fs::write(&victim, b"").unwrap(); // empty: VACUUM INTO would have filled it
    let copy = dir.path().join("copy.db");
    let err = write_beside_by_name(&copy, Existing::Refuse, |tmp| {
        std::fs::remove_file(tmp)?;
        std::os::unix::fs::symlink(&victim, tmp)?;
        rusqlite::Connection::open_with_flags(
            tmp,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NOFOLLOW,
        )
        .map(drop)
        .map_err(|e| {
            // SQLITE_CANTOPEN_SYMLINK: refused for the link, not for anything else.
            assert_eq!(e.sqlite_error().map(|c| c.extended_code), Some(1550), "{e}");
            std::io::Error::other(e)
        })
    })
    .unwrap_err();
    assert!(err.to_string().contains("unable to open"), "{err}");
    assert_eq!(std::fs::read(&victim).unwrap(), b"");
    assert!(std::fs::symlink_metadata(&copy).is_err());
    // A link at the backup's own name: refused, the file it points at untouched.
    std::os::unix::fs::symlink(&victim, &copy).unwrap();
    let err = store.backup(&copy).unwrap_err().to_string();
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&victim).unwrap(), b"");
}

/// Refusals are typed (issue 9): a caller or test tells which rule refused, and where,
/// without reading the message; the message is the one people have always read.
#[test]
fn refusals_say_which_rule_and_where() {
    use pmdb::domain::entry::EntryError;
    use pmdb::domain::fields::FieldError;
    use pmdb::domain::plan::{NodeKind, PlanNode};
    use pmdb::domain::role::RoleError;
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture(dir.path());

    // A red without its commentary and remedial action.
    let mut red = value("RW1", "2024-07", 80.0);
    red.commentary.clear();
    red.action.clear();
    match store.record_value(&red, Expect::Any, ctx()).unwrap_err() {
        StoreError::Unexplained {
            code,
            period,
            refusal,
        } => {
            assert_eq!((code.as_str(), period), ("RW1", p("2024-07")));
            match *refusal {
                EntryError::Unexplained { missing, .. } => {
                    assert_eq!(missing, ["a commentary", "a remedial action"]);
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }

    // An officer recording someone else's indicator.
    let mut alee = Store::open(store.path(), "alee").unwrap();
    match alee
        .record_value(&value("PL2", "2024-07", 120.0), Expect::Any, ctx())
        .unwrap_err()
    {
        StoreError::Denied(RoleError::NotTheirs { code, owner, .. }) => {
            assert_eq!((code.as_str(), owner.as_str()), ("PL2", "jpatel"));
        }
        other => panic!("{other:?}"),
    }

    // A plan row with a code the spec does not allow: the row, the column and the rule.
    let node = PlanNode {
        code: "P 9".into(),
        kind: NodeKind::Priority,
        parent: None,
        title: "Spaces in codes".into(),
        owner: String::new(),
        portfolio: None,
        service: None,
        from_year: pmdb::domain::period::FinYear(2024),
        to_year: None,
    };
    match store.import_plan(&[(7, node)]).unwrap_err() {
        StoreError::Row {
            row,
            column,
            problem,
        } => {
            assert_eq!((row, column.as_str()), (7, "code"));
            assert!(
                matches!(
                    problem.downcast_ref::<FieldError>(),
                    Some(FieldError::NotACode { .. })
                ),
                "{problem:?}"
            );
        }
        other => panic!("{other:?}"),
    }

    // A quarter that has not ended.
    let q2 = p("2024/25 Q2");
    let err = store
        .sign_off(q2, &Default::default(), today())
        .unwrap_err();
    assert!(matches!(err, StoreError::NotEnded(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "2024/25 Q2 has not ended yet (it ends 30 Sep 2024), so it cannot be signed off"
    );
}

/// Set-group-ID, pmdb's connections are the only way to the file: none of them may load an
/// SQLite extension (code that would run with pmdb's group), nor keep temporary files in
/// a folder the person names (TMPDIR).
#[test]
fn a_connection_loads_no_extension_and_keeps_temporary_data_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let refused = store
        .query_i64("SELECT load_extension('/nonexistent/ext.so') IS NULL")
        .unwrap_err()
        .to_string();
    assert!(refused.contains("not authorized"), "{refused}");
    // 2 = MEMORY.
    assert_eq!(store.query_i64("PRAGMA temp_store").unwrap(), 2);
}
