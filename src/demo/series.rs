//! The numbers of one indicator, period by period. A targeted indicator's value is its
//! period's target plus a number of "gaps" (target to intervention level) on the good or
//! bad side: a steady margin, a yearly drift, a seasonal swing and noise. So an indicator
//! runs mostly green with the occasional amber, and one that is drifting turns amber and
//! red as real ones do. Ratios get a denominator near their typical volume and the
//! numerator that gives the value; the value is then what the store computes from them.

use rand_chacha::ChaCha8Rng;

use super::calendar::Calendar;
use super::catalogue::{Level, Story, Template};
use super::rng;
use super::targets::round_to;
use crate::domain::indicator::{Aggregation, Indicator};
use crate::domain::period::Period;
use crate::domain::rag::RagRule;
use crate::domain::target::Targets;

/// One generated value.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub period: Period,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

/// The seasonal term for a period: a cosine peaking in the template's peak month.
fn seasonal(t: &Template, period: Period) -> f64 {
    if t.season == 0.0 || matches!(period, Period::Year(_)) {
        return 0.0;
    }
    let months = period.months();
    let middle = months[months.len() / 2].month;
    let angle = std::f64::consts::TAU * (f64::from(middle) - f64::from(t.peak)) / 12.0;
    t.season * angle.cos()
}

/// Where a targeted value sits, in gaps on the good side of its target.
fn performance(
    t: &Template,
    cal: &Calendar,
    period: Period,
    latest: Option<Period>,
    r: &mut ChaCha8Rng,
) -> f64 {
    let Level::Targeted {
        margin,
        drift,
        noise,
        ..
    } = t.level
    else {
        return 0.0;
    };
    let noise = noise * rng::normal(r);
    let steady =
        margin + drift * f64::from(cal.year_index(period.fin_year())) + seasonal(t, period);
    if t.story == Story::RedNow && latest == Some(period) {
        // Well beyond the intervention level, whatever the noise would have said.
        return -1.7 - 0.2 * noise.abs();
    }
    // Now and then a bad month the trend does not explain (a vehicle fleet off the road,
    // a system outage): the occasional red a real council has.
    let shock = if rng::chance(r, 0.03) {
        1.1 + 0.5 * rng::normal(r).abs()
    } else {
        0.0
    };
    steady + noise - shock
}

/// The distance from target to the red line for a period.
fn gap(t: &Template, target: f64, intervention: Option<f64>) -> f64 {
    let width = match t.rule {
        Some(RagRule::Tolerance { amber, .. }) => target.abs() * amber / 100.0,
        _ => intervention.map(|i| (target - i).abs()).unwrap_or(0.0),
    };
    // A gap of nothing would make every value sit on its target; give it one shown unit.
    if width > 0.0 {
        width
    } else {
        10f64.powi(-i32::from(t.decimals))
    }
}

/// The values of one indicator for every period it has data for (before any story
/// removes some). `code` names the random stream, so each area's copy differs.
pub fn generate(
    t: &Template,
    ind: &Indicator,
    targets: &Targets,
    cal: &Calendar,
    code: &str,
) -> Vec<Point> {
    let mut r = rng::stream(&format!("values/{code}"));
    let scale = ind.ratio_scale();
    let latest = cal.latest(t.frequency);
    cal.periods(t.frequency)
        .into_iter()
        .map(|period| {
            let raw = match t.level {
                Level::Targeted { .. } => {
                    let perf = performance(t, cal, period, latest, &mut r);
                    match targets.threshold(t.aggregation, Some(period), &[period], 1) {
                        Some(th) => {
                            th.target + t.sign() * gap(t, th.target, th.intervention) * perf
                        }
                        None => 0.0,
                    }
                }
                Level::Free {
                    level,
                    trend,
                    noise,
                } => {
                    level
                        + trend * cal.years_elapsed(period)
                        + seasonal(t, period)
                        + noise * rng::normal(&mut r)
                }
            };
            let floor = if t.signed { f64::NEG_INFINITY } else { 0.0 };
            let ceiling = if t.unit == "%" { 100.0 } else { f64::INFINITY };
            let value = raw.clamp(floor, ceiling);
            if t.aggregation == Aggregation::Ratio {
                let denominator = (t.volume * (1.0 + 0.06 * rng::normal(&mut r)))
                    .round()
                    .max(1.0);
                let numerator = (value.clamp(0.0, scale) / scale * denominator)
                    .round()
                    .clamp(0.0, denominator);
                Point {
                    period,
                    value: numerator / denominator * scale,
                    numerator: Some(numerator),
                    denominator: Some(denominator),
                }
            } else {
                Point {
                    period,
                    value: round_to(value, t.decimals),
                    numerator: None,
                    denominator: None,
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::catalogue::templates;
    use crate::demo::targets;
    use crate::domain::indicator::{Frequency, Polarity};

    fn setup(code: &str) -> (Template, Indicator, Targets, Calendar) {
        let cal = Calendar::new("2026-11-24".parse().unwrap());
        let t = templates().into_iter().find(|t| t.code == code).unwrap();
        let ind = t.indicator(t.code.into(), t.title.into(), String::new());
        let rows = targets::rows(&t, &cal);
        (t, ind, Targets::new(&rows), cal)
    }

    #[test]
    fn a_ratio_carries_parts_that_give_its_value() {
        let (t, ind, targets, cal) = setup("WE03");
        let points = generate(&t, &ind, &targets, &cal, "WE03");
        assert_eq!(points.len(), 31);
        for p in &points {
            let (n, d) = (p.numerator.unwrap(), p.denominator.unwrap());
            assert!(d > 150_000.0 && n <= d, "{p:?}");
            assert!((p.value - n / d * 100_000.0).abs() < 1e-9);
        }
        // Red now: well above the intervention level of 55 missed bins per 100,000.
        let last = points.last().unwrap();
        assert_eq!(last.period.to_string(), "2026-10");
        assert!(last.value > 60.0, "{last:?}");
    }

    #[test]
    fn sickness_peaks_in_winter_and_sits_near_a_twelfth_of_the_target() {
        let (t, ind, targets, cal) = setup("HR01");
        assert_eq!(
            (t.polarity, t.frequency),
            (Polarity::Lower, Frequency::Monthly)
        );
        let points = generate(&t, &ind, &targets, &cal, "HR01");
        let at = |m: u32| {
            let v: Vec<f64> = points
                .iter()
                .filter(|p| p.period.first_month().month == m)
                .map(|p| p.value)
                .collect();
            v.iter().sum::<f64>() / v.len() as f64
        };
        assert!(at(1) > at(7), "January {} vs July {}", at(1), at(7));
        let total_2024: f64 = points
            .iter()
            .filter(|p| p.period.fin_year().0 == 2024)
            .map(|p| p.value)
            .sum();
        assert!((7.0..9.5).contains(&total_2024), "{total_2024}");
    }

    #[test]
    fn the_same_code_gives_the_same_numbers() {
        let (t, ind, targets, cal) = setup("PL01");
        assert_eq!(
            generate(&t, &ind, &targets, &cal, "PL01"),
            generate(&t, &ind, &targets, &cal, "PL01")
        );
        assert_ne!(
            generate(&t, &ind, &targets, &cal, "PL01"),
            generate(&t, &ind, &targets, &cal, "PL01-2")
        );
    }
}
