//! Which periods the performance team may review as a whole (sign off, raise exceptions
//! for): one that has ended and does not lie wholly before the council collects data, so
//! nobody freezes or raises thousands of statuses for 1899 or for next year.

use chrono::NaiveDate;

use crate::domain::deadline::{NotEnded, check_ended};
use crate::domain::period::{Month, Period};
use crate::store::Dataset;

/// Why a period may not be reviewed as a whole; `so` says what follows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unreviewable {
    #[error(transparent)]
    NotEnded(#[from] NotEnded),
    #[error("no indicator is collected yet (no plan years, targets or values), so {so}")]
    NothingCollected { so: String },
    #[error("{period} lies wholly before the council collects data (from {start}), so {so}")]
    BeforeCollection {
        period: Period,
        start: Month,
        so: String,
    },
}

/// Refuses a period that has not ended, or that ends before the first month any indicator
/// is collected for. `so` says what follows ("it cannot be signed off").
pub fn check_reviewable(
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    so: &str,
) -> Result<(), Unreviewable> {
    check_ended(period, today, so)?;
    let start = ds
        .indicators
        .iter()
        .filter_map(|rec| ds.start_of(rec))
        .min();
    let so = so.to_string();
    match start {
        None => Err(Unreviewable::NothingCollected { so }),
        Some(start) if period.last_month() < start => {
            Err(Unreviewable::BeforeCollection { period, start, so })
        }
        Some(_) => Ok(()),
    }
}
