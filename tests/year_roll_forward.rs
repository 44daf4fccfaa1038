//! A new year in one command, and its targets proposed then approved (SPEC.md, "A new year
//! in one command", "Targets are proposed, then approved").
//!
//! The fixture council (2024/25: WR1 50 / 45, higher is better, one place; RW1 480 kg, lower
//! is better, no places; PL1 60 / 50), with RW1's first quarter profiled at 120 and a
//! plan node X1 that ends with 2024/25.

mod common;

use common::Council;
use serde_json::json;

fn council(today: &str) -> Council {
    let c = Council::fixture_on(today);
    let plan = c.file(
        "plan.csv",
        "code,kind,parent,title,owner,from_year,to_year\nX1,team_plan,SP1,Crews 2024/25,hos.waste,2024/25,2024/25\n",
    );
    c.ok(&["import", "plan", &plan]);
    let targets = c.file(
        "targets.csv",
        "code,year,period,target\nRW1,2024/25,2024/25 Q1,120\n",
    );
    c.ok(&["import", "targets", &targets]);
    c
}

#[test]
fn a_year_rolls_forward_uplifted_the_way_of_better_as_drafts() {
    let c = council("2025-03-20");
    let before = c.ok(&["export", "targets"]);
    // 2 % better: WR1 50 → 51.0, 45 → 45.9; RW1 480 → 470.4 → 470, its Q1 120 → 117.6 →
    // 118; PL1 60 → 61.2, 50 → 51.0.
    let preview = c.json(&[
        "year",
        "roll-forward",
        "2025/26",
        "--uplift",
        "2",
        "--dry-run",
    ]);
    assert_eq!(preview["nodes"], json!(["X1"]));
    assert_eq!(
        preview["targets"],
        json!([
            {"code": "PL1", "year": "2025/26", "period": null, "target": 61.2, "intervention": 51.0},
            {"code": "RW1", "year": "2025/26", "period": null, "target": 470.0, "intervention": null},
            {"code": "RW1", "year": "2025/26", "period": "2025/26 Q1", "target": 118.0, "intervention": null},
            {"code": "WR1", "year": "2025/26", "period": null, "target": 51.0, "intervention": 45.9}
        ])
    );
    assert_eq!(
        c.ok(&["export", "targets"]),
        before,
        "a dry run writes nothing"
    );
    let out = c.ok(&["year", "roll-forward", "2025/26", "--uplift", "2"]);
    assert!(
        out.starts_with("rolled forward 2025/26 from 2024/25 (uplift 2%): 1 plan node extended, 3 annual targets and 1 profile targets made, all draft until approved"),
        "{out}"
    );
    assert!(
        out.contains("  RW1 2025/26 Q1: target 118, intervention none"),
        "{out}"
    );
    let targets = c.ok(&["export", "targets"]);
    assert!(targets.contains("WR1,2025/26,,51,45.9"), "{targets}");
    assert!(
        c.ok(&["export", "plan"])
            .contains("X1,team_plan,SP1,Crews 2024/25,hos.waste,,,2024/25,2025/26")
    );
    let shown = c.json(&["show", "WR1"]);
    assert_eq!(
        shown["targets"],
        json!([
            {"year": "2024/25", "period": null, "target": 50.0, "intervention": 45.0, "state": "approved", "why": "", "approved_by": ""},
            {"year": "2025/26", "period": null, "target": 51.0, "intervention": 45.9, "state": "draft", "why": "", "approved_by": ""}
        ])
    );
    let err = c.refused(&["year", "roll-forward", "2025/26"]);
    assert!(
        err.contains("2025/26 already has targets (4): a year is rolled forward once"),
        "{err}"
    );
}

#[test]
fn a_status_against_a_draft_says_so_until_a_board_approves_the_proposal() {
    let c = council("2025-03-20");
    c.ok(&["year", "roll-forward", "2025/26"]);
    // May: April's residual waste, 40 kg against a twelfth of the draft 480.
    let c = Council {
        today: "2025-05-20".into(),
        ..c
    };
    c.ok(&["set", "RW1", "2025-04", "40"]);
    let rule = |c: &Council| {
        c.period("RW1", "2025-04")["rule"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        rule(&c).ends_with("(against a draft target, not yet approved)"),
        "{}",
        rule(&c)
    );
    // A figure is typed as a value is: RW1 is in kg, so a `%` sign is refused.
    let err = c.refused(&[
        "targets", "propose", "RW1", "2025/26", "--target", "456%", "--why", "x",
    ]);
    assert!(
        err.contains("--target: '456%': a % sign is only for a measure in %; this one is in 'kg'"),
        "{err}"
    );
    let proposed = c.json(&[
        "targets",
        "propose",
        "RW1",
        "2025/26",
        "--target",
        "456",
        "--why",
        "Food waste collections begin in June",
    ]);
    assert_eq!(
        (proposed["state"].clone(), proposed["target"].clone()),
        (json!("proposed"), json!(456.0))
    );
    assert!(
        rule(&c).ends_with("(against a proposed target, not yet approved)"),
        "{}",
        rule(&c)
    );
    let err = c.refused(&["targets", "approve", "2025/26", "--by", "CAB"]);
    assert!(err.contains("no board 'CAB'"), "{err}");
    let out = c.ok(&[
        "targets", "approve", "2025/26", "--code", "RW1", "--by", "MB",
    ]);
    assert_eq!(out.trim(), "2025/26 approved by MB: 1 indicator's targets");
    // Approved: the rule is the plain one; the year's targets say who approved them.
    assert!(!rule(&c).contains("not yet approved"), "{}", rule(&c));
    let shown = c.json(&["show", "RW1"]);
    let rw1 = shown["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["year"] == "2025/26" && t["period"].is_null())
        .cloned();
    assert_eq!(
        rw1,
        Some(
            json!({"year": "2025/26", "period": null, "target": 456.0, "intervention": null, "state": "approved", "why": "Food waste collections begin in June", "approved_by": "MB"})
        )
    );
    // The others stay drafts; approving one again is refused, saying nothing waits.
    assert!(rule(&c).starts_with("tolerance"), "{}", rule(&c));
    let err = c.refused(&[
        "targets", "approve", "2025/26", "--code", "RW1", "--by", "MB",
    ]);
    assert!(
        err.contains("no target of RW1 2025/26 is waiting for approval"),
        "{err}"
    );
    assert_eq!(
        c.count("SELECT count(*) FROM audit_log WHERE tbl = 'target_states'"),
        3 + 2
    );
}
