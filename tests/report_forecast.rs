//! A year-end forecast in the reports (SPEC.md, "Forecast and trend"): each indicator of a
//! period of the year now running shows it, labelled so it is never taken for the status,
//! in the HTML page, the Markdown and the CSV; a signed-off period's reports show none
//! (they read as they stood at sign-off).
//!
//! The fixture council, today 1 August 2024: RW1 (a sum, lower is better, 480 for the
//! year) has April 38, May 41, June 40: 119 in 3 months, 476 at its run rate, green.

mod common;

use common::Council;

#[test]
fn each_format_labels_the_forecast_beside_the_status() {
    let c = Council::fixture();
    let report = |format: &str| c.ok(&["report", "--period", "2024/25 Q1", "--format", format]);
    let words = "476, green against the annual target (not a status; run rate: 119 in 3 of 12 months, × 12 ÷ 3)";
    let html = report("html");
    assert!(
        html.contains(&format!("<dt>Forecast for the year</dt><dd>{words}</dd>")),
        "{html}"
    );
    let md = report("markdown");
    let rw1 = md
        .lines()
        .find(|l| l.starts_with("| RW1 "))
        .expect("RW1's row");
    assert!(
        rw1.contains("forecast for the year: 476, green against the annual target \\(not a status; run rate: 119 in 3 of 12 months, × 12 ÷ 3\\)"),
        "{rw1}"
    );
    let csv = report("csv");
    let rw1 = csv
        .lines()
        .find(|l| l.contains(",RW1,"))
        .expect("RW1's row");
    assert!(
        rw1.contains(&format!("forecast for the year: {words}")),
        "{rw1}"
    );
    // Signed off, the quarter's reports read as at sign-off: no forecast.
    c.ok(&["signoff", "2024/25 Q1", "--yes"]);
    assert!(!report("html").contains("Forecast for the year"));
    assert!(!report("markdown").contains("forecast for the year"));
}
