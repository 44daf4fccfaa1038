//! `pmdb eias [--period P]`: equality impact assessments at the end of a period.

use anyhow::Result;
use clap::Args;
use serde::Serialize;
use serde_json::json;

use super::Env;
use super::delivery::{period_or_now_due, rag_text};
use super::output::{json as print_json, table};
use crate::domain::delivery::eia::EiaStatus;

#[derive(Args, Debug)]
pub struct EiasArgs {
    /// The period judged, at its end (default: the month now due, the last that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
}

/// One EIA as `pmdb eias --json` gives it.
#[derive(Serialize)]
struct EiaJson<'a> {
    code: &'a str,
    title: &'a str,
    owner: &'a str,
    due: &'a str,
    completed: Option<&'a str>,
    status: EiaStatus,
    overdue: bool,
    outcome: &'a str,
}

pub fn run(env: &Env, args: EiasArgs) -> Result<()> {
    let period = period_or_now_due(env, args.period.as_deref())?;
    let store = env.read()?;
    let delivery = store.delivery()?;
    let end = period.last_month().last_day().to_string();
    let rows = delivery.eia_rows(period);
    if env.json {
        let eias: Vec<EiaJson> = rows
            .iter()
            .map(|r| EiaJson {
                code: &r.record.code,
                title: &r.record.title,
                owner: &r.record.owner,
                due: &r.record.due,
                // As it stood at the period's end: a later completion is not yet known.
                completed: r.record.completed.as_deref().filter(|c| *c <= end.as_str()),
                status: r.judgement.status,
                overdue: r.judgement.overdue,
                outcome: &r.record.outcome,
            })
            .collect();
        return print_json(&json!({ "period": period.to_string(), "eias": eias }));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.record.code.clone(),
                r.record.title.clone(),
                r.record.owner.clone(),
                r.record.due.clone(),
                r.judgement.status.to_string(),
                rag_text(r.judgement.rag),
                r.judgement.rule.to_string(),
            ]
        })
        .collect();
    table(
        &["code", "title", "owner", "due", "status", "rag", "rule"],
        &lines,
    );
    say!("{} EIAs for {period}", rows.len());
    Ok(())
}
