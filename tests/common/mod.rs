//! Shared helpers for the command-line integration tests: a council in a temporary
//! directory, the `pmdb` binary run against it with a pinned date, and read-only looks
//! into the database file for figures the command line does not print.
//!
//! Every test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod html;
pub mod nobody;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use tempfile::TempDir;

/// The fixture council's data runs April to July 2024; this date has June's deadline passed.
pub const FIXTURE_TODAY: &str = "2024-08-01";

/// The fixture files under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Every file in `dir` (a published pack, say), by name, with its bytes, sorted by name.
pub fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let e = e.expect("a folder entry");
            let bytes = std::fs::read(e.path()).expect("a readable file");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

/// The path of the built `pmdb` binary, for tests that spawn processes themselves.
pub fn pmdb_binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("pmdb")
}

/// The login the tests run as, found as pmdb finds it (the real user id's passwd entry,
/// never USER or LOGNAME): the admin `init` makes, and the name pmdb records on every save.
pub fn me() -> String {
    pmdb::cli::env::login()
}

/// A database in its own temporary directory, and the date `pmdb` is told it is.
pub struct Council {
    pub dir: TempDir,
    pub db: PathBuf,
    pub today: String,
}

impl Council {
    /// A directory with no database in it yet.
    pub fn empty(today: &str) -> Council {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = dir.path().join("x.db");
        Council {
            dir,
            db,
            today: today.to_string(),
        }
    }

    /// A new database made by `pmdb init` (the test's login, [`me`], becomes its admin).
    pub fn init(today: &str) -> Council {
        let c = Council::empty(today);
        c.ok(&["init"]);
        c
    }

    /// A new database with the fixture's people (tests/fixtures/users.csv) as users: owners
    /// must be pmdb users before a plan or indicators file names them.
    pub fn with_fixture_people(today: &str) -> Council {
        let c = Council::init(today);
        let people = std::fs::read_to_string(fixture("users.csv")).expect("users.csv");
        for line in people.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            c.ok(&[
                "user", "add", cells[0], "--role", cells[2], "--name", cells[1],
            ]);
        }
        c
    }

    /// The small council of tests/fixtures: plan, indicators, targets and values imported
    /// in that order into a new database, with today pinned to 2024-08-01.
    pub fn fixture() -> Council {
        Council::fixture_on(FIXTURE_TODAY)
    }

    /// The fixture council, with today pinned to `today`.
    pub fn fixture_on(today: &str) -> Council {
        let c = Council::with_fixture_people(today);
        for kind in ["plan", "indicators", "targets", "values"] {
            let file = fixture(&format!("{kind}.csv"));
            c.ok(&["import", kind, file.to_str().expect("a UTF-8 path")]);
        }
        c
    }

    /// A path in the council's directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file in the council's directory and returns its path as text.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let p = self.path(name);
        std::fs::write(&p, contents).expect("write a test file");
        p.to_str().expect("a UTF-8 path").to_string()
    }

    /// `pmdb --db DB ARGS…` with today pinned and no PMDB_DB from the surroundings.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("pmdb").expect("the pmdb binary");
        cmd.arg("--db")
            .arg(&self.db)
            .args(args)
            .env("PMDB_TODAY", &self.today)
            .env_remove("PMDB_DB");
        cmd
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().expect("run pmdb");
        assert!(
            out.status.success(),
            "pmdb {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// Runs a command that must succeed with `--json`; returns the parsed output.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let text = self.ok(&with_json);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("pmdb {args:?} --json printed no JSON ({e}):\n{text}"))
    }

    /// Runs a command that must be refused with exit status 1, printing nothing on
    /// standard output; returns its standard error.
    pub fn refused(&self, args: &[&str]) -> String {
        refused(&mut self.cmd(args), args)
    }

    /// `show CODE --period P --json`: the one period's line.
    pub fn period(&self, code: &str, period: &str) -> Value {
        let v = self.json(&["show", code, "--period", period]);
        let periods = v["periods"].as_array().expect("periods is an array");
        assert_eq!(
            periods.len(),
            1,
            "show {code} --period {period} lists one period: {v:#}"
        );
        periods[0].clone()
    }

    /// (rag, rule) of one indicator for one period, from `show --json`.
    pub fn status(&self, code: &str, period: &str) -> (String, String) {
        let p = self.period(code, period);
        (text(&p["rag"]), text(&p["rule"]))
    }

    /// `export values` to standard output: every value as CSV.
    pub fn values_csv(&self) -> String {
        self.ok(&["export", "values"])
    }

    /// Everything a failed command must leave alone: the values, targets, plan and
    /// indicators as exported, and the number of audit rows.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            plan: self.ok(&["export", "plan"]),
            indicators: self.ok(&["export", "indicators"]),
            targets: self.ok(&["export", "targets"]),
            values: self.values_csv(),
            audit_rows: self.count("SELECT count(*) FROM audit_log"),
        }
    }

    /// A read-only connection to the database file.
    pub fn read_only(&self) -> Connection {
        read_only(&self.db)
    }

    /// One number from read-only SQL.
    pub fn count(&self, sql: &str) -> i64 {
        self.read_only()
            .query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Makes the file larger than 34 MB (`pad_past_32_mb`).
    pub fn pad_past_32_mb(&self) {
        pad_past_32_mb(&self.db);
    }

    /// A writable connection that behaves like pmdb's own: it registers the
    /// `pmdb_login()` (as `login`) and `pmdb_now()` functions the audit triggers call. For the few records
    /// the command line has no way to write yet (actions, risks, data-entry officers).
    pub fn writer(&self, login: &str) -> Connection {
        writer(&self.db, login)
    }

    /// The audit rows of the values table for one indicator and period.
    pub fn value_audit_rows(&self, code: &str, period: &str) -> i64 {
        self.read_only()
            .query_row(
                "SELECT count(*) FROM audit_log WHERE tbl = 'values' AND key = ?1",
                [format!("{code}|{period}")],
                |r| r.get(0),
            )
            .expect("count audit rows")
    }
}

