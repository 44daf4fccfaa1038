//! The delivery commands: `pmdb actions`, `projects`, `risks` and `eias`, read for a period
//! with their JSON fields as the contract names them, and their updates, milestone dates and
//! reviews recorded with the same checks as a value (owner, commentary, sign-off, version).
//! The fixture council's today is 2024-08-01, so the month now due is 2024-07.

mod common;

use common::{Council, me, text};
use serde_json::{Value, json};

/// The fixture council with two actions (A1 the test's login's, A2 jpatel's), a project
/// with two milestones, two risks and two EIAs, written as pmdb would.
fn council() -> Council {
    let c = Council::fixture();
    let me = me();
    let w = c.writer(&me);
    w.execute_batch(&format!(
        "INSERT INTO actions (code, title, kind, owner, start, due) VALUES
             ('A1', 'Bring in food waste rounds', 'corporate', '{me}', '2024-01-01', '2024-12-20'),
             ('A2', 'Review the planning fees', 'team', 'jpatel', '2024-01-01', '2024-06-20');
         INSERT INTO action_links (action, node) VALUES ('A1', 'SP1'), ('A2', 'SP2');
         INSERT INTO action_updates (action, period, status, progress, commentary) VALUES
             ('A2', '2024-05', 'on_track', 40, 'Draft with the portfolio holder');
         INSERT INTO projects (code, title, owner, start, finish, budget) VALUES
             ('PJ1', 'New depot', '{me}', '2024-01-01', '2025-06-30', 1500000);
         INSERT INTO milestones (project, title, due, forecast, done) VALUES
             ('PJ1', 'Site bought', '2024-03-31', NULL, '2024-03-20'),
             ('PJ1', 'Planning permission', '2024-06-30', '2024-09-30', NULL);
         INSERT INTO project_updates (project, period, status, spent, commentary) VALUES
             ('PJ1', '2024-07', 'on_track', 250000, '');
         INSERT INTO risks (code, title, category, owner, controls, inherent_likelihood,
                            inherent_impact, target_score, review_months) VALUES
             ('R1', 'Recycling contract fails', 'partnership', '{me}', 'Monitoring', 5, 5, 9, 3),
             ('R2', 'Within appetite', 'operational', 'jpatel', '', 3, 3, 6, 3);
         INSERT INTO risk_reviews (risk, date, likelihood, impact) VALUES
             ('R1', '2024-03-10', 5, 4),
             ('R1', '2024-06-10', 4, 4),
             ('R2', '2024-03-01', 2, 2);
         INSERT INTO eias (code, title, owner, due, completed, outcome) VALUES
             ('E1', 'Fees and charges', 'jpatel', '2024-06-30', NULL, ''),
             ('E2', 'Waste rounds', '{me}', '2024-05-31', '2024-05-20', 'No adverse impact');"
    ))
    .unwrap();
    c
}

fn one<'a>(v: &'a Value, list: &str, code: &str) -> &'a Value {
    v[list]
        .as_array()
        .unwrap_or_else(|| panic!("no {list} in {v:#}"))
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {v:#}"))
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}

fn action_updates(c: &Council) -> i64 {
    c.count("SELECT count(*) FROM action_updates")
}

