//! Figures as they are shown: a value printed at an indicator's decimal places, rounded as
//! a council's spreadsheet rounds it (Excel's `ROUND`: half away from zero on the decimal
//! digits, so 7.35 at one place is 7.4, never the 7.3 that binary floating point gives),
//! and the same value as whole units of its last shown place, so comparisons agree with
//! print.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

/// The significant digits a figure is taken to before rounding: what was typed (at most
/// 15 digits) is kept exactly, and the noise binary arithmetic leaves in a computed figure
/// (7.3500000000000005, 7.349999999999999) is gone.
const SIGNIFICANT: u32 = 15;

/// The figure's decimal digits, as typed or as computed, or None for one too large for a
/// decimal (refused on entry long before that).
pub(crate) fn decimal_of(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // Rust prints the shortest decimal that reads back as the same f64: "7.35", not the
    // 7.34999… the binary figure holds.
    let d = Decimal::from_str(&format!("{value}")).ok()?;
    Some(d.round_sf(SIGNIFICANT).unwrap_or(d))
}

/// The figure rounded at `decimals` places, half away from zero, with exactly that many.
fn rounded(value: f64, decimals: u8) -> Option<Decimal> {
    let mut r = decimal_of(value)?
        .round_dp_with_strategy(decimals as u32, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals as u32);
    // "-0.0" reads as a different figure from "0.0"; they are the same value.
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    Some(r)
}

/// The value printed at `decimals` places ("94.96" at 1 place is "95.0", "7.35" is "7.4").
pub fn fmt_decimals(value: f64, decimals: u8) -> String {
    match rounded(value, decimals) {
        Some(r) => r.to_string(),
        // Beyond a decimal's range: only a damaged file holds such a figure.
        None => format!("{:.*}", decimals as usize, value),
    }
}

/// The figure as stored, never rounded: at least `decimals` places, more when it holds more
/// ("38.0" at one place, "40.65" too). For records of what was typed, such as history.
pub fn fmt_exact(value: f64, decimals: u8) -> String {
    match decimal_of(value) {
        Some(mut d) => {
            d = d.normalize();
            if d.scale() < decimals as u32 {
                d.rescale(decimals as u32);
            }
            d.to_string()
        }
        None => format!("{value}"),
    }
}

/// What a number looks like, for refusals.
pub const NUMBER_FORM: &str =
    "write a number like 1234.5, -3 or 1,234.5 (no %, £, units or other text)";

/// A number as a spreadsheet or a person may write it, in a CSV cell, on the command line
/// or in the interface: digits with an optional sign, decimal point and
/// exponent, the whole part perhaps in UK thousands groups (`1,234,567.5`). None for
/// anything else, `12%`, `£5` and `abc` included.
pub fn parse_number(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let whole_end = unsigned
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(unsigned.len());
    let (whole, rest) = unsigned.split_at(whole_end);
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let (fraction, exponent) = match rest.find(['e', 'E']) {
        Some(e) => rest.split_at(e),
        None => (rest, ""),
    };
    let fraction_ok = match fraction.strip_prefix('.') {
        Some(digits) => digits.chars().all(|c| c.is_ascii_digit()),
        None => fraction.is_empty(),
    };
    let exponent_ok = exponent.is_empty() || {
        let e = exponent[1..]
            .strip_prefix(['-', '+'])
            .unwrap_or(&exponent[1..]);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    };
    let has_digit = whole.chars().any(|c| c.is_ascii_digit()) || fraction.len() > 1;
    if !(fraction_ok && exponent_ok && has_digit) {
        return None;
    }
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    plain.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// An indicator's value as a spreadsheet may write it: a number, or for a measure in `%`
/// the number with its `%` sign (`87.5%`: a cell formatted as a percentage, saved as CSV
/// by Excel, holds its shown text). The sign is the unit, not a hundredth: `87.5%` of a `%`
/// measure is 87.5, as `87.5` is. None for anything `parse_number` refuses.
pub fn parse_value(text: &str) -> Option<WrittenValue> {
    let t = text.trim();
    match t.strip_suffix('%') {
        Some(number) => parse_number(number.trim_end()).map(|value| WrittenValue {
            value,
            percent_sign: true,
        }),
        None => parse_number(t).map(|value| WrittenValue {
            value,
            percent_sign: false,
        }),
    }
}

/// A value as written, and whether it carried a `%` sign, which only a measure in `%`
/// may (`percent_sign_refused`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WrittenValue {
    pub value: f64,
    pub percent_sign: bool,
}

