//! CSV files as spreadsheets write them, through the real binary (SPEC.md: "Every error at
//! once", "Files as spreadsheets write them", "Spreadsheet-safe CSV"): every bad row listed
//! at once, a quote never closed named by its row, UTF-16 and Windows-1252 files read and
//! said so, UK thousands separators, the formula prefix on export and its removal on
//! import; and arbitrary bytes never make the reader panic.

mod common;

use common::Council;
use proptest::prelude::*;

/// Imports a file that must be refused; checks that nothing changed and returns the
/// message after `pmdb: FILE: `.
fn refused_import(c: &Council, kind: &str, contents: &[u8]) -> String {
    let before = c.snapshot();
    let path = c.file(&format!("{kind}.csv"), contents);
    let err = c.refused(&["import", kind, &path]);
    assert_eq!(
        c.snapshot(),
        before,
        "a refused {kind} import changed the database"
    );
    err.trim()
        .strip_prefix(&format!("pmdb: {path}: "))
        .unwrap_or_else(|| panic!("the message does not name the file: {err}"))
        .to_string()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    out
}

#[test]
fn a_quote_never_closed_names_the_row_where_it_opened() {
    let c = Council::fixture();
    let csv = "code,period,value,commentary\nRW1,2024-07,40,fine\nRW1,2024-06,41,\"none\nPL2,2024-05,3,\nPL2,2024-06,4,\n";
    assert_eq!(
        refused_import(&c, "values", csv.as_bytes()),
        "row 3: a quoted cell opens here and is never closed (a \" is missing), so the rest of the file would be inside it"
    );
}

#[test]
fn five_bad_rows_give_five_messages_and_nothing_is_written() {
    let c = Council::fixture();
    let csv = "code,period,value\nRW1,2024-07,40\nRW1,2024-13,41\nPL2,2024-05,lots\nRW1,2024-06,12 pct\nPL2,2024-06,£5\nWR1,2024-07,\nRW1,2024-05,39\n";
    let err = refused_import(&c, "values", csv.as_bytes());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert_eq!(lines[0], "5 problems; nothing was imported:");
    let starts = [
        "row 3, column period: '2024-13' is not a period",
        "row 4, column value: 'lots' is not a number: write",
        "row 5, column value: '12 pct' is not a number: write",
        "row 6, column value: '£5' is not a number: write",
        "row 7, column value: is empty: give a value, or a numerator and denominator",
    ];
    for (line, start) in lines[1..].iter().zip(starts) {
        assert!(line.starts_with(start), "{line:?} should start {start:?}");
    }
}

#[test]
fn more_than_fifty_bad_rows_are_listed_to_fifty_then_counted() {
    let c = Council::fixture();
    let mut csv = String::from("code,period,value\n");
    for n in 0..70 {
        csv.push_str(&format!("RW1,2024-07,bad{n}\n"));
    }
    let err = refused_import(&c, "values", csv.as_bytes());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "70 problems; nothing was imported:");
    assert!(
        lines[50].starts_with("row 51, column value: 'bad49'"),
        "{}",
        lines[50]
    );
    assert_eq!(lines[51], "and 20 more");
    assert_eq!(lines.len(), 52);
}

#[test]
fn a_ten_megabyte_cell_gives_a_short_message_without_raw_control_bytes() {
    let c = Council::fixture();
    let before = c.snapshot();
    let cell = format!("\u{1b}]0;owned\u{7}\0{}", "7".repeat(10 * 1024 * 1024));
    for csv in [
        format!("code,period,value\nRW1,2024-07,{cell}\n"),
        format!("code,period,value\n{cell},2024-07,1\n"),
        format!("code,period,value,{cell}\nRW1,2024-07,1,\n"),
    ] {
        let path = c.file("huge.csv", &csv);
        let out = c.cmd(&["import", "values", &path]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stderr.len() < 600, "{} bytes", out.stderr.len());
        assert!(
            !out.stderr.iter().any(|b| *b == 0x1b || *b == 0 || *b == 7),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}]0;owned\\u{7}\\0777"));
    }
    assert_eq!(c.snapshot(), before);
}

