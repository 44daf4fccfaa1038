//! `pmdb show CODE`: one indicator with its assessment per period.

use serde::Serialize;

use crate::domain::assess::{Assessment, Context, Series};
use crate::domain::deadline::month_now_due;
use crate::domain::direction::Direction;
use crate::domain::forecast::{Forecast, forecast, trends};
use crate::domain::indicator::Frequency;
use crate::domain::period::{FinYear, Month, Period};
use crate::domain::target_state::TargetState;
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
    /// Every target of the indicator, with where its year stands.
    pub targets: Vec<ShownTarget>,
    pub periods: Vec<PeriodLine>,
}

/// One target (an annual one, or a profile) and where its year stands: `draft` (rolled
/// forward), `proposed` (with the owner's rationale) or `approved` (by the board named,
/// none for targets imported as the council's approved ones).
#[derive(Debug, Clone, Serialize)]
pub struct ShownTarget {
    pub year: FinYear,
    pub period: Option<Period>,
    pub target: f64,
    pub intervention: Option<f64>,
    pub state: TargetState,
    pub why: String,
    pub approved_by: String,
}

/// The indicator's targets, each with its year's state.
fn shown_targets(ds: &Dataset, code: &str) -> Vec<ShownTarget> {
    let states = ds.target_states.get(code);
    let state_of = |year: FinYear| states.and_then(|s| s.iter().find(|s| s.year == year));
    ds.targets
        .get(code)
        .into_iter()
        .flatten()
        .map(|t| {
            let st = state_of(t.year);
            ShownTarget {
                year: t.year,
                period: t.period,
                target: t.target,
                intervention: t.intervention,
                state: st.map_or(TargetState::Approved, |s| s.state),
                why: st.map(|s| s.why.clone()).unwrap_or_default(),
                approved_by: st.map(|s| s.approved_by.clone()).unwrap_or_default(),
            }
        })
        .collect()
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
    // The indicator's series is built only for a period that takes a forecast: a
    // signed-off report asks for every indicator and needs none.
    forecasts(ds, &rec.indicator.code, period, ctx)
        .then(|| forecast(&ds.series(rec), period, &ds.rules))
        .flatten()
}

/// The forecast as a report says it, never as a status: "485, green against the annual
/// target (not a status; last year's shape: …)".
pub fn forecast_words(f: &Forecast, decimals: u8) -> String {
    let judged = match f.rag {
        crate::domain::rag::Rag::None => "not judged".to_string(),
        rag => format!("{rag} against the annual target"),
    };
    format!(
        "{}, {judged} (not a status; {})",
        crate::domain::number::fmt_decimals(f.value, decimals),
        f.method
    )
}

fn forecast_in(ds: &Dataset, series: &Series, period: Period, ctx: Context) -> Option<Forecast> {
    forecasts(ds, &series.indicator.code, period, ctx)
        .then(|| forecast(series, period, &ds.rules))
        .flatten()
}

/// Whether a period of an indicator takes a forecast: one of the year now running, not
/// signed off (a signed-off period reads as it stood at sign-off: a forecast made since
/// with today's rules and targets is not part of it).
fn forecasts(ds: &Dataset, code: &str, period: Period, ctx: Context) -> bool {
    period.fin_year() == month_now_due(ctx.today).fin_year()
        && ds.frozen(&period.to_string(), code).is_none()
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
        targets: shown_targets(ds, &rec.indicator.code),
        periods: lines,
    }
}
