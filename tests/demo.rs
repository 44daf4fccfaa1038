//! The demo council (`pmdb demo`) against a real database: what it holds, judged through
//! the same store and query API the commands use. Today is 2026-11-24 unless a test says
//! otherwise, so the month now due is 2026-10.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pmdb::demo::{DemoSummary, build_demo};
use pmdb::domain::assess::{Assessment, Context};
use pmdb::domain::delivery::DeliveryRag;
use pmdb::domain::delivery::action::ActionException;
use pmdb::domain::delivery::project::ProjectException;
use pmdb::domain::delivery::risk::{RiskException, heat_map};
use pmdb::domain::indicator::{Aggregation, Frequency, IndicatorKind, Polarity};
use pmdb::domain::period::{FinYear, Period};
use pmdb::domain::plan::NodeKind;
use pmdb::domain::rag::{Rag, RagRule};
use pmdb::domain::role::Role;
use pmdb::domain::workflow::{ExceptionKind, ExceptionStatus};
use pmdb::query::rollup::{GroupBy, rollup};
use pmdb::store::{Dataset, ExceptionFilter, Quality, Store, StoreError};

const ADMIN: &str = "perfadmin";

fn today() -> NaiveDate {
    "2026-11-24".parse().unwrap()
}

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

/// Builds a demo in a fresh folder; the folder lives as long as the returned guard.
fn build(today: NaiveDate, scale: u32) -> (tempfile::TempDir, PathBuf, DemoSummary) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let summary = build_demo(&path, ADMIN, today, scale).unwrap();
    (dir, path, summary)
}

fn open(path: &Path) -> (Store, Dataset, Context) {
    let store = Store::open(path, ADMIN).unwrap();
    let ds = store.dataset().unwrap();
    let ctx = ds.context(today());
    (store, ds, ctx)
}

fn assess(ds: &Dataset, code: &str, period: &str, ctx: Context) -> Assessment {
    let rec = ds
        .indicator(code)
        .unwrap_or_else(|| panic!("no indicator {code}"));
    ds.assess(&ds.series(rec), p(period), ctx)
}

/// The codes with this status for a period, each indicator assessed at that period.
fn with_rag(ds: &Dataset, period: &str, rag: Rag, ctx: Context) -> BTreeSet<String> {
    ds.indicators
        .iter()
        .filter(|r| assess(ds, &r.indicator.code, period, ctx).rag == rag)
        .map(|r| r.indicator.code.clone())
        .collect()
}

fn set(codes: &[&str]) -> BTreeSet<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

#[test]
fn seventy_two_indicators_of_every_kind_frequency_polarity_and_aggregation() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, ds, _) = open(&path);
    let all = store.indicators().unwrap();
    assert_eq!((all.len(), summary.indicators), (72, 72));
    let kinds: BTreeSet<&str> = all.iter().map(|r| r.indicator.kind.as_str()).collect();
    assert_eq!(kinds.len(), IndicatorKind::ALL.len(), "{kinds:?}");
    let count =
        |f: &dyn Fn(&pmdb::store::IndicatorRecord) -> bool| all.iter().filter(|r| f(r)).count();
    for freq in Frequency::ALL {
        assert!(count(&|r| r.indicator.frequency == *freq) >= 2, "{freq}");
    }
    for pol in Polarity::ALL {
        assert!(count(&|r| r.indicator.polarity == *pol) >= 2, "{pol}");
    }
    for agg in Aggregation::ALL {
        assert!(count(&|r| r.indicator.aggregation == *agg) >= 1, "{agg}");
    }
    assert_eq!(count(&|r| r.indicator.kind == IndicatorKind::Contextual), 8);
    assert_eq!(count(&|r| r.indicator.kind == IndicatorKind::Sdl), 10);
    assert_eq!(count(&|r| r.indicator.kind == IndicatorKind::Partner), 3);
    assert_eq!(count(&|r| r.indicator.polarity == Polarity::None), 6);
    let units: BTreeSet<&str> = all.iter().map(|r| r.indicator.unit.as_str()).collect();
    for unit in ["%", "count", "days", "£", "kg", "per 100,000 collections"] {
        assert!(units.contains(unit), "no indicator in {unit}: {units:?}");
    }
    // Four indicators carry their own tolerance rule instead of the council default.
    let tolerances: Vec<&str> = all
        .iter()
        .filter(|r| matches!(r.indicator.rag_rule, Some(RagRule::Tolerance { .. })))
        .map(|r| r.indicator.code.as_str())
        .collect();
    assert_eq!(tolerances, ["PL09", "HS08", "LC01", "RB06"]);
    // Every indicator is linked into the plan (some twice) and owned by an officer.
    let officers: BTreeSet<String> = store
        .users()
        .unwrap()
        .into_iter()
        .filter(|u| u.role == Role::Officer)
        .map(|u| u.login)
        .collect();
    assert!(
        all.iter()
            .all(|r| !r.plan.is_empty() && officers.contains(&r.indicator.owner))
    );
    assert!(count(&|r| r.plan.len() == 2) >= 30);
    assert_eq!(ds.indicator("PL01").unwrap().plan, ["TP-PLN-DM", "KA3.1.1"]);
    assert_eq!(ds.indicator("PL01").unwrap().indicator.owner, "jpatel");
    // Data-entry officers besides the owner: the waste data officer enters four.
    let entered_by_jreid = count(&|r| r.enterers.contains(&"jreid".to_string()));
    assert_eq!(entered_by_jreid, 4);
    assert_eq!(count(&|r| !r.enterers.is_empty()), 7);
}

