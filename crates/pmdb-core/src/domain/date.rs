//! Dates as people and spreadsheets write them: `2026-10-31`, and as UK spreadsheets
//! write them, `31/10/2026` and `31/10/26` (SPEC "Spreadsheet habits"). Every date column
//! of an import and every date option of a command reads through `parse_date`, so a date
//! means the same whichever door it comes in by. Dates lie in 2000–2099, as periods do: a
//! year of two digits is read as 20YY only where a spreadsheet writes it (last, after a
//! `/`); `26-01-01` is refused, never stored as the year 26.

use chrono::NaiveDate;

/// The forms a date may take, for messages.
pub const DATE_FORMS: &str =
    "write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26)";

/// The first and last years a date may fall in (the financial years 2000/01 to 2099/00
/// periods allow).
const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2099;

/// Why a text is not a date. The message says what is wrong with it and the forms that
/// work; callers put the text (quoted as their place needs) before it: "'26-01-01' is not a
/// date: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{DATE_FORMS}")]
    Malformed,
    /// `26-01-01`: a two-digit year first, which no spreadsheet writes and which chrono
    /// would store as the year 26.
    #[error("a year of two digits cannot come first (YY-MM-DD): {DATE_FORMS}")]
    ShortYearFirst,
    #[error("the year {0} is outside 2000–2099: {DATE_FORMS}")]
    OutOfRange(i32),
    #[error("there is no such day ({DATE_FORMS})")]
    NoSuchDay,
}

/// A date in any of the forms `DATE_FORMS` names, within 2000–2099.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    if let Some([y, m, d]) = three(t, '-') {
        return match y.len() {
            4 => day(year(y)?, m, d),
            1 | 2 => Err(DateError::ShortYearFirst),
            _ => Err(DateError::Malformed),
        };
    }
    if let Some([d, m, y]) = three(t, '/') {
        return match y.len() {
            4 => day(year(y)?, m, d),
            // 31/10/26, as a UK spreadsheet shortens 31/10/2026.
            2 => day(FIRST_YEAR + year(y)?, m, d),
            _ => Err(DateError::Malformed),
        };
    }
    Err(DateError::Malformed)
}

/// A date in the form pmdb stores and the scriptable contract names for `PMDB_TODAY`:
/// `YYYY-MM-DD` only, within 2000–2099.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, DateError> {
    if three(text.trim(), '-').is_none() {
        return Err(DateError::Malformed);
    }
    parse_date(text)
}

/// Three parts of ASCII digits separated by `sep`, or None.
fn three(text: &str, sep: char) -> Option<[&str; 3]> {
    let mut parts = text.split(sep);
    let out = [parts.next()?, parts.next()?, parts.next()?];
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && out.iter().all(|p| digits(p))).then_some(out)
}

fn year(text: &str) -> Result<i32, DateError> {
    text.parse().map_err(|_| DateError::Malformed)
}

/// The day of a month and day of one or two digits each.
fn day(year: i32, month: &str, day: &str) -> Result<NaiveDate, DateError> {
    if month.len() > 2 || day.len() > 2 {
        return Err(DateError::Malformed);
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(DateError::OutOfRange(year));
    }
    let (m, d) = (
        month.parse().map_err(|_| DateError::Malformed)?,
        day.parse().map_err(|_| DateError::Malformed)?,
    );
    NaiveDate::from_ymd_opt(year, m, d).ok_or(DateError::NoSuchDay)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("2026-10-31", "2026-10-31")]
    #[case(" 2026-10-31 ", "2026-10-31")]
    #[case("2026-1-5", "2026-01-05")]
    #[case("31/10/2026", "2026-10-31")]
    #[case("31/10/26", "2026-10-31")]
    #[case("1/4/26", "2026-04-01")]
    #[case("01/04/2000", "2000-04-01")]
    #[case("31/12/99", "2099-12-31")]
    #[case("29/02/2028", "2028-02-29")]
    #[case("2099-12-31", "2099-12-31")]
    fn dates_as_written(#[case] text: &str, #[case] day: &str) {
        assert_eq!(parse_date(text).unwrap().to_string(), day);
    }

    #[rstest]
    #[case("26-01-01", DateError::ShortYearFirst)]
    #[case("6-1-1", DateError::ShortYearFirst)]
    #[case("0026-01-01", DateError::OutOfRange(26))]
    #[case("1999-12-31", DateError::OutOfRange(1999))]
    #[case("2100-01-01", DateError::OutOfRange(2100))]
    #[case("31/12/1999", DateError::OutOfRange(1999))]
    #[case("2026-02-30", DateError::NoSuchDay)]
    #[case("30/02/26", DateError::NoSuchDay)]
    #[case("10/31/2026", DateError::NoSuchDay)]
    #[case("2026-13-01", DateError::NoSuchDay)]
    #[case("31/10/026", DateError::Malformed)]
    #[case("31/10", DateError::Malformed)]
    #[case("2026-10-31T00:00", DateError::Malformed)]
    #[case("+2026-10-31", DateError::Malformed)]
    #[case("2026-010-31", DateError::Malformed)]
    #[case("20261031", DateError::Malformed)]
    #[case("31.10.2026", DateError::Malformed)]
    #[case("Oct-26", DateError::Malformed)]
    #[case("", DateError::Malformed)]
    #[case("soon", DateError::Malformed)]
    fn dates_refused(#[case] text: &str, #[case] why: DateError) {
        assert_eq!(parse_date(text), Err(why));
    }

    #[test]
    fn messages_name_the_form() {
        assert_eq!(
            DateError::ShortYearFirst.to_string(),
            "a year of two digits cannot come first (YY-MM-DD): write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26)"
        );
        assert_eq!(
            DateError::OutOfRange(26).to_string(),
            "the year 26 is outside 2000–2099: write it as YYYY-MM-DD (2026-10-31), DD/MM/YYYY (31/10/2026) or DD/MM/YY (31/10/26)"
        );
    }

    #[test]
    fn the_stored_form_only() {
        assert_eq!(
            parse_iso_date("2026-10-31").unwrap().to_string(),
            "2026-10-31"
        );
        assert_eq!(parse_iso_date("31/10/2026"), Err(DateError::Malformed));
        assert_eq!(parse_iso_date("26-01-01"), Err(DateError::ShortYearFirst));
    }
}
