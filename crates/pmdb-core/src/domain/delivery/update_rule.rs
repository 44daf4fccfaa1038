//! Why an action or a project has its status, as far as its owner's updates decide it:
//! none yet (not started, missing, or still to come), an update missing for the period, or
//! the latest update's word. Kept typed in the judgement; written in words only where shown.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Iso;
use crate::domain::deadline::fmt_due;
use crate::domain::period::Period;

/// A status word as people read it: `on_track` is "on track".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Spoken<S>(pub S);

impl<S: fmt::Display> fmt::Display for Spoken<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_string().replace('_', " "))
    }
}

/// An update owed, not given, its deadline still to come: "2026-10 update due 15 Nov" (the
/// year too when the deadline falls in another year than `today`'s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueNote {
    pub period: Period,
    pub by: NaiveDate,
    pub today: NaiveDate,
}

impl fmt::Display for DueNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} update due {}",
            self.period,
            fmt_due(self.by, self.today)
        )
    }
}

/// An item with no update by the period's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoUpdateRule {
    /// It starts after the period: "starts 2026-10-01".
    Starts(NaiveDate),
    /// The update owed for this period did not come by its deadline, and none ever has.
    Missing { owed: Period },
    /// None yet, and none missing: "no update yet", with the one still to come.
    NotYet(Option<DueNote>),
}

impl fmt::Display for NoUpdateRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoUpdateRule::Starts(on) => write!(f, "starts {}", Iso(*on)),
            NoUpdateRule::Missing { owed } => {
                write!(f, "update missing for {owed}; none given yet")
            }
            NoUpdateRule::NotYet(None) => f.write_str("no update yet"),
            NoUpdateRule::NotYet(Some(note)) => write!(f, "no update yet; {note}"),
        }
    }
}

/// The update owed for the period did not come by its deadline; the last one given said
/// `last` for `period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateMissing<S> {
    pub owed: Period,
    pub last: Spoken<S>,
    pub period: Period,
}

impl<S: fmt::Display> fmt::Display for UpdateMissing<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "update missing for {}; last: {} ({})",
            self.owed, self.last, self.period
        )
    }
}

/// The status the latest update gave, the period it was for, and the next update where it
/// is owed and still to come: "on track (update for 2026-07); 2026-08 update due 15 Sep".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FromUpdate<W> {
    pub word: W,
    pub period: Period,
    pub due: Option<DueNote>,
}

impl<W: fmt::Display> fmt::Display for FromUpdate<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (update for {})", self.word, self.period)?;
        match &self.due {
            Some(note) => write!(f, "; {note}"),
            None => Ok(()),
        }
    }
}
