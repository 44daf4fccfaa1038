//! `pmdb report --format xlsx` and the workbook in `pmdb publish`'s pack, read back with
//! calamine: the sheets, one Indicators row per row of the CSV report with its figures as
//! numbers and its period and status as text, hostile titles kept as text (never a
//! formula), and a signed-off quarter's workbook the same bytes however often it is made.

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::html::attribute_values;
use common::{Council, me};

const DEMO_TODAY: &str = "2026-11-24";
const SIGNED: &str = "2026/27 Q2";

/// The demo council, whose 2026/27 Q2 is signed off (2026-11-11).
fn demo() -> Council {
    let c = Council::empty(DEMO_TODAY);
    c.ok(&["demo"]);
    c
}

/// `report --format xlsx --out FILE` for `period`; the workbook's bytes.
fn workbook(c: &Council, period: &str, name: &str) -> Vec<u8> {
    let path = c.path(name);
    let out = c.ok(&[
        "report",
        "--period",
        period,
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(out.starts_with("wrote "), "{out}");
    std::fs::read(&path).unwrap()
}

/// A sheet's rows as calamine reads them.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The column of a header row with this name.
fn column(header: &[Data], name: &str) -> usize {
    header
        .iter()
        .position(|d| *d == Data::String(name.to_string()))
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn a_years_workbook_has_a_case_studies_sheet_of_the_chosen_ones_only() {
    let c = demo();
    workbook(&c, "2025/26", "year.xlsx");
    let rows = sheet(&c.path("year.xlsx"), "Case studies");
    let text = |d: &Data| d.to_string();
    assert_eq!(
        rows[0].iter().map(text).collect::<Vec<_>>(),
        ["Code", "Title", "Year", "Plan node", "Service", "Story"]
    );
    let told: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (text(&r[0]), text(&r[1]), text(&r[2])))
        .collect();
    assert_eq!(
        told,
        [
            ("CS-01", "Food waste: 45,000 households in six months"),
            ("CS-04", "Pop-up traders bring Market Square back to life"),
        ]
        .map(|(code, title)| (code.to_string(), title.to_string(), "2025/26".to_string()))
    );
    // Each story as the CSV report tells it (CS-05, submitted and not chosen, is in neither).
    let csv = c.ok(&["report", "--period", "2025/26", "--format", "csv"]);
    for r in &rows[1..] {
        assert!(
            text(&r[5]).len() > 80 && csv.contains(&text(&r[5])[..60]),
            "{r:?}"
        );
    }
    assert!(!csv.contains("Volunteers adopt forty streets"));
    // A quarter's workbook has no such sheet.
    workbook(&c, SIGNED, "quarter.xlsx");
    let book: Xlsx<_> = open_workbook(c.path("quarter.xlsx")).unwrap();
    assert!(!book.sheet_names().contains(&"Case studies".to_string()));
}

/// One file inside the workbook (an .xlsx is a zip of XML files).
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_indicators_sheet_has_every_row_of_the_csv_report_with_numbers_as_numbers() {
    let c = demo();
    workbook(&c, SIGNED, "q2.xlsx");
    let path = c.path("q2.xlsx");
    let book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "Indicators",
            "Actions",
            "Projects",
            "Risks",
            "Budgets"
        ]
    );

    let csv = c.ok(&["report", "--period", SIGNED, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    // The indicators' rows: the highlights, actions, projects, risks, opportunities and
    // EIAs are rows of their own kinds (their own sheets in the workbook).
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| !common::NOT_INDICATORS.contains(&&r[0]))
        .collect();
    assert!(records.len() > 20, "the demo reports many indicators");

    let rows = sheet(&path, "Indicators");
    let (header, rows) = rows.split_first().unwrap();
    let [code, period, value, target, ytd, status, intervention] = [
        "Code",
        "Period",
        "Value",
        "Target",
        "Year to date",
        "Status",
        "Intervention",
    ]
    .map(|name| column(header, name));
    assert_eq!(rows.len(), records.len(), "one row per row of the CSV");
    let mut interventions = 0;
    for (row, rec) in rows.iter().zip(&records) {
        assert_eq!(row[code], Data::String(rec[1].to_string()), "{row:?}");
        assert_eq!(row[period], Data::String(SIGNED.to_string()));
        // Each figure is a number cell holding the figure the CSV shows (none: empty).
        for (col, csv_col) in [(value, 4), (target, 5), (ytd, 8)] {
            match rec[csv_col].parse::<f64>() {
                Ok(x) => assert_eq!(row[col], Data::Float(x), "{row:?}"),
                Err(_) => assert_eq!(row[col], Data::Empty, "{row:?}"),
            }
        }
        // The status is a word, as the CSV's code says it.
        let word = match &rec[6] {
            "green" => "Green",
            "amber" => "Amber",
            "red" => "Red",
            "missing" => "Missing",
            _ => "No status",
        };
        assert_eq!(row[status], Data::String(word.to_string()), "{row:?}");
        if matches!(row[intervention], Data::Float(_)) {
            interventions += 1;
        }
    }
    assert!(
        interventions > 0,
        "some indicators have an intervention level"
    );

    // The delivery sheets hold the judged rows, status words and figures as numbers.
    for (name, number) in [
        ("Actions", "Progress %"),
        ("Projects", "Budget"),
        ("Risks", "Score"),
    ] {
        let rows = sheet(&path, name);
        let (header, rows) = rows.split_first().unwrap();
        assert!(!rows.is_empty(), "{name} has rows");
        let (s, n) = (column(header, "Status"), column(header, number));
        for row in rows {
            let Data::String(word) = &row[s] else {
                panic!("{name}: a status word in {row:?}")
            };
            assert!(
                ["Green", "Amber", "Red", "Completed", "Missing", "No status"]
                    .contains(&word.as_str()),
                "{word}"
            );
        }
        assert!(
            rows.iter().any(|r| matches!(r[n], Data::Float(_))),
            "{name}: {number} is a number"
        );
    }

    // The summary names the council, the period and the sign-off's date.
    let summary = sheet(&path, "Summary");
    let texts: Vec<String> = summary
        .iter()
        .flatten()
        .filter_map(|d| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("performance report 2026/27 Q2"))
    );
    assert!(texts.contains(&"Figures as signed off on 2026-11-11.".to_string()));
    assert!(texts.contains(&"Indicators by priority".to_string()));
}

