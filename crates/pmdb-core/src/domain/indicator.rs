//! What an indicator is: its kind, unit, polarity, frequency and how its periods roll up.
//! The enums are written in the CSV and JSON exactly as their `as_str` gives.

use serde::Serialize;

use super::period::{FinYear, Month, Period};
use super::rag::RagRule;

/// Declares a closed set of words with its written forms, so parsing, printing and the
/// message listing the accepted words all come from one table.
#[macro_export]
macro_rules! words {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted words, for messages: "higher, lower or none".
            pub fn choices() -> String {
                let all: Vec<&str> = Self::ALL.iter().map(|w| w.as_str()).collect();
                $crate::domain::words_list(&all)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::indicator::WordError;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                match s.trim() {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::domain::indicator::WordError {
                        text: other.to_string(),
                        what: $what,
                        choices: Self::choices(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Read back from its word, as a frozen status stores it.
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$name, D::Error> {
                let s = <String as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}
pub use crate::words;

words!(
    /// Where an indicator comes from and what it is for.
    IndicatorKind, "indicator kind" {
        Local = "local",
        Sdl = "sdl",
        Partner = "partner",
        Contextual = "contextual",
    }
);

words!(
    /// Which way is better.
    Polarity, "polarity" { Higher = "higher", Lower = "lower", None = "none" }
);

words!(
    /// How often a value is recorded.
    Frequency, "frequency" { Monthly = "monthly", Quarterly = "quarterly", Annual = "annual" }
);

/// A word not among those a set accepts: "'better' is not a polarity: use higher, lower or
/// none".
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "'{text}' is not {} {what}: use {choices}",
    crate::domain::article(what)
)]
pub struct WordError {
    pub text: String,
    pub what: &'static str,
    pub choices: String,
}

/// Which periods a frequency reports: the one rule every view, report and check uses.
impl Frequency {
    /// The period an indicator of this frequency reports a value for when `period` is
    /// asked: a quarterly indicator's quarter for a month, an annual indicator's year for a
    /// month or quarter; otherwise the period itself.
    pub fn natural_period(self, period: Period) -> Period {
        match (self, period) {
            (Frequency::Quarterly, Period::Month(m)) => Period::Quarter(m.quarter()),
            (Frequency::Annual, p) => Period::Year(p.fin_year()),
            (_, p) => p,
        }
    }

    /// The period of this frequency that holds `month` (its month, quarter or year).
    pub fn period_of(self, month: Month) -> Period {
        match self {
            Frequency::Monthly => Period::Month(month),
            Frequency::Quarterly => Period::Quarter(month.quarter()),
            Frequency::Annual => Period::Year(month.fin_year()),
        }
    }

    /// Every period of this frequency in a financial year, in order.
    pub fn periods_in(self, year: FinYear) -> Vec<Period> {
        match self {
            Frequency::Monthly => year.months().into_iter().map(Period::Month).collect(),
            Frequency::Quarterly => year.quarters().into_iter().map(Period::Quarter).collect(),
            Frequency::Annual => vec![Period::Year(year)],
        }
    }

    /// The latest period of this frequency that has ended by the end of `month`.
    pub fn latest_ended(self, month: Month) -> Period {
        let holding = self.period_of(month);
        if holding.last_month() == month {
            holding
        } else {
            holding.prev()
        }
    }

    /// A period of this frequency as people write it, for messages.
    pub fn example(self) -> &'static str {
        match self {
            Frequency::Monthly => "a month like 2025-02",
            Frequency::Quarterly => "a quarter like 2024/25 Q4",
            Frequency::Annual => "a financial year like 2024/25",
        }
    }
}

words!(
    /// How a quarter, year or year to date is derived from the recorded periods.
    Aggregation, "aggregation" {
        Sum = "sum",
        Mean = "mean",
        Latest = "latest",
        Ratio = "ratio",
        Max = "max",
        Min = "min",
    }
);

/// An indicator's definition, as the rules need it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Indicator {
    pub code: String,
    pub title: String,
    pub kind: IndicatorKind,
    pub unit: String,
    pub decimals: u8,
    pub polarity: Polarity,
    pub frequency: Frequency,
    pub aggregation: Aggregation,
    pub owner: String,
    /// The indicator's own RAG rule; `None` follows the council default.
    pub rag_rule: Option<RagRule>,
    /// The lowest plausible figure (`domain::bounds`), as the CSV column states it; JSON
    /// gives the bounds in force instead (`bounds::lower`, `bounds::upper`).
    #[serde(skip)]
    pub min: super::bounds::Bound,
    /// The highest plausible figure.
    #[serde(skip)]
    pub max: super::bounds::Bound,
    /// A running total (council tax collected to date): compared only with the same
    /// period last year, never with the previous period. Absent from definitions frozen
    /// before the column existed, where it was never set.
    #[serde(default)]
    pub cumulative: bool,
    /// Whole months its figures arrive after the council's deadline (a national quarterly
    /// return published three months after the quarter has 3): every deadline moves by it.
    #[serde(default)]
    pub lag: u8,
}

impl Indicator {
    /// What a ratio's Σnumerator/Σdenominator is multiplied by to give the value in the
    /// indicator's unit: 100 for `%`, N for a unit "per N …" (e.g. "per 100,000
    /// collections"), otherwise 1.
    pub fn ratio_scale(&self) -> f64 {
        let unit = self.unit.trim();
        if unit == "%" {
            return 100.0;
        }
        unit.strip_prefix("per ")
            .and_then(|rest| {
                let number: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == ',')
                    .filter(|c| *c != ',')
                    .collect();
                number.parse::<f64>().ok()
            })
            .filter(|n| *n > 0.0)
            .unwrap_or(1.0)
    }

    /// Contextual measures carry a direction but never a target.
    pub fn takes_targets(&self) -> bool {
        self.kind != IndicatorKind::Contextual && self.polarity != Polarity::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        match s.parse::<Period>() {
            Ok(Period::Month(m)) => m,
            _ => panic!("{s} is not a month"),
        }
    }

    #[test]
    fn quarterly_and_annual_indicators_ask_for_their_latest_ended_period() {
        assert_eq!(
            Frequency::Monthly.latest_ended(m("2026-10")).to_string(),
            "2026-10"
        );
        assert_eq!(
            Frequency::Quarterly.latest_ended(m("2026-10")).to_string(),
            "2026/27 Q2"
        );
        assert_eq!(
            Frequency::Quarterly.latest_ended(m("2026-09")).to_string(),
            "2026/27 Q2"
        );
        assert_eq!(
            Frequency::Quarterly.latest_ended(m("2026-04")).to_string(),
            "2025/26 Q4"
        );
        assert_eq!(
            Frequency::Annual.latest_ended(m("2026-10")).to_string(),
            "2025/26"
        );
        assert_eq!(
            Frequency::Annual.latest_ended(m("2027-03")).to_string(),
            "2026/27"
        );
    }

    #[test]
    fn a_frequency_names_its_periods() {
        assert_eq!(
            Frequency::Quarterly.period_of(m("2026-11")).to_string(),
            "2026/27 Q3"
        );
        assert_eq!(
            Frequency::Annual.period_of(m("2027-01")).to_string(),
            "2026/27"
        );
        let q: Vec<String> = Frequency::Quarterly
            .periods_in(FinYear(2026))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(q, ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3", "2026/27 Q4"]);
        assert_eq!(Frequency::Monthly.periods_in(FinYear(2026)).len(), 12);
    }

    fn with_unit(unit: &str) -> Indicator {
        Indicator {
            code: "X".into(),
            title: "X".into(),
            kind: IndicatorKind::Local,
            unit: unit.into(),
            decimals: 1,
            polarity: Polarity::Higher,
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
    fn ratio_scale_follows_the_unit() {
        assert_eq!(with_unit("%").ratio_scale(), 100.0);
        assert_eq!(
            with_unit("per 100,000 collections").ratio_scale(),
            100_000.0
        );
        assert_eq!(with_unit("per 1000 population").ratio_scale(), 1000.0);
        assert_eq!(with_unit("days").ratio_scale(), 1.0);
        assert_eq!(with_unit("per household").ratio_scale(), 1.0);
    }

    #[test]
    fn words_parse_and_refuse_with_the_choices() {
        assert_eq!("lower".parse::<Polarity>(), Ok(Polarity::Lower));
        assert_eq!("ratio".parse::<Aggregation>(), Ok(Aggregation::Ratio));
        assert_eq!(
            "better".parse::<Polarity>().unwrap_err().to_string(),
            "'better' is not a polarity: use higher, lower or none"
        );
        assert_eq!(
            "weekly".parse::<Frequency>().unwrap_err().to_string(),
            "'weekly' is not a frequency: use monthly, quarterly or annual"
        );
    }
}
