//! The scriptable contract for `exceptions`: raising one per red or missing value, overdue
//! action and risk above its target, filtering, and updating through the steps to closure.
//!
//! The fixture council (tests/fixtures) has data for April to July 2024; today is pinned
//! to 2024-08-01, so June's data was due on 15 July and July's is not due until 15 August.

mod common;

use common::{Council, me, text};
use serde_json::json;

#[test]
fn exceptions_raise_one_per_red_or_missing_value_and_raising_again_adds_nothing() {
    let c = Council::fixture();
    let first = c.json(&["exceptions", "raise", "--period", "2024-06"]);
    assert_eq!(
        (first["found"].clone(), first["raised"].clone()),
        (json!(2), json!(2))
    );
    let again = c.json(&["exceptions", "raise", "--period", "2024-06"]);
    assert_eq!(
        (again["found"].clone(), again["raised"].clone()),
        (json!(2), json!(0))
    );
    let list = c.json(&["exceptions"]);
    let rows: Vec<(String, String, String, String)> = list["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                text(&e["kind"]),
                text(&e["subject"]),
                text(&e["service"]),
                text(&e["status"]),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("red".into(), "WR1".into(), "WASTE".into(), "open".into()),
            ("missing".into(), "PL2".into(), "PLAN".into(), "open".into())
        ]
    );
    let red = &list["exceptions"][0];
    assert_eq!(
        red["figures"],
        "2024-06 43.0 against target 50.0 (intervention 45.0): green ≥ 50.0; amber ≥ 45.0 (intervention level); red below"
    );
    assert_eq!(
        red["commentary"],
        "Contamination rejected two loads / Action: Crew campaign on contamination"
    );
    assert_eq!(red["raised_by"], me());
    // In the first quarter as a whole WR1 is amber; PL2, with May and June never
    // recorded, is missing once the quarter's deadline has passed (an ended period is
    // whole or missing). June's PL2 is still open, so the quarter is linked to it rather
    // than raised again (issue 24, point 3).
    assert_eq!(
        c.json(&["exceptions", "raise", "--period", "2024/25 Q1"])["raised"],
        0
    );
    assert_eq!(
        c.status("PL2", "2024/25 Q1"),
        (
            "missing".to_string(),
            "missing: May 2024 and June 2024 not recorded".to_string()
        )
    );
    // Filters.
    assert_eq!(codes_of(&c, &["--kind", "missing"]), ["PL2"]);
    assert_eq!(codes_of(&c, &["--service", "WASTE"]), ["WR1"]);
    assert_eq!(
        codes_of(&c, &["--period", "2024-06", "--status", "open"]),
        ["WR1", "PL2"]
    );
    assert!(codes_of(&c, &["--period", "2024-05"]).is_empty());
}