/// Why a value with a `%` sign is refused for a measure in `unit`, or None when its unit is
/// `%`: a `%` on a count or a rate per 1,000 is a mistake, not a unit to drop silently.
pub fn percent_sign_refused(unit: &str) -> Option<String> {
    (unit.trim() != "%").then(|| {
        let unit = match unit.trim() {
            "" => "no unit".to_string(),
            u => format!("'{}'", crate::safe_text::line(u)),
        };
        format!(
            "a % sign is only for a measure in %; this one is in {unit}: write the number alone"
        )
    })
}

/// A figure typed for a measure in `unit` (a value, a target): a number as `parse_number`
/// reads it, with its `%` sign only where the measure is in `%`. The refusal quotes the
/// text, made safe to show on one line.
pub fn figure_in_unit(text: &str, unit: &str) -> Result<f64, String> {
    let t = text.trim();
    let shown = || crate::safe_text::line(t).into_owned();
    let written = parse_value(t).ok_or_else(|| format!("'{}' is not a number", shown()))?;
    if written.percent_sign
        && let Some(why) = percent_sign_refused(unit)
    {
        return Err(format!("'{}': {why}", shown()));
    }
    Ok(written.value)
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
    match rounded(value, decimals) {
        Some(r) => r.mantissa(),
        None if value < 0.0 => i128::MIN,
        None => i128::MAX,
    }
}

