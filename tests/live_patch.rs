//! An open interface takes in another officer's figures by re-reading only what changed
//! (`Store::changes_since`, issue 27): the changed indicators' values patched into the
//! dataset it holds, its Plan statistics moved for those indicators alone. The patched
//! dataset and statistics must be exactly what a whole re-read would give; a change to
//! anything else the dataset holds must ask for the whole re-read.

mod tui_support;

use pmdb::csvio::{self, Kind};
use pmdb::domain::assess::Context;
use pmdb::domain::period::Period;
use pmdb::domain::rag::Rag;
use pmdb::domain::workflow::Step;
use pmdb::query::rollup::PeriodStats;
use pmdb::store::{
    Changed, Dataset, ExceptionUpdate, Expect, NewValue, Quality, Store, StoredValue,
};
use tui_support::{demo, demo_today};

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn figure(code: &str, period: &str, num: f64, den: f64, quality: Quality) -> NewValue {
    NewValue {
        indicator: code.into(),
        period: p(period),
        value: None,
        numerator: Some(num),
        denominator: Some(den),
        quality,
        commentary: "Two officers off sick".into(),
        action: "Agency cover from December".into(),
    }
}

/// Patches `ds` with what changed after `upto` and returns the codes patched and the new
/// point in the log.
fn patch(store: &Store, ds: &mut Dataset, upto: i64) -> (Vec<String>, i64) {
    let changes = store.changes_since(upto).unwrap();
    let Changed::Values(values) = changes.changed else {
        panic!("figures alone changed: {:?}", changes.changed);
    };
    let codes = values.iter().map(|(c, _)| c.clone()).collect();
    for (code, vs) in values {
        ds.replace_values(&code, vs);
    }
    (codes, changes.upto)
}

fn assert_same(patched: &Dataset, fresh: &Dataset, stats: &[(Period, PeriodStats)], ctx: Context) {
    assert_eq!(
        patched.values, fresh.values,
        "every value as a whole read has it"
    );
    for rec in &fresh.indicators {
        let code = &rec.indicator.code;
        for period in ["2026-10", "2026-09", "2026/27 Q3", "2026/27 Q2", "2026/27"] {
            assert_eq!(
                patched.quality_at(code, p(period)),
                fresh.quality_at(code, p(period)),
                "{code} {period}"
            );
        }
    }
    for (period, held) in stats {
        assert_eq!(*held, PeriodStats::of(fresh, *period, ctx), "{period}");
    }
}

#[test]
fn figures_saved_elsewhere_are_patched_in_as_a_whole_read_would_give_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let reader = Store::open(&path, "perf").unwrap();
    let mut officer = Store::open(&path, "perf").unwrap();
    let upto = reader.audit_high_water().unwrap();
    let mut ds = reader.dataset().unwrap();
    let ctx = ds.context(demo_today());
    let periods = [p("2026-10"), p("2026/27 Q3"), p("2026/27 Q2")];
    let mut stats: Vec<(Period, PeriodStats)> = periods
        .iter()
        .map(|&q| (q, PeriodStats::of(&ds, q, ctx)))
        .collect();
    let before = stats[0].1.assessments["PL03"].rag;

    // PL03 (a ratio, monthly) falls to 50% in October, provisionally; PL04 gets a figure.
    let saves = [
        figure("PL03", "2026-10", 50.0, 100.0, Quality::Provisional),
        NewValue {
            value: Some(412.0),
            numerator: None,
            denominator: None,
            ..figure("PL04", "2026-10", 0.0, 0.0, Quality::Estimated)
        },
    ];
    for nv in &saves {
        officer.record_value(nv, Expect::Any, ctx).unwrap();
    }
    let (codes, upto) = patch(&reader, &mut ds, upto);
    assert_eq!(codes, ["PL03", "PL04"]);
    for (period, held) in &mut stats {
        held.update(&ds, *period, ctx, codes.iter().map(String::as_str));
    }
    let now = stats[0].1.assessments["PL03"].rag;
    assert_ne!(before, now, "October's status moved");
    assert_eq!(now, Rag::Red);
    assert_eq!(
        ds.quality_at("PL03", p("2026/27 Q3")),
        Some(Quality::Provisional),
        "the quarter's figure is as weak as its weakest month"
    );
    let fresh = reader.dataset().unwrap();
    assert_same(&ds, &fresh, &stats, ctx);

    // Saved back: the counts come back with it.
    officer
        .record_value(
            &figure("PL03", "2026-10", 95.0, 100.0, Quality::Final),
            Expect::Any,
            ctx,
        )
        .unwrap();
    let (codes, upto) = patch(&reader, &mut ds, upto);
    assert_eq!(codes, ["PL03"]);
    for (period, held) in &mut stats {
        held.update(&ds, *period, ctx, codes.iter().map(String::as_str));
    }
    assert_eq!(stats[0].1.assessments["PL03"].rag, Rag::Green);
    assert_same(&ds, &reader.dataset().unwrap(), &stats, ctx);

    // Nothing new: nothing changed, the point in the log stays.
    let again = reader.changes_since(upto).unwrap();
    assert_eq!(again.upto, upto);
    assert!(matches!(again.changed, Changed::Outside));
}

