//! Sign-off shows what it freezes, and can be reopened on record (issue 14, point 6).
//!
//! The fixture council has data for April to July 2024; today is pinned to 2024-08-01, so
//! 2024/25 Q1 has ended and PL2's May and June were never recorded.

mod common;

use common::{Council, me, text};

const Q1: &str = "2024/25 Q1";

fn audit_rows(c: &Council) -> i64 {
    c.count("SELECT count(*) FROM audit_log")
}

#[test]
fn a_dry_run_shows_what_signing_freezes_and_writes_nothing() {
    let c = Council::fixture();
    let audit = audit_rows(&c);
    let before = c.snapshot();

    let v = c.json(&["signoff", Q1, "--dry-run"]);
    assert_eq!(v["period"], Q1);
    let counts = &v["counts"];
    let total: i64 = ["green", "amber", "red", "missing", "none"]
        .iter()
        .map(|k| counts[k].as_i64().expect("a count"))
        .sum();
    assert!(counts["missing"].as_i64().unwrap() >= 1, "{v:#}");
    let missing: Vec<(String, String)> = v["missing"]
        .as_array()
        .expect("missing is a list")
        .iter()
        .map(|m| (text(&m["code"]), text(&m["period"])))
        .collect();
    for month in ["2024-05", "2024-06"] {
        assert!(
            missing.contains(&("PL2".to_string(), month.to_string())),
            "PL2 {month} is not listed missing: {missing:?}"
        );
    }
    assert!(v["unexplained"].is_array(), "{v:#}");
    assert!(v["open_exceptions"].is_array(), "{v:#}");

    let out = c.ok(&["signoff", Q1, "--dry-run"]);
    assert!(out.contains("PL2 2024-05"), "{out}");
    assert!(out.contains("PL2 2024-06"), "{out}");
    assert!(out.contains("missing"), "{out}");
    assert!(out.contains("open exceptions"), "{out}");
    assert!(out.contains("nothing was signed off"), "{out}");

    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 0);
    assert_eq!(audit_rows(&c), audit, "a dry run wrote audit rows");
    assert_eq!(c.snapshot(), before);

    // The counts are those of the quarter's own statuses, as signing then freezes them.
    c.ok(&["signoff", Q1, "--yes"]);
    assert_eq!(
        c.count("SELECT count(*) FROM signoff_statuses WHERE period = '2024/25 Q1'"),
        total
    );
}

#[test]
fn the_dry_run_lists_the_periods_open_exceptions() {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let raised = c.count("SELECT count(*) FROM exceptions WHERE status <> 'closed'");
    assert!(raised > 0);
    let v = c.json(&["signoff", Q1, "--dry-run"]);
    assert_eq!(
        v["open_exceptions"].as_array().unwrap().len() as i64,
        raised,
        "{v:#}"
    );
}

#[test]
fn yes_signs_and_without_a_terminal_signoff_proceeds() {
    let c = Council::fixture();
    let out = c.ok(&["signoff", Q1, "--yes"]);
    assert!(out.starts_with("signed off 2024/25 Q1"), "{out}");
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 1);

    // Tests run without a terminal on standard input: a script's plain signoff signs.
    let c = Council::fixture();
    c.ok(&["signoff", Q1]);
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 1);
}

#[test]
fn a_dry_run_of_a_period_signed_off_already_is_refused() {
    let c = Council::fixture();
    c.ok(&["signoff", Q1]);
    assert!(
        c.refused(&["signoff", Q1, "--dry-run"])
            .contains("2024/25 Q1 was signed off already")
    );
}

