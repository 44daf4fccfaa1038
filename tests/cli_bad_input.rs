//! Bad input everywhere (SPEC.md: "Bad input gets a clear message naming the problem and
//! a non-zero exit, and nothing is written"): malformed periods, numbers and dates, unknown
//! codes, files that are not pmdb databases, a read-only file and a database newer than
//! this pmdb. Each case checks the message, exit status 1 and that nothing changed.
//! (Bad import files are covered in roundtrip.rs.)

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{Council, bytes};

const PERIOD_FORMS: &str = "write a month like 2025-02, a quarter like 2024/25 Q4 (or 2024/25-Q4), or a financial year like 2024/25";

/// The names of the files in a directory, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn a_malformed_period_is_refused_everywhere_with_the_accepted_forms() {
    let c = Council::fixture();
    let before = c.snapshot();
    let cases: [(&[&str], &str, &str); 9] = [
        (&["set", "RW1", "2024-13", "40"], "PERIOD", "2024-13"),
        (&["set", "RW1", "Q1 2024", "40"], "PERIOD", "Q1 2024"),
        (
            &["show", "WR1", "--period", "2024/26"],
            "--period",
            "2024/26",
        ),
        (&["list", "--period", "2024-6"], "--period", "2024-6"),
        (&["rollup", "--period", "2024 Q1"], "--period", "2024 Q1"),
        (
            &["exceptions", "raise", "--period", "June"],
            "--period",
            "June",
        ),
        (
            &["exceptions", "--period", "2024/25 Q5"],
            "--period",
            "2024/25 Q5",
        ),
        (&["signoff", "2024"], "PERIOD", "2024"),
        (
            &[
                "config",
                "set",
                "rag_rule",
                "intervention",
                "--from",
                "24-06",
            ],
            "--from",
            "24-06",
        ),
    ];
    for (args, option, period) in cases {
        assert_eq!(
            c.refused(args).trim(),
            format!("pmdb: {option}: '{period}' is not a period: {PERIOD_FORMS}"),
            "{args:?}"
        );
    }
    assert_eq!(c.snapshot(), before);
    assert_eq!(
        c.count("SELECT count(*) FROM exceptions") + c.count("SELECT count(*) FROM signoffs"),
        0
    );
}

#[test]
fn a_value_that_is_not_a_number_is_refused() {
    let c = Council::fixture();
    let before = c.snapshot();
    for (args, message) in [
        (
            vec!["set", "RW1", "2024-07", "forty"],
            "pmdb: VALUE: 'forty' is not a number",
        ),
        (
            vec!["set", "RW1", "2024-07", "4O"],
            "pmdb: VALUE: '4O' is not a number",
        ),
        (
            vec!["set", "RW1", "2024-07", "NaN"],
            "pmdb: VALUE: 'NaN' is not a number",
        ),
        (
            vec!["set", "RW1", "2024-07", "inf"],
            "pmdb: VALUE: 'inf' is not a number",
        ),
        (
            vec!["set", "RW1", "2024-07", ""],
            "pmdb: VALUE: '' is not a number",
        ),
        (
            vec![
                "set",
                "WR1",
                "2024-07",
                "-",
                "--numerator",
                "lots",
                "--denominator",
                "1000",
            ],
            "pmdb: --numerator: 'lots' is not a number",
        ),
        (
            vec![
                "set",
                "WR1",
                "2024-07",
                "-",
                "--numerator",
                "510",
                "--denominator",
                "1.000,5",
            ],
            "pmdb: --denominator: '1.000,5' is not a number",
        ),
        (
            vec![
                "set",
                "WR1",
                "2024-07",
                "-",
                "--numerator",
                "5",
                "--denominator",
                "0",
            ],
            "pmdb: the denominator must be above 0 and the numerator 0 or more (got 5/0)",
        ),
        (
            vec!["set", "RW1", "2024-07", "40", "--quality", "guess"],
            "pmdb: --quality: 'guess' is not a data quality: use provisional, estimated or final",
        ),
    ] {
        assert_eq!(c.refused(&args).trim(), message, "{args:?}");
    }
    assert_eq!(c.snapshot(), before);
}

