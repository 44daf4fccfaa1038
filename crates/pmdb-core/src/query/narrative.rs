//! What a report says for an indicator's period: the narrative written for that quarter or
//! year when there is one; otherwise the latest text recorded within the period its figure
//! comes from, labelled with that month when it is not the report's own period
//! ("September: …"), so a quarter never prints a month's words as if they were its own.

use crate::domain::narrative::{Subject, labelled};
use crate::domain::period::Period;
use crate::store::{Dataset, Narrative, StoredValue};

use super::rollup::RollupIndicator;

/// Which of the two texts a report shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Said {
    Commentary,
    Action,
}

impl Said {
    fn of_value(self, v: &StoredValue) -> &str {
        match self {
            Said::Commentary => &v.commentary,
            Said::Action => &v.action,
        }
    }

    fn of_narrative(self, n: &Narrative) -> &str {
        match self {
            Said::Commentary => &n.commentary,
            Said::Action => &n.action,
        }
    }
}

/// The commentary (or action) a report of `period` shows for the indicator. With
/// `locked_only` (a signed-off period's page) a borrowed text is taken only from a period
/// a sign-off locks.
pub fn told(
    ds: &Dataset,
    i: &RollupIndicator,
    period: Period,
    locked_only: bool,
    said: Said,
) -> String {
    if let Some(n) = ds.narrative(Subject::Indicator, &i.code, period) {
        return said.of_narrative(n).to_string();
    }
    let Some(within) = i.latest_period else {
        return String::new();
    };
    borrowed(ds, &i.code, within, period, locked_only, said)
}

/// The latest text recorded for the indicator within `within` (the period its figure
/// comes from), labelled with its month when that is not `report`'s own period: what a
/// report shows where no narrative is written.
pub fn borrowed(
    ds: &Dataset,
    code: &str,
    within: Period,
    report: Period,
    locked_only: bool,
    said: Said,
) -> String {
    ds.values_of(code)
        .iter()
        .filter(|v| !said.of_value(v).is_empty() && within.covers(v.period))
        .filter(|v| !locked_only || ds.signoffs.locking(v.period).is_some())
        .max_by_key(|v| v.period.sort_key())
        .map(|v| labelled(said.of_value(v), v.period, report))
        .unwrap_or_default()
}

/// The narrative of a plan node (a priority) for the report's quarter or year, which heads
/// its section: (commentary, action), or None.
pub fn of_node(ds: &Dataset, code: &str, period: Period) -> Option<(String, String)> {
    ds.narrative(Subject::Plan, code, period)
        .filter(|n| !n.commentary.is_empty() || !n.action.is_empty())
        .map(|n| (n.commentary.clone(), n.action.clone()))
}
