//! The delivery half of the golden thread: actions, major projects and their milestones,
//! risks, and equality impact assessments. Each is judged for a period at that period's
//! end (and, for a missing update, at its deadline), never against today's state, so a
//! past quarter reads as it was. Plain rules: no SQL, no terminal, no clock.

/// Serialises a status that is a word, or one of a few, as that word (`as_str` and
/// `FromStr`), as a frozen status stores it.
macro_rules! word_serde {
    ($name:ident) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
use word_serde;

pub mod action;
pub mod eia;
pub mod project;
pub mod risk;
pub mod rules;
pub mod update_rule;

use std::fmt;

use super::indicator::words;
use super::period::{Month, Period};
use chrono::NaiveDate;
use risk::ScaleError;
use update_rule::{DueNote, NoUpdateRule, Spoken, UpdateMissing};

words!(
    /// The RAG of a delivery item for a period. `completed` is its own state: a finished
    /// action is neither green nor something to chase.
    DeliveryRag, "RAG status" {
        Green = "green",
        Amber = "amber",
        Red = "red",
        Completed = "completed",
        Missing = "missing",
        None = "none",
    }
);

impl DeliveryRag {
    /// A one-letter mark, so status never rests on colour alone.
    pub fn letter(self) -> &'static str {
        match self {
            DeliveryRag::Green => "G",
            DeliveryRag::Amber => "A",
            DeliveryRag::Red => "R",
            DeliveryRag::Completed => "C",
            DeliveryRag::Missing => "M",
            DeliveryRag::None => "-",
        }
    }

    /// The letter before a count of this status: "N" for none, never a minus.
    pub fn count_letter(self) -> &'static str {
        match self {
            DeliveryRag::None => "N",
            other => other.letter(),
        }
    }
}

/// A date as the rules' texts write it: ISO, as the CSV columns and the commands take it.
pub(crate) struct Iso(pub NaiveDate);

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// Whether a date has passed by the end of a period: it fell before the period's last day.
/// Something due on the last day is still on time that day.
pub fn passed_by(date: NaiveDate, period_end: NaiveDate) -> bool {
    date < period_end
}

/// The latest of a subject's updates that counts by the end of `period`: an update counts
/// for the period it names and every later one (a quarter takes its last month's).
pub fn latest_by<T>(updates: &[T], period: Period, period_of: impl Fn(&T) -> Period) -> Option<&T> {
    updates
        .iter()
        .filter(|u| period_of(u).last_month() <= period.last_month())
        .max_by_key(|u| period_of(u).sort_key())
}

words!(
    /// How often an open action or project owes its owner's update.
    UpdateFrequency, "update frequency" {
        Monthly = "monthly",
        Quarterly = "quarterly",
    }
);

impl UpdateFrequency {
    /// The period whose update is owed by the end of `period`: the last one of this
    /// frequency that has ended by then (a quarterly item judged for August owes its
    /// April–June update; for September, its July–September one).
    pub fn owed_period(self, period: Period) -> Period {
        let end = period.last_month();
        match self {
            UpdateFrequency::Monthly => Period::Month(end),
            UpdateFrequency::Quarterly => {
                let q = end.quarter();
                Period::Quarter(if q.last_month() == end { q } else { q.prev() })
            }
        }
    }
}

/// What the council's calendar says of updates: the deadline day of the month after a
/// period, the month it collects from (none owed before), and today, which only decides
/// whether a deadline has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    pub deadline_day: u32,
    pub collect_from: Option<Month>,
    pub today: NaiveDate,
}

/// The update an open item owes by the end of a period, and whether its deadline has
/// passed: an update still on time is never called missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owed {
    /// The period the update must name (or, for a quarter, a month inside it).
    pub period: Period,
    pub by: NaiveDate,
    pub passed: bool,
    /// False when that period ended before the item started or the council collects:
    /// nothing is owed for it.
    pub owes: bool,
}

