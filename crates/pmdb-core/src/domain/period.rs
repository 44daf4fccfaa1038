//! Months, quarters and UK financial years (1 April – 31 March), and the three written
//! forms of a period: `2025-02` (month), `2024/25 Q4` or `2024/25-Q4` (quarter), `2024/25`
//! (financial year). Q1 = April–June … Q4 = January–March.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The forms a period may be written in, shown in every refusal of a malformed period.
pub const PERIOD_FORMS: &str = "a month like 2025-02, a quarter like 2024/25 Q4 (or 2024/25-Q4), or a financial year like 2024/25";

/// The financial years pmdb takes: 2000/01 to 2099/00.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2099;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not a period{why}: write {PERIOD_FORMS}")]
pub struct PeriodError {
    pub text: String,
    /// Why a well-formed period is refused ("" for a malformed one).
    pub why: String,
}

impl PeriodError {
    fn malformed(text: &str) -> PeriodError {
        PeriodError {
            text: crate::safe_text::line(text).into_owned(),
            why: String::new(),
        }
    }
}

/// Refuses a financial year outside 2000/01 to 2099/00.
fn in_range(year: FinYear, text: &str) -> Result<FinYear, PeriodError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year.0) {
        Ok(year)
    } else {
        Err(PeriodError {
            why: " pmdb keeps (financial years 2000/01 to 2099/00)".into(),
            ..PeriodError::malformed(text)
        })
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 = January … 12 = December.
    pub month: u32,
}

/// A financial year, named by the calendar year it starts in (2024 is 2024/25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinYear(pub i32);

/// A quarter of a financial year, 1 (April–June) to 4 (January–March).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: FinYear,
    pub q: u8,
}

/// Any reportable period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Month(Month),
    Quarter(Quarter),
    Year(FinYear),
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// The month containing a date.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Months counted from year 0, so that month arithmetic is plain integer arithmetic.
    fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    fn from_index(i: i32) -> Month {
        Month {
            year: i.div_euclid(12),
            month: i.rem_euclid(12) as u32 + 1,
        }
    }

    pub fn plus(self, months: i32) -> Month {
        Month::from_index(self.index() + months)
    }

    /// Months from `self` to `other` (positive when `other` is later).
    pub fn months_until(self, other: Month) -> i32 {
        other.index() - self.index()
    }

    pub fn fin_year(self) -> FinYear {
        FinYear(if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        })
    }

    /// 1 for April … 12 for March.
    pub fn fin_month(self) -> u32 {
        (self.month + 8) % 12 + 1
    }

    pub fn quarter(self) -> Quarter {
        Quarter {
            year: self.fin_year(),
            q: ((self.fin_month() - 1) / 3 + 1) as u8,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a valid month")
    }

    pub fn last_day(self) -> NaiveDate {
        self.plus(1)
            .first_day()
            .pred_opt()
            .expect("a date after year 0")
    }

    /// The day `day` of this month, clamped to its last day (a deadline of the 31st in
    /// February is the 28th or 29th).
    pub fn day_clamped(self, day: u32) -> NaiveDate {
        let last = self.last_day();
        NaiveDate::from_ymd_opt(self.year, self.month, day.clamp(1, last.day())).unwrap_or(last)
    }
}

impl FinYear {
    pub fn first_month(self) -> Month {
        Month {
            year: self.0,
            month: 4,
        }
    }

    pub fn last_month(self) -> Month {
        Month {
            year: self.0 + 1,
            month: 3,
        }
    }

    pub fn months(self) -> Vec<Month> {
        (0..12).map(|i| self.first_month().plus(i)).collect()
    }

    pub fn quarters(self) -> Vec<Quarter> {
        (1..=4).map(|q| Quarter { year: self, q }).collect()
    }

    pub fn contains(self, month: Month) -> bool {
        month.fin_year() == self
    }
}

impl Quarter {
    pub fn new(year: FinYear, q: u8) -> Option<Quarter> {
        (1..=4).contains(&q).then_some(Quarter { year, q })
    }

    pub fn first_month(self) -> Month {
        self.year.first_month().plus(3 * (self.q as i32 - 1))
    }

    pub fn last_month(self) -> Month {
        self.first_month().plus(2)
    }

    pub fn months(self) -> Vec<Month> {
        (0..3).map(|i| self.first_month().plus(i)).collect()
    }

    pub fn prev(self) -> Quarter {
        self.first_month().plus(-3).quarter()
    }

    pub fn next(self) -> Quarter {
        self.first_month().plus(3).quarter()
    }
}

