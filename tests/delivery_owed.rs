//! Issue 21, points 6, 9 and 11: an action or project owes an update each period of its
//! frequency and is `missing` once the deadline passes without it; completed means 100%
//! done; a council with delivery items and no indicators raises their exceptions; and a
//! damaged delivery row stops its judgement with a message naming it, listed by `check`.

mod common;

use common::{Council, me, text};
use serde_json::Value;

/// A council with no indicators: three actions of the test's login, all started in April
/// 2026. A1 monthly and A2 quarterly, both updated for July; A3 due at the end of July.
fn council(today: &str) -> Council {
    let c = Council::init(today);
    let me = me();
    let actions = c.file(
        "actions.csv",
        format!(
            "code,title,kind,plan,owner,start,due,frequency\n\
             A1,Bring in food waste rounds,corporate,,{me},2026-04-01,2027-03-31,\n\
             A2,Review the planning fees,team,,{me},2026-04-01,2027-03-31,quarterly\n\
             A3,Open the depot,team,,{me},2026-04-01,2026-07-31,monthly\n"
        ),
    );
    c.ok(&["import", "actions", &actions]);
    let updates = c.file(
        "updates.csv",
        "code,period,status,progress,forecast,commentary\n\
         A1,2026-07,on_track,40,,\n\
         A2,2026-07,on_track,30,,\n\
         A3,2026-07,on_track,90,,\n",
    );
    c.ok(&["import", "action_updates", &updates]);
    c
}

fn action<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {v:#}"))
}

fn judged(v: &Value, code: &str) -> (String, String, String) {
    let a = action(v, code);
    (text(&a["status"]), text(&a["rag"]), text(&a["rule"]))
}

#[test]
fn an_update_that_never_came_is_missing_once_its_deadline_has_passed() {
    // 20 September: August's updates were due by 15 September.
    let c = council("2026-09-20");
    let v = c.json(&["actions", "--period", "2026-08"]);
    assert_eq!(
        judged(&v, "A1"),
        (
            "missing".into(),
            "missing".into(),
            "update missing for 2026-08; last: on track (2026-07)".into()
        )
    );
    // Quarterly: by August's end it owes April–June's update, and July's is later.
    assert_eq!(
        judged(&v, "A2"),
        (
            "on_track".into(),
            "green".into(),
            "on track (update for 2026-07)".into()
        )
    );
    // Overdue wins over missing.
    assert_eq!(
        judged(&v, "A3"),
        (
            "off_track".into(),
            "red".into(),
            "overdue since 2026-07-31".into()
        )
    );
    assert_eq!(text(&action(&v, "A1")["frequency"]), "monthly");
    assert_eq!(text(&action(&v, "A2")["frequency"]), "quarterly");
    // Counted as missing, not as July's green.
    let missing = c.json(&["actions", "--period", "2026-08", "--rag", "missing"]);
    assert_eq!(missing["actions"].as_array().unwrap().len(), 1);
    let green = c.json(&["actions", "--period", "2026-08", "--rag", "green"]);
    assert_eq!(green["actions"].as_array().unwrap().len(), 1);

    // On 10 September August's update is still on time: July's status, marked as due.
    let mut c = c;
    c.today = "2026-09-10".into();
    let v = c.json(&["actions", "--period", "2026-08"]);
    assert_eq!(
        judged(&v, "A1"),
        (
            "on_track".into(),
            "green".into(),
            "on track (update for 2026-07); 2026-08 update due 15 Sep".into()
        )
    );

    // A quarterly action is missing once its quarter's deadline (15 October) has passed.
    c.today = "2026-10-16".into();
    let v = c.json(&["actions", "--period", "2026/27 Q2"]);
    assert_eq!(judged(&v, "A2").0, "on_track", "July is inside Q2");
    c.today = "2027-01-16".into();
    let v = c.json(&["actions", "--period", "2026-12"]);
    assert_eq!(
        judged(&v, "A2"),
        (
            "missing".into(),
            "missing".into(),
            "update missing for 2026/27 Q3; last: on track (2026-07)".into()
        )
    );
}

