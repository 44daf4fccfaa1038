//! `pmdb demo`: a seeded, realistic demo council, Wyvern Vale District Council.
//!
//! The whole golden thread (vision → priorities → outcomes → key activities → service
//! plans → team plans → objectives), 72 indicators of every kind, frequency, polarity and
//! aggregation with three financial years of targets and data up to the month now due,
//! some of it missing, late, amber or red (and explained), and the actions, projects,
//! risks, equality impact assessments, case studies, budgets, benchmarks, meetings and
//! exceptions that go with it. `scale` N divides the council into N areas, each with its
//! own officers, service and team plans, indicators and team actions: N times the
//! indicators and about N times the officers.
//!
//! Everything is derived from `today` and fixed random seeds, so the same arguments give
//! the same data, down to who entered each value and when, and every write goes through
//! the store's API, one transaction per call.
//!
//! Files, one job each: `calendar` (time), `rng` (seeded streams), `org` and `people`
//! (the organisation and its users), `plan` (the thread), `catalogue` (indicator
//! templates), `indicators`, `targets`, `series`, `commentary` and `values` (indicator data),
//! `entries` (who entered each value and when), `actions`, `projects`, `risks`,
//! `equality`, `budgets`, `benchmarks` and `meetings` (the rest of the register),
//! `exceptions` (the PPG queue), `signoffs` (Leadership Team's quarters), `summary` (what
//! was made).

mod actions;
mod benchmarks;
mod budgets;
mod calendar;
mod catalogue;
mod commentary;
mod entries;
mod equality;
mod exceptions;
mod indicators;
mod meetings;
mod narratives;
mod org;
mod people;
mod plan;
mod projects;
mod requests;
mod risks;
mod rng;
mod series;
mod signoffs;
mod summary;
mod targets;
mod updates;
mod values;

use std::path::Path;

use chrono::NaiveDate;

pub use summary::DemoSummary;

use crate::domain::setting::Setting;
use crate::store::{Result, Store, StoreError};
use calendar::Calendar;

/// Creates a new database at `path` holding the demo council. `login` becomes its admin;
/// `today` decides the month now due and so how far the data runs; `scale` (1 or more)
/// multiplies the council's size. Refuses an existing file; on failure the partly
/// written file is removed again.
pub fn build_demo(path: &Path, login: &str, today: NaiveDate, scale: u32) -> Result<DemoSummary> {
    if scale == 0 {
        return Err(StoreError::Invalid(
            "the demo's scale must be 1 or more".into(),
        ));
    }
    // The demo's story is told as of `today`: what it records falls on that day.
    let store = Store::create_on(path, login, today)?;
    match fill(store, login, today, scale) {
        Ok(summary) => Ok(summary),
        Err(e) => {
            // The file is ours (create refuses an existing one): leave no half-built demo.
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
            Err(e)
        }
    }
}

/// Numbers rows as a spreadsheet would (the header is row 1), for the import calls.
fn numbered<T>(items: impl IntoIterator<Item = T>) -> Vec<(usize, T)> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, x)| (i + 2, x))
        .collect()
}

