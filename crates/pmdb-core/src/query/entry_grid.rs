//! "My indicators for the month now due": the rows of the interface's Entry tab, and the
//! status a value would have if it were saved (for validation as the officer types).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::domain::aggregate::Observation;
use crate::domain::assess::{Assessment, Context, assess_if_recorded};
use crate::domain::owed::Owing;
use crate::domain::period::{Month, Period};
use crate::domain::rag::Rag;
use crate::stamp::local_day;
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
    /// What the period owes, by the one rule (collection start, lag).
    pub owing: Owing,
    /// No value, owed, and the deadline has passed.
    pub overdue: bool,
    /// The value stored was recorded this many days after the deadline.
    pub late_days: Option<i64>,
    /// The signed-off period (this one, or the quarter or year it is part of) that locks
    /// its figures: a value cannot be recorded until it is reopened.
    pub locked: Option<Period>,
}

impl EntryRow {
    /// The status the grid shows: the period's own once a value is in or the deadline has
    /// passed (missing); before then nothing is owed, so no status.
    pub fn shown_rag(&self) -> Rag {
        if self.stored.is_some() || self.overdue {
            self.assessment.rag
        } else {
            Rag::None
        }
    }
}

/// Whether the login owns the indicator or enters its data.
pub fn is_theirs(rec: &IndicatorRecord, login: &str) -> bool {
    rec.indicator.owner == login || rec.enterers.iter().any(|e| e == login)
}

/// Everyone with a monthly return: who owns or enters data for an indicator, or owns an
/// action, project or risk; sorted.
pub fn officers(ds: &Dataset) -> Vec<String> {
    let d = &ds.delivery;
    let set: BTreeSet<&str> = ds
        .indicators
        .iter()
        .flat_map(|r| {
            std::iter::once(r.indicator.owner.as_str()).chain(r.enterers.iter().map(String::as_str))
        })
        .chain(d.actions.iter().map(|a| a.owner.as_str()))
        .chain(d.projects.iter().map(|p| p.owner.as_str()))
        .chain(d.risks.iter().map(|r| r.owner.as_str()))
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
            let period = i.frequency.latest_ended(month);
            let stored = ds.value_at(&i.code, period).cloned();
            let series = ds.series(rec);
            let assessment = ds.assess(&series, period, ctx);
            let owing = series.owing(period, ctx);
            let deadline = series.due_by(period, ctx);
            // Lateness is the first recording's, on the council's day: a correction after
            // the deadline leaves a figure given on time on time.
            let late_days = stored
                .as_ref()
                .and_then(|v| local_day(&v.first_entered_at))
                .map(|on| (on - deadline).num_days())
                .filter(|days| *days > 0 && owing.by().is_some());
            EntryRow {
                code: i.code.clone(),
                title: i.title.clone(),
                overdue: stored.is_none() && owing.is_overdue(),
                owing,
                late_days,
                locked: ds.signoffs.locking(period),
                deadline,
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
    value: Observation,
    ctx: Context,
) -> Assessment {
    assess_if_recorded(&ds.series(rec), value, &ds.settings.rule_book(), ctx)
}