impl Owed {
    /// What an item of `frequency` that starts on `start` owes by the end of `period`.
    pub fn of(
        period: Period,
        frequency: UpdateFrequency,
        start: Option<NaiveDate>,
        cal: Calendar,
    ) -> Owed {
        let owed = frequency.owed_period(period);
        // The one rule of what is owed, as for an indicator's figure: nothing before the
        // item starts or the council collects, and due by the period's deadline.
        let from = [start.map(Month::of), cal.collect_from]
            .into_iter()
            .flatten()
            .max();
        let by = super::owed::due_by(owed, cal.deadline_day, 0);
        Owed {
            period: owed,
            by,
            passed: cal.today > by,
            owes: super::owed::collected_in(from, owed),
        }
    }

    /// Whether an update for `updated` (the latest by the period's end) gives what is owed:
    /// it names the owed period, a month inside it, or a later one.
    pub fn given_by(self, updated: Period) -> bool {
        updated.last_month() >= self.period.first_month()
    }

    /// Owed, not given, and its deadline passed: the item is missing for the period.
    pub fn missing(self, latest: Option<Period>) -> bool {
        self.owes && self.passed && !latest.is_some_and(|u| self.given_by(u))
    }

    /// Owed, not given, deadline still to come: "2026-10 update due 15 Nov".
    pub fn due_note(self, latest: Option<Period>, today: NaiveDate) -> Option<DueNote> {
        (self.owes && !self.passed && !latest.is_some_and(|u| self.given_by(u))).then_some(
            DueNote {
                period: self.period,
                by: self.by,
                today,
            },
        )
    }

    /// The rule of an item missing its update whose last update said `last` for `period`:
    /// "update missing for 2026-08; last: on track (2026-07)".
    pub fn missing_after<S>(self, last: S, period: Period) -> UpdateMissing<S> {
        UpdateMissing {
            owed: self.period,
            last: Spoken(last),
            period,
        }
    }
}

/// A subject without any update by a period's end, as actions and projects share it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoUpdate {
    /// Missing (the period's deadline has passed), else simply not started or not due.
    pub missing: bool,
    pub rag: DeliveryRag,
    pub rule: NoUpdateRule,
}

/// Before its start nothing is owed; after the owed update's deadline it is missing;
/// before the deadline the update is still to come.
pub fn no_update(
    start: Option<NaiveDate>,
    period: Period,
    owed: Owed,
    today: NaiveDate,
) -> NoUpdate {
    let end = period.last_month().last_day();
    match start {
        Some(s) if s > end => NoUpdate {
            missing: false,
            rag: DeliveryRag::None,
            rule: NoUpdateRule::Starts(s),
        },
        _ if owed.missing(None) => NoUpdate {
            missing: true,
            rag: DeliveryRag::Missing,
            rule: NoUpdateRule::Missing { owed: owed.period },
        },
        _ => NoUpdate {
            missing: false,
            rag: DeliveryRag::None,
            rule: NoUpdateRule::NotYet(owed.due_note(None, today)),
        },
    }
}

