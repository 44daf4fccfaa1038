//! Budgets by service and month for the three years: the budget for every month, the
//! actual spend up to the month now due and a forecast for the rest of the current
//! year. Waste and Housing run over (vehicle hire, temporary accommodation), the rest
//! close to budget.

use super::calendar::Calendar;
use super::org::SERVICES;
use super::rng;
use crate::store::BudgetRecord;

/// How far a service's spending tends to run from its budget (+0.05: 5% over).
fn pressure(service: &str) -> f64 {
    match service {
        "HSG" => 0.07,
        "WES" => 0.03,
        "LAC" => 0.015,
        "FIN" | "HRO" => -0.01,
        _ => 0.0,
    }
}

pub fn records(cal: &Calendar, scale: u32) -> Vec<BudgetRecord> {
    let mut out = Vec::new();
    for s in SERVICES {
        let mut r = rng::stream(&format!("budgets/{}", s.code));
        for year in cal.data_years() {
            // Budgets grow about 3% a year.
            let annual =
                s.net_budget * f64::from(scale.max(1)) * 1.03f64.powi(cal.year_index(year));
            for m in year.months() {
                let budget = (annual / 12.0).round();
                let drift = pressure(s.code) * (1.0 + 0.5 * f64::from(cal.year_index(year)));
                let actual = (budget * (1.0 + drift + 0.04 * rng::normal(&mut r))).round();
                let (actual, forecast) = if m <= cal.now_due {
                    (Some(actual), None)
                } else {
                    (None, Some((budget * (1.0 + drift)).round()))
                };
                out.push(BudgetRecord {
                    service: s.code.to_string(),
                    month: m.to_string(),
                    budget,
                    actual,
                    forecast,
                });
            }
        }
    }
    out
}
