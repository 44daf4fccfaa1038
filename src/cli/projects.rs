//! `pmdb projects [--period P]`, `pmdb projects update CODE PERIOD --status S [--spent X]
//! [--commentary T]` and `pmdb projects milestone CODE TITLE --done DATE [--forecast DATE]`.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::json;

use super::delivery::{date_arg, day, expect_arg, period_or_now_due, rag_text};
use super::output::{json as print_json, table};
use super::{Env, period_arg};
use crate::domain::delivery::DeliveryRag;
use crate::domain::delivery::project::ProjectStatus;
use crate::domain::period::{Month, Period};
use crate::query::delivery::{ProjectRow, risks_of_project};
use crate::store::{MilestoneChange, NewProjectUpdate};

#[derive(Args, Debug)]
pub struct ProjectsArgs {
    #[command(subcommand)]
    command: Option<ProjectsCommand>,
    /// The period the status is for (default: the month now due, the last that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
}

#[derive(Subcommand, Debug)]
enum ProjectsCommand {
    /// Record (or replace) the owner's update of a project for a period.
    Update {
        /// The project's code.
        code: String,
        /// The period the update is for: a month (2026-10) or quarter (2026/27 Q2).
        period: String,
        /// on_track, at_risk, off_track, completed or closed.
        #[arg(long)]
        status: String,
        /// Spend to date (£).
        #[arg(long, value_name = "X", allow_negative_numbers = true)]
        spent: Option<String>,
        /// Why (required when at_risk or off_track).
        #[arg(long, allow_hyphen_values = true)]
        commentary: Option<String>,
        /// Save only if the stored update is still at this version (0: no update yet).
        #[arg(long, value_name = "N")]
        expect_version: Option<i64>,
    },
    /// Record the date a milestone was done, or its forecast date.
    Milestone {
        /// The project's code.
        code: String,
        /// The milestone's title, as `pmdb projects` shows it.
        title: String,
        /// The date it was done (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY).
        #[arg(long, value_name = "DATE")]
        done: Option<String>,
        /// The date it is now forecast for (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY).
        #[arg(long, value_name = "DATE")]
        forecast: Option<String>,
    },
}

#[derive(Serialize)]
struct MilestoneJson<'a> {
    title: &'a str,
    due: String,
    forecast: Option<String>,
    done: Option<String>,
    late: bool,
}

/// One project as `pmdb projects --json` gives it.
#[derive(Serialize)]
struct ProjectJson<'a> {
    code: &'a str,
    title: &'a str,
    owner: &'a str,
    status: &'static str,
    rag: DeliveryRag,
    rule: String,
    start: Option<&'a str>,
    finish: Option<&'a str>,
    budget: Option<f64>,
    /// How often it owes an update: monthly or quarterly.
    frequency: &'a str,
    spent: Option<f64>,
    milestones: Vec<MilestoneJson<'a>>,
}

fn to_json<'a>(row: &'a ProjectRow<'a>, period: Period) -> ProjectJson<'a> {
    let end = period.last_month().last_day();
    ProjectJson {
        code: &row.record.code,
        title: &row.record.title,
        owner: &row.record.owner,
        status: row.judgement.status.as_str(),
        rag: row.judgement.rag,
        rule: row.judgement.rule.to_string(),
        start: row.record.start.as_deref(),
        finish: row.record.finish.as_deref(),
        budget: row.record.budget,
        frequency: &row.record.frequency,
        spent: row.judgement.latest.as_ref().and_then(|u| u.spent),
        milestones: row
            .milestones
            .iter()
            .map(|m| MilestoneJson {
                title: &m.title,
                due: m.due.to_string(),
                forecast: m.forecast.map(|d| d.to_string()),
                done: m.done.map(|d| d.to_string()),
                late: m.late_at(end),
            })
            .collect(),
    }
}