fn codes_of(c: &Council, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["exceptions"];
    args.extend_from_slice(filters);
    c.json(&args)["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| text(&e["subject"]))
        .collect()
}

#[test]
fn exceptions_raise_covers_delivery_judged_at_the_periods_end() {
    let c = Council::fixture();
    // The command line cannot record actions or risks yet: write them as pmdb would.
    let w = c.writer(&me());
    w.execute_batch(
        "INSERT INTO actions (code, title, owner, start, due) VALUES
             ('A1', 'Bring in food waste rounds', 'hos.waste', '2024-01-01', '2024-06-20'),
             ('A2', 'Done on time', 'hos.waste', '2024-01-01', '2024-06-01'),
             ('A3', 'Not due yet', 'hos.plan', '2024-01-01', '2024-12-01'),
             ('A4', 'Due after June', 'hos.plan', '2024-01-01', '2024-07-10');
         INSERT INTO action_links (action, node) VALUES ('A1', 'SP1'), ('A2', 'SP1'), ('A3', 'SP2'), ('A4', 'SP2');
         INSERT INTO action_updates (action, period, status, progress, commentary) VALUES
             ('A1', '2024-06', 'on_track', 60, ''),
             ('A2', '2024-05', 'completed', 100, ''),
             ('A3', '2024-05', 'on_track', 10, ''),
             ('A4', '2024-06', 'on_track', 90, '');
         INSERT INTO risks (code, title, category, owner, controls, inherent_likelihood, inherent_impact, target_score, review_months) VALUES
             ('R1', 'Recycling contract fails', 'partnership', 'hos.waste', 'Contract monitoring', 5, 5, 9, 3),
             ('R2', 'Within appetite', 'operational', 'hos.plan', '', 3, 3, 6, 3);
         INSERT INTO risk_links (risk, node) VALUES ('R1', 'SP1'), ('R2', 'SP2');
         INSERT INTO risk_reviews (risk, date, likelihood, impact) VALUES
             ('R1', '2024-05-10', 4, 4),
             ('R2', '2024-03-01', 2, 2);",
    )
    .unwrap();
    drop(w);
    // June, raised on 1 August: A1 was overdue by the end of June (A4, due in July, was
    // not), A3 owes June's update, R1 is above its target, R2's review fell due 1 June.
    let raised = c.json(&["exceptions", "raise", "--period", "2024-06"]);
    assert_eq!(
        (raised["found"].clone(), raised["raised"].clone()),
        (json!(6), json!(6))
    );
    assert_eq!(codes_of(&c, &["--kind", "action"]), ["A1"]);
    assert_eq!(codes_of(&c, &["--kind", "missing_update"]), ["A3"]);
    assert_eq!(codes_of(&c, &["--kind", "risk"]), ["R1"]);
    assert_eq!(codes_of(&c, &["--kind", "risk_review"]), ["R2"]);
    let action = &c.json(&["exceptions", "--kind", "action"])["exceptions"][0];
    assert_eq!(
        action["figures"],
        "Bring in food waste rounds: overdue since 2024-06-20, 60% done"
    );
    let risk = &c.json(&["exceptions", "--kind", "risk"])["exceptions"][0];
    assert_eq!(
        risk["figures"],
        "Recycling contract fails: 4 × 4 = 16 at the review of 2024-05-10; red (bands 4:12); above its target score 9"
    );
    assert_eq!(risk["service"], "WASTE");
    assert_eq!(
        c.json(&["exceptions", "raise", "--period", "2024-06"])["raised"],
        0
    );
    // A3's owner then gives June's update: the meeting sees the figures now beside the
    // ones that raised it.
    c.writer(&me())
        .execute_batch(
            "INSERT INTO action_updates (action, period, status, progress, commentary)
             VALUES ('A3', '2024-06', 'on_track', 20, '')",
        )
        .unwrap();
    let missing = &c.json(&["exceptions", "--kind", "missing_update"])["exceptions"][0];
    assert_eq!(
        (
            missing["figures"].clone(),
            missing["figures_now"].clone(),
            missing["changed"].clone()
        ),
        (
            json!("Not due yet: update missing for 2024-06; last: on track (2024-05), 10% done"),
            json!("Not due yet: on track (update for 2024-06), 20% done"),
            json!(true)
        )
    );
    // May, raised the same day, is judged as May ended: nothing of delivery was due.
    let may = c.json(&["exceptions", "raise", "--period", "2024-05"]);
    assert!(
        codes_of(&c, &["--period", "2024-05", "--kind", "action"]).is_empty(),
        "{may}"
    );
    assert!(codes_of(&c, &["--period", "2024-05", "--kind", "risk_review"]).is_empty());
}

#[test]
fn exceptions_update_records_proposal_decision_escalation_and_closure() {
    let c = Council::fixture();
    // The Director of Environment sits on the Management Board, named by a board_members
    // file: what the escalation (here and in the interface's dialog) offers.
    let members = c.file("board_members.csv", "board,login\nMB,dir.env\n");
    c.ok(&["import", "board_members", &members]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    // Agreeing an open exception skips the officer's proposal: refused, as in the interface.
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "agreed",
            "--decision",
            "Agreed"
        ])
        .trim(),
        "pmdb: exception #1: record the officer's proposal first"
    );
    let e = c.json(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "proposed",
        "--proposal",
        "Crew campaign",
    ]);
    assert_eq!(
        (
            e["status"].clone(),
            e["proposal"].clone(),
            e["version"].clone()
        ),
        (json!("proposed"), json!("Crew campaign"), json!(2))
    );
    // A step that skips what it needs is refused and names it.
    assert_eq!(
        c.refused(&["exceptions", "update", "1", "--status", "agreed"])
            .trim(),
        "pmdb: exception #1: record the PPG decision first"
    );
    // (Issue 24: escalating no longer needs the member in advance; a board's outcome,
    // member and due date before any escalation are refused instead.)
    assert_eq!(
        c.refused(&["exceptions", "update", "1", "--board-member", "dir.env"])
            .trim(),
        "pmdb: exception #1: the exception has not been escalated to a board yet: a board's outcome, member and due date are recorded once PPG escalates it"
    );
    // A Board member sits on the Management Board; a viewer or any other user does not.
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "escalated",
            "--board-member",
            "alee",
            "--due",
            "2024-09-30"
        ])
        .trim(),
        "pmdb: exception #1: alee is not a member of the Management Board (MB); name one of its members, or add them to it first"
    );
    // A saver who read an older version is refused.
    let err = c.refused(&[
        "exceptions",
        "update",
        "1",
        "--decision",
        "x",
        "--expect-version",
        "1",
    ]);
    assert!(
        err.contains("exception #1") && err.contains("(version 1, now 2)"),
        "{err}"
    );
    let e = c.json(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "escalated",
        "--board-member",
        "dir.env",
        "--due",
        "2024-09-30",
        "--expect-version",
        "2",
    ]);
    assert_eq!(
        (
            e["status"].clone(),
            e["board_member"].clone(),
            e["escalation_due"].clone()
        ),
        (json!("escalated"), json!("dir.env"), json!("2024-09-30"))
    );
    let e = c.json(&["exceptions", "update", "1", "--status", "closed"]);
    assert_eq!(e["status"], "closed");
    assert!(e["closed_at"].is_string(), "{e}");
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "agreed",
            "--decision",
            "late"
        ])
        .trim(),
        "pmdb: exception #1: an exception that is closed cannot become agreed"
    );
    assert_eq!(codes_of(&c, &["--status", "closed"]), ["WR1"]);
    assert_eq!(
        c.refused(&["exceptions", "update", "99", "--status", "closed"])
            .trim(),
        "pmdb: no exception #99"
    );
}

