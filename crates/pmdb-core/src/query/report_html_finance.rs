//! The HTML report's money beside performance: a Finance part in each priority (the
//! services of its plan nodes, in scope) and, on a portfolio's summary, one compact table
//! of the portfolio's services. An overspend is said in words in its cell, never by colour.

use maud::{Markup, html};

use super::budgets::{ServiceFinance, Shown, missing_note, services_beneath, services_in};
use super::report_finance::to_date;
use super::report_html::{Page, Priority};
use super::report_html_parts::text;

/// The figures' headers, in `Shown::cells`'s order.
const COLUMNS: [&str; 7] = [
    "Budget to date",
    "Actual",
    "Variance",
    "Variance %",
    "Annual budget",
    "Forecast outturn",
    "Forecast variance",
];

/// The table of these services' finance, under `caption`.
fn table(caption: &str, rows: &[&ServiceFinance]) -> Markup {
    html! {
        table class="stack finance" {
            caption { (text(caption)) }
            thead { tr {
                th scope="col" { "Service" }
                @for label in COLUMNS { th scope="col" class="n" { (label) } }
            } }
            tbody { @for r in rows {
                @let s = Shown::of(&r.finance);
                tr {
                    th scope="row" { (text(&r.name)) " (" (text(&r.service)) ")" }
                    @for (label, cell) in COLUMNS.iter().zip(s.cells()) {
                        td class="n" data-label=(label) { (cell) }
                    }
                }
            } }
        }
        @for r in rows {
            @if let Some(note) = missing_note(&r.finance) {
                p class="note" { (text(&r.name)) ": " (note) "." }
            }
        }
    }
}

/// A priority's Finance part: its services' budgets to the period's end and forecast
/// outturn. The portfolio summary shows its services once instead (`portfolio`).
pub(super) fn part(page: &Page, p: &Priority) -> Markup {
    if page.scope.is_summary() || p.code.is_empty() {
        return html! {};
    }
    let thread = page.ds.thread();
    let services = services_beneath(&thread, &p.code, page.scope);
    let rows = page.finance.of_services(&services);
    html! {
        h3 { "Finance" }
        @if rows.is_empty() {
            p { "No service of this priority has a budget for " (page.period.fin_year()) "." }
        } @else {
            (table(&format!("Finance of the services of {}, {}", p.title, to_date(page.period)), &rows))
        }
    }
}

/// A portfolio summary's compact finance table: every service of the portfolio's plan,
/// one line each (budget and actual to date, the variance with its per cent, the forecast
/// outturn against the annual budget), its caption its heading, to keep the summary on
/// two printed pages.
pub(super) fn portfolio(page: &Page) -> Markup {
    if !page.scope.is_summary() {
        return html! {};
    }
    let thread = page.ds.thread();
    let services = services_in(page.ds, &thread, page.scope);
    let rows = page.finance.of_services(&services);
    let caption = format!(
        "Finance of the portfolio's services, {}",
        to_date(page.period)
    );
    html! {
        @if rows.is_empty() {
            p { "Finance: no service of this portfolio has a budget for " (page.period.fin_year()) "." }
        } @else {
            table class="stack finance" {
                caption { (text(&caption)) }
                thead { tr {
                    th scope="col" { "Service" }
                    th scope="col" class="n" { "Budget to date" }
                    th scope="col" class="n" { "Actual" }
                    th scope="col" class="n" { "Variance (%)" }
                    th scope="col" class="n" { "Forecast outturn (annual budget)" }
                    th scope="col" class="n" { "Forecast variance" }
                } }
                tbody { @for r in &rows {
                    @let s = Shown::of(&r.finance);
                    tr {
                        th scope="row" { (text(&r.name)) " (" (text(&r.service)) ")" }
                        td class="n" data-label="Budget to date" { (s.budget) }
                        td class="n" data-label="Actual" { (s.actual) }
                        td class="n" data-label="Variance (%)" { (s.variance) " (" (s.variance_pct) ")" }
                        td class="n" data-label="Forecast outturn (annual budget)" { (s.forecast_outturn) " (" (s.annual_budget) ")" }
                        td class="n" data-label="Forecast variance" { (s.forecast_variance) }
                    }
                } }
            }
            @for r in &rows {
                @if let Some(note) = missing_note(&r.finance) {
                    p class="note" { (text(&r.name)) ": " (note) "." }
                }
            }
        }
    }
}
