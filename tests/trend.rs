//! The projector's trend (query::trend::last_periods): an indicator's last periods ending at
//! an exception's, with figure, target and intervention level, on the fixture council
//! (WR1: 52.0% in April, 48.0% in May, 43.0% in June against a target of 50 and an
//! intervention level of 45) and on the demo.

mod tui_support;

use pmdb::domain::period::Period;
use pmdb::domain::rag::Rag;
use pmdb::query::trend::{MEETING_PERIODS, TrendPoint, last_periods};
use pmdb::store::Store;
use tui_support::{LOGIN, fixture, today};

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

#[test]
fn the_last_periods_end_at_the_one_asked_and_start_no_earlier_than_collection() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let ds = Store::open(&path, LOGIN).unwrap().dataset().unwrap();
    let ctx = ds.context(today());
    let got = last_periods(&ds, "WR1", p("2024-06"), MEETING_PERIODS, ctx);
    let want = [
        ("2024-04", Some(52.0), Rag::Green),
        ("2024-05", Some(48.0), Rag::Amber),
        ("2024-06", Some(43.0), Rag::Red),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (point, (period, value, rag)) in got.iter().zip(want) {
        assert_eq!(
            point,
            &TrendPoint {
                period: p(period),
                value,
                target: Some(50.0),
                intervention: Some(45.0),
                rag,
                frozen: false,
            }
        );
    }
    // Two periods: the last two, oldest first.
    let two = last_periods(&ds, "WR1", p("2024-06"), 2, ctx);
    let periods: Vec<String> = two.iter().map(|t| t.period.to_string()).collect();
    assert_eq!(periods, ["2024-05", "2024-06"]);
    // July has no figure yet: it keeps its place, empty, so the chart shows a gap.
    let july = last_periods(&ds, "WR1", p("2024-07"), MEETING_PERIODS, ctx);
    assert_eq!(july.len(), 4);
    assert_eq!(july[3].period, p("2024-07"));
    assert_eq!(july[3].value, None);
    assert_eq!(july[3].target, Some(50.0));
    assert!(last_periods(&ds, "NOPE", p("2024-06"), 13, ctx).is_empty());
}

#[test]
fn a_quarterly_indicator_steps_by_its_own_quarters() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let ds = Store::open(&path, LOGIN).unwrap().dataset().unwrap();
    let got = last_periods(&ds, "PL1", p("2024-06"), 13, ds.context(today()));
    let periods: Vec<String> = got.iter().map(|t| t.period.to_string()).collect();
    assert_eq!(periods, ["2024/25 Q1"]);
}

#[test]
fn on_the_demo_a_monthly_indicator_has_thirteen_months_ending_at_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let today: chrono::NaiveDate = "2026-11-24".parse().unwrap();
    pmdb::demo::build_demo(&path, "perf", today, 1).unwrap();
    let ds = Store::open(&path, "perf").unwrap().dataset().unwrap();
    let got = last_periods(
        &ds,
        "PL02",
        p("2026-10"),
        MEETING_PERIODS,
        ds.context(today),
    );
    let periods: Vec<String> = got.iter().map(|t| t.period.to_string()).collect();
    assert_eq!(periods.first().map(String::as_str), Some("2025-10"));
    assert_eq!(periods.last().map(String::as_str), Some("2026-10"));
    assert_eq!(got.len(), 13);
    // October 2026 is the red raised as exception #9: 70.3 against 87.0, intervention 77.0.
    let last = got.last().unwrap();
    assert_eq!(
        (last.value, last.target, last.intervention, last.rag),
        (Some(70.3), Some(87.0), Some(77.0), Rag::Red)
    );
}
