//! An indicator's recent periods, for judging a figure by its trend: the last N of its own
//! periods (months, quarters or years) ending at one, each with its figure, target and
//! intervention level as assessed. The projector view charts the last 13 beside an
//! exception, so the meeting sees whether a red is a blip or a slide.

use crate::domain::assess::Context;
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::store::Dataset;

/// How many periods the meeting sees: thirteen months is a year and the same month the
/// year before, so a seasonal dip reads as one.
pub const MEETING_PERIODS: usize = 13;

/// One period of the trend. A period with no figure keeps its place (value `None`), so a
/// chart shows the gap rather than joining across it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub period: Period,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub intervention: Option<f64>,
    pub rag: Rag,
    /// Read from the status frozen at the period's sign-off (not judged afresh).
    pub frozen: bool,
}

/// The last `n` periods of the indicator `code`, oldest first, ending at the indicator's own
/// period for `end` (a quarterly indicator's quarter for a month). Periods before its
/// collection starts are left out; empty for an unknown code.
pub fn last_periods(
    ds: &Dataset,
    code: &str,
    end: Period,
    n: usize,
    ctx: Context,
) -> Vec<TrendPoint> {
    let Some(rec) = ds.indicator(code) else {
        return vec![];
    };
    let series = ds.series(rec);
    let end = series.natural_period(end);
    let start = ds.start_of(rec);
    (0..n as i32)
        .rev()
        .map(|back| end.step(-back))
        .filter(|p| start.is_none_or(|s| p.last_month() >= s))
        .map(|p| {
            let a = ds.assessed(&series, p, ctx);
            TrendPoint {
                period: p,
                value: a.value,
                target: a.target,
                intervention: a.intervention,
                rag: a.rag,
                frozen: matches!(a, std::borrow::Cow::Borrowed(_)),
            }
        })
        .collect()
}
