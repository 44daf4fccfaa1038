//! Leadership Team approves the figures (issue 24, point 6): a sign-off records whose
//! approval it is. A member of LT signs off themselves whatever their role; the performance
//! team (or an admin) records LT's approval with `--approved-by LOGIN [--meeting ID]`; the
//! reports name the approver. Refused, naming why and writing nothing: an approver not on
//! LT, a meeting that does not exist, is not LT's or is still to come.
//!
//! The fixture council, today 2024-08-01: 2024/25 Q1 may be signed off. LT here is `ceo`
//! (renamed "Jane Mitchell (Chief Executive)") and `dir.res`; LT met on 2024-07-24 (meeting
//! 2), PPG on 2024-07-18 (meeting 1), and LT meets again on 2024-08-21 (meeting 3).

mod common;

use common::{Council, me, text};

const Q1: &str = "2024/25 Q1";
const APPROVED: &str = "approved by Leadership Team (Jane Mitchell, Chief Executive) on 2024-07-24";

fn council() -> Council {
    let c = Council::fixture();
    rename(&c, "ceo", "Jane Mitchell (Chief Executive)");
    let members = c.file("bm.csv", "board,login\nLT,ceo\nLT,dir.res\nPPG,alee\n");
    c.ok(&["import", "board_members", &members]);
    let meetings = c.file(
        "meetings.csv",
        "board,date,title,period\nPPG,2024-07-18,PPG: June data,2024-06\nLT,2024-07-24,LT: Q1 sign-off,2024/25 Q1\nLT,2024-08-21,LT: July,2024-07\n",
    );
    c.ok(&["import", "meetings", &meetings]);
    c
}

/// Gives a user a new display name, through the `users` import (the name column only).
fn rename(c: &Council, login: &str, name: &str) {
    let file = c.file("rename.csv", format!("login,name\n{login},{name}\n"));
    c.ok(&["import", "users", &file]);
}

fn signoffs(c: &Council) -> i64 {
    c.count("SELECT count(*) FROM signoffs")
}

#[test]
fn the_performance_team_records_lts_approval_at_its_meeting_and_reports_name_it() {
    let c = council();
    let out = c.json(&[
        "signoff",
        Q1,
        "--approved-by",
        "ceo",
        "--meeting",
        "LT:2024-07-24",
    ]);
    assert_eq!(out["approved_by"], "ceo");
    assert_eq!(out["approver"], "Jane Mitchell, Chief Executive");
    assert_eq!(out["approved_on"], "2024-07-24");
    assert_eq!(out["meeting"], 2);
    let record = format!("signed off 2024-08-01 by {}; {APPROVED}", me());
    assert_eq!(text(&out["record"]), record);
    // Kept in the store, and in its audit row.
    assert_eq!(
        c.count("SELECT count(*) FROM signoffs WHERE approved_by = 'ceo' AND meeting = 2"),
        1
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM audit_log WHERE tbl = 'signoffs' AND json_extract(new, '$.approved_by') = 'ceo'"
        ),
        1
    );
    let md = c.ok(&["report", "--period", Q1]);
    // Markdown escapes the brackets, so they read as words.
    let escaped = record.replace('(', "\\(").replace(')', "\\)");
    assert!(md.contains(&format!("Sign-off: {escaped}.")), "{md}");
    let html = c.ok(&["report", "--period", Q1, "--format", "html"]);
    assert!(html.contains(&format!("Sign-off: {record}.")), "{html}");
    // Renaming the approver later leaves the signed-off report's words as they were.
    rename(&c, "ceo", "J. Mitchell");
    assert_eq!(c.ok(&["report", "--period", Q1]), md);
}

#[test]
fn a_meeting_may_be_named_by_its_id_and_without_one_the_day_is_the_sign_offs() {
    let c = council();
    let out = c.json(&["signoff", Q1, "--approved-by", "dir.res"]);
    assert_eq!(out["approver"], "Director of Resources");
    assert_eq!(out["approved_on"], "2024-08-01");
    assert_eq!(out["meeting"], serde_json::Value::Null);
    assert!(
        text(&out["record"])
            .ends_with("; approved by Leadership Team (Director of Resources) on 2024-08-01")
    );
    let c = council();
    let out = c.json(&["signoff", Q1, "--approved-by", "ceo", "--meeting", "2"]);
    assert_eq!(
        (out["meeting"].clone(), out["approved_on"].clone()),
        (2.into(), "2024-07-24".into())
    );
}

#[test]
fn a_sign_off_without_an_approver_records_none_as_before() {
    let c = council();
    let out = c.json(&["signoff", Q1]);
    assert_eq!(out["approved_by"], serde_json::Value::Null);
    assert_eq!(
        text(&out["record"]),
        format!("signed off 2024-08-01 by {}", me())
    );
    let plain = c.ok(&["report", "--period", Q1]);
    assert!(!plain.contains("approved by"), "{plain}");
}

