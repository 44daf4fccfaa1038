//! Who entered each value and when, so that `pmdb history`, "entered by" and lateness tell
//! a council's story: the indicator's data-entry officer when it has one (the owner now
//! and then), otherwise its owner; on a working day in the last week or so before the
//! deadline (the 15th of the month after the period), about one in eight a few days late;
//! never after today.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::calendar::Calendar;
use super::indicators::Planned;
use super::rng;
use crate::domain::deadline::DEFAULT_DEADLINE_DAY;
use crate::domain::owed::due_by;
use crate::domain::period::Period;
use crate::store::Entered;

/// The share of values entered after their deadline.
const LATE: f64 = 0.12;
/// The latest a late value comes in: before Leadership Team meets to sign the quarter off
/// (see `calendar::signoff_day`), so a sign-off never misses a figure that came in late.
const MOST_DAYS_LATE: i64 = 20;

/// The officer who entered the value of one period, and when.
pub fn entered(p: &Planned, period: Period, cal: &Calendar, r: &mut ChaCha8Rng) -> Entered {
    let owner = &p.record.indicator.owner;
    let by = match p.record.enterers.first() {
        Some(enterer) if rng::chance(r, 0.85) => enterer,
        _ => owner,
    };
    Entered {
        by: by.clone(),
        at: day(period, p.record.indicator.lag, cal, r).and_time(time_of_day(r)),
    }
}

/// The first day a period's figure can be had: the month after it ends, or for a figure
/// published `lag` months late (a national statistic) that many months later.
pub fn published(period: Period, lag: u8) -> NaiveDate {
    period.last_month().plus(1 + i32::from(lag)).first_day()
}

fn day(period: Period, lag: u8, cal: &Calendar, r: &mut ChaCha8Rng) -> NaiveDate {
    let opens = published(period, lag);
    let due = due_by(period, DEFAULT_DEADLINE_DAY, lag);
    let spread = |r: &mut ChaCha8Rng, width: f64| (rng::normal(r).abs() * width) as i64;
    let drawn = if rng::chance(r, LATE) {
        working_day_after(due + Duration::days(1 + spread(r, 5.0).min(MOST_DAYS_LATE - 3)))
    } else {
        working_day_before((due - Duration::days(spread(r, 3.5))).max(opens), opens)
    };
    if drawn <= cal.today {
        drawn
    } else {
        // Not due yet, or late and not yet in: this demo has it, so it came in early.
        let open_days = (cal.today - opens).num_days().max(0);
        working_day_before(opens + Duration::days(r.gen_range(0..=open_days)), opens).min(cal.today)
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The Friday before a weekend day, unless that is before the period ended.
fn working_day_before(d: NaiveDate, opens: NaiveDate) -> NaiveDate {
    let mut out = d;
    while is_weekend(out) && out > opens {
        out -= Duration::days(1);
    }
    if is_weekend(out) {
        working_day_after(d)
    } else {
        out
    }
}

fn working_day_after(d: NaiveDate) -> NaiveDate {
    let mut out = d;
    while is_weekend(out) {
        out += Duration::days(1);
    }
    out
}

/// Office hours, 08:30 to 17:30.
fn time_of_day(r: &mut ChaCha8Rng) -> NaiveTime {
    let seconds = 8 * 3600 + 1800 + r.gen_range(0..9 * 3600);
    NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_come_in_the_week_before_the_deadline_some_late_none_after_today() {
        let cal = Calendar::new("2026-11-24".parse().unwrap());
        let mut r = rng::stream("entries test");
        let (mut late, mut weekend) = (0, 0);
        for m in cal.months() {
            let period = Period::Month(m);
            for _ in 0..20 {
                let d = day(period, 0, &cal, &mut r);
                let due = due_by(period, DEFAULT_DEADLINE_DAY, 0);
                assert!(d > m.last_day() && d <= cal.today, "{m}: {d}");
                assert!(d <= due + Duration::days(MOST_DAYS_LATE), "{m}: {d}");
                late += usize::from(d > due);
                weekend += usize::from(is_weekend(d));
            }
        }
        let share = late as f64 / (20 * cal.months().len()) as f64;
        assert!((0.06..0.2).contains(&share), "{share}");
        assert_eq!(weekend, 0);
    }

    #[test]
    fn a_lagged_figure_comes_in_once_published_around_its_moved_deadline() {
        let cal = Calendar::new("2026-11-24".parse().unwrap());
        let mut r = rng::stream("entries test");
        let q1: Period = "2026/27 Q1".parse().unwrap();
        // Three months late: published from 1 October, due by 15 October.
        assert_eq!(published(q1, 3), "2026-10-01".parse().unwrap());
        for _ in 0..50 {
            let d = day(q1, 3, &cal, &mut r);
            assert!(d >= published(q1, 3) && d <= cal.today, "{d}");
        }
    }
}
