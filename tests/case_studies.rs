//! Case studies are submitted and chosen: any officer adds one, the performance team marks
//! those the annual report tells, and the annual report tells only those.

mod common;

use common::{Council, me, text};

/// The fixture council with `alee` as a second admin, so this login can be made an officer.
fn council() -> Council {
    let c = Council::fixture();
    c.ok(&["user", "set-role", "alee", "admin"]);
    c
}

/// `case-studies add CODE --title T --plan NODE --year Y --story …`.
fn add(code: &str, title: &str, plan: &str, year: &str) -> Vec<String> {
    vec![
        "case-studies".into(),
        "add".into(),
        code.into(),
        "--title".into(),
        title.into(),
        "--plan".into(),
        plan.into(),
        "--year".into(),
        year.into(),
        "--story".into(),
        format!("What {title} did."),
    ]
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// (code, year, selected) of every case study, from `case-studies --json`.
fn listed(c: &Council, year: Option<&str>) -> Vec<(String, String, bool)> {
    let mut a = vec!["case-studies"];
    if let Some(y) = year {
        a.extend(["--year", y]);
    }
    let v = c.json(&a);
    v["case_studies"]
        .as_array()
        .expect("case_studies is an array")
        .iter()
        .map(|s| {
            (
                text(&s["code"]),
                text(&s["year"]),
                s["selected"].as_bool().expect("selected is true or false"),
            )
        })
        .collect()
}

fn annual(c: &Council) -> String {
    c.ok(&["report", "--period", "2024/25", "--format", "html"])
}

#[test]
fn an_officer_submits_the_performance_team_chooses_the_annual_report_tells_the_chosen() {
    let c = council();
    // The admin submits one and chooses it.
    let out = c.ok(&args(&add("CS-1", "Repair café", "P1", "2024/25")));
    assert_eq!(
        out.trim(),
        "CS-1 submitted: Repair café (2024/25, not in the annual report until chosen)"
    );
    assert_eq!(
        c.ok(&["case-studies", "select", "CS-1"]).trim(),
        "CS-1 chosen: Repair café (2024/25, told in the annual report)"
    );
    // An officer submits another; it waits, not chosen.
    c.ok(&["user", "set-role", &me(), "officer"]);
    let v = c.json(&args(&add("CS-2", "Swap shop", "P2", "2024/25")));
    assert_eq!(v["case_study"]["code"], "CS-2");
    assert_eq!(v["case_study"]["plan"], "P2");
    assert_eq!(v["case_study"]["year"], "2024/25");
    assert_eq!(v["case_study"]["selected"], false);
    assert_eq!(v["case_study"]["story"], "What Swap shop did.");
    c.ok(&args(&add("CS-3", "Next year", "P1", "2025/26")));
    assert_eq!(
        listed(&c, None),
        [
            ("CS-1".into(), "2024/25".into(), true),
            ("CS-2".into(), "2024/25".into(), false),
            ("CS-3".into(), "2025/26".into(), false),
        ]
    );
    assert_eq!(
        listed(&c, Some("2025/26")),
        [("CS-3".into(), "2025/26".into(), false)]
    );
    let table = c.ok(&["case-studies", "--year", "2024/25"]);
    assert!(
        table.contains("CS-2  2024/25  no        P2    Swap shop"),
        "{table}"
    );
    assert!(
        table.contains("2 case studies, 1 chosen for the annual report"),
        "{table}"
    );
    // The annual report tells the chosen one only.
    let page = annual(&c);
    assert!(page.contains("<h3>Repair café</h3>"), "the chosen one");
    assert!(!page.contains("Swap shop"), "the unchosen one");
    // The officer may not choose: refused, naming the rule, nothing written.
    let audit = c.count("SELECT count(*) FROM audit_log");
    let err = c.refused(&["case-studies", "select", "CS-2"]);
    assert!(
        err.contains(&format!(
            "refused: only admin and performance users may choose the case studies the annual report tells; {} (officer) may not",
            me()
        )),
        "{err}"
    );
    let err = c.refused(&["case-studies", "select", "CS-1", "--unselect"]);
    assert!(err.contains("may choose the case studies"), "{err}");
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    assert_eq!(
        c.count("SELECT count(*) FROM case_studies WHERE selected = 1"),
        1
    );
}

#[test]
fn unchoosing_takes_a_case_study_out_of_the_annual_report_and_is_audited() {
    let c = council();
    c.ok(&args(&add("CS-1", "Repair café", "P1", "2024/25")));
    c.ok(&["case-studies", "select", "CS-1"]);
    // Choosing one already chosen writes nothing.
    let audit = c.count("SELECT count(*) FROM audit_log");
    c.ok(&["case-studies", "select", "CS-1"]);
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    assert_eq!(
        c.ok(&["case-studies", "select", "CS-1", "--unselect"])
            .trim(),
        "CS-1 not chosen: Repair café (2024/25, not in the annual report until chosen)"
    );
    assert_eq!(
        c.count(
            "SELECT count(*) FROM audit_log WHERE tbl = 'case_studies' AND op = 'update'
               AND json_extract(old, '$.selected') = 1 AND json_extract(new, '$.selected') = 0"
        ),
        1
    );
    assert!(!annual(&c).contains("Repair café"));
}

#[test]
fn bad_case_studies_are_refused_naming_why_and_nothing_is_written() {
    let c = council();
    c.ok(&args(&add("CS-1", "Repair café", "P1", "2024/25")));
    let before = (
        c.ok(&["export", "case_studies"]),
        c.count("SELECT count(*) FROM audit_log"),
    );
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            add("CS-2", "Lost", "NOPE", "2024/25"),
            "no plan node 'NOPE': `pmdb export plan` lists them".into(),
        ),
        (
            add("CS-2", "Lost", "P1", "2024"),
            "--year: '2024' is not a financial year: write it like 2025/26".into(),
        ),
        (
            add("CS-2", "Lost", "P1", "2024/26"),
            "--year: '2024/26' is not a financial year: write it like 2025/26".into(),
        ),
        (
            add("CS-1", "Again", "P1", "2024/25"),
            "case study CS-1 already exists (Repair café): choose another code".into(),
        ),
        (
            add("CS-2", " ", "P1", "2024/25"),
            "the case study's title is empty".into(),
        ),
        (
            add("CS 2", "Spaced", "P1", "2024/25"),
            "the case study's code holds a space: use only letters, digits and . - _ /".into(),
        ),
        (
            [
                add("CS-2", "Lost", "P1", "2024/25"),
                vec!["--service".into(), "NOPE".into()],
            ]
            .concat(),
            "no service 'NOPE'".into(),
        ),
        (
            vec!["case-studies".into(), "select".into(), "CS-9".into()],
            "no case study 'CS-9': `pmdb case-studies` lists them".into(),
        ),
        (
            vec!["case-studies".into(), "--year".into(), "last".into()],
            "--year: 'last' is not a financial year: write it like 2025/26".into(),
        ),
    ];
    for (a, why) in cases {
        let err = c.refused(&args(&a));
        assert!(err.contains(&why), "{a:?}: {err}");
    }
    assert_eq!(
        (
            c.ok(&["export", "case_studies"]),
            c.count("SELECT count(*) FROM audit_log"),
        ),
        before
    );
    // A councillor reads only.
    c.ok(&["user", "set-role", &me(), "viewer"]);
    let audit = c.count("SELECT count(*) FROM audit_log");
    let err = c.refused(&args(&add("CS-2", "Mine", "P1", "2024/25")));
    assert!(
        err.contains(&format!("refused: {} (viewer) reads only", me())),
        "{err}"
    );
    assert_eq!(c.count("SELECT count(*) FROM audit_log"), audit);
    assert_eq!(c.ok(&["export", "case_studies"]), before.0);
}

