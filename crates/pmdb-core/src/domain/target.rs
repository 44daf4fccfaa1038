//! Which target and intervention level apply to a period.
//!
//! A profiled target for the month or quarter always wins. Otherwise the annual target
//! applies as it is, for an indicator aggregated by mean, latest, ratio, max or min. For one
//! aggregated by sum, an unprofiled annual target is spread evenly: a month's target is a
//! twelfth of it, a quarter's a quarter, year to date the share of the months it covers; the
//! intervention level likewise. A sum over several recorded periods takes the sum of their
//! targets, so profiled months add up to their quarter's target.

use std::collections::HashMap;

use serde::Serialize;

use super::indicator::{Aggregation, Frequency, Indicator, IndicatorKind, Polarity};
use super::period::{FinYear, Period};
use super::rag::Threshold;
use super::target_state::TargetState;

/// One row of targets: an annual target (`period` None) or a profiled one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    pub year: FinYear,
    pub period: Option<Period>,
    pub target: f64,
    pub intervention: Option<f64>,
}

/// An indicator's targets, indexed for look-up.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    annual: HashMap<FinYear, Threshold>,
    profiled: HashMap<Period, Threshold>,
    /// The years whose targets are not yet approved, and where they stand.
    unagreed: HashMap<FinYear, TargetState>,
}

impl Targets {
    pub fn new(rows: &[TargetRow]) -> Targets {
        let mut t = Targets::default();
        for r in rows {
            let th = Threshold {
                target: r.target,
                intervention: r.intervention,
            };
            match r.period {
                None => t.annual.insert(r.year, th),
                Some(p) => t.profiled.insert(p, th),
            };
        }
        t
    }

    /// These targets, with where each year not yet approved stands (none: all approved).
    pub fn with_states(
        mut self,
        states: impl IntoIterator<Item = (FinYear, TargetState)>,
    ) -> Targets {
        self.unagreed = states.into_iter().filter(|(_, s)| !s.agreed()).collect();
        self
    }

    /// Where a year's targets stand: approved unless a state says otherwise.
    pub fn state(&self, year: FinYear) -> TargetState {
        self.unagreed
            .get(&year)
            .copied()
            .unwrap_or(TargetState::Approved)
    }

    pub fn is_empty(&self) -> bool {
        self.annual.is_empty() && self.profiled.is_empty()
    }

    pub fn annual(&self, year: FinYear) -> Option<Threshold> {
        self.annual.get(&year).copied()
    }

    /// The target of one recorded period taken alone, as a part of a sum.
    fn part(&self, p: Period) -> Option<Threshold> {
        if let Some(t) = self.profiled.get(&p) {
            return Some(*t);
        }
        // A month inside a profiled quarter takes a third of that quarter.
        if let Period::Month(m) = p
            && let Some(q) = self.profiled.get(&Period::Quarter(m.quarter()))
        {
            {
                return Some(scale(*q, 1.0 / 3.0));
            }
        }
        let per_year = match p {
            Period::Month(_) => 12.0,
            Period::Quarter(_) => 4.0,
            Period::Year(_) => 1.0,
        };
        self.annual(p.fin_year()).map(|t| scale(t, 1.0 / per_year))
    }

    /// The threshold for a value covering `parts` (the recorded periods it is made of, or
    /// all the periods expected when none has a value yet), out of `expected` recorded
    /// periods in the window. `named` is the window when it is a month, quarter or year;
    /// None for year to date.
    pub fn threshold(
        &self,
        aggregation: Aggregation,
        named: Option<Period>,
        parts: &[Period],
        expected: usize,
    ) -> Option<Threshold> {
        let year = named
            .map(Period::fin_year)
            .or_else(|| parts.first().map(|p| p.fin_year()))?;
        let profiled = named.and_then(|p| self.profiled.get(&p).copied());
        // A snapshot is judged against its own month: a quarter (or year to date) of a
        // `latest` indicator with no target of its own takes the profile of the period its
        // figure comes from, so council tax collected by September is held to September's
        // 57 %, not March's 97.5 %. A year's own target is its annual target.
        if aggregation == Aggregation::Latest
            && profiled.is_none()
            && !matches!(named, Some(Period::Year(_)))
            && let Some(own) = parts.last().and_then(|p| self.profiled.get(p))
        {
            return Some(*own);
        }
        if aggregation != Aggregation::Sum {
            return profiled.or_else(|| self.annual(year));
        }
        if let Some(t) = profiled {
            // A partial sum is held to the share of the profile its periods make up.
            let share = if expected == 0 {
                1.0
            } else {
                parts.len() as f64 / expected as f64
            };
            return Some(scale(t, share.min(1.0)));
        }
        let mut target = 0.0;
        let mut intervention = Some(0.0);
        for p in parts {
            let t = self.part(*p)?;
            target += t.target;
            intervention = intervention.zip(t.intervention).map(|(a, b)| a + b);
        }
        (!parts.is_empty()).then_some(Threshold {
            target,
            intervention,
        })
    }
}