#[test]
fn an_approver_or_meeting_that_does_not_fit_is_refused_and_nothing_is_written() {
    let c = council();
    let before = c.snapshot();
    let cases: [(&[&str], &str); 6] = [
        (
            &["--approved-by", "alee"],
            "pmdb: refused: --approved-by: alee is not a member of Leadership Team (LT); its members are ceo, dir.res",
        ),
        (
            &["--approved-by", "nobody.here"],
            "pmdb: refused: --approved-by: nobody.here is not a member of Leadership Team (LT); its members are ceo, dir.res",
        ),
        (
            &["--approved-by", "ceo", "--meeting", "9"],
            "pmdb: --meeting: there is no meeting 9 (pmdb export meetings lists them)",
        ),
        (
            &["--approved-by", "ceo", "--meeting", "PPG:2024-07-18"],
            "pmdb: --meeting: meeting 1 is PPG's of 2024-07-18, not Leadership Team's (LT): name the meeting at which Leadership Team approved",
        ),
        (
            &["--approved-by", "ceo", "--meeting", "LT:2024-08-21"],
            "pmdb: --meeting: Leadership Team's meeting 3 of 2024-08-21 has not taken place yet",
        ),
        (
            &["--meeting", "2"],
            "pmdb: --meeting: a meeting is the one at which Leadership Team approved: name who approved with --approved-by LOGIN",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["signoff", Q1];
        args.extend_from_slice(extra);
        assert_eq!(c.refused(&args).trim(), expected, "{extra:?}");
        // A dry run refuses alike: it shows what would be recorded.
        args.push("--dry-run");
        assert_eq!(c.refused(&args).trim(), expected, "{extra:?} --dry-run");
    }
    let bad = c.refused(&[
        "signoff",
        Q1,
        "--approved-by",
        "ceo",
        "--meeting",
        "LT:24-07-2024",
    ]);
    assert_eq!(
        bad.trim(),
        "pmdb: --meeting: 'LT:24-07-2024' is not a meeting: give its id (a number) or its board and date, e.g. LT:2026-10-20"
    );
    assert_eq!(signoffs(&c), 0);
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_dry_run_says_whose_approval_it_would_record() {
    let c = council();
    let out = c.ok(&[
        "signoff",
        Q1,
        "--approved-by",
        "ceo",
        "--meeting",
        "2",
        "--dry-run",
    ]);
    assert!(out.contains(&format!("records: {APPROVED}\n")), "{out}");
    assert_eq!(signoffs(&c), 0);
}

#[test]
fn a_leadership_team_member_signs_off_themselves_whatever_their_role() {
    let c = council();
    // The test's login joins LT, then becomes a viewer (another admin kept).
    let members = c.file("me.csv", format!("board,login\nLT,{}\n", me()));
    c.ok(&["import", "board_members", &members]);
    c.ok(&["user", "add", "boss", "--role", "admin", "--name", "Boss"]);
    rename(&c, &me(), "Sam Example (Chief Executive)");
    c.ok(&["user", "set-role", &me(), "viewer"]);
    let before = c.snapshot();
    // A viewer on LT may not record someone else's approval.
    assert_eq!(
        c.refused(&["signoff", Q1, "--approved-by", "ceo"]).trim(),
        format!(
            "pmdb: refused: only admin and performance users may record Leadership Team's approval for someone else; {} (viewer) may sign off only as themselves",
            me()
        )
    );
    assert_eq!(c.snapshot(), before);
    let out = c.json(&["signoff", Q1, "--meeting", "LT:2024-07-24"]);
    assert_eq!(out["approved_by"], me());
    assert_eq!(
        text(&out["record"]),
        format!(
            "signed off 2024-08-01 by {}; approved by Leadership Team (Sam Example, Chief Executive) on 2024-07-24",
            me()
        )
    );
}

#[test]
fn an_officer_outside_leadership_team_is_still_refused() {
    let c = council();
    c.ok(&["user", "add", "boss", "--role", "admin", "--name", "Boss"]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let before = c.snapshot();
    assert_eq!(
        c.refused(&["signoff", Q1]).trim(),
        format!(
            "pmdb: refused: only admin and performance users may sign off a period; {} (officer) may not",
            me()
        )
    );
    assert_eq!(c.snapshot(), before);
    assert_eq!(signoffs(&c), 0);
}

#[test]
fn a_reopening_keeps_the_approval_on_record_and_signing_again_records_its_own() {
    let c = council();
    c.ok(&["signoff", Q1, "--approved-by", "ceo", "--meeting", "2"]);
    c.ok(&["signoff", "reopen", Q1, "--reason", "A figure was wrong"]);
    assert_eq!(
        c.count(
            "SELECT count(*) FROM signoff_reopenings WHERE approved_by = 'ceo' AND approved_on = '2024-07-24' AND meeting = 2"
        ),
        1
    );
    let out = c.json(&["signoff", Q1, "--approved-by", "dir.res"]);
    assert_eq!(
        text(&out["record"]),
        format!(
            "signed off 2024-08-01 by {}; reopened 2024-08-01: A figure was wrong; signed off again 2024-08-01; approved by Leadership Team (Director of Resources) on 2024-08-01",
            me()
        )
    );
}

#[test]
fn the_demo_records_leadership_teams_approval_on_each_signed_off_quarter() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    let signed = c.count("SELECT count(*) FROM signoffs");
    assert_eq!(signed, 10);
    // Each by LT's chair or deputy, on the day signed, at LT's meeting where the demo
    // holds one (the last three quarters).
    assert_eq!(
        c.count(
            "SELECT count(*) FROM signoffs WHERE approved_by IN ('jmitchell', 'nhussain')
               AND approved_by = signed_by AND approved_on = substr(signed_at, 1, 10)"
        ),
        signed
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM signoffs s JOIN meetings m ON m.id = s.meeting
              WHERE m.board = 'LT' AND m.date = s.approved_on AND m.period = s.period"
        ),
        3
    );
    let md = c.ok(&["report", "--period", "2026/27 Q2"]);
    assert!(
        md.contains(
            "Sign-off: signed off 2026-11-11 by Jane Mitchell, Chief Executive; approved by Leadership Team \\(Jane Mitchell, Chief Executive\\) on 2026-11-11."
        ),
        "{md}"
    );
}