#[test]
fn frequency_goes_out_and_back_through_csv_and_anything_else_is_refused() {
    let c = council("2026-09-20");
    let out = c.ok(&["export", "actions"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "code,title,kind,plan,owner,start,due,frequency"
    );
    assert!(out.contains("A2,Review the planning fees,team,,"), "{out}");
    assert!(out.contains(",2026-04-01,2027-03-31,quarterly"), "{out}");
    // Re-importing the export changes nothing.
    let file = c.file("again.csv", &out);
    let summary = c.ok(&["import", "actions", &file]);
    assert!(summary.contains("3 unchanged"), "{summary}");

    let before = c.snapshot();
    let bad = c.file(
        "bad.csv",
        format!(
            "code,title,owner,due,frequency\nA4,Weekly,{},2027-03-31,weekly\n",
            me()
        ),
    );
    let err = c.refused(&["import", "actions", &bad]);
    assert!(err.contains("row 2, column frequency"), "{err}");
    assert!(err.contains("monthly or quarterly"), "{err}");
    assert_eq!(c.snapshot(), before);

    // Projects carry it too, blank as monthly.
    let projects = c.file(
        "projects.csv",
        format!(
            "code,title,plan,owner,start,finish,budget,frequency\n\
             PJ1,New depot,,{me},2026-04-01,2027-06-30,1500000,quarterly\n\
             PJ2,Car parks,,{me},2026-04-01,2027-06-30,,\n",
            me = me()
        ),
    );
    c.ok(&["import", "projects", &projects]);
    let out = c.ok(&["export", "projects"]);
    assert!(out.lines().next().unwrap().ends_with(",frequency"), "{out}");
    assert!(out.contains("PJ1,New depot,,"), "{out}");
    assert!(out.contains(",1500000,quarterly"), "{out}");
    assert!(out.contains("PJ2,Car parks,,"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("PJ2,") && l.ends_with(",monthly")),
        "{out}"
    );
    let v = c.json(&["projects", "--period", "2026-08"]);
    let pj1 = v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "PJ1")
        .unwrap();
    assert_eq!(pj1["frequency"], "quarterly");
    // Neither project has an update: PJ2 owes August's, PJ1 owes April–June's.
    assert_eq!(pj1["rule"], "update missing for 2026/27 Q1; none given yet");
}

#[test]
fn choosing_completed_sets_progress_to_100() {
    let c = council("2026-09-20");
    let progress = |period: &str| {
        c.count(&format!(
            "SELECT progress FROM action_updates WHERE action = 'A1' AND period = '{period}'"
        ))
    };
    c.ok(&[
        "actions",
        "update",
        "A1",
        "2026-08",
        "--status",
        "completed",
    ]);
    assert_eq!(progress("2026-08"), 100);
    // A contradicting figure is refused, saying so, and nothing is saved.
    let before = c.snapshot();
    let err = c.refused(&[
        "actions",
        "update",
        "A2",
        "2026-08",
        "--status",
        "completed",
        "--progress",
        "80",
    ]);
    assert!(
        err.contains("A2: a completed action is 100% done, not 80%"),
        "{err}"
    );
    assert_eq!(c.snapshot(), before);
    c.ok(&[
        "actions",
        "update",
        "A2",
        "2026-08",
        "--status",
        "completed",
        "--progress",
        "100",
    ]);

    // CSV: a completed update with a blank progress is 100; with another figure, refused.
    let file = c.file(
        "u.csv",
        "code,period,status,progress,forecast,commentary\nA3,2026-09,completed,,,Opened\n",
    );
    c.ok(&["import", "action_updates", &file]);
    assert_eq!(
        c.count("SELECT progress FROM action_updates WHERE action = 'A3' AND period = '2026-09'"),
        100
    );
    let file = c.file(
        "u2.csv",
        "code,period,status,progress,forecast,commentary\nA1,2026-09,completed,70,,\n",
    );
    let err = c.refused(&["import", "action_updates", &file]);
    assert!(err.contains("row 2, column progress"), "{err}");
    assert!(err.contains("100% done, not 70%"), "{err}");
    // A file without a progress column: completed is 100.
    let file = c.file("u3.csv", "code,period,status\nA1,2026-09,completed\n");
    c.ok(&["import", "action_updates", &file]);
    assert_eq!(
        c.count("SELECT progress FROM action_updates WHERE action = 'A1' AND period = '2026-09'"),
        100
    );
}

