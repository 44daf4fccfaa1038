//! Targets for every year that has data (and today's, once it has begun): the annual
//! target tightening year on year, its intervention level, and the seasonal or
//! cumulative profile where the indicator has one.

use super::calendar::Calendar;
use super::catalogue::{Level, Profile, Template};
use crate::domain::period::{FinYear, Period};
use crate::domain::target::TargetRow;

/// Share of a year's council tax or business rates collected by the end of each month,
/// April first: ten instalments from April, the stragglers in February and March.
pub const COLLECTION_CURVE: [f64; 12] = [
    0.108, 0.199, 0.291, 0.383, 0.475, 0.567, 0.659, 0.751, 0.842, 0.933, 0.962, 1.0,
];

/// A figure rounded to `decimals` places, as a council would write its target.
pub fn round_to(x: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(i32::from(decimals));
    (x * f).round() / f
}

/// The annual target and intervention level for a year.
pub fn annual(t: &Template, cal: &Calendar, year: FinYear) -> Option<(f64, f64)> {
    let Level::Targeted {
        target,
        intervention,
        tighten,
        ..
    } = t.level
    else {
        return None;
    };
    if !t.takes_targets() {
        return None;
    }
    let shift = t.sign() * tighten * f64::from(cal.year_index(year));
    Some((
        round_to(target + shift, t.decimals),
        round_to(intervention + shift, t.decimals),
    ))
}

/// Next year's annual target drafted ahead of the budget by an officer who has not yet
/// set its intervention level: the row `pmdb check` finds ("no_intervention"), since
/// under the intervention rule a miss of it could never be red. None for an indicator
/// without targets or with a profile (a profiled target is set with its months).
pub fn drafted_next_year(t: &Template, cal: &Calendar) -> Option<TargetRow> {
    if t.profile != Profile::Flat {
        return None;
    }
    let next = FinYear(cal.target_years().last()?.0 + 1);
    let (target, _) = annual(t, cal, next)?;
    Some(TargetRow {
        year: next,
        period: None,
        target,
        intervention: None,
    })
}

/// Every target row of one indicator.
pub fn rows(t: &Template, cal: &Calendar) -> Vec<TargetRow> {
    let mut out = Vec::new();
    for year in cal.target_years() {
        let Some((target, intervention)) = annual(t, cal, year) else {
            continue;
        };
        out.push(TargetRow {
            year,
            period: None,
            target,
            intervention: Some(intervention),
        });
        let mut profiled = |period: Period, target: f64, intervention: f64| {
            let (target, intervention) = (
                round_to(target, t.decimals),
                round_to(intervention, t.decimals),
            );
            out.push(TargetRow {
                year,
                period: Some(period),
                target,
                intervention: Some(intervention),
            });
        };
        match t.profile {
            Profile::Flat => {}
            Profile::Cumulative => {
                // Intervention stays the same number of points below the profile all year.
                let margin = target - intervention;
                for (m, share) in year.months().into_iter().zip(COLLECTION_CURVE) {
                    profiled(Period::Month(m), target * share, target * share - margin);
                }
                for q in year.quarters() {
                    let share = COLLECTION_CURVE[usize::from(q.q) * 3 - 1];
                    profiled(Period::Quarter(q), target * share, target * share - margin);
                }
            }
            Profile::Monthly(weights) => {
                for (m, w) in year.months().into_iter().zip(weights) {
                    profiled(Period::Month(m), target * w / 12.0, intervention * w / 12.0);
                }
            }
            Profile::Quarterly(weights) => {
                for (q, w) in year.quarters().into_iter().zip(weights) {
                    profiled(Period::Quarter(q), target * w / 4.0, intervention * w / 4.0);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::catalogue::templates;
    use crate::domain::target::validate;

    fn cal() -> Calendar {
        Calendar::new("2026-11-24".parse().unwrap())
    }

    fn template(code: &str) -> Template {
        templates().into_iter().find(|t| t.code == code).unwrap()
    }

    #[test]
    fn targets_tighten_year_on_year() {
        let rows = rows(&template("RB03"), &cal());
        let annual: Vec<(String, f64, Option<f64>)> = rows
            .iter()
            .map(|r| (r.year.to_string(), r.target, r.intervention))
            .collect();
        // Days to process new claims: lower is better, one day tighter each year.
        assert_eq!(
            annual,
            [
                ("2024/25".into(), 20.0, Some(24.0)),
                ("2025/26".into(), 19.0, Some(23.0)),
                ("2026/27".into(), 18.0, Some(22.0))
            ]
        );
    }

    #[test]
    fn council_tax_is_profiled_cumulatively() {
        let rows = rows(&template("RB01"), &cal());
        let get = |p: &str| {
            rows.iter()
                .find(|r| r.period == Some(p.parse().unwrap()))
                .map(|r| (r.target, r.intervention))
        };
        assert_eq!(get("2024-04"), Some((10.5, Some(9.8))));
        assert_eq!(get("2024/25 Q2"), Some((55.3, Some(54.6))));
        assert_eq!(get("2025-03"), Some((97.5, Some(96.8))));
        assert_eq!(rows.len(), 3 * (1 + 12 + 4));
    }

    #[test]
    fn every_row_passes_the_store_checks() {
        let cal = cal();
        for t in templates() {
            let ind = t.indicator(t.code.into(), t.title.into(), String::new());
            for r in rows(&t, &cal) {
                assert_eq!(validate(&ind, &r), Ok(()), "{} {:?}", t.code, r);
            }
        }
    }
}