impl Period {
    /// The longer periods this one lies within: a month's quarter and year, a quarter's
    /// year (none for a year).
    pub fn enclosing(self) -> impl Iterator<Item = Period> {
        let (quarter, year) = match self {
            Period::Month(m) => (
                Some(Period::Quarter(m.quarter())),
                Some(Period::Year(m.fin_year())),
            ),
            Period::Quarter(q) => (None, Some(Period::Year(q.year))),
            Period::Year(_) => (None, None),
        };
        quarter.into_iter().chain(year)
    }

    /// The financial year the period falls in.
    pub fn fin_year(self) -> FinYear {
        match self {
            Period::Month(m) => m.fin_year(),
            Period::Quarter(q) => q.year,
            Period::Year(y) => y,
        }
    }

    pub fn first_month(self) -> Month {
        match self {
            Period::Month(m) => m,
            Period::Quarter(q) => q.first_month(),
            Period::Year(y) => y.first_month(),
        }
    }

    pub fn last_month(self) -> Month {
        match self {
            Period::Month(m) => m,
            Period::Quarter(q) => q.last_month(),
            Period::Year(y) => y.last_month(),
        }
    }

    /// Every month the period covers, in order.
    pub fn months(self) -> Vec<Month> {
        let first = self.first_month();
        (0..=first.months_until(self.last_month()))
            .map(|i| first.plus(i))
            .collect()
    }

    pub fn contains(self, month: Month) -> bool {
        self.first_month() <= month && month <= self.last_month()
    }

    /// Whether `inner` lies wholly inside this period (a period covers itself): a month in
    /// its quarter, a quarter in its year.
    pub fn covers(self, inner: Period) -> bool {
        self.first_month() <= inner.first_month() && inner.last_month() <= self.last_month()
    }

    /// The period of the same kind just before this one.
    pub fn prev(self) -> Period {
        self.step(-1)
    }

    pub fn next(self) -> Period {
        self.step(1)
    }

    /// The period `n` steps of its own kind away (negative: earlier).
    pub fn step(self, n: i32) -> Period {
        match self {
            Period::Month(m) => Period::Month(m.plus(n)),
            Period::Quarter(q) => Period::Quarter(q.first_month().plus(3 * n).quarter()),
            Period::Year(y) => Period::Year(FinYear(y.0 + n)),
        }
    }

    /// The same period a year earlier: the comparison that respects seasonality.
    pub fn year_earlier(self) -> Period {
        match self {
            Period::Month(m) => Period::Month(m.plus(-12)),
            Period::Quarter(q) => Period::Quarter(Quarter {
                year: FinYear(q.year.0 - 1),
                q: q.q,
            }),
            Period::Year(y) => Period::Year(FinYear(y.0 - 1)),
        }
    }

    /// The same period a year later: what a year's profile rolled forward covers.
    pub fn year_later(self) -> Period {
        match self {
            Period::Month(m) => Period::Month(m.plus(12)),
            Period::Quarter(q) => Period::Quarter(Quarter {
                year: FinYear(q.year.0 + 1),
                q: q.q,
            }),
            Period::Year(y) => Period::Year(FinYear(y.0 + 1)),
        }
    }

    /// Year to date: the months from April up to the end of this period.
    pub fn year_to_date(self) -> Vec<Month> {
        let first = self.fin_year().first_month();
        (0..=first.months_until(self.last_month()))
            .map(|i| first.plus(i))
            .collect()
    }

    pub fn is_month(self) -> bool {
        matches!(self, Period::Month(_))
    }

    /// Sort key: by end month, then shorter periods first (a month before its quarter).
    pub fn sort_key(self) -> (Month, u8) {
        let rank = match self {
            Period::Month(_) => 0,
            Period::Quarter(_) => 1,
            Period::Year(_) => 2,
        };
        (self.last_month(), rank)
    }
}

/// The form a month is written in, shown when only a month will do.
pub const MONTH_FORM: &str = "a month like 2025-02";

impl Month {
    /// A month as written (`2025-02`), refusing a quarter, a year or anything else with
    /// the form to write.
    pub fn parse_written(text: &str) -> Result<Month, NotAMonth> {
        let why = match text.parse::<Period>() {
            Ok(Period::Month(m)) => return Ok(m),
            Ok(_) => String::new(),
            Err(e) => e.why,
        };
        Err(NotAMonth {
            text: crate::safe_text::line(text).into_owned(),
            why,
        })
    }
}

