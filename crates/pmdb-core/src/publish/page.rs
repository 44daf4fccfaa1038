//! One HTML page of a period: the council's report, a portfolio's summary or another
//! scope's, from the dataset and what the store supplies beside it (`PageSources`).

use chrono::NaiveDate;

use super::sources::PageSources;
use crate::domain::period::Period;
use crate::query::report_html::{self, Scope};
use crate::query::report_judged::Judged;
use crate::store::{Dataset, Result, Store};

/// The HTML page of `period` in `scope` (`pmdb report --format html`), reading what it
/// shows beside `ds`, the dataset as the period's reports see it.
pub fn html(
    store: &Store,
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    scope: &Scope,
) -> Result<String> {
    let sources = PageSources::read(store, ds, period)?;
    let judged = Judged::of(ds, period, ds.context(today));
    Ok(page(&judged, scope, &sources))
}

/// One HTML page in `scope`, from the council as judged for the period and what the store
/// supplied: the pages of a pack share one judging and one read of the sources.
pub fn page(judged: &Judged, scope: &Scope, sources: &PageSources) -> String {
    report_html::html(judged, scope, &sources.extras())
}
