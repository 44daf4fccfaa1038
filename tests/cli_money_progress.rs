//! Money and progress are read one way at every front door (`domain::money`): the command
//! line's `--progress` and `--spent` and CSV import take `50%` and `£1,234.50` as the
//! interface does (tests/tui_money_progress.rs), store the same figure, and refuse
//! `£1,2,3` and `1e16` alike, so no door saves what an export could not import back.
//! Also: an `--owner` filter naming nobody is refused, and `report` and `publish` name
//! every format they write.

mod common;

use common::Council;

/// The fixture council with action A1 and project PR1, both alee's.
fn council() -> Council {
    let c = Council::fixture();
    let actions = c.file(
        "actions.csv",
        "code,title,kind,plan,owner,start,due\n\
         A1,Weekly food waste collection,corporate,SP1,alee,2024-04-01,2025-03-31\n",
    );
    c.ok(&["import", "actions", &actions]);
    let projects = c.file(
        "projects.csv",
        "code,title,plan,owner,start,finish,budget\n\
         PR1,New depot,P1,alee,2024-04-01,2026-03-31,\"£1,250,000\"\n",
    );
    c.ok(&["import", "projects", &projects]);
    c
}

fn spent(c: &Council, period: &str) -> Option<f64> {
    c.read_only()
        .query_row(
            "SELECT spent FROM project_updates WHERE project = 'PR1' AND period = ?1",
            [period],
            |r| r.get(0),
        )
        .ok()
}

fn progress(c: &Council, period: &str) -> Option<i64> {
    c.read_only()
        .query_row(
            "SELECT progress FROM action_updates WHERE action = 'A1' AND period = ?1",
            [period],
            |r| r.get(0),
        )
        .ok()
}

#[test]
fn the_command_line_reads_pounds_and_per_cent_as_the_editor_does() {
    let c = council();
    for (bad, why) in [
        (
            "£1,2,3",
            "--spent: the spend to date '£1,2,3' is not an amount of money: write pounds like 1234.50, £1,234.50 or 1,234 (commas only between groups of three digits)",
        ),
        (
            "1e16",
            "--spent: the spend to date '1e16' is too large: an amount must be smaller than £1,000,000,000,000,000 (10^15)",
        ),
        (
            "-£5",
            "--spent: the spend to date '-£5' is below zero: this amount is 0 or more",
        ),
    ] {
        let spent = format!("--spent={bad}");
        let err = c.refused(&[
            "projects", "update", "PR1", "2024-06", "--status", "on_track", &spent,
        ]);
        assert_eq!(err.trim(), format!("pmdb: {why}"));
    }
    assert_eq!(spent(&c, "2024-06"), None, "nothing saved");
    c.ok(&[
        "projects",
        "update",
        "PR1",
        "2024-06",
        "--status",
        "on_track",
        "--spent",
        "£1,234.50",
    ]);
    assert_eq!(spent(&c, "2024-06"), Some(1234.5));
    c.ok(&[
        "projects", "update", "PR1", "2024-07", "--status", "on_track", "--spent", "1234.5",
    ]);
    assert_eq!(spent(&c, "2024-07"), Some(1234.5));

    let err = c.refused(&[
        "actions",
        "update",
        "A1",
        "2024-06",
        "--status",
        "on_track",
        "--progress",
        "50.5",
    ]);
    assert_eq!(
        err.trim(),
        "pmdb: --progress: '50.5' is not a progress: write a whole number of per cent from 0 to 100, such as 50 or 50%"
    );
    c.ok(&[
        "actions",
        "update",
        "A1",
        "2024-06",
        "--status",
        "on_track",
        "--progress",
        "50%",
    ]);
    assert_eq!(progress(&c, "2024-06"), Some(50));
    c.ok(&[
        "actions",
        "update",
        "A1",
        "2024-07",
        "--status",
        "on_track",
        "--progress",
        "50",
    ]);
    assert_eq!(progress(&c, "2024-07"), Some(50));
}

#[test]
fn csv_import_reads_pounds_and_per_cent_as_the_editor_does() {
    let c = council();
    // The project's budget was given as "£1,250,000" and exports as a plain figure.
    assert!(
        c.ok(&["export", "projects"]).contains(",1250000,monthly\n"),
        "{}",
        c.ok(&["export", "projects"])
    );
    let bad = c.file(
        "bad.csv",
        "code,period,status,spent\n\
         PR1,2024-05,on_track,\"£1,2,3\"\n\
         PR1,2024-06,on_track,1e16\n",
    );
    let err = c.refused(&["import", "project_updates", &bad]);
    assert!(
        err.contains("row 2, column spent: the spent '£1,2,3' is not an amount of money"),
        "{err}"
    );
    assert!(
        err.contains("row 3, column spent: the spent '1e16' is too large"),
        "{err}"
    );
    assert_eq!(spent(&c, "2024-05"), None);
    let good = c.file(
        "good.csv",
        "code,period,status,spent\nPR1,2024-06,on_track,\"£1,234.50\"\n",
    );
    c.ok(&["import", "project_updates", &good]);
    assert_eq!(spent(&c, "2024-06"), Some(1234.5));
    // Exported as a plain figure, it imports back unchanged.
    let exported = c.ok(&["export", "project_updates"]);
    assert!(
        exported.contains("PR1,2024-06,on_track,1234.5,"),
        "{exported}"
    );
    let again = c.file("again.csv", exported);
    assert!(
        c.ok(&["import", "project_updates", &again])
            .contains("0 added, 0 changed, 1 unchanged")
    );

    let updates = c.file(
        "updates.csv",
        "code,period,status,progress\nA1,2024-06,on_track,50%\nA1,2024-07,on_track,50\n",
    );
    c.ok(&["import", "action_updates", &updates]);
    assert_eq!(
        (progress(&c, "2024-06"), progress(&c, "2024-07")),
        (Some(50), Some(50))
    );
}

#[test]
fn an_owner_filter_naming_nobody_is_refused() {
    let c = council();
    assert_eq!(
        c.refused(&["list", "--owner", "NOSUCH"]).trim(),
        "pmdb: --owner: 'NOSUCH' is not a pmdb user (`pmdb user list` lists them)"
    );
    assert_eq!(
        c.refused(&["actions", "--owner", "NOSUCH", "--period", "2024-06"])
            .trim(),
        "pmdb: --owner: 'NOSUCH' is not a pmdb user (`pmdb user list` lists them)"
    );
    // A user who owns nothing is a real answer: nothing listed, exit 0.
    assert!(
        c.ok(&["list", "--owner", "kmorgan", "--json"])
            .contains("\"indicators\": []")
    );
    assert!(c.ok(&["list", "--owner", "alee"]).contains("WR1"));
}

#[test]
fn report_and_publish_help_name_xlsx() {
    let c = Council::empty(common::FIXTURE_TODAY);
    let help = c.ok(&["help"]);
    let line = |command: &str| {
        help.lines()
            .find(|l| l.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("no {command} in:\n{help}"))
            .to_string()
    };
    assert!(
        line("report").contains("markdown, csv, html or xlsx"),
        "{help}"
    );
    assert!(line("publish").contains(".xlsx"), "{help}");
    let report = c.ok(&["report", "--help"]);
    for format in ["markdown", "csv", "html", "xlsx"] {
        assert!(report.contains(format), "{report}");
    }
}