#[test]
fn reopening_needs_an_admin_a_reason_and_a_sign_off() {
    let c = Council::fixture();
    // Not signed off: nothing to reopen.
    let err = c.refused(&["signoff", "reopen", Q1, "--reason", "late data"]);
    assert_eq!(
        err.trim(),
        "pmdb: 2024/25 Q1 is not signed off: there is no sign-off to reopen"
    );
    c.ok(&["signoff", Q1]);

    // No reason: a usage error.
    let out = c
        .cmd(&["signoff", "reopen", Q1])
        .output()
        .expect("run pmdb");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reason"));
    // A reason that is not text.
    assert!(
        c.refused(&["signoff", "reopen", Q1, "--reason", "bad\u{202e}"])
            .contains("reason")
    );

    // Not an admin: refused, nothing written.
    c.ok(&[
        "user",
        "add",
        "boss",
        "--role",
        "admin",
        "--name",
        "Chief Executive",
    ]);
    c.ok(&["user", "set-role", &me(), "performance"]);
    let audit = audit_rows(&c);
    let err = c.refused(&["signoff", "reopen", Q1, "--reason", "late data"]);
    assert!(
        err.contains("only an admin may reopen a signed-off period"),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 1);
    assert_eq!(audit_rows(&c), audit);
}

#[test]
fn a_reopened_period_can_be_corrected_and_signed_off_again_on_record() {
    let c = Council::fixture();
    c.ok(&["signoff", Q1, "--yes"]);
    let frozen = c.count("SELECT count(*) FROM signoff_statuses");
    assert!(frozen > 0);
    assert!(
        c.refused(&["set", "PL2", "2024-05", "40"])
            .contains("signed off")
    );

    let audit = audit_rows(&c);
    let out = c.ok(&[
        "signoff",
        "reopen",
        Q1,
        "--reason",
        "PL2's May and June returns arrived late",
    ]);
    assert!(out.contains("reopened 2024/25 Q1"), "{out}");
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 0);
    assert_eq!(c.count("SELECT count(*) FROM signoff_statuses"), 0);
    // The first sign-off's statuses stay on record, and so does the sign-off.
    assert_eq!(c.count("SELECT count(*) FROM signoff_history"), frozen);
    assert_eq!(c.count("SELECT count(*) FROM signoff_reopenings"), 1);
    // Audited: the sign-off's deletion and its statuses' move.
    assert_eq!(
        c.count(
            "SELECT count(*) FROM audit_log WHERE tbl = 'signoffs' AND op = 'delete' AND key = '2024/25 Q1'"
        ),
        1
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM audit_log WHERE tbl = 'signoff_reopenings' AND op = 'insert'"
        ),
        1
    );
    assert!(audit_rows(&c) >= audit + 2 + 2 * frozen);

    // Its values can change again.
    c.ok(&["set", "PL2", "2024-05", "40"]);
    c.ok(&["set", "PL2", "2024-06", "45"]);

    // Reopening again, before it is signed off again, is refused.
    assert!(
        c.refused(&["signoff", "reopen", Q1, "--reason", "again"])
            .contains("is not signed off")
    );

    let v = c.json(&["signoff", Q1, "--yes"]);
    let on_record = text(&v["record"]);
    let date = "2024-08-01";
    let expected = format!(
        "signed off {date} by {}; reopened {date}: PL2's May and June returns arrived late; signed off again {date}",
        me()
    );
    assert_eq!(on_record, expected);
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 1);
    assert_eq!(c.count("SELECT count(*) FROM signoff_history"), frozen);
    assert!(
        c.refused(&["set", "PL2", "2024-05", "41"])
            .contains("signed off")
    );

    let report = c.ok(&["report", "--period", Q1]);
    assert!(
        report.contains(&format!("Sign-off: {expected}.")),
        "the report does not show the sign-off on record:\n{report}"
    );
}

#[test]
fn a_report_of_a_signed_off_period_names_its_sign_off() {
    let c = Council::fixture();
    let before = c.ok(&["report", "--period", Q1]);
    assert!(!before.contains("Sign-off:"), "{before}");
    c.ok(&["signoff", Q1]);
    let report = c.ok(&["report", "--period", Q1]);
    assert!(
        report.contains(&format!("Sign-off: signed off 2024-08-01 by {}.", me())),
        "{report}"
    );
}

