//! A narrative for a quarter or a year: the commentary and remedial action Cabinet reads
//! for a monthly indicator's quarter or year, or for a plan node's. A month's commentary
//! is its value's, so a narrative is never for a month; and where a report has no
//! narrative it borrows the latest month's commentary, labelled with its month.

use super::indicator::{Frequency, words};
use super::period::{Month, Period};

words!(
    /// What a narrative is written about.
    Subject, "narrative subject" { Indicator = "indicator", Plan = "plan" }
);

/// Why a narrative cannot be written for a period.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NarrativeError {
    #[error(
        "{period} is a month: a month's commentary is the value's (`pmdb set {code} {period} … --commentary`); a narrative is for a quarter or a year, like 2025/26 Q2 or 2025/26"
    )]
    Month { code: String, period: Period },
    /// A quarterly indicator's quarter (an annual one's year) has its own value.
    #[error(
        "{code} is {} {frequency} indicator: its {period} commentary is the value's (`pmdb set {code} {period} … --commentary`)",
        crate::domain::article(frequency.as_str())
    )]
    OwnValue {
        code: String,
        period: Period,
        frequency: Frequency,
    },
}

/// Whether `code` (of this frequency, for an indicator; None for a plan node) may carry a
/// narrative for `period`: a quarter or a year that is not the period of its own values.
pub fn check_period(
    code: &str,
    period: Period,
    frequency: Option<Frequency>,
) -> Result<(), NarrativeError> {
    if period.is_month() {
        return Err(NarrativeError::Month {
            code: code.to_string(),
            period,
        });
    }
    match (frequency, period) {
        (Some(f @ Frequency::Quarterly), Period::Quarter(_))
        | (Some(f @ Frequency::Annual), Period::Year(_)) => Err(NarrativeError::OwnValue {
            code: code.to_string(),
            period,
            frequency: f,
        }),
        _ => Ok(()),
    }
}

/// The month's name ("September"), as chrono writes it.
fn month_name(m: Month) -> String {
    m.first_day().format("%B").to_string()
}

/// A text borrowed from `from` for a report of `report`, labelled with where it came from
/// ("September: Two long-term sick"), so a quarter never prints a month's words as its
/// own. A text of the report's own period, or an empty one, is left as it is. A month of
/// the report's year is named alone; one from another year with its year.
pub fn labelled(text: &str, from: Period, report: Period) -> String {
    if text.is_empty() || from == report {
        return text.to_string();
    }
    let label = match from {
        Period::Month(m) if report.contains(m) => month_name(m),
        Period::Month(m) => format!("{} {}", month_name(m), m.year),
        other => other.to_string(),
    };
    format!("{label}: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        text.parse().unwrap()
    }

    #[test]
    fn a_narrative_is_for_a_quarter_or_a_year_not_its_own_values() {
        assert_eq!(
            check_period("WR1", p("2025/26 Q2"), Some(Frequency::Monthly)),
            Ok(())
        );
        assert_eq!(check_period("P1", p("2025/26"), None), Ok(()));
        assert_eq!(
            check_period("WR1", p("2025-09"), Some(Frequency::Monthly))
                .unwrap_err()
                .to_string(),
            "2025-09 is a month: a month's commentary is the value's (`pmdb set WR1 2025-09 … --commentary`); a narrative is for a quarter or a year, like 2025/26 Q2 or 2025/26"
        );
        assert_eq!(
            check_period("HS2", p("2025/26 Q2"), Some(Frequency::Quarterly))
                .unwrap_err()
                .to_string(),
            "HS2 is a quarterly indicator: its 2025/26 Q2 commentary is the value's (`pmdb set HS2 2025/26 Q2 … --commentary`)"
        );
        assert_eq!(
            check_period("HS2", p("2025/26"), Some(Frequency::Quarterly)),
            Ok(())
        );
        assert!(check_period("AN1", p("2025/26"), Some(Frequency::Annual)).is_err());
    }

    #[test]
    fn a_borrowed_text_is_labelled_with_its_month() {
        // (text, from, report, shown)
        for (text, from, report, shown) in [
            (
                "Two long-term sick",
                "2025-09",
                "2025/26 Q2",
                "September: Two long-term sick",
            ),
            (
                "Backlog cleared",
                "2025-03",
                "2025/26",
                "March 2025: Backlog cleared",
            ),
            (
                "Winter peak",
                "2025/26 Q3",
                "2025/26",
                "2025/26 Q3: Winter peak",
            ),
            ("Own words", "2025-09", "2025-09", "Own words"),
            ("", "2025-09", "2025/26 Q2", ""),
        ] {
            assert_eq!(
                labelled(text, p(from), p(report)),
                shown,
                "{from} in {report}"
            );
        }
    }
}
