//! The published report: counts per priority and each indicator's figures and commentary.

mod tui_support;

use pmdb::csvio::{self, Kind};
use pmdb::domain::assess::Context;
use pmdb::query::report;
use pmdb::query::rollup::GroupBy;
use pmdb::store::Store;

fn fixture(dir: &std::path::Path) -> Store {
    let mut store = Store::create(&dir.join("r.db"), "admin1").unwrap();
    store
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Wyvern Vale District Council".into(),
        ))
        .unwrap();
    let today = "2024-08-01".parse().unwrap();
    tui_support::add_fixture_users(&mut store);
    // The fixture's figures: its people are added above, as users.
    for kind in [Kind::Plan, Kind::Indicators, Kind::Targets, Kind::Values] {
        let bytes = std::fs::read(format!("tests/fixtures/{kind}.csv")).unwrap();
        csvio::import(&mut store, kind, &bytes, today).unwrap();
    }
    store
}

#[test]
fn the_quarterly_report_states_counts_figures_and_commentary() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path());
    let ds = store.dataset().unwrap();
    let ctx = Context {
        today: "2024-08-01".parse().unwrap(),
        deadline_day: 15,
    };
    let md = report::markdown(&ds, "2024/25 Q1".parse().unwrap(), GroupBy::Priority, ctx);
    assert!(
        md.starts_with("# Wyvern Vale District Council: performance report 2024/25 Q1"),
        "{md}"
    );
    // P1 holds WR1 (amber), RW1 (green, 119 kg against 120) and PL1 (green, 75.0%).
    assert!(
        md.contains("| A greener district | 2 | 1 | 0 | 0 | 0 |"),
        "{md}"
    );
    // WR1's quarter is made of its months, June's provisional: marked p, with the key; its
    // note the year's forecast (the year to date, 2024/25 being the year now running).
    assert!(md.contains("| WR1 Household waste recycled | 47.7 p | 50.0 | A amber | – | 47.7 | forecast for the year: 47.7, amber against the annual target \\(not a status; the year to date: 47.7 over 3 of 12 months\\) | June: Contamination rejected two loads |"), "{md}");
    assert!(
        md.contains("Data quality: p provisional (may change when the final figure is known); e estimated (an estimate, not yet a measurement); a figure with neither mark is final.\n"),
        "{md}"
    );
    let csv = report::csv(&ds, "2024/25 Q1".parse().unwrap(), GroupBy::Service, ctx).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "group,code,title,period,value,target,rag,direction,ytd,latest_period,note,commentary,quality"
    );
    assert!(
        lines.contains(&"WASTE,WR1,Household waste recycled,2024/25 Q1,47.7,50.0,amber,,47.7,2024/25 Q1,\"forecast for the year: 47.7, amber against the annual target (not a status; the year to date: 47.7 over 3 of 12 months)\",June: Contamination rejected two loads,provisional"),
        "{csv}"
    );
    assert!(lines.contains(&"PLAN,PL1,Major planning applications decided in 13 weeks,2024/25 Q1,75.0,60.0,green,,75.0,2024/25 Q1,\"forecast for the year: 75.0, green against the annual target (not a status; the year to date: 75.0 over 1 of 4 quarters)\",Two large schemes went past 13 weeks,final"), "{csv}");
    assert!(
        lines.contains(
            &"PLAN,PL2,Planning applications received,2024/25 Q1,130,,missing,,130,2024/25 Q1,\"forecast for the year: 1560, not judged (not a status; run rate: 130 in 1 of 12 months, × 12 ÷ 1)\",,final"
        ),
        "{csv}"
    );
}
