//! The scriptable contract for `rollup`: status counts beneath each plan node, portfolio
//! or service.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, codes, counts};
use serde_json::json;

#[test]
fn rollup_by_priority_counts_every_indicator_beneath_each_node_once() {
    let c = Council::fixture();
    let r = c.json(&["rollup", "--period", "2024/25 Q1"]);
    assert_eq!(r["period"], "2024/25 Q1");
    assert_eq!(r["by"], "priority");
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(codes(&r, "groups"), ["P1", "P2"]);
    // P1: WR1 amber (47.7 vs 50), RW1 green (119 vs 120), PL1 green (75 vs 60) via O1.
    assert_eq!(groups[0]["title"], "A greener district");
    assert_eq!(counts(&groups[0]), [2, 1, 0, 0, 0]);
    assert_eq!(codes(&groups[0], "indicators"), ["WR1", "RW1", "PL1"]);
    // P2: PL1 green, and PL2 missing: May and June were never recorded and the quarter's
    // deadline has passed (an ended period is whole or missing, even for data only).
    assert_eq!(counts(&groups[1]), [1, 0, 0, 1, 0]);
    assert_eq!(codes(&groups[1], "indicators"), ["PL1", "PL2"]);

    let wr1 = &groups[0]["indicators"][0];
    for field in [
        "code",
        "value",
        "target",
        "rag",
        "rule",
        "direction",
        "ytd",
        "latest_period",
    ] {
        assert!(
            wr1.get(field).is_some(),
            "rollup indicator lacks {field}: {wr1}"
        );
    }
    assert_eq!(
        (
            wr1["value"].clone(),
            wr1["target"].clone(),
            wr1["rag"].clone()
        ),
        (json!(47.7), json!(50.0), json!("amber"))
    );
    assert_eq!(wr1["ytd"], 47.7);
    assert_eq!(wr1["latest_period"], "2024/25 Q1");
}

#[test]
fn rollup_by_portfolio_and_by_service() {
    let c = Council::fixture();
    let by_portfolio = c.json(&["rollup", "--period", "2024/25 Q1", "--by", "portfolio"]);
    assert_eq!(by_portfolio["by"], "portfolio");
    assert_eq!(codes(&by_portfolio, "groups"), ["ENV", "RES"]);
    assert_eq!(counts(&by_portfolio["groups"][0]), [2, 1, 0, 0, 0]);
    assert_eq!(counts(&by_portfolio["groups"][1]), [1, 0, 0, 1, 0]);

    // June: WR1 red (43), RW1 green (40), PL2 missing; PL1's latest quarter is green.
    let by_service = c.json(&["rollup", "--period", "2024-06", "--by", "service"]);
    assert_eq!(codes(&by_service, "groups"), ["PLAN", "WASTE"]);
    assert_eq!(counts(&by_service["groups"][0]), [1, 0, 0, 1, 0]);
    assert_eq!(counts(&by_service["groups"][1]), [1, 0, 1, 0, 0]);
    let text = c.ok(&["rollup", "--period", "2024-06", "--by", "service"]);
    assert!(text.contains("WASTE") && text.contains("R 1"), "{text}");
}

#[test]
fn rollup_defaults_to_the_last_quarter_that_has_ended() {
    let c = Council::fixture();
    let r = c.json(&["rollup"]);
    assert_eq!(
        (r["period"].clone(), r["by"].clone()),
        (json!("2024/25 Q1"), json!("priority"))
    );
}
