//! Writing the delivery kinds, spreadsheet-safe like every export, so that export then
//! import changes nothing: every field the reader takes, `plan` as `;`-separated codes.

use std::collections::BTreeMap;
use std::io::Write;

use super::columns::Kind;
use super::write::{finish, record, writer};
use super::{CsvError, number};
use crate::domain::period::FinYear;
use crate::store::{BenchmarkRecord, BudgetRecord, CaseStudyRecord, Delivery, EiaRecord};

fn opt(x: Option<f64>) -> String {
    x.map(number).unwrap_or_default()
}

fn text(x: &Option<String>) -> &str {
    x.as_deref().unwrap_or("")
}

/// Each subject's plan nodes, `;`-separated in code order.
fn plans(pairs: impl Iterator<Item = (String, String)>) -> BTreeMap<String, String> {
    let mut nodes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (subject, node) in pairs {
        nodes.entry(subject).or_default().push(node);
    }
    nodes
        .into_iter()
        .map(|(s, mut n)| {
            n.sort();
            (s, n.join(";"))
        })
        .collect()
}

/// Writes one delivery kind (`actions` … `eias`) from what the store holds.
pub fn write_delivery<W: Write>(out: W, kind: Kind, d: &Delivery) -> Result<(), CsvError> {
    let mut w = writer(kind, out)?;
    let none = String::new();
    match kind {
        Kind::Actions => {
            let plan = plans(
                d.action_links
                    .iter()
                    .map(|l| (l.action.clone(), l.node.clone())),
            );
            for a in &d.actions {
                record(
                    &mut w,
                    kind,
                    &[
                        &a.code,
                        &a.title,
                        &a.kind,
                        plan.get(&a.code).unwrap_or(&none),
                        &a.owner,
                        text(&a.start),
                        &a.due,
                        &a.frequency,
                    ],
                )?;
            }
        }
        Kind::ActionUpdates => {
            for u in &d.action_updates {
                record(
                    &mut w,
                    kind,
                    &[
                        &u.action,
                        &u.period,
                        &u.status,
                        &u.progress.map(|p| p.to_string()).unwrap_or_default(),
                        text(&u.forecast),
                        &u.commentary,
                    ],
                )?;
            }
        }
        Kind::Projects => {
            let plan = plans(
                d.project_links
                    .iter()
                    .map(|l| (l.project.clone(), l.node.clone())),
            );
            for p in &d.projects {
                record(
                    &mut w,
                    kind,
                    &[
                        &p.code,
                        &p.title,
                        plan.get(&p.code).unwrap_or(&none),
                        &p.owner,
                        text(&p.start),
                        text(&p.finish),
                        &opt(p.budget),
                        &p.frequency,
                    ],
                )?;
            }
        }
        Kind::ProjectUpdates => {
            for u in &d.project_updates {
                record(
                    &mut w,
                    kind,
                    &[
                        &u.project,
                        &u.period,
                        &u.status,
                        &opt(u.spent),
                        &u.commentary,
                    ],
                )?;
            }
        }
        Kind::Milestones => {
            for m in &d.milestones {
                record(
                    &mut w,
                    kind,
                    &[
                        &m.project,
                        &m.title,
                        &m.due,
                        text(&m.forecast),
                        text(&m.done),
                    ],
                )?;
            }
        }
        Kind::Risks => {
            let plan = plans(
                d.risk_links
                    .iter()
                    .map(|l| (l.risk.clone(), l.node.clone()))
                    .chain(
                        d.risk_projects
                            .iter()
                            .map(|l| (l.risk.clone(), l.project.clone())),
                    ),
            );
            for r in &d.risks {
                record(
                    &mut w,
                    kind,
                    &[
                        &r.code,
                        &r.title,
                        &r.category,
                        plan.get(&r.code).unwrap_or(&none),
                        &r.owner,
                        &r.controls,
                        &r.inherent_likelihood.to_string(),
                        &r.inherent_impact.to_string(),
                        &r.target_score.to_string(),
                        &r.review_months.to_string(),
                        text(&r.closed),
                    ],
                )?;
            }
        }
        Kind::RiskReviews => {
            for r in &d.risk_reviews {
                record(
                    &mut w,
                    kind,
                    &[
                        &r.risk,
                        &r.date,
                        &r.likelihood.to_string(),
                        &r.impact.to_string(),
                        &r.commentary,
                    ],
                )?;
            }
        }
        Kind::Eias => write_eias(&mut w, &d.eias)?,
        other => {
            return Err(CsvError(format!("{other} is not a delivery kind")));
        }
    }
    finish(w)
}

fn write_eias<W: Write>(w: &mut csv::Writer<W>, eias: &[EiaRecord]) -> Result<(), CsvError> {
    for e in eias {
        record(
            w,
            Kind::Eias,
            &[
                &e.code,
                &e.title,
                text(&e.node),
                text(&e.service),
                &e.owner,
                &e.due,
                text(&e.completed),
                &e.outcome,
            ],
        )?;
    }
    Ok(())
}

pub fn write_case_studies<W: Write>(out: W, studies: &[CaseStudyRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::CaseStudies, out)?;
    for s in studies {
        let year = i32::try_from(s.year).map(|y| FinYear(y).to_string());
        record(
            &mut w,
            Kind::CaseStudies,
            &[
                &s.code,
                &s.title,
                text(&s.node),
                text(&s.service),
                &year.unwrap_or_else(|_| s.year.to_string()),
                &s.story,
                if s.selected { "yes" } else { "no" },
            ],
        )?;
    }
    finish(w)
}

pub fn write_budgets<W: Write>(out: W, budgets: &[BudgetRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Budgets, out)?;
    for b in budgets {
        record(
            &mut w,
            Kind::Budgets,
            &[
                &b.service,
                &b.month,
                &number(b.budget),
                &opt(b.actual),
                &opt(b.forecast),
            ],
        )?;
    }
    finish(w)
}

pub fn write_benchmarks<W: Write>(out: W, benchmarks: &[BenchmarkRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Benchmarks, out)?;
    for b in benchmarks {
        record(
            &mut w,
            Kind::Benchmarks,
            &[&b.indicator, &b.period, &b.comparator, &number(b.value)],
        )?;
    }
    finish(w)
}
