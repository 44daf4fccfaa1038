//! Data quality is visible: provisional and estimated figures are marked `p` and `e` in
//! every report format, with the key; `pmdb check` lists a target without an intervention
//! level where the intervention rule judges it (its misses could never be red).

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{Council, text};

const Q1: &str = "2024/25 Q1";
const KEY: &str = "Data quality: p provisional (may change when the final figure is known); e estimated (an estimate, not yet a measurement); a figure with neither mark is final.";

fn report(c: &Council, format: &str) -> String {
    c.ok(&["report", "--period", Q1, "--format", format])
}

/// The workbook's rows of one sheet, as text.
fn sheet(c: &Council, name: &str) -> Vec<Vec<String>> {
    let path = c.path("report.xlsx");
    c.ok(&[
        "report",
        "--period",
        Q1,
        "--format",
        "xlsx",
        "--out",
        path.to_str().expect("a UTF-8 path"),
    ]);
    let mut book: Xlsx<_> = open_workbook(&path).expect("an xlsx workbook");
    let range = book.worksheet_range(name).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// WR1's quality cell in the Indicators sheet, and the PL1's (a final figure).
fn workbook_marks(c: &Council) -> (String, String) {
    let rows = sheet(c, "Indicators");
    let quality = rows[0]
        .iter()
        .position(|h| h == "Quality")
        .expect("a Quality column");
    let of = |code: &str| {
        rows.iter()
            .find(|r| r[1] == code)
            .unwrap_or_else(|| panic!("{code} in {rows:?}"))[quality]
            .clone()
    };
    (of("WR1"), of("PL1"))
}

/// WR1's 2024/25 Q1 is made of its months; June's figure is provisional, so the quarter is
/// marked `p` in every format; PL1's quarter, final, has no mark.
#[test]
fn a_provisional_figure_is_marked_p_in_every_format_with_the_key() {
    let c = Council::fixture();
    let md = report(&c, "markdown");
    assert!(
        md.contains("| WR1 Household waste recycled | 47.7 p | 50.0 | A amber |"),
        "{md}"
    );
    assert!(
        md.contains("| PL1 Major planning applications decided in 13 weeks | 75.0 | 60.0 |"),
        "{md}"
    );
    assert!(md.contains(KEY), "{md}");

    let csv = report(&c, "csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",commentary,quality"), "{csv}");
    assert!(
        lines.contains(&"P1,WR1,Household waste recycled,2024/25 Q1,47.7,50.0,amber,,47.7,2024/25 Q1,\"forecast for the year: 47.7, amber against the annual target (not a status; the year to date: 47.7 over 3 of 12 months)\",June: Contamination rejected two loads,provisional"),
        "{csv}"
    );

    let html = report(&c, "html");
    assert!(
        html.contains(r#"<dd>47.7 % <abbr class="quality" title="provisional">p</abbr></dd>"#),
        "WR1's value is marked"
    );
    assert!(
        html.contains(r#"<dd>75.0 %</dd>"#),
        "PL1's final value is not"
    );
    assert!(
        html.contains(r#"<h3>Data quality</h3><dl class="card"><dt><abbr class="quality" title="provisional">p</abbr></dt><dd>provisional: may change when the final figure is known.</dd><dt><abbr class="quality" title="estimated">e</abbr></dt><dd>estimated: an estimate, not yet a measurement.</dd></dl><p>A figure with neither mark is final.</p>"#),
        "the key"
    );

    assert_eq!(workbook_marks(&c), ("p".to_string(), String::new()));
    let summary = sheet(&c, "Summary");
    assert!(
        summary.iter().any(|r| r[0] == KEY),
        "the key on the summary sheet: {summary:?}"
    );
}

/// An estimated month makes the quarter it is in estimated, whatever else is provisional.
#[test]
fn an_estimated_month_marks_its_quarter_e() {
    let c = Council::fixture();
    c.ok(&[
        "set",
        "WR1",
        "2024-05",
        "-",
        "--numerator",
        "480",
        "--denominator",
        "1000",
        "--quality",
        "estimated",
        "--commentary",
        "Garden waste down in the dry spell",
        "--action",
        "Promote the garden waste service",
    ]);
    let md = report(&c, "markdown");
    assert!(
        md.contains("| WR1 Household waste recycled | 47.7 e | 50.0 | A amber |"),
        "{md}"
    );
    assert!(report(&c, "csv").contains(",June: Contamination rejected two loads,estimated\n"));
    assert!(
        report(&c, "html")
            .contains(r#"<dd>47.7 % <abbr class="quality" title="estimated">e</abbr></dd>"#)
    );
    assert_eq!(workbook_marks(&c).0, "e");
}

/// `check`'s findings of one kind as (code, period, message), from `check --json`.
fn findings(c: &Council, kind: &str) -> Vec<(String, String, String)> {
    let v = c.json(&["check"]);
    v["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter(|f| f["check"] == kind)
        .map(|f| (text(&f["code"]), text(&f["period"]), text(&f["message"])))
        .collect()
}

#[test]
fn check_lists_a_target_whose_misses_could_never_be_red() {
    let c = Council::fixture();
    // RW1 has no intervention level, but its own rule is tolerance:5:10: nothing to list.
    assert_eq!(findings(&c, "no_intervention"), []);
    let targets = c.file(
        "t.csv",
        "code,year,period,target,intervention\nWR1,2024/25,2024/25 Q2,52,\n",
    );
    c.ok(&["import", "targets", &targets]);
    // WR1's Q2 target is judged by the council's intervention rule.
    let why = "WR1 2024/25 Q2: the target has no intervention level and the intervention rule applies, so a miss could never be red";
    assert_eq!(
        findings(&c, "no_intervention"),
        [("WR1".to_string(), "2024/25 Q2".to_string(), why.to_string())]
    );
    let out = c.ok(&["check"]);
    assert!(
        out.contains(&format!("no_intervention  WR1   {why}")),
        "{out}"
    );
    // Under tolerances a miss can be red without one: nothing to list.
    c.ok(&["config", "set", "rag_rule", "tolerance:5:10"]);
    assert_eq!(findings(&c, "no_intervention"), []);
}