/// What a refused command must leave as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub plan: String,
    pub indicators: String,
    pub targets: String,
    pub values: String,
    pub audit_rows: i64,
}

/// Runs a command that must fail with exit status 1 and nothing on standard output.
pub fn refused(cmd: &mut Command, what: &[&str]) -> String {
    let out = cmd.output().expect("run pmdb");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(1),
        "pmdb {what:?} should be refused with exit status 1\nstdout: {}\nstderr: {stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        !stderr.trim().is_empty(),
        "pmdb {what:?} was refused without a message"
    );
    assert!(
        out.stdout.is_empty(),
        "pmdb {what:?} was refused but printed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    stderr
}

/// A writable connection to any database file, registering the functions pmdb's audit
/// triggers call (`pmdb_login()` as `login`, `pmdb_now()`): a write from around pmdb.
/// Makes the file at `db` larger than 34 MB with a table pmdb does not know (a blob of
/// zeros): from 32 MB `pmdb check` runs SQLite's check beside its read, and a whole read
/// is split over two connections, as on a large council's file.
pub fn pad_past_32_mb(db: &Path) {
    let w = writer(db, &me());
    w.execute_batch(
        "CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(34000000));",
    )
    .unwrap();
    drop(w);
    assert!(bytes(db).len() > 34_000_000);
}

pub fn writer(path: &Path, login: &str) -> Connection {
    let conn = Connection::open(path).expect("open the database");
    let who = login.to_string();
    conn.create_scalar_function(
        "pmdb_login",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        move |_| Ok(who.clone()),
    )
    .expect("register pmdb_login");
    conn.create_scalar_function(
        "pmdb_now",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        |_| {
            Ok(chrono::Utc::now()
                .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                .to_string())
        },
    )
    .expect("register pmdb_now");
    conn
}

/// A read-only connection to any database file.
pub fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the database read-only")
}

/// `PRAGMA integrity_check` through a connection of our own.
pub fn integrity(path: &Path) -> String {
    let conn = read_only(path);
    let rows: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("integrity_check");
    rows.join("; ")
}

/// A JSON string as a Rust string ("" when it is not a string).
/// A meeting's agenda (`exceptions --meeting ID|BOARD:DATE`) as (id, subject, carried
/// forward).
pub fn agenda(c: &Council, meeting: &str) -> Vec<(i64, String, bool)> {
    c.json(&["exceptions", "--meeting", meeting])["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().unwrap(),
                text(&e["subject"]),
                e["carried_forward"].as_bool().unwrap(),
            )
        })
        .collect()
}

pub fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The codes listed under `key` (an array of objects with a `code`).
pub fn codes(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no array '{key}' in {v:#}"))
        .iter()
        .map(|i| text(&i["code"]))
        .collect()
}

/// A roll-up group's counts as [green, amber, red, missing, none], from `rollup --json`.
pub fn counts(g: &Value) -> [i64; 5] {
    ["green", "amber", "red", "missing", "none"].map(|k| {
        g[k].as_i64()
            .unwrap_or_else(|| panic!("no count {k} in {g}"))
    })
}

/// A file's bytes, to compare before and after a command.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The CSV report's groups that are not indicators: a year's case studies, a quarter's
/// highlights, the services' finance, the actions, projects, risks, opportunities and EIAs
/// (issue 25).
pub const NOT_INDICATORS: [&str; 8] = [
    "case study",
    "finance",
    "highlight",
    "action",
    "project",
    "risk",
    "opportunity",
    "eia",
];

/// Whether a line of the CSV report is an indicator's row (its group is none of those).
pub fn indicator_line(line: &str) -> bool {
    !NOT_INDICATORS
        .iter()
        .any(|k| line.starts_with(&format!("{k},")))
}

/// The count of open risks `pmdb risks --json`'s heat map holds, every cell summed.
pub fn heat_map_total(risks: &Value) -> u64 {
    risks["heatmap"]
        .as_array()
        .expect("a heatmap")
        .iter()
        .flat_map(|row| row.as_array().unwrap().iter().map(|n| n.as_u64().unwrap()))
        .sum()
}