#[test]
fn three_financial_years_of_data_up_to_the_month_now_due() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, _, _) = open(&path);
    assert_eq!(summary.years, ["2024/25", "2025/26", "2026/27"]);
    assert_eq!(summary.month_now_due, "2026-10");
    let periods = |code: &str| -> Vec<String> {
        let mut v = store.values_of(code).unwrap();
        v.sort_by_key(|v| v.period.sort_key());
        v.iter().map(|v| v.period.to_string()).collect()
    };
    // Monthly: April 2024 to October 2026, 31 months.
    let days = periods("RB03");
    assert_eq!(
        (days.len(), days[0].as_str(), days[30].as_str()),
        (31, "2024-04", "2026-10")
    );
    // Quarterly: up to the last quarter that has ended.
    let majors = periods("PL01");
    assert_eq!(
        (majors.len(), majors[0].as_str(), majors[9].as_str()),
        (10, "2024/25 Q1", "2026/27 Q2")
    );
    // Annual: the two years that have ended.
    assert_eq!(periods("HS05"), ["2024/25", "2025/26"]);
    // Nothing anywhere after the month now due; every one of the three years has data.
    let all = store.all_values().unwrap();
    let latest = all
        .values()
        .flatten()
        .map(|v| v.period.last_month())
        .max()
        .unwrap();
    assert_eq!(latest.to_string(), "2026-10");
    for year in [2024, 2025, 2026] {
        assert!(
            all.values()
                .flatten()
                .filter(|v| v.period.fin_year() == FinYear(year))
                .count()
                > 300,
            "{year}"
        );
    }
    assert_eq!(all.values().map(Vec::len).sum::<usize>(), summary.values);
    // 1,451 figures less CS03's eighteen months before the customer portal went live
    // (collected from 2025-10).
    assert_eq!(summary.values, 1433);
}