fn fill(mut store: Store, login: &str, today: NaiveDate, scale: u32) -> Result<DemoSummary> {
    let cal = Calendar::new(today);
    store.set_setting(&Setting::CouncilName(org::COUNCIL_NAME.into()))?;

    // People and organisation. The person running the demo is already the admin; if
    // their login is also one of the demo's people, they keep the admin role.
    let roster = people::Roster::build(scale);
    for p in roster.people.iter().filter(|p| p.login != login) {
        store.add_user(&p.login, &p.name, p.role)?;
        store.set_user_details(&p.login, &p.title, &p.email)?;
    }
    for s in org::SERVICES {
        store.add_service(s.code, s.name, s.head_login)?;
    }
    for p in org::PORTFOLIOS {
        // The holder is a person with a login (a viewer), named in reports by their name.
        store.add_portfolio(p.code, p.name, p.holder_login)?;
    }
    for (code, name, members) in meetings::boards() {
        store.add_board(code, name, &members)?;
    }

    // The golden thread and the indicators on it.
    store.import_plan(&numbered(plan::nodes(&cal, &roster.areas)))?;
    let templates = catalogue::templates();
    let planned = indicators::plan(&templates, &roster.areas);
    store.import_indicators(&numbered(planned.iter().map(|p| p.record.clone())))?;
    for p in &planned {
        for e in &p.record.enterers {
            store.add_enterer(p.code(), e)?;
        }
    }

    // Targets, values and benchmarks, indicator by indicator.
    let target_rows: Vec<_> = planned
        .iter()
        .map(|p| targets::rows(p.template, &cal))
        .collect();
    let mut all_targets: Vec<_> = planned
        .iter()
        .zip(&target_rows)
        .flat_map(|(p, rows)| rows.iter().map(|r| (p.code().to_string(), r.clone())))
        .collect();
    // One officer has drafted next year's target already, without its intervention level.
    if let Some((code, row)) = planned
        .iter()
        .find_map(|p| targets::drafted_next_year(p.template, &cal).map(|r| (p.code(), r)))
    {
        all_targets.push((code.to_string(), row));
    }
    store.import_targets(
        &numbered(all_targets)
            .into_iter()
            .map(|(n, (code, r))| (n, code, r))
            .collect::<Vec<_>>(),
    )?;
    // Each value as its officer entered it, on its day: one transaction for them all.
    let value_rows: Vec<_> = numbered(
        planned
            .iter()
            .zip(&target_rows)
            .flat_map(|(p, rows)| values::rows(p, rows, &cal)),
    )
    .into_iter()
    .map(|(n, (row, entered))| (n, row, entered))
    .collect();
    let loaded = store.import_values_entered(&value_rows, today)?;
    let benchmarks: Vec<_> = planned
        .iter()
        .zip(&target_rows)
        .filter(|(p, _)| p.area.number == 1)
        .flat_map(|(p, rows)| benchmarks::records(p, rows, &cal))
        .collect();
    store.add_benchmarks(&benchmarks)?;

    // The rest of the register.
    let acts = actions::records(&roster.areas, &cal);
    store.add_actions(&acts.iter().map(|a| a.action.clone()).collect::<Vec<_>>())?;
    store.add_action_links(&acts.iter().map(|a| a.link.clone()).collect::<Vec<_>>())?;
    store.add_action_updates(&acts.into_iter().flat_map(|a| a.updates).collect::<Vec<_>>())?;
    // Each further area of a scaled council runs its own copy of the projects, holds its
    // own risks and carries out its own assessments, owned by its own people.
    let owner = |area: &people::Area, i: usize| area.post(i % org::POSTS.len()).to_string();
    let base = projects::records(&cal);
    let mut projs = Vec::new();
    for area in &roster.areas {
        for d in &base {
            let id = projs.len() as i64 + 1;
            projs.push(if area.number == 1 {
                projects::in_area(d, area, id, &d.project.owner)
            } else {
                projects::in_area(d, area, id, &owner(area, projs.len()))
            });
        }
    }
    store.add_projects(&projs.iter().map(|p| p.project.clone()).collect::<Vec<_>>())?;
    store.add_project_links(&projs.iter().map(|p| p.link.clone()).collect::<Vec<_>>())?;
    store.add_milestones(
        &projs
            .iter()
            .flat_map(|p| p.milestones.clone())
            .collect::<Vec<_>>(),
    )?;
    store.add_project_updates(
        &projs
            .into_iter()
            .flat_map(|p| p.updates)
            .collect::<Vec<_>>(),
    )?;
    let base = risks::records(&cal);
    let mut risks = Vec::new();
    for area in &roster.areas {
        for d in &base {
            let id = risks.len() as i64 + 1;
            let who = if area.number == 1 {
                d.risk.owner.clone()
            } else {
                owner(area, risks.len() + 7)
            };
            risks.push(risks::in_area(d, area, id, &who));
        }
    }
    store.add_risks(&risks.iter().map(|r| r.risk.clone()).collect::<Vec<_>>())?;
    store.add_risk_links(
        &risks
            .iter()
            .filter_map(|r| r.link.clone())
            .collect::<Vec<_>>(),
    )?;
    store.add_risk_projects(
        &risks
            .iter()
            .filter_map(|r| r.project.clone())
            .collect::<Vec<_>>(),
    )?;
    store.add_risk_reviews(
        &risks
            .into_iter()
            .flat_map(|r| r.reviews)
            .collect::<Vec<_>>(),
    )?;
    let base = equality::eias(&cal);
    let mut eias = Vec::new();
    for area in &roster.areas {
        for e in &base {
            let id = eias.len() as i64 + 1;
            let who = if area.number == 1 {
                e.owner.clone()
            } else {
                owner(area, eias.len() + 3)
            };
            eias.push(equality::eia_in_area(e, area, id, &who));
        }
    }
    store.add_eias(&eias)?;
    store.add_case_studies(&equality::case_studies(&cal))?;
    store.add_budgets(&budgets::records(&cal, scale))?;
    store.add_meetings(&meetings::records(&cal))?;

    // The PPG queue, raised from the data as it now stands; then Leadership Team's
    // sign-off of every quarter it has met on, with the statuses as they stood that day.
    exceptions::raise_and_progress(&mut store, &cal)?;
    // Quarter narratives on a few reds, written before their quarters were signed off.
    narratives::write(&mut store, &planned, &cal)?;
    signoffs::sign_off_quarters(&mut store, &cal)?;
    // Scrutiny's recommendation on the last quarter, recorded today, open on its agenda.
    requests::record(&mut store, &cal)?;
    summary::summarise(&store, &cal, scale, loaded.added)
}
