//! One set of rules for each record, whichever door it comes in by (issue 22, points 5, 6
//! and 9): an import refuses what the command refuses, naming row and column and writing
//! nothing; a date is read the same in every column and option, within 2000–2099; export
//! then import gives every text back, a leading apostrophe and space included.

mod common;

use common::Council;

const FORMS: &str =
    "write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26)";

/// The fixture council (today 2024-08-01) with an action, a project with a milestone and a
/// risk, all owned by alee.
fn council() -> Council {
    let c = Council::fixture();
    for (kind, text) in [
        (
            "actions",
            "code,title,kind,plan,owner,start,due\nA1,Food waste,corporate,SP1,alee,2024-04-01,2025-03-31\n",
        ),
        (
            "projects",
            "code,title,plan,owner,start,finish,budget\nPR1,New depot,P1,alee,2024-04-01,2026-03-31,100\n",
        ),
        (
            "milestones",
            "project,title,due,forecast,done\nPR1,Planning consent,2024-09-30,,\n",
        ),
        (
            "risks",
            "code,title,category,plan,owner,controls,inherent_likelihood,inherent_impact,target_score\n\
             R1,Depot fire,operational,SP1,alee,Sprinklers,4,5,8\n",
        ),
    ] {
        let file = c.file(&format!("{kind}.csv"), text);
        c.ok(&["import", kind, &file]);
    }
    c
}

/// The error lines of a refused import (after "N problems; nothing was imported:").
fn problems(err: &str) -> Vec<String> {
    err.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| l.starts_with("row ") || l.contains(": row "))
        .map(|l| match l.find("row ") {
            Some(i) => l[i..].to_string(),
            None => l,
        })
        .collect()
}

#[test]
fn an_import_refuses_what_the_commands_refuse_every_row_named_and_nothing_written() {
    let c = council();
    let before = c.snapshot();
    let updates = c.file(
        "updates.csv",
        "code,period,status,progress,forecast,commentary\n\
         A1,2025-03,completed,,,Done early\n\
         A1,2024-07,at_risk,40,,\n\
         A1,2024-06,off_track,40,,   \n",
    );
    let err = c.refused(&["import", "action_updates", &updates]);
    assert_eq!(
        problems(&err),
        [
            "row 2, column period: 2025-03 has not started yet (today is 2024-08-01)",
            "row 3, column commentary: A1 2024-07: the status at_risk needs a commentary saying why and what is being done",
            "row 4, column commentary: A1 2024-06: the status off_track needs a commentary saying why and what is being done",
        ],
        "{err}"
    );
    let reviews = c.file(
        "reviews.csv",
        "code,date,likelihood,impact,commentary\nR1,2024-07-15,3,4,Fine\nR1,2025-01-15,3,4,Next year\n",
    );
    let err = c.refused(&["import", "risk_reviews", &reviews]);
    assert!(
        err.contains(
            "row 3, column date: R1: the review date 2025-01-15 is after today (2024-08-01)"
        ),
        "{err}"
    );
    let milestones = c.file(
        "done.csv",
        "project,title,due,forecast,done\nPR1,Planning consent,2024-09-30,,2024-09-01\n",
    );
    let err = c.refused(&["import", "milestones", &milestones]);
    assert!(
        err.contains(
            "row 2, column done: PR1: the date done 2024-09-01 is after today (2024-08-01)"
        ),
        "{err}"
    );
    let project_updates = c.file(
        "pu.csv",
        "code,period,status,spent,commentary\nPR1,2024-09,on_track,,\nPR1,2024-07,at_risk,,\n",
    );
    let err = c.refused(&["import", "project_updates", &project_updates]);
    assert_eq!(
        problems(&err),
        [
            "row 2, column period: 2024-09 has not started yet (today is 2024-08-01)",
            "row 3, column commentary: PR1 2024-07: the status at_risk needs a commentary saying why and what is being done",
        ],
        "{err}"
    );
    assert_eq!(c.snapshot(), before);

    // The commands refuse the same records with the same rule.
    let err = c.refused(&[
        "actions",
        "update",
        "A1",
        "2025-03",
        "--status",
        "completed",
    ]);
    assert!(
        err.contains("2025-03 has not started yet (today is 2024-08-01)"),
        "{err}"
    );
    let err = c.refused(&["actions", "update", "A1", "2024-07", "--status", "at_risk"]);
    assert!(
        err.contains("the status at_risk needs a commentary"),
        "{err}"
    );
    let err = c.refused(&[
        "risks",
        "review",
        "R1",
        "2025-01-15",
        "--likelihood",
        "3",
        "--impact",
        "4",
    ]);
    assert!(
        err.contains("the review date 2025-01-15 is after today"),
        "{err}"
    );
    let err = c.refused(&[
        "projects",
        "milestone",
        "PR1",
        "Planning consent",
        "--done",
        "2024-09-01",
    ]);
    assert!(
        err.contains("the date done 2024-09-01 is after today"),
        "{err}"
    );
    assert_eq!(c.snapshot(), before);

    // What the command accepts, the import accepts.
    let good = c.file(
        "good.csv",
        "code,period,status,progress,forecast,commentary\n\
         A1,2024-08,completed,,,Done\n\
         A1,2024-07,at_risk,40,,Crews short\n",
    );
    assert!(
        c.ok(&["import", "action_updates", &good])
            .contains("2 added, 0 changed, 0 unchanged")
    );
    c.ok(&[
        "actions",
        "update",
        "A1",
        "2024-06",
        "--status",
        "at_risk",
        "--commentary",
        "Crews short",
    ]);
    let good = c.file(
        "good-reviews.csv",
        "code,date,likelihood,impact,commentary\nR1,2024-08-01,3,4,Today\n",
    );
    c.ok(&["import", "risk_reviews", &good]);
    let good = c.file(
        "good-done.csv",
        "project,title,due,forecast,done\nPR1,Planning consent,2024-09-30,,2024-07-31\n",
    );
    c.ok(&["import", "milestones", &good]);
    assert_eq!(
        c.ok(&["export", "action_updates"]),
        "code,period,status,progress,forecast,commentary\n\
         A1,2024-06,at_risk,,,Crews short\n\
         A1,2024-07,at_risk,40,,Crews short\n\
         A1,2024-08,completed,100,,Done\n"
    );
}

