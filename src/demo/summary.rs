//! What the demo made, counted from the database itself, for `pmdb demo` to print.

use serde::Serialize;

use super::calendar::Calendar;
use super::org::COUNCIL_NAME;
use crate::domain::role::Role;
use crate::domain::workflow::ExceptionStatus;
use crate::store::{ExceptionFilter, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoSummary {
    pub council: String,
    pub scale: u32,
    pub today: String,
    pub month_now_due: String,
    /// The financial years with data, oldest first.
    pub years: Vec<String>,
    pub users: usize,
    pub officers: usize,
    pub services: usize,
    pub portfolios: usize,
    pub plan_nodes: usize,
    pub indicators: usize,
    pub targets: usize,
    pub values: usize,
    pub actions: usize,
    pub projects: usize,
    pub milestones: usize,
    pub risks: usize,
    pub eias: usize,
    pub case_studies: usize,
    pub budgets: usize,
    pub benchmarks: usize,
    pub meetings: usize,
    pub exceptions: usize,
    pub open_exceptions: usize,
}

pub fn summarise(store: &Store, cal: &Calendar, scale: u32, values: usize) -> Result<DemoSummary> {
    let users = store.users()?;
    let exceptions = store.exceptions(&ExceptionFilter::default())?;
    Ok(DemoSummary {
        council: COUNCIL_NAME.to_string(),
        scale,
        today: cal.today.to_string(),
        month_now_due: cal.now_due.to_string(),
        years: cal.data_years().iter().map(|y| y.to_string()).collect(),
        users: users.len(),
        officers: users.iter().filter(|u| u.role == Role::Officer).count(),
        services: store.services()?.len(),
        portfolios: store.portfolios()?.len(),
        plan_nodes: store.plan_nodes()?.len(),
        indicators: store.indicators()?.len(),
        targets: store.all_targets()?.values().map(Vec::len).sum(),
        values,
        actions: store.actions()?.len(),
        projects: store.projects()?.len(),
        milestones: store.milestones()?.len(),
        risks: store.risks()?.len(),
        eias: store.eias()?.len(),
        case_studies: store.case_studies()?.len(),
        budgets: store.budgets()?.len(),
        benchmarks: store.benchmarks()?.len(),
        meetings: store.meetings()?.len(),
        exceptions: exceptions.len(),
        open_exceptions: exceptions
            .iter()
            .filter(|e| e.status == ExceptionStatus::Open)
            .count(),
    })
}
