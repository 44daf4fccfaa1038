//! The scriptable contract for `backup` (a copy with the same rows, never over a file) and
//! `check` (integrity and data-quality findings).
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, me, text};

#[test]
fn backup_writes_a_copy_with_the_same_rows_and_refuses_an_existing_file() {
    let c = Council::fixture();
    c.ok(&["set", "RW1", "2024-07", "40"]);
    let copy = c.path("copy.db");
    c.ok(&["backup", copy.to_str().unwrap()]);
    let b = Council {
        dir: tempfile::tempdir().unwrap(),
        db: copy.clone(),
        today: c.today.clone(),
    };
    assert_eq!(
        b.snapshot(),
        c.snapshot(),
        "the backup differs from the database"
    );
    assert_eq!(b.json(&["user", "list"]), c.json(&["user", "list"]));
    assert_eq!(common::integrity(&copy), "ok");

    let before = common::bytes(&copy);
    let err = c.refused(&["backup", copy.to_str().unwrap()]);
    assert!(
        err.contains("already exists; backup writes a new file and never overwrites one"),
        "{err}"
    );
    assert_eq!(common::bytes(&copy), before);
}

#[test]
fn check_reports_integrity_and_data_quality_findings() {
    let c = Council::fixture();
    // Owners must be users to be imported; a file written around pmdb, or a user whose
    // record went, can still name a stranger, and check says so.
    let w = c.writer(&me());
    w.execute_batch(
        "UPDATE indicators SET owner = 'newbie' WHERE code IN ('WR1', 'RW1');
         UPDATE indicators SET owner = 'ghost' WHERE code = 'PL1';",
    )
    .unwrap();
    drop(w);
    let v = c.json(&["check"]);
    assert_eq!(v["integrity"], "ok");
    let findings: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (text(&f["check"]), text(&f["code"])))
        .collect();
    assert_eq!(
        findings,
        [
            ("unknown_owner".into(), "WR1".into()),
            ("unknown_owner".into(), "RW1".into()),
            ("unknown_owner".into(), "PL1".into()),
            ("overdue".into(), "PL2".into()),
            ("overdue".into(), "PL2".into()),
        ]
    );
    assert_eq!(
        v["findings"][3]["message"],
        "PL2 2024-05 was due 2024-06-15 (47 days overdue; owner jpatel)"
    );
    // A file of 32 MB or more is checked beside the reading of the council: the same.
    c.pad_past_32_mb();
    assert_eq!(c.json(&["check"]), v);
    c.ok(&["user", "add", "newbie", "--role", "officer"]);
    let v = c.json(&["check"]);
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        3,
        "newbie is a user now: {v:#}"
    );
}