#[test]
fn an_unknown_indicator_code_is_refused() {
    let c = Council::fixture();
    let before = c.snapshot();
    let message = "pmdb: no indicator 'XX9' (see `pmdb list` for the codes)";
    assert_eq!(c.refused(&["set", "XX9", "2024-07", "1"]).trim(), message);
    assert_eq!(c.refused(&["show", "XX9"]).trim(), message);
    assert_eq!(c.refused(&["history", "XX9"]).trim(), message);
    // Codes are exact: wr1 is not WR1.
    assert_eq!(
        c.refused(&["show", "wr1"]).trim(),
        "pmdb: no indicator 'wr1' (see `pmdb list` for the codes)"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_bad_date_in_pmdb_today_is_refused_before_anything_is_written() {
    let c = Council::fixture();
    let before = c.snapshot();
    for today in ["2024-02-30", "yesterday", "01/08/2024", "2024-8-1x"] {
        for args in [
            &["set", "RW1", "2024-07", "40"][..],
            &["list"][..],
            &["overdue"][..],
        ] {
            let err = common::refused(c.cmd(args).env("PMDB_TODAY", today), args);
            assert_eq!(
                err.trim(),
                format!(
                    "pmdb: PMDB_TODAY='{today}' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-20"
                ),
                "{args:?}"
            );
        }
    }
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_bad_date_option_is_refused() {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let before = c.snapshot();
    let exceptions = c.json(&["exceptions"]);
    // A UK spreadsheet's 31/07/2024 is a date (SPEC "Spreadsheet habits"); these are not.
    let forms =
        "write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26)";
    for (date, why) in [
        ("2024-02-30", format!("there is no such day ({forms})")),
        ("07/31/2024", format!("there is no such day ({forms})")),
        ("soon", forms.to_string()),
        (
            "24-07-31",
            format!("a year of two digits cannot come first (YY-MM-DD): {forms}"),
        ),
        (
            "0024-07-31",
            format!("the year 24 is outside 2000–2099: {forms}"),
        ),
    ] {
        assert_eq!(
            c.refused(&["overdue", "--as-of", date]).trim(),
            format!("pmdb: --as-of: '{date}' is not a date: {why}")
        );
        assert_eq!(
            c.refused(&[
                "exceptions",
                "update",
                "1",
                "--status",
                "escalated",
                "--board-member",
                "dir.env",
                "--due",
                date
            ])
            .trim(),
            format!("pmdb: --due: '{date}' is not a date: {why}")
        );
    }
    assert_eq!(c.snapshot(), before);
    assert_eq!(c.json(&["exceptions"]), exceptions);
}

#[test]
fn a_path_with_no_database_is_refused_and_nothing_is_created() {
    let c = Council::empty(common::FIXTURE_TODAY);
    for args in [
        &["list"][..],
        &["set", "RW1", "2024-07", "40"][..],
        &["config", "set", "deadline_day", "10"][..],
    ] {
        let err = c.refused(args);
        assert_eq!(
            err.trim(),
            format!(
                "pmdb: no pmdb database at {}: create one with `pmdb init` or `pmdb demo`",
                c.db.display()
            )
        );
    }
    assert!(
        files_in(c.dir.path()).is_empty(),
        "files appeared: {:?}",
        files_in(c.dir.path())
    );
}

#[test]
fn a_text_file_is_not_a_pmdb_database() {
    let c = Council::empty(common::FIXTURE_TODAY);
    std::fs::write(
        &c.db,
        "Minutes of the PPG meeting, 12 July 2024\nPresent: …\n".repeat(40),
    )
    .unwrap();
    let before = bytes(&c.db);
    let message = format!(
        "pmdb: {} is not a pmdb database (not an SQLite file)",
        c.db.display()
    );
    for args in [
        &["list"][..],
        &["show", "WR1"][..],
        &["set", "RW1", "2024-07", "40"][..],
        &["config", "set", "deadline_day", "10"][..],
        &["user", "list"][..],
        &["check"][..],
    ] {
        assert_eq!(c.refused(args).trim(), message, "{args:?}");
    }
    let csv = c.file("v.csv", "code,period,value\nRW1,2024-07,40\n");
    assert_eq!(c.refused(&["import", "values", &csv]).trim(), message);
    assert_eq!(bytes(&c.db), before, "the text file was changed");
    assert_eq!(files_in(c.dir.path()), ["v.csv", "x.db"]);
}

#[test]
fn an_sqlite_file_with_someone_elses_tables_is_not_a_pmdb_database() {
    let c = Council::empty(common::FIXTURE_TODAY);
    {
        let other = rusqlite::Connection::open(&c.db).unwrap();
        other
            .execute_batch(
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
                 INSERT INTO customers (name) VALUES ('Wyvern Vale Leisure Ltd');",
            )
            .unwrap();
    }
    let before = bytes(&c.db);
    let message = format!(
        "pmdb: {} is not a pmdb database (it has tables but no pmdb schema version)",
        c.db.display()
    );
    for args in [
        &["list"][..],
        &["set", "RW1", "2024-07", "40"][..],
        &["user", "add", "alee", "--role", "officer"][..],
    ] {
        assert_eq!(c.refused(args).trim(), message, "{args:?}");
    }
    assert_eq!(
        c.refused(&["init"]).trim(),
        format!(
            "pmdb: {} already exists; refusing to overwrite it",
            c.db.display()
        )
    );
    assert_eq!(bytes(&c.db), before, "someone else's database was changed");
    let tables: i64 = common::read_only(&c.db)
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn a_read_only_database_file_is_read_and_every_write_is_refused() {
    let c = Council::fixture();
    let me = common::me();
    std::fs::set_permissions(&c.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before_bytes = bytes(&c.db);
    let before = c.snapshot();
    // Reading works (and root, which could write to any file, writes nothing).
    assert_eq!(c.period("PL1", "2024/25 Q1")["value"], 75.0);
    let owner = nix::unistd::User::from_uid(nix::unistd::getuid())
        .unwrap()
        .unwrap()
        .name;
    let group = nix::unistd::Group::from_gid(nix::unistd::getgid())
        .unwrap()
        .unwrap()
        .name;
    let message = format!(
        "pmdb: {} is read-only: pmdb cannot save to it (the file is marked read-only (owner {owner}, group {group}, mode 0444))",
        c.db.display()
    );
    let csv = c.file("v.csv", "code,period,value\nRW1,2024-07,40\n");
    let targets = c.file("t.csv", "code,year,target\nRW1,2024/25,470\n");
    let writes: [&[&str]; 8] = [
        &["set", "RW1", "2024-07", "40"],
        &["import", "values", &csv],
        &["import", "targets", &targets],
        &["config", "set", "deadline_day", "10"],
        &["user", "add", "newcomer", "--role", "officer"],
        &["exceptions", "raise", "--period", "2024-06"],
        &["signoff", "2024/25 Q1"],
        &["user", "set-role", &me, "admin"],
    ];
    for args in writes {
        let err = c.refused(args);
        assert_eq!(err.trim(), message, "{args:?}");
    }
    assert_eq!(c.snapshot(), before);
    assert_eq!(bytes(&c.db), before_bytes, "the read-only file was changed");
    assert_eq!(
        std::fs::metadata(&c.db).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn a_database_newer_than_this_pmdb_is_refused_with_a_clear_message() {
    let c = Council::fixture();
    {
        let conn = rusqlite::Connection::open(&c.db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = bytes(&c.db);
    for args in [
        &["list"][..],
        &["show", "WR1"][..],
        &["set", "RW1", "2024-07", "40"][..],
        &["check"][..],
    ] {
        let err = c.refused(args);
        assert!(
            err.trim().starts_with(&format!(
                "pmdb: {} has schema version 999, newer than this pmdb understands (",
                c.db.display()
            )),
            "{args:?}: {err}"
        );
        assert!(err.trim().ends_with("); upgrade pmdb to use it"), "{err}");
    }
    assert_eq!(bytes(&c.db), before, "the newer database was changed");
    let version: i64 = common::read_only(&c.db)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 999);
}

/// "is not a exception status" reads badly and may become "an exception status": accept either.
fn assert_not_a(err: &str, start: &str, what_and_choices: &str) {
    let err = err.trim();
    let rest = err
        .strip_prefix(start)
        .unwrap_or_else(|| panic!("{err:?} does not start with {start:?}"));
    let rest = rest
        .strip_prefix(" an ")
        .or_else(|| rest.strip_prefix(" a "))
        .unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(rest, what_and_choices, "{err}");
}

#[test]
fn bad_words_in_options_name_the_option_and_the_choices() {
    let c = Council::fixture();
    let before = c.snapshot();
    assert_eq!(
        c.refused(&["rollup", "--by", "colour"]).trim(),
        "pmdb: --by: 'colour' is not a grouping: use priority, portfolio or service"
    );
    assert_eq!(
        c.refused(&["list", "--portfolio", "ARTS"]).trim(),
        "pmdb: --portfolio: no portfolio 'ARTS' (the codes are ENV, RES)"
    );
    assert_not_a(
        &c.refused(&["export", "widgets"]),
        "pmdb: 'widgets' is not",
        "import/export kind: use plan, indicators, targets, values, commentary, users, services, portfolios, boards, board_members, meetings, enterers, actions, action_updates, projects, project_updates, milestones, risks, risk_reviews, eias, case_studies, budgets or benchmarks",
    );
    assert_not_a(
        &c.refused(&["exceptions", "--status", "pending"]),
        "pmdb: --status: 'pending' is not",
        "exception status: use open, proposed, agreed, escalated or closed",
    );
    assert_not_a(
        &c.refused(&["exceptions", "--kind", "late"]),
        "pmdb: --kind: 'late' is not",
        "exception kind: use red, missing, action, project, milestone, risk, risk_review, eia, missing_update or request",
    );
    assert_eq!(
        c.refused(&["demo", "--scale", "0"]).trim(),
        "pmdb: --scale 0 is out of range: use 1 to 100"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn check_fails_on_a_damaged_file_and_says_what_is_wrong() {
    check_of_a_damaged_file(Council::fixture());
}

/// A file of 32 MB or more is checked on a connection of its own beside the reading of
/// the council (`pmdb check` on a large council): what it says of the damage is the same.
#[test]
fn check_of_a_large_damaged_file_beside_its_read_says_the_same() {
    let c = Council::fixture();
    c.pad_past_32_mb();
    check_of_a_damaged_file(c);
}

/// A file damaged where the council is read (the indicators' table's root page) cannot be
/// checked or read: `pmdb check` says the file is damaged and to restore it, in the same
/// words whether SQLite's check ran first (a small file) or beside the read (a large one).
#[test]
fn check_of_a_file_too_damaged_to_read_says_what_is_wrong_with_it() {
    let mut said: Vec<String> = Vec::new();
    for large in [false, true] {
        let c = Council::fixture();
        if large {
            c.pad_past_32_mb();
        }
        // The table's root page made no kind of page SQLite knows.
        let mut file = bytes(&c.db);
        file[root_page(&c, "indicators").start] = 0xff;
        std::fs::write(&c.db, &file).unwrap();

        let out = c.cmd(&["check"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "large {large}: {stderr}");
        assert!(out.stdout.is_empty(), "large {large}");
        assert!(
            stderr.starts_with(
                "pmdb: the database file is damaged (database disk image is malformed)"
            ),
            "large {large}: {stderr}"
        );
        assert!(
            stderr.contains("restore from a backup"),
            "large {large}: {stderr}"
        );
        said.push(stderr.into_owned());
    }
    assert_eq!(said[0], said[1]);
}

/// Where in the file the root page of the table or index `name` lies.
fn root_page(c: &Council, name: &str) -> std::ops::Range<usize> {
    let conn = common::read_only(&c.db);
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap();
    ((root - 1) * page_size) as usize..(root * page_size) as usize
}

fn check_of_a_damaged_file(c: Council) {
    assert_eq!(c.json(&["check"])["integrity"], "ok");
    // Damage one entry of the audit log's index, as a bad disk block would: the key
    // 'RW1|2024-05' in the index no longer matches its row.
    let mut file = bytes(&c.db);
    let page = root_page(&c, "audit_log_key");
    assert_eq!(
        file[page.start], 10,
        "the index's root page is not a leaf: the fixture grew, adjust this test"
    );
    let at = file[page.clone()]
        .windows(11)
        .position(|w| w == b"RW1|2024-05")
        .expect("the index holds RW1|2024-05")
        + page.start;
    file[at..at + 11].copy_from_slice(b"RW1|2024-55");
    std::fs::write(&c.db, &file).unwrap();

    let out = c.cmd(&["check"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.starts_with("integrity: row "), "{stdout}");
    assert!(
        stdout
            .lines()
            .next()
            .unwrap()
            .contains("missing from index audit_log_key"),
        "{stdout}"
    );
    assert_eq!(
        stderr.trim(),
        "pmdb: the database file failed its integrity check: restore from a backup"
    );
    assert_ne!(common::integrity(&c.db), "ok");
}
