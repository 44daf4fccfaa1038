//! Direction of travel: improving, same or worsening, judged with polarity at the
//! indicator's decimal places. Which period it is judged against (the same period last
//! year, else the previous one, like with like only) is `assess::Series`'s.

use super::indicator::{Polarity, words};
use super::number::units;
use super::period::Period;

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

/// The length of a recorded period, for saying how windows were compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Span {
    Month,
    Quarter,
    Year,
}

impl Span {
    /// The span of a recorded period.
    pub fn of(period: Period) -> Span {
        match period {
            Period::Month(_) => Span::Month,
            Period::Quarter(_) => Span::Quarter,
            Period::Year(_) => Span::Year,
        }
    }

    pub fn one(self) -> &'static str {
        match self {
            Span::Month => "month",
            Span::Quarter => "quarter",
            Span::Year => "year",
        }
    }

    pub fn many(self) -> &'static str {
        match self {
            Span::Month => "months",
            Span::Quarter => "quarters",
            Span::Year => "years",
        }
    }
}

/// The period a direction was judged against, and, where the windows were unequal (a
/// `sum` collected for fewer months in one), the span each was taken per.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Compared {
    pub period: Period,
    pub per: Option<Span>,
}

impl Compared {
    pub fn with(period: Period) -> Compared {
        Compared { period, per: None }
    }
}

/// "2024/25 Q1", or "2024/25 Q1, per month".
impl std::fmt::Display for Compared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.per {
            None => write!(f, "{}", self.period),
            Some(span) => write!(f, "{}, per {}", self.period, span.one()),
        }
    }
}

/// For `#[serde(deserialize_with)]`: the period compared with as sign-off keeps it,
/// typed, or as words a sign-off made before pmdb kept it typed froze ("2024/25 Q1, per
/// month"), which name nothing but the period and the span.
pub fn compared_typed_or_frozen<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Compared>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Kept {
        Typed(Compared),
        Words(String),
    }
    let Some(kept) = <Option<Kept> as serde::Deserialize>::deserialize(d)? else {
        return Ok(None);
    };
    let words = match kept {
        Kept::Typed(c) => return Ok(Some(c)),
        Kept::Words(w) => w,
    };
    let (period, per) = match words.split_once(", per ") {
        Some((period, span)) => {
            let span = [Span::Month, Span::Quarter, Span::Year]
                .into_iter()
                .find(|s| s.one() == span)
                .ok_or_else(|| serde::de::Error::custom(format!("{words:?}: not a span")))?;
            (period, Some(span))
        }
        None => (words.as_str(), None),
    };
    let period = period.parse().map_err(serde::de::Error::custom)?;
    Ok(Some(Compared { period, per }))
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

    #[test]
    fn the_period_compared_with_reads_back_typed_or_from_old_words() {
        let q1: Period = "2024/25 Q1".parse().unwrap();
        let per_month = Compared {
            period: q1,
            per: Some(Span::Month),
        };
        assert_eq!(per_month.to_string(), "2024/25 Q1, per month");
        assert_eq!(Compared::with(q1).to_string(), "2024/25 Q1");
        for compared in [per_month, Compared::with(q1)] {
            let typed = serde_json::to_string(&compared).unwrap();
            let words = serde_json::to_string(&compared.to_string()).unwrap();
            for kept in [typed, words] {
                let mut read = serde_json::Deserializer::from_str(&kept);
                assert_eq!(
                    compared_typed_or_frozen(&mut read).unwrap(),
                    Some(compared.clone())
                );
            }
        }
        let mut read = serde_json::Deserializer::from_str("null");
        assert_eq!(compared_typed_or_frozen(&mut read).unwrap(), None);
    }
}
