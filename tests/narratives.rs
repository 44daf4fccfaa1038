//! A narrative for a quarter or a year (`pmdb comment`, the CSV kind `commentary`): written
//! by an indicator's owner or enterer (a plan node's by its owner) or the performance team,
//! for a quarter or a year only; every refusal names why and writes nothing.

mod common;

use common::{Council, me};

/// The fixture council with `alee` (WR1's owner) a second admin, so this login can be
/// made an officer.
fn council() -> Council {
    let c = Council::fixture();
    c.ok(&["user", "set-role", "alee", "admin"]);
    c
}

fn narratives(c: &Council) -> i64 {
    c.count("SELECT count(*) FROM narratives")
}

#[test]
fn the_performance_team_writes_an_indicators_quarter_and_a_plan_nodes_year() {
    let c = council();
    let out = c.ok(&[
        "comment",
        "WR1",
        "2024/25 Q1",
        "--commentary",
        "Dry spell cut garden waste; June loads rejected for contamination",
        "--action",
        "-Crews briefed on contamination",
    ]);
    assert_eq!(
        out.trim(),
        format!(
            "WR1 2024/25 Q1: narrative added for the indicator, as {}",
            me()
        )
    );
    let v = c.json(&["comment", "P1", "2024/25", "--commentary", "A greener year"]);
    assert_eq!(v["outcome"], "added");
    assert_eq!(v["narrative"]["subject"], "plan");
    assert_eq!(v["narrative"]["code"], "P1");
    assert_eq!(v["narrative"]["period"], "2024/25");
    assert_eq!(v["narrative"]["commentary"], "A greener year");
    assert_eq!(v["narrative"]["action"], "");
    assert_eq!(
        c.ok(&["export", "commentary"]),
        "code,period,commentary,action\n\
         WR1,2024/25 Q1,Dry spell cut garden waste; June loads rejected for contamination,'-Crews briefed on contamination\n\
         P1,2024/25,A greener year,\n"
    );
    // A new commentary without --action keeps the action written before.
    let v = c.json(&["comment", "WR1", "2024/25 Q1", "--commentary", "Dry spell"]);
    assert_eq!(v["outcome"], "updated");
    assert_eq!(v["narrative"]["action"], "-Crews briefed on contamination");
    // The same again changes nothing: no audit row.
    let audited = c.count("SELECT count(*) FROM audit_log WHERE tbl = 'narratives'");
    assert_eq!(audited, 3);
    assert_eq!(
        c.ok(&["comment", "WR1", "2024/25 Q1", "--commentary", "Dry spell"])
            .trim(),
        "WR1 2024/25 Q1: the narrative is already this; nothing changed"
    );
    assert_eq!(
        c.count("SELECT count(*) FROM audit_log WHERE tbl = 'narratives'"),
        audited
    );
}

#[test]
fn an_officer_writes_only_for_what_they_own_or_enter() {
    let c = council();
    c.ok(&["enterer", "add", "WR1", &me()]);
    c.ok(&["user", "set-role", &me(), "officer"]);
    let why = c.refused(&["comment", "RW1", "2024/25 Q1", "--commentary", "Mine"]);
    assert!(
        why.contains(&format!(
            "refused: {} (officer) may write narratives only for indicators they own or enter data for; RW1 is owned by alee",
            me()
        )),
        "{why}"
    );
    let why = c.refused(&["comment", "P1", "2024/25 Q1", "--commentary", "Mine"]);
    assert!(
        why.contains("may update only the plan nodes they own; P1 is owned by dir.env"),
        "{why}"
    );
    assert_eq!(narratives(&c), 0);
    // As an enterer of WR1 the officer may write its quarter.
    c.ok(&[
        "comment",
        "WR1",
        "2024/25 Q1",
        "--commentary",
        "Entered by me",
    ]);
    assert_eq!(narratives(&c), 1);
}

#[test]
fn a_month_an_unknown_code_and_a_quarterlys_own_quarter_are_refused_naming_why() {
    let c = council();
    let before = c.count("SELECT count(*) FROM audit_log");
    let why = c.refused(&["comment", "WR1", "2024-06", "--commentary", "June"]);
    assert!(
        why.contains("2024-06 is a month: a month's commentary is the value's (`pmdb set WR1 2024-06 … --commentary`)"),
        "{why}"
    );
    let why = c.refused(&["comment", "NOPE", "2024/25 Q1", "--commentary", "x"]);
    assert!(why.contains("no indicator or plan node 'NOPE'"), "{why}");
    let why = c.refused(&["comment", "PL1", "2024/25 Q1", "--commentary", "x"]);
    assert!(
        why.contains("PL1 is a quarterly indicator: its 2024/25 Q1 commentary is the value's"),
        "{why}"
    );
    let why = c.refused(&["comment", "WR1", "Q1", "--commentary", "x"]);
    assert!(why.contains("PERIOD"), "{why}");
    assert_eq!(narratives(&c), 0);
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), before);
}

