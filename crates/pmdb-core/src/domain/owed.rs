//! What an indicator owes for a period, and by when: the one rule the Entry tab, `pmdb
//! overdue`, `pmdb check`, the exceptions and the assessment's "missing" all call, so no
//! screen asks for a figure that nothing else says is owed.
//!
//! A period is owed once the indicator is collected for it (its own `collect_from`, else
//! the council's, else the start found from its plan, targets and values): a council that
//! starts in November does not owe April. It is owed by the council's deadline for the
//! period moved by the indicator's `lag`: a national quarterly return published three
//! months after the quarter (lag 3) is not owed until three months after the deadline.

use chrono::NaiveDate;

use super::period::{Month, Period};

/// The last day on which the period's figure is on time: the deadline day of the month
/// after the period ends, `lag` months later.
pub fn due_by(period: Period, deadline_day: u32, lag: u8) -> NaiveDate {
    period
        .last_month()
        .plus(1 + i32::from(lag))
        .day_clamped(deadline_day)
}

/// Whether an indicator collected from `from` (None: from the outset) is collected for any
/// of the period: a quarter holding the first collected month is.
pub fn collected_in(from: Option<Month>, period: Period) -> bool {
    from.is_none_or(|from| period.last_month() >= from)
}

/// What is owed for one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owing {
    /// Before collection starts: nothing is owed, ever.
    NotCollected { from: Month },
    /// Owed by this day, which has not passed.
    Due { by: NaiveDate },
    /// Owed by this day, which passed this many days ago.
    Overdue { by: NaiveDate, days: i64 },
}

impl Owing {
    /// The period's figure is owed and its day has passed: without a value it is missing.
    pub fn is_overdue(self) -> bool {
        matches!(self, Owing::Overdue { .. })
    }

    /// The day it is owed by, when it is owed at all.
    pub fn by(self) -> Option<NaiveDate> {
        match self {
            Owing::NotCollected { .. } => None,
            Owing::Due { by } | Owing::Overdue { by, .. } => Some(by),
        }
    }
}

/// What an indicator collected from `from`, whose figures come `lag` months late, owes for
/// `period` on `today`.
pub fn owing(
    period: Period,
    from: Option<Month>,
    lag: u8,
    deadline_day: u32,
    today: NaiveDate,
) -> Owing {
    if let Some(from) = from.filter(|_| !collected_in(from, period)) {
        return Owing::NotCollected { from };
    }
    let by = due_by(period, deadline_day, lag);
    if today > by {
        Owing::Overdue {
            by,
            days: (today - by).num_days(),
        }
    } else {
        Owing::Due { by }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn m(s: &str) -> Month {
        match p(s) {
            Period::Month(m) => m,
            other => panic!("{other} is not a month"),
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_is_owed_by_the_deadline_moved_by_the_lag() {
        // September's figure is due on 15 October; a quarter's the month after it ends.
        assert_eq!(due_by(p("2026-09"), 15, 0), d("2026-10-15"));
        assert_eq!(due_by(p("2026/27 Q1"), 15, 0), d("2026-07-15"));
        // A quarterly return published three months late: 15 October, not 15 July.
        assert_eq!(due_by(p("2026/27 Q1"), 15, 3), d("2026-10-15"));
        assert_eq!(due_by(p("2026-12"), 28, 2), d("2027-03-28"));
    }

    #[test]
    fn nothing_is_owed_before_collection_starts() {
        let from = Some(m("2026-08"));
        // June and July are before August: owed neither on time nor late, ever.
        assert_eq!(
            owing(p("2026-06"), from, 0, 15, d("2026-12-01")),
            Owing::NotCollected { from: m("2026-08") }
        );
        assert_eq!(
            owing(p("2026-07"), from, 0, 15, d("2026-08-16")),
            Owing::NotCollected { from: m("2026-08") }
        );
        // August is owed by 15 September.
        assert_eq!(
            owing(p("2026-08"), from, 0, 15, d("2026-09-15")),
            Owing::Due {
                by: d("2026-09-15")
            }
        );
        assert_eq!(
            owing(p("2026-08"), from, 0, 15, d("2026-09-20")),
            Owing::Overdue {
                by: d("2026-09-15"),
                days: 5
            }
        );
        // A quarter holding the first collected month is owed (Q2 = July to September).
        assert!(owing(p("2026/27 Q2"), from, 0, 15, d("2026-11-01")).is_overdue());
        assert!(!collected_in(from, p("2026/27 Q1")));
    }

    #[test]
    fn a_lagged_period_is_not_yet_due_until_its_moved_deadline() {
        let q1 = p("2026/27 Q1");
        assert_eq!(
            owing(q1, None, 3, 15, d("2026-08-01")),
            Owing::Due {
                by: d("2026-10-15")
            }
        );
        assert_eq!(
            owing(q1, None, 3, 15, d("2026-10-15")).by(),
            Some(d("2026-10-15"))
        );
        assert!(!owing(q1, None, 3, 15, d("2026-10-15")).is_overdue());
        assert!(owing(q1, None, 3, 15, d("2026-10-16")).is_overdue());
        assert!(owing(q1, None, 0, 15, d("2026-07-16")).is_overdue());
    }
}
