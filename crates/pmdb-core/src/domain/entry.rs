//! Checks on a value an officer records: the period fits the indicator, the figure is a
//! number, a ratio carries its numerator and denominator, and a missed target is explained.

use chrono::NaiveDate;

use super::bounds::{OutOfBounds, check_bounds};
use super::indicator::{Aggregation, Frequency, Indicator};
use super::number::{FigureError, check_figure, fmt_decimals, units};
use super::period::Period;
use super::rag::{Judgement, Rag};

/// What an officer gives for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

/// Why a recorded value is refused, with what the rule needs; the text is what people read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EntryError {
    #[error("{code} is reported {frequency}: give {}, not {period}", frequency.example())]
    WrongFrequency {
        code: String,
        frequency: Frequency,
        period: Period,
    },
    #[error("{period} has not started yet (today is {today})")]
    NotStarted { period: Period, today: NaiveDate },
    /// A month is recorded once it has ended: a figure for June taken on 10 June would be
    /// saved as final and judged before the month's work is done.
    #[error(
        "{period} ends on {}: its figure is recorded once it has ended",
        ends.format("%-d %B %Y")
    )]
    NotEnded { period: Period, ends: NaiveDate },
    #[error(transparent)]
    Figure(#[from] FigureError),
    #[error(transparent)]
    OutOfBounds(#[from] OutOfBounds),
    #[error("give both a numerator and a denominator, or neither")]
    HalfARatio,
    #[error("{code} needs a value")]
    NoValue { code: String },
    /// Said in the domain's own words: each interface names its own fields (the command
    /// line adds its flags, the editor has fields titled Numerator and Denominator).
    #[error("{code} is a ratio ({unit}): give its numerator and denominator")]
    RatioNeedsParts { code: String, unit: String },
    #[error(
        "the denominator must be above 0 and the numerator 0 or more (got {numerator}/{denominator})"
    )]
    BadParts { numerator: f64, denominator: f64 },
    #[error(
        "value {given} does not match numerator/denominator {numerator}/{denominator} = {computed}"
    )]
    Mismatch {
        given: String,
        numerator: f64,
        denominator: f64,
        computed: String,
    },
    /// A miss (amber or red) recorded without its commentary or remedial action.
    #[error("the value misses its target ({rag}: {rule}), so it needs {}", missing.join(" and "))]
    Unexplained {
        rag: Rag,
        rule: crate::domain::status_rule::StatusRule,
        missing: Vec<&'static str>,
    },
}

/// A value, or a commentary, for a period whose last day has not yet passed is refused.
pub fn check_period_ended(period: Period, today: NaiveDate) -> Result<(), EntryError> {
    let ends = period.last_month().last_day();
    if today <= ends {
        return Err(EntryError::NotEnded { period, ends });
    }
    Ok(())
}

/// Checks an entry and returns the value to record (for a ratio, computed from its parts).
pub fn check_entry(
    ind: &Indicator,
    period: Period,
    entry: &Entry,
    today: NaiveDate,
) -> Result<f64, EntryError> {
    let fits = matches!(
        (ind.frequency, period),
        (Frequency::Monthly, Period::Month(_))
            | (Frequency::Quarterly, Period::Quarter(_))
            | (Frequency::Annual, Period::Year(_))
    );
    if !fits {
        return Err(EntryError::WrongFrequency {
            code: ind.code.clone(),
            frequency: ind.frequency,
            period,
        });
    }
    check_period_ended(period, today)?;
    for (name, x) in [
        ("value", entry.value),
        ("numerator", entry.numerator),
        ("denominator", entry.denominator),
    ] {
        if let Some(x) = x {
            check_figure(name, x)?;
        }
    }
    if ind.aggregation != Aggregation::Ratio {
        if entry.numerator.is_some() != entry.denominator.is_some() {
            return Err(EntryError::HalfARatio);
        }
        let value = entry.value.ok_or_else(|| EntryError::NoValue {
            code: ind.code.clone(),
        })?;
        check_bounds(ind, "value", value)?;
        return Ok(value);
    }
    let (Some(num), Some(den)) = (entry.numerator, entry.denominator) else {
        return Err(EntryError::RatioNeedsParts {
            code: ind.code.clone(),
            unit: ind.unit.clone(),
        });
    };
    if den <= 0.0 || num < 0.0 {
        return Err(EntryError::BadParts {
            numerator: num,
            denominator: den,
        });
    }
    let computed = num / den * ind.ratio_scale();
    check_figure(
        "value computed from the numerator and denominator",
        computed,
    )?;
    if let Some(v) = entry.value
        && units(v, ind.decimals) != units(computed, ind.decimals)
    {
        return Err(EntryError::Mismatch {
            given: fmt_decimals(v, ind.decimals),
            numerator: num,
            denominator: den,
            computed: fmt_decimals(computed, ind.decimals),
        });
    }
    check_bounds(
        ind,
        "value computed from the numerator and denominator",
        computed,
    )?;
    Ok(computed)
}

