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
use pmdb::query::exceptions::candidates;
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
fn sixty_or_more_indicators_of_every_kind_frequency_polarity_and_aggregation() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, ds, _) = open(&path);
    let all = store.indicators().unwrap();
    // The spec's "60+ indicators of every kind".
    assert!(all.len() >= 60, "{}", all.len());
    assert_eq!(summary.indicators, all.len());
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
    let units: BTreeSet<&str> = all.iter().map(|r| r.indicator.unit.as_str()).collect();
    for unit in ["%", "count", "days", "£", "kg", "per 100,000 collections"] {
        assert!(units.contains(unit), "no indicator in {unit}: {units:?}");
    }
    // Some indicators carry their own tolerance rule instead of the council default.
    assert!(count(&|r| matches!(r.indicator.rag_rule, Some(RagRule::Tolerance { .. }))) >= 1);
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
    assert!(count(&|r| r.plan.len() == 2) >= 1);
    assert_eq!(ds.indicator("PL01").unwrap().plan, ["TP-PLN-DM", "KA3.1.1"]);
    assert_eq!(ds.indicator("PL01").unwrap().indicator.owner, "jpatel");
    // Data-entry officers besides the owner on some (the waste data officer among them),
    // each an officer and never the owner.
    assert!(count(&|r| r.enterers.contains(&"jreid".to_string())) >= 1);
    assert!(all.iter().all(|r| {
        r.enterers
            .iter()
            .all(|e| officers.contains(e) && *e != r.indicator.owner)
    }));
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
}

