//! Which periods the performance team may review as a whole (sign off, raise exceptions
//! for): one that has ended and does not lie wholly before the council collects data, so
//! nobody freezes or raises thousands of statuses for 1899 or for next year. What a council
//! collects is its indicators and its delivery items alike: one that keeps only actions
//! and risks so far still reviews them.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::deadline::{NotEnded, check_ended};
use crate::domain::period::{Month, Period};
use crate::store::Dataset;

/// Why a period may not be reviewed as a whole; `so` says what follows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Unreviewable {
    #[error(transparent)]
    NotEnded(#[from] NotEnded),
    #[error(
        "nothing is collected yet (no indicator with plan years, targets or values, and no action, project, risk or EIA), so {so}"
    )]
    NothingCollected { so: String },
    #[error("{period} lies wholly before the council collects data (from {start}), so {so}")]
    BeforeCollection {
        period: Period,
        start: Month,
        so: String,
    },
}

/// Refuses a period that has not ended, or that ends before the first month any indicator
/// or delivery item is collected for. `so` says what follows ("it cannot be signed off").
pub fn check_reviewable(
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    so: &str,
) -> Result<(), Unreviewable> {
    check_ended(period, today, so)?;
    let indicators = ds.indicators.iter().filter_map(|rec| ds.start_of(rec));
    let start = indicators.chain(delivery_start(ds)).min();
    let so = so.to_string();
    match start {
        None => Err(Unreviewable::NothingCollected { so }),
        Some(start) if period.last_month() < start => {
            Err(Unreviewable::BeforeCollection { period, start, so })
        }
        Some(_) => Ok(()),
    }
}

/// The first month any delivery item is judged from: an action's or project's start (its
/// first update's month when it has none), a risk's first review (its creation is not
/// dated), an EIA's due month; never before the council's `collect_from`.
fn delivery_start(ds: &Dataset) -> Option<Month> {
    let d = &ds.delivery;
    let month = |text: &str| text.parse::<NaiveDate>().ok().map(Month::of);
    let action_updates = first_months(d.action_updates.iter().map(|u| (&u.action, &u.period)));
    let project_updates = first_months(d.project_updates.iter().map(|u| (&u.project, &u.period)));
    let actions = d.actions.iter().filter_map(|a| {
        a.start
            .as_deref()
            .and_then(month)
            .or_else(|| action_updates.get(a.code.as_str()).copied())
    });
    let projects = d.projects.iter().filter_map(|p| {
        p.start
            .as_deref()
            .and_then(month)
            .or_else(|| project_updates.get(p.code.as_str()).copied())
    });
    let reviews = d.risk_reviews.iter().filter_map(|v| month(&v.date));
    let eias = d.eias.iter().filter_map(|e| month(&e.due));
    let first = actions.chain(projects).chain(reviews).chain(eias).min()?;
    Some(match ds.settings.collect_from {
        Some(from) => first.max(from),
        None => first,
    })
}

/// Each subject's first updated month, by its code.
fn first_months<'a>(
    updates: impl Iterator<Item = (&'a String, &'a String)>,
) -> HashMap<&'a str, Month> {
    let mut out: HashMap<&str, Month> = HashMap::new();
    for (code, period) in updates {
        if let Ok(p) = period.parse::<Period>() {
            let m = out.entry(code.as_str()).or_insert(p.first_month());
            *m = (*m).min(p.first_month());
        }
    }
    out
}
