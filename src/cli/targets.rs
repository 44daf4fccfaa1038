//! A new year and its targets' approval (SPEC "A new year in one command", "Targets are
//! proposed, then approved"):
//! `pmdb year roll-forward YEAR [--uplift PCT] [--dry-run]` makes the year's draft targets
//! from the last year's; `pmdb targets propose CODE YEAR --target T [--intervention I]
//! --why TEXT` is an owner's proposal; `pmdb targets approve YEAR [--code CODE] --by BOARD
//! [--meeting ID|BOARD:DATE]` records the board's approval.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde_json::json;

use super::Env;
use super::output::json as print_json;
use crate::domain::number::parse_number;
use crate::domain::period::FinYear;
use crate::domain::target::TargetRow;

#[derive(Args, Debug)]
pub struct YearArgs {
    #[command(subcommand)]
    command: YearCommand,
}

#[derive(Subcommand, Debug)]
enum YearCommand {
    /// Make a new year from the last: extend the plan nodes that end with it, and give
    /// every indicator the last year's targets, intervention levels and profiles, uplifted
    /// the way of better and rounded to its places, as draft targets until approved.
    RollForward {
        /// The new financial year (like 2027/28).
        year: String,
        /// Change every target by this per cent in the direction of better (default 0).
        #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
        uplift: Option<String>,
        /// List what it would make, writing nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Args, Debug)]
pub struct TargetsArgs {
    #[command(subcommand)]
    command: TargetsCommand,
}

#[derive(Subcommand, Debug)]
enum TargetsCommand {
    /// Propose a year's annual target and intervention level, with the reason (the
    /// indicator's owner, an enterer or the performance team).
    Propose {
        code: String,
        /// The financial year (like 2027/28).
        year: String,
        #[arg(long, allow_hyphen_values = true)]
        target: String,
        #[arg(long, allow_hyphen_values = true)]
        intervention: Option<String>,
        /// Why this target: what the board reads before approving it.
        #[arg(long, allow_hyphen_values = true)]
        why: String,
    },
    /// Record that a board approved a year's targets (every one not yet approved, or one
    /// indicator's): the performance team.
    Approve {
        year: String,
        #[arg(long)]
        code: Option<String>,
        /// The approving board's code (e.g. CAB for Cabinet).
        #[arg(long, value_name = "BOARD")]
        by: String,
        /// The board's meeting that approved them: its number or BOARD:DATE.
        #[arg(long, value_name = "ID|BOARD:DATE")]
        meeting: Option<String>,
    },
}

/// A target as stored (rounded already to its indicator's places), or "none".
fn shown(x: Option<f64>) -> String {
    x.map_or_else(|| "none".to_string(), crate::csvio::number)
}

fn year_arg(text: &str) -> Result<FinYear> {
    text.parse::<FinYear>().map_err(|e| anyhow!("YEAR: {e}"))
}

fn number_arg(text: &str, what: &str) -> Result<f64> {
    parse_number(text.trim()).ok_or_else(|| anyhow!("{what}: '{text}' is not a number"))
}

pub fn year(env: &Env, args: YearArgs) -> Result<()> {
    let YearCommand::RollForward {
        year,
        uplift,
        dry_run,
    } = args.command;
    let year = year_arg(&year)?;
    let uplift = uplift
        .as_deref()
        .map(|u| number_arg(u.trim_end_matches('%'), "--uplift"))
        .transpose()?
        .unwrap_or(0.0);
    let mut store = env.open()?;
    let made = store.roll_forward(year, uplift, dry_run)?;
    if env.json {
        let targets: Vec<_> = made
            .targets
            .iter()
            .map(|(code, t)| {
                json!({"code": code, "year": t.year, "period": t.period, "target": t.target,
                       "intervention": t.intervention})
            })
            .collect();
        return print_json(&json!({
            "year": made.year, "from": made.from, "uplift": made.uplift, "dry_run": dry_run,
            "nodes": made.nodes, "targets": targets,
        }));
    }
    let annual = made
        .targets
        .iter()
        .filter(|(_, t)| t.period.is_none())
        .count();
    say!(
        "{} {} from {} (uplift {}%): {} extended, {} annual targets and {} profile targets {}, all draft until approved",
        if dry_run {
            "would roll forward"
        } else {
            "rolled forward"
        },
        made.year,
        made.from,
        made.uplift,
        crate::domain::label::counted(made.nodes.len(), "plan node", "plan nodes"),
        annual,
        made.targets.len() - annual,
        if dry_run {
            "to make; nothing was written"
        } else {
            "made"
        },
    );
    for (code, t) in &made.targets {
        let at = t
            .period
            .map_or_else(|| "annual".to_string(), |p| p.to_string());
        say!(
            "  {code} {at}: target {}, intervention {}",
            shown(Some(t.target)),
            shown(t.intervention)
        );
    }
    Ok(())
}

pub fn targets(env: &Env, args: TargetsArgs) -> Result<()> {
    match args.command {
        TargetsCommand::Propose {
            code,
            year,
            target,
            intervention,
            why,
        } => {
            let year = year_arg(&year)?;
            let mut store = env.open()?;
            // Typed as a value is: a `%` sign only on a measure in `%`.
            let unit = store.indicator(&code)?.indicator.unit;
            let figure = |text: &str, what: &str| {
                crate::domain::number::figure_in_unit(text, &unit)
                    .map_err(|why| anyhow!("{what}: {why}"))
            };
            let row = TargetRow {
                year,
                period: None,
                target: figure(&target, "--target")?,
                intervention: intervention
                    .as_deref()
                    .map(|i| figure(i, "--intervention"))
                    .transpose()?,
            };
            let rec = store.propose_target(&code, &row, &why)?;
            if env.json {
                return print_json(&json!({"code": code, "target": row.target,
                    "intervention": row.intervention, "state": rec.state, "year": rec.year,
                    "why": rec.why, "proposed_by": rec.proposed_by}));
            }
            say!(
                "proposed {code} {}: target {}, intervention {} — waiting for a board's approval",
                row.year,
                shown(Some(row.target)),
                shown(row.intervention)
            );
            Ok(())
        }
        TargetsCommand::Approve {
            year,
            code,
            by,
            meeting,
        } => {
            let year = year_arg(&year)?;
            let mut store = env.open()?;
            let meeting = meeting
                .as_deref()
                .map(|m| store.meeting_named(m).map(|m| m.id))
                .transpose()?;
            let approved = store.approve_targets(year, code.as_deref(), &by, meeting)?;
            if env.json {
                return print_json(&json!({"year": year, "approved_by": by, "meeting": meeting,
                    "indicators": approved}));
            }
            say!(
                "{} approved by {by}: {}",
                year,
                crate::domain::label::counted(
                    approved.len(),
                    "indicator's targets",
                    "indicators' targets"
                )
            );
            Ok(())
        }
    }
}
