//! Collection starts when the council says (issue 14, point 5): the council's
//! `collect_from` setting and an indicator's own `collect_from` column.

mod common;

use common::{Council, fixture, text};

/// (code, period) of every row `overdue --json` lists.
fn overdue(c: &Council) -> Vec<(String, String)> {
    c.json(&["overdue"])["overdue"]
        .as_array()
        .expect("overdue is an array")
        .iter()
        .map(|o| (text(&o["code"]), text(&o["period"])))
        .collect()
}

/// (code, period) of every `overdue` finding of `check --json`.
fn check_overdue(c: &Council) -> Vec<(String, String)> {
    c.json(&["check"])["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter(|f| f["check"] == "overdue")
        .map(|f| (text(&f["code"]), text(&f["period"])))
        .collect()
}

fn pl2(periods: &[&str]) -> Vec<(String, String)> {
    periods
        .iter()
        .map(|p| ("PL2".to_string(), p.to_string()))
        .collect()
}

/// The fixture's indicators file (whose last columns are `collect_from`, blank, then
/// `cumulative`, `lag` and the blank `definition`, `source` and `benchmark_group`), PL2's
/// `collect_from` set to `month`.
fn indicators_with_pl2_from(month: &str) -> String {
    let original = std::fs::read_to_string(fixture("indicators.csv")).unwrap();
    assert!(
        original
            .lines()
            .next()
            .unwrap()
            .ends_with(",collect_from,cumulative,lag,definition,source,benchmark_group")
    );
    original
        .lines()
        .map(|line| match line.strip_prefix("PL2,") {
            Some(rest) => format!(
                "PL2,{}{month},no,0,,,\n",
                rest.strip_suffix(",no,0,,,")
                    .expect("PL2 ends with cumulative and lag")
            ),
            None => format!("{line}\n"),
        })
        .collect()
}

/// The fixture's indicators file without the `collect_from` column.
fn indicators_without_collect_from() -> String {
    let original = std::fs::read_to_string(fixture("indicators.csv")).unwrap();
    original
        .lines()
        .map(|line| {
            // Drop collect_from, the sixth column from the end.
            let cells: Vec<&str> = line.split(',').collect();
            let n = cells.len();
            format!(
                "{},{}\n",
                cells[..n - 6].join(","),
                cells[n - 5..].join(",")
            )
        })
        .collect()
}

#[test]
fn the_council_setting_stops_earlier_periods_being_owed() {
    let c = Council::fixture_on("2024-08-01");
    assert_eq!(overdue(&c), pl2(&["2024-05", "2024-06"]));
    assert_eq!(check_overdue(&c), pl2(&["2024-05", "2024-06"]));
    assert_eq!(c.status("PL2", "2024-05").0, "missing");

    c.ok(&["config", "set", "collect_from", "2024-06"]);
    assert_eq!(c.json(&["config"])["collect_from"], "2024-06");
    assert!(c.ok(&["config"]).contains("collect_from: 2024-06"));

    assert_eq!(overdue(&c), pl2(&["2024-06"]));
    assert_eq!(check_overdue(&c), pl2(&["2024-06"]));
    assert_eq!(
        c.status("PL2", "2024-05"),
        ("none".into(), "not collected before 2024-06".into())
    );
    assert_eq!(c.status("PL2", "2024-06").0, "missing");
    // A value recorded before collection starts is still shown and judged.
    let april = c.period("PL2", "2024-04");
    assert!(!april["value"].is_null(), "{april:#}");

    // Unset, collection starts as before.
    c.ok(&["config", "set", "collect_from", ""]);
    assert_eq!(c.json(&["config"])["collect_from"], serde_json::Value::Null);
    assert_eq!(overdue(&c), pl2(&["2024-05", "2024-06"]));
}

#[test]
fn months_before_collection_do_not_make_a_quarter_missing() {
    let c = Council::fixture_on("2024-08-01");
    assert_eq!(c.status("PL2", "2024/25 Q1").0, "missing");
    c.ok(&["config", "set", "collect_from", "2024-06"]);
    let (rag, rule) = c.status("PL2", "2024/25 Q1");
    assert_eq!(rag, "missing", "June is still owed: {rule}");
    assert!(!rule.contains("May"), "{rule}");
    c.ok(&["config", "set", "collect_from", "2024-07"]);
    let (rag, rule) = c.status("PL2", "2024/25 Q1");
    assert_ne!(rag, "missing", "{rule}");
}

#[test]
fn a_setting_that_is_not_a_month_is_refused_naming_the_form() {
    let c = Council::fixture_on("2024-08-01");
    for bad in ["2024-13", "June", "2024/25", "2024/25 Q1"] {
        let err = c.refused(&["config", "set", "collect_from", bad]);
        assert!(
            err.contains("collect_from") && err.contains("a month like 2025-02"),
            "{bad}: {err}"
        );
    }
    assert_eq!(c.json(&["config"])["collect_from"], serde_json::Value::Null);
}

#[test]
fn an_indicator_column_overrides_the_council() {
    let c = Council::fixture_on("2024-08-01");
    c.ok(&["config", "set", "collect_from", "2024-06"]);

    let later = c.file("later.csv", indicators_with_pl2_from("2024-07"));
    c.ok(&["import", "indicators", &later]);
    assert_eq!(overdue(&c), []);
    assert_eq!(check_overdue(&c), []);
    assert_eq!(
        c.status("PL2", "2024-06"),
        ("none".into(), "not collected before 2024-07".into())
    );

    let earlier = c.file("earlier.csv", indicators_with_pl2_from("2024-04"));
    c.ok(&["import", "indicators", &earlier]);
    assert_eq!(overdue(&c), pl2(&["2024-05", "2024-06"]));
    assert_eq!(c.json(&["show", "PL2"])["collect_from"], "2024-04");

    let bad = c.file("bad.csv", indicators_with_pl2_from("July"));
    let err = c.refused(&["import", "indicators", &bad]);
    assert!(
        err.contains("collect_from") && err.contains("a month like 2025-02"),
        "{err}"
    );
}

#[test]
fn export_and_import_keep_an_indicators_collect_from() {
    let c = Council::fixture_on("2024-08-01");
    let file = c.file("from.csv", indicators_with_pl2_from("2024-07"));
    c.ok(&["import", "indicators", &file]);
    let exported = c.ok(&["export", "indicators", "-"]);
    assert!(
        exported
            .lines()
            .next()
            .unwrap()
            .ends_with(",collect_from,cumulative,lag,definition,source,benchmark_group")
    );
    let pl2_line = exported.lines().find(|l| l.starts_with("PL2,")).unwrap();
    assert!(pl2_line.ends_with(",2024-07,no,0,,,"), "{pl2_line}");

    // A file without the column keeps what is stored.
    let without = c.file("without.csv", indicators_without_collect_from());
    c.ok(&["import", "indicators", &without]);
    assert_eq!(c.ok(&["export", "indicators", "-"]), exported);

    // Into another council, and out again, unchanged.
    let other = Council::fixture_on("2024-08-01");
    let copy = other.file("copy.csv", &exported);
    other.ok(&["import", "indicators", &copy]);
    assert_eq!(other.ok(&["export", "indicators", "-"]), exported);
    assert_eq!(overdue(&other), []);
}

#[test]
fn signoff_refuses_a_period_wholly_before_the_council_collects() {
    let c = Council::fixture_on("2024-08-01");
    c.ok(&["config", "set", "collect_from", "2024-06"]);
    let err = c.refused(&["signoff", "2024-05"]);
    assert!(
        err.contains("2024-05 lies wholly before the council collects data (from 2024-06)"),
        "{err}"
    );
}