#[test]
fn an_exception_whose_figure_changed_shows_both_and_is_marked() {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let before = c.json(&["exceptions"]);
    assert_eq!(before["exceptions"][0]["changed"], false);
    assert_eq!(
        before["exceptions"][0]["figures_now"],
        before["exceptions"][0]["figures"]
    );
    // The corrected June figure for WR1 arrives: 52.0 %, green.
    c.ok(&[
        "set",
        "WR1",
        "2024-06",
        "-",
        "--numerator",
        "520",
        "--denominator",
        "1000",
    ]);
    let after = c.json(&["exceptions"]);
    let wr1 = &after["exceptions"][0];
    assert_eq!(wr1["subject"], "WR1");
    assert_eq!(wr1["changed"], true, "{wr1}");
    assert!(
        text(&wr1["figures"]).starts_with("2024-06 43.0 against target 50.0"),
        "{wr1}"
    );
    assert!(
        text(&wr1["figures_now"]).starts_with("2024-06 52.0 against target 50.0"),
        "{wr1}"
    );
    let queue = c.ok(&["exceptions"]);
    let line = queue.lines().find(|l| l.contains("WR1")).unwrap();
    assert!(line.contains("CHANGED: raised at 2024-06 43.0"), "{line}");
    assert!(line.contains("now 2024-06 52.0"), "{line}");
}

