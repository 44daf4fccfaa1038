//! Leadership Team's sign-off, as in a council that has run pmdb for two years: every
//! quarter whose sign-off meeting has taken place is signed off at it, by the Chief
//! Executive who chairs LT (the Director of Resources when she is away), through the
//! store's own sign-off, so each quarter's statuses are frozen as they stood that day.
//! The quarter now running, and one whose meeting is still to come, stay open.

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
    Ok(())
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
