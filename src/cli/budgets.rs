//! `pmdb budgets [--period P] [--service S]`: each service's budget and actual spend to the
//! period's end, the variance, and the forecast outturn for the year against the annual
//! budget. A signed-off period shows the budgets as they stood at its sign-off, as its
//! reports do; `pmdb export budgets` gives the rows as they are now.

use anyhow::{Result, anyhow};
use clap::Args;
use serde::Serialize;
use serde_json::json;

use super::Env;
use super::delivery::period_or_now_due;
use super::output::{json as print_json, table};
use crate::domain::budget::{json_pct, json_pounds};
use crate::query::budgets::{Finances, ServiceFinance, Shown};

#[derive(Args, Debug)]
pub struct BudgetsArgs {
    /// The period, to whose end budget and actual are summed from April (default: the
    /// month now due, the last that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// Only this service (its code).
    #[arg(long, value_name = "S")]
    service: Option<String>,
}

/// One service as `pmdb budgets --json` gives it: pounds at two places.
#[derive(Serialize)]
struct BudgetJson<'a> {
    service: &'a str,
    name: &'a str,
    budget: f64,
    actual: Option<f64>,
    variance: Option<f64>,
    variance_pct: Option<f64>,
    annual_budget: f64,
    forecast_outturn: f64,
    forecast_variance: f64,
}

fn to_json(r: &ServiceFinance) -> BudgetJson<'_> {
    let f = &r.finance;
    BudgetJson {
        service: &r.service,
        name: &r.name,
        budget: json_pounds(f.budget),
        actual: f.actual.map(json_pounds),
        variance: f.variance.map(json_pounds),
        variance_pct: f.variance_pct.map(json_pct),
        annual_budget: json_pounds(f.annual_budget),
        forecast_outturn: json_pounds(f.forecast_outturn),
        forecast_variance: json_pounds(f.forecast_variance),
    }
}

pub fn run(env: &Env, args: BudgetsArgs) -> Result<()> {
    let period = period_or_now_due(env, args.period.as_deref())?;
    let store = env.read()?;
    let ds = store.as_signed_off(store.dataset()?, period)?;
    let mut rows = Finances::of(&ds, period).rows;
    if let Some(code) = &args.service {
        if !ds.services.iter().any(|s| &s.code == code) {
            let known: Vec<&str> = ds.services.iter().map(|s| s.code.as_str()).collect();
            return Err(anyhow!(
                "--service: there is no service '{}': the services are {}",
                crate::safe_text::line(code),
                crate::domain::words_list(&known)
            ));
        }
        rows.retain(|r| &r.service == code);
    }
    if env.json {
        let budgets: Vec<BudgetJson> = rows.iter().map(to_json).collect();
        return print_json(&json!({ "period": period.to_string(), "budgets": budgets }));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.service.clone(), r.name.clone()];
            cells.extend(Shown::of(&r.finance).cells());
            cells
        })
        .collect();
    table(
        &[
            "service",
            "name",
            "budget",
            "actual",
            "variance",
            "%",
            "annual budget",
            "forecast outturn",
            "forecast variance",
        ],
        &lines,
    );
    for r in &rows {
        if let Some(note) = crate::query::budgets::missing_note(&r.finance) {
            say!("{}: {note}", r.service);
        }
    }
    say!(
        "{} with a budget for {period} (April to {})",
        crate::domain::label::counted(rows.len(), "service", "services"),
        period.last_month()
    );
    Ok(())
}
