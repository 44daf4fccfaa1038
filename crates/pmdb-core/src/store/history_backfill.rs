//! A file written before exceptions kept their history (schema 8) opens with each
//! exception's past read back from the audit log by migration 9: its raising and every
//! change of its record, with who and when, nothing made up; and from then on the store
//! adds to it.

use rusqlite::Connection;

use super::Store;
use super::open::migrations;
use super::session::Session;
use crate::domain::workflow::{ExceptionStatus, Step};
use crate::store::ExceptionUpdate;

/// Runs `sql` on `conn` as `login` on 20 July 2026: what `pmdb_login()` and `pmdb_now()`,
/// which the audit triggers call, then give.
fn as_login(conn: &Connection, login: &str, sql: &str) {
    let session = Session::new(login);
    session.pin_today("2026-07-20".parse().unwrap());
    session.register(conn).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn an_exception_changed_before_migration_9_keeps_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = Connection::open(&path).unwrap();
    as_login(&conn, "perf", "SELECT 1");
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    for (version, sql) in migrations().into_iter().filter(|(v, _)| *v <= 8) {
        conn.execute_batch(&format!("BEGIN; {sql}; COMMIT;"))
            .unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    // Raised by the performance officer; the owner proposes; PPG refers it to the Board;
    // the Board's word then overwrote PPG's, as schema 8 could only do.
    as_login(
        &conn,
        "perf",
        "INSERT INTO users (login, name, role) VALUES ('perf', 'Pat Performance', 'performance');
         INSERT INTO exceptions (kind, period, subject, owner, figures, raised_by, raised_at)
         VALUES ('red', '2026-06', 'HS01', 'glewis', '2026-06 44.4 against target 60.0', 'perf', '2026-07-20T09:00:00.000Z')",
    );
    as_login(
        &conn,
        "glewis",
        "UPDATE exceptions SET status = 'proposed', proposal = 'Agency cover', version = version + 1 WHERE id = 1",
    );
    as_login(
        &conn,
        "perf",
        "UPDATE exceptions SET status = 'escalated', decision = 'PPG: refer to MB', board_member = 'kmorgan',
         escalation_due = '2026-09-30', version = version + 1 WHERE id = 1",
    );
    as_login(
        &conn,
        "kmorgan",
        "UPDATE exceptions SET decision = 'MB: agency cover agreed', version = version + 1 WHERE id = 1",
    );
    drop(conn);
    let mut store = Store::open_on(&path, "perf", Some("2026-11-24".parse().unwrap())).unwrap();
    let history: Vec<(String, String, String, String)> = store
        .exception_history(1)
        .unwrap()
        .into_iter()
        .map(|h| (h.by, h.field, h.old, h.new))
        .collect();
    let row = |by: &str, field: &str, old: &str, new: &str| {
        (
            by.to_string(),
            field.to_string(),
            old.to_string(),
            new.to_string(),
        )
    };
    assert_eq!(
        history,
        [
            row("perf", "raised", "", "2026-06 44.4 against target 60.0"),
            row("glewis", "status", "open", "proposed"),
            row("glewis", "proposal", "", "Agency cover"),
            row("perf", "status", "proposed", "escalated"),
            row("perf", "decision", "", "PPG: refer to MB"),
            row("perf", "board_member", "", "kmorgan"),
            row("perf", "escalation_due", "", "2026-09-30"),
            row(
                "kmorgan",
                "decision",
                "PPG: refer to MB",
                "MB: agency cover agreed"
            ),
        ]
    );
    // When: the audit log's instants, on the day each change was made.
    assert!(
        store
            .exception_history(1)
            .unwrap()
            .iter()
            .all(|h| h.at.starts_with("2026-07-20T") && h.at.ends_with('Z'))
    );
    // From now on the store adds to it.
    store
        .update_exception(&ExceptionUpdate {
            id: 1,
            expected_version: None,
            step: Step {
                status: Some(ExceptionStatus::Closed),
                ..Step::default()
            },
        })
        .unwrap();
    let last = store.exception_history(1).unwrap();
    let closed: Vec<(&str, &str, &str)> = last[8..]
        .iter()
        .map(|h| (h.field.as_str(), h.old.as_str(), h.new.as_str()))
        .collect();
    assert_eq!(closed[0], ("status", "escalated", "closed"));
    assert_eq!(closed[1].0, "closed_at");
    assert!(closed[1].2.starts_with("2026-11-24T"), "{closed:?}");
    assert!(last[8..].iter().all(|h| h.by == "perf"));
}
