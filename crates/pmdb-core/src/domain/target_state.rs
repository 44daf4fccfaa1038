//! Targets are proposed, then approved (SPEC "Targets are proposed, then approved"): a year
//! rolled forward has draft targets, an owner proposes a target with a rationale, and the
//! performance team records the board that approved them. A status judged against a
//! target not yet approved says so. A year with no state on record is approved (targets
//! imported from a file are the council's approved ones).
//!
//! And the roll-forward itself: a new year's targets made from the last year's, each
//! changed by an uplift in the direction of its polarity and rounded to the indicator's
//! places, as a spreadsheet rounds.

use super::indicator::{Polarity, words};
use super::number::shown;
use super::period::FinYear;
use super::target::TargetRow;

words!(
    /// Where a year's targets for an indicator stand.
    TargetState, "target state" {
        Draft = "draft", Proposed = "proposed", Approved = "approved"
    }
);

impl TargetState {
    /// A status judged against a target in this state must say it is not yet agreed.
    pub fn agreed(self) -> bool {
        self == TargetState::Approved
    }
}

/// A figure changed by `uplift_pct` per cent in the direction of better: up where higher is
/// better, down where lower is, unchanged for a measure of no polarity; at `decimals`
/// places, half away from zero. 90 × 1.02 = 91.8; 12 days × 0.98 = 11.76 → 11.8 at one place.
pub fn uplifted(value: f64, polarity: Polarity, uplift_pct: f64, decimals: u8) -> f64 {
    let factor = match polarity {
        Polarity::Higher => 1.0 + uplift_pct / 100.0,
        Polarity::Lower => 1.0 - uplift_pct / 100.0,
        Polarity::None => 1.0,
    };
    shown(value * factor, decimals)
}

/// The targets a year rolled forward from the last gets: each of the last year's rows (the
/// annual target and every profile) a year later, target and intervention uplifted.
pub fn rolled_forward(
    last: &[TargetRow],
    year: FinYear,
    polarity: Polarity,
    uplift_pct: f64,
    decimals: u8,
) -> Vec<TargetRow> {
    let from = FinYear(year.0 - 1);
    last.iter()
        .filter(|t| t.year == from)
        .map(|t| TargetRow {
            year,
            period: t.period.map(|p| p.year_later()),
            target: uplifted(t.target, polarity, uplift_pct, decimals),
            intervention: t
                .intervention
                .map(|i| uplifted(i, polarity, uplift_pct, decimals)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::Period;

    #[test]
    fn an_uplift_goes_the_way_of_better_at_the_indicators_places() {
        assert_eq!(uplifted(90.0, Polarity::Higher, 2.0, 1), 91.8);
        assert_eq!(uplifted(80.0, Polarity::Higher, 2.0, 1), 81.6);
        // Lower is better: 12 days less 2 % is 11.76, 11.8 at one place.
        assert_eq!(uplifted(12.0, Polarity::Lower, 2.0, 1), 11.8);
        // Half away from zero as a spreadsheet rounds: 35 × 1.01 = 35.35 → 35.4.
        assert_eq!(uplifted(35.0, Polarity::Higher, 1.0, 1), 35.4);
        assert_eq!(uplifted(1605.0, Polarity::None, 5.0, 0), 1605.0);
        assert_eq!(uplifted(480.0, Polarity::Lower, 0.0, 0), 480.0);
    }

    #[test]
    fn a_year_rolls_forward_with_its_profiles_a_year_later() {
        let p = |s: &str| s.parse::<Period>().unwrap();
        let last = vec![
            TargetRow {
                year: FinYear(2026),
                period: None,
                target: 400.0,
                intervention: Some(440.0),
            },
            TargetRow {
                year: FinYear(2026),
                period: Some(p("2026/27 Q2")),
                target: 100.0,
                intervention: None,
            },
            TargetRow {
                year: FinYear(2025),
                period: None,
                target: 420.0,
                intervention: None,
            },
        ];
        let made = rolled_forward(&last, FinYear(2027), Polarity::Lower, 5.0, 0);
        assert_eq!(
            made,
            vec![
                TargetRow {
                    year: FinYear(2027),
                    period: None,
                    target: 380.0,
                    intervention: Some(418.0)
                },
                TargetRow {
                    year: FinYear(2027),
                    period: Some(p("2027/28 Q2")),
                    target: 95.0,
                    intervention: None
                },
            ]
        );
    }
}