#[test]
fn the_csv_kind_carries_selected_and_an_officer_may_only_submit_new_unchosen_ones() {
    let c = council();
    let file = c.file(
        "cs.csv",
        "code,title,plan,year,story,selected\nCS-1,Repair café,P1,2024/25,Toasters.,yes\nCS-2,Swap shop,P2,2024/25,Coats.,no\nCS-3,Blank,P2,2024/25,Hats.,\n",
    );
    c.ok(&["import", "case_studies", &file]);
    let exported = c.ok(&["export", "case_studies"]);
    assert_eq!(
        exported,
        "code,title,plan,service,year,story,selected\nCS-1,Repair café,P1,,2024/25,Toasters.,yes\nCS-2,Swap shop,P2,,2024/25,Coats.,no\nCS-3,Blank,P2,,2024/25,Hats.,no\n"
    );
    // A file without the column leaves each stored choice as it is.
    let titles = c.file("titles.csv", "code,title,year\nCS-1,Repair café!,2024/25\n");
    c.ok(&["import", "case_studies", &titles]);
    assert_eq!(listed(&c, None)[0], ("CS-1".into(), "2024/25".into(), true));
    // Not yes or no: refused naming the row and column, nothing written.
    let before = c.ok(&["export", "case_studies"]);
    let bad = c.file(
        "bad.csv",
        "code,title,year,selected\nCS-4,Four,2024/25,no\nCS-5,Five,2024/25,maybe\n",
    );
    let err = c.refused(&["import", "case_studies", &bad]);
    assert!(
        err.contains("row 3, column selected: 'maybe' is not yes or no"),
        "{err}"
    );
    assert_eq!(c.ok(&["export", "case_studies"]), before);
    // An officer submits new ones, not chosen; choosing, or changing one held, is refused.
    c.ok(&["user", "set-role", &me(), "officer"]);
    let chosen = c.file(
        "chosen.csv",
        "code,title,year,selected\nCS-4,Four,2024/25,no\nCS-5,Five,2024/25,yes\n",
    );
    let err = c.refused(&["import", "case_studies", &chosen]);
    assert!(
        err.contains(&format!(
            "row 3, column selected: refused: only admin and performance users may choose the case studies the annual report tells; {} (officer) may submit CS-5 with selected no",
            me()
        )),
        "{err}"
    );
    let changed = c.file(
        "changed.csv",
        "code,title,year\nCS-2,Swap shop (new),2024/25\n",
    );
    let err = c.refused(&["import", "case_studies", &changed]);
    assert!(
        err.contains(&format!(
            "row 2, column code: refused: {} (officer) may submit new case studies only; CS-2 is held already, and only admin and performance users may change it",
            me()
        )),
        "{err}"
    );
    assert_eq!(c.ok(&["export", "case_studies"]), before);
    // The whole export back unchanged is fine, and a new unchosen row is added.
    let again = c.file(
        "again.csv",
        format!("{before}CS-4,Four,P1,,2024/25,Gloves.,no\n"),
    );
    assert_eq!(
        c.ok(&["import", "case_studies", &again]).trim(),
        format!("imported case_studies from {again}: 1 added, 0 changed, 3 unchanged")
    );
}

#[test]
fn the_demo_has_chosen_and_unchosen_case_studies() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    let row = |code: &str, year: &str, chosen: bool| (code.to_string(), year.to_string(), chosen);
    assert_eq!(
        listed(&c, None),
        [
            row("CS-03", "2024/25", true),
            row("CS-01", "2025/26", true),
            row("CS-04", "2025/26", true),
            row("CS-05", "2025/26", false),
            row("CS-02", "2026/27", false),
        ]
    );
}
