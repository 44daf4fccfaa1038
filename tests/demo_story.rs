//! The demo council tells a true story: commentary fits the figure it sits beside, values
//! are entered by the officers who own them around their deadlines, Leadership Team has
//! signed off every quarter it has met on, and `pmdb demo` speaks to a person. Today is
//! 2026-11-24, so the month now due is 2026-10 and the current quarter 2026/27 Q3.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use pmdb::demo::build_demo;
use pmdb::domain::deadline::deadline;
use pmdb::domain::indicator::Polarity;
use pmdb::domain::period::Period;
use pmdb::domain::rag::Rag;
use pmdb::store::{Expect, NewValue, Quality, Store};

mod common;

const ADMIN: &str = "perfadmin";
const TODAY: &str = "2026-11-24";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn build() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    build_demo(&path, ADMIN, today(), 1).unwrap();
    (dir, path)
}

/// The words of a title that say what it counts: four letters or more, less the ones
/// any indicator might use, cut to their first four letters so "calls" meets "call".
fn subject_stems(title: &str) -> BTreeSet<String> {
    const COMMON: &[&str] = &[
        "within",
        "working",
        "days",
        "more",
        "than",
        "with",
        "from",
        "into",
        "average",
        "time",
        "period",
        "share",
        "agreed",
        "year's",
        "lowest",
        "cumulative",
    ];
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .map(|w| w.chars().take(4).collect())
        .collect()
}

fn mentions_subject(text: &str, title: &str) -> bool {
    let text = text.to_lowercase();
    subject_stems(title)
        .iter()
        .any(|stem| text.contains(stem.as_str()))
}

#[test]
fn commentary_fits_the_status_and_subject_of_its_figure() {
    let (_dir, path) = build();
    let store = Store::open(&path, ADMIN).unwrap();
    let ds = store.dataset().unwrap();
    let ctx = ds.context(today());
    let (mut misses, mut notes) = (0, 0);
    let mut miss_lines = BTreeSet::new();
    let mut green_notes = Vec::new();
    for rec in &ds.indicators {
        let series = ds.series(rec);
        let title = &rec.indicator.title;
        let values = ds.values_of(&rec.indicator.code);
        let rag_at: HashMap<Period, Rag> = values
            .iter()
            .map(|v| (v.period, ds.assess(&series, v.period, ctx).rag))
            .collect();
        for v in values {
            let what = format!("{} {} ({title})", v.indicator, v.period);
            match rag_at[&v.period] {
                Rag::Amber | Rag::Red => {
                    misses += 1;
                    miss_lines.insert(v.commentary.clone());
                    assert!(!v.action.is_empty(), "{what}: a miss with no action");
                    assert!(
                        mentions_subject(&v.commentary, title),
                        "{what}: '{}' is not about its own subject",
                        v.commentary
                    );
                }
                Rag::Green => {
                    assert!(
                        v.action.is_empty(),
                        "{what}: green with an action '{}'",
                        v.action
                    );
                    let note = v.commentary.to_lowercase();
                    assert!(
                        !note.contains("above target") && !note.contains("below target"),
                        "{what}: '{}'",
                        v.commentary
                    );
                    if note.is_empty() {
                        continue;
                    }
                    notes += 1;
                    green_notes.push((what.clone(), v.commentary.clone()));
                    // A green note says only what is so.
                    let rag = |p: Period| rag_at.get(&p).copied();
                    if note.contains("running") {
                        let (a, b) = (v.period.prev(), v.period.prev().prev());
                        assert_eq!(
                            (rag(a), rag(b)),
                            (Some(Rag::Green), Some(Rag::Green)),
                            "{what}"
                        );
                    }
                    if note.contains("back on target") {
                        let before = rag(v.period.prev());
                        assert!(
                            matches!(before, Some(Rag::Amber | Rag::Red)),
                            "{what}: {before:?}"
                        );
                    }
                }
                _ => {}
            }
        }
    }
    assert!(misses > 100 && notes > 10, "{misses} misses, {notes} notes");
    // A green figure never carries a miss's explanation.
    for (what, note) in &green_notes {
        assert!(
            !miss_lines.contains(note),
            "{what}: green with miss commentary '{note}'"
        );
    }
    // A lower-is-better indicator reads right too: days to process claims.
    let rb03 = ds.indicator("RB03").unwrap();
    assert_eq!(rb03.indicator.polarity, Polarity::Lower);
    let series = ds.series(rb03);
    let explained = ds
        .values_of("RB03")
        .iter()
        .filter(|v| !v.commentary.is_empty())
        .map(|v| (ds.assess(&series, v.period, ctx).rag, v.commentary.clone()))
        .collect::<Vec<_>>();
    assert!(
        explained.iter().any(|(_, c)| c.contains("claims")),
        "{explained:?}"
    );
}

