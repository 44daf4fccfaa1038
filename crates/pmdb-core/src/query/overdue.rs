//! `pmdb overdue`: values past their deadline with nothing recorded.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::assess::Context;
use crate::domain::indicator::Frequency;
use crate::domain::owed::Owing;
use crate::domain::period::{FinYear, Period};
use crate::store::Dataset;

#[derive(Debug, Clone, Serialize)]
pub struct OverdueRow {
    pub code: String,
    pub title: String,
    pub owner: String,
    pub period: String,
    pub deadline: String,
    pub days_overdue: i64,
}

/// The indicator's own periods in a financial year.
pub fn periods_in(frequency: Frequency, year: FinYear) -> Vec<Period> {
    frequency.periods_in(year)
}

/// The financial years `overdue` looks at on `as_of`: the last and this one. Its dataset
/// needs only their values (`Store::dataset_of_years`).
pub fn overdue_years(as_of: NaiveDate) -> [FinYear; 2] {
    let this_year = crate::domain::period::Month::of(as_of).fin_year();
    [FinYear(this_year.0 - 1), this_year]
}

/// Every period of this financial year and the last that is owed (by the one rule of
/// what is owed: collection start and lag), past its deadline by `as_of`, with no value
/// recorded; oldest first within each indicator.
pub fn overdue(ds: &Dataset, as_of: NaiveDate, ctx: Context) -> Vec<OverdueRow> {
    let on = Context {
        today: as_of,
        ..ctx
    };
    let mut out = Vec::new();
    for rec in &ds.indicators {
        let i = &rec.indicator;
        let series = ds.series(rec);
        for year in overdue_years(as_of) {
            for p in periods_in(i.frequency, year) {
                let Owing::Overdue { by, days } = series.owing(p, on) else {
                    continue;
                };
                if ds.value_at(&i.code, p).is_none() {
                    out.push(OverdueRow {
                        code: i.code.clone(),
                        title: i.title.clone(),
                        owner: i.owner.clone(),
                        period: p.to_string(),
                        deadline: by.to_string(),
                        days_overdue: days,
                    });
                }
            }
        }
    }
    out
}
