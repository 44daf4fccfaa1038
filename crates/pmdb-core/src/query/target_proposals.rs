//! Next year's targets an officer proposes in the spring (SPEC "Targets are proposed, then
//! approved"): which year the Entry tab offers, and each of the officer's indicators' annual
//! target and intervention level for it as drafted, proposed or approved.
//!
//! The year offered: in February and March (the spring, when next year's targets go to
//! the board) the next financial year, whether or not it has been rolled forward yet; at
//! any other time only a year, this one or the next, whose targets for the officer's
//! indicators are still draft or proposed (a year rolled forward early, or one not yet
//! approved when April came). Otherwise none: there is nothing to propose.

use chrono::{Datelike, NaiveDate};

use crate::domain::period::{FinYear, Month};
use crate::domain::target_state::TargetState;
use crate::query::entry_grid::is_theirs;
use crate::store::{Dataset, IndicatorRecord};

/// One indicator's annual target for the year offered.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalRow {
    pub code: String,
    pub title: String,
    pub decimals: u8,
    /// The annual target and intervention level as they stand (drafted, proposed or
    /// approved); none: no target yet.
    pub target: Option<f64>,
    pub intervention: Option<f64>,
    /// Where the year's targets stand; none while there is no target yet.
    pub state: Option<TargetState>,
    /// The rationale of a proposal, and who proposed it.
    pub why: String,
    pub proposed_by: String,
    /// The approving board's code (none until approved, or approved on import).
    pub approved_by: String,
    pub meeting: Option<i64>,
}

/// Whether `today` falls in the spring, when next year's targets are proposed: February or
/// March, the last two months of the financial year.
pub fn in_season(today: NaiveDate) -> bool {
    matches!(today.month(), 2 | 3)
}

/// The year whose targets the officer is offered on `today`, if any (see the module's
/// note).
pub fn proposal_year(ds: &Dataset, officer: &str, today: NaiveDate) -> Option<FinYear> {
    offered_year(today, |year| {
        theirs(ds, officer).any(|rec| {
            ds.target_states
                .get(&rec.indicator.code)
                .into_iter()
                .flatten()
                .any(|s| s.year == year && !s.state.agreed())
        })
    })
}

/// The rule of [`proposal_year`], given whether a year has targets of the officer's still
/// draft or proposed (`unagreed`).
pub fn offered_year(today: NaiveDate, unagreed: impl Fn(FinYear) -> bool) -> Option<FinYear> {
    let this = Month::of(today).fin_year();
    let next = FinYear(this.0 + 1);
    if in_season(today) {
        return Some(next);
    }
    [this, next].into_iter().find(|y| unagreed(*y))
}

/// The officer's indicators that take targets (owned or entered), in the dataset's order.
fn theirs<'a>(ds: &'a Dataset, officer: &'a str) -> impl Iterator<Item = &'a IndicatorRecord> {
    ds.indicators
        .iter()
        .filter(move |rec| is_theirs(rec, officer) && rec.indicator.takes_targets())
}

/// Each of the officer's indicators that take targets, with its annual target for `year`
/// and where it stands. A year with targets and no state on record is approved (imported
/// from a file: the council's approved ones).
pub fn proposals(ds: &Dataset, officer: &str, year: FinYear) -> Vec<ProposalRow> {
    theirs(ds, officer)
        .map(|rec| {
            let i = &rec.indicator;
            let annual = ds
                .targets
                .get(&i.code)
                .into_iter()
                .flatten()
                .find(|t| t.year == year && t.period.is_none());
            let recorded = ds
                .target_states
                .get(&i.code)
                .into_iter()
                .flatten()
                .find(|s| s.year == year);
            let state = match (annual, recorded) {
                (_, Some(s)) => Some(s.state),
                (Some(_), None) => Some(TargetState::Approved),
                (None, None) => None,
            };
            let text = |f: fn(&crate::store::TargetStateRecord) -> &String| {
                recorded.map(|s| f(s).clone()).unwrap_or_default()
            };
            ProposalRow {
                code: i.code.clone(),
                title: i.title.clone(),
                decimals: i.decimals,
                target: annual.map(|t| t.target),
                intervention: annual.and_then(|t| t.intervention),
                state,
                why: text(|s| &s.why),
                proposed_by: text(|s| &s.proposed_by),
                approved_by: text(|s| &s.approved_by),
                meeting: recorded.and_then(|s| s.meeting),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_spring_is_february_and_march() {
        assert!(!in_season(day("2025-01-31")));
        assert!(in_season(day("2025-02-01")));
        assert!(in_season(day("2025-03-31")));
        assert!(!in_season(day("2025-04-01")));
    }

    #[test]
    fn outside_the_spring_only_a_year_still_draft_or_proposed_is_offered() {
        let none = |_: FinYear| false;
        // 2024/25's spring offers 2025/26, rolled forward or not.
        assert_eq!(offered_year(day("2025-02-20"), none), Some(FinYear(2025)));
        assert_eq!(offered_year(day("2025-03-31"), none), Some(FinYear(2025)));
        assert_eq!(offered_year(day("2025-04-01"), none), None);
        assert_eq!(offered_year(day("2025-01-15"), none), None);
        // Rolled forward in January: 2025/26's drafts are offered early.
        let drafts_2025 = |y: FinYear| y == FinYear(2025);
        assert_eq!(
            offered_year(day("2025-01-15"), drafts_2025),
            Some(FinYear(2025))
        );
        // April came before the board approved them: the year now begun is offered.
        assert_eq!(
            offered_year(day("2025-04-10"), drafts_2025),
            Some(FinYear(2025))
        );
        // A year two ahead is not this spring's business.
        let drafts_2026 = |y: FinYear| y == FinYear(2026);
        assert_eq!(offered_year(day("2025-01-15"), drafts_2026), None);
    }
}