#[test]
fn a_two_digit_year_first_is_refused_in_every_date_column_and_option() {
    let c = council();
    let before = c.snapshot();
    let err = c.refused(&[
        "risks",
        "review",
        "R1",
        "26-01-01",
        "--likelihood",
        "3",
        "--impact",
        "4",
    ]);
    assert_eq!(
        err.trim(),
        format!(
            "pmdb: DATE: '26-01-01' is not a date: a year of two digits cannot come first (YY-MM-DD): {FORMS}"
        )
    );
    let err = c.refused(&[
        "risks",
        "review",
        "R1",
        "0026-01-01",
        "--likelihood",
        "3",
        "--impact",
        "4",
    ]);
    assert!(
        err.contains("'0026-01-01' is not a date: the year 26 is outside 2000–2099"),
        "{err}"
    );
    for (kind, header, row, column) in [
        (
            "actions",
            "code,title,kind,start,due",
            "A2,Bins,team,26-01-01,2025-03-31",
            "start",
        ),
        (
            "actions",
            "code,title,kind,start,due",
            "A2,Bins,team,2024-04-01,26-01-01",
            "due",
        ),
        (
            "action_updates",
            "code,period,status,forecast",
            "A1,2024-07,on_track,26-01-01",
            "forecast",
        ),
        (
            "projects",
            "code,title,start,finish",
            "PR2,Hub,26-01-01,2026-03-31",
            "start",
        ),
        (
            "projects",
            "code,title,start,finish",
            "PR2,Hub,2024-04-01,26-01-01",
            "finish",
        ),
        (
            "milestones",
            "project,title,due,forecast,done",
            "PR1,Tender,26-01-01,,",
            "due",
        ),
        (
            "milestones",
            "project,title,due,forecast,done",
            "PR1,Tender,2024-10-31,26-01-01,",
            "forecast",
        ),
        (
            "milestones",
            "project,title,due,forecast,done",
            "PR1,Tender,2024-10-31,,26-01-01",
            "done",
        ),
        (
            "risks",
            "code,title,category,inherent_likelihood,inherent_impact,target_score,closed",
            "R2,Flood,operational,3,3,4,26-01-01",
            "closed",
        ),
        (
            "risk_reviews",
            "code,date,likelihood,impact",
            "R1,26-01-01,3,4",
            "date",
        ),
        (
            "eias",
            "code,title,due,completed",
            "E1,Fees,26-01-01,",
            "due",
        ),
        (
            "eias",
            "code,title,due,completed",
            "E1,Fees,2024-10-31,26-01-01",
            "completed",
        ),
    ] {
        let file = c.file("dates.csv", format!("{header}\n{row}\n"));
        let err = c.refused(&["import", kind, &file]);
        assert!(
            err.contains(&format!(
                "row 2, column {column}: '26-01-01' is not a date: a year of two digits cannot come first (YY-MM-DD): {FORMS}"
            )),
            "{kind} {column}: {err}"
        );
    }
    assert_eq!(c.snapshot(), before);

    // As a UK spreadsheet writes them: 31/07/24 is 31 July 2024, by import and command.
    let file = c.file(
        "uk.csv",
        "code,title,kind,start,due\nA2,Bins,team,01/04/2024,31/03/25\n",
    );
    c.ok(&["import", "actions", &file]);
    c.ok(&[
        "risks",
        "review",
        "R1",
        "31/07/24",
        "--likelihood",
        "3",
        "--impact",
        "4",
    ]);
    let actions = c.ok(&["export", "actions"]);
    assert!(
        actions.contains("A2,Bins,team,,,2024-04-01,2025-03-31,monthly"),
        "{actions}"
    );
    assert_eq!(
        c.ok(&["export", "risk_reviews"]),
        "code,date,likelihood,impact,commentary\nR1,2024-07-31,3,4,\n"
    );
}