#[test]
fn sign_off_freezes_benchmarks_and_escalations_and_reopening_keeps_them_on_record() {
    let c = Council::fixture();
    let bench = c.file(
        "benchmarks.csv",
        "code,period,comparator,value\nPL1,2024/25 Q1,Ashcombe,71.5\nPL1,2024/25 Q2,Ashcombe,70.0\n",
    );
    c.ok(&["import", "benchmarks", &bench]);
    c.ok(&["signoff", Q1, "--yes"]);
    // The quarter and its three months, each with what its report would show.
    assert_eq!(c.count("SELECT count(*) FROM signoff_extras"), 4);
    assert_eq!(
        c.count(
            "SELECT count(*) FROM signoff_extras WHERE period = '2024/25 Q1'
               AND benchmarks LIKE '%Ashcombe%71.5%' AND benchmarks NOT LIKE '%2024/25 Q2%'"
        ),
        1
    );
    assert_eq!(
        c.count("SELECT count(*) FROM audit_log WHERE tbl = 'signoff_extras' AND op = 'insert'"),
        4
    );
    c.ok(&[
        "signoff",
        "reopen",
        Q1,
        "--reason",
        "a benchmark was revised",
    ]);
    assert_eq!(c.count("SELECT count(*) FROM signoff_extras"), 0);
    assert_eq!(
        c.count("SELECT count(*) FROM signoff_extras_history WHERE benchmarks LIKE '%71.5%'"),
        1
    );
    assert_eq!(c.count("SELECT count(*) FROM signoff_extras_history"), 4);
}

#[test]
fn frozen_benchmarks_that_no_longer_read_are_named_by_check_and_not_replaced_by_todays() {
    let c = Council::fixture();
    c.ok(&["signoff", Q1, "--yes"]);
    c.writer(&me())
        .execute_batch(
            "UPDATE signoff_extras SET benchmarks = 'not json' WHERE period = '2024/25 Q1'",
        )
        .unwrap();
    let v = c.json(&["check"]);
    let damaged: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "damaged_signoff")
        .map(|f| text(&f["period"]))
        .collect();
    assert_eq!(damaged, [Q1]);
    let refused = c.refused(&["report", "--period", Q1, "--format", "html"]);
    assert!(
        refused.contains("signoff_extras 2024/25 Q1: benchmarks"),
        "{refused}"
    );
}

/// The settings and definitions a sign-off froze are checked the same way: a row that no
/// longer reads is named by `check` and its period's reports refuse to be made, rather
/// than show today's names and settings as the period's. Reopening keeps them on record.
#[test]
fn frozen_settings_and_definitions_that_no_longer_read_are_named_by_check() {
    let c = Council::fixture();
    c.ok(&["signoff", Q1, "--yes"]);
    // Only the signed-off period's own row holds the definitions; its months use them.
    assert_eq!(
        c.count("SELECT count(*) FROM signoff_extras WHERE definitions LIKE '%Household waste recycled%'"),
        1
    );
    for (column, month) in [("definitions", "2024-05"), ("settings", "2024/25 Q1")] {
        let c = Council::fixture();
        c.ok(&["signoff", Q1, "--yes"]);
        c.writer(&me())
            .execute_batch(&format!(
                "UPDATE signoff_extras SET {column} = '{{\"half\": ' WHERE period = '2024/25 Q1'"
            ))
            .unwrap();
        let v = c.json(&["check"]);
        let damaged: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["check"] == "damaged_signoff")
            .map(|f| text(&f["period"]))
            .collect();
        assert_eq!(damaged, [Q1], "{column}");
        let refused = c.refused(&["report", "--period", month, "--format", "markdown"]);
        assert!(
            refused.contains(&format!("signoff_extras 2024/25 Q1: {column}")),
            "{column}: {refused}"
        );
    }
    c.ok(&["signoff", "reopen", Q1, "--reason", "a title was wrong"]);
    assert_eq!(
        c.count("SELECT count(*) FROM signoff_extras_history WHERE definitions IS NOT NULL AND settings LIKE '%rag_rules%'"),
        1
    );
}
