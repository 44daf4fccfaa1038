//! `pmdb show CODE`: one indicator with its assessment per period.

use serde::Serialize;

use crate::domain::assess::{Assessment, Context, Series};
use crate::domain::deadline::month_now_due;
use crate::domain::direction::Direction;
use crate::domain::forecast::{Forecast, forecast, trends};
use crate::domain::indicator::Frequency;
use crate::domain::period::{FinYear, Month, Period};
use crate::store::{Dataset, IndicatorRecord, Quality};

/// One period of an indicator, with what the officer recorded for it.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodLine {
    #[serde(flatten)]
    pub assessment: Assessment,
    pub quality: Option<Quality>,
    pub commentary: Option<String>,
    pub action: Option<String>,
    pub entered_by: Option<String>,
    pub version: Option<i64>,
    /// Against the previous period and against the same period a year earlier, beside
    /// `direction` (which is judged against one of them).
    pub trend_short: Option<Direction>,
    pub trend_long: Option<Direction>,
    /// For the current year's periods: where the year is heading, never the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShowReport {
    #[serde(flatten)]
    pub indicator: IndicatorRecord,
    /// The lowest and highest plausible figures in force (null: no bound).
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub periods: Vec<PeriodLine>,
}

/// The periods `show` lists by default: the indicator's own periods from the start of its
/// first financial year (at most two years before today's) to the last one that has ended.
pub fn default_periods(frequency: Frequency, from: Option<Month>, ctx: Context) -> Vec<Period> {
    let Period::Month(last) = month_now_due(ctx.today) else {
        return vec![];
    };
    let two_years_back = FinYear(last.fin_year().0 - 2);
    let start = from
        .map(|m| m.fin_year())
        .unwrap_or(last.fin_year())
        .max(two_years_back);
    let mut out = Vec::new();
    let mut p = frequency.period_of(start.first_month());
    while p.last_month() <= last {
        out.push(p);
        p = p.next();
    }
    out
}

/// The year-end forecast shown beside a period's status (never as it): from the figures to
/// the period's end, for a period of the year now running (that of the last month ended)
/// that is not signed off; None for other years, whose outturn is known or not begun.
pub fn forecast_at(
    ds: &Dataset,
    rec: &IndicatorRecord,
    period: Period,
    ctx: Context,
) -> Option<Forecast> {
    forecast_in(ds, &ds.series(rec), period, ctx)
}

fn forecast_in(ds: &Dataset, series: &Series, period: Period, ctx: Context) -> Option<Forecast> {
    let this_year = month_now_due(ctx.today).fin_year();
    // A signed-off period reads as it stood at sign-off: a forecast made since with
    // today's rules and targets is not part of it.
    let signed_off = ds
        .frozen(&period.to_string(), &series.indicator.code)
        .is_some();
    (period.fin_year() == this_year && !signed_off)
        .then(|| forecast(series, period, &ds.rules))
        .flatten()
}

/// The indicator's report: every default period, or only `period` when given.
pub fn show(
    ds: &Dataset,
    rec: &IndicatorRecord,
    period: Option<Period>,
    ctx: Context,
) -> ShowReport {
    let series = ds.series(rec);
    let periods = match period {
        Some(p) => vec![p],
        None => {
            // Values recorded before collection starts are still shown.
            let first_value = series.observations().next().map(|o| o.period.first_month());
            let from = match (series.from, first_value) {
                (Some(f), Some(v)) => Some(f.min(v)),
                (f, v) => f.or(v),
            };
            default_periods(rec.indicator.frequency, from, ctx)
        }
    };
    let lines = periods
        .into_iter()
        .map(|p| {
            let assessment = ds.assess(&series, p, ctx);
            let stored = ds.value_at(&rec.indicator.code, assessment.period);
            let (trend_short, trend_long) = trends(&series, assessment.period);
            PeriodLine {
                trend_short,
                trend_long,
                forecast: forecast_in(ds, &series, assessment.period, ctx),
                quality: stored.map(|v| v.quality),
                commentary: stored.map(|v| v.commentary.clone()),
                action: stored.map(|v| v.action.clone()),
                entered_by: stored.map(|v| v.entered_by.clone()),
                version: stored.map(|v| v.version),
                assessment,
            }
        })
        .collect();
    ShowReport {
        indicator: rec.clone(),
        min: crate::domain::bounds::lower(&rec.indicator),
        max: crate::domain::bounds::upper(&rec.indicator),
        periods: lines,
    }
}