/// What a delivery update or review cannot be, naming the item and the rule.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DeliveryError {
    #[error("no {kind} '{code}' (see `pmdb {kind}s`)")]
    Unknown { kind: &'static str, code: String },
    #[error(
        "{code} {period}: the status {status} needs a commentary saying why and what is being done"
    )]
    NeedsCommentary {
        code: String,
        period: Period,
        status: &'static str,
    },
    #[error("{code}: the progress must be a whole number from 0 to 100, not {progress}")]
    Progress { code: String, progress: i64 },
    #[error(
        "{code}: a completed action is 100% done, not {progress}%: give a progress of 100, or none"
    )]
    CompletedProgress { code: String, progress: i64 },
    #[error("{code}: the spend to date must be a number of 0 or more and below 10^15, not {spent}")]
    Spent { code: String, spent: f64 },
    #[error("an update is for a month (2026-10) or a quarter (2026/27 Q2), not {0}")]
    UpdatePeriod(Period),
    #[error("{period} has not started yet (today is {today})")]
    NotStarted { period: Period, today: NaiveDate },
    #[error("{code}: the {what} {date} is after today ({today})")]
    Future {
        code: String,
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("project {project} has no milestone '{title}'; its milestones are {list}")]
    NoMilestone {
        project: String,
        title: String,
        list: String,
    },
    #[error("give the milestone's --done or --forecast date")]
    NothingToSet,
    #[error(transparent)]
    Scale(#[from] ScaleError),
    #[error(transparent)]
    Text(#[from] crate::domain::fields::FieldError),
}

/// An update's progress: a whole percentage, 0 to 100, when given.
pub fn check_progress(code: &str, progress: Option<i64>) -> Result<(), DeliveryError> {
    match progress.filter(|p| !(0..=100).contains(p)) {
        Some(p) => Err(DeliveryError::Progress {
            code: code.to_string(),
            progress: p,
        }),
        None => Ok(()),
    }
}

/// Choosing `completed` sets progress to 100: an update giving none is 100% done, and one
/// giving another figure contradicts itself, so it is refused rather than guessed at.
pub fn completed_progress(
    code: &str,
    completed: bool,
    progress: Option<i64>,
) -> Result<Option<i64>, DeliveryError> {
    match progress {
        _ if !completed => Ok(progress),
        None | Some(100) => Ok(Some(100)),
        Some(p) => Err(DeliveryError::CompletedProgress {
            code: code.to_string(),
            progress: p,
        }),
    }
}

/// A project's spend to date: a number of 0 or more and below 10^15, when given (what
/// `domain::money` reads at every front door, checked again for any other caller).
pub fn check_spent(code: &str, spent: Option<f64>) -> Result<(), DeliveryError> {
    let limit = crate::domain::number::FIGURE_LIMIT;
    match spent.filter(|s| !s.is_finite() || *s < 0.0 || *s >= limit) {
        Some(s) => Err(DeliveryError::Spent {
            code: code.to_string(),
            spent: s,
        }),
        None => Ok(()),
    }
}

/// An at-risk or off-track status (`needed`) must say why: a commentary that is not blank.
pub fn check_needs_commentary(
    code: &str,
    period: Period,
    status: &'static str,
    needed: bool,
    commentary: &str,
) -> Result<(), DeliveryError> {
    if needed && commentary.trim().is_empty() {
        return Err(DeliveryError::NeedsCommentary {
            code: code.to_string(),
            period,
            status,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checks_an_update_must_pass() {
        let oct: Period = "2026-10".parse().unwrap();
        assert_eq!(check_progress("ACT-1", None), Ok(()));
        assert_eq!(check_progress("ACT-1", Some(100)), Ok(()));
        assert_eq!(
            check_progress("ACT-1", Some(101)).unwrap_err().to_string(),
            "ACT-1: the progress must be a whole number from 0 to 100, not 101"
        );
        assert_eq!(completed_progress("ACT-1", true, None), Ok(Some(100)));
        assert_eq!(completed_progress("ACT-1", true, Some(100)), Ok(Some(100)));
        assert_eq!(completed_progress("ACT-1", false, None), Ok(None));
        assert_eq!(completed_progress("ACT-1", false, Some(40)), Ok(Some(40)));
        assert_eq!(
            completed_progress("ACT-1", true, Some(90))
                .unwrap_err()
                .to_string(),
            "ACT-1: a completed action is 100% done, not 90%: give a progress of 100, or none"
        );
        assert!(check_spent("PJ-1", Some(0.0)).is_ok());
        assert!(check_spent("PJ-1", Some(-1.0)).is_err());
        assert!(check_spent("PJ-1", Some(f64::NAN)).is_err());
        assert!(check_needs_commentary("ACT-1", oct, "on_track", false, "").is_ok());
        assert_eq!(
            check_needs_commentary("ACT-1", oct, "at_risk", true, "  ")
                .unwrap_err()
                .to_string(),
            "ACT-1 2026-10: the status at_risk needs a commentary saying why and what is being done"
        );
        assert!(check_needs_commentary("ACT-1", oct, "at_risk", true, "Why").is_ok());
    }
}