#[test]
fn actions_give_the_contracts_fields_for_the_month_now_due() {
    let c = council();
    let v = c.json(&["actions"]);
    assert_eq!(v["period"], "2024-07");
    let a2 = one(&v, "actions", "A2");
    assert_eq!(
        keys(a2),
        sorted(&[
            "code",
            "title",
            "kind",
            "frequency",
            "owner",
            "plan",
            "due",
            "forecast",
            "status",
            "rag",
            "rule",
            "progress",
            "commentary",
            "updated_period"
        ])
    );
    // Due 20 June with May's update on track: overdue by the end of July, whatever it says.
    assert_eq!(
        (&a2["status"], &a2["rag"], &a2["rule"]),
        (
            &json!("off_track"),
            &json!("red"),
            &json!("overdue since 2024-06-20")
        )
    );
    assert_eq!(a2["plan"], json!(["SP2"]));
    assert_eq!(a2["progress"], 40);
    assert_eq!(a2["updated_period"], "2024-05");
    assert_eq!(a2["commentary"], "Draft with the portfolio holder");
    // A1 has no update at all, and July's deadline (15 August) has not passed.
    let a1 = one(&v, "actions", "A1");
    assert_eq!(
        (&a1["status"], &a1["rag"], &a1["rule"]),
        (
            &json!("not_started"),
            &json!("none"),
            &json!("no update yet; 2024-07 update due 15 Aug")
        )
    );
    assert_eq!(a1["updated_period"], Value::Null);
    // Filters.
    let red = c.json(&["actions", "--rag", "red"]);
    assert_eq!(common::codes(&red, "actions"), ["A2"]);
    let mine = c.json(&["actions", "--owner", "jpatel"]);
    assert_eq!(common::codes(&mine, "actions"), ["A2"]);
    let beneath = c.json(&["actions", "--plan", "SP1"]);
    assert_eq!(common::codes(&beneath, "actions"), ["A1"]);
    // May, as it stood: on track.
    let may = c.json(&["actions", "--period", "2024-05"]);
    assert_eq!(one(&may, "actions", "A2")["rag"], "green");
    let table = c.ok(&["actions"]);
    assert!(
        table.contains("R red") && table.contains("overdue since 2024-06-20"),
        "{table}"
    );
}

