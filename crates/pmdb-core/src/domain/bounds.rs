//! Plausible figures: every indicator has a lower and an upper bound, and a value outside
//! them is refused rather than judged (150 % of council tax collected is not green; minus
//! three sickness days is not a good month). Blank means the default: a lower bound of 0
//! (most measures cannot be negative) and no upper bound, except for `%`, capped at 100.
//! `none` removes a bound (a budget variance, a net change in jobs).

use std::fmt;

use super::indicator::Indicator;
use super::number::fmt_decimals;

/// One bound of an indicator, as its CSV column states it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Bound {
    /// Blank: the default for the indicator's unit.
    #[default]
    Default,
    /// `none`: no bound on this side.
    Unbounded,
    /// A figure.
    At(f64),
}

impl Bound {
    /// Reads a bound as written in the CSV column: blank, `none` or a plain number.
    pub fn parse(text: &str) -> Result<Bound, NotABound> {
        match text.trim() {
            "" => Ok(Bound::Default),
            t if t.eq_ignore_ascii_case("none") => Ok(Bound::Unbounded),
            t => match t.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(Bound::At(x)),
                _ => Err(NotABound(t.to_string())),
            },
        }
    }
}

/// A bound column holding neither a number, `none` nor nothing (the text, trimmed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "'{0}' is not a bound: write a number, `none` for no bound, or leave it blank for the default"
)]
pub struct NotABound(pub String);

impl fmt::Display for Bound {
    /// As written back to the CSV column.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Default => Ok(()),
            Bound::Unbounded => f.write_str("none"),
            Bound::At(x) => write!(f, "{x}"),
        }
    }
}

/// The lower bound in force: 0 unless the indicator says otherwise.
pub fn lower(ind: &Indicator) -> Option<f64> {
    match ind.min {
        Bound::Default => Some(0.0),
        Bound::Unbounded => None,
        Bound::At(x) => Some(x),
    }
}

/// The upper bound in force: 100 for a percentage, none otherwise, unless the indicator
/// says otherwise.
pub fn upper(ind: &Indicator) -> Option<f64> {
    match ind.max {
        Bound::Default if ind.unit.trim() == "%" => Some(100.0),
        Bound::Default | Bound::Unbounded => None,
        Bound::At(x) => Some(x),
    }
}

/// A figure outside its indicator's bounds, naming the bound and how to change it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OutOfBounds {
    #[error(
        "the {name} {value} is below {code}'s lowest plausible figure, {bound}; if it is right, change the indicator's `min` column (a number, or none for no lower bound)"
    )]
    Below {
        name: &'static str,
        code: String,
        value: String,
        bound: String,
    },
    #[error(
        "the {name} {value} is above {code}'s highest plausible figure, {bound}; if it is right, change the indicator's `max` column (a number, or none for no upper bound)"
    )]
    Above {
        name: &'static str,
        code: String,
        value: String,
        bound: String,
    },
}

/// Whether a figure (the value, or a ratio's computed value) lies within the bounds.
pub fn check_bounds(ind: &Indicator, name: &'static str, value: f64) -> Result<(), OutOfBounds> {
    let dp = ind.decimals;
    let show = |x: f64| fmt_decimals(x, dp.max(decimals_of(x)));
    if let Some(min) = lower(ind)
        && value < min
    {
        return Err(OutOfBounds::Below {
            name,
            code: ind.code.clone(),
            value: show(value),
            bound: show(min),
        });
    }
    if let Some(max) = upper(ind)
        && value > max
    {
        return Err(OutOfBounds::Above {
            name,
            code: ind.code.clone(),
            value: show(value),
            bound: show(max),
        });
    }
    Ok(())
}

/// How many decimal places a figure is written with ("0.80" is 2, "150" is 0).
pub fn decimals_of(x: f64) -> u8 {
    let text = format!("{x}");
    text.split_once('.')
        .map_or(0, |(_, d)| d.len().min(6) as u8)
}

/// "0.83 is shown and judged as 0.8": said when a figure has more decimals than the
/// indicator shows; None when it is shown as typed.
pub fn shown_as(ind: &Indicator, typed: &str, value: f64) -> Option<String> {
    let typed = typed.trim();
    // A `%` measure's value may carry its sign (`87.55%`): the places are the number's.
    let number = typed.strip_suffix('%').unwrap_or(typed).trim_end();
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
    (decimals > ind.decimals as usize).then(|| {
        format!(
            "{typed} is shown and judged as {}",
            fmt_decimals(value, ind.decimals)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::{Aggregation, Frequency, IndicatorKind, Polarity};

    fn ind(unit: &str, min: Bound, max: Bound) -> Indicator {
        Indicator {
            code: "X1".into(),
            title: "X".into(),
            kind: IndicatorKind::Local,
            unit: unit.into(),
            decimals: 1,
            polarity: Polarity::Higher,
            frequency: Frequency::Monthly,
            aggregation: Aggregation::Mean,
            owner: String::new(),
            rag_rule: None,
            min,
            max,
            cumulative: false,
            lag: 0,
        }
    }

    #[test]
    fn defaults_and_overrides() {
        let pct = ind("%", Bound::Default, Bound::Default);
        assert_eq!((lower(&pct), upper(&pct)), (Some(0.0), Some(100.0)));
        assert!(check_bounds(&pct, "value", 100.0).is_ok());
        let err = check_bounds(&pct, "value", 150.0).unwrap_err().to_string();
        assert!(
            err.starts_with("the value 150.0 is above X1's highest plausible figure, 100.0"),
            "{err}"
        );
        let days = ind("days", Bound::Default, Bound::Default);
        assert_eq!(upper(&days), None);
        let err = check_bounds(&days, "value", -3.0).unwrap_err().to_string();
        assert!(
            err.contains("below X1's lowest plausible figure, 0.0"),
            "{err}"
        );
        assert!(err.contains("`min` column"), "{err}");
        let variance = ind("£", Bound::Unbounded, Bound::Unbounded);
        assert!(check_bounds(&variance, "value", -5000.0).is_ok());
        let capped = ind("%", Bound::At(0.0), Bound::Unbounded);
        assert!(check_bounds(&capped, "value", 130.0).is_ok());
        assert_eq!(Bound::parse(" None "), Ok(Bound::Unbounded));
        assert_eq!(Bound::parse("-20"), Ok(Bound::At(-20.0)));
        assert_eq!(
            Bound::parse(" lots ").unwrap_err().to_string(),
            "'lots' is not a bound: write a number, `none` for no bound, or leave it blank for the default"
        );
        assert_eq!(Bound::At(-20.0).to_string(), "-20");
    }

    #[test]
    fn more_decimals_than_shown_are_said() {
        let one = Indicator {
            decimals: 0,
            ..ind("days", Bound::Default, Bound::Default)
        };
        assert_eq!(
            shown_as(&one, "0.80", 0.8).as_deref(),
            Some("0.80 is shown and judged as 1")
        );
        assert_eq!(shown_as(&one, "3", 3.0), None);
    }
}
