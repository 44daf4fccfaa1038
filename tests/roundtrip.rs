//! Import and export: an import is all or nothing and its refusals name the file, the row
//! (as a spreadsheet numbers it, the header being row 1), the column and the problem;
//! export then import into a fresh database is lossless.

mod common;

use common::{Council, text};

const KINDS: [&str; 4] = ["plan", "indicators", "targets", "values"];

/// Imports a file that must be refused; checks that nothing changed and returns the message.
fn refused_import(c: &Council, kind: &str, name: &str, contents: &[u8]) -> String {
    let before = c.snapshot();
    let path = c.file(name, contents);
    let err = c.refused(&["import", kind, &path]);
    assert!(
        err.starts_with(&format!("pmdb: {path}: ")),
        "the message does not name the file {path}: {err}"
    );
    assert_eq!(
        c.snapshot(),
        before,
        "a refused {kind} import changed the database"
    );
    err.trim()
        .trim_start_matches(&format!("pmdb: {path}: "))
        .to_string()
}

#[test]
fn a_bad_row_rejects_the_whole_file_and_names_row_and_column() {
    let c = Council::fixture();
    // Rows 2 and 3 are good and would be saved by a row-at-a-time import; row 4 is not.
    let csv = "code,period,value\nRW1,2024-07,40\nPL2,2024-05,120\nPL2,2024-06,lots\n";
    assert_eq!(
        refused_import(&c, "values", "values.csv", csv.as_bytes()),
        "row 4, column value: 'lots' is not a number: write a number like 1234.5, -3 or 1,234.5 (no %, £, units or other text)"
    );
    assert!(
        !c.values_csv().contains("RW1,2024-07"),
        "the good rows before the bad one were saved"
    );
}

#[test]
fn a_row_refused_by_the_database_also_rejects_the_whole_file() {
    let c = Council::fixture();
    // Row 3 names an indicator that does not exist: only the store can tell.
    let csv = "code,period,value\nRW1,2024-07,40\nXX9,2024-07,1\n";
    assert_eq!(
        refused_import(&c, "values", "values.csv", csv.as_bytes()),
        "row 3, column code: no indicator 'XX9'"
    );
    let csv = "code,period,value\nRW1,2024-07,40\nRW1,2024-09,41\n";
    assert_eq!(
        refused_import(&c, "values", "values.csv", csv.as_bytes()),
        "row 3, column value: 2024-09 ends on 30 September 2024: its figure is recorded once it has ended"
    );
    let csv = "code,period,value\nPL2,2024-07,4\nPL1,2024-07,40\n";
    assert_eq!(
        refused_import(&c, "values", "values.csv", csv.as_bytes()),
        "row 3, column value: PL1 is reported quarterly: give a quarter like 2024/25 Q4, not 2024-07"
    );
}

#[test]
fn a_malformed_period_in_a_file_shows_the_accepted_forms() {
    let c = Council::fixture();
    let csv = "code,period,value\nRW1,2024-07,40\nRW1,July 2024,41\n";
    assert_eq!(
        refused_import(&c, "values", "values.csv", csv.as_bytes()),
        "row 3, column period: 'July 2024' is not a period: write a month like 2025-02, a quarter like 2024/25 Q4 (or 2024/25-Q4), or a financial year like 2024/25"
    );
}

