//! `pmdb exceptions [filters]`, `pmdb exceptions raise --period P` and
//! `pmdb exceptions update ID …` (the meeting's record).

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde_json::json;

use super::output::{json as print_json, table};
use super::{Env, period_arg};
use crate::domain::workflow::{ExceptionKind, ExceptionStatus, Step};
use crate::query::exceptions::{candidates, with_figures_now};
use crate::query::reviewable::check_reviewable;
use crate::store::{ExceptionFilter, ExceptionUpdate};

#[derive(Args, Debug)]
pub struct ExceptionsArgs {
    #[command(subcommand)]
    action: Option<ExceptionAction>,
    /// Only this period.
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// open, proposed, agreed, escalated or closed.
    #[arg(long)]
    status: Option<String>,
    /// red, missing, action, project, milestone, risk, risk_review, eia or missing_update.
    #[arg(long)]
    kind: Option<String>,
    /// Only this service (code).
    #[arg(long)]
    service: Option<String>,
    /// Only this meeting (its number).
    #[arg(long)]
    meeting: Option<i64>,
}

#[derive(Subcommand, Debug)]
enum ExceptionAction {
    /// Raise one exception per red or missing value, overdue action and risk above its
    /// target score; raising again adds only what is new.
    Raise {
        #[arg(long, value_name = "PERIOD")]
        period: String,
    },
    /// Record the meeting: the officer's proposal, PPG's decision, escalation, closure.
    Update {
        /// The exception's number.
        id: i64,
        /// open, proposed, agreed, escalated or closed.
        #[arg(long)]
        status: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        proposal: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        decision: Option<String>,
        /// The Management Board member responsible (on escalation).
        #[arg(long, value_name = "LOGIN")]
        board_member: Option<String>,
        /// The date the Board member reports back by (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        /// Save only if the exception is still at this version.
        #[arg(long, value_name = "N")]
        expect_version: Option<i64>,
    },
}

pub fn run(env: &Env, args: ExceptionsArgs) -> Result<()> {
    match args.action {
        Some(ExceptionAction::Raise { period }) => raise(env, &period),
        Some(ExceptionAction::Update {
            id,
            status,
            proposal,
            decision,
            board_member,
            due,
            expect_version,
        }) => {
            let step = Step {
                status: status
                    .as_deref()
                    .map(|s| {
                        s.parse::<ExceptionStatus>()
                            .map_err(|e| anyhow!("--status: {e}"))
                    })
                    .transpose()?,
                proposal,
                decision,
                board_member,
                escalation_due: due
                    .as_deref()
                    .map(|d| {
                        d.trim().parse().map_err(|_| {
                            anyhow!("--due: '{d}' is not a date: write it as YYYY-MM-DD")
                        })
                    })
                    .transpose()?,
            };
            let mut store = env.open()?;
            let rec = store.update_exception(&ExceptionUpdate {
                id,
                expected_version: expect_version,
                step,
            })?;
            if env.json {
                return print_json(&rec);
            }
            say!(
                "exception #{} is now {} (version {})",
                rec.id,
                rec.status,
                rec.version
            );
            Ok(())
        }
        None => list(env, args),
    }
}

fn raise(env: &Env, period: &str) -> Result<()> {
    let period = period_arg(period, "--period")?;
    let mut store = env.open()?;
    let ds = store.dataset()?;
    check_reviewable(&ds, period, env.today, "its exceptions cannot be raised")
        .map_err(|e| anyhow!(e))?;
    let found = candidates(&ds, period, &store.meetings()?, ds.context(env.today));
    let new = store.raise_exceptions(&found)?;
    if env.json {
        return print_json(
            &json!({ "period": period.to_string(), "found": found.len(), "raised": new }),
        );
    }
    say!(
        "{period}: {} exceptions found, {new} newly raised",
        found.len()
    );
    Ok(())
}

fn list(env: &Env, args: ExceptionsArgs) -> Result<()> {
    let filter = ExceptionFilter {
        period: args
            .period
            .as_deref()
            .map(|p| period_arg(p, "--period").map(|p| p.to_string()))
            .transpose()?,
        status: args
            .status
            .as_deref()
            .map(|s| {
                s.parse::<ExceptionStatus>()
                    .map_err(|e| anyhow!("--status: {e}"))
            })
            .transpose()?,
        kind: args
            .kind
            .as_deref()
            .map(|k| {
                k.parse::<ExceptionKind>()
                    .map_err(|e| anyhow!("--kind: {e}"))
            })
            .transpose()?,
        service: args.service,
        meeting: args.meeting,
    };
    let store = env.open()?;
    let ds = store.dataset()?;
    let rows = with_figures_now(&ds, store.exceptions(&filter)?, ds.context(env.today));
    if env.json {
        return print_json(&json!({ "exceptions": rows }));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|n| {
            let e = &n.record;
            // A figure that changed since the exception was raised shows both.
            let figures = if n.changed {
                format!("CHANGED: raised at {}; now {}", e.figures, n.figures_now)
            } else {
                e.figures.clone()
            };
            vec![
                format!("#{}", e.id),
                e.period.clone(),
                e.kind.to_string(),
                e.subject.clone(),
                e.service.clone(),
                e.owner.clone(),
                e.status.to_string(),
                figures,
            ]
        })
        .collect();
    table(
        &[
            "id", "period", "kind", "subject", "service", "owner", "status", "figures",
        ],
        &lines,
    );
    say!("{} exceptions", rows.len());
    Ok(())
}