#[test]
fn each_data_sheet_has_a_frozen_header_an_auto_filter_and_status_fills() {
    let c = demo();
    let bytes = workbook(&c, SIGNED, "q2.xlsx");
    // Sheets 2 to 5: Indicators, Actions, Projects, Risks.
    for n in 2..=5 {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
            "sheet {n}: the header row is frozen"
        );
        assert!(
            xml.contains("<autoFilter ref=\"A1:"),
            "sheet {n}: an auto-filter"
        );
    }
    let styles = part(&bytes, "xl/styles.xml");
    for fill in ["FFC6EFCE", "FFFFEB9C", "FFFFC7CE"] {
        assert!(styles.contains(fill), "the status fill {fill}");
    }
    // The creation date is the sign-off's day, not the clock's.
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("2026-11-11T00:00:00Z"), "{core}");
}

#[test]
fn a_hostile_title_reads_back_as_text_never_a_formula() {
    let c = Council::fixture();
    let hostile = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let w = c.writer(&me());
    w.execute(
        "UPDATE indicators SET title = ?1 WHERE code = 'WR1'",
        [hostile],
    )
    .unwrap();
    w.execute(
        "UPDATE \"values\" SET commentary = ?1 WHERE indicator = 'WR1'",
        ["+cmd|' /C calc'!A0"],
    )
    .unwrap();
    drop(w);
    // The quarter shows its own narrative (a borrowed month's would start with its month):
    // the formula-looking words head the cell as they were typed.
    c.ok(&[
        "comment",
        "WR1",
        "2024/25 Q1",
        "--commentary",
        "+cmd|' /C calc'!A0",
    ]);
    workbook(&c, "2024/25 Q1", "r.xlsx");
    let path = c.path("r.xlsx");
    let rows = sheet(&path, "Indicators");
    let (header, rows) = rows.split_first().unwrap();
    let (code, title, commentary) = (
        column(header, "Code"),
        column(header, "Indicator"),
        column(header, "Commentary"),
    );
    let wr1 = rows
        .iter()
        .find(|r| r[code] == Data::String("WR1".into()))
        .expect("WR1's row");
    assert_eq!(wr1[title], Data::String(hostile.to_string()));
    assert_eq!(
        wr1[commentary],
        Data::String("+cmd|' /C calc'!A0".to_string())
    );
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().next().is_none(),
            "{name} holds no formula"
        );
    }
}