fn scale(t: Threshold, by: f64) -> Threshold {
    Threshold {
        target: t.target * by,
        intervention: t.intervention.map(|i| i * by),
    }
}

/// A target row its indicator cannot take, saying what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TargetError {
    #[error("{code} is a data-only measure ({kind}, polarity {polarity}) and takes no target")]
    DataOnly {
        code: String,
        kind: IndicatorKind,
        polarity: Polarity,
    },
    #[error("target and intervention must be finite numbers")]
    NotFinite,
    #[error("period {period} is not in the financial year {year}")]
    OutsideYear { period: Period, year: FinYear },
    #[error(
        "a profiled target must be a month or quarter a {frequency} indicator reports; '{period}' is not (leave period blank for the annual target)"
    )]
    NotAProfile {
        frequency: Frequency,
        period: Period,
    },
    #[error(
        "intervention level {intervention} is {side} the target {target} for a {polarity}-is-better indicator"
    )]
    WrongSide {
        intervention: f64,
        side: &'static str,
        target: f64,
        polarity: Polarity,
    },
}

/// Checks a target row against its indicator; the refusal says what is wrong.
pub fn validate(ind: &Indicator, row: &TargetRow) -> Result<(), TargetError> {
    if !ind.takes_targets() {
        return Err(TargetError::DataOnly {
            code: ind.code.clone(),
            kind: ind.kind,
            polarity: ind.polarity,
        });
    }
    if !row.target.is_finite() || !row.intervention.is_none_or(f64::is_finite) {
        return Err(TargetError::NotFinite);
    }
    if let Some(p) = row.period {
        if p.fin_year() != row.year {
            return Err(TargetError::OutsideYear {
                period: p,
                year: row.year,
            });
        }
        let fits = match (p, ind.frequency) {
            (Period::Month(_), Frequency::Monthly) => true,
            (Period::Quarter(_), Frequency::Monthly | Frequency::Quarterly) => true,
            (Period::Year(_), _) => false,
            _ => false,
        };
        if !fits {
            return Err(TargetError::NotAProfile {
                frequency: ind.frequency,
                period: p,
            });
        }
    }
    if let Some(i) = row.intervention {
        let wrong = match ind.polarity {
            Polarity::Higher => i > row.target,
            Polarity::Lower => i < row.target,
            Polarity::None => false,
        };
        if wrong {
            let side = if ind.polarity == Polarity::Higher {
                "above"
            } else {
                "below"
            };
            return Err(TargetError::WrongSide {
                intervention: i,
                side,
                target: row.target,
                polarity: ind.polarity,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn annual(target: f64, intervention: f64) -> TargetRow {
        TargetRow {
            year: FinYear(2024),
            period: None,
            target,
            intervention: Some(intervention),
        }
    }

    fn profile(period: &str, target: f64, intervention: f64) -> TargetRow {
        TargetRow {
            year: FinYear(2024),
            period: Some(p(period)),
            target,
            intervention: Some(intervention),
        }
    }

    fn months(of: &str) -> Vec<Period> {
        p(of).months().into_iter().map(Period::Month).collect()
    }

    #[test]
    fn mean_latest_ratio_max_min_use_the_annual_target_as_it_is() {
        let t = Targets::new(&[annual(95.0, 90.0)]);
        for agg in [
            Aggregation::Mean,
            Aggregation::Latest,
            Aggregation::Ratio,
            Aggregation::Max,
            Aggregation::Min,
        ] {
            for window in ["2024-05", "2024/25 Q2", "2024/25"] {
                let got = t.threshold(agg, Some(p(window)), &months(window), months(window).len());
                assert_eq!(
                    got,
                    Some(Threshold {
                        target: 95.0,
                        intervention: Some(90.0)
                    }),
                    "{agg} {window}"
                );
            }
        }
    }

    #[test]
    fn a_snapshot_quarter_takes_the_target_of_its_own_month() {
        // Council tax collected, cumulative, profiled month by month: 57 % by September,
        // 97.5 % by March; the year's own target is 97.5.
        let t = Targets::new(&[
            annual(97.5, 96.0),
            profile("2024-09", 57.0, 55.0),
            profile("2025-03", 97.5, 96.0),
        ]);
        let q2 = t.threshold(
            Aggregation::Latest,
            Some(p("2024/25 Q2")),
            &months("2024/25 Q2"),
            3,
        );
        assert_eq!(
            q2,
            Some(Threshold {
                target: 57.0,
                intervention: Some(55.0)
            })
        );
        // With only July and August in, Q2's figure is August's: no profile, so annual.
        let so_far = t.threshold(
            Aggregation::Latest,
            Some(p("2024/25 Q2")),
            &[p("2024-07"), p("2024-08")],
            3,
        );
        assert_eq!(so_far.map(|t| t.target), Some(97.5));
        // The year is judged against its annual target.
        let year = t.threshold(
            Aggregation::Latest,
            Some(p("2024/25")),
            &months("2024/25"),
            12,
        );
        assert_eq!(year.map(|t| t.target), Some(97.5));
    }

    #[test]
    fn sum_spreads_an_unprofiled_annual_target_evenly() {
        // 1,200 leisure visits a year, intervention 960.
        let t = Targets::new(&[annual(1200.0, 960.0)]);
        let month = t
            .threshold(Aggregation::Sum, Some(p("2024-05")), &months("2024-05"), 1)
            .unwrap();
        assert_eq!((month.target, month.intervention), (100.0, Some(80.0)));
        let quarter = t
            .threshold(
                Aggregation::Sum,
                Some(p("2024/25 Q2")),
                &months("2024/25 Q2"),
                3,
            )
            .unwrap();
        assert_eq!((quarter.target, quarter.intervention), (300.0, Some(240.0)));
        let year = t
            .threshold(Aggregation::Sum, Some(p("2024/25")), &months("2024/25"), 12)
            .unwrap();
        assert_eq!((year.target, year.intervention), (1200.0, Some(960.0)));
        // Year to date at November: eight months elapsed, 8/12 of the year.
        let ytd: Vec<Period> = p("2024-11")
            .year_to_date()
            .into_iter()
            .map(Period::Month)
            .collect();
        let ytd = t.threshold(Aggregation::Sum, None, &ytd, 8).unwrap();
        assert_eq!((ytd.target, ytd.intervention), (800.0, Some(640.0)));
    }

    #[test]
    fn a_quarterly_sum_indicator_takes_a_quarter_per_quarter() {
        let t = Targets::new(&[annual(400.0, 300.0)]);
        let q: Vec<Period> = vec![p("2024/25 Q1"), p("2024/25 Q2")];
        let ytd = t.threshold(Aggregation::Sum, None, &q, 2).unwrap();
        assert_eq!((ytd.target, ytd.intervention), (200.0, Some(150.0)));
    }

    #[test]
    fn a_profiled_target_always_wins() {
        let t = Targets::new(&[
            annual(95.0, 90.0),
            profile("2024-12", 85.0, 80.0),
            profile("2024/25 Q4", 88.0, 84.0),
        ]);
        let dec = t
            .threshold(Aggregation::Mean, Some(p("2024-12")), &months("2024-12"), 1)
            .unwrap();
        assert_eq!((dec.target, dec.intervention), (85.0, Some(80.0)));
        let nov = t
            .threshold(Aggregation::Mean, Some(p("2024-11")), &months("2024-11"), 1)
            .unwrap();
        assert_eq!(nov.target, 95.0);
        let q4 = t
            .threshold(
                Aggregation::Mean,
                Some(p("2024/25 Q4")),
                &months("2024/25 Q4"),
                3,
            )
            .unwrap();
        assert_eq!((q4.target, q4.intervention), (88.0, Some(84.0)));
        // For a sum, the profiled quarter wins over the spread annual target.
        let t = Targets::new(&[annual(1200.0, 960.0), profile("2024/25 Q3", 450.0, 400.0)]);
        let q3 = t
            .threshold(
                Aggregation::Sum,
                Some(p("2024/25 Q3")),
                &months("2024/25 Q3"),
                3,
            )
            .unwrap();
        assert_eq!((q3.target, q3.intervention), (450.0, Some(400.0)));
        // ...and a month in it takes a third of the profile.
        let oct = t
            .threshold(Aggregation::Sum, Some(p("2024-10")), &months("2024-10"), 1)
            .unwrap();
        assert_eq!(oct.target, 150.0);
        assert!((oct.intervention.unwrap() - 133.333_333).abs() < 1e-6);
    }

    #[test]
    fn profiled_months_add_up_in_a_sum() {
        let t = Targets::new(&[
            annual(1200.0, 960.0),
            profile("2024-04", 50.0, 40.0),
            profile("2024-05", 150.0, 120.0),
        ]);
        let q1 = t
            .threshold(
                Aggregation::Sum,
                Some(p("2024/25 Q1")),
                &months("2024/25 Q1"),
                3,
            )
            .unwrap();
        // 50 + 150 + the unprofiled June's 100.
        assert_eq!((q1.target, q1.intervention), (300.0, Some(240.0)));
    }

    #[test]
    fn a_partial_sum_is_held_to_the_share_it_covers() {
        let t = Targets::new(&[annual(1200.0, 960.0)]);
        let two_months = vec![p("2024-10"), p("2024-11")];
        let q3 = t
            .threshold(Aggregation::Sum, Some(p("2024/25 Q3")), &two_months, 3)
            .unwrap();
        assert_eq!((q3.target, q3.intervention), (200.0, Some(160.0)));
    }

    #[test]
    fn no_target_for_the_year_means_none() {
        let t = Targets::new(&[annual(95.0, 90.0)]);
        assert_eq!(
            t.threshold(Aggregation::Mean, Some(p("2025-05")), &months("2025-05"), 1),
            None
        );
        assert_eq!(
            t.threshold(Aggregation::Sum, Some(p("2025-05")), &months("2025-05"), 1),
            None
        );
    }

    fn indicator(polarity: Polarity) -> Indicator {
        Indicator {
            code: "CT1".into(),
            title: "Council tax collected".into(),
            kind: crate::domain::indicator::IndicatorKind::Local,
            unit: "%".into(),
            decimals: 1,
            polarity,
            frequency: Frequency::Monthly,
            aggregation: Aggregation::Ratio,
            owner: String::new(),
            rag_rule: None,
            min: crate::domain::bounds::Bound::Default,
            max: crate::domain::bounds::Bound::Default,
            cumulative: false,
            lag: 0,
        }
    }

    #[test]
    fn validation_names_what_is_wrong() {
        let higher = indicator(Polarity::Higher);
        assert_eq!(validate(&higher, &annual(95.0, 90.0)), Ok(()));
        assert_eq!(
            validate(&higher, &annual(95.0, 97.0))
                .unwrap_err()
                .to_string(),
            "intervention level 97 is above the target 95 for a higher-is-better indicator"
        );
        let lower = indicator(Polarity::Lower);
        assert!(
            validate(&lower, &annual(20.0, 18.0))
                .unwrap_err()
                .to_string()
                .contains("below the target 20")
        );
        assert!(
            validate(&indicator(Polarity::None), &annual(1.0, 1.0))
                .unwrap_err()
                .to_string()
                .contains("data-only")
        );
        let wrong_year = TargetRow {
            year: FinYear(2025),
            ..profile("2024-12", 90.0, 85.0)
        };
        assert_eq!(
            validate(&higher, &wrong_year).unwrap_err().to_string(),
            "period 2024-12 is not in the financial year 2025/26"
        );
    }
}
