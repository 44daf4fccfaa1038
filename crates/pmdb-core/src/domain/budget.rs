//! A service's money beside its performance: for a period (a month, a quarter or the
//! council's financial year, April to March) the budget and the actual spend to the
//! period's end, the variance, and the forecast outturn for the year against the annual
//! budget. Money is kept as decimal pounds, so sums carry no binary fractions and the
//! variance's per cent is rounded as a spreadsheet rounds it (half away from zero).
//!
//! - Budget and actual to date are the sums of the year's months from April up to the
//!   period's end; the variance is actual − budget (above 0: an overspend), and as a % of
//!   the budget to date, to one decimal place, none when that budget is 0. The per cent is
//!   taken of the budget's size, so it has the variance's sign for an income line (a
//!   negative budget) too: +% is always more spent (or less income) than budgeted.
//! - The annual budget is the sum of the year's twelve monthly budgets (a month with no
//!   row has none).
//! - The forecast outturn is the actuals to the period's end plus, for each later month
//!   of the year, its forecast, or its budget where no forecast is given; the forecast
//!   variance is the outturn − the annual budget.
//! - A month up to the period's end with no actual recorded is not counted as nothing
//!   spent: finance closes a month's ledger days after it ends, and a nought would show a
//!   false underspend. The actual (and so the variance) to date is then not given, the
//!   months without one are named, and the outturn takes such a month at its forecast, or
//!   its budget, as it takes a later month.

use rust_decimal::{Decimal, RoundingStrategy};

use super::number::decimal_of;
use super::period::{Month, Period};

/// One service's month as finance records it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetMonth {
    pub month: Month,
    pub budget: Decimal,
    pub actual: Option<Decimal>,
    pub forecast: Option<Decimal>,
}

impl BudgetMonth {
    /// A stored month (figures as the store keeps them), or none when its month does not
    /// read; stored figures are taken at their decimal digits ("0.1" is 0.1 exactly).
    pub fn of_stored(
        month: &str,
        budget: f64,
        actual: Option<f64>,
        forecast: Option<f64>,
    ) -> Option<BudgetMonth> {
        let month = Month::parse_written(month).ok()?;
        let money = |x: f64| decimal_of(x).unwrap_or_default().normalize();
        Some(BudgetMonth {
            month,
            budget: money(budget),
            actual: actual.map(money),
            forecast: forecast.map(money),
        })
    }
}

/// A service's finance for a period, worked from its months of that financial year.
#[derive(Debug, Clone, PartialEq)]
pub struct Finance {
    /// The budget from April to the period's end.
    pub budget: Decimal,
    /// The actual spend from April to the period's end; none when a month lacks one.
    pub actual: Option<Decimal>,
    /// actual − budget (above 0: an overspend).
    pub variance: Option<Decimal>,
    /// The variance as a % of the budget to date, at one place; none when that is 0.
    pub variance_pct: Option<Decimal>,
    pub annual_budget: Decimal,
    pub forecast_outturn: Decimal,
    /// forecast outturn − annual budget (above 0: a forecast overspend).
    pub forecast_variance: Decimal,
    /// The months to the period's end with no actual recorded, in order.
    pub missing_actuals: Vec<Month>,
}

/// Whether a variance is spending above the budget, below it or on it, in words.
pub fn over_or_under(variance: Decimal) -> &'static str {
    if variance > Decimal::ZERO {
        "overspend"
    } else if variance < Decimal::ZERO {
        "underspend"
    } else {
        "on budget"
    }
}

/// The finance of `period` from a service's months (any years; those outside the period's
/// financial year are left out), or none when it has no month in that year.
pub fn finance(months: &[BudgetMonth], period: Period) -> Option<Finance> {
    let year = period.fin_year();
    let end = period.last_month();
    let mut in_year: Vec<&BudgetMonth> = months
        .iter()
        .filter(|m| m.month.fin_year() == year)
        .collect();
    if in_year.is_empty() {
        return None;
    }
    in_year.sort_by_key(|m| m.month);
    let mut budget = Decimal::ZERO;
    let mut actual = Decimal::ZERO;
    let mut annual_budget = Decimal::ZERO;
    let mut outturn = Decimal::ZERO;
    let mut missing_actuals = Vec::new();
    // Months to the end with no row at all have no actual either.
    for m in period.year_to_date() {
        if !in_year.iter().any(|b| b.month == m) {
            missing_actuals.push(m);
        }
    }
    for m in &in_year {
        annual_budget += m.budget;
        let projected = m.forecast.unwrap_or(m.budget);
        if m.month <= end {
            budget += m.budget;
            match m.actual {
                Some(a) => {
                    actual += a;
                    outturn += a;
                }
                None => {
                    missing_actuals.push(m.month);
                    outturn += projected;
                }
            }
        } else {
            outturn += projected;
        }
    }
    missing_actuals.sort();
    let actual = missing_actuals.is_empty().then_some(actual);
    let variance = actual.map(|a| a - budget);
    let variance_pct = variance.and_then(|v| percent_of(v, budget));
    Some(Finance {
        budget,
        actual,
        variance,
        variance_pct,
        annual_budget,
        forecast_outturn: outturn,
        forecast_variance: outturn - annual_budget,
        missing_actuals,
    })
}

