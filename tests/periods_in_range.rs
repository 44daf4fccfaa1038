//! Periods and settings in range (issue 13, point 10): each case failed before its fix.

mod common;

use common::Council;

#[test]
fn periods_outside_2000_to_2099_are_refused() {
    let c = Council::fixture();
    let before = c.snapshot();
    for bad in ["0000-01", "1899/00", "1999/00 Q4", "2100-04", "2100/01"] {
        let err = c.refused(&["show", "WR1", "--period", bad]);
        assert!(
            err.contains("financial years 2000/01 to 2099/00"),
            "{bad}: {err}"
        );
    }
    assert_eq!(c.snapshot(), before);
    // Any letter case is accepted, and written back in the one form.
    let v = c.json(&["rollup", "--period", "2024/25 q1"]);
    assert_eq!(v["period"], "2024/25 Q1");
}

#[test]
fn signoff_and_raise_refuse_periods_not_ended_or_before_collection() {
    // The fixture's plan starts in 2024/25; today is 2024-08-01.
    let c = Council::fixture();
    let before = c.snapshot();
    let err = c.refused(&["signoff", "2023-06"]);
    assert!(
        err.contains("2023-06 lies wholly before the council collects data (from 2024-04), so it cannot be signed off"),
        "{err}"
    );
    let err = c.refused(&["exceptions", "raise", "--period", "2099-01"]);
    assert!(
        err.contains(
            "2099-01 has not ended yet (it ends 31 Jan 2099), so its exceptions cannot be raised"
        ),
        "{err}"
    );
    let err = c.refused(&["exceptions", "raise", "--period", "2023/24"]);
    assert!(
        err.contains("wholly before the council collects data"),
        "{err}"
    );
    assert_eq!(c.snapshot(), before);
    assert_eq!(c.count("SELECT count(*) FROM signoffs"), 0);
    assert_eq!(c.count("SELECT count(*) FROM exceptions"), 0);
    // A quarter that has ended and holds collected months is accepted.
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    c.ok(&["signoff", "2024/25 Q1"]);
}

#[test]
fn a_text_starting_with_a_dash_is_the_value_not_a_flag() {
    let c = Council::fixture();
    c.ok(&[
        "set",
        "RW1",
        "2024-07",
        "44",
        "--commentary",
        "-2 on last month",
        "--action",
        "-",
    ]);
    let july = c.period("RW1", "2024-07");
    assert_eq!(july["commentary"], "-2 on last month");
    assert_eq!(july["action"], "-");
    c.ok(&["user", "add", "xy", "--role", "viewer", "--name", "-Anon-"]);
    let users = c.json(&["user", "list"]);
    assert!(
        users["users"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["name"] == "-Anon-"),
        "{users}"
    );
}
