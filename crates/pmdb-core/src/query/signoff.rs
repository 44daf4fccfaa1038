//! The statuses frozen when a period is signed off: the period itself and every period
//! inside it, for each indicator that reports them.

use crate::domain::assess::{Assessment, Context};
use crate::domain::period::Period;
use crate::store::Dataset;

pub fn statuses_to_freeze(
    ds: &Dataset,
    period: Period,
    ctx: Context,
) -> Vec<(String, String, Assessment)> {
    let mut periods = vec![period];
    if let Period::Year(y) = period {
        periods.extend(y.quarters().into_iter().map(Period::Quarter));
    }
    if !period.is_month() {
        periods.extend(period.months().into_iter().map(Period::Month));
    }
    let mut out = Vec::new();
    for rec in &ds.indicators {
        let series = ds.series(rec);
        for p in &periods {
            // Only periods the indicator itself reports or derives: an annual figure is
            // not frozen by signing off one quarter.
            if series.natural_period(*p) != *p {
                continue;
            }
            out.push((
                p.to_string(),
                rec.indicator.code.clone(),
                ds.assess(&series, *p, ctx),
            ));
        }
    }
    out
}