#[test]
fn values_are_entered_by_their_officers_around_the_deadline() {
    let (_dir, path) = build();
    let store = Store::open(&path, ADMIN).unwrap();
    let ds = store.dataset().unwrap();
    let (mut total, mut late, mut by_enterer) = (0, 0, 0);
    for rec in &ds.indicators {
        for v in ds.values_of(&rec.indicator.code) {
            let what = format!("{} {}", v.indicator, v.period);
            total += 1;
            assert!(
                v.entered_by == rec.indicator.owner || rec.enterers.contains(&v.entered_by),
                "{what}: entered by {}, not its owner {} or enterers {:?}",
                v.entered_by,
                rec.indicator.owner,
                rec.enterers
            );
            by_enterer += usize::from(rec.enterers.contains(&v.entered_by));
            let day: NaiveDate = v.entered_at[..10].parse().unwrap();
            // A figure published late (`lag`) is due, and entered, that many months on.
            let due = pmdb::domain::owed::due_by(v.period, 15, rec.indicator.lag);
            assert!(
                day > v.period.last_month().last_day() && day <= today(),
                "{what}: entered {day}, before its period ended or after today"
            );
            assert!(
                (due - day).num_days() <= 21 && (day - due).num_days() <= 21,
                "{what}: entered {day}, far from its deadline {due}"
            );
            late += usize::from(day > due);
        }
    }
    let share = late as f64 / total as f64;
    assert!((0.05..0.25).contains(&share), "{late} of {total} late");
    assert!(by_enterer > 50, "{by_enterer}");
    // The audit log says the same: who entered the value and on that day, not the admin
    // who ran the demo at the moment it ran.
    let history = store.history("WE03").unwrap();
    let stored = store.values_of("WE03").unwrap();
    for v in &stored {
        let row = history
            .iter()
            .find(|h| h.table == "values" && h.key == format!("WE03|{}", v.period))
            .unwrap();
        assert_eq!(
            (row.login.as_str(), row.at.as_str()),
            (v.entered_by.as_str(), v.entered_at.as_str())
        );
    }
    assert_eq!(
        store
            .query_i64(&format!(
                "SELECT count(*) FROM audit_log WHERE tbl = 'values' AND login = '{ADMIN}'"
            ))
            .unwrap(),
        0
    );
}

