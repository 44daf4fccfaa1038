//! Leadership Team's sign-off, as in a council that has run pmdb for two years: every
//! quarter whose sign-off meeting has taken place is signed off at it, by the Chief
//! Executive who chairs LT (the Director of Resources when she is away), through the
//! store's own sign-off, so each quarter's statuses are frozen as they stood that day.
//! The quarter now running, and one whose meeting is still to come, stay open. One
//! quarter was reopened for a correction and signed off again, on record.

use chrono::{NaiveDate, NaiveTime};
use rand::Rng;

use super::calendar::{Calendar, signoff_day};
use super::rng;
use crate::domain::period::{Period, Quarter};
use crate::query::signoff::statuses_to_freeze;
use crate::store::{Entered, Result, Store};

/// LT's chair, and who signs in the chair's absence.
const CHAIR: &str = "jmitchell";
const DEPUTY: &str = "nhussain";

/// The quarters LT has signed off by `today`, with the day each was signed.
pub fn signed_quarters(cal: &Calendar) -> Vec<(Quarter, NaiveDate)> {
    cal.quarters()
        .into_iter()
        .map(|q| (q, signoff_day(q)))
        .filter(|(_, day)| *day <= cal.today)
        .collect()
}

/// Signs off every quarter LT has met on. Runs once all values are in (every one of them
/// entered before its quarter's meeting; see `entries`).
pub fn sign_off_quarters(store: &mut Store, cal: &Calendar) -> Result<()> {
    let ds = store.dataset()?;
    let mut r = rng::stream("signoffs");
    for (q, day) in signed_quarters(cal) {
        let by = if rng::chance(&mut r, 0.2) {
            DEPUTY
        } else {
            CHAIR
        };
        // Signed as the meeting closes, late morning.
        let time = NaiveTime::from_hms_opt(11, r.gen_range(0..60), r.gen_range(0..60))
            .unwrap_or(NaiveTime::MIN);
        let period = Period::Quarter(q);
        let statuses = statuses_to_freeze(&ds, period, ds.context(day));
        let signed = Entered {
            by: by.to_string(),
            at: day.and_time(time),
        };
        store.sign_off_entered(period, &statuses, &signed)?;
    }
    reopen_one(store, cal)
}

/// A week after signing off the second quarter, LT reopened it to correct a figure found
/// wrong by the data-quality audit, and signed it off again the next day: the record a
/// council keeps when a reported figure has to change.
fn reopen_one(store: &mut Store, cal: &Calendar) -> Result<()> {
    let Some((q, day)) = signed_quarters(cal).get(1).copied() else {
        return Ok(());
    };
    let (reopened_on, signed_on) = (day + chrono::Days::new(7), day + chrono::Days::new(8));
    if signed_on > cal.today {
        return Ok(());
    }
    let period = Period::Quarter(q);
    let at = |d: NaiveDate, h: u32| {
        d.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN))
    };
    store.reopen_signoff_entered(
        period,
        "The data-quality audit found September's planning figures double-counted two applications; corrected before the Cabinet report.",
        &Entered {
            by: CHAIR.to_string(),
            at: at(reopened_on, 10),
        },
    )?;
    let ds = store.dataset()?;
    let statuses = statuses_to_freeze(&ds, period, ds.context(signed_on));
    store.sign_off_entered(
        period,
        &statuses,
        &Entered {
            by: CHAIR.to_string(),
            at: at(signed_on, 11),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::meetings::boards;

    #[test]
    fn every_quarter_whose_meeting_has_passed_and_lt_members_sign() {
        let cal = Calendar::new("2026-11-24".parse().unwrap());
        let signed = signed_quarters(&cal);
        assert_eq!(signed.len(), 10);
        let (last, day) = signed.last().unwrap();
        assert_eq!(
            (last.to_string(), day.to_string()),
            ("2026/27 Q2".into(), "2026-11-11".into())
        );
        // Early in November the meeting on Q2 has not happened yet.
        let early = Calendar::new("2026-11-05".parse().unwrap());
        assert_eq!(
            signed_quarters(&early).last().unwrap().0.to_string(),
            "2026/27 Q1"
        );
        let lt = boards()
            .into_iter()
            .find(|(code, _, _)| *code == "LT")
            .unwrap()
            .2;
        assert!(lt.contains(&CHAIR) && lt.contains(&DEPUTY));
    }
}