#[test]
fn a_signed_off_quarters_workbook_is_the_same_bytes_made_again_and_after_later_changes() {
    let c = demo();
    let first = workbook(&c, SIGNED, "a.xlsx");
    let second = workbook(&c, SIGNED, "b.xlsx");
    assert!(first == second, "two generations differ");

    // Later changes of rule, setting, target, value and update (as report_html.rs makes).
    c.ok(&["config", "set", "rag_rule", "tolerance:1:2"]);
    c.ok(&["config", "set", "risk_bands", "2:6"]);
    c.ok(&[
        "set",
        "HS05",
        "2025/26",
        "150",
        "--commentary",
        "changed later",
        "--action",
        "later",
    ]);
    let w = c.writer(&me());
    w.execute_batch(
        "UPDATE targets SET target = target * 1.5 + 7, intervention = NULL WHERE year = 2026;
         UPDATE \"values\" SET value = value * 0.5
           WHERE period IN ('2026-07', '2026-08', '2026-09', '2026/27 Q2');
         UPDATE action_updates SET commentary = 'changed later', status = 'off_track'
           WHERE period IN ('2026-09', '2026/27 Q2');",
    )
    .unwrap();
    drop(w);
    let after = workbook(&c, SIGNED, "c.xlsx");
    assert!(first == after, "the signed-off workbook changed");
}

#[test]
fn the_workbook_goes_to_standard_output_when_it_is_not_a_terminal() {
    let c = demo();
    let file = workbook(&c, SIGNED, "q2.xlsx");
    let out = c
        .cmd(&["report", "--period", SIGNED, "--format", "xlsx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout == file, "the same bytes as --out");
    let refused = c.refused(&[
        "report",
        "--format",
        "xlsx",
        "--portfolio",
        "nope",
        "--period",
        SIGNED,
    ]);
    assert!(refused.contains("--portfolio"), "{refused}");
    // A known portfolio too: the workbook is the council's whole report.
    let refused = c.refused(&[
        "report",
        "--format",
        "xlsx",
        "--portfolio",
        "ENV",
        "--period",
        SIGNED,
        "--out",
        "x.xlsx",
    ]);
    assert!(
        refused.contains("a part of it is made as html, markdown or csv"),
        "{refused}"
    );
}

#[test]
fn publish_writes_the_workbook_and_the_index_links_it() {
    let c = demo();
    let dir = c.path("pack");
    c.ok(&[
        "publish",
        "--period",
        SIGNED,
        "--out",
        dir.to_str().unwrap(),
    ]);
    let published = std::fs::read(dir.join("report.xlsx")).unwrap();
    assert!(
        published == workbook(&c, SIGNED, "q2.xlsx"),
        "the same workbook"
    );
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(attribute_values(&index, "href").contains(&"report.xlsx".to_string()));
}

/// WR1's (commentary, remedial action) cells in the quarter's workbook.
fn wr1_texts(c: &Council, name: &str) -> (Data, Data) {
    workbook(c, "2024/25 Q1", name);
    let rows = sheet(&c.path(name), "Indicators");
    let (header, rows) = rows.split_first().unwrap();
    let (code, commentary, action) = (
        column(header, "Code"),
        column(header, "Commentary"),
        column(header, "Remedial action"),
    );
    let wr1 = rows
        .iter()
        .find(|r| r[code] == Data::String("WR1".into()))
        .expect("WR1's row");
    (wr1[commentary].clone(), wr1[action].clone())
}

#[test]
fn a_quarters_workbook_labels_a_borrowed_months_commentary_or_shows_the_narrative() {
    let c = Council::fixture();
    assert_eq!(
        wr1_texts(&c, "borrowed.xlsx"),
        (
            Data::String("June: Contamination rejected two loads".into()),
            Data::String("June: Crew campaign on contamination".into())
        )
    );
    c.ok(&[
        "comment",
        "WR1",
        "2024/25 Q1",
        "--commentary",
        "Dry spell, then contamination",
        "--action",
        "Crew campaign continues",
    ]);
    assert_eq!(
        wr1_texts(&c, "narrative.xlsx"),
        (
            Data::String("Dry spell, then contamination".into()),
            Data::String("Crew campaign continues".into())
        )
    );
}