#[test]
fn a_change_outside_the_figures_asks_for_what_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let reader = Store::open(&path, "perf").unwrap();
    let mut other = Store::open(&path, "perf").unwrap();
    let upto = reader.audit_high_water().unwrap();

    // An exception's proposal: the dataset holds no exceptions.
    other
        .update_exception(&ExceptionUpdate {
            id: 1,
            expected_version: None,
            step: Step {
                note: Some("Discussed with the service".into()),
                ..Default::default()
            },
        })
        .unwrap();
    let changes = reader.changes_since(upto).unwrap();
    assert!(changes.upto > upto, "the exception's history is in the log");
    assert!(
        matches!(changes.changed, Changed::Outside),
        "{:?}",
        changes.changed
    );
    // The interface's meetings and boards' members are as they were: not read again.
    assert!(changes.touched("exception_history"), "{:?}", changes.tables);
    assert!(!changes.touched("meetings") && !changes.touched("board_members"));

    // A meeting scheduled: outside the dataset, and the meetings are read again.
    let upto = changes.upto;
    let meetings = "board,date,title,period\nPPG,2026-12-17,PPG: November data,2026-11\n";
    csvio::import(
        &mut other,
        Kind::Meetings,
        meetings.as_bytes(),
        demo_today(),
    )
    .unwrap();
    let changes = reader.changes_since(upto).unwrap();
    assert!(matches!(changes.changed, Changed::Outside));
    assert!(changes.touched("meetings"), "{:?}", changes.tables);
    assert!(!changes.touched("board_members"));

    // A setting the rules read: only a whole re-read is right.
    let upto = changes.upto;
    other
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Wyvern Vale".into(),
        ))
        .unwrap();
    let changes = reader.changes_since(upto).unwrap();
    assert!(
        matches!(changes.changed, Changed::Whole),
        "{:?}",
        changes.changed
    );
    assert_eq!(changes.upto, reader.audit_high_water().unwrap());
    // A whole re-read reads everything beside the dataset again too.
    assert!(changes.touched("meetings") && changes.touched("board_members"));

    // A figure and a target in one look: the target decides.
    let ctx = reader.dataset().unwrap().context(demo_today());
    let upto = changes.upto;
    other
        .record_value(
            &figure("PL03", "2026-10", 50.0, 100.0, Quality::Final),
            Expect::Any,
            ctx,
        )
        .unwrap();
    other
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Wyvern".into(),
        ))
        .unwrap();
    assert!(matches!(
        reader.changes_since(upto).unwrap().changed,
        Changed::Whole
    ));
}

#[test]
fn a_value_removed_elsewhere_leaves_no_figure_or_quality_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let reader = Store::open(&path, "perf").unwrap();
    let mut ds = reader.dataset().unwrap();
    let held: Vec<StoredValue> = ds.values["PL03"].clone();
    assert!(ds.quality_at("PL03", p("2026-09")).is_some());
    ds.replace_values("PL03", vec![]);
    assert!(!ds.values.contains_key("PL03"));
    assert_eq!(ds.quality_at("PL03", p("2026-09")), None);
    assert_eq!(ds.quality_at("PL03", p("2026/27 Q2")), None);
    ds.replace_values("PL03", held);
    assert_eq!(ds.values, reader.dataset().unwrap().values);
}

#[test]
fn a_log_that_ends_before_the_point_asked_about_asks_for_a_whole_read() {
    // A backup restored over the open file: its log ends before what was taken in.
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let reader = Store::open(&path, "perf").unwrap();
    let high = reader.audit_high_water().unwrap();
    let changes = reader.changes_since(high + 500).unwrap();
    assert!(
        matches!(changes.changed, Changed::Whole),
        "{:?}",
        changes.changed
    );
    assert_eq!(changes.upto, high, "the restored log's own last id");
    // The next look, from there, finds nothing new.
    assert!(matches!(
        reader.changes_since(changes.upto).unwrap().changed,
        Changed::Outside
    ));
}

#[test]
fn the_plan_statistics_made_on_one_thread_are_those_made_on_every_core() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let ds = Store::open(&path, "perf").unwrap().dataset().unwrap();
    let ctx = ds.context(demo_today());
    for period in ["2026-10", "2026/27 Q3", "2026/27 Q2", "2025/26"] {
        let p = p(period);
        let quiet = PeriodStats::of_quietly(&ds, p, ctx);
        assert!(!quiet.counts.is_empty());
        assert_eq!(quiet, PeriodStats::of(&ds, p, ctx), "{period}");
    }
}