#[test]
fn export_then_import_gives_back_a_leading_apostrophe_and_space() {
    let c = council();
    let file = c.file(
        "titles.csv",
        "code,title,kind,due\nA2,' Leading space,team,2025-03-31\nA3,''Quoted',team,2025-03-31\n\
         A4,Trailing ,team,2025-03-31\nA5,'=1+1,team,2025-03-31\n",
    );
    c.ok(&["import", "actions", &file]);
    let first = c.ok(&["export", "actions"]);
    assert!(first.contains("\nA2, Leading space,team,"), "{first}");
    assert!(first.contains("\nA3,''Quoted',team,"), "{first}");
    assert!(first.contains("\nA4,Trailing ,team,"), "{first}");
    assert!(first.contains("\nA5,'=1+1,team,"), "{first}");
    let titles = |c: &Council| {
        c.json(&["actions"])["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["title"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let stored = titles(&c);
    assert!(stored.contains(&" Leading space".to_string()), "{stored:?}");
    assert!(stored.contains(&"'Quoted'".to_string()), "{stored:?}");
    let audit = c.count("SELECT count(*) FROM audit_log");
    let again = c.file("again.csv", &first);
    assert!(
        c.ok(&["import", "actions", &again])
            .contains("0 added, 0 changed, 5 unchanged"),
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    assert_eq!(c.ok(&["export", "actions"]), first);
    assert_eq!(titles(&c), stored);
}

#[test]
fn a_milestone_done_in_a_signed_off_month_is_refused_by_import_as_by_command() {
    let c = council();
    c.json(&["signoff", "2024/25 Q1", "--yes"]);
    let before = c.snapshot();
    let file = c.file(
        "done.csv",
        "project,title,due,forecast,done\nPR1,Planning consent,2024-09-30,,2024-06-28\n",
    );
    let err = c.refused(&["import", "milestones", &file]);
    assert!(err.contains("row 2, column done: "), "{err}");
    assert!(err.contains("signed off"), "{err}");
    let command = c.refused(&[
        "projects",
        "milestone",
        "PR1",
        "Planning consent",
        "--done",
        "2024-06-28",
    ]);
    assert!(command.contains("signed off"), "{command}");
    assert_eq!(c.snapshot(), before);
    // A date done in a month still open is taken by both doors.
    let file = c.file(
        "open.csv",
        "project,title,due,forecast,done\nPR1,Planning consent,2024-09-30,,2024-07-31\n",
    );
    c.ok(&["import", "milestones", &file]);
}