/// A value that misses its target (amber or red) needs a commentary and a remedial action.
pub fn check_explained(
    judgement: &Judgement,
    commentary: &str,
    action: &str,
) -> Result<(), EntryError> {
    if !matches!(judgement.rag, Rag::Amber | Rag::Red) {
        return Ok(());
    }
    let missing: Vec<&'static str> = [("a commentary", commentary), ("a remedial action", action)]
        .iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(EntryError::Unexplained {
        rag: judgement.rag,
        rule: judgement.rule.clone(),
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::{IndicatorKind, Polarity};

    fn ind(aggregation: Aggregation, frequency: Frequency) -> Indicator {
        Indicator {
            code: "PL1".into(),
            title: "Major planning applications decided in 13 weeks".into(),
            kind: IndicatorKind::Sdl,
            unit: "%".into(),
            decimals: 1,
            polarity: Polarity::Higher,
            frequency,
            aggregation,
            owner: "jpatel".into(),
            rag_rule: None,
            min: crate::domain::bounds::Bound::Default,
            max: crate::domain::bounds::Bound::Default,
            cumulative: false,
            lag: 0,
        }
    }

    fn today() -> NaiveDate {
        "2025-03-20".parse().unwrap()
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn a_ratio_is_computed_from_its_parts() {
        let i = ind(Aggregation::Ratio, Frequency::Monthly);
        let e = Entry {
            value: None,
            numerator: Some(28.0),
            denominator: Some(32.0),
        };
        assert_eq!(check_entry(&i, p("2025-02"), &e, today()), Ok(87.5));
        let e = Entry {
            value: Some(87.5),
            ..e
        };
        assert_eq!(check_entry(&i, p("2025-02"), &e, today()), Ok(87.5));
        let e = Entry {
            value: Some(90.0),
            ..e
        };
        assert_eq!(
            check_entry(&i, p("2025-02"), &e, today())
                .unwrap_err()
                .to_string(),
            "value 90.0 does not match numerator/denominator 28/32 = 87.5"
        );
        let e = Entry {
            value: Some(87.5),
            numerator: None,
            denominator: None,
        };
        assert!(
            check_entry(&i, p("2025-02"), &e, today())
                .unwrap_err()
                .to_string()
                .contains("give its numerator and denominator")
        );
        let e = Entry {
            value: None,
            numerator: Some(1.0),
            denominator: Some(0.0),
        };
        assert!(
            check_entry(&i, p("2025-02"), &e, today())
                .unwrap_err()
                .to_string()
                .contains("denominator must be above 0")
        );
    }

    #[test]
    fn the_period_must_fit_the_frequency_and_have_ended() {
        let i = ind(Aggregation::Mean, Frequency::Quarterly);
        let e = Entry {
            value: Some(5.0),
            numerator: None,
            denominator: None,
        };
        assert_eq!(
            check_entry(&i, p("2025-02"), &e, today())
                .unwrap_err()
                .to_string(),
            "PL1 is reported quarterly: give a quarter like 2024/25 Q4, not 2025-02"
        );
        assert_eq!(check_entry(&i, p("2024/25 Q3"), &e, today()), Ok(5.0));
        // On 20 March, Q4 still has eleven days to run.
        assert!(check_entry(&i, p("2024/25 Q4"), &e, today()).is_err());
        let m = ind(Aggregation::Mean, Frequency::Monthly);
        assert_eq!(
            check_entry(&m, p("2025-04"), &e, today())
                .unwrap_err()
                .to_string(),
            "2025-04 ends on 30 April 2025: its figure is recorded once it has ended"
        );
    }

    #[test]
    fn a_month_is_recorded_once_it_has_ended() {
        let m = ind(Aggregation::Mean, Frequency::Monthly);
        let e = Entry {
            value: Some(5.0),
            numerator: None,
            denominator: None,
        };
        let on = |day: &str| check_entry(&m, p("2026-06"), &e, day.parse().unwrap());
        // On 10 June, and on its last day, June is still in progress.
        assert_eq!(
            on("2026-06-10").unwrap_err().to_string(),
            "2026-06 ends on 30 June 2026: its figure is recorded once it has ended"
        );
        assert!(on("2026-06-30").is_err());
        assert_eq!(on("2026-07-01"), Ok(5.0));
        // A quarter is recorded once its last month has ended.
        let q = ind(Aggregation::Mean, Frequency::Quarterly);
        assert_eq!(
            check_entry(&q, p("2026/27 Q1"), &e, "2026-06-30".parse().unwrap())
                .unwrap_err()
                .to_string(),
            "2026/27 Q1 ends on 30 June 2026: its figure is recorded once it has ended"
        );
        assert_eq!(
            check_entry(&q, p("2026/27 Q1"), &e, "2026-07-01".parse().unwrap()),
            Ok(5.0)
        );
    }

    #[test]
    fn a_missed_target_needs_commentary_and_action() {
        let amber = Judgement::new(
            Rag::Amber,
            crate::domain::status_rule::StatusRule::Intervention {
                target: 65.0,
                level: 60.0,
                decimals: 1,
                polarity: Polarity::Higher,
            },
        );
        assert_eq!(
            check_explained(&amber, "", "").unwrap_err().to_string(),
            "the value misses its target (amber: green ≥ 65.0; amber ≥ 60.0 (intervention level); red below), so it needs a commentary and a remedial action"
        );
        assert!(
            check_explained(&amber, "Staff vacancies", " ")
                .unwrap_err()
                .to_string()
                .ends_with("needs a remedial action")
        );
        assert_eq!(
            check_explained(&amber, "Staff vacancies", "Agency cover from March"),
            Ok(())
        );
        assert_eq!(
            check_explained(&Judgement::new(Rag::Green, amber.rule.clone()), "", ""),
            Ok(())
        );
    }
}
