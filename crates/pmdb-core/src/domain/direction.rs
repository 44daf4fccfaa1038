//! Direction of travel: improving, same or worsening, judged with polarity at the
//! indicator's decimal places. Which period it is judged against (the same period last
//! year, else the previous one, like with like only) is `assess::Series`'s.

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
}
