//! When a period's data is due. Data for month M is due by the deadline day (the 15th
//! unless configured) of month M+1 and overdue after it; a quarter's or a year's by that
//! day of the month after it ends.

use chrono::{Datelike, NaiveDate};

use super::period::{Month, Period};

pub const DEFAULT_DEADLINE_DAY: u32 = 15;

/// The last day on which the period's data is on time, for data that comes without lag
/// (an indicator's own lag moves it: `owed::due_by`).
pub fn deadline(period: Period, deadline_day: u32) -> NaiveDate {
    super::owed::due_by(period, deadline_day, 0)
}

/// A deadline written short for a list: "12 Jan" in the year of `today`, "12 Jan 2027"
/// in any other, so a date a year away never reads as this year's.
pub fn fmt_due(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        date.format("%-d %b").to_string()
    } else {
        fmt_date(date)
    }
}

/// The month whose data officers are being asked for now: the last month that has ended.
pub fn month_now_due(today: NaiveDate) -> Period {
    Period::Month(super::period::Month::of(today).plus(-1))
}

/// The last quarter that has ended by `today`: what a quarterly report, the Rollup tab and
/// `pmdb rollup` open on.
pub fn last_ended_quarter(today: NaiveDate) -> Period {
    Period::Quarter(Month::of(today).quarter().prev())
}

/// Only a period that has ended can be signed off: its figures must all be in reach.
pub fn check_can_sign_off(period: Period, today: NaiveDate) -> Result<(), NotEnded> {
    check_ended(period, today, "it cannot be signed off")
}

/// A period asked of something that needs it whole, before its last day has passed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{period} has not ended yet (it ends {}), so {so}", fmt_date(*ends))]
pub struct NotEnded {
    pub period: Period,
    pub ends: NaiveDate,
    /// What follows: "it cannot be signed off".
    pub so: String,
}

/// Whether a period has ended (its last day is past), for what needs a whole period:
/// sign-off and raising its exceptions. `so` says what follows ("it cannot be signed off").
pub fn check_ended(period: Period, today: NaiveDate, so: &str) -> Result<(), NotEnded> {
    let ends = period.last_month().last_day();
    if today <= ends {
        return Err(NotEnded {
            period,
            ends,
            so: so.to_string(),
        });
    }
    Ok(())
}

/// A date written for people: "15 Mar 2025".
pub fn fmt_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_deadline_gives_its_year_only_when_it_is_not_this_year() {
        assert_eq!(fmt_due(d("2027-01-12"), d("2026-11-29")), "12 Jan 2027");
        assert_eq!(fmt_due(d("2026-12-15"), d("2026-11-29")), "15 Dec");
        assert_eq!(fmt_due(d("2025-12-15"), d("2026-01-02")), "15 Dec 2025");
    }

    #[test]
    fn a_month_is_due_on_the_15th_of_the_next() {
        assert_eq!(deadline(p("2025-02"), 15), d("2025-03-15"));
        assert_eq!(deadline(p("2024-12"), 15), d("2025-01-15"));
    }

    #[test]
    fn quarters_and_years_are_due_the_month_after_they_end() {
        assert_eq!(deadline(p("2024/25 Q3"), 15), d("2025-01-15"));
        assert_eq!(deadline(p("2024/25 Q4"), 15), d("2025-04-15"));
        assert_eq!(deadline(p("2024/25"), 15), d("2025-04-15"));
    }

    #[test]
    fn the_deadline_day_is_configurable_and_clamped() {
        assert_eq!(deadline(p("2025-02"), 10), d("2025-03-10"));
        assert_eq!(deadline(p("2025-01"), 31), d("2025-02-28"));
    }

    #[test]
    fn the_month_now_due_is_the_last_one_ended() {
        assert_eq!(month_now_due(d("2026-11-24")).to_string(), "2026-10");
        assert_eq!(month_now_due(d("2026-01-03")).to_string(), "2025-12");
        assert_eq!(fmt_date(d("2025-03-15")), "15 Mar 2025");
    }

    #[test]
    fn only_an_ended_period_can_be_signed_off() {
        assert_eq!(
            check_can_sign_off(p("2024/25 Q2"), d("2024-09-30"))
                .unwrap_err()
                .to_string(),
            "2024/25 Q2 has not ended yet (it ends 30 Sep 2024), so it cannot be signed off"
        );
        assert_eq!(check_can_sign_off(p("2024/25 Q2"), d("2024-10-01")), Ok(()));
    }
}