#[test]
fn some_values_are_missing_after_their_deadline() {
    let (_dir, path, _) = build(today(), 1);
    let (_, ds, ctx) = open(&path);
    // Four monthly indicators have nothing for October, past its deadline of 15 November.
    assert_eq!(
        with_rag(&ds, "2026-10", Rag::Missing, ctx),
        set(&["WE05", "LC02", "CS05", "LD05"])
    );
    let a = assess(&ds, "WE05", "2026-10", ctx);
    assert_eq!(a.rule.to_string(), "no value by the deadline 15 Nov 2026");
    // The police's quarterly figures are a quarter behind.
    assert_eq!(assess(&ds, "CP01", "2026/27 Q2", ctx).rag, Rag::Missing);
    assert_eq!(assess(&ds, "CP01", "2026/27 Q1", ctx).rag, Rag::Green);
    // Gaps last year: agency spend for August and September 2025, enforcement for August.
    for (code, period) in [
        ("HR04", "2025-08"),
        ("HR04", "2025-09"),
        ("PL06", "2025-08"),
    ] {
        assert_eq!(
            assess(&ds, code, period, ctx).rag,
            Rag::Missing,
            "{code} {period}"
        );
    }
    assert_ne!(assess(&ds, "PL06", "2025-09", ctx).rag, Rag::Missing);
    // `pmdb check` finds exactly these overdue periods and nothing else wrong.
    let findings = pmdb::query::check::check(&ds, today(), ctx);
    let found: BTreeSet<(String, String)> = findings
        .iter()
        .map(|f| {
            (
                f.check.to_string(),
                format!("{} {}", f.code, f.period.clone().unwrap_or_default()),
            )
        })
        .collect();
    let overdue = |s: &str| ("overdue".to_string(), s.to_string());
    let expected: BTreeSet<(String, String)> = [
        "WE05 2026-10",
        "LC02 2026-10",
        "CS05 2026-10",
        "LD05 2026-10",
        "CP01 2026/27 Q2",
        "HR04 2025-08",
        "HR04 2025-09",
        "PL06 2025-08",
    ]
    .into_iter()
    .map(overdue)
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn red_and_amber_values_are_explained_and_some_are_red_now() {
    let (_dir, path, _) = build(today(), 1);
    let (_, ds, ctx) = open(&path);
    let red_now = with_rag(&ds, "2026-10", Rag::Red, ctx);
    for code in ["PL02", "WE03", "HS01", "CS01"] {
        assert!(
            red_now.contains(code),
            "{code} is not red in 2026-10: {red_now:?}"
        );
    }
    let hs01 = assess(&ds, "HS01", "2026-10", ctx);
    assert_eq!((hs01.target, hs01.intervention), (Some(65.0), Some(80.0)));
    assert!(hs01.value.unwrap() > 80.0);
    // The quarterly Disabled Facilities Grant times are red for the last quarter.
    assert_eq!(assess(&ds, "HS07", "2026/27 Q2", ctx).rag, Rag::Red);
    // Over all recorded periods: mostly green, a minority amber, a few red; every amber
    // and red figure has a commentary and a remedial action.
    let mut counts: HashMap<Rag, usize> = HashMap::new();
    for rec in &ds.indicators {
        let series = ds.series(rec);
        for v in ds.values_of(&rec.indicator.code) {
            let rag = ds.assess(&series, v.period, ctx).rag;
            *counts.entry(rag).or_default() += 1;
            if matches!(rag, Rag::Amber | Rag::Red) {
                assert!(
                    !v.commentary.is_empty() && !v.action.is_empty(),
                    "{} {} is {rag} unexplained",
                    v.indicator,
                    v.period
                );
            }
        }
    }
    let judged = counts[&Rag::Green] + counts[&Rag::Amber] + counts[&Rag::Red];
    let share = |rag: Rag| counts[&rag] as f64 / judged as f64;
    assert!(share(Rag::Green) > 0.75, "{counts:?}");
    assert!((0.05..0.2).contains(&share(Rag::Amber)), "{counts:?}");
    assert!((0.005..0.05).contains(&share(Rag::Red)), "{counts:?}");
    // Contextual and data-only measures never get a status.
    assert_eq!(counts[&Rag::None], 255);
}

#[test]
fn data_quality_flags_sit_mostly_on_recent_figures() {
    let (_dir, path, _) = build(today(), 1);
    let (store, _, _) = open(&path);
    let all: Vec<_> = store
        .all_values()
        .unwrap()
        .into_values()
        .flatten()
        .collect();
    let provisional: Vec<_> = all
        .iter()
        .filter(|v| v.quality == Quality::Provisional)
        .collect();
    let estimated = all
        .iter()
        .filter(|v| v.quality == Quality::Estimated)
        .count();
    assert!(provisional.len() >= 20, "{}", provisional.len());
    assert!((5..60).contains(&estimated), "{estimated}");
    // Provisional figures are each indicator's latest two (mostly this year's months).
    for v in &provisional {
        let mut periods: Vec<Period> = store
            .values_of(&v.indicator)
            .unwrap()
            .into_iter()
            .map(|v| v.period)
            .collect();
        periods.sort_by_key(|p| p.sort_key());
        assert!(
            periods.iter().rev().take(2).any(|p| *p == v.period),
            "{} {}",
            v.indicator,
            v.period
        );
    }
    let this_year = provisional
        .iter()
        .filter(|v| v.period.fin_year() == FinYear(2026))
        .count();
    assert!(
        this_year * 4 > provisional.len() * 3,
        "{this_year} of {}",
        provisional.len()
    );
    // Residual waste's latest quarter is still an estimate from the weighbridge.
    assert_eq!(
        store
            .value_at("WE02", p("2026/27 Q2"))
            .unwrap()
            .unwrap()
            .quality,
        Quality::Estimated
    );
}

#[test]
fn ratios_carry_numerators_and_denominators_that_give_their_value() {
    let (_dir, path, _) = build(today(), 1);
    let (store, ds, _) = open(&path);
    let mut checked = 0;
    for rec in ds
        .indicators
        .iter()
        .filter(|r| r.indicator.aggregation == Aggregation::Ratio)
    {
        let scale = rec.indicator.ratio_scale();
        for v in store.values_of(&rec.indicator.code).unwrap() {
            let (n, d) = (v.numerator.unwrap(), v.denominator.unwrap());
            assert!(
                d > 0.0 && (0.0..=d).contains(&n),
                "{} {}",
                v.indicator,
                v.period
            );
            assert!(
                (v.value - n / d * scale).abs() < 1e-9,
                "{} {}: {} vs {n}/{d}",
                v.indicator,
                v.period,
                v.value
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked}");
    // Missed bins are per 100,000 collections: some tens of misses in ~190,000 lifts.
    let bins = store.value_at("WE03", p("2025-06")).unwrap().unwrap();
    assert!((150_000.0..230_000.0).contains(&bins.denominator.unwrap()));
    assert!((10.0..80.0).contains(&bins.value), "{}", bins.value);
    // Non-ratios give no parts.
    assert!(
        store
            .values_of("RB03")
            .unwrap()
            .iter()
            .all(|v| v.numerator.is_none() && v.denominator.is_none())
    );
}

#[test]
fn targets_for_every_year_tighten_and_some_are_profiled() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, ds, _) = open(&path);
    let targets = store.all_targets().unwrap();
    for rec in &ds.indicators {
        let rows = targets
            .get(&rec.indicator.code)
            .cloned()
            .unwrap_or_default();
        let years: BTreeSet<i32> = rows
            .iter()
            .filter(|t| t.period.is_none())
            .map(|t| t.year.0)
            .collect();
        if rec.indicator.takes_targets() {
            assert_eq!(years, [2024, 2025, 2026].into(), "{}", rec.indicator.code);
            assert!(rows.iter().all(|t| t.intervention.is_some()));
        } else {
            assert!(rows.is_empty(), "{} takes no targets", rec.indicator.code);
        }
    }
    let annual = |code: &str| -> Vec<(f64, Option<f64>)> {
        targets[code]
            .iter()
            .filter(|t| t.period.is_none())
            .map(|t| (t.target, t.intervention))
            .collect()
    };
    // New benefit claims: a day quicker each year (lower is better).
    assert_eq!(
        annual("RB03"),
        [(20.0, Some(24.0)), (19.0, Some(23.0)), (18.0, Some(22.0))]
    );
    // Recycling: a point higher each year.
    assert_eq!(
        annual("WE01"),
        [(50.0, Some(46.0)), (51.0, Some(47.0)), (52.0, Some(48.0))]
    );
    // Council tax is profiled month by month (and by quarter) on the collection curve.
    let profile = |code: &str, period: &str| {
        targets[code]
            .iter()
            .find(|t| t.period == Some(p(period)))
            .map(|t| (t.target, t.intervention))
    };
    assert_eq!(profile("RB01", "2024-04"), Some((10.5, Some(9.8))));
    assert_eq!(profile("RB01", "2026-09"), Some((55.4, Some(54.7))));
    assert_eq!(profile("RB01", "2027-03"), Some((97.7, Some(97.0))));
    assert_eq!(targets["RB01"].len(), 3 * (1 + 12 + 4));
    // Museum visits are profiled by quarter: the summer quarter carries the most.
    assert_eq!(
        profile("LC03", "2024/25 Q2"),
        Some((21_760.0, Some(19_040.0)))
    );
    // Leisure visits are profiled by month: August's is above December's.
    assert!(profile("LC01", "2025-08").unwrap().0 > profile("LC01", "2025-12").unwrap().0);
    assert_eq!(
        summary.targets,
        targets.values().map(Vec::len).sum::<usize>()
    );
}

#[test]
fn the_golden_thread_runs_from_vision_to_objectives() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, _, _) = open(&path);
    let nodes = store.plan_nodes().unwrap();
    assert_eq!(nodes.len(), summary.plan_nodes);
    let of = |k: NodeKind| nodes.iter().filter(|n| n.kind == k).collect::<Vec<_>>();
    assert_eq!(of(NodeKind::Vision).len(), 1);
    let priorities = of(NodeKind::Priority);
    assert_eq!(
        priorities
            .iter()
            .map(|n| n.title.as_str())
            .collect::<Vec<_>>(),
        [
            "A greener Wyvern Vale",
            "Homes and communities",
            "A thriving local economy",
            "An efficient, modern council"
        ]
    );
    for pr in &priorities {
        let outcomes = nodes
            .iter()
            .filter(|n| n.parent.as_deref() == Some(pr.code.as_str()))
            .count();
        assert!((2..=3).contains(&outcomes), "{}", pr.code);
    }
    assert!(
        of(NodeKind::Priority)
            .iter()
            .chain(&of(NodeKind::Outcome))
            .all(|n| n.portfolio.is_some())
    );
    for k in [
        NodeKind::ServicePlan,
        NodeKind::TeamPlan,
        NodeKind::Objective,
    ] {
        assert!(of(k).iter().all(|n| n.service.is_some()), "{k}");
    }
    assert_eq!(
        (
            of(NodeKind::Outcome).len(),
            of(NodeKind::Activity).len(),
            of(NodeKind::ServicePlan).len()
        ),
        (11, 19, 9)
    );
    assert_eq!(
        (of(NodeKind::TeamPlan).len(), of(NodeKind::Objective).len()),
        (19, 20)
    );
    assert!(
        nodes
            .iter()
            .all(|n| n.from_year == FinYear(2024) && n.to_year.is_none())
    );
    // Nine services with their heads, six portfolios with councillors holding them.
    let services = store.services().unwrap();
    assert_eq!(services.len(), 9);
    assert!(
        services
            .iter()
            .any(|s| s.name == "Revenues & Benefits" && s.lead == "mdavies")
    );
    let portfolios = store.portfolios().unwrap();
    assert_eq!(portfolios.len(), 6);
    assert!(portfolios.iter().all(|p| p.lead.starts_with("Cllr ")));
    assert_eq!(
        store.board_members("MB").unwrap(),
        ["jmitchell", "nhussain", "revans", "sclarke"]
    );
    assert_eq!(store.board_members("LT").unwrap().len(), 13);
    assert_eq!(store.board_members("PPG").unwrap().len(), 5);
    assert_eq!(
        store.settings().unwrap().council_name,
        "Wyvern Vale District Council"
    );
}

