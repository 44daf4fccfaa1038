//! `pmdb show` forecasts the year (SPEC.md, "Forecast and trend"): for the current year's
//! periods, `forecast: {value, rag, method}`, judged against the annual target and never
//! the status; `trend_short` and `trend_long` beside `direction`.
//!
//! The fixture council, today 1 August 2024 (the year 2024/25). RW1, residual waste in kg
//! per household, a sum where lower is better, tolerance 5 % / 10 %, annual target 480:
//! April 38, May 41, June 40, July not recorded.

mod common;

use common::Council;
use serde_json::json;

#[test]
fn show_gives_each_months_forecast_by_run_rate_and_its_trends() {
    let c = Council::fixture();
    let shown = c.json(&["show", "RW1"]);
    let periods = shown["periods"].as_array().expect("periods");
    let at = |period: &str| {
        periods
            .iter()
            .find(|p| p["period"] == period)
            .unwrap_or_else(|| panic!("{period} in {shown}"))
    };
    // April: 38 × 12 = 456; May: (38 + 41) / 2 × 12 = 474; June: 119 / 3 × 12 = 476,
    // each at or below 480: green. July has no figure: June's forecast stands.
    for (period, value, method) in [
        ("2024-04", 456.0, "run rate: 38 in 1 of 12 months, × 12 ÷ 1"),
        ("2024-05", 474.0, "run rate: 79 in 2 of 12 months, × 12 ÷ 2"),
        (
            "2024-06",
            476.0,
            "run rate: 119 in 3 of 12 months, × 12 ÷ 3",
        ),
        (
            "2024-07",
            476.0,
            "run rate: 119 in 3 of 12 months, × 12 ÷ 3",
        ),
    ] {
        assert_eq!(
            at(period)["forecast"],
            json!({"value": value, "rag": "green", "method": method}),
            "{period}"
        );
    }
    // The status stays the month's own: the forecast is beside it, not it.
    assert_eq!(at("2024-06")["rag"], "green");
    // May (41) is worse than April (38); June (40) better than May; no last year.
    assert_eq!(
        (
            at("2024-05")["trend_short"].clone(),
            at("2024-05")["trend_long"].clone()
        ),
        (json!("worsening"), json!(null))
    );
    assert_eq!(at("2024-06")["trend_short"], "improving");
    assert_eq!(at("2024-04")["trend_short"], json!(null));
}

#[test]
fn a_past_year_has_no_forecast_and_the_text_labels_it() {
    let c = Council::fixture_on("2025-05-01");
    // Today in 2025/26: 2024/25's periods are a past year's, with no forecast key.
    let shown = c.json(&["show", "RW1", "--period", "2024-06"]);
    assert!(shown["periods"][0].get("forecast").is_none(), "{shown}");
    let c = Council::fixture();
    let text = c.ok(&["show", "RW1"]);
    assert!(
        text.contains(
            "forecast for the year (not a status), from 2024-07: 476 — green against the annual target; run rate: 119 in 3 of 12 months, × 12 ÷ 3"
        ),
        "{text}"
    );
}
