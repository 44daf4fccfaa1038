//! The Markdown and CSV reports' money beside performance: after each priority's
//! indicators, the finance of the services of its plan nodes in scope (as the HTML page's
//! Finance part), worked once per report (`Finances::of`).

use std::fmt::Write;

use super::budgets::{Finances, Shown, missing_note, services_beneath};
use super::markdown_text::md;
use super::scope::Scope;
use crate::domain::budget::json_pounds;
use crate::domain::period::Period;
use crate::domain::rollup::Thread;

/// "April to September 2026 (2026/27 Q2)".
pub fn to_date(period: Period) -> String {
    let end = period.last_month();
    format!(
        "April to {} {} ({period})",
        end.first_day().format("%B"),
        end.year
    )
}

/// A priority's "### Finance" in Markdown: a table of its services, or a line saying none
/// has a budget for the year.
pub fn markdown(
    out: &mut String,
    finances: &Finances,
    thread: &Thread,
    scope: &Scope,
    priority: &str,
    period: Period,
) {
    let services = services_beneath(thread, priority, scope);
    let rows = finances.of_services(&services);
    let _ = writeln!(out, "\n### Finance\n");
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "No service of this priority has a budget for {}.",
            period.fin_year()
        );
        return;
    }
    let _ = writeln!(out, "{}.\n", to_date(period));
    let _ = writeln!(
        out,
        "| Service | Budget to date | Actual | Variance | Variance % | Annual budget | Forecast outturn | Forecast variance |\n|---|---|---|---|---|---|---|---|"
    );
    for r in &rows {
        let _ = writeln!(
            out,
            "| {} ({}) | {} |",
            md(&r.name),
            md(&r.service),
            Shown::of(&r.finance).cells().join(" | ")
        );
    }
    for r in &rows {
        if let Some(note) = missing_note(&r.finance) {
            let _ = writeln!(out, "\n{}: {note}.", md(&r.name));
        }
    }
}

/// The CSV report's group for a service's finance row.
pub const FINANCE_GROUP: &str = "finance";

/// A priority's services' finance as rows in the CSV report's own 13 columns: group
/// "finance", the service's code and name, the period, the actual to date as `value` and
/// the budget to date as `target` (numbers, pounds at two places), and the rest in words
/// in `note` (the priority, the variance and its per cent, the annual budget, the forecast
/// outturn and variance).
pub fn csv_rows(
    finances: &Finances,
    thread: &Thread,
    scope: &Scope,
    priority: &str,
    period: Period,
) -> Vec<[String; 13]> {
    let services = services_beneath(thread, priority, scope);
    let pounds = |x| format!("{:.2}", json_pounds(x));
    finances
        .of_services(&services)
        .into_iter()
        .map(|r| {
            let f = &r.finance;
            let s = Shown::of(f);
            let variance = match (f.variance, f.variance_pct) {
                (None, _) => "not given".to_string(),
                (Some(_), None) => s.variance.clone(),
                (Some(_), Some(_)) => format!("{} ({})", s.variance, s.variance_pct),
            };
            let mut note = format!(
                "priority {priority}; variance {variance}; annual budget {}; forecast outturn {}; forecast variance {}",
                s.annual_budget, s.forecast_outturn, s.forecast_variance
            );
            if let Some(m) = missing_note(f) {
                note.push_str("; ");
                note.push_str(&m);
            }
            let mut row: [String; 13] = Default::default();
            row[0] = FINANCE_GROUP.to_string();
            row[1] = r.service.clone();
            row[2] = r.name.clone();
            row[3] = period.to_string();
            row[4] = f.actual.map(pounds).unwrap_or_default();
            row[5] = pounds(f.budget);
            row[10] = note;
            row
        })
        .collect()
}