pub fn run(env: &Env, args: ProjectsArgs) -> Result<()> {
    match args.command {
        Some(ProjectsCommand::Update {
            code,
            period,
            status,
            spent,
            commentary,
            expect_version,
        }) => {
            let update = NewProjectUpdate {
                code,
                period: period_arg(&period, "PERIOD")?,
                status: status
                    .parse::<ProjectStatus>()
                    .map_err(|e| anyhow!("--status: {e}"))?,
                spent: spent.as_deref().map(spent_arg).transpose()?,
                commentary: commentary.unwrap_or_default(),
            };
            let mut store = env.open()?;
            let version = store.record_update(&update, expect_arg(expect_version)?, env.today)?;
            let saved = format!(
                "saved {} {} (version {version})",
                update.code, update.period
            );
            show_one(env, &update.code, update.period, Some(version), &saved)
        }
        Some(ProjectsCommand::Milestone {
            code,
            title,
            done,
            forecast,
        }) => {
            let change = MilestoneChange {
                project: code,
                title,
                done: done.as_deref().map(|d| date_arg(d, "--done")).transpose()?,
                forecast: forecast
                    .as_deref()
                    .map(|d| date_arg(d, "--forecast"))
                    .transpose()?,
            };
            let mut store = env.open()?;
            store.set_milestone(&change, env.today)?;
            // Shown as it stands this month, so a milestone done today is done.
            let this_month = Period::Month(Month::of(env.today));
            let saved = format!(
                "saved milestone '{}' of {}; {} for {this_month}",
                change.title, change.project, change.project
            );
            show_one(env, &change.project, this_month, None, &saved)
        }
        None => list(env, period_or_now_due(env, args.period.as_deref())?),
    }
}

/// `--spent 125000` or `£125,000`, read as the interface and CSV import read it.
fn spent_arg(text: &str) -> Result<f64> {
    use crate::domain::money::{Sign, parse_money};
    parse_money(text, Sign::NotNegative).map_err(|e| {
        anyhow!(
            "--spent: the spend to date {}",
            crate::safe_text::line(&e.to_string())
        )
    })
}

fn list(env: &Env, period: Period) -> Result<()> {
    let store = env.read()?;
    let ds = store.dataset()?;
    let rows = ds.delivery.project_rows(period, ds.context(env.today));
    if env.json {
        let projects: Vec<ProjectJson> = rows.iter().map(|r| to_json(r, period)).collect();
        return print_json(&json!({ "period": period.to_string(), "projects": projects }));
    }
    let end = period.last_month().last_day();
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let ms = &r.milestones;
            let late = ms.iter().filter(|m| m.late_at(end)).count();
            let done = ms
                .iter()
                .filter(|m| m.done.is_some_and(|d| d <= end))
                .count();
            vec![
                r.record.code.clone(),
                r.record.title.clone(),
                r.record.owner.clone(),
                day(r.record.finish.as_deref().and_then(|d| d.parse().ok())),
                format!("{done}/{} done, {late} late", ms.len()),
                r.judgement.status.as_str().to_string(),
                rag_text(r.judgement.rag),
                r.judgement.rule.to_string(),
            ]
        })
        .collect();
    table(
        &[
            "code",
            "title",
            "owner",
            "finish",
            "milestones",
            "status",
            "rag",
            "rule",
        ],
        &lines,
    );
    say!(
        "{} for {period}",
        crate::domain::label::counted(rows.len(), "project", "projects")
    );
    // Each project's own risk register (risks whose plan names the project), after.
    let risks = ds.delivery.risk_rows(period);
    for r in &rows {
        let own = risks_of_project(&risks, &r.record.code);
        if own.is_empty() {
            continue;
        }
        say!("{}'s own risks:", r.record.code);
        for x in own {
            let j = &x.judgement;
            let kind = if x.is_opportunity() {
                "opportunity, "
            } else {
                ""
            };
            say!(
                "  {} {} ({kind}{}×{}={}, {}, target {})",
                x.record.code,
                x.record.title,
                j.likelihood,
                j.impact,
                j.score,
                rag_text(j.rag),
                x.record.target_score
            );
        }
    }
    Ok(())
}

/// The project as judged after a save, with its milestones.
fn show_one(
    env: &Env,
    code: &str,
    period: Period,
    version: Option<i64>,
    saved: &str,
) -> Result<()> {
    let store = env.read()?;
    let ds = store.dataset()?;
    let rows = ds.delivery.project_rows(period, ds.context(env.today));
    let row = rows
        .iter()
        .find(|r| r.record.code == code)
        .ok_or_else(|| anyhow!("project {code} vanished after saving"))?;
    if env.json {
        return print_json(&json!({
            "period": period.to_string(),
            "version": version,
            "project": to_json(row, period),
        }));
    }
    say!(
        "{saved}: {} — {}",
        rag_text(row.judgement.rag),
        row.judgement.rule
    );
    let end = period.last_month().last_day();
    for m in &row.milestones {
        let late = if m.late_at(end) { ", late" } else { "" };
        say!(
            "  {}: due {}, forecast {}, done {}{late}",
            m.title,
            m.due,
            day(m.forecast),
            day(m.done)
        );
    }
    Ok(())
}