#[test]
fn a_boards_outcome_does_not_overwrite_ppgs_decision_in_the_history() {
    use pmdb::domain::workflow::Step;
    use pmdb::store::{ExceptionUpdate, Store};
    let c = Council::fixture();
    let members = c.file("board_members.csv", "board,login\nMB,dir.env\n");
    c.ok(&["import", "board_members", &members]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    // One workflow: a proposal given to an open exception proposes it, as `p` does.
    let e = c.json(&["exceptions", "update", "1", "--proposal", "Crew campaign"]);
    assert_eq!(
        (e["status"].clone(), e["version"].clone()),
        (json!("proposed"), json!(2))
    );
    // PPG refers it to the Management Board on 1 August (today, pinned)...
    c.ok(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "escalated",
        "--decision",
        "PPG: refer to MB for agency cover",
        "--board-member",
        "dir.env",
        "--due",
        "2024-09-30",
    ]);
    // ... and on 20 August the Board's own word is recorded by the Director of Environment,
    // now of the performance team, with a note.
    c.ok(&["user", "set-role", "dir.env", "performance"]);
    let mut board = Store::open_on(&c.db, "dir.env", Some("2024-08-20".parse().unwrap())).unwrap();
    board
        .update_exception(&ExceptionUpdate {
            id: 1,
            expected_version: None,
            step: Step {
                decision: Some("MB: agency cover agreed to 31 October".into()),
                note: Some("Funded from the waste reserve".into()),
                ..Step::default()
            },
        })
        .unwrap();
    drop(board);
    let shown = c.json(&["exceptions", "show", "1"]);
    let history: Vec<(String, String, String, String, String)> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                text(&h["at"])[..10].to_string(),
                text(&h["by"]),
                text(&h["field"]),
                text(&h["old"]),
                text(&h["new"]),
            )
        })
        .collect();
    let me = me();
    let row = |at: &str, by: &str, field: &str, old: &str, new: &str| {
        (
            at.to_string(),
            by.to_string(),
            field.to_string(),
            old.to_string(),
            new.to_string(),
        )
    };
    let raised = "2024-06 43.0 against target 50.0 (intervention 45.0): green ≥ 50.0; amber ≥ 45.0 (intervention level); red below";
    assert_eq!(
        history,
        [
            row("2024-08-01", &me, "raised", "", raised),
            row("2024-08-01", &me, "status", "open", "proposed"),
            row("2024-08-01", &me, "proposal", "", "Crew campaign"),
            row("2024-08-01", &me, "status", "proposed", "escalated"),
            row(
                "2024-08-01",
                &me,
                "decision",
                "",
                "PPG: refer to MB for agency cover"
            ),
            // Escalating names its board (issue 24), the Management Board by default.
            row("2024-08-01", &me, "board", "", "MB"),
            row("2024-08-01", &me, "board_member", "", "dir.env"),
            row("2024-08-01", &me, "escalation_due", "", "2024-09-30"),
            row(
                "2024-08-20",
                "dir.env",
                "decision",
                "PPG: refer to MB for agency cover",
                "MB: agency cover agreed to 31 October"
            ),
            row(
                "2024-08-20",
                "dir.env",
                "note",
                "",
                "Funded from the waste reserve"
            ),
        ]
    );
    assert!(text(&shown["history"][0]["at"]).ends_with('Z'));
    // The rest of the record, as the spec names its fields.
    assert_eq!(shown["id"], 1);
    assert_eq!(shown["kind"], "red");
    assert_eq!(shown["periods"], json!(["2024-06"]));
    assert_eq!(shown["status"], "escalated");
    assert_eq!(shown["figures"], raised);
    assert_eq!(shown["figures_now"], raised);
    assert_eq!(shown["changed"], false);
    assert_eq!(shown["decision"], "MB: agency cover agreed to 31 October");
    assert_eq!(shown["board"], "MB");
    assert_eq!(shown["outcome"], "");
    assert_eq!(shown["board_member"], "dir.env");
    assert_eq!(shown["escalation_due"], "2024-09-30");
    assert_eq!(shown["meetings"], json!([]));
    // The text form: one line per entry, the time as people read it in the local zone,
    // who by name, old → new; never the stored stamp.
    let out = c
        .cmd(&["exceptions", "show", "1"])
        .env("TZ", "UTC0")
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    let board_line = out
        .lines()
        .find(|l| l.contains("PPG decision: PPG: refer to MB for agency cover → MB: agency cover agreed to 31 October"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        board_line.trim_start().starts_with("20 Aug 2024 "),
        "{board_line}"
    );
    assert!(
        board_line.contains("Director of Environment (dir.env)"),
        "{board_line}"
    );
    let ppg_line = out
        .lines()
        .find(|l| l.contains("PPG decision: — → PPG: refer to MB for agency cover"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        ppg_line.trim_start().starts_with("1 Aug 2024 "),
        "{ppg_line}"
    );
    assert!(out.contains("note: Funded from the waste reserve"), "{out}");
    assert!(
        out.contains("Board member: — → Director of Environment (dir.env)"),
        "{out}"
    );
    assert!(
        !out.contains("2024-08-01T") && !out.contains("2024-08-20T"),
        "{out}"
    );
    assert_eq!(
        c.refused(&["exceptions", "show", "99"]).trim(),
        "pmdb: no exception #99"
    );
}

#[test]
fn a_note_adds_to_the_history_and_changes_nothing_else() {
    let c = Council::fixture();
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    let e = c.json(&[
        "exceptions",
        "update",
        "2",
        "--note",
        "Figure promised for 9 August",
    ]);
    assert_eq!(
        (e["status"].clone(), e["version"].clone()),
        (json!("open"), json!(1))
    );
    let shown = c.json(&["exceptions", "show", "2"]);
    let last = &shown["history"][1];
    assert_eq!(
        (last["field"].clone(), last["new"].clone()),
        (json!("note"), json!("Figure promised for 9 August"))
    );
    assert_eq!(shown["history"].as_array().unwrap().len(), 2);
    assert_eq!(
        c.refused(&["exceptions", "update", "2", "--note", "  "])
            .trim(),
        "pmdb: exception #2: the note is empty: write what should be on the record"
    );
}

/// The version and the number of history entries of exception `id`: what a refusal must
/// leave as it was.
fn written(c: &Council, id: i64) -> (i64, i64) {
    (
        c.count(&format!("SELECT version FROM exceptions WHERE id = {id}")),
        c.count(&format!(
            "SELECT count(*) FROM exception_history WHERE exception = {id}"
        )),
    )
}

#[test]
fn escalation_names_a_board_and_the_board_records_its_own_outcome_apart_from_ppgs_decision() {
    let c = Council::fixture();
    let boards = c.file("boards.csv", "code,name\nCAB,Cabinet\n");
    c.ok(&["import", "boards", &boards]);
    let members = c.file(
        "board_members.csv",
        format!("board,login\nMB,dir.env\nMB,{}\nCAB,alee\n", me()),
    );
    c.ok(&["import", "board_members", &members]);
    c.ok(&["exceptions", "raise", "--period", "2024-06"]);
    for id in ["1", "2"] {
        c.ok(&["exceptions", "update", id, "--proposal", "Crew campaign"]);
    }
    let before = written(&c, 1);
    // An outcome before the exception is escalated: no board has met on it.
    assert_eq!(
        c.refused(&["exceptions", "update", "1", "--outcome", "Fund it"])
            .trim(),
        "pmdb: exception #1: the exception has not been escalated to a board yet: a board's outcome, member and due date are recorded once PPG escalates it"
    );
    // A board the council does not have is refused by name, with those it has.
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--status",
            "escalated",
            "--decision",
            "Escalate: needs budget",
            "--board",
            "XYZ"
        ])
        .trim(),
        "pmdb: exception #1: there is no board XYZ: name one the council has (CAB, LT, MB, PPG), or add it first"
    );
    assert_eq!(
        c.refused(&["exceptions", "update", "1", "--board", "CAB"])
            .trim(),
        "pmdb: exception #1: a board is named when the exception is escalated to it: escalate it to name one"
    );
    assert_eq!(written(&c, 1), before, "nothing written on refusal");
    // Escalating names the board and needs no member yet.
    let e = c.json(&[
        "exceptions",
        "update",
        "1",
        "--status",
        "escalated",
        "--decision",
        "Escalate: needs budget",
        "--board",
        "CAB",
    ]);
    assert_eq!(
        (
            e["status"].clone(),
            e["board"].clone(),
            e["board_member"].clone(),
            e["outcome"].clone()
        ),
        (json!("escalated"), json!("CAB"), json!(""), json!(""))
    );
    // Without --board it goes to the Management Board.
    let e = c.json(&[
        "exceptions",
        "update",
        "2",
        "--status",
        "escalated",
        "--decision",
        "Escalate: planning backlog",
    ]);
    assert_eq!(e["board"], "MB");
    // The responsible member sits on THAT board: dir.env is on MB, not on Cabinet.
    let before = written(&c, 1);
    assert_eq!(
        c.refused(&[
            "exceptions",
            "update",
            "1",
            "--outcome",
            "Fund agency cover",
            "--board-member",
            "dir.env"
        ])
        .trim(),
        "pmdb: exception #1: dir.env is not a member of the Cabinet (CAB); name one of its members, or add them to it first"
    );
    assert_eq!(written(&c, 1), before, "nothing written on refusal");
    // The test's login becomes an officer who sits on MB but not on Cabinet: MB's outcome
    // is theirs to record, Cabinet's and PPG's decision are not.
    c.ok(&["user", "set-role", "jpatel", "admin"]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let refused = c.refused(&["exceptions", "update", "1", "--outcome", "Fund it"]);
    assert!(
        refused.contains(
            "record the Cabinet (CAB)'s outcome (its members and the performance team do)"
        ),
        "{refused}"
    );
    assert_eq!(written(&c, 1), before, "nothing written on refusal");
    let before2 = written(&c, 2);
    assert!(
        c.refused(&[
            "exceptions",
            "update",
            "2",
            "--outcome",
            "x",
            "--decision",
            "typed over"
        ])
        .contains("record PPG decisions")
    );
    assert_eq!(written(&c, 2), before2, "nothing written on refusal");
    let e = c.json(&[
        "exceptions",
        "update",
        "2",
        "--outcome",
        "Agency planners for six months",
        "--board-member",
        "dir.env",
        "--due",
        "2024-09-30",
    ]);
    assert_eq!(e["version"], before2.0 + 1);
    // PPG's decision is never overwritten by the board's outcome; show and list carry both.
    let shown = c.json(&["exceptions", "show", "2"]);
    for (field, want) in [
        ("decision", json!("Escalate: planning backlog")),
        ("board", json!("MB")),
        ("outcome", json!("Agency planners for six months")),
        ("board_member", json!("dir.env")),
        ("escalation_due", json!("2024-09-30")),
    ] {
        assert_eq!(shown[field], want, "{field}");
        assert_eq!(
            c.json(&["exceptions"])["exceptions"][1][field],
            want,
            "{field}"
        );
    }
    // Each change entered the history with who and when.
    let history: Vec<(String, String, String, String)> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| {
            ["board", "outcome", "board_member", "escalation_due"]
                .contains(&h["field"].as_str().unwrap())
        })
        .map(|h| {
            (
                text(&h["by"]),
                text(&h["field"]),
                text(&h["old"]),
                text(&h["new"]),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            (me(), "board".into(), "".into(), "MB".into()),
            (
                me(),
                "outcome".into(),
                "".into(),
                "Agency planners for six months".into()
            ),
            (me(), "board_member".into(), "".into(), "dir.env".into()),
            (
                me(),
                "escalation_due".into(),
                "".into(),
                "2024-09-30".into()
            ),
        ]
    );
    assert!(
        shown["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["at"].as_str().is_some_and(|a| a.starts_with("20")))
    );
    // The show command says decision and outcome apart.
    let out = c.ok(&["exceptions", "show", "2"]);
    assert!(
        out.contains("PPG decision: Escalate: planning backlog"),
        "{out}"
    );
    assert!(
        out.contains(
            "Escalated to: Management Board (MB) · board's outcome: Agency planners for six months"
        ),
        "{out}"
    );
}
