//! Direction of travel: improving, same or worsening, judged with polarity at the
//! indicator's decimal places. The comparison is the same period last year (respecting
//! seasonality), falling back to the previous period when last year has no value.

use super::indicator::{Polarity, words};
use super::number::units;

words!(
    /// Which way performance moved.
    Direction, "direction" { Improving = "improving", Same = "same", Worsening = "worsening" }
);

impl Direction {
    /// An arrow that carries the direction without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Direction::Improving => "▲",
            Direction::Same => "►",
            Direction::Worsening => "▼",
        }
    }
}

/// The direction from `before` to `now`. Polarity `none` has no direction.
pub fn direction(polarity: Polarity, decimals: u8, now: f64, before: f64) -> Option<Direction> {
    let sign = match polarity {
        Polarity::Higher => 1,
        Polarity::Lower => -1,
        Polarity::None => return None,
    };
    let change = sign * (units(now, decimals) - units(before, decimals));
    Some(match change {
        c if c > 0 => Direction::Improving,
        0 => Direction::Same,
        _ => Direction::Worsening,
    })
}

/// Picks the comparator: last year's value if there is one, else the previous period's.
/// Returns the direction with the label of what it was compared against.
pub fn travel(
    polarity: Polarity,
    decimals: u8,
    now: f64,
    last_year: Option<(String, f64)>,
    previous: Option<(String, f64)>,
) -> Option<(Direction, String)> {
    let (label, before) = last_year.or(previous)?;
    direction(polarity, decimals, now, before).map(|d| (d, label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(Polarity::Higher, 96.0, 95.0, Some(Direction::Improving))]
    #[case(Polarity::Higher, 94.0, 95.0, Some(Direction::Worsening))]
    #[case(Polarity::Lower, 18.0, 20.0, Some(Direction::Improving))]
    #[case(Polarity::Lower, 22.0, 20.0, Some(Direction::Worsening))]
    #[case(Polarity::Higher, 95.04, 95.0, Some(Direction::Same))] // same at 1 decimal place
    #[case(Polarity::Higher, 95.06, 95.0, Some(Direction::Improving))] // 95.1 vs 95.0
    #[case(Polarity::None, 10.0, 5.0, None)]
    fn direction_respects_polarity_and_decimals(
        #[case] pol: Polarity,
        #[case] now: f64,
        #[case] before: f64,
        #[case] expected: Option<Direction>,
    ) {
        assert_eq!(direction(pol, 1, now, before), expected);
    }

    #[test]
    fn last_year_first_then_the_previous_period() {
        let last_year = Some(("2023/24 Q3".to_string(), 80.0));
        let previous = Some(("2024/25 Q2".to_string(), 95.0));
        // Against last year's 80 it improved, although it fell from last quarter's 95.
        assert_eq!(
            travel(Polarity::Higher, 0, 90.0, last_year, previous.clone()),
            Some((Direction::Improving, "2023/24 Q3".to_string()))
        );
        assert_eq!(
            travel(Polarity::Higher, 0, 90.0, None, previous),
            Some((Direction::Worsening, "2024/25 Q2".to_string()))
        );
        assert_eq!(travel(Polarity::Higher, 0, 90.0, None, None), None);
    }
}