#[test]
fn people_and_the_rest_of_the_register() {
    let (_dir, path, s) = build(today(), 1);
    let (store, _, _) = open(&path);
    let users = store.users().unwrap();
    let role = |r: Role| users.iter().filter(|u| u.role == r).count();
    assert_eq!(
        (
            role(Role::Admin),
            role(Role::Performance),
            role(Role::Officer),
            role(Role::Viewer)
        ),
        (1, 2, 33, 7)
    );
    assert_eq!((s.users, s.officers), (43, 33));
    assert!(
        users
            .iter()
            .any(|u| u.login == "jpatel" && u.name.starts_with("Jaspreet Patel"))
    );
    // Delivery, judged for the month now due (October 2026).
    let ds = store.dataset().unwrap();
    let d = &ds.delivery;
    let october: Period = "2026-10".parse().unwrap();
    let ctx = ds.context(today());
    let actions = d.action_rows(october, ctx);
    assert_eq!(actions.len(), 28);
    let with = |rag: DeliveryRag| -> Vec<&str> {
        actions
            .iter()
            .filter(|a| a.judgement.rag == rag)
            .map(|a| a.record.code.as_str())
            .collect()
    };
    // One overdue with no agreed revised date; two more overdue on their first due date
    // but within the revised date their owners agreed.
    assert_eq!(with(DeliveryRag::Red), ["ACT-27"]);
    assert_eq!(
        actions
            .iter()
            .find(|a| a.record.code == "ACT-27")
            .unwrap()
            .judgement
            .rule
            .to_string(),
        "overdue since 2026-10-20"
    );
    // ACT-03 was at risk in September; with October's update missing it is counted
    // missing, not amber (issue 21).
    assert_eq!(
        with(DeliveryRag::Amber),
        ["ACT-16", "ACT-04", "ACT-11", "ACT-18", "ACT-08", "ACT-26"]
    );
    assert_eq!(with(DeliveryRag::Completed).len(), 9);
    // Three owners have not yet given October's update, past its deadline of 15 November:
    // each is missing, whatever September's update said.
    assert_eq!(with(DeliveryRag::Missing), ["ACT-17", "ACT-24", "ACT-03"]);
    let missing: Vec<&str> = actions
        .iter()
        .filter(|a| a.judgement.exception() == Some(ActionException::MissingUpdate))
        .map(|a| a.record.code.as_str())
        .collect();
    assert_eq!(missing, ["ACT-17", "ACT-24", "ACT-03"]);
    // Every action has its owner's monthly updates.
    assert!(
        d.action_updates.len() > 28 * 6,
        "{}",
        d.action_updates.len()
    );
    // Projects: one complete, two with a slipped milestone, one off track.
    let projects = d.project_rows(october, ctx);
    assert_eq!((projects.len(), d.milestones.len()), (6, 22));
    let project = |code: &str| {
        &projects
            .iter()
            .find(|p| p.record.code == code)
            .unwrap()
            .judgement
    };
    assert_eq!(project("PJ-01").rag, DeliveryRag::Completed);
    assert_eq!(
        project("PJ-02").rule.to_string(),
        "milestone \"Planning permission granted\" late (due 2026-09-25); at risk (update for 2026-10)"
    );
    assert_eq!(
        project("PJ-05").exceptions(),
        [ProjectException::OffTrack, ProjectException::LateMilestone]
    );
    // Risks of all four categories: four above their target score, two past their review.
    let risks = d.risk_rows(october);
    let categories: BTreeSet<&str> = risks.iter().map(|r| r.record.category.as_str()).collect();
    assert_eq!(
        categories,
        ["business", "operational", "partnership", "strategic"].into()
    );
    let owing = |e: RiskException| -> Vec<&str> {
        risks
            .iter()
            .filter(|r| r.judgement.exceptions().contains(&e))
            .map(|r| r.record.code.as_str())
            .collect()
    };
    assert_eq!(
        owing(RiskException::AboveTarget),
        ["RSK-01", "RSK-03", "RSK-05", "RSK-15"]
    );
    assert_eq!(owing(RiskException::ReviewOverdue), ["RSK-03", "RSK-10"]);
    // Reviews move scores both ways over the three years.
    let directions: BTreeSet<_> = ["2024-08", "2025-02", "2025-08", "2026-02", "2026-08"]
        .iter()
        .flat_map(|p| d.risk_rows(p.parse().unwrap()))
        .filter_map(|r| r.judgement.direction.map(|d| d.as_str()))
        .collect();
    assert_eq!(directions.len(), 3, "{directions:?}");
    let map = heat_map(risks.iter().map(|r| &r.judgement));
    assert_eq!(
        map.iter().flatten().sum::<u32>(),
        15,
        "the closed risk is off the map"
    );
    assert_eq!(
        (map[3][4], map[4][3]),
        (1, 1),
        "RSK-01 at 4 × 5 and RSK-03 at 5 × 4"
    );
    let eias = d.eia_rows(october);
    assert_eq!(eias.len(), 8);
    assert!(
        eias.iter()
            .filter(|e| e.record.completed.is_some())
            .all(|e| !e.record.outcome.is_empty())
    );
    // The masterplan's assessment falls due on 4 November: overdue in November, not October.
    let masterplan = |p: &str| {
        d.eia_rows(p.parse().unwrap())
            .into_iter()
            .find(|e| e.record.code == "EIA-03")
            .unwrap()
            .judgement
            .overdue
    };
    assert_eq!(
        (masterplan("2026-10"), masterplan("2026-11")),
        (false, true)
    );
    assert_eq!(store.case_studies().unwrap().len(), 4);
    // Budgets: nine services × 36 months; actuals up to October 2026, forecasts after.
    let budgets = store.budgets().unwrap();
    assert_eq!(budgets.len(), 9 * 36);
    let b = |month: &str| {
        budgets
            .iter()
            .find(|b| b.service == "HSG" && b.month == month)
            .unwrap()
    };
    assert!(b("2026-10").actual.is_some() && b("2026-10").forecast.is_none());
    assert!(b("2026-11").actual.is_none() && b("2026-11").forecast.is_some());
    assert!(b("2027-03").budget > 0.0);
    // Benchmarks: five comparators for each of 14 indicators, by quarter or year.
    let benchmarks = store.benchmarks().unwrap();
    let benchmarked: BTreeSet<&str> = benchmarks.iter().map(|b| b.indicator.as_str()).collect();
    assert_eq!(benchmarked.len(), 14);
    assert_eq!(
        benchmarks.iter().filter(|b| b.indicator == "PL01").count(),
        5 * 10
    );
    assert_eq!(
        (
            s.actions,
            s.projects,
            s.risks,
            s.eias,
            s.case_studies,
            s.budgets,
            s.benchmarks
        ),
        (28, 6, 16, 8, 4, 324, 700)
    );
}