/// Text that is not a month where only a month will do (a quarter, a year or anything
/// else), with the form to write.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not a month{why}: write {MONTH_FORM}")]
pub struct NotAMonth {
    /// The text as written, made safe to show on one line.
    pub text: String,
    /// Why a well-formed month is refused ("" for anything else).
    pub why: String,
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for FinYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Q{}", self.year, self.q)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => m.fmt(f),
            Period::Quarter(q) => q.fmt(f),
            Period::Year(y) => y.fmt(f),
        }
    }
}

/// Periods appear in JSON in their written form.
macro_rules! serialize_as_text {
    ($($t:ty),+) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )+};
}
serialize_as_text!(Period, Month, FinYear, Quarter);

/// And read back from it (what sign-off freezes is kept as JSON).
macro_rules! deserialize_from_text {
    ($($t:ty => $parse:expr),+) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                $parse(&text).map_err(|e| serde::de::Error::custom(format!("{text:?}: {e}")))
            }
        }
    )+};
}
deserialize_from_text!(
    Month => |t: &str| Month::parse_written(t),
    FinYear => |t: &str| t.parse::<FinYear>()
);

/// A period is read back (a status frozen at sign-off) from its written form.
impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

fn digits(s: &str, n: usize) -> Option<i32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// The month names as Excel abbreviates them (`mmm`), upper-cased as `Period` reads.
const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// A month as a spreadsheet re-saves one (SPEC "Spreadsheet habits"): `Oct-26` or
/// `Oct-2026` (Excel's `mmm-yy`), or the month's first day, `01/10/2026` or `01/10/26`
/// (a month column read back as a date). None when the text is in neither form; Err with
/// why for a date that is not a first of the month (`15/10/2026` could be that day's
/// month or a typing slip: refused, never guessed).
fn spreadsheet_month(t: &str) -> Option<Result<Month, String>> {
    if let Some((name, year)) = t.split_once('-')
        && let Some(at) = MONTH_NAMES.iter().position(|m| *m == name)
    {
        let year = match year.len() {
            2 => digits(year, 2).map(|y| FIRST_YEAR + y),
            _ => digits(year, 4),
        };
        return Some(
            year.and_then(|y| Month::new(y, at as u32 + 1))
                .ok_or_else(String::new),
        );
    }
    if !t.contains('/') || t.split('/').count() != 3 {
        return None;
    }
    let date = super::date::parse_date(t).ok()?;
    Some(if date.day() == 1 {
        Ok(Month::of(date))
    } else {
        Err(" (a month written as a date is its first day, like 01/10/2026)".to_string())
    })
}

impl FromStr for FinYear {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<FinYear, PeriodError> {
        let err = || PeriodError::malformed(text);
        let (start, end) = text.trim().split_once('/').ok_or_else(err)?;
        let start = digits(start, 4).ok_or_else(err)?;
        let end = digits(end, 2).ok_or_else(err)?;
        // 2024/25 only: the second part must be the year after the first.
        if (start + 1).rem_euclid(100) != end {
            return Err(err());
        }
        in_range(FinYear(start), text)
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Period, PeriodError> {
        let err = || PeriodError::malformed(text);
        // Any letter case: "2026/27 q2" is "2026/27 Q2".
        let upper = text.trim().to_ascii_uppercase();
        let t = upper.as_str();
        if let Some(month) = spreadsheet_month(t) {
            let month = month.map_err(|why| PeriodError {
                why,
                ..PeriodError::malformed(text)
            })?;
            in_range(month.fin_year(), text)?;
            return Ok(Period::Month(month));
        }
        if let Some((y, m)) = t.split_once('-').filter(|(y, _)| !y.contains('/')) {
            let year = digits(y, 4).ok_or_else(err)?;
            let month = digits(m, 2).ok_or_else(err)?;
            let month = Month::new(year, month as u32).ok_or_else(err)?;
            in_range(month.fin_year(), text)?;
            return Ok(Period::Month(month));
        }
        if let Some((fy, q)) = t.split_once(" Q").or_else(|| t.split_once("-Q")) {
            let year: FinYear = fy.parse().map_err(|e: PeriodError| PeriodError {
                text: crate::safe_text::line(text).into_owned(),
                ..e
            })?;
            let q = digits(q, 1).ok_or_else(err)?;
            return Quarter::new(year, q as u8)
                .map(Period::Quarter)
                .ok_or_else(err);
        }
        t.parse::<FinYear>()
            .map(Period::Year)
            .map_err(|e| PeriodError {
                text: crate::safe_text::line(text).into_owned(),
                ..e
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[rstest]
    #[case("2025-02", "2024/25 Q4")]
    #[case("2025-04", "2025/26 Q1")]
    #[case("2025-03", "2024/25 Q4")]
    #[case("2024-06", "2024/25 Q1")]
    #[case("2024-07", "2024/25 Q2")]
    #[case("2024-12", "2024/25 Q3")]
    #[case("2025-01", "2024/25 Q4")]
    fn quarter_of_a_month(#[case] month: &str, #[case] quarter: &str) {
        let Period::Month(m) = p(month) else {
            panic!("{month} is a month")
        };
        assert_eq!(m.quarter().to_string(), quarter);
    }

    #[rstest]
    #[case(
        "2024/25 Q4",
        "'2024/25 Q4' is not a month: write a month like 2025-02"
    )]
    #[case("2024/25", "'2024/25' is not a month: write a month like 2025-02")]
    #[case("soon", "'soon' is not a month: write a month like 2025-02")]
    #[case(
        "1999-05",
        "'1999-05' is not a month pmdb keeps (financial years 2000/01 to 2099/00): write a month like 2025-02"
    )]
    fn only_a_month_is_a_written_month(#[case] text: &str, #[case] refusal: &str) {
        assert_eq!(
            Month::parse_written("2025-02"),
            Ok(Month {
                year: 2025,
                month: 2
            })
        );
        assert_eq!(Month::parse_written(text).unwrap_err().to_string(), refusal);
    }

