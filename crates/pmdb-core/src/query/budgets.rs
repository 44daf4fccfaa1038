//! Each service's finance for a period (`domain::budget`), over a dataset's budgets:
//! what `pmdb budgets`, the reports' Finance parts, the workbook's Budgets sheet and the
//! Plan tab's detail pane show. The budgets are grouped by service once; a report asks for
//! a priority's services from that grouping, never by scanning the budgets again.

use std::collections::{BTreeSet, HashMap};

use crate::domain::budget::{BudgetMonth, Finance, finance};
use crate::domain::period::Period;
use crate::domain::rollup::Thread;
use crate::store::Dataset;

use super::scope::Scope;

/// One service's finance for the period.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceFinance {
    pub service: String,
    /// The service's name ("Housing"), or its code if it has none.
    pub name: String,
    pub finance: Finance,
}

/// The finance of every service with a budget in the period's financial year, in the
/// council's order of services (a service no longer held follows, by code).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Finances {
    pub rows: Vec<ServiceFinance>,
}

impl Finances {
    /// Worked once from the dataset's budgets, grouped by service.
    pub fn of(ds: &Dataset, period: Period) -> Finances {
        let mut by_service: HashMap<&str, Vec<BudgetMonth>> = HashMap::new();
        for b in &ds.budgets {
            if let Some(m) = BudgetMonth::of_stored(&b.month, b.budget, b.actual, b.forecast) {
                by_service.entry(b.service.as_str()).or_default().push(m);
            }
        }
        // The council's order of services; one no longer held follows, by code.
        let mut codes: Vec<(usize, &str)> = by_service
            .keys()
            .map(|code| {
                let at = ds.services.iter().position(|s| s.code == *code);
                (at.unwrap_or(usize::MAX), *code)
            })
            .collect();
        codes.sort();
        let rows = codes
            .into_iter()
            .filter_map(|(_, code)| worked(ds, code, &by_service[code], period))
            .collect();
        Finances { rows }
    }

    /// One service's finance alone (the Plan tab's detail pane), from its own rows.
    pub fn of_service(ds: &Dataset, code: &str, period: Period) -> Option<ServiceFinance> {
        let months: Vec<BudgetMonth> = ds
            .budgets
            .iter()
            .filter(|b| b.service == code)
            .filter_map(|b| BudgetMonth::of_stored(&b.month, b.budget, b.actual, b.forecast))
            .collect();
        worked(ds, code, &months, period)
    }

    /// The rows of these services, in the council's order.
    pub fn of_services(&self, codes: &BTreeSet<&str>) -> Vec<&ServiceFinance> {
        self.rows
            .iter()
            .filter(|r| codes.contains(r.service.as_str()))
            .collect()
    }
}

/// A service's finance from its months, named as the council names it (its code if it
/// has no name); none without a month in the period's year.
fn worked(
    ds: &Dataset,
    code: &str,
    months: &[BudgetMonth],
    period: Period,
) -> Option<ServiceFinance> {
    let finance = finance(months, period)?;
    let name = ds
        .services
        .iter()
        .find(|s| s.code == code && !s.name.trim().is_empty())
        .map_or(code, |s| s.name.as_str());
    Some(ServiceFinance {
        service: code.to_string(),
        name: name.to_string(),
        finance,
    })
}

/// The services of the plan nodes at and beneath `node` (a priority) that lie in `scope`:
/// whose finance the priority's part of a report shows.
pub fn services_beneath<'a>(thread: &Thread<'a>, node: &str, scope: &Scope) -> BTreeSet<&'a str> {
    thread
        .subtree(node)
        .into_iter()
        .filter_map(|code| thread.node(code))
        .filter_map(|n| n.service.as_deref().map(|s| (n, s)))
        .filter(|(n, _)| scope.holds_node(thread, &n.code))
        .map(|(_, s)| s)
        .collect()
}

/// The services of the plan nodes in `scope`: whose finance a portfolio summary lists.
pub fn services_in<'a>(ds: &'a Dataset, thread: &Thread<'_>, scope: &Scope) -> BTreeSet<&'a str> {
    ds.nodes
        .iter()
        .filter_map(|n| n.service.as_deref().map(|s| (n, s)))
        .filter(|(n, _)| scope.holds_node(thread, &n.code))
        .map(|(_, s)| s)
        .collect()
}

/// What a finance with months lacking an actual says of them, none when every month to
/// the period's end has one: "no actual recorded for 2026-09, 2026-10: the actual and
/// variance to date are not given; the outturn takes those months at their forecast or
/// budget".
pub fn missing_note(f: &Finance) -> Option<String> {
    if f.missing_actuals.is_empty() {
        return None;
    }
    let months: Vec<String> = f.missing_actuals.iter().map(|m| m.to_string()).collect();
    Some(format!(
        "no actual recorded for {}: the actual and variance to date are not given; the outturn takes {} at {} forecast or budget",
        months.join(", "),
        if months.len() == 1 {
            "that month"
        } else {
            "those months"
        },
        if months.len() == 1 { "its" } else { "their" },
    ))
}

/// A finance's figures as every page and table prints them: whole pounds with thousands
/// separated, a variance signed and said in words ("+£164,157 overspend"), "–" for a
/// figure not given.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub budget: String,
    pub actual: String,
    pub variance: String,
    pub variance_pct: String,
    pub annual_budget: String,
    pub forecast_outturn: String,
    pub forecast_variance: String,
}

impl Shown {
    pub fn of(f: &Finance) -> Shown {
        use crate::domain::budget::{over_or_under, pounds, signed_pct, signed_pounds};
        let none = || "–".to_string();
        let said = |v| format!("{} {}", signed_pounds(v), over_or_under(v));
        Shown {
            budget: pounds(f.budget),
            actual: f.actual.map_or_else(none, pounds),
            variance: f.variance.map_or_else(none, said),
            variance_pct: f.variance_pct.map_or_else(none, signed_pct),
            annual_budget: pounds(f.annual_budget),
            forecast_outturn: pounds(f.forecast_outturn),
            forecast_variance: said(f.forecast_variance),
        }
    }

    /// The seven figures in the order every table gives them: budget to date, actual,
    /// variance, variance %, annual budget, forecast outturn, forecast variance.
    pub fn cells(self) -> [String; 7] {
        [
            self.budget,
            self.actual,
            self.variance,
            self.variance_pct,
            self.annual_budget,
            self.forecast_outturn,
            self.forecast_variance,
        ]
    }
}