#[test]
fn the_exception_queue_for_the_month_now_due_is_open_and_lived_in() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, _, _) = open(&path);
    // The PPG that reviews October 2026 meets after its deadline, in November.
    let meetings = store.meetings().unwrap();
    let ppg = meetings
        .iter()
        .find(|m| m.board == "PPG" && m.period == "2026-10")
        .unwrap();
    assert_eq!(ppg.date, "2026-11-26");
    assert!(
        meetings.iter().any(|m| m.board == "MB")
            && meetings
                .iter()
                .any(|m| m.board == "LT" && m.period == "2026/27 Q2")
    );
    let now = store
        .exceptions(&ExceptionFilter {
            period: Some("2026-10".into()),
            ..Default::default()
        })
        .unwrap();
    let kinds: BTreeMap<String, usize> = now.iter().fold(BTreeMap::new(), |mut m, e| {
        *m.entry(e.kind.to_string()).or_default() += 1;
        m
    });
    let expected: BTreeMap<String, usize> = [
        ("red", 4),
        ("missing", 4),
        ("action", 1),
        ("project", 1),
        ("milestone", 3),
        ("missing_update", 3),
        ("risk", 4),
        ("risk_review", 2),
    ]
    .map(|(k, n)| (k.to_string(), n))
    .into();
    assert_eq!(kinds, expected);
    assert!(now.iter().all(|e| e.meeting == Some(ppg.id)));
    let status = |s: ExceptionStatus| now.iter().filter(|e| e.status == s).collect::<Vec<_>>();
    assert_eq!(status(ExceptionStatus::Open).len(), 18);
    assert_eq!(status(ExceptionStatus::Proposed).len(), 1);
    assert_eq!(status(ExceptionStatus::Agreed).len(), 1);
    assert_eq!(status(ExceptionStatus::Closed).len(), 1);
    let escalated = status(ExceptionStatus::Escalated);
    assert_eq!(escalated.len(), 1);
    let board = store.board_members("MB").unwrap();
    assert!(board.contains(&escalated[0].board_member));
    assert_eq!(escalated[0].escalation_due.as_deref(), Some("2026-12-29"));
    // A red exception carries the figures and the officer's explanation.
    let red = now
        .iter()
        .find(|e| e.kind == ExceptionKind::Red && e.subject == "CS01")
        .unwrap();
    assert!(red.figures.starts_with("2026-10 "), "{}", red.figures);
    assert!(red.commentary.contains(" / Action: "), "{}", red.commentary);
    // Last month's queue was dealt with: all closed but two agreed.
    let last = store
        .exceptions(&ExceptionFilter {
            period: Some("2026-09".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(last.len() >= 4);
    assert_eq!(
        last.iter()
            .filter(|e| e.status == ExceptionStatus::Agreed)
            .count(),
        2
    );
    assert_eq!(
        last.iter()
            .filter(|e| e.status == ExceptionStatus::Closed)
            .count(),
        last.len() - 2
    );
    assert_eq!(summary.exceptions, now.len() + last.len());
    assert_eq!(summary.open_exceptions, 18);
}

#[test]
fn the_rollup_shows_the_months_problems() {
    let (_dir, path, _) = build(today(), 1);
    let (_, ds, ctx) = open(&path);
    let r = rollup(&ds, p("2026-10"), GroupBy::Priority, ctx);
    assert_eq!(r.groups.len(), 4);
    let total = |f: fn(&pmdb::domain::rollup::Counts) -> usize| {
        r.groups.iter().map(|g| f(&g.counts)).sum::<usize>()
    };
    assert_eq!(total(|c| c.missing), 4);
    assert!(total(|c| c.red) >= 4 && total(|c| c.amber) >= 2);
    assert!(total(|c| c.green) > 3 * (total(|c| c.red) + total(|c| c.amber)));
}

#[test]
fn the_same_arguments_give_the_same_council() {
    let (_a, first, s1) = build(today(), 2);
    let (_b, second, s2) = build(today(), 2);
    assert_eq!(s1, s2);
    let snapshot = |path: &Path| {
        let store = Store::open(path, ADMIN).unwrap();
        let mut values: Vec<String> = store
            .all_values()
            .unwrap()
            .into_values()
            .flatten()
            .map(|v| {
                format!(
                    "{} {} {} {:?} {:?} {} {} {} {} {}",
                    v.indicator,
                    v.period,
                    v.value,
                    v.numerator,
                    v.denominator,
                    v.quality,
                    v.commentary,
                    v.action,
                    v.entered_by,
                    v.version
                )
            })
            .collect();
        values.sort();
        let targets: BTreeMap<String, String> = store
            .all_targets()
            .unwrap()
            .into_iter()
            .map(|(k, v)| (k, format!("{v:?}")))
            .collect();
        let exceptions: Vec<String> = store
            .exceptions(&ExceptionFilter::default())
            .unwrap()
            .into_iter()
            .map(|e| {
                format!(
                    "{} {} {} {} {} {} {} {}",
                    e.id,
                    e.kind,
                    e.period,
                    e.subject,
                    e.figures,
                    e.status,
                    e.decision,
                    e.board_member
                )
            })
            .collect();
        let rest = format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            store.users().unwrap(),
            store.plan_nodes().unwrap(),
            store.indicators().unwrap(),
            store.delivery().unwrap(),
            store.case_studies().unwrap(),
            store.milestones().unwrap(),
            store.eias().unwrap(),
            store.budgets().unwrap(),
            store.benchmarks().unwrap(),
            store.meetings().unwrap()
        );
        (values, targets, exceptions, rest)
    };
    let (v1, t1, e1, r1) = snapshot(&first);
    let (v2, t2, e2, r2) = snapshot(&second);
    assert_eq!(v1.len(), 2 * 1433);
    assert!(v1 == v2, "values differ between two builds");
    assert!(t1 == t2, "targets differ");
    assert_eq!(e1, e2);
    assert!(r1 == r2, "plan, people or registers differ");
}

#[test]
fn scale_ten_is_ten_times_the_council() {
    // How long the build takes is the benches' to say (`cargo bench --bench rollup`
    // prints it), not a test's.
    let (_dir, path, ten) = build(today(), 10);
    let (store, ds, ctx) = open(&path);
    assert_eq!(ten.indicators, 720);
    assert_eq!(ten.values, 14_330);
    assert_eq!(ten.officers, 4 + 10 * 29);
    assert!(ten.officers as f64 >= 8.5 * 33.0);
    // Each area has its own copy with its own officer and team plan, and its own numbers.
    let north = ds.indicator("PL02-2").unwrap();
    assert_eq!(north.plan, ["TP-PLN-DM-2", "KA3.1.1"]);
    assert_ne!(north.indicator.owner, "jpatel");
    assert!(north.indicator.title.ends_with("– North"));
    assert_ne!(
        store.values_of("PL02-2").unwrap(),
        store.values_of("PL02").unwrap()
    );
    // Same shape: each area's four monthly gaps are missing in October.
    assert_eq!(with_rag(&ds, "2026-10", Rag::Missing, ctx).len(), 40);
    assert_eq!(
        store.plan_nodes().unwrap().len(),
        1 + 4 + 11 + 19 + 10 * (9 + 19 + 20)
    );
    // Delivery grows with it: each area its team actions, projects, risks and assessments,
    // each with its own owner and history.
    let d = &ds.delivery;
    assert_eq!(
        (
            d.actions.len(),
            d.projects.len(),
            d.risks.len(),
            d.eias.len()
        ),
        (10 + 10 * 18, 10 * 6, 10 * 16, 10 * 8)
    );
    let north = d.risks.iter().find(|r| r.code == "RSK-01-2").unwrap();
    assert!(north.title.ends_with("– North"), "{}", north.title);
    assert_ne!(north.owner, "nhussain");
    assert_eq!(
        d.risk_reviews
            .iter()
            .filter(|r| r.risk == "RSK-01-2")
            .count(),
        d.risk_reviews.iter().filter(|r| r.risk == "RSK-01").count()
    );
    assert!(d.project_updates.iter().any(|u| u.project == "PJ-05-2"));
}

#[test]
fn the_demo_follows_today() {
    let june_2025: NaiveDate = "2025-06-20".parse().unwrap();
    let (_dir, path, summary) = build(june_2025, 1);
    assert_eq!(summary.month_now_due, "2025-05");
    assert_eq!(summary.years, ["2023/24", "2024/25", "2025/26"]);
    let store = Store::open(&path, ADMIN).unwrap();
    let all = store.all_values().unwrap();
    let latest = all
        .values()
        .flatten()
        .map(|v| v.period.last_month())
        .max()
        .unwrap();
    assert_eq!(latest.to_string(), "2025-05");
    let months = store.values_of("RB03").unwrap();
    assert_eq!(months.len(), 26);
    assert_eq!(
        months
            .iter()
            .map(|v| v.period.first_month())
            .min()
            .unwrap()
            .to_string(),
        "2023-04"
    );
    // The data month now due for the queue is May 2025.
    let exceptions = store
        .exceptions(&ExceptionFilter {
            period: Some("2025-05".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(
        exceptions
            .iter()
            .any(|e| e.kind == ExceptionKind::Missing && e.subject == "WE05")
    );
}

#[test]
fn an_existing_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("council.db");
    std::fs::write(&path, b"someone's data").unwrap();
    let err = build_demo(&path, ADMIN, today(), 1).unwrap_err();
    assert!(matches!(err, StoreError::Exists(_)), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"someone's data");
    let fresh = dir.path().join("zero.db");
    let err = build_demo(&fresh, ADMIN, today(), 0).unwrap_err();
    assert_eq!(err.to_string(), "the demo's scale must be 1 or more");
    assert!(!fresh.exists());
}

#[test]
fn a_login_that_is_one_of_the_demo_people_stays_admin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let summary = build_demo(&path, "jpatel", today(), 1).unwrap();
    let store = Store::open(&path, "jpatel").unwrap();
    assert_eq!(store.role_of("jpatel").unwrap(), Some(Role::Admin));
    assert_eq!(store.indicator("PL01").unwrap().indicator.owner, "jpatel");
    assert_eq!((summary.users, summary.officers), (42, 32));
}