    #[rstest]
    #[case("2025-02", "2024/25")]
    #[case("2025-03", "2024/25")]
    #[case("2025-04", "2025/26")]
    #[case("2099-12", "2099/00")]
    fn financial_year_of_a_month(#[case] month: &str, #[case] year: &str) {
        assert_eq!(p(month).fin_year().to_string(), year);
    }

    #[rstest]
    #[case("2025-02", Period::Month(Month { year: 2025, month: 2 }))]
    #[case("2024/25 Q4", Period::Quarter(Quarter { year: FinYear(2024), q: 4 }))]
    #[case("2024/25-Q4", Period::Quarter(Quarter { year: FinYear(2024), q: 4 }))]
    #[case("2024/25", Period::Year(FinYear(2024)))]
    #[case("2099/00", Period::Year(FinYear(2099)))]
    #[case("2000/01 q1", Period::Quarter(Quarter { year: FinYear(2000), q: 1 }))]
    #[case("2026/27-q2", Period::Quarter(Quarter { year: FinYear(2026), q: 2 }))]
    #[case("2026/27 q2", Period::Quarter(Quarter { year: FinYear(2026), q: 2 }))]
    #[case(" 2025-02 ", Period::Month(Month { year: 2025, month: 2 }))]
    fn the_three_written_forms(#[case] text: &str, #[case] expected: Period) {
        assert_eq!(p(text), expected);
    }

    #[test]
    fn a_quarter_typed_in_any_case_is_written_with_a_capital_q() {
        assert_eq!(p("2026/27 q2").to_string(), "2026/27 Q2");
        assert_eq!(p("2026/27 q2"), p("2026/27 Q2"));
    }