#[test]
fn unknown_missing_and_repeated_columns_are_refused() {
    let c = Council::fixture();
    assert_eq!(
        refused_import(
            &c,
            "values",
            "v.csv",
            b"code,period,value,colour\nRW1,2024-07,40,blue\n"
        ),
        "row 1: unknown column 'colour' for values (the columns are code, period, value, numerator, denominator, quality, commentary, action)"
    );
    assert_eq!(
        refused_import(&c, "values", "v.csv", b"code,value\nRW1,40\n"),
        "row 1: the required column 'period' is missing"
    );
    assert_eq!(
        refused_import(
            &c,
            "values",
            "v.csv",
            b"code,period,value,code\nRW1,2024-07,40,RW1\n"
        ),
        "row 1: the column 'code' appears twice"
    );
    assert_eq!(
        refused_import(
            &c,
            "targets",
            "t.csv",
            b"code,year,target,owner\nRW1,2024/25,480,x\n"
        ),
        "row 1: unknown column 'owner' for targets (the columns are code, year, period, target, intervention)"
    );
    assert_eq!(
        refused_import(
            &c,
            "indicators",
            "i.csv",
            b"code,title,kind,polarity,frequency\nX1,T,local,higher,monthly\n"
        ),
        "row 1: the required column 'aggregation' is missing"
    );
    assert_eq!(
        refused_import(&c, "plan", "p.csv", b"code,kind,title\nX1,priority,T\n"),
        "row 1: the required column 'from_year' is missing"
    );
}

#[test]
fn a_duplicate_row_is_refused_naming_both_rows() {
    let c = Council::fixture();
    assert_eq!(
        refused_import(
            &c,
            "values",
            "v.csv",
            b"code,period,value\nRW1,2024-07,40\nPL2,2024-07,3\nRW1,2024-07,41\n"
        ),
        "row 4: duplicate of row 2 (code RW1, period 2024-07)"
    );
    assert_eq!(
        refused_import(
            &c,
            "targets",
            "t.csv",
            b"code,year,period,target\nRW1,2024/25,,480\nRW1,2024/25,,470\n"
        ),
        "row 3: duplicate of row 2 (code RW1, year 2024/25, period annual)"
    );
    assert_eq!(
        refused_import(
            &c,
            "plan",
            "p.csv",
            b"code,kind,title,from_year\nX1,priority,A,2024/25\nX1,priority,B,2024/25\n"
        ),
        "row 3: duplicate of row 2 (code X1)"
    );
}

#[test]
fn a_file_that_is_not_csv_is_refused() {
    let c = Council::fixture();
    // Bytes as a binary file has them: a PNG signature and bytes that are not UTF-8.
    let mut binary: Vec<u8> = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut x: u32 = 2_463_534_242;
    for _ in 0..512 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        binary.push((x >> 24) as u8 | 0x80);
    }
    for kind in KINDS {
        assert_eq!(
            refused_import(&c, kind, "picture.png", &binary),
            "not CSV text (neither UTF-8, UTF-16 nor Windows-1252); is this the right file?",
            "{kind}"
        );
    }
    assert!(
        refused_import(&c, "values", "empty.csv", b"")
            .starts_with("the file is empty: expected a header row"),
        "an empty file"
    );
    assert_eq!(
        refused_import(
            &c,
            "values",
            "ragged.csv",
            b"code,period,value\nRW1,2024-07,40,5\n"
        ),
        "row 2: 4 fields where the header has 3"
    );
}

