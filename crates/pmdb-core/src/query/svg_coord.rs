//! A chart's coordinates as the published SVG writes them: one decimal place, exactly the
//! text `format!("{x:.1}")` gives (so a page is the same bytes as before), without that
//! formatter's cost. A council's page draws a chart per indicator, some 40 coordinates
//! each: at 7,200 indicators the formatter alone was a tenth of making the page.

use std::fmt::Write;

/// Below this a product `x × 10` is within a millionth of the exact one (its rounding
/// error is under half of 2⁻²¹), so only a tenth within a millionth of a tie could round
/// otherwise than the exact value does.
const FAST_BELOW: f64 = (1u64 << 31) as f64;
const TIE_MARGIN: f64 = 1e-6;

/// Appends `x` with one decimal place, as `{:.1}` writes it (the exact value rounded to
/// the nearest tenth, a tie to even, "-0.0" for a negative that rounds to nought).
pub fn push_tenths(out: &mut String, x: f64) {
    let tenths = x.abs() * 10.0;
    let fraction = tenths - tenths.trunc();
    let in_range = tenths < FAST_BELOW; // false for infinity and not-a-number too
    if !in_range || (fraction - 0.5).abs() <= TIE_MARGIN {
        // Out of range, not a number, or near a tie: the formatter's own exact reading.
        let _ = write!(out, "{x:.1}");
        return;
    }
    let n = tenths.round() as u64;
    if x.is_sign_negative() {
        out.push('-');
    }
    let _ = write!(out, "{}.{}", n / 10, n % 10);
}

/// A coordinate to put in markup: `(Px(x))` renders as `push_tenths` writes it.
#[derive(Debug, Clone, Copy)]
pub struct Px(pub f64);

impl maud::Render for Px {
    fn render_to(&self, buffer: &mut String) {
        // Digits, a point and a sign: nothing to escape.
        push_tenths(buffer, self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tenths(x: f64) -> String {
        let mut s = String::new();
        push_tenths(&mut s, x);
        s
    }

    #[test]
    fn writes_what_the_formatter_writes_at_the_edges() {
        for x in [
            0.0,
            -0.0,
            0.05,
            -0.05,
            0.04,
            -0.04,
            0.25,
            0.35,
            2.5,
            1.45,
            99.95,
            56.0,
            320.0,
            -12.34,
            1e-300,
            2147483647.9,
            2147483648.0,
            1e20,
            -1e20,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::EPSILON,
        ] {
            assert_eq!(tenths(x), format!("{x:.1}"), "{x:e}");
        }
        assert_eq!(tenths(-0.04), "-0.0");
        assert_eq!(tenths(37.25), "37.2");
        assert_eq!(tenths(12.06), "12.1");
    }

    proptest! {
        #[test]
        fn any_coordinate_is_written_as_the_formatter_writes_it(
            x in prop_oneof![-400.0f64..400.0, -1e12f64..1e12, any::<f64>()],
        ) {
            prop_assert_eq!(tenths(x), format!("{x:.1}"));
        }

        #[test]
        fn a_chart_coordinate_is_written_as_the_formatter_writes_it(
            v in -1e6f64..1e6, lo in -1e6f64..1e6, span in 1e-3f64..1e6, n in 0usize..13,
        ) {
            // As the trend chart places a point: x along 13 periods, y within its range.
            let x = 56.0 + (320.0 - 56.0 - 8.0) / 12.0 * n as f64;
            let y = 10.0 + (120.0 - 10.0 - 24.0) * (lo + span - v) / span;
            prop_assert_eq!(tenths(x), format!("{x:.1}"));
            prop_assert_eq!(tenths(y), format!("{y:.1}"));
        }
    }
}