    #[rstest]
    #[case("2025-13")]
    #[case("2025-00")]
    #[case("2025-2")]
    #[case("25-02")]
    #[case("2024/26")]
    #[case("2024-25")]
    #[case("2024/25 Q5")]
    #[case("2024/25 Q0")]
    #[case("2024/25Q4")]
    #[case("Q4 2024/25")]
    #[case("2024")]
    #[case("")]
    #[case("February 2025")]
    #[case("1999/00")]
    #[case("0000-01")]
    #[case("2100-04")]
    #[case("2100/01")]
    #[case("1899/00 Q1")]
    fn malformed_periods_are_refused_with_the_forms(#[case] text: &str) {
        let err = text.parse::<Period>().unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("2025-02") && message.contains("2024/25 Q4"),
            "{message}"
        );
        assert!(
            message.contains("2024/25-Q4") && message.contains("2024/25"),
            "{message}"
        );
    }

    #[test]
    fn canonical_form_round_trips() {
        for text in ["2025-02", "2024/25 Q4", "2024/25", "2026-11", "2030/31 Q1"] {
            assert_eq!(p(text).to_string(), text);
        }
        assert_eq!(p("2024/25-Q4").to_string(), "2024/25 Q4");
    }

    #[test]
    fn quarter_months_and_ends() {
        assert_eq!(
            p("2024/25 Q4")
                .months()
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>(),
            ["2025-01", "2025-02", "2025-03"]
        );
        assert_eq!(p("2024/25 Q1").first_month().to_string(), "2024-04");
        assert_eq!(p("2024/25 Q3").last_month().to_string(), "2024-12");
        assert_eq!(p("2024/25").months().len(), 12);
        assert_eq!(p("2024/25").last_month().to_string(), "2025-03");
    }

    #[test]
    fn year_to_date_runs_from_april() {
        let ytd = |s: &str| {
            p(s).year_to_date()
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ytd("2024-04"), ["2024-04"]);
        assert_eq!(ytd("2024-06"), ["2024-04", "2024-05", "2024-06"]);
        assert_eq!(ytd("2025-02").len(), 11);
        assert_eq!(ytd("2024/25 Q2").len(), 6);
        assert_eq!(ytd("2024/25 Q2").last().unwrap(), "2024-09");
        assert_eq!(ytd("2024/25").len(), 12);
    }

    #[test]
    fn stepping_and_last_year() {
        assert_eq!(p("2025-01").prev().to_string(), "2024-12");
        assert_eq!(p("2024/25 Q1").prev().to_string(), "2023/24 Q4");
        assert_eq!(p("2024/25 Q4").next().to_string(), "2025/26 Q1");
        assert_eq!(p("2024/25").next().to_string(), "2025/26");
        assert_eq!(p("2025-02").year_earlier().to_string(), "2024-02");
        assert_eq!(p("2024/25 Q3").year_earlier().to_string(), "2023/24 Q3");
    }

    #[test]
    fn month_days() {
        let feb = Month {
            year: 2024,
            month: 2,
        };
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        assert_eq!(feb.day_clamped(31).to_string(), "2024-02-29");
        assert_eq!(feb.day_clamped(15).to_string(), "2024-02-15");
    }

    #[test]
    fn a_period_covers_what_lies_inside_it() {
        assert!(p("2024/25").covers(p("2024/25 Q3")));
        assert!(p("2024/25 Q3").covers(p("2024-11")));
        assert!(p("2024-11").covers(p("2024-11")));
        assert!(!p("2024/25 Q3").covers(p("2024/25")));
        assert!(!p("2024/25 Q3").covers(p("2025-01")));
    }

    proptest::proptest! {
        #[test]
        fn every_month_is_in_exactly_one_quarter_of_its_year(year in 2001i32..2100, month in 1u32..=12) {
            let m = Month { year, month };
            let q = m.quarter();
            proptest::prop_assert!(Period::Quarter(q).contains(m));
            proptest::prop_assert_eq!(q.year, m.fin_year());
            let text = Period::Month(m).to_string();
            proptest::prop_assert_eq!(text.parse::<Period>().unwrap(), Period::Month(m));
        }
    }
}

#[cfg(test)]
mod spreadsheet_months {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Oct-26", "2026-10")]
    #[case("oct-26", "2026-10")]
    #[case("Mar-2027", "2027-03")]
    #[case("Apr-00", "2000-04")]
    #[case("01/10/2026", "2026-10")]
    #[case("1/10/26", "2026-10")]
    #[case(" 01/03/2027 ", "2027-03")]
    fn a_month_as_excel_saves_it(#[case] written: &str, #[case] month: &str) {
        assert_eq!(
            written.parse::<Period>().map(|p| p.to_string()),
            Ok(month.to_string())
        );
        assert_eq!(
            Month::parse_written(written).map(|m| m.to_string()),
            Ok(month.to_string())
        );
    }

    #[rstest]
    // A day other than the first: that day's month, or a slip? Refused, saying why.
    #[case(
        "15/10/2026",
        " (a month written as a date is its first day, like 01/10/2026)"
    )]
    #[case("Okt-26", "")]
    #[case("Oct-6", "")]
    #[case("Oct-2026x", "")]
    #[case("October 2026", "")]
    #[case("01/13/2026", "")]
    #[case("10/31/2026", "")]
    fn anything_else_is_refused_with_the_forms_that_work(#[case] written: &str, #[case] why: &str) {
        let err = written.parse::<Period>().expect_err(written);
        assert_eq!(err.why, why, "{written}");
        assert!(err.to_string().ends_with(PERIOD_FORMS), "{err}");
    }

    #[test]
    fn a_month_outside_the_years_pmdb_takes_is_refused_as_such() {
        // Mar-00 is March 2000: the financial year 1999/00, before the first.
        let err = "Mar-00".parse::<Period>().expect_err("1999/00");
        assert!(!err.why.is_empty(), "{err}");
    }
}
