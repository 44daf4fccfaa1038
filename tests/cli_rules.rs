//! The rules that depend on settings, changed through the command line: the council's RAG
//! rule from a given period, and the data deadline day.

mod common;

use common::Council;
use serde_json::json;

const INTERVENTION: &str = "green ≥ 50.0; amber ≥ 45.0 (intervention level); red below";
const TOLERANCE: &str =
    "tolerance: green within 5% of target 50.0, amber within 10%, red beyond (higher is better)";

#[test]
fn a_rag_rule_from_june_changes_junes_status_and_leaves_mays() {
    let c = Council::fixture();
    // June re-recorded as 480/1000 = 48.0, the same figure as May: both amber against
    // target 50 with intervention level 45.
    c.ok(&[
        "set",
        "WR1",
        "2024-06",
        "-",
        "--numerator",
        "480",
        "--denominator",
        "1000",
        "--commentary",
        "Dry spell",
        "--action",
        "Promote garden waste",
    ]);
    assert_eq!(
        c.status("WR1", "2024-05"),
        ("amber".into(), INTERVENTION.into())
    );
    assert_eq!(
        c.status("WR1", "2024-06"),
        ("amber".into(), INTERVENTION.into())
    );

    let out = c.ok(&[
        "config",
        "set",
        "rag_rule",
        "tolerance:5:10",
        "--from",
        "2024-06",
    ]);
    assert_eq!(out.trim(), "rag_rule = tolerance:5:10 from 2024-06");
    // 48 is 4% short of 50: green within the 5% tolerance, from June on only.
    assert_eq!(
        c.status("WR1", "2024-06"),
        ("green".into(), TOLERANCE.into())
    );
    assert_eq!(
        c.status("WR1", "2024-05"),
        ("amber".into(), INTERVENTION.into())
    );
    assert_eq!(
        c.status("WR1", "2024-04"),
        ("green".into(), INTERVENTION.into())
    );
    // An indicator with a rule of its own keeps it: RW1 is tolerance:5:10 throughout.
    assert!(
        c.status("RW1", "2024-05")
            .1
            .starts_with("tolerance: green within 5% of target 40")
    );

    // A rule set again without --from applies to every period.
    c.ok(&["config", "set", "rag_rule", "tolerance:5:10"]);
    assert_eq!(
        c.status("WR1", "2024-05"),
        ("green".into(), TOLERANCE.into())
    );
    // And back: the intervention level everywhere.
    c.ok(&["config", "set", "rag_rule", "intervention"]);
    assert_eq!(
        c.status("WR1", "2024-06"),
        ("amber".into(), INTERVENTION.into())
    );
}

#[test]
fn a_tolerance_rule_makes_a_value_more_than_ten_percent_short_red() {
    let c = Council::fixture();
    c.ok(&[
        "config",
        "set",
        "rag_rule",
        "tolerance:5:10",
        "--from",
        "2024/25 Q1",
    ]);
    // April 52 (green), May 48 (4% short: green), June 43 (14% short: red).
    let rags: Vec<String> = ["2024-04", "2024-05", "2024-06"]
        .iter()
        .map(|p| c.status("WR1", p).0)
        .collect();
    assert_eq!(rags, ["green", "green", "red"]);
    assert_eq!(
        c.json(&["config"])["rag_rules"][1],
        json!({ "from": "2024-04", "rule": "tolerance:5:10" })
    );
}

