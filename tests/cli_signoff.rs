//! The scriptable contract for `signoff`: a signed-off period refuses new values and keeps
//! its statuses whatever rule or target changes later.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, counts};
use serde_json::json;

#[test]
fn a_signed_off_period_refuses_new_values() {
    let c = Council::fixture();
    let out = c.json(&["signoff", "2024/25 Q1"]);
    assert_eq!(out["period"], "2024/25 Q1");
    let before = c.snapshot();
    assert_eq!(
        c.refused(&["set", "RW1", "2024-05", "40"]).trim(),
        "pmdb: refused: 2024-05 is signed off (as part of 2024/25 Q1); its figures can no longer change"
    );
    assert!(
        c.refused(&[
            "set",
            "PL1",
            "2024/25 Q1",
            "-",
            "--numerator",
            "10",
            "--denominator",
            "12"
        ])
        .contains("2024/25 Q1 is signed off")
    );
    let csv = c.file(
        "late.csv",
        "code,period,value\nRW1,2024-07,40\nRW1,2024-06,39\n",
    );
    let err = c.refused(&["import", "values", &csv]);
    assert!(
        err.contains("row 3, column period: refused: 2024-06 is signed off"),
        "{err}"
    );
    assert!(
        c.refused(&["signoff", "2024/25 Q1"])
            .contains("2024/25 Q1 was signed off already, on ")
    );
    assert_eq!(c.snapshot(), before);
    // The next month is open.
    c.ok(&["set", "RW1", "2024-07", "40"]);
}

#[test]
fn no_later_rule_or_target_change_alters_a_signed_off_periods_status() {
    let c = Council::fixture();
    // July (not signed off): 480/1000 = 48.0, amber against 50 / 45.
    c.ok(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "480",
        "--denominator",
        "1000",
        "--commentary",
        "c",
        "--action",
        "a",
    ]);
    c.ok(&["signoff", "2024/25 Q1"]);
    let may_before = c.period("WR1", "2024-05");
    let q1_before = c.period("WR1", "2024/25 Q1");
    assert_eq!(may_before["rag"], "amber");
    assert_eq!(c.status("WR1", "2024-07").0, "amber");

    // A council-wide tolerance rule would make 48 against 50 green (within 5%).
    c.ok(&["config", "set", "rag_rule", "tolerance:5:10"]);
    assert_eq!(
        c.period("WR1", "2024-05"),
        may_before,
        "the signed-off May changed with the rule"
    );
    assert_eq!(
        c.period("WR1", "2024/25 Q1"),
        q1_before,
        "the signed-off quarter changed with the rule"
    );
    assert_eq!(
        c.status("WR1", "2024-07"),
        ("green".into(), "tolerance: green within 5% of target 50.0, amber within 10%, red beyond (higher is better)".into())
    );

    // A new annual target of 60 would make 48 red (20% short).
    let targets = c.file(
        "targets.csv",
        "code,year,period,target,intervention\nWR1,2024/25,,60,55\n",
    );
    c.ok(&["import", "targets", &targets]);
    assert_eq!(
        c.period("WR1", "2024-05"),
        may_before,
        "the signed-off May changed with the target"
    );
    assert_eq!(
        c.period("WR1", "2024/25 Q1"),
        q1_before,
        "the signed-off quarter changed with the target"
    );
    let july = c.period("WR1", "2024-07");
    assert_eq!(
        (july["rag"].clone(), july["target"].clone()),
        (json!("red"), json!(60.0))
    );

    // The roll-up of the signed-off quarter is what was signed off too.
    let r = c.json(&["rollup", "--period", "2024/25 Q1"]);
    assert_eq!(counts(&r["groups"][0]), [2, 1, 0, 0, 0]);
}
