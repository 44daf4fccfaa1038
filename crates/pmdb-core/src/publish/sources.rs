//! What a period's HTML pages show that the dataset does not hold, read once for all the
//! pages of a pack: the benchmarks, the period's exceptions escalated to Management Board
//! (its own and its months'), and the case studies. For a period a sign-off covers, the
//! benchmarks and escalations are those frozen at sign-off, so the page is the same bytes
//! after later imports and exception updates.

use super::escalations::listed_escalations;
use crate::domain::period::Period;
use crate::domain::workflow::ExceptionStatus;
use crate::query::report_html::Extras;
use crate::store::{
    BenchmarkRecord, CaseStudyRecord, Dataset, ExceptionFilter, ExceptionRecord, Result, Store,
};

pub struct PageSources {
    benchmarks: Vec<BenchmarkRecord>,
    escalated: Vec<ExceptionRecord>,
    requests: Vec<ExceptionRecord>,
    case_studies: Vec<CaseStudyRecord>,
}

impl PageSources {
    pub fn read(store: &Store, ds: &Dataset, period: Period) -> Result<PageSources> {
        let (benchmarks, escalated) = match store.frozen_extras(period)? {
            Some(frozen) => (frozen.benchmarks, frozen.escalated),
            None => live_extras(store, ds, period)?,
        };
        let requests = crate::query::requests::load(store, ds, period)?;
        Ok(PageSources {
            benchmarks,
            escalated,
            requests,
            case_studies: store.case_studies()?,
        })
    }

    /// What the HTML report is given beside the dataset.
    pub fn extras(&self) -> Extras<'_> {
        Extras {
            benchmarks: &self.benchmarks,
            escalated: &self.escalated,
            requests: &self.requests,
            case_studies: &self.case_studies,
        }
    }
}

/// The benchmarks and escalated exceptions as they are now: for a period not signed off,
/// and for one signed off before pmdb froze them at sign-off (schema version 8), which has
/// nothing frozen to read; rather than make up what stood then, such a page shows today's
/// benchmarks and the escalations raised by its sign-off as they are now.
fn live_extras(
    store: &Store,
    ds: &Dataset,
    period: Period,
) -> Result<(Vec<BenchmarkRecord>, Vec<ExceptionRecord>)> {
    let benchmarks = store.benchmarks()?;
    let escalated = store.exceptions(&ExceptionFilter {
        status: Some(ExceptionStatus::Escalated),
        ..ExceptionFilter::default()
    })?;
    let signed_at = crate::query::signoff::signed_at(ds, period);
    Ok((benchmarks, listed_escalations(escalated, period, signed_at)))
}
