//! For the migration tests: a file as an older pmdb wrote it, opened by this one.

use std::path::Path;

use rusqlite::Connection;

use super::Store;
use super::open::migrations;
use super::session::Session;

/// A file of schema `version` holding what `held` inserts, then opened (so migrated) by
/// this pmdb as `perf` on 24 Nov 2026.
pub(super) fn migrated(dir: &Path, version: i64, held: &str) -> Store {
    let path = dir.join("old.db");
    let session = Session::new("perf");
    session.pin_today("2026-11-24".parse().unwrap());
    let conn = Connection::open(&path).unwrap();
    session.register(&conn).unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    for (v, sql) in migrations().into_iter().filter(|(v, _)| *v <= version) {
        conn.execute_batch(&format!("BEGIN; {sql}; COMMIT;"))
            .unwrap();
        conn.pragma_update(None, "user_version", v).unwrap();
    }
    conn.execute_batch(held).unwrap();
    drop(conn);
    Store::open_on(&path, "perf", Some("2026-11-24".parse().unwrap())).unwrap()
}