#[test]
fn an_action_update_is_recorded_checked_and_judged() {
    let c = council();
    let before = (action_updates(&c), c.snapshot());
    let err = c.refused(&["actions", "update", "A1", "2024-07", "--status", "at_risk"]);
    assert!(
        err.contains("A1 2024-07: the status at_risk needs a commentary"),
        "{err}"
    );
    for (args, says) in [
        (
            vec!["--status", "late"],
            "--status: 'late' is not an action status: use not_started, on_track, at_risk, off_track, completed, deferred or cancelled",
        ),
        (
            vec!["--status", "on_track", "--progress", "101"],
            "from 0 to 100",
        ),
        (
            vec!["--status", "on_track", "--progress", "lots"],
            "--progress: 'lots'",
        ),
        (
            vec!["--status", "on_track", "--forecast", "24-12-31"],
            "--forecast: '24-12-31' is not a date: a year of two digits cannot come first (YY-MM-DD)",
        ),
    ] {
        let mut all = vec!["actions", "update", "A1", "2024-07"];
        all.extend(args);
        let err = c.refused(&all);
        assert!(err.contains(says), "{all:?}: {err}");
    }
    let err = c.refused(&["actions", "update", "A9", "2024-07", "--status", "on_track"]);
    assert!(err.contains("no action 'A9'"), "{err}");
    let err = c.refused(&["actions", "update", "A1", "2024-09", "--status", "on_track"]);
    assert!(err.contains("2024-09 has not started yet"), "{err}");
    assert_eq!((action_updates(&c), c.snapshot()), before);

    let audited = c.count("SELECT count(*) FROM audit_log WHERE tbl = 'action_updates'");
    let saved = c.ok(&[
        "actions",
        "update",
        "A1",
        "2024-07",
        "--status",
        "at_risk",
        "--progress",
        "35",
        "--forecast",
        "2025-02-28",
        "--commentary",
        "-2 crews short",
    ]);
    assert_eq!(
        saved.trim(),
        "saved A1 2024-07 (version 1): A amber — at risk (update for 2024-07)"
    );
    let a1 = one(&c.json(&["actions"]), "actions", "A1").clone();
    assert_eq!(
        (
            &a1["status"],
            &a1["rag"],
            &a1["progress"],
            &a1["forecast"],
            &a1["commentary"],
            &a1["updated_period"]
        ),
        (
            &json!("at_risk"),
            &json!("amber"),
            &json!(35),
            &json!("2025-02-28"),
            &json!("-2 crews short"),
            &json!("2024-07")
        )
    );
    let (by, at): (String, String) = c
        .read_only()
        .query_row(
            "SELECT entered_by, entered_at FROM action_updates WHERE action = 'A1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(by, me());
    assert!(at.starts_with("2024-08-01"), "{at}");
    assert_eq!(
        c.count("SELECT count(*) FROM audit_log WHERE tbl = 'action_updates'"),
        audited + 1
    );

    // Compare-and-set on the update's version.
    let err = c.refused(&[
        "actions",
        "update",
        "A1",
        "2024-07",
        "--status",
        "on_track",
        "--expect-version",
        "0",
    ]);
    assert!(
        err.contains("since you read it (version 0, now 1)"),
        "{err}"
    );
    let v = c.json(&[
        "actions",
        "update",
        "A1",
        "2024-07",
        "--status",
        "completed",
        "--progress",
        "100",
        "--expect-version",
        "1",
    ]);
    assert_eq!(v["version"], 2);
    assert_eq!(v["action"]["rag"], "completed");
    assert_eq!(action_updates(&c), before.0 + 1);
}

#[test]
fn an_officer_updates_only_their_own_and_never_a_signed_off_period() {
    let c = council();
    c.ok(&["signoff", "2024/25 Q1"]);
    let before = (action_updates(&c), c.snapshot());
    let err = c.refused(&["actions", "update", "A1", "2024-06", "--status", "on_track"]);
    assert!(
        err.contains("refused: 2024-06 is signed off (as part of 2024/25 Q1)"),
        "{err}"
    );
    let err = c.refused(&[
        "risks",
        "review",
        "R1",
        "2024-06-15",
        "--likelihood",
        "3",
        "--impact",
        "3",
    ]);
    assert!(err.contains("2024-06 is signed off"), "{err}");
    // A quarter's update is refused as its months are.
    let err = c.refused(&[
        "projects",
        "update",
        "PJ1",
        "2024/25 Q1",
        "--status",
        "on_track",
    ]);
    assert!(err.contains("2024/25 Q1 is signed off"), "{err}");
    assert_eq!((action_updates(&c), c.snapshot()), before);
    c.ok(&[
        "user",
        "add",
        "boss",
        "--role",
        "admin",
        "--name",
        "Chief Executive",
    ]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let before = (action_updates(&c), c.snapshot());
    let err = c.refused(&["actions", "update", "A2", "2024-07", "--status", "on_track"]);
    assert!(
        err.contains("may update only the actions they own; A2 is owned by jpatel"),
        "{err}"
    );
    let err = c.refused(&[
        "risks",
        "review",
        "R2",
        "2024-07-20",
        "--likelihood",
        "2",
        "--impact",
        "2",
    ]);
    assert!(
        err.contains("may update only the risks they own; R2 is owned by jpatel"),
        "{err}"
    );
    assert_eq!((action_updates(&c), c.snapshot()), before);
    c.ok(&["actions", "update", "A1", "2024-07", "--status", "on_track"]);
    assert_eq!(action_updates(&c), before.0 + 1);
}

#[test]
fn projects_show_milestones_and_take_updates_and_dates() {
    let c = council();
    let v = c.json(&["projects"]);
    assert_eq!(v["period"], "2024-07");
    let p = one(&v, "projects", "PJ1");
    assert_eq!(
        keys(p),
        sorted(&[
            "code",
            "title",
            "frequency",
            "owner",
            "status",
            "rag",
            "rule",
            "start",
            "finish",
            "budget",
            "spent",
            "milestones"
        ])
    );
    assert_eq!(
        (&p["status"], &p["rag"], &p["spent"], &p["budget"]),
        (
            &json!("on_track"),
            &json!("amber"),
            &json!(250000.0),
            &json!(1500000.0)
        )
    );
    assert!(
        text(&p["rule"]).contains("\"Planning permission\" late"),
        "{p}"
    );
    assert_eq!(
        p["milestones"][1],
        json!({"title": "Planning permission", "due": "2024-06-30", "forecast": "2024-09-30",
               "done": null, "late": true})
    );
    assert_eq!(p["milestones"][0]["late"], false);

    let err = c.refused(&[
        "projects",
        "update",
        "PJ1",
        "2024-07",
        "--status",
        "off_track",
    ]);
    assert!(
        err.contains("PJ1 2024-07: the status off_track needs a commentary"),
        "{err}"
    );
    let err = c.refused(&["projects", "update", "PJ1", "2024-07", "--status", "green"]);
    assert!(
        err.contains("use on_track, at_risk, off_track, completed or closed"),
        "{err}"
    );
    c.ok(&[
        "projects",
        "update",
        "PJ1",
        "2024-07",
        "--status",
        "off_track",
        "--spent",
        "310,000",
        "--commentary",
        "Planning refused",
    ]);
    let p = one(&c.json(&["projects"]), "projects", "PJ1").clone();
    assert_eq!((&p["rag"], &p["spent"]), (&json!("red"), &json!(310000.0)));

    let err = c.refused(&[
        "projects",
        "milestone",
        "PJ1",
        "Planning",
        "--done",
        "2024-07-31",
    ]);
    assert!(
        err.contains(
            "project PJ1 has no milestone 'Planning'; its milestones are 'Site bought', 'Planning permission'"
        ),
        "{err}"
    );
    let err = c.refused(&[
        "projects",
        "milestone",
        "PJ1",
        "Planning permission",
        "--done",
        "2024-08-02",
    ]);
    assert!(err.contains("after today"), "{err}");
    c.ok(&[
        "projects",
        "milestone",
        "PJ1",
        "Planning permission",
        "--done",
        "2024-07-25",
    ]);
    let p = one(&c.json(&["projects"]), "projects", "PJ1").clone();
    assert_eq!(p["milestones"][1]["done"], "2024-07-25");
    assert_eq!(p["milestones"][1]["late"], false);
    // June ended on its due day: not yet late then.
    let june = c.json(&["projects", "--period", "2024-06"]);
    assert_eq!(
        one(&june, "projects", "PJ1")["milestones"][1]["late"],
        false
    );
}

#[test]
fn risks_give_scores_bands_and_the_heat_map() {
    let c = council();
    let v = c.json(&["risks"]);
    assert_eq!(
        (&v["period"], &v["bands"]),
        (&json!("2024-07"), &json!("4:12"))
    );
    let r1 = one(&v, "risks", "R1");
    assert_eq!(
        keys(r1),
        sorted(&[
            "code",
            "title",
            "category",
            "owner",
            "likelihood",
            "impact",
            "score",
            "rag",
            "target_score",
            "above_target",
            "direction",
            "last_review",
            "review_due",
            "review_overdue"
        ])
    );
    assert_eq!(
        (
            &r1["score"],
            &r1["rag"],
            &r1["above_target"],
            &r1["direction"],
            &r1["last_review"],
            &r1["review_due"],
            &r1["review_overdue"]
        ),
        (
            &json!(16),
            &json!("red"),
            &json!(true),
            &json!("improving"),
            &json!("2024-06-10"),
            &json!("2024-09-10"),
            &json!(false)
        )
    );
    let r2 = one(&v, "risks", "R2");
    assert_eq!(
        (&r2["score"], &r2["review_overdue"]),
        (&json!(4), &json!(true))
    );
    let mut expected = [[0u32; 5]; 5];
    expected[3][3] = 1; // R1: likelihood 4, impact 4
    expected[1][1] = 1; // R2: likelihood 2, impact 2
    assert_eq!(v["heatmap"], json!(expected));

    // The text form: likelihood 5 at the top, the count where likelihood 4 meets impact 4.
    let out = c.ok(&["risks"]);
    let grid: Vec<&str> = out.lines().filter(|l| l.contains(" | ")).collect();
    assert_eq!(grid.len(), 5, "{out}");
    assert!(grid[0].starts_with(" 5 |"), "{out}");
    assert_eq!(grid[1], " 4 | G  . | A  . | A  . | R  1 | R  . |");
    assert!(
        out.contains("impact") && out.contains("likelihood"),
        "{out}"
    );

    let before = c.count("SELECT count(*) FROM risk_reviews");
    for (l, i, says) in [
        (
            "0",
            "3",
            "the likelihood must be a whole number from 1 to 5, not '0'",
        ),
        (
            "3",
            "six",
            "the impact must be a whole number from 1 to 5, not 'six'",
        ),
    ] {
        let err = c.refused(&[
            "risks",
            "review",
            "R1",
            "2024-07-20",
            "--likelihood",
            l,
            "--impact",
            i,
        ]);
        assert!(err.contains(says), "{err}");
    }
    let err = c.refused(&[
        "risks",
        "review",
        "R1",
        "2024-08-20",
        "--likelihood",
        "3",
        "--impact",
        "3",
    ]);
    assert!(
        err.contains("R1: the review date 2024-08-20 is after today"),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM risk_reviews"), before);
    c.ok(&[
        "risks",
        "review",
        "R1",
        "2024-07-20",
        "--likelihood",
        "3",
        "--impact",
        "3",
        "--commentary",
        "New contract signed",
    ]);
    let r1 = one(&c.json(&["risks"]), "risks", "R1").clone();
    assert_eq!(
        (&r1["score"], &r1["rag"], &r1["above_target"]),
        (&json!(9), &json!("amber"), &json!(false))
    );
}

#[test]
fn eias_say_when_they_are_overdue() {
    let c = council();
    let v = c.json(&["eias"]);
    let e1 = one(&v, "eias", "E1");
    assert_eq!(
        keys(e1),
        sorted(&[
            "code",
            "title",
            "owner",
            "due",
            "completed",
            "status",
            "overdue",
            "outcome"
        ])
    );
    assert_eq!(
        (&e1["status"], &e1["overdue"]),
        (&json!("overdue"), &json!(true))
    );
    let e2 = one(&v, "eias", "E2");
    assert_eq!(
        (&e2["status"], &e2["completed"], &e2["outcome"]),
        (
            &json!("completed"),
            &json!("2024-05-20"),
            &json!("No adverse impact")
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    let c = council();
    for args in [
        vec!["actions", "update", "A1"],
        vec!["actions", "update", "A1", "2024-07"],
        vec!["risks", "review", "R1", "2024-07-01", "--likelihood", "3"],
        vec!["eias", "--bogus"],
    ] {
        let out = c.cmd(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let err = c.refused(&["actions", "--period", "July"]);
    assert!(err.contains("--period: 'July' is not a period"), "{err}");
}

#[test]
fn the_demo_council_in_october_2026() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    let actions = c.json(&["actions"]);
    assert_eq!(actions["period"], "2026-10");
    let act27 = one(&actions, "actions", "ACT-27");
    assert_eq!(
        (&act27["rag"], &act27["rule"]),
        (&json!("red"), &json!("overdue since 2026-10-20"))
    );
    // October's updates were due by 15 November: those that never came are missing, not
    // September's status (issue 21).
    for code in ["ACT-17", "ACT-24", "ACT-03"] {
        let a = one(&actions, "actions", code);
        assert_eq!(
            (&a["status"], &a["rag"]),
            (&json!("missing"), &json!("missing")),
            "{a}"
        );
        assert!(
            text(&a["rule"]).starts_with("update missing for 2026-10; last: "),
            "{a}"
        );
        assert_eq!(a["updated_period"], "2026-09");
    }
    assert_eq!(
        one(&actions, "actions", "ACT-17")["rule"],
        "update missing for 2026-10; last: on track (2026-09)"
    );
    let projects = c.json(&["projects"]);
    let pj02 = one(&projects, "projects", "PJ-02");
    assert_eq!(pj02["rag"], "amber");
    assert!(
        text(&pj02["rule"]).contains("\"Planning permission granted\" late"),
        "{pj02}"
    );
    let risks = c.json(&["risks"]);
    let above: Vec<String> = risks["risks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["above_target"] == true && r["rag"] != "none")
        .map(|r| text(&r["code"]))
        .collect();
    assert_eq!(above, ["RSK-01", "RSK-03", "RSK-05", "RSK-15"]);
    let overdue: Vec<String> = risks["risks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["review_overdue"] == true)
        .map(|r| text(&r["code"]))
        .collect();
    assert_eq!(overdue, ["RSK-03", "RSK-10"]);
    // Every open risk is in the heat map once; the opportunities never are (issue 25).
    let open = risks["risks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["rag"] != "none" && r["category"] != "opportunity")
        .count() as u64;
    let opportunities = risks["risks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["rag"] != "none" && r["category"] == "opportunity")
        .count();
    assert_eq!(opportunities, 2, "OPP-01 and OPP-02, open");
    let mapped = common::heat_map_total(&risks);
    assert_eq!(mapped, open);
}