#[test]
fn a_deadline_day_of_10_makes_junes_missing_value_missing_on_11_july() {
    let c = Council::fixture_on("2024-07-11");
    // PL2 has no value for June. With the default deadline (the 15th) it is not yet due.
    let june = c.period("PL2", "2024-06");
    assert_eq!(
        (
            june["rag"].clone(),
            june["rule"].clone(),
            june["deadline"].clone()
        ),
        (
            json!("none"),
            json!("not yet due (deadline 15 Jul 2024)"),
            json!("2024-07-15")
        )
    );
    let overdue: Vec<String> = c.json(&["overdue"])["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| common::text(&o["period"]))
        .collect();
    assert_eq!(overdue, ["2024-05"]);

    c.ok(&["config", "set", "deadline_day", "10"]);
    let june = c.period("PL2", "2024-06");
    assert_eq!(
        (
            june["rag"].clone(),
            june["rule"].clone(),
            june["deadline"].clone()
        ),
        (
            json!("missing"),
            json!("no value by the deadline 10 Jul 2024"),
            json!("2024-07-10")
        )
    );
    let overdue = c.json(&["overdue"]);
    let periods: Vec<String> = overdue["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| common::text(&o["period"]))
        .collect();
    assert_eq!(periods, ["2024-05", "2024-06"]);
    assert_eq!(overdue["overdue"][1]["days_overdue"], 1);
    assert_eq!(
        common::codes(
            &c.json(&["list", "--rag", "missing", "--period", "2024-06"]),
            "indicators"
        ),
        ["PL2"]
    );

    c.ok(&["config", "set", "deadline_day", "15"]);
    assert_eq!(c.status("PL2", "2024-06").0, "none");
}

#[test]
fn bad_settings_are_refused_and_change_nothing() {
    let c = Council::fixture();
    let before = c.json(&["config"]);
    let audit = c.count("SELECT count(*) FROM audit_log");
    let cases: [(&[&str], &str); 9] = [
        (
            &["config", "set", "deadline_day", "40"],
            "pmdb: deadline_day must be a day of the month from 1 to 28 written as a plain number (e.g. 15), not '40'",
        ),
        (
            &["config", "set", "deadline_day", "+5"],
            "pmdb: deadline_day must be a day of the month from 1 to 28 written as a plain number (e.g. 15), not '+5'",
        ),
        (
            &["config", "set", "rag_rule", "tolerance:-0:10"],
            "pmdb: 'tolerance:-0:10' is not a RAG rule (percentages must be numbers of 0 or more): use 'intervention' or 'tolerance:G:A' (green within G% of target, amber within A%, e.g. tolerance:5:10)",
        ),
        (
            &["config", "set", "colour", "red"],
            "pmdb: 'colour' is not a setting: use rag_rule, deadline_day, council_name, collect_from, risk_bands, remind_steps, mail_domain or sendmail",
        ),
        (
            &["config", "set", "rag_rule", "tolerance:10:5"],
            "pmdb: 'tolerance:10:5' is not a RAG rule (the amber band must be at least as wide as the green): use 'intervention' or 'tolerance:G:A' (green within G% of target, amber within A%, e.g. tolerance:5:10)",
        ),
        (
            &[
                "config",
                "set",
                "rag_rule",
                "tolerance:5:10",
                "--from",
                "June",
            ],
            "pmdb: --from: 'June' is not a period: write a month like 2025-02, a quarter like 2024/25 Q4 (or 2024/25-Q4), or a financial year like 2024/25",
        ),
        (
            &["config", "set", "deadline_day", "10", "--from", "2024-06"],
            "pmdb: --from applies to rag_rule only, not deadline_day",
        ),
        (
            &["config", "set", "collect_from", "2024/25"],
            "pmdb: collect_from must be a month: '2024/25' is not a month: write a month like 2025-02",
        ),
        (
            &["config", "set", "risk_bands", "12:4"],
            "pmdb: risk bands '12:4' are not G:A with 1 ≤ G < A < 25 (green up to G, amber up to A, red above), such as 4:12",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(c.refused(args).trim(), message, "{args:?}");
    }
    assert_eq!(c.json(&["config"]), before);
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
}

#[test]
fn risk_bands_are_set_and_shown() {
    let c = Council::fixture();
    assert_eq!(c.json(&["config"])["risk_bands"], "4:12");
    c.ok(&["config", "set", "risk_bands", "6:15"]);
    assert_eq!(c.json(&["config"])["risk_bands"], "6:15");
    assert!(c.ok(&["config"]).contains(
        "risk_bands:   6:15 (a risk scoring up to 6 is green, up to 15 amber, above red)"
    ));
}
