//! Money and progress as a person or a spreadsheet writes them: one reading for the
//! interface's editor, the command line (`--spent`, `--progress`) and CSV import, so a
//! figure one front door takes the others take too, and none takes what its own export
//! could not import back.
//!
//! - Progress is a whole number of per cent from 0 to 100, with or without a trailing `%`
//!   (`50`, `50%`, `50 %`).
//! - Money is a number with an optional `£` after any sign (`1234.5`, `£1,234.50`,
//!   `-£250`), commas only between groups of three digits of the whole part, smaller in
//!   size than 10^15 (`number::FIGURE_LIMIT`), and negative only where the field allows
//!   it (a service's budget line may be income; a project's budget and spend may not).

use super::number::{FIGURE_LIMIT, parse_number};

/// What progress looks like, for refusals.
pub const PROGRESS_FORM: &str = "write a whole number of per cent from 0 to 100, such as 50 or 50%";

/// What money looks like, for refusals.
pub const MONEY_FORM: &str =
    "write pounds like 1234.50, £1,234.50 or 1,234 (commas only between groups of three digits)";

/// Why a cell or argument is not a progress or an amount of money. The text it quotes is
/// the caller's to cut short and escape (CSV messages do, `csvio::shown`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AmountError {
    #[error("'{0}' is not a progress: {PROGRESS_FORM}")]
    NotProgress(String),
    #[error("'{0}' is not an amount of money: {MONEY_FORM}")]
    NotMoney(String),
    #[error("'{0}' is too large: an amount must be smaller than £1,000,000,000,000,000 (10^15)")]
    TooLarge(String),
    #[error("'{0}' is below zero: this amount is 0 or more")]
    Negative(String),
}

/// Whether an amount may be below zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// A project's budget or spend to date.
    NotNegative,
    /// A service's budget, actual or forecast (income lines are negative).
    Any,
}

/// A progress: `50`, `50%`, `50 %`, 0 to 100.
pub fn parse_progress(text: &str) -> Result<i64, AmountError> {
    let t = text.trim();
    let digits = t.strip_suffix('%').unwrap_or(t).trim_end();
    let bad = || AmountError::NotProgress(t.to_string());
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    match digits.parse::<i64>() {
        Ok(p) if (0..=100).contains(&p) => Ok(p),
        _ => Err(bad()),
    }
}

/// An amount of money: `1234.5`, `£1,234.50`, `-£250` (when `sign` allows it).
pub fn parse_money(text: &str, sign: Sign) -> Result<f64, AmountError> {
    let t = text.trim();
    let (mut minus, signed) = (t.starts_with('-'), t.starts_with(['-', '+']));
    let mut rest = if signed { &t[1..] } else { t };
    if let Some(after) = rest.strip_prefix('£') {
        rest = after;
        // The pound sign goes after any sign (`-£250`); `£-250` is read alike.
        if !signed && let Some(after) = rest.strip_prefix('-') {
            (minus, rest) = (true, after);
        }
    }
    if rest.starts_with(['+', '-', '£']) {
        return Err(AmountError::NotMoney(t.to_string()));
    }
    let x = parse_number(rest).ok_or_else(|| AmountError::NotMoney(t.to_string()))?;
    let x = if minus { -x } else { x };
    if x.abs() >= FIGURE_LIMIT {
        return Err(AmountError::TooLarge(t.to_string()));
    }
    if sign == Sign::NotNegative && x < 0.0 {
        return Err(AmountError::Negative(t.to_string()));
    }
    // "-0" is nought.
    Ok(if x == 0.0 { 0.0 } else { x })
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("50", 50)]
    #[case("50%", 50)]
    #[case(" 50 % ", 50)]
    #[case("0", 0)]
    #[case("100%", 100)]
    #[case("007", 7)]
    fn progress_is_read(#[case] text: &str, #[case] progress: i64) {
        assert_eq!(parse_progress(text), Ok(progress));
    }

    #[rstest]
    #[case("")]
    #[case("%")]
    #[case("101")]
    #[case("-5")]
    #[case("+5")]
    #[case("50.5")]
    #[case("50%%")]
    #[case("fifty")]
    #[case("1e2")]
    #[case("£50")]
    #[case("5 0")]
    #[case("99999999999999999999")]
    fn progress_is_refused(#[case] text: &str) {
        let err = parse_progress(text).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("'{}' is not a progress: {PROGRESS_FORM}", text.trim())
        );
    }

    #[rstest]
    #[case("1234.5", Sign::NotNegative, 1234.5)]
    #[case("£1,234.50", Sign::NotNegative, 1234.5)]
    #[case(" £125,000 ", Sign::NotNegative, 125000.0)]
    #[case("1,234,567", Sign::NotNegative, 1234567.0)]
    #[case("£0.99", Sign::NotNegative, 0.99)]
    #[case("-£250", Sign::Any, -250.0)]
    #[case("£-250", Sign::Any, -250.0)]
    #[case("-1,000.5", Sign::Any, -1000.5)]
    #[case("+£5", Sign::Any, 5.0)]
    #[case("-0", Sign::NotNegative, 0.0)]
    #[case("1.5e6", Sign::NotNegative, 1_500_000.0)]
    #[case("999,999,999,999,999", Sign::NotNegative, 999_999_999_999_999.0)]
    fn money_is_read(#[case] text: &str, #[case] sign: Sign, #[case] pounds: f64) {
        assert_eq!(parse_money(text, sign), Ok(pounds));
    }

    #[rstest]
    #[case("£1,2,3")]
    #[case("1,23")]
    #[case("12,3456")]
    #[case(",123")]
    #[case("£")]
    #[case("££5")]
    #[case("5£")]
    #[case("£ 5")]
    #[case("--5")]
    #[case("-£-5")]
    #[case("$5")]
    #[case("5p")]
    #[case("50%")]
    #[case("abc")]
    #[case("inf")]
    #[case("NaN")]
    #[case("")]
    fn money_in_another_form_is_refused(#[case] text: &str) {
        assert_eq!(
            parse_money(text, Sign::Any),
            Err(AmountError::NotMoney(text.trim().to_string()))
        );
    }

    #[rstest]
    #[case("1e16")]
    #[case("1e15")]
    #[case("£1,000,000,000,000,000")]
    #[case("-1e15")]
    #[case("1e400")]
    fn money_of_10_to_the_15_or_more_is_refused(#[case] text: &str) {
        let err = parse_money(text, Sign::Any).unwrap_err();
        // 1e400 is not a finite number at all.
        assert!(
            matches!(err, AmountError::TooLarge(_) | AmountError::NotMoney(_)),
            "{err}"
        );
        if text != "1e400" {
            assert_eq!(err, AmountError::TooLarge(text.to_string()));
        }
    }

    #[test]
    fn a_negative_amount_is_refused_where_the_field_allows_none() {
        assert_eq!(
            parse_money("-£5", Sign::NotNegative),
            Err(AmountError::Negative("-£5".into()))
        );
        assert_eq!(
            parse_money("-£5", Sign::NotNegative)
                .unwrap_err()
                .to_string(),
            "'-£5' is below zero: this amount is 0 or more"
        );
        assert_eq!(
            parse_money("£1,2,3", Sign::Any).unwrap_err().to_string(),
            format!("'£1,2,3' is not an amount of money: {MONEY_FORM}")
        );
    }
}
