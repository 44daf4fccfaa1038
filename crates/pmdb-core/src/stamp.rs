//! Instants as pmdb records them and as people read them. Every instant is stored in UTC
//! (`2026-07-08T01:40:07.884Z`), so servers in any zone agree; the council's day is its
//! local time (the server's zone), the day `today` is judged by. A value entered at 00:30
//! on 16 July in British Summer Time is stored as 23:30 on 15 July UTC, and is late for a
//! 15 July deadline: both sides of the comparison are the council's day.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The UTC instant a stamp names, if it reads as one.
pub fn parse(stamp: &str) -> Option<DateTime<Utc>> {
    let trimmed = stamp.trim().trim_end_matches('Z');
    let naive = NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%d %H:%M:%S"))
        .ok()?;
    Some(Utc.from_utc_datetime(&naive))
}

/// The day a stamp falls on in `zone`.
pub fn day_in<Z: TimeZone>(stamp: &str, zone: &Z) -> Option<NaiveDate> {
    parse(stamp).map(|at| at.with_timezone(zone).date_naive())
}

/// The council's day a stamp falls on: the server's local time, as `today` is.
pub fn local_day(stamp: &str) -> Option<NaiveDate> {
    day_in(stamp, &Local)
}

/// A stamp written for people in `zone`: "8 Jul 2026 02:40". A stamp that does not read
/// as one is shown as it is (without control characters), so nothing is hidden.
pub fn for_people_in<Z: TimeZone>(stamp: &str, zone: &Z) -> String
where
    Z::Offset: std::fmt::Display,
{
    match parse(stamp) {
        Some(at) => at.with_timezone(zone).format("%-d %b %Y %H:%M").to_string(),
        None => crate::safe_text::line(stamp).into_owned(),
    }
}

/// A stamp written for people in the council's local time: "8 Jul 2026 02:40".
pub fn for_people(stamp: &str) -> String {
    for_people_in(stamp, &Local)
}

/// The UTC instant of `time` on the council's `day`: what a pinned day (`PMDB_TODAY`)
/// records, so the stamp falls on that day where people read it.
pub fn on_local_day(day: NaiveDate, time: chrono::NaiveTime) -> DateTime<Utc> {
    on_day_in(day, time, &Local)
}

/// The UTC instant of `time` on `day` in `zone`; in a clock change's missing hour, the
/// earliest instant of that day after it.
pub fn on_day_in<Z: TimeZone>(day: NaiveDate, time: chrono::NaiveTime, zone: &Z) -> DateTime<Utc> {
    let local = day.and_time(time);
    match zone.from_local_datetime(&local).earliest() {
        Some(at) => at.with_timezone(&Utc),
        // The hour a clock skips: an hour later exists.
        None => zone
            .from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(
                || Utc.from_utc_datetime(&local),
                |at| at.with_timezone(&Utc),
            ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn bst() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn a_stamp_falls_on_the_councils_day() {
        // 23:30 UTC on 15 July is 00:30 on 16 July in British Summer Time.
        let stamp = "2026-07-15T23:30:00.000Z";
        assert_eq!(day_in(stamp, &Utc), "2026-07-15".parse().ok());
        assert_eq!(day_in(stamp, &bst()), "2026-07-16".parse().ok());
        assert_eq!(day_in("not a stamp", &bst()), None);
    }

    #[test]
    fn a_stamp_is_written_for_people() {
        assert_eq!(
            for_people_in("2026-07-08T01:40:07.884Z", &bst()),
            "8 Jul 2026 02:40"
        );
        assert_eq!(
            for_people_in("2026-12-08T01:40:07.884Z", &Utc),
            "8 Dec 2026 01:40"
        );
        assert_eq!(for_people_in("yesterday", &Utc), "yesterday");
        // Just before midnight UTC is the next day in summer.
        assert_eq!(
            for_people_in("2026-07-08T23:30:00.000Z", &bst()),
            "9 Jul 2026 00:30"
        );
        let hostile = for_people_in("not\u{1b}[2J a time", &Utc);
        assert!(hostile.ends_with("[2J a time") && !hostile.contains('\u{1b}'));
    }

    #[test]
    fn a_pinned_day_is_the_councils_day() {
        let day: NaiveDate = "2026-07-16".parse().unwrap();
        let half_past_midnight = chrono::NaiveTime::from_hms_opt(0, 30, 0).unwrap();
        let at = on_day_in(day, half_past_midnight, &bst());
        assert_eq!(at.to_rfc3339(), "2026-07-15T23:30:00+00:00");
        assert_eq!(at.with_timezone(&bst()).date_naive(), day);
    }
}