#[test]
fn every_indicator_has_a_value_for_each_period_it_reports_but_the_storys_gaps() {
    let (_dir, path, summary) = build(today(), 1);
    let (store, ds, ctx) = open(&path);
    let now_due: Period = summary.month_now_due.parse().unwrap();
    // The gaps the story leaves are the periods `pmdb check` finds overdue (which
    // `some_values_are_missing_after_their_deadline` names), and only those.
    let gaps: BTreeSet<String> = pmdb::query::check::check(&ds, today(), ctx)
        .into_iter()
        .filter(|f| f.check == "overdue")
        .map(|f| format!("{} {}", f.code, f.period.unwrap_or_default()))
        .collect();
    let mut owed_in_all = 0;
    for rec in &ds.indicators {
        let code = &rec.indicator.code;
        // Every period of its frequency in the three years that has ended by the month
        // now due, from the month the council started collecting it.
        let owed: BTreeSet<String> = summary
            .years
            .iter()
            .map(|y| y.parse::<Period>().unwrap().fin_year())
            .flat_map(|y| rec.indicator.frequency.periods_in(y))
            .filter(|p| p.last_month() <= now_due.last_month())
            .filter(|p| rec.collect_from.is_none_or(|from| p.first_month() >= from))
            // A figure published `lag` months late is held once it has been published.
            .filter(|p| {
                let lag = i32::from(rec.indicator.lag);
                p.last_month().plus(1 + lag).first_day() <= today()
            })
            .map(|p| p.to_string())
            .filter(|p| !gaps.contains(&format!("{code} {p}")))
            .collect();
        let held: BTreeSet<String> = store
            .values_of(code)
            .unwrap()
            .iter()
            .map(|v| v.period.to_string())
            .collect();
        assert_eq!(held, owed, "{code}");
        owed_in_all += owed.len();
    }
    assert_eq!(summary.values, owed_in_all);
    // ONS's recorded crime comes three months late: 2026/27 Q1 is in (published from
    // October), Q2 is not yet, and is not yet due either.
    let crime = ds.indicator("CP02").unwrap();
    assert_eq!(crime.indicator.lag, 3);
    let periods: Vec<String> = store
        .values_of("CP02")
        .unwrap()
        .iter()
        .map(|v| v.period.to_string())
        .collect();
    assert_eq!(periods.last().map(String::as_str), Some("2026/27 Q1"));
    let q2 = assess(&ds, "CP02", "2026/27 Q2", ctx);
    assert_eq!(q2.rag, Rag::None);
    assert_eq!(q2.rule.to_string(), "not yet due (deadline 15 Jan 2027)");
    // Online transactions are counted from when the customer portal went live.
    let online = store.values_of("CS03").unwrap();
    assert!(!online.is_empty());
    assert!(
        online
            .iter()
            .all(|v| v.period.first_month() >= "2025-10".parse::<Period>().unwrap().first_month())
    );
    assert_eq!(
        ds.indicator("CS03")
            .unwrap()
            .collect_from
            .map(|m| m.to_string()),
        Some("2025-10".to_string())
    );
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
    // `pmdb check` finds exactly these overdue periods and, besides, the one target
    // drafted for next year without its intervention level; nothing else wrong.
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
    let mut expected: BTreeSet<(String, String)> = [
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
    expected.insert(("no_intervention".into(), "PL01 2027/28".into()));
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
            // Contextual and data-only measures never get a status; every other does.
            assert_eq!(
                rag == Rag::None,
                !rec.indicator.takes_targets(),
                "{} {} is {rag}",
                v.indicator,
                v.period
            );
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
        if rec.indicator.code == "PL01" {
            // Next year's target drafted already, its intervention level not yet set.
            assert_eq!(years, [2024, 2025, 2026, 2027].into());
            let drafted: Vec<_> = rows.iter().filter(|t| t.intervention.is_none()).collect();
            assert_eq!(drafted.len(), 1);
            assert_eq!((drafted[0].year.0, drafted[0].period), (2027, None));
        } else if rec.indicator.takes_targets() {
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
    // Every level of the thread is filled, and every service has its service plan.
    for k in [
        NodeKind::Outcome,
        NodeKind::Activity,
        NodeKind::ServicePlan,
        NodeKind::TeamPlan,
        NodeKind::Objective,
    ] {
        assert!(!of(k).is_empty(), "no {k}");
    }
    assert!(
        nodes
            .iter()
            .all(|n| n.from_year == FinYear(2024) && n.to_year.is_none())
    );
    // Services with their heads, portfolios with councillors holding them.
    let services = store.services().unwrap();
    let planned: BTreeSet<&str> = of(NodeKind::ServicePlan)
        .iter()
        .filter_map(|n| n.service.as_deref())
        .collect();
    assert_eq!(
        planned,
        services
            .iter()
            .map(|s| s.code.as_str())
            .collect::<BTreeSet<_>>()
    );
    assert!(
        services
            .iter()
            .any(|s| s.name == "Revenues & Benefits" && s.lead == "mdavies")
    );
    let portfolios = store.portfolios().unwrap();
    assert!(!portfolios.is_empty());
    // Each holder is a councillor with a login, a viewer (issue 24, point 9: holders are
    // people), named in reports by their name.
    for p in &portfolios {
        let holder = store
            .users()
            .unwrap()
            .into_iter()
            .find(|u| u.login == p.lead);
        let holder = holder.unwrap_or_else(|| panic!("{}: {} is not a login", p.code, p.lead));
        assert!(holder.name.starts_with("Cllr "), "{}", holder.name);
        assert_eq!(holder.role, Role::Viewer, "{}", holder.login);
    }
    // The management board sits on Leadership Team with the heads of service.
    let board = store.board_members("MB").unwrap();
    assert_eq!(board, ["jmitchell", "nhussain", "revans", "sclarke"]);
    let lt = store.board_members("LT").unwrap();
    assert!(
        board
            .iter()
            .chain(services.iter().map(|s| &s.lead))
            .all(|m| lt.contains(m)),
        "{lt:?}"
    );
    assert!(!store.board_members("PPG").unwrap().is_empty());
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
    // One admin, the login that built it; people in every other role.
    assert_eq!(role(Role::Admin), 1);
    for r in [Role::Performance, Role::Officer, Role::Viewer] {
        assert!(role(r) >= 1, "{r:?}");
    }
    assert_eq!((s.users, s.officers), (users.len(), role(Role::Officer)));
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
    // Every officer answers for something: a monthly return (an indicator, action,
    // project or risk of their own, or figures they enter for someone else's), an
    // equality impact assessment, or a seat on a board (the directors).
    let mut answers = pmdb::query::entry_grid::officers(&ds);
    answers.extend(d.eias.iter().map(|e| e.owner.clone()));
    for board in ["PPG", "MB", "LT"] {
        answers.extend(store.board_members(board).unwrap());
    }
    for u in users.iter().filter(|u| u.role == Role::Officer) {
        assert!(
            answers.contains(&u.login),
            "{} answers for nothing",
            u.login
        );
    }
    let actions = d.action_rows(october, ctx);
    assert_eq!(actions.len(), s.actions);
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
    assert!(!with(DeliveryRag::Completed).is_empty());
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
    assert_eq!(
        (projects.len(), d.milestones.len()),
        (s.projects, s.milestones)
    );
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
    // Risks of all four categories and two opportunities: four above their target score,
    // two past their review.
    let risks = d.risk_rows(october);
    assert_eq!(risks.len(), s.risks);
    let categories: BTreeSet<&str> = risks.iter().map(|r| r.record.category.as_str()).collect();
    assert_eq!(
        categories,
        [
            "business",
            "operational",
            "opportunity",
            "partnership",
            "strategic"
        ]
        .into()
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
    let open_risks = d.risks.iter().filter(|r| r.closed.is_none()).count();
    assert!(open_risks < d.risks.len(), "no risk is closed");
    assert_eq!(
        map.iter().flatten().sum::<u32>() as usize,
        open_risks,
        "a closed risk is off the map"
    );
    assert_eq!(
        (map[3][4], map[4][3]),
        (1, 1),
        "RSK-01 at 4 × 5 and RSK-03 at 5 × 4"
    );
    let eias = d.eia_rows(october);
    assert_eq!(eias.len(), s.eias);
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
    assert_eq!(store.case_studies().unwrap().len(), s.case_studies);
    assert!(s.case_studies > 0);
    // Budgets: every service, every month of the three years; actuals up to October 2026,
    // forecasts after.
    let budgets = store.budgets().unwrap();
    assert_eq!(budgets.len(), store.services().unwrap().len() * 36);
    assert_eq!(budgets.len(), s.budgets);
    let b = |month: &str| {
        budgets
            .iter()
            .find(|b| b.service == "HSG" && b.month == month)
            .unwrap()
    };
    assert!(b("2026-10").actual.is_some() && b("2026-10").forecast.is_none());
    assert!(b("2026-11").actual.is_none() && b("2026-11").forecast.is_some());
    assert!(b("2027-03").budget > 0.0);
    // Benchmarks: five comparators for each period of the indicators benchmarked, by
    // quarter or year (PL01's ten quarters).
    let benchmarks = store.benchmarks().unwrap();
    assert_eq!(benchmarks.len(), s.benchmarks);
    let mut comparators: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for b in &benchmarks {
        *comparators.entry((&b.indicator, &b.period)).or_default() += 1;
    }
    assert!(comparators.values().all(|n| *n == 5), "{comparators:?}");
    assert_eq!(
        benchmarks.iter().filter(|b| b.indicator == "PL01").count(),
        5 * 10
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
    // The queue holds one exception for each thing wrong in the month, as the store
    // judges it (what `pmdb exceptions raise` would raise), and shows every kind of
    // problem the month has.
    let ds = store.dataset().unwrap();
    let owed: BTreeSet<(String, String)> =
        candidates(&ds, p("2026-10"), &meetings, ds.context(today()))
            .into_iter()
            .map(|c| (c.kind.to_string(), c.subject))
            .collect();
    let raised: BTreeSet<(String, String)> = now
        .iter()
        .map(|e| (e.kind.to_string(), e.subject.clone()))
        .collect();
    assert_eq!(raised, owed);
    assert_eq!(raised.len(), now.len(), "one exception each");
    let kinds: BTreeSet<&str> = raised.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "action",
            "milestone",
            "missing",
            "missing_update",
            "project",
            "red",
            "risk",
            "risk_review"
        ]
        .into()
    );
    assert!(now.iter().all(|e| e.meeting == Some(ppg.id)));
    // Lived in: one at each later step of the workflow, the rest still open.
    let status = |s: ExceptionStatus| now.iter().filter(|e| e.status == s).collect::<Vec<_>>();
    for s in [
        ExceptionStatus::Proposed,
        ExceptionStatus::Agreed,
        ExceptionStatus::Closed,
        ExceptionStatus::Escalated,
    ] {
        assert_eq!(status(s).len(), 1, "{s}");
    }
    assert_eq!(status(ExceptionStatus::Open).len(), now.len() - 4);
    let escalated = status(ExceptionStatus::Escalated);
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
    // (Issue 24: one of the rest went to Cabinet, which recorded its own outcome apart
    // from PPG's decision.)
    assert_eq!(
        last.iter()
            .filter(|e| e.status == ExceptionStatus::Closed)
            .count(),
        last.len() - 3
    );
    let cabinet: Vec<_> = last.iter().filter(|e| e.board == "CAB").collect();
    assert_eq!(cabinet.len(), 1);
    let cab = cabinet[0];
    assert_eq!(cab.status, ExceptionStatus::Escalated);
    assert_eq!(
        cab.decision,
        "Recovery needs a member decision on funding: escalated to Cabinet."
    );
    assert!(
        cab.outcome.starts_with("Cabinet agreed one-off funding"),
        "{}",
        cab.outcome
    );
    assert_eq!(
        (cab.board_member.as_str(), cab.escalation_due.as_deref()),
        ("cllrashworth", Some("2027-03-04"))
    );
    assert!(
        store
            .board_members("CAB")
            .unwrap()
            .contains(&cab.board_member)
    );
    let chain: Vec<String> = store
        .exception_history(cab.id)
        .unwrap()
        .into_iter()
        .map(|h| h.field)
        .collect();
    for field in [
        "raised",
        "proposal",
        "decision",
        "board",
        "outcome",
        "board_member",
    ] {
        assert!(chain.contains(&field.to_string()), "{field} in {chain:?}");
    }
    let at = |f: &str| chain.iter().position(|c| c == f).unwrap();
    assert!(at("decision") < at("outcome"), "{chain:?}");
    assert_eq!(summary.exceptions, now.len() + last.len());
    assert_eq!(summary.open_exceptions, status(ExceptionStatus::Open).len());
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
    assert_eq!(v1.len(), s1.values);
    assert!(v1 == v2, "values differ between two builds");
    assert!(t1 == t2, "targets differ");
    assert_eq!(e1, e2);
    assert!(r1 == r2, "plan, people or registers differ");
}

#[test]
fn scale_ten_is_ten_times_the_council() {
    // How long the build takes is the benches' to say (`cargo bench --bench rollup`
    // prints it), not a test's.
    let (_one_dir, one_path, one) = build(today(), 1);
    let (_, one_ds, _) = open(&one_path);
    let (_dir, path, ten) = build(today(), 10);
    let (store, ds, ctx) = open(&path);
    assert_eq!(ten.indicators, 10 * one.indicators);
    assert_eq!(ten.values, 10 * one.values);
    // About ten times the officers (the chief officers are the council's, not an area's).
    assert!(ten.officers as f64 >= 8.5 * one.officers as f64);
    // Each area has its own copy with its own officer and team plan, and its own numbers.
    let north = ds.indicator("PL02-2").unwrap();
    assert_eq!(north.plan, ["TP-PLN-DM-2", "KA3.1.1"]);
    assert_ne!(north.indicator.owner, "jpatel");
    assert!(north.indicator.title.ends_with("– North"));
    assert_ne!(
        store.values_of("PL02-2").unwrap(),
        store.values_of("PL02").unwrap()
    );
    // Same shape: each area's monthly gaps are missing in October.
    let missing_in_one = with_rag(&one_ds, "2026-10", Rag::Missing, ctx).len();
    assert!(missing_in_one > 0);
    assert_eq!(
        with_rag(&ds, "2026-10", Rag::Missing, ctx).len(),
        10 * missing_in_one
    );
    // One council's thread down to its key activities; each area its own service plans,
    // team plans and objectives.
    let one_nodes = Store::open(&one_path, ADMIN).unwrap().plan_nodes().unwrap();
    let (shared, per_area): (Vec<_>, Vec<_>) = one_nodes.iter().partition(|n| {
        matches!(
            n.kind,
            NodeKind::Vision | NodeKind::Priority | NodeKind::Outcome | NodeKind::Activity
        )
    });
    assert_eq!(
        store.plan_nodes().unwrap().len(),
        shared.len() + 10 * per_area.len()
    );
    // Delivery grows with it: each area its team actions, projects, risks and assessments,
    // each with its own owner and history; the portfolio actions are the council's.
    let (d, d1) = (&ds.delivery, &one_ds.delivery);
    let team = |d: &pmdb::store::Delivery| d.actions.iter().filter(|a| a.kind == "team").count();
    assert!(team(d1) > 0 && team(d1) < d1.actions.len());
    assert_eq!(
        (
            d.actions.len(),
            d.projects.len(),
            d.risks.len(),
            d.eias.len()
        ),
        (
            d1.actions.len() + 9 * team(d1),
            10 * d1.projects.len(),
            10 * d1.risks.len(),
            10 * d1.eias.len()
        )
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
    // Not added again as an officer: one person fewer than a demo another login built.
    let (_other, _, usual) = build(today(), 1);
    assert_eq!(
        (summary.users, summary.officers),
        (usual.users - 1, usual.officers - 1)
    );
}

#[test]
fn the_next_ppg_carries_forward_septembers_agreed_actions_and_octobers_ppg_has_minutes() {
    use pmdb::query::agenda::load;
    use pmdb::query::minutes::{markdown, minutes};
    let (_dir, path, _) = build(today(), 1);
    let (store, ds, _) = open(&path);
    let next = store.meeting_named("PPG:2026-11-26").unwrap();
    let agenda = load(&store, &next).unwrap();
    let carried: Vec<(String, String, ExceptionStatus)> = agenda
        .iter()
        .filter(|i| i.carried_forward)
        .map(|i| {
            (
                i.record.subject.clone(),
                i.record.period.clone(),
                i.record.status,
            )
        })
        .collect();
    assert_eq!(
        carried,
        [
            (
                "HS07".to_string(),
                "2026-09".to_string(),
                ExceptionStatus::Agreed
            ),
            (
                "CP01".to_string(),
                "2026-09".to_string(),
                ExceptionStatus::Agreed
            ),
            // Escalated to Cabinet, which has recorded its outcome: still open, so PPG
            // keeps it on its agenda until it is closed.
            (
                "PJ-02".to_string(),
                "2026-09".to_string(),
                ExceptionStatus::Escalated
            ),
        ]
    );
    assert!(
        agenda
            .iter()
            .filter(|i| !i.carried_forward)
            .all(|i| i.record.period == "2026-10")
    );

    // October's PPG decided September's queue on its day: its minutes hold every item.
    let october = store.meeting_named("5").unwrap();
    assert_eq!(
        (october.board.as_str(), october.date.as_str()),
        ("PPG", "2026-10-22")
    );
    let items = load(&store, &october).unwrap();
    let mut history = std::collections::BTreeMap::new();
    for i in &items {
        history.insert(i.record.id, store.exception_history(i.record.id).unwrap());
    }
    let m = minutes(
        &ds,
        &october,
        "Performance & Programme Group",
        &items,
        &history,
    );
    assert_eq!(m.items.len(), items.len());
    assert!(m.nothing_recorded.is_empty());
    let hs07 = &m.items[0];
    assert_eq!(
        (
            hs07.subject.as_str(),
            hs07.status.as_str(),
            hs07.decision.as_str()
        ),
        (
            "HS07",
            "agreed",
            "Agreed. Progress to be reported to the next PPG."
        )
    );
    // Every item was closed at that PPG but the two agreed actions and the project it
    // escalated to Cabinet.
    assert_eq!(
        m.items.iter().filter(|i| i.status == "closed").count(),
        items.len() - 3
    );
    assert_eq!(
        m.items
            .iter()
            .filter(|i| i.status == "escalated")
            .map(|i| i.subject.as_str())
            .collect::<Vec<_>>(),
        ["PJ-02"]
    );
    let text = markdown(&m);
    assert!(
        text.contains(
            "- Decision: Action noted; closed, to be raised again if not resolved next month."
        ),
        "{text}"
    );
    assert_eq!(
        text,
        markdown(&minutes(
            &ds,
            &october,
            "Performance & Programme Group",
            &items,
            &history
        ))
    );
}

#[test]
fn the_minutes_of_octobers_ppg_name_the_performance_officer_not_the_builders_login() {
    use pmdb::query::minutes::{markdown, of_meeting};
    let (_dir, path, _) = build(today(), 1);
    let (store, _, _) = open(&path);
    let october = store.meeting_named("PPG:2026-10-22").unwrap();
    let m = of_meeting(&store, &october).unwrap();
    assert!(!m.items.is_empty());
    let text = markdown(&m);
    assert!(!text.contains(ADMIN), "{text}");
    for i in &m.items {
        // The clerk, Laura Whitfield, recorded every decision; an owner their proposal.
        assert!(
            i.recorded_by
                .contains(&"Laura Whitfield, Performance & Improvement Manager".to_string()),
            "{:?}",
            i.recorded_by
        );
        let history = store.exception_history(i.id).unwrap();
        let e = store.exception(i.id).unwrap();
        for h in history.iter().filter(|h| h.at.starts_with("2026-10-22")) {
            // The owner's proposal (which proposes it); the rest the clerk's.
            let owners = h.field == "proposal" || (h.field == "status" && h.new == "proposed");
            let expected = if owners {
                e.owner.as_str()
            } else {
                "lwhitfield"
            };
            assert_eq!(h.by, expected, "#{} {}", i.id, h.field);
        }
    }
    // Nothing in any exception's history is the builder's: every step is its maker's.
    for e in store.exceptions(&ExceptionFilter::default()).unwrap() {
        for h in store.exception_history(e.id).unwrap() {
            assert_ne!(h.by, ADMIN, "#{} {} at {}", e.id, h.field, h.at);
        }
    }
}

#[test]
fn cabinets_outcome_is_recorded_at_its_meeting_by_a_member_before_the_quarter_is_signed_off() {
    let (_dir, path, _) = build(today(), 1);
    let (store, _, _) = open(&path);
    let meetings = store.meetings().unwrap();
    let cabinet: Vec<_> = meetings.iter().filter(|m| m.board == "CAB").collect();
    assert_eq!(cabinet.len(), 1);
    let cab_day = cabinet[0].date.as_str();
    // After the October PPG that escalated, before LT signed off 2026/27 Q2 on 11 Nov.
    assert!(
        "2026-10-22" < cab_day && cab_day < "2026-11-11",
        "{cab_day}"
    );
    let escalated: Vec<_> = store
        .exceptions(&ExceptionFilter::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.board == "CAB" && !e.outcome.is_empty())
        .collect();
    assert_eq!(escalated.len(), 1);
    let e = &escalated[0];
    let members = store.board_members("CAB").unwrap();
    let history = store.exception_history(e.id).unwrap();
    let outcome = history.iter().find(|h| h.field == "outcome").unwrap();
    assert!(outcome.at.starts_with(cab_day), "{}", outcome.at);
    assert!(members.contains(&outcome.by), "{} on Cabinet", outcome.by);
    // PPG's escalation by its clerk at its meeting, before Cabinet's outcome.
    let board = history.iter().find(|h| h.field == "board").unwrap();
    assert_eq!(board.by, "lwhitfield");
    assert!(board.at.starts_with("2026-10-22"), "{}", board.at);
    // The quarter LT signed off after Cabinet met holds Cabinet's outcome as recorded.
    let frozen = store.frozen_extras(p("2026/27 Q2")).unwrap().unwrap();
    let held = frozen.escalated.iter().find(|f| f.id == e.id).unwrap();
    assert_eq!(held.outcome, e.outcome);
    // Cabinet's minutes hold its outcome, recorded by the member.
    let m = pmdb::query::minutes::of_meeting(&store, cabinet[0]).unwrap();
    assert_eq!(m.items.len(), 1);
    assert_eq!(m.items[0].outcome, e.outcome);
    assert!(!m.items[0].recorded_by.iter().any(|b| b == ADMIN));
}

#[test]
fn scrutiny_has_a_request_open_on_its_next_agenda() {
    use pmdb::query::agenda::{load, next_meeting};
    let (_dir, path, _) = build(today(), 1);
    let (store, _, _) = open(&path);
    let members = store.board_members("OSP").unwrap();
    assert!(members.contains(&"cllrokonkwo".to_string()), "{members:?}");
    let meetings = store.meetings().unwrap();
    let next = next_meeting(&meetings, "OSP", today()).unwrap();
    assert!(next.date.as_str() > "2026-11-24", "{next:?}");
    assert_eq!(next.period, "2026/27 Q2");
    let requests = store
        .exceptions(&ExceptionFilter {
            kind: Some(pmdb::domain::workflow::ExceptionKind::Request),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(
        (r.board.as_str(), r.status, r.period.as_str()),
        ("OSP", ExceptionStatus::Open, "2026-11")
    );
    assert_eq!(r.escalation_due.as_deref(), Some(next.date.as_str()));
    assert!(
        r.figures.starts_with("Scrutiny recommends"),
        "{}",
        r.figures
    );
    let agenda = load(&store, next).unwrap();
    assert_eq!(
        agenda
            .iter()
            .map(|i| (i.record.id, i.carried_forward))
            .collect::<Vec<_>>(),
        [(r.id, false)]
    );
}

#[test]
fn septembers_open_exceptions_take_the_quarter_ending_then_rather_than_raising_it_again() {
    let (_dir, path, _) = build(today(), 1);
    let (store, _, _) = open(&path);
    let linked = store.exception_periods().unwrap();
    let all = store.exceptions(&ExceptionFilter::default()).unwrap();
    // Every exception linked to Q2 is one of September's, and no subject of them was
    // raised again for the quarter.
    assert!(linked.len() >= 5, "{linked:?}");
    for (id, periods) in &linked {
        assert_eq!(periods, &["2026/27 Q2".to_string()]);
        let e = all.iter().find(|e| e.id == *id).unwrap();
        assert_eq!(e.period, "2026-09", "{}", e.subject);
        assert!(
            !all.iter()
                .any(|o| o.subject == e.subject && o.period == "2026/27 Q2"),
            "{} raised again for the quarter",
            e.subject
        );
        // Its history says when the quarter was taken, with the quarter's figures.
        let history = store.exception_history(*id).unwrap();
        let taken = history.iter().find(|h| h.field == "periods").unwrap();
        assert!(taken.new.starts_with("2026/27 Q2: "), "{}", taken.new);
        assert_eq!(&taken.at[..10], "2026-10-22");
    }
}
