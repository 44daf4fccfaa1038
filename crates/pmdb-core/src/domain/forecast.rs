//! A year-end forecast and the short and long trends (SPEC "Forecast and trend"): where
//! the year is heading, projected from the figures to a period's end by the indicator's own
//! aggregation, and judged against the year's target. It is never the period's status: it
//! is labelled "forecast" wherever it is shown, with its method in words.
//!
//! - a sum: last year's seasonal shape when last year is complete (this year so far ×
//!   last year's total ÷ last year's same periods), else the run rate (so far ÷ periods
//!   recorded × periods in the year);
//! - a mean, ratio, snapshot, maximum or minimum: the year to date;
//! - a cumulative measure (a running total): against its profile (the latest total ÷ the
//!   profile's target for that period × the annual target), else its run rate.

use serde::Serialize;

use super::assess::{RuleBook, Series};
use super::direction::{Direction, direction};
use super::indicator::{Aggregation, Frequency};
use super::number::{fmt_decimals, shown};
use super::period::Period;
use super::rag::{Rag, judge};

/// Where the year is heading from a period's figures, judged against the annual target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    /// The projected year-end figure, at the indicator's decimal places.
    pub value: f64,
    /// The projection judged against the year's annual target (`none` without one).
    pub rag: Rag,
    /// How it was projected, with its figures: "run rate: 1,234 in 6 of 12 months".
    pub method: String,
}

/// The year-end forecast from the figures of `period`'s year up to its end, or None when
/// the year has no figure yet by then.
pub fn forecast(series: &Series, period: Period, rules: &RuleBook) -> Option<Forecast> {
    let ind = series.indicator;
    let dp = ind.decimals;
    let year = period.fin_year();
    let so_far = series.value_over(&period.year_to_date())?;
    let in_year = match ind.frequency {
        Frequency::Monthly => 12,
        Frequency::Quarterly => 4,
        Frequency::Annual => 1,
    };
    let n = so_far.parts.len();
    let latest = so_far.latest()?;
    let fig = |x: f64| fmt_decimals(x, dp);
    let run_rate = |total: f64| {
        (
            total / n as f64 * in_year as f64,
            format!(
                "run rate: {} in {n} of {in_year} {}, × {in_year} ÷ {n}",
                fig(total),
                unit(ind.frequency)
            ),
        )
    };
    let (value, method) = if ind.cumulative {
        let profile = series
            .targets
            .threshold(Aggregation::Latest, Some(latest), &[latest], 1)
            .filter(|t| t.target != 0.0);
        match (profile, series.targets.annual(year)) {
            (Some(p), Some(annual)) => (
                so_far.value / p.target * annual.target,
                format!(
                    "against its profile: {} at {latest} against the profile's {}, × the annual target {}",
                    fig(so_far.value),
                    fig(p.target),
                    fig(annual.target)
                ),
            ),
            _ => run_rate(so_far.value),
        }
    } else if ind.aggregation == Aggregation::Sum {
        let last_same = series
            .same_a_year_earlier(&so_far)
            .filter(|a| a.value != 0.0);
        let last_total = series
            .value_over(&Period::Year(super::period::FinYear(year.0 - 1)).months())
            .filter(|a| a.parts.len() == in_year);
        match (last_same, last_total) {
            (Some(same), Some(total)) if n < in_year => (
                so_far.value * total.value / same.value,
                format!(
                    "last year's shape: {} so far, where last year's same {n} {} were {} of its {}",
                    fig(so_far.value),
                    unit(ind.frequency),
                    fig(same.value),
                    fig(total.value)
                ),
            ),
            _ => run_rate(so_far.value),
        }
    } else if ind.aggregation == Aggregation::Latest {
        (
            so_far.value,
            format!("the latest figure: {} at {latest}", fig(so_far.value)),
        )
    } else {
        (
            so_far.value,
            format!(
                "the year to date: {} over {n} of {in_year} {}",
                fig(so_far.value),
                unit(ind.frequency)
            ),
        )
    };
    let value = shown(value, dp);
    let rule = ind.rag_rule.unwrap_or_else(|| rules.council_rule(period));
    let judged = judge(value, dp, ind.polarity, rule, series.targets.annual(year));
    Some(Forecast {
        value,
        rag: judged.rag,
        method,
    })
}