#[test]
fn bad_cells_in_each_kind_name_row_column_and_problem() {
    let c = Council::fixture();
    let cases: [(&str, &str, &str); 8] = [
        (
            "plan",
            "code,kind,parent,title,from_year\nX1,priority,V,Fine,2024/25\nX2,galaxy,V,Far,2024/25\n",
            "row 3, column kind: 'galaxy' is not a plan node kind: use vision, priority, outcome, activity, service_plan, team_plan or objective",
        ),
        (
            "plan",
            "code,kind,parent,title,from_year\nX1,priority,NOPE,Orphan,2024/25\n",
            "row 2, column parent: no plan node 'NOPE' in the file or the database",
        ),
        (
            "plan",
            "code,kind,parent,title,from_year,to_year\nX1,priority,V,Back,2025/26,2024/25\n",
            "row 2, column to_year: 2024/25 is before from_year 2025/26",
        ),
        (
            "indicators",
            "code,title,kind,polarity,frequency,aggregation,decimals\nQ1,T,local,higher,monthly,sum,9\n",
            "row 2, column decimals: '9' is not a number of decimal places from 0 to 6",
        ),
        (
            "indicators",
            "code,title,kind,polarity,frequency,aggregation,plan\nQ1,T,local,higher,monthly,sum,NOPE\n",
            "row 2, column plan: no plan node 'NOPE' (import the plan first)",
        ),
        (
            "targets",
            "code,year,period,target,intervention\nRW1,2024/25,,480,\nWR1,2025,,50,45\n",
            "row 3, column year: '2025' is not a financial year: write it like 2024/25",
        ),
        (
            "targets",
            "code,year,period,target\nZZ9,2024/25,,5\n",
            "row 2, column code: no indicator 'ZZ9'",
        ),
        (
            "values",
            "code,period,value,quality\nRW1,2024-07,40,final\nRW1,2024-06,40,guessed\n",
            "row 3, column quality: 'guessed' is not a data quality: use provisional, estimated or final",
        ),
    ];
    for (kind, csv, message) in cases {
        assert_eq!(
            refused_import(&c, kind, &format!("{kind}.csv"), csv.as_bytes()),
            message,
            "{kind}: {csv}"
        );
    }
}

#[test]
fn quoted_commas_and_line_breaks_do_not_shift_the_row_number() {
    let c = Council::fixture();
    // Row 2's commentary spans two lines; a spreadsheet still shows it as row 2.
    let csv = "code,period,value,commentary\nRW1,2024-07,40,\"wet, then\ndry\"\nRW1,2024-13,41,\n";
    assert!(
        refused_import(&c, "values", "v.csv", csv.as_bytes())
            .starts_with("row 3, column period: '2024-13'")
    );
}

#[test]
fn an_import_of_an_unknown_kind_or_a_missing_file_is_refused() {
    let c = Council::fixture();
    let before = c.snapshot();
    let path = c.file("v.csv", "code,period,value\nRW1,2024-07,40\n");
    let err = c.refused(&["import", "widgets", &path]);
    assert!(err.starts_with("pmdb: 'widgets' is not a"), "{err}");
    assert!(
        err.trim()
            .ends_with("import/export kind: use plan, indicators, targets, values, commentary, users, services, portfolios, boards, board_members, meetings, enterers, actions, action_updates, projects, project_updates, milestones, risks, risk_reviews, eias, case_studies, budgets or benchmarks"),
        "{err}"
    );
    let missing = c.path("nowhere.csv");
    let err = c.refused(&["import", "values", missing.to_str().unwrap()]);
    assert!(
        err.starts_with(&format!("pmdb: cannot read {}", missing.display())),
        "{err}"
    );
    assert_eq!(c.snapshot(), before);
}

#[test]
fn an_import_reports_what_it_added_and_updated() {
    let c = Council::fixture();
    let path = c.file(
        "v.csv",
        "code,period,value\nRW1,2024-07,40\nRW1,2024-06,39\n",
    );
    assert_eq!(
        c.ok(&["import", "values", &path]).trim(),
        format!("imported values from {path}: 1 added, 1 changed, 0 unchanged")
    );
    let june = c.period("RW1", "2024-06");
    assert_eq!(
        (june["value"].as_f64(), june["version"].as_i64()),
        (Some(39.0), Some(2))
    );
}

/// Every kind exported from `from`, in import order.
fn export_all(c: &Council) -> Vec<String> {
    KINDS.iter().map(|k| c.ok(&["export", k])).collect()
}

