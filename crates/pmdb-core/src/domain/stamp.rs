//! A stored time stamp (UTC, `2026-07-08T01:40:07.884Z`) as people read it: "8 Jul 2026
//! 02:40" in the council's local time. The zone is passed in (the machine's, `chrono::Local`,
//! at the edges), so the rule has no clock of its own and tests choose their zone.

use chrono::{NaiveDateTime, TimeZone};

/// "8 Jul 2026 02:40" for a stored UTC stamp, in `zone`; a stamp that does not read as one
/// is shown as it is, without control characters.
pub fn for_people<Tz: TimeZone>(stamp: &str, zone: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let trimmed = stamp.trim().trim_end_matches('Z');
    let parsed = NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%d %H:%M:%S"));
    match parsed {
        Ok(utc) => zone
            .from_utc_datetime(&utc)
            .format("%-d %b %Y %H:%M")
            .to_string(),
        Err(_) => crate::safe_text::line(stamp).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, Utc};

    #[test]
    fn a_stamp_reads_in_local_time() {
        // British Summer Time: an hour ahead of UTC.
        let bst = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            for_people("2026-07-08T01:40:07.884Z", &bst),
            "8 Jul 2026 02:40"
        );
        // Just before midnight UTC is the next day in summer.
        assert_eq!(
            for_people("2026-07-08T23:30:00.000Z", &bst),
            "9 Jul 2026 00:30"
        );
        assert_eq!(
            for_people("2026-12-01T09:05:00.000Z", &Utc),
            "1 Dec 2026 09:05"
        );
        let hostile = for_people("not\u{1b}[2J a time", &Utc);
        assert!(hostile.ends_with("[2J a time") && !hostile.contains('\u{1b}'));
    }
}
