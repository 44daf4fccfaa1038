//! Figures as they are shown: a value printed at an indicator's decimal places, and the
//! same value as whole units of its last shown place, so comparisons agree with print.

/// The value printed at `decimals` places ("94.96" at 1 place is "95.0").
pub fn fmt_decimals(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", decimals as usize, value);
    // "-0.0" reads as a different figure from "0.0"; they are the same value.
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_string()
    } else {
        text
    }
}

/// No figure's size may reach this (10^15): beyond it a figure is no council's measure,
/// and f64 no longer holds every unit of its last decimal place.
pub const FIGURE_LIMIT: f64 = 1e15;

/// A figure pmdb does not accept, naming which figure (value, numerator, denominator).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FigureError {
    #[error("the {name} must be a number")]
    NotANumber { name: &'static str },
    #[error(
        "the {name} {value:e} is too large: a figure must be smaller than 1,000,000,000,000,000 (10^15)"
    )]
    TooLarge { name: &'static str, value: f64 },
}

/// Whether a figure is one pmdb accepts: finite and smaller in size than `FIGURE_LIMIT`.
pub fn check_figure(name: &'static str, x: f64) -> Result<(), FigureError> {
    if !x.is_finite() {
        Err(FigureError::NotANumber { name })
    } else if x.abs() >= FIGURE_LIMIT {
        Err(FigureError::TooLarge { name, value: x })
    } else {
        Ok(())
    }
}

/// The value as an integer count of its last shown decimal place: exactly the digits that
/// `fmt_decimals` prints, so two values that print alike compare equal. A figure too large
/// for that count (refused on entry, but a file may hold one) saturates at its sign's end,
/// so it still compares as the huge figure it is, never as zero.
pub fn units(value: f64, decimals: u8) -> i128 {
    let text = fmt_decimals(value, decimals);
    text.replace('.', "")
        .parse()
        .unwrap_or(if value < 0.0 { i128::MIN } else { i128::MAX })
}

/// The value rounded to what is shown, as a number (for JSON and arithmetic on shown figures).
pub fn shown(value: f64, decimals: u8) -> f64 {
    fmt_decimals(value, decimals).parse().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_and_units_agree() {
        assert_eq!(fmt_decimals(94.96, 1), "95.0");
        assert_eq!(units(94.96, 1), 950);
        assert_eq!(units(95.0, 1), 950);
        assert_eq!(units(-2.35, 2), -235);
        assert_eq!(units(1234.4, 0), 1234);
        assert_eq!(fmt_decimals(-0.01, 1), "0.0");
        assert_eq!(units(-0.01, 1), 0);
        assert_eq!(shown(94.96, 1), 95.0);
        assert_eq!(shown(2.0 / 3.0, 2), 0.67);
    }

    #[test]
    fn huge_figures_are_refused_and_never_read_as_zero() {
        assert_eq!(units(1e39, 1), i128::MAX);
        assert_eq!(units(-1e39, 0), i128::MIN);
        assert!(
            check_figure("value", 1e39)
                .unwrap_err()
                .to_string()
                .contains("too large")
        );
        assert!(check_figure("value", -1e15).is_err());
        assert!(check_figure("value", 999_999_999_999_999.0).is_ok());
        assert!(check_figure("value", f64::NAN).is_err());
    }
}
