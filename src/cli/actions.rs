//! `pmdb actions [--period P] [--owner L] [--plan NODE] [--rag R]` and
//! `pmdb actions update CODE PERIOD --status S [--progress N] [--forecast DATE]
//! [--commentary T] [--expect-version V]`.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::json;

use super::delivery::{date_arg, expect_arg, period_or_now_due, rag_text};
use super::output::{json as print_json, table};
use super::{Env, period_arg};
use crate::domain::delivery::DeliveryRag;
use crate::domain::delivery::action::ActionStatus;
use crate::domain::period::Period;
use crate::query::delivery::ActionRow;
use crate::store::{Dataset, NewActionUpdate};

#[derive(Args, Debug)]
pub struct ActionsArgs {
    #[command(subcommand)]
    command: Option<ActionsCommand>,
    /// The period the status is for (default: the month now due, the last that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// Only the actions this login owns.
    #[arg(long, value_name = "LOGIN")]
    owner: Option<String>,
    /// Only actions linked at or beneath this plan node.
    #[arg(long, value_name = "NODE")]
    plan: Option<String>,
    /// Only this RAG: green, amber, red, completed, missing or none.
    #[arg(long)]
    rag: Option<String>,
}

#[derive(Subcommand, Debug)]
enum ActionsCommand {
    /// Record (or replace) the owner's update of an action for a period.
    Update {
        /// The action's code.
        code: String,
        /// The period the update is for: a month (2026-10) or quarter (2026/27 Q2).
        period: String,
        /// not_started, on_track, at_risk, off_track, completed, deferred or cancelled.
        #[arg(long)]
        status: String,
        /// Per cent done, 0 to 100.
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        progress: Option<String>,
        /// The revised (forecast) date: YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY.
        #[arg(long, value_name = "DATE")]
        forecast: Option<String>,
        /// Why (required when at_risk or off_track).
        #[arg(long, allow_hyphen_values = true)]
        commentary: Option<String>,
        /// Save only if the stored update is still at this version (0: no update yet).
        #[arg(long, value_name = "N")]
        expect_version: Option<i64>,
    },
}

/// One action as `pmdb actions --json` gives it.
#[derive(Serialize)]
struct ActionJson<'a> {
    code: &'a str,
    title: &'a str,
    kind: &'a str,
    owner: &'a str,
    plan: &'a [&'a str],
    due: &'a str,
    /// How often it owes an update: monthly or quarterly.
    frequency: &'a str,
    forecast: Option<String>,
    status: &'static str,
    rag: DeliveryRag,
    rule: String,
    progress: Option<u8>,
    commentary: Option<&'a str>,
    updated_period: Option<String>,
}

fn to_json<'a>(row: &'a ActionRow<'a>) -> ActionJson<'a> {
    let latest = row.judgement.latest.as_ref();
    ActionJson {
        code: &row.record.code,
        title: &row.record.title,
        kind: &row.record.kind,
        owner: &row.record.owner,
        plan: &row.plan,
        due: &row.record.due,
        frequency: &row.record.frequency,
        forecast: latest.and_then(|u| u.forecast).map(|d| d.to_string()),
        status: row.judgement.status.as_str(),
        rag: row.judgement.rag,
        rule: row.judgement.rule.to_string(),
        progress: latest.and_then(|u| u.progress),
        commentary: latest.map(|u| u.commentary.as_str()),
        updated_period: latest.map(|u| u.period.to_string()),
    }
}

pub fn run(env: &Env, args: ActionsArgs) -> Result<()> {
    if let Some(ActionsCommand::Update {
        code,
        period,
        status,
        progress,
        forecast,
        commentary,
        expect_version,
    }) = args.command
    {
        let update = NewActionUpdate {
            code,
            period: period_arg(&period, "PERIOD")?,
            status: status
                .parse::<ActionStatus>()
                .map_err(|e| anyhow!("--status: {e}"))?,
            progress: progress.as_deref().map(progress_arg).transpose()?,
            forecast: forecast
                .as_deref()
                .map(|d| date_arg(d, "--forecast"))
                .transpose()?,
            commentary: commentary.unwrap_or_default(),
        };
        return update_action(env, &update, expect_arg(expect_version)?);
    }
    let period = period_or_now_due(env, args.period.as_deref())?;
    let rag = args
        .rag
        .as_deref()
        .map(|r| r.parse::<DeliveryRag>().map_err(|e| anyhow!("--rag: {e}")))
        .transpose()?;
    let store = env.read()?;
    let ds = store.dataset()?;
    super::list::known_owner(&ds, args.owner.as_deref())?;
    let beneath = match &args.plan {
        Some(node) if ds.node(node).is_none() => {
            return Err(anyhow!("--plan: no plan node '{node}'"));
        }
        Some(node) => Some(ds.thread().subtree(node)),
        None => None,
    };
    let rows: Vec<ActionRow> = ds
        .delivery
        .action_rows(period, ds.context(env.today))
        .into_iter()
        .filter(|r| args.owner.as_ref().is_none_or(|o| r.record.owner == *o))
        .filter(|r| {
            beneath
                .as_ref()
                .is_none_or(|b| r.plan.iter().any(|n| b.contains(n)))
        })
        .filter(|r| rag.is_none_or(|g| r.judgement.rag == g))
        .collect();
    if env.json {
        let actions: Vec<ActionJson> = rows.iter().map(to_json).collect();
        return print_json(&json!({ "period": period.to_string(), "actions": actions }));
    }
    print_table(&rows);
    say!(
        "{} for {period}",
        crate::domain::label::counted(rows.len(), "action", "actions")
    );
    Ok(())
}

fn print_table(rows: &[ActionRow]) {
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let latest = r.judgement.latest.as_ref();
            vec![
                r.record.code.clone(),
                r.record.title.clone(),
                r.record.owner.clone(),
                r.record.due.clone(),
                latest
                    .and_then(|u| u.progress)
                    .map_or_else(|| "–".into(), |p| format!("{p}%")),
                r.judgement.status.as_str().to_string(),
                rag_text(r.judgement.rag),
                r.judgement.rule.to_string(),
            ]
        })
        .collect();
    table(
        &[
            "code", "title", "owner", "due", "done", "status", "rag", "rule",
        ],
        &lines,
    );
}

/// `--progress 50` or `50%`, read as the interface and CSV import read it.
fn progress_arg(text: &str) -> Result<i64> {
    crate::domain::money::parse_progress(text)
        .map_err(|e| anyhow!("--progress: {}", crate::safe_text::line(&e.to_string())))
}

fn update_action(env: &Env, update: &NewActionUpdate, expect: crate::store::Expect) -> Result<()> {
    let mut store = env.open()?;
    let version = store.record_update(update, expect, env.today)?;
    let ds = store.dataset()?;
    judged_after_save(env, &ds, &update.code, update.period, version)
}

/// The action as judged for the period just updated.
fn judged_after_save(
    env: &Env,
    ds: &Dataset,
    code: &str,
    period: Period,
    version: i64,
) -> Result<()> {
    let rows = ds.delivery.action_rows(period, ds.context(env.today));
    let row = rows
        .iter()
        .find(|r| r.record.code == code)
        .ok_or_else(|| anyhow!("action {code} vanished after saving"))?;
    if env.json {
        return print_json(&json!({
            "period": period.to_string(),
            "version": version,
            "action": to_json(row),
        }));
    }
    say!(
        "saved {code} {period} (version {version}): {} — {}",
        rag_text(row.judgement.rag),
        row.judgement.rule
    );
    Ok(())
}