#[test]
fn a_commentary_file_is_imported_whole_or_refused_naming_every_bad_row() {
    let c = council();
    let bad = c.file(
        "bad.csv",
        "code,period,commentary,action\n\
         WR1,2024/25 Q1,Dry spell,Garden waste drive\n\
         WR1,2024-06,June's words,\n\
         NOPE,2024/25,Nobody's,\n\
         P1,2024/25 Q5,Fifth quarter,\n\
         PL1,2024/25 Q1,Own value,\n",
    );
    let audit = c.count("SELECT count(*) FROM audit_log");
    let why = c.refused(&["import", "commentary", &bad]);
    for expected in [
        "row 3, column period: 2024-06 is a month: a month's commentary is the value's",
        "row 4, column code: no indicator or plan node 'NOPE'",
        "row 5, column period:",
        "row 6, column period: PL1 is a quarterly indicator",
    ] {
        assert!(why.contains(expected), "missing {expected:?} in:\n{why}");
    }
    assert!(!why.contains("row 2"), "{why}");
    assert!(why.contains("nothing was imported"), "{why}");
    assert_eq!(narratives(&c), 0);
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);

    let good = c.file(
        "good.csv",
        "Code,Period,Commentary,Action\n\
         WR1,2024/25 Q1,\"Dry spell,\nthen contamination\",Garden waste drive\n\
         P1,2024/25,A greener year,\n",
    );
    let out = c.ok(&["import", "commentary", &good]);
    assert!(out.contains("2 added, 0 changed, 0 unchanged"), "{out}");
    let exported = c.ok(&["export", "commentary"]);
    assert_eq!(
        exported,
        "code,period,commentary,action\n\
         WR1,2024/25 Q1,\"Dry spell,\nthen contamination\",Garden waste drive\n\
         P1,2024/25,A greener year,\n"
    );
    // Export then import changes nothing; a file of code, period, commentary keeps the action.
    let again = c.file("again.csv", &exported);
    assert!(
        c.ok(&["import", "commentary", &again])
            .contains("0 added, 0 changed, 2 unchanged")
    );
    let words = c.file(
        "words.csv",
        "code,period,commentary\nWR1,2024/25 Q1,Dry spell only\n",
    );
    c.ok(&["import", "commentary", &words]);
    assert!(
        c.ok(&["export", "commentary"])
            .contains("WR1,2024/25 Q1,Dry spell only,Garden waste drive\n")
    );
}

fn report(c: &Council, format: &str) -> String {
    c.ok(&["report", "--period", "2024/25 Q1", "--format", format])
}

#[test]
fn a_quarter_shows_its_narrative_or_the_latest_months_commentary_labelled_with_its_month() {
    let c = council();
    // No narrative: June's commentary, labelled June, in every format; never unlabelled.
    let md = report(&c, "markdown");
    assert!(
        md.contains("| A amber | – | 47.7 | forecast for the year: 47.7, amber against the annual target \\(not a status; the year to date: 47.7 over 3 of 12 months\\) | June: Contamination rejected two loads |"),
        "{md}"
    );
    let csv = report(&c, "csv");
    assert!(
        csv.contains(",June: Contamination rejected two loads,provisional\n"),
        "{csv}"
    );
    let html = report(&c, "html");
    assert!(
        html.contains("June: Contamination rejected two loads"),
        "{html}"
    );
    assert!(
        html.contains("June: Crew campaign on contamination"),
        "the remedial action is labelled too"
    );
    for text in [&md, &csv, &html] {
        assert!(!text.contains(">Contamination rejected two loads"));
        assert!(!text.contains("| Contamination rejected two loads"));
        assert!(!text.contains(",Contamination rejected two loads"));
    }
    // The quarter's narrative replaces it, and the priority's heads its section.
    c.ok(&[
        "comment",
        "WR1",
        "2024/25 Q1",
        "--commentary",
        "Dry spell and contamination; recovering in July",
        "--action",
        "Crew campaign continues",
    ]);
    c.ok(&[
        "comment",
        "P1",
        "2024/25 Q1",
        "--commentary",
        "Waste is behind target, planning ahead",
        "--action",
        "Waste recovery plan to Cabinet in September",
    ]);
    let md = report(&c, "markdown");
    assert!(
        md.contains("| 47.7 | forecast for the year: 47.7, amber against the annual target \\(not a status; the year to date: 47.7 over 3 of 12 months\\) | Dry spell and contamination; recovering in July |"),
        "{md}"
    );
    assert!(!md.contains("June: "), "{md}");
    assert!(
        md.contains(
            "\n## A greener district\n\n2024/25 Q1: Waste is behind target, planning ahead\n\nRemedial action: Waste recovery plan to Cabinet in September\n\n| Indicator |"
        ),
        "{md}"
    );
    let csv = report(&c, "csv");
    assert!(
        csv.contains(",Dry spell and contamination; recovering in July,provisional\n"),
        "{csv}"
    );
    let html = report(&c, "html");
    assert!(
        html.contains("<h2 id=\"priority-1\">A greener district</h2><div class=\"narrative\"><p class=\"multiline\"><strong>2024/25 Q1: </strong>Waste is behind target, planning ahead</p><p class=\"multiline\"><strong>Remedial action: </strong>Waste recovery plan to Cabinet in September</p></div>"),
        "{html}"
    );
    assert!(html.contains("Dry spell and contamination; recovering in July"));
    assert!(html.contains("Crew campaign continues"));
    assert!(!html.contains("June: "), "{html}");
}