#[test]
fn headers_match_whatever_their_case_and_surrounding_spaces() {
    let c = Council::fixture();
    let path = c.file("v.csv", "Code, PERIOD ,Value\nRW1,2024-07,40\n");
    assert_eq!(
        c.ok(&["import", "values", &path]).trim(),
        format!("imported values from {path}: 1 added, 0 changed, 0 unchanged")
    );
}

#[test]
fn a_utf16_file_with_a_byte_order_mark_is_read_and_said_so() {
    let c = Council::fixture();
    let path = c.file(
        "v.csv",
        utf16le_with_bom("code,period,value,commentary\r\nRW1,2024-07,40,£5 a tonne café\r\n"),
    );
    assert_eq!(
        c.ok(&["import", "values", &path]).trim(),
        format!("imported values from {path}: 1 added, 0 changed, 0 unchanged (read as UTF-16LE)")
    );
    assert_eq!(c.period("RW1", "2024-07")["commentary"], "£5 a tonne café");
}

#[test]
fn a_windows_1252_file_is_read_with_its_pound_signs_and_said_so() {
    let c = Council::fixture();
    // As Excel's "CSV (Comma delimited)" writes it on a UK machine: £ is the byte A3.
    let path = c.file(
        "v.csv",
        b"code,period,value,commentary\r\nRW1,2024-07,40,Cost \xA35 a tonne\r\n".as_slice(),
    );
    assert_eq!(
        c.ok(&["import", "values", &path]).trim(),
        format!(
            "imported values from {path}: 1 added, 0 changed, 0 unchanged (read as Windows-1252)"
        )
    );
    assert_eq!(c.period("RW1", "2024-07")["commentary"], "Cost £5 a tonne");
    let json = c.json(&["import", "values", &path]);
    assert_eq!(json["encoding"], "Windows-1252");
}

#[test]
fn numbers_may_carry_thousands_separators_and_nothing_else() {
    let c = Council::fixture();
    let path = c.file("v.csv", "code,period,value\nRW1,2024-07,\"1,234.5\"\n");
    c.ok(&["import", "values", &path]);
    assert!(
        c.values_csv().contains("RW1,2024-07,1234.5,"),
        "{}",
        c.values_csv()
    );
    assert_eq!(
        refused_import(&c, "values", b"code,period,value\nRW1,2024-06,12 pct\n"),
        "row 2, column value: '12 pct' is not a number: write a number like 1234.5, -3 or 1,234.5 (no %, \u{a3}, units or other text)"
    );
    // A `%` sign is read as a spreadsheet writes a percentage, and refused for a measure in
    // kg by its unit (tests/spreadsheet_habits.rs).
    assert_eq!(
        refused_import(&c, "values", b"code,period,value\nRW1,2024-06,12%\n"),
        "row 2, column value: a % sign is only for a measure in %; this one is in 'kg': write the number alone"
    );
}