/// `part` as a % of the size of `whole`, at one place, half away from zero; none of 0.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let pct = (part * Decimal::ONE_HUNDRED / whole.abs())
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    Some(normal_zero(pct))
}

/// "-0.0" is nought.
fn normal_zero(mut d: Decimal) -> Decimal {
    if d.is_zero() {
        d.set_sign_positive(true);
    }
    d
}

/// Pounds at two places, half away from zero, as a JSON number (12.5 for £12.50).
pub fn json_pounds(x: Decimal) -> f64 {
    let r = normal_zero(x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero));
    r.to_string().parse().unwrap_or_default()
}

/// A per cent at one place as a JSON number.
pub fn json_pct(x: Decimal) -> f64 {
    x.to_string().parse().unwrap_or_default()
}

/// Whole pounds with thousands separated, as reports print money: "£1,234,568",
/// "-£250" (half away from zero, so £0.50 is £1).
pub fn pounds(x: Decimal) -> String {
    let r = normal_zero(x.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero));
    let digits = r.abs().trunc().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if r.is_sign_negative() { "-" } else { "" };
    format!("{sign}£{grouped}")
}

/// A signed amount as a variance reads: "+£1,234" or "-£250" ("£0" for none).
pub fn signed_pounds(x: Decimal) -> String {
    let shown = pounds(x);
    if shown != "£0" && !shown.starts_with('-') {
        format!("+{shown}")
    } else {
        shown
    }
}