fn unit(f: Frequency) -> &'static str {
    match f {
        Frequency::Monthly => "months",
        Frequency::Quarterly => "quarters",
        Frequency::Annual => "years",
    }
}

/// The short and long trends of a period's figure: against the previous period and
/// against the same period a year earlier (each None when either has no figure, or the
/// measure has no polarity), judged as `direction` is, at the indicator's places.
pub fn trends(series: &Series, period: Period) -> (Option<Direction>, Option<Direction>) {
    let ind = series.indicator;
    let value = |p: Period| series.value_over(&p.months()).map(|a| a.value);
    let Some(now) = value(period) else {
        return (None, None);
    };
    let against =
        |p: Period| value(p).and_then(|before| direction(ind.polarity, ind.decimals, now, before));
    (against(period.prev()), against(period.year_earlier()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::Observation;
    use crate::domain::assess::RuleBook;
    use crate::domain::bounds::Bound;
    use crate::domain::indicator::{Indicator, IndicatorKind, Polarity};
    use crate::domain::period::FinYear;
    use crate::domain::target::{TargetRow, Targets};

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn indicator(aggregation: Aggregation, polarity: Polarity, frequency: Frequency) -> Indicator {
        Indicator {
            code: "X1".into(),
            title: "X".into(),
            kind: IndicatorKind::Local,
            unit: "count".into(),
            decimals: 0,
            polarity,
            frequency,
            aggregation,
            owner: "alee".into(),
            rag_rule: None,
            min: Bound::Default,
            max: Bound::Default,
            cumulative: false,
            lag: 0,
        }
    }

    fn monthly(from: &str, values: &[f64]) -> Vec<Observation> {
        let Period::Month(first) = p(from) else {
            panic!("a month")
        };
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Observation {
                period: Period::Month(first.plus(i as i32)),
                value: *v,
                numerator: None,
                denominator: None,
            })
            .collect()
    }

    fn annual(year: i32, target: f64, intervention: f64) -> TargetRow {
        TargetRow {
            year: FinYear(year),
            period: None,
            target,
            intervention: Some(intervention),
        }
    }

    fn rules() -> RuleBook {
        RuleBook::default()
    }

    #[test]
    fn a_sum_with_no_last_year_runs_at_its_rate() {
        // April to September 2026: 100 + 110 + 90 + 120 + 100 + 80 = 600 in 6 of 12 months,
        // so 1,200 by March; the annual target 1,300 with intervention 1,150 (higher is
        // better): amber.
        let ind = indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(
            &ind,
            monthly("2026-04", &[100.0, 110.0, 90.0, 120.0, 100.0, 80.0]),
            Targets::new(&[annual(2026, 1300.0, 1150.0)]),
        );
        let f = forecast(&s, p("2026/27 Q2"), &rules()).expect("a forecast");
        assert_eq!(f.value, 1200.0);
        assert_eq!(f.rag, Rag::Amber);
        assert_eq!(f.method, "run rate: 600 in 6 of 12 months, × 12 ÷ 6");
        // At June: 300 in 3 months, 1,200 too; at April alone: 1,200.
        assert_eq!(forecast(&s, p("2026-06"), &rules()).unwrap().value, 1200.0);
        assert_eq!(forecast(&s, p("2026-04"), &rules()).unwrap().value, 1200.0);
    }

    #[test]
    fn a_sum_with_a_whole_last_year_follows_its_shape() {
        // Last year (2025/26): April to September 200 in all, the year 1,000 (a busy
        // winter). This year April to September 300: 300 × 1,000 ÷ 200 = 1,500, not the run
        // rate's 600.
        let ind = indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly);
        let mut values = monthly(
            "2025-04",
            &[
                30.0, 30.0, 30.0, 40.0, 30.0, 40.0, 100.0, 100.0, 150.0, 150.0, 150.0, 150.0,
            ],
        );
        values.extend(monthly("2026-04", &[45.0, 45.0, 45.0, 60.0, 45.0, 60.0]));
        let s = Series::new(&ind, values, Targets::new(&[annual(2026, 1400.0, 1200.0)]));
        let f = forecast(&s, p("2026-09"), &rules()).expect("a forecast");
        assert_eq!(f.value, 1500.0);
        assert_eq!(f.rag, Rag::Green);
        assert_eq!(
            f.method,
            "last year's shape: 300 so far, where last year's same 6 months were 200 of its 1000"
        );
    }

    #[test]
    fn a_mean_is_forecast_by_its_year_to_date() {
        // (80 + 90 + 85) / 3 = 85 against 88 (intervention 84): amber.
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(
            &ind,
            monthly("2026-04", &[80.0, 90.0, 85.0]),
            Targets::new(&[annual(2026, 88.0, 84.0)]),
        );
        let f = forecast(&s, p("2026/27 Q1"), &rules()).expect("a forecast");
        assert_eq!((f.value, f.rag), (85.0, Rag::Amber));
        assert_eq!(f.method, "the year to date: 85 over 3 of 12 months");
        // Lower is better: the same 85 against 80 (intervention 84) is red.
        let ind = indicator(Aggregation::Mean, Polarity::Lower, Frequency::Monthly);
        let s = Series::new(
            &ind,
            monthly("2026-04", &[80.0, 90.0, 85.0]),
            Targets::new(&[annual(2026, 80.0, 84.0)]),
        );
        assert_eq!(
            forecast(&s, p("2026/27 Q1"), &rules()).unwrap().rag,
            Rag::Red
        );
    }

    #[test]
    fn a_cumulative_measure_is_held_to_its_profile() {
        // A running total, profiled: 400 by September of an annual 800. At September 340,
        // 85 % of the profile, heads for 680: below the intervention level 700, red.
        let mut ind = indicator(Aggregation::Latest, Polarity::Higher, Frequency::Monthly);
        ind.cumulative = true;
        let targets = Targets::new(&[
            annual(2026, 800.0, 700.0),
            TargetRow {
                year: FinYear(2026),
                period: Some(p("2026-09")),
                target: 400.0,
                intervention: Some(350.0),
            },
        ]);
        let s = Series::new(
            &ind,
            monthly("2026-04", &[50.0, 110.0, 160.0, 220.0, 280.0, 340.0]),
            targets,
        );
        let f = forecast(&s, p("2026-09"), &rules()).expect("a forecast");
        assert_eq!((f.value, f.rag), (680.0, Rag::Red));
        assert_eq!(
            f.method,
            "against its profile: 340 at 2026-09 against the profile's 400, × the annual target 800"
        );
    }

    #[test]
    fn no_figure_yet_no_forecast_and_no_target_no_status() {
        let ind = indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(&ind, monthly("2025-04", &[10.0]), Targets::new(&[]));
        assert_eq!(forecast(&s, p("2026-09"), &rules()), None);
        let s = Series::new(&ind, monthly("2026-04", &[10.0]), Targets::new(&[]));
        let f = forecast(&s, p("2026-04"), &rules()).expect("a forecast");
        assert_eq!((f.value, f.rag), (120.0, Rag::None));
    }

    #[test]
    fn trends_look_back_a_period_and_a_year() {
        // September 2025 50; August 2026 70, September 2026 60 (higher is better): worse
        // than August, better than a year ago.
        let ind = indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly);
        let mut values = monthly("2025-09", &[50.0]);
        values.extend(monthly("2026-08", &[70.0, 60.0]));
        let s = Series::new(&ind, values, Targets::new(&[]));
        assert_eq!(
            trends(&s, p("2026-09")),
            (Some(Direction::Worsening), Some(Direction::Improving))
        );
        assert_eq!(trends(&s, p("2026-08")), (None, None));
        assert_eq!(trends(&s, p("2026-10")), (None, None));
    }
}
