//! Which periods the performance team may review as a whole (sign off, raise exceptions
//! for): one that has ended and does not lie wholly before the council collects data, so
//! nobody freezes or raises thousands of statuses for 1899 or for next year.

use chrono::NaiveDate;

use crate::domain::deadline::check_ended;
use crate::domain::period::Period;
use crate::store::Dataset;

/// Refuses a period that has not ended, or that ends before the first month any indicator
/// is collected for. `so` says what follows ("it cannot be signed off").
pub fn check_reviewable(
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    so: &str,
) -> Result<(), String> {
    check_ended(period, today, so)?;
    let start = ds
        .indicators
        .iter()
        .filter_map(|rec| ds.start_of(rec))
        .min();
    match start {
        None => Err(format!(
            "no indicator is collected yet (no plan years, targets or values), so {so}"
        )),
        Some(start) if period.last_month() < start => Err(format!(
            "{period} lies wholly before the council collects data (from {start}), so {so}"
        )),
        Some(_) => Ok(()),
    }
}