/// A per cent as a variance reads: "+2.5%", "-0.3%", "0.0%".
pub fn signed_pct(x: Decimal) -> String {
    if x > Decimal::ZERO {
        format!("+{x:.1}%")
    } else {
        format!("{x:.1}%")
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::domain::period::{FinYear, Quarter};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn m(
        year: i32,
        month: u32,
        budget: &str,
        actual: Option<&str>,
        fc: Option<&str>,
    ) -> BudgetMonth {
        BudgetMonth {
            month: Month::new(year, month).unwrap(),
            budget: d(budget),
            actual: actual.map(d),
            forecast: fc.map(d),
        }
    }

    /// A year of £1,000 a month, 2026/27: April to September spent, the rest forecast or not.
    fn year() -> Vec<BudgetMonth> {
        vec![
            m(2026, 4, "1000", Some("1100"), None),
            m(2026, 5, "1000", Some("950.10"), None),
            m(2026, 6, "1000", Some("1000.20"), None),
            m(2026, 7, "1000", Some("1200"), None),
            m(2026, 8, "1000", Some("1000"), None),
            m(2026, 9, "1000", Some("1003.35"), None),
            m(2026, 10, "1000", None, Some("1150")),
            m(2026, 11, "1000", None, Some("1150")),
            m(2026, 12, "1000", None, None),
            m(2027, 1, "1000", None, Some("900")),
            m(2027, 2, "1000", None, None),
            m(2027, 3, "1000", None, None),
            // Another year's months are left out.
            m(2025, 9, "99999", Some("5"), None),
            m(2027, 4, "99999", None, Some("5")),
        ]
    }

    #[test]
    fn a_quarter_sums_april_to_its_end_and_forecasts_the_rest() {
        let q2 = Period::Quarter(Quarter {
            year: FinYear(2026),
            q: 2,
        });
        let f = finance(&year(), q2).unwrap();
        // Budget April–September: 6 × 1,000 = 6,000.
        assert_eq!(f.budget, d("6000"));
        // Actual: 1,100 + 950.10 + 1,000.20 + 1,200 + 1,000 + 1,003.35 = 6,253.65 exactly
        // (no 6253.650000000001).
        assert_eq!(f.actual, Some(d("6253.65")));
        assert_eq!(f.actual.unwrap().to_string(), "6253.65");
        // Variance 6,253.65 − 6,000 = 253.65; 253.65 / 6,000 = 4.2275% → 4.2.
        assert_eq!(f.variance, Some(d("253.65")));
        assert_eq!(f.variance_pct, Some(d("4.2")));
        assert_eq!(f.annual_budget, d("12000"));
        // Outturn: 6,253.65 + Oct 1,150 + Nov 1,150 + Dec (budget) 1,000 + Jan 900
        // + Feb 1,000 + Mar 1,000 = 12,453.65; against 12,000: +453.65.
        assert_eq!(f.forecast_outturn, d("12453.65"));
        assert_eq!(f.forecast_variance, d("453.65"));
        assert!(f.missing_actuals.is_empty());
        assert_eq!(over_or_under(f.variance.unwrap()), "overspend");
    }

    #[test]
    fn a_month_and_the_year() {
        // May 2026: April and May, 2,000 budget, 2,050.10 actual, +50.10 = 2.505% → 2.5
        // (half away from zero on the decimal digits).
        let may = Period::Month(Month::new(2026, 5).unwrap());
        let f = finance(&year(), may).unwrap();
        assert_eq!((f.budget, f.actual), (d("2000"), Some(d("2050.10"))));
        assert_eq!(f.variance_pct, Some(d("2.5")));
        // Outturn: 2,050.10 + June to September's actuals are not counted (after May):
        // they have no forecast, so their budgets 4 × 1,000, then 1,150 + 1,150 + 1,000 +
        // 900 + 1,000 + 1,000 = 6,200: 2,050.10 + 4,000 + 6,200 = 12,250.10.
        assert_eq!(f.forecast_outturn, d("12250.10"));
        // The whole year: every month to March, six with no actual.
        let f = finance(&year(), Period::Year(FinYear(2026))).unwrap();
        assert_eq!(f.budget, d("12000"));
        assert_eq!(f.actual, None);
        assert_eq!(f.variance, None);
        assert_eq!(f.variance_pct, None);
        assert_eq!(f.missing_actuals.len(), 6);
        assert_eq!(f.missing_actuals[0], Month::new(2026, 10).unwrap());
        // The outturn takes the months without an actual at their forecast or budget.
        assert_eq!(f.forecast_outturn, d("12453.65"));
    }

    #[test]
    fn a_half_is_rounded_away_from_zero_and_a_zero_budget_has_no_per_cent() {
        // 7.35% at one place is 7.4, never the 7.3 binary floating point gives.
        assert_eq!(percent_of(d("73.5"), d("1000")), Some(d("7.4")));
        assert_eq!(percent_of(d("-73.5"), d("1000")), Some(d("-7.4")));
        // An income line: budget -1,000, actual -900 (less income): variance +100, +10.0%.
        assert_eq!(percent_of(d("100"), d("-1000")), Some(d("10.0")));
        assert_eq!(percent_of(d("0.0001"), d("1000")), Some(d("0.0")));
        assert_eq!(percent_of(d("5"), Decimal::ZERO), None);
        let zero = [m(2026, 4, "0", Some("5"), None)];
        let f = finance(&zero, Period::Month(Month::new(2026, 4).unwrap())).unwrap();
        assert_eq!((f.variance, f.variance_pct), (Some(d("5")), None));
        assert_eq!(finance(&zero, Period::Year(FinYear(2025))), None);
    }

    #[test]
    fn a_month_with_no_row_has_no_actual_and_no_budget() {
        // June has no row: budget to date 2,000 (April, May), actual not given.
        let rows = [
            m(2026, 4, "1000", Some("1000"), None),
            m(2026, 5, "1000", Some("1000"), None),
        ];
        let q1 = Period::Quarter(Quarter {
            year: FinYear(2026),
            q: 1,
        });
        let f = finance(&rows, q1).unwrap();
        assert_eq!(f.budget, d("2000"));
        assert_eq!(f.actual, None);
        assert_eq!(f.missing_actuals, vec![Month::new(2026, 6).unwrap()]);
        assert_eq!(f.annual_budget, d("2000"));
        assert_eq!(f.forecast_outturn, d("2000"));
    }

    #[test]
    fn stored_figures_keep_their_decimal_digits() {
        let b = BudgetMonth::of_stored("2026-04", 0.1, Some(0.2), None).unwrap();
        let c = BudgetMonth::of_stored("2026-05", 0.2, Some(0.1), Some(0.3)).unwrap();
        let f = finance(&[b, c], Period::Month(Month::new(2026, 5).unwrap())).unwrap();
        // 0.1 + 0.2 is 0.3 exactly (f64 gives 0.30000000000000004).
        assert_eq!(f.budget.to_string(), "0.3");
        assert_eq!(json_pounds(f.budget), 0.3);
        assert_eq!(BudgetMonth::of_stored("May", 1.0, None, None), None);
    }

    #[test]
    fn money_is_printed_in_whole_pounds_with_thousands_separated() {
        assert_eq!(pounds(d("1234567.5")), "£1,234,568");
        assert_eq!(pounds(d("-250.49")), "-£250");
        assert_eq!(pounds(d("999")), "£999");
        assert_eq!(pounds(d("-0.4")), "£0");
        assert_eq!(pounds(d("100000")), "£100,000");
        assert_eq!(signed_pounds(d("253.65")), "+£254");
        assert_eq!(signed_pounds(d("-12000")), "-£12,000");
        assert_eq!(signed_pounds(d("0")), "£0");
        assert_eq!(signed_pct(d("4.2")), "+4.2%");
        assert_eq!(signed_pct(d("-0.3")), "-0.3%");
        assert_eq!(signed_pct(d("0.0")), "0.0%");
        assert_eq!(json_pounds(d("2.345")), 2.35);
        assert_eq!(json_pounds(d("-2.345")), -2.35);
        assert_eq!(json_pct(d("4.2")), 4.2);
    }
}
