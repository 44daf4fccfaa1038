//! What the demo made, counted from the database itself, for `pmdb demo` to print: as
//! JSON with `--json`, otherwise as a few lines of prose (`Display`).

use std::fmt;

use serde::Serialize;

use super::calendar::Calendar;
use super::org::COUNCIL_NAME;
use crate::domain::deadline::deadline;
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
    /// Values entered after their deadline.
    pub late_values: usize,
    /// Quarters Leadership Team has signed off, oldest first.
    pub signed_off: Vec<String>,
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

/// Values whose entry date is after their deadline.
fn late_values(store: &Store) -> Result<usize> {
    let deadline_day = store.settings()?.deadline_day;
    Ok(store
        .all_values()?
        .values()
        .flatten()
        .filter(|v| {
            let due = deadline(v.period, deadline_day);
            crate::stamp::local_day(&v.first_entered_at).is_some_and(|day| day > due)
        })
        .count())
}

pub fn summarise(store: &Store, cal: &Calendar, scale: u32, values: usize) -> Result<DemoSummary> {
    let users = store.users()?;
    // Exceptions raised from the figures; the boards' requests are recorded, not raised.
    let mut exceptions = store.exceptions(&ExceptionFilter::default())?;
    exceptions.retain(|e| e.kind != crate::domain::workflow::ExceptionKind::Request);
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
        late_values: late_values(store)?,
        signed_off: store.signoffs()?.into_iter().map(|(p, _, _)| p).collect(),
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

impl fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let years = match (self.years.first(), self.years.last()) {
            (Some(first), Some(last)) => format!("{first} to {last}"),
            _ => "no years".into(),
        };
        writeln!(f, "  {}, at scale {}", self.council, self.scale)?;
        writeln!(
            f,
            "  data for {years}, up to {} (the month now due on {})",
            self.month_now_due, self.today
        )?;
        writeln!(
            f,
            "  {} users ({} officers), {} services, {} portfolios, {} plan entries",
            self.users, self.officers, self.services, self.portfolios, self.plan_nodes
        )?;
        writeln!(
            f,
            "  {} indicators with {} targets and {} values ({} entered after their deadline)",
            self.indicators, self.targets, self.values, self.late_values
        )?;
        match self.signed_off.last() {
            Some(last) => writeln!(
                f,
                "  {} quarters signed off by Leadership Team, the latest {last}",
                self.signed_off.len()
            )?,
            None => writeln!(f, "  no quarter signed off yet")?,
        }
        writeln!(
            f,
            "  {} actions, {} projects with {} milestones, {} risks",
            self.actions, self.projects, self.milestones, self.risks
        )?;
        writeln!(
            f,
            "  {} equality impact assessments, {} case studies, {} budget lines, {} benchmark figures",
            self.eias, self.case_studies, self.budgets, self.benchmarks
        )?;
        write!(
            f,
            "  {} meetings; {} exceptions raised, {} of them open",
            self.meetings, self.exceptions, self.open_exceptions
        )
    }
}
