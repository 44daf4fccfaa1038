//! `pmdb show CODE` reads one indicator's rows by index (`Store::dataset_of`, issue 27),
//! and says exactly what it said from the whole council's dataset: for every indicator of
//! the demo, every period, signed-off quarters and a lagged measure among them, the same
//! JSON. A rule that let another indicator's rows into one indicator's figures would show.

mod tui_support;

use pmdb::query::show::show;
use pmdb::store::Store;
use tui_support::{demo, demo_today};

#[test]
fn every_indicator_shows_the_same_from_its_own_rows_as_from_the_whole_council() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let store = Store::open(&path, "perf").unwrap();
    let full = store.dataset().unwrap();
    let ctx = full.context(demo_today());
    assert!(full.indicators.len() > 60, "the demo's indicators");
    for rec in &full.indicators {
        let code = &rec.indicator.code;
        let own = store.dataset_of(code).unwrap().expect("the indicator");
        assert_eq!(own.indicators.len(), 1);
        let whole = serde_json::to_value(show(&full, rec, None, ctx)).unwrap();
        let alone = serde_json::to_value(show(&own, &own.indicators[0], None, ctx)).unwrap();
        assert_eq!(whole, alone, "{code}");
        for period in ["2026/27 Q2", "2025/26", "2026-10"] {
            let p = Some(period.parse().unwrap());
            let whole = serde_json::to_value(show(&full, rec, p, ctx)).unwrap();
            let alone = serde_json::to_value(show(&own, &own.indicators[0], p, ctx)).unwrap();
            assert_eq!(whole, alone, "{code} {period}");
        }
    }
    assert!(store.dataset_of("NOPE").unwrap().is_none());
}

#[test]
fn an_officers_list_is_the_same_from_their_own_rows_as_from_the_whole_council() {
    use pmdb::query::list::{ListFilter, list};
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let store = Store::open(&path, "perf").unwrap();
    let full = store.dataset().unwrap();
    let ctx = full.context(demo_today());
    let mut owners: Vec<String> = full
        .indicators
        .iter()
        .map(|r| r.indicator.owner.clone())
        .collect();
    owners.sort();
    owners.dedup();
    assert!(owners.len() > 10, "the demo's owners");
    for login in &owners {
        let own = store.dataset_of_owner(login).unwrap();
        for period in ["2026/27 Q2", "2026-10", "2025/26"] {
            let filter = ListFilter {
                owner: Some(login.clone()),
                ..ListFilter::default()
            };
            let p = period.parse().unwrap();
            let whole = serde_json::to_value(list(&full, &filter, p, ctx)).unwrap();
            let alone = serde_json::to_value(list(&own, &filter, p, ctx)).unwrap();
            assert!(!whole.as_array().unwrap().is_empty(), "{login}");
            assert_eq!(whole, alone, "{login} {period}");
        }
    }
}

#[test]
fn a_roll_up_from_the_indicators_rows_alone_is_the_whole_councils() {
    use pmdb::query::rollup::{GroupBy, rollup};
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let store = Store::open(&path, "perf").unwrap();
    let full = store.dataset().unwrap();
    let alone = store.dataset_of_indicators().unwrap();
    assert!(alone.delivery.actions.is_empty(), "no delivery read");
    assert!(!full.delivery.actions.is_empty());
    let ctx = full.context(demo_today());
    for period in [
        "2026/27 Q2",
        "2026/27 Q3",
        "2026-10",
        "2025/26",
        "2024/25 Q4",
    ] {
        for by in [GroupBy::Priority, GroupBy::Portfolio, GroupBy::Service] {
            let p = period.parse().unwrap();
            let whole = serde_json::to_value(rollup(&full, p, by, ctx)).unwrap();
            let own = serde_json::to_value(rollup(&alone, p, by, ctx)).unwrap();
            assert!(whole["groups"].as_array().is_some_and(|g| !g.is_empty()));
            assert_eq!(whole, own, "{period} by {by:?}");
        }
    }
}