#[test]
fn a_council_with_only_delivery_raises_its_exceptions() {
    let c = council("2026-09-20");
    let out = c.ok(&["exceptions", "raise", "--period", "2026-08"]);
    assert!(out.contains("2 exceptions found, 2 newly raised"), "{out}");
    let v = c.json(&["exceptions"]);
    let mut raised: Vec<(String, String)> = v["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (text(&e["subject"]), text(&e["kind"])))
        .collect();
    raised.sort();
    assert_eq!(
        raised,
        [
            ("A1".to_string(), "missing_update".to_string()),
            ("A3".to_string(), "action".to_string()),
        ]
    );
    // Raising again raises nothing new.
    let out = c.ok(&["exceptions", "raise", "--period", "2026-08"]);
    assert!(out.contains("0 newly raised"), "{out}");
    // Before the actions start there is nothing to review.
    let err = c.refused(&["exceptions", "raise", "--period", "2026-02"]);
    assert!(
        err.contains("2026-02 lies wholly before the council collects data (from 2026-04)"),
        "{err}"
    );
    // A missing update is judged at the period's deadline: on 10 September August's is
    // still on time, and only the overdue action is raised.
    let c = council("2026-09-10");
    let out = c.ok(&["exceptions", "raise", "--period", "2026-08"]);
    assert!(out.contains("1 exception found"), "{out}");
}

/// Damages one row as someone editing the file by hand would, checks off.
fn damage(c: &Council, sql: &str) {
    let w = c.writer(&me());
    w.execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    assert_eq!(w.execute(sql, []).unwrap(), 1, "{sql}");
}

/// `check`'s damaged rows. A value its column's CHECK refuses also fails SQLite's
/// integrity check, so `check` exits 1 then, after listing its findings all the same.
fn damaged_findings(c: &Council) -> Vec<(String, String)> {
    let out = c.cmd(&["check", "--json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("check prints its findings");
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "damaged_row")
        .map(|f| (text(&f["code"]), text(&f["message"])))
        .collect()
}

#[test]
fn a_damaged_delivery_row_stops_its_judgement_naming_it_and_check_lists_it() {
    for (sql, named) in [
        (
            "UPDATE actions SET due = '2026-02-30' WHERE code = 'A1'",
            "action A1: due '2026-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            "UPDATE action_updates SET status = 'late' WHERE action = 'A2'",
            "action update A2 2026-07: status 'late' is not",
        ),
        (
            "UPDATE action_updates SET period = '2026-13' WHERE action = 'A3'",
            "action update A3 2026-13: period",
        ),
        (
            "UPDATE actions SET frequency = 'weekly' WHERE code = 'A2'",
            "action A2: frequency 'weekly' is not",
        ),
    ] {
        let c = council("2026-09-20");
        damage(&c, sql);
        for args in [
            vec!["actions", "--period", "2026-08"],
            vec!["exceptions", "raise", "--period", "2026-08"],
            vec!["report", "--period", "2026-08", "--format", "html"],
        ] {
            let err = c.refused(&args);
            assert!(err.contains("damaged row"), "{sql}: {args:?}: {err}");
            assert!(err.contains(named), "{sql}: {args:?}: {err}");
        }
        assert_eq!(c.count("SELECT count(*) FROM exceptions"), 0, "{sql}");
        let found = damaged_findings(&c);
        assert_eq!(found.len(), 1, "{sql}: {found:?}");
        assert!(found[0].1.contains(named), "{sql}: {found:?}");
    }
}

#[test]
fn an_unreadable_frozen_judgement_is_not_judged_again_from_todays_data() {
    let c = council("2026-09-20");
    c.ok(&["signoff", "2026-08", "--yes"]);
    let frozen = c.count(
        "SELECT count(*) FROM signoff_delivery WHERE period = '2026-08' AND code = 'A1'
           AND json_extract(status, '$.status') = 'missing'
           AND coalesce(json_extract(status, '$.rule.NoUpdate.Missing.owed'),
                        json_extract(status, '$.rule.UpdateMissing.owed')) = '2026-08'",
    );
    assert_eq!(frozen, 1, "A1's missing update is what sign-off froze");
    damage(
        &c,
        "UPDATE signoff_delivery SET status = '{not json' WHERE period = '2026-08' AND code = 'A1'",
    );
    let err = c.refused(&["actions", "--period", "2026-08"]);
    assert!(
        err.contains("signoff_delivery 2026-08 action A1: status"),
        "{err}"
    );
    let found = damaged_findings(&c);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "2026-08 action A1");
}

/// The Entry tab's return asks for a quarterly action's update in the quarter's last month
/// only; a monthly one's every month.
#[test]
fn a_quarterly_action_is_asked_for_in_its_quarters_last_month() {
    use pmdb::domain::period::Month;
    use pmdb::query::entry_return::entry_return;
    let c = council("2026-10-20");
    let store = pmdb::store::Store::open(&c.db, &me()).unwrap();
    let ds = store.dataset().unwrap();
    let ctx = ds.context("2026-10-20".parse().unwrap());
    let owed = |month: u32| -> Vec<String> {
        entry_return(&ds, &me(), Month::new(2026, month).unwrap(), ctx)
            .into_iter()
            .map(|r| format!("{} {}", r.code, r.mark()))
            .collect()
    };
    // August (in the store's order, by due date): A2, quarterly, owes nothing this month;
    // A3 is overdue, still open, and owes its update like A1.
    assert_eq!(owed(8), ["A3 update missing", "A1 update missing"]);
    // September ends Q2: A2 owes its update too.
    assert_eq!(
        owed(9),
        [
            "A3 update missing",
            "A1 update missing",
            "A2 update missing"
        ]
    );
}