#[test]
fn export_prefixes_formula_text_and_import_gives_it_back_exactly() {
    let c = Council::fixture();
    let title = "=HYPERLINK(\"x\")";
    let path = c.file(
        "i.csv",
        "code,title,kind,polarity,frequency,aggregation,plan,min\nHX1,\"=HYPERLINK(\"\"x\"\")\",local,higher,monthly,sum,SP1,none\n",
    );
    c.ok(&["import", "indicators", &path]);
    c.ok(&[
        "set",
        "HX1",
        "2024-05",
        "-5",
        "--commentary=-2 on last month",
    ]);
    let indicators = c.ok(&["export", "indicators"]);
    assert!(
        indicators.contains("HX1,\"'=HYPERLINK(\"\"x\"\")\",local"),
        "{indicators}"
    );
    let values = c.values_csv();
    assert!(
        values.contains("HX1,2024-05,-5,,,final,'-2 on last month,"),
        "a negative value is never prefixed, a text starting - is: {values}"
    );
    let report = c.ok(&["report", "--period", "2024/25 Q1", "--format", "csv"]);
    let line = report.lines().find(|l| l.contains("HX1")).unwrap();
    assert!(line.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{line}");
    assert!(
        line.contains(",-5,"),
        "a negative figure is never prefixed: {line}"
    );

    // Into a fresh database: the title and commentary come back exactly.
    let copy = Council::with_fixture_people(&c.today);
    for kind in ["plan", "indicators", "targets", "values"] {
        let csv = c.ok(&["export", kind]);
        let path = copy.file(&format!("{kind}.csv"), csv);
        copy.ok(&["import", kind, &path]);
    }
    assert_eq!(copy.json(&["show", "HX1"])["title"], title);
    assert_eq!(
        copy.period("HX1", "2024-05")["commentary"],
        "-2 on last month"
    );
    assert_eq!(copy.ok(&["export", "indicators"]), indicators);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Arbitrary bytes, and arbitrary text made of CSV's own characters, never panic the
    /// reader of any kind; a file under its kind's full header is always read into a table;
    /// every refusal is a message with no raw control character but its line breaks; and
    /// rows read are numbered from 2 (the header is row 1) in file order.
    #[test]
    fn arbitrary_bytes_never_panic_the_reader(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        text in "[\",\r\n'=a-z0-9/ .;:-]{0,200}",
        kind in 0..4usize,
    ) {
        use pmdb::csvio::{self, CsvError, Kind, TextEncoding};
        let kinds = [Kind::Plan, Kind::Indicators, Kind::Targets, Kind::Values];
        let header = csvio::columns_of(kinds[kind])
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(",");
        let refusal_is_clean = |what: &str, e: &CsvError| {
            prop_assert!(!e.0.trim().is_empty(), "{} refused without a message", what);
            prop_assert!(
                !e.0.chars().any(|c| c.is_control() && c != '\n'),
                "{} refused with a raw control character: {:?}", what, e.0
            );
            Ok(())
        };
        let rows_in_order = |what: &str, rows: Vec<usize>| {
            prop_assert!(
                rows.first().is_none_or(|r| *r >= 2) && rows.windows(2).all(|w| w[0] < w[1]),
                "{} numbered its rows {:?}", what, rows
            );
            Ok(())
        };
        let under_header = format!("{header}\n{text}").into_bytes();
        prop_assert_eq!(csvio::encoding_of(&under_header), TextEncoding::Utf8);
        prop_assert!(
            csvio::read_table(kinds[kind], &under_header).is_ok(),
            "the full {} header was refused", header
        );
        for input in [bytes.clone(), under_header, [header.as_bytes(), b"\n", &bytes].concat()] {
            match csvio::read_table(kinds[kind], &input) {
                Err(e) => refusal_is_clean("read_table", &e)?,
                Ok(table) => {
                    match csvio::read_plan(&table) {
                        Ok(rows) => rows_in_order("read_plan", rows.iter().map(|r| r.0).collect())?,
                        Err(e) => refusal_is_clean("read_plan", &e)?,
                    }
                    match csvio::read_indicators(&table) {
                        Ok(rows) => rows_in_order("read_indicators", rows.iter().map(|r| r.0).collect())?,
                        Err(e) => refusal_is_clean("read_indicators", &e)?,
                    }
                    match csvio::read_targets(&table) {
                        Ok(rows) => rows_in_order("read_targets", rows.iter().map(|r| r.0).collect())?,
                        Err(e) => refusal_is_clean("read_targets", &e)?,
                    }
                    match csvio::read_values(&table) {
                        Ok(rows) => rows_in_order("read_values", rows.iter().map(|r| r.0).collect())?,
                        Err(e) => refusal_is_clean("read_values", &e)?,
                    }
                }
            }
        }
    }
}