#[test]
fn the_demo_has_quarter_narratives_on_its_reds_written_by_their_owners_before_sign_off() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    let exported = c.ok(&["export", "commentary"]);
    // Every monthly indicator red for a signed-off quarter has one, and HS01's says so.
    assert!(
        exported.contains("HS01,2025/26 Q1,\"Red for the quarter, beyond the intervention level."),
        "{exported}"
    );
    assert!(
        exported.contains("LC02,2024/25 Q2,\"Red for the quarter"),
        "{exported}"
    );
    // Written by the indicator's (or priority's) owner, a week before the meeting.
    assert_eq!(
        c.count(
            "SELECT count(*) FROM narratives n JOIN indicators i ON i.code = n.code
              WHERE n.subject = 'indicator' AND n.written_by <> i.owner"
        ),
        0
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM narratives n JOIN plan_nodes p ON p.code = n.code
              WHERE n.subject = 'plan' AND n.written_by <> p.owner"
        ),
        0
    );
    assert_eq!(
        c.count("SELECT count(*) FROM narratives WHERE subject = 'plan'"),
        2
    );
    assert!(c.count("SELECT count(*) FROM narratives WHERE subject = 'indicator'") >= 5);
    // The signed-off quarter's report heads its priority with it and shows HS01's own.
    let md = c.ok(&["report", "--period", "2026/27 Q2", "--format", "markdown"]);
    assert!(
        md.contains("## Homes and communities\n\n2026/27 Q2: 3 of this priority's 19 indicators missed their target for the quarter \\(1 red\\)"),
        "{md}"
    );
    assert!(
        md.contains("| 67 |  | Amber for the quarter: missed, within tolerance. "),
        "{md}"
    );
}

#[test]
fn the_performance_team_writes_any_and_a_year_shows_its_own() {
    let c = council();
    c.ok(&["user", "set-role", &me(), "performance"]);
    // P1 is dir.env's, WR1 alee's: the performance team may write both.
    c.ok(&[
        "comment",
        "P1",
        "2024/25",
        "--commentary",
        "A greener year so far",
    ]);
    c.ok(&[
        "comment",
        "WR1",
        "2024/25",
        "--commentary",
        "Recycling behind target all year",
    ]);
    assert_eq!(narratives(&c), 2);
    let md = c.ok(&["report", "--period", "2024/25", "--format", "markdown"]);
    assert!(
        md.contains("\n## A greener district\n\n2024/25: A greener year so far\n\n| Indicator |"),
        "{md}"
    );
    assert!(md.contains("| Recycling behind target all year |"), "{md}");
    // A quarter of that year still borrows June's, labelled.
    let md = report(&c, "markdown");
    assert!(
        md.contains("| June: Contamination rejected two loads |"),
        "{md}"
    );
}

#[test]
fn a_viewer_reads_only() {
    let c = council();
    c.ok(&["user", "set-role", &me(), "viewer"]);
    let why = c.refused(&["comment", "WR1", "2024/25 Q1", "--commentary", "x"]);
    assert!(
        why.contains(&format!("refused: {} (viewer) reads only", me())),
        "{why}"
    );
    assert_eq!(narratives(&c), 0);
}
