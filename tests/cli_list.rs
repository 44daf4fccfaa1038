//! The scriptable contract for `list` (indicators by owner, plan node, portfolio, service
//! and status) and `overdue` (values past their deadline).
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, codes, text};
use serde_json::json;

fn listed(c: &Council, args: &[&str]) -> Vec<String> {
    let mut a = vec!["list"];
    a.extend_from_slice(args);
    codes(&c.json(&a), "indicators")
}

#[test]
fn list_filters_by_owner_plan_portfolio_service_and_status() {
    let c = Council::fixture();
    assert_eq!(listed(&c, &[]), ["WR1", "RW1", "PL1", "PL2"]);
    assert_eq!(listed(&c, &["--owner", "alee"]), ["WR1", "RW1"]);
    assert_eq!(listed(&c, &["--owner", "jpatel"]), ["PL1", "PL2"]);
    // A user who owns nothing lists nothing; a login pmdb does not know is refused
    // (tests/cli_money_progress.rs).
    assert!(listed(&c, &["--owner", "kmorgan"]).is_empty());
    // PL1 is linked to SP2 and to O1 (under P1), so it counts under both priorities.
    assert_eq!(listed(&c, &["--plan", "P1"]), ["WR1", "RW1", "PL1"]);
    assert_eq!(listed(&c, &["--plan", "O2"]), ["PL1", "PL2"]);
    assert_eq!(listed(&c, &["--plan", "SP1"]), ["WR1", "RW1"]);
    assert_eq!(listed(&c, &["--portfolio", "ENV"]), ["WR1", "RW1", "PL1"]);
    assert_eq!(listed(&c, &["--portfolio", "RES"]), ["PL1", "PL2"]);
    assert_eq!(listed(&c, &["--service", "WASTE"]), ["WR1", "RW1"]);
    assert_eq!(listed(&c, &["--service", "PLAN"]), ["PL1", "PL2"]);
    assert_eq!(
        listed(&c, &["--rag", "red", "--period", "2024-06"]),
        ["WR1"]
    );
    assert_eq!(
        listed(&c, &["--rag", "missing", "--period", "2024-06"]),
        ["PL2"]
    );
    assert_eq!(
        listed(&c, &["--rag", "green", "--period", "2024-06"]),
        ["RW1", "PL1"]
    );
    assert_eq!(
        listed(&c, &["--rag", "amber", "--period", "2024/25 Q1"]),
        ["WR1"]
    );
    assert_eq!(
        listed(
            &c,
            &["--owner", "alee", "--rag", "green", "--period", "2024-05"]
        ),
        ["RW1"]
    );
}

#[test]
fn list_json_carries_the_period_value_target_and_status() {
    let c = Council::fixture();
    let v = c.json(&["list", "--period", "2024-06", "--owner", "alee"]);
    assert_eq!(v["period"], "2024-06");
    let wr1 = &v["indicators"][0];
    assert_eq!(
        (
            wr1["code"].clone(),
            wr1["value"].clone(),
            wr1["target"].clone(),
            wr1["rag"].clone()
        ),
        (json!("WR1"), json!(43.0), json!(50.0), json!("red"))
    );
    // The default period is the last quarter that has ended by today.
    assert_eq!(c.json(&["list"])["period"], "2024/25 Q1");
}

#[test]
fn list_refuses_a_filter_that_names_nothing() {
    let c = Council::fixture();
    assert_eq!(
        c.refused(&["list", "--plan", "NOPE"]).trim(),
        "pmdb: --plan: no plan node 'NOPE'"
    );
    assert_eq!(
        c.refused(&["list", "--service", "PARKS"]).trim(),
        "pmdb: --service: no service 'PARKS' (the codes are PLAN, WASTE)"
    );
    assert_eq!(
        c.refused(&["list", "--rag", "purple"]).trim(),
        "pmdb: --rag: 'purple' is not a RAG status: use green, amber, red, missing or none"
    );
}

#[test]
fn overdue_lists_values_past_their_deadline_as_of_a_date() {
    let c = Council::fixture();
    let v = c.json(&["overdue"]);
    assert_eq!(v["as_of"], "2024-08-01");
    let rows: Vec<(String, String, String, i64)> = v["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                text(&o["code"]),
                text(&o["period"]),
                text(&o["deadline"]),
                o["days_overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("PL2".into(), "2024-05".into(), "2024-06-15".into(), 47),
            ("PL2".into(), "2024-06".into(), "2024-07-15".into(), 17)
        ]
    );
    let v = c.json(&["overdue", "--as-of", "2024-06-20"]);
    assert_eq!(v["overdue"].as_array().unwrap().len(), 1);
    assert_eq!(v["overdue"][0]["days_overdue"], 5);
    let text = c.ok(&["overdue"]);
    assert!(text.contains("2 values overdue as of 2024-08-01"), "{text}");
    // Once recorded, a value is no longer overdue.
    c.ok(&["set", "PL2", "2024-05", "120"]);
    assert_eq!(c.json(&["overdue"])["overdue"].as_array().unwrap().len(), 1);
}
