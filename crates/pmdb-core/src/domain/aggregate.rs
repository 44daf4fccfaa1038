//! Deriving a quarter, a year or a year to date from the recorded periods: sum, mean,
//! latest (a snapshot), ratio (Σnumerator / Σdenominator, never a mean of percentages),
//! max and min. A window with fewer values than it expects is partial, and says so.

use serde::Serialize;

use super::indicator::Aggregation;
use super::period::Period;

/// One recorded value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    pub period: Period,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

/// A value derived over a window of recorded periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub value: f64,
    /// The recorded periods the value is made of, in order.
    pub parts: Vec<Period>,
    /// How many recorded periods the window holds.
    pub expected: usize,
}

impl Aggregate {
    pub fn is_partial(&self) -> bool {
        self.parts.len() < self.expected
    }

    /// "partial: 2 of 3 months"-style label, or None for a complete window.
    pub fn partial_label(&self) -> Option<String> {
        let unit = match self.parts.first() {
            Some(Period::Quarter(_)) => "quarters",
            Some(Period::Year(_)) => "years",
            _ => "months",
        };
        self.is_partial()
            .then(|| format!("partial: {} of {} {unit}", self.parts.len(), self.expected))
    }

    pub fn latest(&self) -> Option<Period> {
        self.parts.last().copied()
    }
}

/// Derives the value of a window from its observations (in period order). `scale` turns a
/// ratio into the unit (100 for a percentage). None when nothing in the window can be used.
pub fn aggregate(
    how: Aggregation,
    scale: f64,
    observations: &[&Observation],
    expected: usize,
) -> Option<Aggregate> {
    let used: Vec<&Observation> = match how {
        // A ratio can only use the periods that carry both halves of the fraction.
        Aggregation::Ratio => observations
            .iter()
            .copied()
            .filter(|o| o.numerator.is_some() && o.denominator.is_some())
            .collect(),
        _ => observations.to_vec(),
    };
    let last = used.last()?;
    let values = used.iter().map(|o| o.value);
    let value = match how {
        Aggregation::Sum => values.sum(),
        Aggregation::Mean => values.sum::<f64>() / used.len() as f64,
        Aggregation::Latest => last.value,
        Aggregation::Max => values.fold(f64::NEG_INFINITY, f64::max),
        Aggregation::Min => values.fold(f64::INFINITY, f64::min),
        Aggregation::Ratio => {
            let num: f64 = used.iter().filter_map(|o| o.numerator).sum();
            let den: f64 = used.iter().filter_map(|o| o.denominator).sum();
            if den == 0.0 {
                return None;
            }
            num / den * scale
        }
    };
    Some(Aggregate {
        value,
        parts: used.iter().map(|o| o.period).collect(),
        expected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(period: &str, value: f64) -> Observation {
        Observation {
            period: period.parse().unwrap(),
            value,
            numerator: None,
            denominator: None,
        }
    }

    fn frac(period: &str, num: f64, den: f64) -> Observation {
        Observation {
            period: period.parse().unwrap(),
            value: num / den * 100.0,
            numerator: Some(num),
            denominator: Some(den),
        }
    }

    fn q1() -> Vec<Observation> {
        vec![
            obs("2024-04", 10.0),
            obs("2024-05", 40.0),
            obs("2024-06", 25.0),
        ]
    }

    fn run(how: Aggregation, o: &[Observation]) -> f64 {
        let refs: Vec<&Observation> = o.iter().collect();
        aggregate(how, 100.0, &refs, 3).unwrap().value
    }

    #[test]
    fn each_aggregation_over_a_full_quarter() {
        assert_eq!(run(Aggregation::Sum, &q1()), 75.0);
        assert_eq!(run(Aggregation::Mean, &q1()), 25.0);
        assert_eq!(run(Aggregation::Latest, &q1()), 25.0);
        assert_eq!(run(Aggregation::Max, &q1()), 40.0);
        assert_eq!(run(Aggregation::Min, &q1()), 10.0);
    }

    #[test]
    fn ratio_is_the_sum_of_numerators_over_the_sum_of_denominators() {
        // Major planning applications decided in time: 9/10, 1/2, 18/20 in the quarter.
        let months = vec![
            frac("2024-04", 9.0, 10.0),
            frac("2024-05", 1.0, 2.0),
            frac("2024-06", 18.0, 20.0),
        ];
        let ratio = run(Aggregation::Ratio, &months);
        // 28 / 32 = 87.5%.
        assert_eq!(ratio, 87.5);
        // The mean of the monthly percentages (90, 50, 90) would claim 76.67%: wrong.
        let mean = run(Aggregation::Mean, &months);
        assert!((mean - 76.666_666).abs() < 1e-3, "{mean}");
        assert_ne!(ratio, mean);
    }

    #[test]
    fn ratio_with_nothing_to_divide_by_has_no_value() {
        let months = [frac("2024-04", 0.0, 0.0)];
        let refs: Vec<&Observation> = months.iter().collect();
        assert_eq!(aggregate(Aggregation::Ratio, 100.0, &refs, 3), None);
    }

    #[test]
    fn a_partial_quarter_is_labelled_partial() {
        let two = [obs("2024-10", 12.0), obs("2024-11", 8.0)];
        let refs: Vec<&Observation> = two.iter().collect();
        let agg = aggregate(Aggregation::Sum, 1.0, &refs, 3).unwrap();
        assert_eq!(agg.value, 20.0);
        assert!(agg.is_partial());
        assert_eq!(
            agg.partial_label().as_deref(),
            Some("partial: 2 of 3 months")
        );
        assert_eq!(agg.latest().unwrap().to_string(), "2024-11");
        let full = aggregate(Aggregation::Sum, 1.0, &q1().iter().collect::<Vec<_>>(), 3).unwrap();
        assert_eq!(full.partial_label(), None);
    }

    #[test]
    fn an_empty_window_has_no_value() {
        assert_eq!(aggregate(Aggregation::Sum, 1.0, &[], 3), None);
    }
}