/// The value rounded to what is shown, as a number (for JSON and arithmetic on shown figures).
pub fn shown(value: f64, decimals: u8) -> f64 {
    match rounded(value, decimals) {
        // The shown digits' integer over their power of ten, both exact in binary: the
        // division gives the nearest f64, as reading the printed figure back does, without
        // printing it (a period step judges thousands of figures).
        Some(r) if r.mantissa().unsigned_abs() < 1 << 53 && r.scale() <= 22 => {
            r.mantissa() as f64 / 10f64.powi(r.scale() as i32)
        }
        _ => fmt_decimals(value, decimals).parse().unwrap_or(value),
    }
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
        assert_eq!(fmt_decimals(-0.04, 1), "0.0");
        assert_eq!(fmt_decimals(3.0, 2), "3.00");
        assert_eq!(shown(2.0 / 3.0, 2), 0.67);
    }

    /// Excel's ROUND, half away from zero on the decimal digits: the figures the council's
    /// spreadsheet shows.
    #[test]
    fn rounded_as_a_spreadsheet_rounds() {
        for (value, places, excel) in [
            (7.35, 1, "7.4"),
            (0.15, 1, "0.2"),
            (1.45, 1, "1.5"),
            (2.675, 2, "2.68"),
            (-7.35, 1, "-7.4"),
            (1.005, 2, "1.01"),
            (0.125, 2, "0.13"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (94.96, 1, "95.0"),
            (7.34999, 1, "7.3"),
        ] {
            assert_eq!(fmt_decimals(value, places), excel, "{value} at {places}");
        }
        // Noise from arithmetic does not move a figure across a half.
        assert_eq!(fmt_decimals(0.1 + 0.2, 1), "0.3");
        assert_eq!(fmt_decimals(7.35 * 3.0 / 3.0, 1), "7.4");
        assert_eq!(units(7.35, 1), 74);
        assert_eq!(units(-7.35, 1), -74);
    }

    proptest::proptest! {
        /// Against a reference in integers: a figure exactly half-way between two shown
        /// values (k + 0.5 of the last place, typed as decimal text) rounds away from zero.
        #[test]
        fn halves_round_away_from_zero(k in 0i64..99_999_999, negative: bool, places in 0u32..5) {
            let tenths = (10 * k + 5) * if negative { -1 } else { 1 };
            let text = Decimal::new(tenths, places + 1).to_string();
            let value: f64 = text.parse().unwrap();
            let expected = if negative { -(k + 1) } else { k + 1 };
            proptest::prop_assert_eq!(units(value, places as u8), expected as i128, "{} at {}", text, places);
        }

        /// The shown figure as a number is the printed figure read back, for any figure.
        #[test]
        fn a_shown_figure_is_its_printed_figure_read_back(value in -1e15f64..1e15, places in 0u8..7) {
            let printed: f64 = fmt_decimals(value, places).parse().unwrap();
            proptest::prop_assert_eq!(shown(value, places).to_bits(), printed.to_bits(), "{} at {}", value, places);
        }

        /// As typed: decimal text read as a figure, shown at any places.
        #[test]
        fn a_typed_figure_shown_is_its_printed_figure_read_back(m in -999_999_999_999i64..999_999_999_999, scale in 0u32..7, places in 0u8..7) {
            let value: f64 = Decimal::new(m, scale).to_string().parse().unwrap();
            let printed: f64 = fmt_decimals(value, places).parse().unwrap();
            proptest::prop_assert_eq!(shown(value, places).to_bits(), printed.to_bits(), "{} at {}", value, places);
        }

        /// Any typed figure is shown as Decimal's own half-away-from-zero rounding of its text.
        #[test]
        fn typed_figures_round_as_their_text(m in -999_999_999_999i64..999_999_999_999, scale in 0u32..7, places in 0u8..5) {
            let text = Decimal::new(m, scale).to_string();
            let value: f64 = text.parse().unwrap();
            let reference = Decimal::from_str(&text)
                .unwrap()
                .round_dp_with_strategy(places as u32, RoundingStrategy::MidpointAwayFromZero);
            proptest::prop_assert_eq!(
                Decimal::from_str(&fmt_decimals(value, places)).unwrap(),
                reference,
                "{} at {}", text, places
            );
        }
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

#[cfg(test)]
mod written_values {
    use super::*;

    #[test]
    fn a_percent_sign_is_the_unit_not_a_hundredth() {
        let v = parse_value("87.5%").expect("a value");
        assert_eq!((v.value, v.percent_sign), (87.5, true));
        let v = parse_value(" 1,234.5 % ").expect("a value");
        assert_eq!((v.value, v.percent_sign), (1234.5, true));
        let v = parse_value("87.5").expect("a value");
        assert_eq!((v.value, v.percent_sign), (87.5, false));
        for bad in ["%", "87.5%%", "%87.5", "£87.5", "87.5 per cent", ""] {
            assert_eq!(parse_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_figure_takes_its_sign_only_in_its_unit() {
        assert_eq!(figure_in_unit(" 52.5% ", "%"), Ok(52.5));
        assert_eq!(figure_in_unit("1,605", "count"), Ok(1605.0));
        assert_eq!(
            figure_in_unit("52%", "days"),
            Err("'52%': a % sign is only for a measure in %; this one is in 'days': write the number alone".into())
        );
        assert_eq!(
            figure_in_unit("5\u{1b}x", "%"),
            Err("'5␛x' is not a number".into())
        );
    }

    #[test]
    fn only_a_measure_in_percent_takes_the_sign() {
        assert_eq!(percent_sign_refused("%"), None);
        assert_eq!(percent_sign_refused(" % "), None);
        assert_eq!(
            percent_sign_refused("days").as_deref(),
            Some(
                "a % sign is only for a measure in %; this one is in 'days': write the number alone"
            )
        );
        assert_eq!(
            percent_sign_refused("").as_deref(),
            Some(
                "a % sign is only for a measure in %; this one is in no unit: write the number alone"
            )
        );
    }
}
