//! "Every error at once" and "An import changes only what its file names" (SPEC.md): a
//! refused import names every bad row, whichever stage found it (a cell that does not
//! read, or the store's checks: unknown codes, owners and plan nodes, bounds, signed-off
//! periods), for one file and for `import --all`, and writes nothing; a values file with
//! words but no figures adds the words to the stored figures.
//!
//! The fixture council (tests/fixtures): today is 2024-08-01.

mod common;

use common::Council;

/// The refusal's lines after `pmdb: FILE: N problems; nothing was imported:`.
fn listed(err: &str, file: &str, n: usize) -> Vec<String> {
    let mut lines = err.lines();
    assert_eq!(
        lines.next(),
        Some(format!("pmdb: {file}: {n} problems; nothing was imported:").as_str()),
        "{err}"
    );
    lines.map(str::to_string).collect()
}

#[test]
fn a_values_file_names_a_bad_period_and_an_unknown_code_together() {
    let c = Council::fixture();
    let before = c.snapshot();
    let file = c.file(
        "values.csv",
        "code,period,value\n\
         RW1,2024-13,39\n\
         NOSUCH,2024-05,12\n\
         RW1,2024-07,-4\n\
         PL2,2024-05,140\n",
    );
    let err = c.refused(&["import", "values", &file]);
    let lines = listed(&err, &file, 3);
    assert!(
        lines[0].starts_with("row 2, column period: '2024-13' is not a period"),
        "{err}"
    );
    assert_eq!(
        lines[1], "row 3, column code: no indicator 'NOSUCH'",
        "{err}"
    );
    // The store's bound, on a row that read.
    assert!(
        lines[2].starts_with("row 4, column value: ") && lines[2].contains("-4"),
        "{err}"
    );
    assert_eq!(lines.len(), 3, "{err}");
    // Row 5 was good, and still nothing was written.
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_signed_off_period_is_named_with_the_cells_that_do_not_read() {
    let c = Council::fixture();
    c.ok(&["signoff", "2024/25 Q1"]);
    let before = c.snapshot();
    let file = c.file(
        "values.csv",
        "code,period,value\nRW1,2024-05,44\nRW1,2024-07,abc\n",
    );
    let err = c.refused(&["import", "values", &file]);
    let lines = listed(&err, &file, 2);
    assert_eq!(
        lines[0],
        "row 2, column period: refused: 2024-05 is signed off (as part of 2024/25 Q1); its figures can no longer change"
    );
    assert!(
        lines[1].starts_with("row 3, column value: 'abc' is not a number"),
        "{err}"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_targets_file_names_a_bad_period_and_an_unknown_code_together() {
    let c = Council::fixture();
    let before = c.snapshot();
    let file = c.file(
        "targets.csv",
        "code,year,period,target,intervention\n\
         WR1,2024/25,2024-13,50,\n\
         NOSUCH,2024/25,,60,\n\
         RW1,2025/26,,470,\n",
    );
    let err = c.refused(&["import", "targets", &file]);
    let lines = listed(&err, &file, 2);
    assert!(
        lines[0].starts_with("row 2, column period: '2024-13' is not a period"),
        "{err}"
    );
    assert_eq!(lines[1], "row 3, column code: no indicator 'NOSUCH'");
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_plan_file_names_each_bad_row_but_not_the_children_of_one() {
    let c = Council::fixture();
    let before = c.snapshot();
    let file = c.file(
        "plan.csv",
        "code,kind,parent,title,owner,from_year\n\
         P9,sideways,V,A bad kind,,2024/25\n\
         O9,outcome,P9,Beneath the bad row,,2024/25\n\
         O8,outcome,P1,An unknown owner,nobody.here,2024/25\n\
         O7,outcome,NOPE,An unknown parent,,2024/25\n",
    );
    let err = c.refused(&["import", "plan", &file]);
    let lines = listed(&err, &file, 3);
    assert!(lines[0].starts_with("row 2, column kind: "), "{err}");
    // Row 3 names P9, which row 2 would have added: row 2 says why.
    assert!(
        lines[1].starts_with("row 4, column owner: 'nobody.here' is not a pmdb user"),
        "{err}"
    );
    assert_eq!(
        lines[2],
        "row 5, column parent: no plan node 'NOPE' in the file or the database"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn an_action_updates_file_names_a_bad_period_and_an_unknown_action_together() {
    let c = Council::fixture();
    let actions = c.file(
        "actions.csv",
        "code,title,kind,plan,owner,start,due\n\
         A1,Weekly food waste collection,corporate,SP1,alee,2024-04-01,2025-03-31\n",
    );
    c.ok(&["import", "actions", &actions]);
    let updates = || c.count("SELECT count(*) FROM action_updates");
    let audit = c.count("SELECT count(*) FROM audit_log");
    let file = c.file(
        "updates.csv",
        "code,period,status,progress\n\
         A1,2024-13,on_track,50\n\
         NOSUCH,2024-06,on_track,50\n\
         A1,2024-06,on_track,60%\n",
    );
    let err = c.refused(&["import", "action_updates", &file]);
    let lines = listed(&err, &file, 2);
    assert!(
        lines[0].starts_with("row 2, column period: '2024-13' is not a period"),
        "{err}"
    );
    assert_eq!(
        lines[1],
        "row 3, column code: no action 'NOSUCH' (import an actions file adding it first)"
    );
    assert_eq!(updates(), 0, "nothing written");
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
}

#[test]
fn fifty_problems_of_both_stages_are_listed_then_counted() {
    let c = Council::fixture();
    let before = c.snapshot();
    let mut text = String::from("code,period,value\n");
    for n in 0..30 {
        // Rows 2, 4, … do not read; rows 3, 5, … name unknown indicators.
        text.push_str(&format!("RW1,2024-{},1\nNO{n},2024-05,1\n", 13 + n));
    }
    let file = c.file("values.csv", text);
    let err = c.refused(&["import", "values", &file]);
    let lines = listed(&err, &file, 60);
    assert!(
        lines[0].starts_with("row 2, column period: '2024-13'"),
        "{err}"
    );
    assert_eq!(lines[1], "row 3, column code: no indicator 'NO0'");
    assert_eq!(lines[49], "row 51, column code: no indicator 'NO24'");
    assert_eq!(lines[50], "and 10 more");
    assert_eq!(lines.len(), 51);
    assert_eq!(c.snapshot(), before);
}

#[test]
fn import_all_names_every_bad_row_of_every_file_and_keeps_nothing() {
    let c = Council::fixture();
    let before = c.snapshot();
    let dir = c.path("council");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("indicators.csv"),
        "code,title,kind,polarity,frequency,aggregation,owner,plan\n\
         K1,Fly-tipping cleared in a day,local,higher,monthly,sum,alee,SP1\n\
         K9,A bad polarity,local,upwards,monthly,sum,alee,SP1\n\
         K8,An unknown plan node,local,higher,monthly,sum,alee,NOPE\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("values.csv"),
        "code,period,value\n\
         K1,2024-13,5\n\
         K9,2024-05,7\n\
         NOSUCH,2024-05,3\n\
         K1,2024-05,90\n",
    )
    .unwrap();
    let err = c.refused(&["import", "--all", dir.to_str().unwrap()]);
    let indicators = dir.join("indicators.csv").display().to_string();
    let values = dir.join("values.csv").display().to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "pmdb: 2 files refused; nothing of the folder was imported:"
    );
    assert_eq!(
        lines[1],
        format!("{indicators}: 2 problems; nothing was imported:")
    );
    assert!(lines[2].starts_with("row 3, column polarity: "), "{err}");
    assert_eq!(
        lines[3],
        "row 4, column plan: no plan node 'NOPE' (import the plan first)"
    );
    assert_eq!(
        lines[4],
        format!("{values}: 2 problems; nothing was imported:")
    );
    assert!(
        lines[5].starts_with("row 2, column period: '2024-13' is not a period"),
        "{err}"
    );
    // Row 3 names K9, which the indicators file's row 3 would have added: not blamed.
    assert_eq!(lines[6], "row 4, column code: no indicator 'NOSUCH'");
    assert_eq!(lines.len(), 7, "{err}");
    assert_eq!(c.snapshot(), before);
}

#[test]
fn words_without_figures_are_added_to_the_stored_figures() {
    let c = Council::fixture();
    let file = c.file(
        "words.csv",
        "code,period,commentary,action\n\
         WR1,2024-06,Two loads rejected at the MRF,Crews briefed on contamination\n\
         RW1,2024-05,Bank holiday collections,\n",
    );
    assert_eq!(
        c.ok(&["import", "values", &file]).trim(),
        format!("imported values from {file}: 0 added, 2 changed, 0 unchanged")
    );
    let exported = c.values_csv();
    // The figures (a ratio's numerator and denominator, a plain value) are as stored.
    assert!(
        exported.contains(
            "WR1,2024-06,43,430,1000,provisional,Two loads rejected at the MRF,Crews briefed on contamination\n"
        ),
        "{exported}"
    );
    assert!(
        exported.contains("RW1,2024-05,41,,,final,Bank holiday collections,\n"),
        "{exported}"
    );
    // The same again changes nothing.
    assert_eq!(
        c.ok(&["import", "values", &file]).trim(),
        format!("imported values from {file}: 0 added, 0 changed, 2 unchanged")
    );
}

#[test]
fn words_for_a_period_with_no_figure_are_refused_naming_the_row() {
    let c = Council::fixture();
    let before = c.snapshot();
    let file = c.file(
        "words.csv",
        "code,period,commentary\nRW1,2024-06,Fine\nRW1,2024-07,No figure yet\n",
    );
    assert_eq!(
        c.refused(&["import", "values", &file]).trim(),
        format!(
            "pmdb: {file}: row 3, column value: no value stored for RW1 2024-07: give a value column"
        )
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn a_value_without_numerator_and_denominator_columns_keeps_them() {
    let c = Council::fixture();
    // PL2 is a sum; give its stored April figure a numerator and denominator first.
    let parts = c.file(
        "parts.csv",
        "code,period,value,numerator,denominator\nPL2,2024-04,130,130,1\n",
    );
    c.ok(&["import", "values", &parts]);
    let file = c.file("value.csv", "code,period,value\nPL2,2024-04,131\n");
    c.ok(&["import", "values", &file]);
    assert!(
        c.values_csv().contains("PL2,2024-04,131,130,1,final,,\n"),
        "{}",
        c.values_csv()
    );
}

#[test]
fn a_users_file_names_every_bad_row() {
    let c = Council::fixture();
    let users = || c.ok(&["export", "users"]);
    let before = users();
    let file = c.file(
        "users.csv",
        "login,name,role\n\
         bad login,Someone,officer\n\
         newbie,New Person,\n\
         okay.one,Fine,viewer\n\
         other,Other,wizard\n",
    );
    let err = c.refused(&["import", "users", &file]);
    let lines = listed(&err, &file, 3);
    assert!(
        lines[0].starts_with("row 2, column login: 'bad login' is not a code"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("row 3, column role: newbie is a new user and needs a role"),
        "{err}"
    );
    assert!(lines[2].starts_with("row 5, column role: "), "{err}");
    assert_eq!(users(), before, "okay.one was not added");
}
