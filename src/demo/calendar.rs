//! The demo's sense of time, all derived from `today`: the month now due, the three
//! financial years of data (the current one and the two before it), which months,
//! quarters and years have ended and so carry data, and meeting dates.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::deadline::month_now_due;
use crate::domain::indicator::Frequency;
use crate::domain::period::{FinYear, Month, Period, Quarter};

#[derive(Debug, Clone)]
pub struct Calendar {
    pub today: NaiveDate,
    /// The last month that has ended: the one officers are being asked for now.
    pub now_due: Month,
    /// The financial year of the month now due: the demo's "current" year.
    pub current_year: FinYear,
    /// Two years before the current one: where the data starts.
    pub first_year: FinYear,
}

impl Calendar {
    pub fn new(today: NaiveDate) -> Calendar {
        let now_due = match month_now_due(today) {
            Period::Month(m) => m,
            // month_now_due always gives a month; its last month is the same month.
            other => other.last_month(),
        };
        let current_year = now_due.fin_year();
        Calendar {
            today,
            now_due,
            current_year,
            first_year: FinYear(current_year.0 - 2),
        }
    }

    /// The three financial years the demo has data for, oldest first.
    pub fn data_years(&self) -> Vec<FinYear> {
        (self.first_year.0..=self.current_year.0)
            .map(FinYear)
            .collect()
    }

    /// The years that get targets: the data years, and today's year when it has begun
    /// without data yet (in April, March is the month now due), so `pmdb check` finds a
    /// target for the year it looks at.
    pub fn target_years(&self) -> Vec<FinYear> {
        let last = Month::of(self.today).fin_year().0.max(self.current_year.0);
        (self.first_year.0..=last).map(FinYear).collect()
    }

    /// 0 for the first data year, 1 for the next, 2 for the current one.
    pub fn year_index(&self, year: FinYear) -> i32 {
        year.0 - self.first_year.0
    }

    /// Every month from the first April up to the month now due.
    pub fn months(&self) -> Vec<Month> {
        let first = self.first_year.first_month();
        (0..=first.months_until(self.now_due))
            .map(|i| first.plus(i))
            .collect()
    }

    /// The quarters that have ended by the month now due.
    pub fn quarters(&self) -> Vec<Quarter> {
        self.data_years()
            .into_iter()
            .flat_map(FinYear::quarters)
            .filter(|q| q.last_month() <= self.now_due)
            .collect()
    }

    /// The financial years that have ended by the month now due.
    pub fn years(&self) -> Vec<FinYear> {
        self.data_years()
            .into_iter()
            .filter(|y| y.last_month() <= self.now_due)
            .collect()
    }

    /// The periods an indicator of this frequency has data for, oldest first.
    pub fn periods(&self, frequency: Frequency) -> Vec<Period> {
        match frequency {
            Frequency::Monthly => self.months().into_iter().map(Period::Month).collect(),
            Frequency::Quarterly => self.quarters().into_iter().map(Period::Quarter).collect(),
            Frequency::Annual => self.years().into_iter().map(Period::Year).collect(),
        }
    }

    /// The latest period of this frequency that has ended.
    pub fn latest(&self, frequency: Frequency) -> Option<Period> {
        self.periods(frequency).last().copied()
    }

    /// Months since the first April, as a fraction of years (for trends).
    pub fn years_elapsed(&self, period: Period) -> f64 {
        f64::from(
            self.first_year
                .first_month()
                .months_until(period.first_month()),
        ) / 12.0
    }

    /// A date `days` from today (negative: in the past).
    pub fn day(&self, days: i64) -> NaiveDate {
        self.today + Duration::days(days)
    }
}

/// The day Leadership Team signs a quarter off: its meeting on the second Wednesday of the
/// second month after the quarter, once the deadline and the late returns are past.
pub fn signoff_day(q: Quarter) -> NaiveDate {
    nth_weekday(q.last_month().plus(2), Weekday::Wed, 2)
}

/// The `n`th given weekday of a month (n from 1), for meeting dates.
pub fn nth_weekday(month: Month, weekday: Weekday, n: u32) -> NaiveDate {
    let first = month.first_day();
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    first + Duration::days(i64::from(offset + 7 * (n.max(1) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(today: &str) -> Calendar {
        Calendar::new(today.parse().unwrap())
    }

    #[test]
    fn three_years_up_to_the_month_now_due() {
        let c = cal("2026-11-24");
        assert_eq!(c.now_due.to_string(), "2026-10");
        assert_eq!(c.first_year, FinYear(2024));
        assert_eq!(c.months().len(), 24 + 7);
        assert_eq!(c.months()[0].to_string(), "2024-04");
        assert_eq!(c.quarters().last().unwrap().to_string(), "2026/27 Q2");
        assert_eq!(c.quarters().len(), 10);
        assert_eq!(
            c.years().iter().map(|y| y.to_string()).collect::<Vec<_>>(),
            ["2024/25", "2025/26"]
        );
        assert_eq!(c.target_years().len(), 3);
    }

    #[test]
    fn in_april_the_new_year_gets_targets_too() {
        let c = cal("2026-04-10");
        assert_eq!(c.now_due.to_string(), "2026-03");
        assert_eq!(c.current_year, FinYear(2025));
        assert_eq!(c.years().last().unwrap().to_string(), "2025/26");
        assert_eq!(c.target_years().last(), Some(&FinYear(2026)));
    }

    #[test]
    fn meeting_days() {
        let nov = Month::new(2026, 11).unwrap();
        assert_eq!(nth_weekday(nov, Weekday::Thu, 4).to_string(), "2026-11-26");
        assert_eq!(nth_weekday(nov, Weekday::Sun, 1).to_string(), "2026-11-01");
        assert_eq!(nth_weekday(nov, Weekday::Mon, 1).to_string(), "2026-11-02");
    }
}
