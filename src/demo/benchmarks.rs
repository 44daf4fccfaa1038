//! Benchmarks: what five comparator councils (a fictional nearest-neighbour group)
//! recorded for the benchmarked indicators, quarter by quarter (year by year for annual
//! indicators). Each comparator sits consistently better or worse than the target.

use super::calendar::Calendar;
use super::catalogue::Level;
use super::indicators::Planned;
use super::rng;
use super::targets::round_to;
use crate::domain::indicator::Frequency;
use crate::domain::period::Period;
use crate::domain::target::{TargetRow, Targets};
use crate::store::BenchmarkRecord;

/// (council, how far it runs from the target, in gaps on the good side)
const COMPARATORS: &[(&str, f64)] = &[
    ("Ashcombe District Council", 0.9),
    ("Elmsworth Borough Council", 0.4),
    ("Northfold District Council", 0.0),
    ("Severnbridge District Council", -0.4),
    ("Tamar Moor District Council", -0.9),
];

/// The periods benchmarks are published for: ended quarters, or ended years.
fn periods(cal: &Calendar, frequency: Frequency) -> Vec<Period> {
    match frequency {
        Frequency::Annual => cal.years().into_iter().map(Period::Year).collect(),
        _ => cal.quarters().into_iter().map(Period::Quarter).collect(),
    }
}

/// The benchmarks of one indicator (none unless it is benchmarked and has targets).
pub fn records(p: &Planned, target_rows: &[TargetRow], cal: &Calendar) -> Vec<BenchmarkRecord> {
    let t = p.template;
    if !t.benchmarked || !matches!(t.level, Level::Targeted { .. }) {
        return vec![];
    }
    let targets = Targets::new(target_rows);
    let mut r = rng::stream(&format!("benchmarks/{}", p.code()));
    let mut out = Vec::new();
    for period in periods(cal, t.frequency) {
        // The target for the whole period, as this council's own figure is judged.
        let parts: Vec<Period> = match t.frequency {
            Frequency::Monthly => period.months().into_iter().map(Period::Month).collect(),
            _ => vec![period],
        };
        let Some(th) = targets.threshold(t.aggregation, Some(period), &parts, parts.len()) else {
            continue;
        };
        let gap = th
            .intervention
            .map(|i| (th.target - i).abs())
            .unwrap_or(th.target.abs() * 0.05);
        for (council, offset) in COMPARATORS {
            let value = th.target + t.sign() * gap * (offset + 0.3 * rng::normal(&mut r));
            let value = if t.unit == "%" {
                value.clamp(0.0, 100.0)
            } else {
                value.max(0.0)
            };
            out.push(BenchmarkRecord {
                indicator: p.code().to_string(),
                period: period.to_string(),
                comparator: council.to_string(),
                value: round_to(value, t.decimals),
            });
        }
    }
    out
}
