//! A whole-council report of a period reads everything but the judgements delivery froze
//! at other periods' sign-offs, with what its sign-off froze applied in the same snapshot
//! (`Store::dataset_for_reports`, issue 27): `pmdb report` and `pmdb publish` make from it
//! the same bytes as from the whole council's dataset made as signed off. Checked
//! on the demo for every signed-off period, the quarter and month still open and both
//! years: the pack (the council's report four ways, every portfolio's summary, the index)
//! file by file, and the Markdown and CSV reports by portfolio and by service, after the
//! delivery updates behind the frozen judgements are removed; and again on a file large
//! enough that the read is split over two connections (`Store::read_beside`).

mod common;

use chrono::NaiveDate;
use common::me;
use pmdb::domain::period::Period;
use pmdb::publish::{PageSources, pack_files};
use pmdb::query::report::{csv_scoped, markdown_scoped};
use pmdb::query::report_html::Scope;
use pmdb::query::report_judged::Judged;
use pmdb::query::rollup::GroupBy;
use pmdb::store::{Dataset, Store};

fn today() -> NaiveDate {
    "2026-11-24".parse().unwrap()
}

/// Every file of the period's pack and its reports by portfolio and service, as bytes,
/// from `ds` as the period's reports see it.
fn made(store: &Store, ds: Dataset, period: Period) -> Vec<(String, Vec<u8>)> {
    let sources = PageSources::read(store, &ds, period).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = pack_files(&ds, period, today(), &sources)
        .unwrap()
        .into_iter()
        .map(|f| (f.entry.file, f.bytes))
        .collect();
    let judged = Judged::of(&ds, period, ds.context(today()));
    for by in [GroupBy::Portfolio, GroupBy::Service] {
        let md = markdown_scoped(&judged, by, &Scope::Council, &[]);
        files.push((format!("by {by}.md"), md.into_bytes()));
        let csv = csv_scoped(&judged, by, &Scope::Council, &[]).unwrap();
        files.push((format!("by {by}.csv"), csv.into_bytes()));
    }
    files
}

#[test]
fn a_report_from_its_periods_read_is_the_report_from_the_whole_council() {
    reports_from_the_periods_read_match(false);
}

#[test]
fn a_report_from_its_periods_read_on_two_connections_is_the_report_from_the_whole_council() {
    reports_from_the_periods_read_match(true);
}

fn reports_from_the_periods_read_match(large: bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, &me(), today(), 1).unwrap();
    // Every update and review since removed: each signed-off period's delivery is now
    // judged otherwise than its sign-off froze, so a report that missed its own frozen
    // judgements (or took another period's) would show it.
    let removed = common::writer(&path, &me()).execute_batch(
        "DELETE FROM action_updates; DELETE FROM project_updates; DELETE FROM risk_reviews;",
    );
    removed.unwrap();
    if large {
        // Past the size from which the read is split over two connections.
        common::pad_past_32_mb(&path);
    }
    let store = Store::open(&path, &me()).unwrap();
    let whole = store.dataset().unwrap();
    let mut periods: Vec<Period> = whole
        .signoffs
        .current
        .iter()
        .map(|s| s.period.parse().unwrap())
        .collect();
    // The demo signs off quarters and months, with delivery frozen at each.
    assert!(periods.len() >= 8, "{periods:?}");
    assert!(whole.delivery.frozen.len() > 100);
    for open in ["2026/27 Q3", "2026-11", "2026/27", "2025/26"] {
        periods.push(open.parse().unwrap());
    }
    for period in periods {
        let read = store.dataset_for_reports(period).unwrap();
        // Only the period's own frozen judgements are read: none for a period not signed
        // off, fewer than the council's for one that is.
        match whole.delivery.frozen.period(period) {
            None => assert!(read.delivery.frozen.is_empty(), "{period}"),
            Some(_) => {
                assert!(read.delivery.frozen.period(period).is_some(), "{period}");
                let (got, all) = (read.delivery.frozen.len(), whole.delivery.frozen.len());
                assert!(got > 0 && got < all, "{period}: {got} of {all}");
            }
        }
        let as_signed_off = store
            .as_signed_off(store.dataset().unwrap(), period)
            .unwrap();
        let expected = made(&store, as_signed_off, period);
        let got = made(&store, read, period);
        assert_eq!(got.len(), expected.len(), "{period}");
        for ((name, got), (_, want)) in got.iter().zip(&expected) {
            assert!(
                got == want,
                "{period}: {name} differs from the whole council's"
            );
        }
    }
}