/// Exports every kind from `source`, imports them in order into a fresh database and
/// checks the second database exports the same bytes.
fn round_trip(source: &Council) -> Council {
    let first = export_all(source);
    let copy = Council::init(&source.today);
    // People first (there is no users file yet): owners must be users.
    let me = common::me();
    for u in source.json(&["user", "list"])["users"].as_array().unwrap() {
        let login = text(&u["login"]);
        if login != me {
            copy.ok(&[
                "user",
                "add",
                &login,
                "--role",
                &text(&u["role"]),
                "--name",
                &text(&u["name"]),
            ]);
        }
    }
    for (kind, csv) in KINDS.iter().zip(&first) {
        let path = copy.file(&format!("{kind}.csv"), csv);
        copy.ok(&["import", kind, &path]);
    }
    let second = export_all(&copy);
    for ((kind, a), b) in KINDS.iter().zip(&first).zip(&second) {
        assert_eq!(a, b, "{kind} differs after export → import → export");
    }
    copy
}

#[test]
fn export_then_import_into_a_fresh_database_is_lossless() {
    let c = Council::fixture();
    let copy = round_trip(&c);
    // The exported fixture is the fixture, give or take the value column of ratios.
    assert_eq!(
        c.ok(&["export", "plan"]),
        std::fs::read_to_string(common::fixture("plan.csv")).unwrap()
    );
    assert_eq!(
        c.ok(&["export", "indicators"]),
        std::fs::read_to_string(common::fixture("indicators.csv")).unwrap()
    );
    assert_eq!(
        c.ok(&["export", "targets"]),
        std::fs::read_to_string(common::fixture("targets.csv")).unwrap()
    );
    // What people read is the same in both.
    for code in ["WR1", "RW1", "PL1", "PL2"] {
        assert_eq!(
            copy.json(&["show", code]),
            c.json(&["show", code]),
            "show {code}"
        );
    }
    assert_eq!(
        copy.json(&["rollup", "--period", "2024/25 Q1"]),
        c.json(&["rollup", "--period", "2024/25 Q1"])
    );
}

#[test]
fn export_then_import_keeps_awkward_text_numbers_and_profiled_targets() {
    let c = Council::fixture();
    c.ok(&[
        "set",
        "WR1",
        "2024-07",
        "-",
        "--numerator",
        "1",
        "--denominator",
        "3",
        "--commentary",
        "Said \"no\", then, well…\nsecond line; naïve café",
        "--action",
        "Act, now",
        "--quality",
        "estimated",
    ]);
    c.ok(&["set", "RW1", "2024-07", "40.15"]);
    c.ok(&["set", "PL2", "2024-05", "0.1"]);
    c.ok(&["set", "PL2", "2024-06", "3.25e2"]);
    let targets = c.file(
        "t.csv",
        "code,year,period,target,intervention\nRW1,2024/25,2024-08,33.3,\nPL1,2024/25,2024/25 Q2,65,55\nWR1,2025/26,,52.5,47.25\n",
    );
    c.ok(&["import", "targets", &targets]);
    let plan = c.file(
        "p.csv",
        "code,kind,parent,title,owner,portfolio,service,from_year,to_year\nT1,team_plan,SP1,\"Crews, north \"\"A\"\"\",alee,,,2023/24,2025/26\n",
    );
    c.ok(&["import", "plan", &plan]);
    let indicators = c.file(
        "i.csv",
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan,rag_rule\nCX1,\"Crime, per 1,000\",contextual,rate,3,lower,annual,mean,,T1;SP2,intervention\n",
    );
    c.ok(&["import", "indicators", &indicators]);
    c.ok(&["set", "CX1", "2023/24", "12.345"]);

    let values = c.values_csv();
    assert!(values.contains("WR1,2024-07,33.33333333333333,1,3,estimated,\"Said \"\"no\"\", then, well…\nsecond line; naïve café\",\"Act, now\""), "{values}");
    assert!(values.contains("PL2,2024-06,325,,,final,,"), "{values}");
    let copy = round_trip(&c);
    let july = copy.period("WR1", "2024-07");
    assert_eq!(
        july["commentary"],
        "Said \"no\", then, well…\nsecond line; naïve café"
    );
    assert_eq!(july["value"], 33.3);
    assert_eq!(copy.json(&["show", "CX1"]), c.json(&["show", "CX1"]));
}