#[test]
fn every_quarter_before_the_current_one_is_signed_off_by_leadership_team() {
    let (_dir, path) = build();
    let mut store = Store::open(&path, ADMIN).unwrap();
    let ctx = store.dataset().unwrap().context(today());
    let lt: BTreeSet<String> = store.board_members("LT").unwrap().into_iter().collect();
    let signed: HashMap<String, (String, String)> = store
        .signoffs()
        .unwrap()
        .into_iter()
        .map(|(p, by, at)| (p, (by, at)))
        .collect();
    let current: Period = "2026/27 Q3".parse().unwrap();
    let mut quarter: Period = "2024/25 Q1".parse().unwrap();
    while quarter != current {
        let (by, at) = signed
            .get(&quarter.to_string())
            .unwrap_or_else(|| panic!("{quarter} is not signed off"));
        assert!(
            lt.contains(by),
            "{quarter} signed off by {by}, not a member of LT"
        );
        let day: NaiveDate = at[..10].parse().unwrap();
        let due = deadline(quarter, 15);
        assert!(
            day > due && (day - due).num_days() < 45 && day <= today(),
            "{quarter} signed {day}"
        );
        // Its values are locked now.
        let change = NewValue {
            indicator: "HR01".into(),
            period: Period::Month(quarter.last_month()),
            value: Some(0.5),
            numerator: None,
            denominator: None,
            quality: Quality::Final,
            commentary: String::new(),
            action: String::new(),
        };
        let err = store.record_value(&change, Expect::Any, ctx).unwrap_err();
        assert!(err.to_string().contains("signed off"), "{quarter}: {err}");
        quarter = quarter.next();
    }
    assert_eq!(signed.len(), 10);
    // Each quarter's statuses are frozen, its months' too: reports read them from there.
    let ds = store.dataset().unwrap();
    for (period, code) in [
        ("2026/27 Q2", "PL01"),
        ("2026-09", "WE03"),
        ("2024/25 Q1", "HR02"),
    ] {
        assert!(ds.frozen.get(period, code).is_some(), "{period} {code}");
    }
}

#[test]
fn the_demo_summary_is_written_for_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = Command::new(common::pmdb_binary())
        .args(["--db", db.to_str().unwrap(), "demo"])
        .env("PMDB_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains(": \"") && !text.contains('[') && !text.contains('{'),
        "{text}"
    );
    assert!(text.contains("Wyvern Vale District Council"), "{text}");
    assert!(text.contains("2024/25 to 2026/27"), "{text}");
    assert!(
        text.contains("10 quarters signed off by Leadership Team"),
        "{text}"
    );
}

#[test]
fn a_measure_introduced_part_way_is_collected_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, "perf", "2026-11-24".parse().unwrap(), 1).unwrap();
    let store = pmdb::store::Store::open(&path, "perf").unwrap();
    let ds = store.dataset().unwrap();
    let rec = ds.indicator("CS03").expect("CS03 in the demo");
    assert_eq!(
        rec.collect_from.map(|m| m.to_string()).as_deref(),
        Some("2025-10")
    );
    let ctx = ds.context("2026-11-24".parse().unwrap());
    let series = ds.series(rec);
    // Before October 2025 nothing is owed: no status, never missing.
    let june = ds.assess(&series, "2025-06".parse().unwrap(), ctx);
    assert_eq!(june.rag, pmdb::domain::rag::Rag::None, "{}", june.rule);
    assert!(
        june.rule.to_string().contains("not collected before"),
        "{}",
        june.rule
    );
    assert!(
        ds.values_of("CS03")
            .iter()
            .all(|v| v.period.first_month() >= rec.collect_from.unwrap())
    );
    // From then on it is judged as any other.
    let oct = ds.assess(&series, "2025-10".parse().unwrap(), ctx);
    assert_ne!(oct.rag, pmdb::domain::rag::Rag::None, "{}", oct.rule);
    // The report of a quarter before it says where its collection starts, and states the
    // rules on rounding, ended periods and plausible figures.
    let report = pmdb::query::report::markdown(
        &ds,
        "2025/26 Q2".parse().unwrap(),
        pmdb::query::rollup::GroupBy::Priority,
        ctx,
    );
    let cs03 = report
        .lines()
        .find(|l| l.contains("| CS03 "))
        .expect("CS03 in the report");
    assert!(cs03.contains("collected from 2025-10"), "{cs03}");
    assert!(report.contains("plausible bounds"), "{report}");
}

#[test]
fn one_quarter_was_reopened_for_a_correction_and_signed_off_again_on_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, "perf", "2026-11-24".parse().unwrap(), 1).unwrap();
    let out = assert_cmd::Command::cargo_bin("pmdb")
        .unwrap()
        .args([
            "--db",
            path.to_str().unwrap(),
            "report",
            "--period",
            "2024/25 Q2",
        ])
        .env("PMDB_TODAY", "2026-11-24")
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}");
    assert!(report.contains("reopened"), "{report}");
    assert!(report.contains("double-counted"), "{report}");
    assert!(report.contains("signed off again"), "{report}");
}
