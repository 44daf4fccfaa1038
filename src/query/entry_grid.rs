//! "My indicators for the month now due": the rows of the interface's Entry tab, and the
//! status a value would have if it were saved (for validation as the officer types).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::domain::aggregate::Observation;
use crate::domain::assess::{Assessment, Context, Series};
use crate::domain::deadline::{deadline, is_overdue};
use crate::domain::indicator::Frequency;
use crate::domain::period::{FinYear, Month, Period};
use crate::domain::target::Targets;
use crate::store::{Dataset, IndicatorRecord, StoredValue};

/// One indicator an officer is asked for.
#[derive(Debug, Clone)]
pub struct EntryRow {
    pub code: String,
    pub title: String,
    /// The period asked for: the month, or a quarterly or annual indicator's latest
    /// period that has ended by then.
    pub period: Period,
    pub stored: Option<StoredValue>,
    pub assessment: Assessment,
    pub deadline: NaiveDate,
    /// No value and the deadline has passed.
    pub overdue: bool,
}

/// The latest period of an indicator's own frequency that has ended by the end of `month`.
pub fn due_period(frequency: Frequency, month: Month) -> Period {
    match frequency {
        Frequency::Monthly => Period::Month(month),
        Frequency::Quarterly => {
            let q = month.quarter();
            Period::Quarter(if q.last_month() == month { q } else { q.prev() })
        }
        Frequency::Annual => {
            let y = month.fin_year();
            Period::Year(if y.last_month() == month {
                y
            } else {
                FinYear(y.0 - 1)
            })
        }
    }
}

/// Whether the login owns the indicator or enters its data.
pub fn is_theirs(rec: &IndicatorRecord, login: &str) -> bool {
    rec.indicator.owner == login || rec.enterers.iter().any(|e| e == login)
}

/// Everyone who owns or enters data for an indicator, sorted.
pub fn officers(ds: &Dataset) -> Vec<String> {
    let set: BTreeSet<&str> = ds
        .indicators
        .iter()
        .flat_map(|r| {
            std::iter::once(r.indicator.owner.as_str()).chain(r.enterers.iter().map(String::as_str))
        })
        .filter(|l| !l.is_empty())
        .collect();
    set.into_iter().map(String::from).collect()
}

/// The officer's indicators for `month`, in the dataset's order.
pub fn entry_grid(ds: &Dataset, officer: &str, month: Month, ctx: Context) -> Vec<EntryRow> {
    ds.indicators
        .iter()
        .filter(|rec| is_theirs(rec, officer))
        .map(|rec| {
            let i = &rec.indicator;
            let period = due_period(i.frequency, month);
            let stored = ds.value_at(&i.code, period).cloned();
            let assessment = ds.assess(&ds.series(rec), period, ctx);
            EntryRow {
                code: i.code.clone(),
                title: i.title.clone(),
                overdue: stored.is_none() && is_overdue(period, ctx.deadline_day, ctx.today),
                deadline: deadline(period, ctx.deadline_day),
                period,
                stored,
                assessment,
            }
        })
        .collect()
}

/// The assessment the period would have with `value` recorded in place of what is stored.
pub fn preview(
    ds: &Dataset,
    rec: &IndicatorRecord,
    period: Period,
    value: Observation,
    ctx: Context,
) -> Assessment {
    let code = &rec.indicator.code;
    let mut observations: Vec<Observation> = ds
        .values_of(code)
        .iter()
        .filter(|v| v.period != period)
        .map(StoredValue::observation)
        .collect();
    observations.push(value);
    let targets = Targets::new(ds.targets.get(code).map(Vec::as_slice).unwrap_or(&[]));
    Series::new(&rec.indicator, observations, targets).assess(period, &ds.settings.rule_book(), ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        match s.parse::<Period>() {
            Ok(Period::Month(m)) => m,
            _ => panic!("{s} is not a month"),
        }
    }

    #[test]
    fn quarterly_and_annual_indicators_ask_for_their_latest_ended_period() {
        assert_eq!(
            due_period(Frequency::Monthly, m("2026-10")).to_string(),
            "2026-10"
        );
        assert_eq!(
            due_period(Frequency::Quarterly, m("2026-10")).to_string(),
            "2026/27 Q2"
        );
        assert_eq!(
            due_period(Frequency::Quarterly, m("2026-09")).to_string(),
            "2026/27 Q2"
        );
        assert_eq!(
            due_period(Frequency::Quarterly, m("2026-04")).to_string(),
            "2025/26 Q4"
        );
        assert_eq!(
            due_period(Frequency::Annual, m("2026-10")).to_string(),
            "2025/26"
        );
        assert_eq!(
            due_period(Frequency::Annual, m("2027-03")).to_string(),
            "2026/27"
        );
    }
}
