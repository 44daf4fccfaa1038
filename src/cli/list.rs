//! `pmdb list [--owner L] [--plan NODE] [--portfolio P] [--service S] [--rag R] [--period P]`.

use anyhow::{Result, anyhow};
use clap::Args;
use serde_json::json;

use super::output::{figure, table};
use super::rollup::default_period;
use super::{Env, output, period_arg};
use crate::domain::rag::Rag;
use crate::query::list::{ListFilter, list};

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Indicators this login owns or enters data for.
    #[arg(long, value_name = "LOGIN")]
    owner: Option<String>,
    /// Indicators linked at or beneath this plan node.
    #[arg(long, value_name = "NODE")]
    plan: Option<String>,
    /// Indicators in this portfolio (code).
    #[arg(long)]
    portfolio: Option<String>,
    /// Indicators of this service (code).
    #[arg(long)]
    service: Option<String>,
    /// Only this status: green, amber, red, missing or none.
    #[arg(long)]
    rag: Option<String>,
    /// The period the status is for (default: the last quarter that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
}

/// Refuses an `--owner` filter naming nobody pmdb knows, rather than listing nothing as
/// if they owned nothing.
pub(super) fn known_owner(ds: &crate::store::Dataset, owner: Option<&str>) -> Result<()> {
    match owner {
        Some(login) if !ds.users.iter().any(|u| u.login == login) => Err(anyhow!(
            "--owner: '{}' is not a pmdb user (`pmdb user list` lists them)",
            crate::safe_text::line(login)
        )),
        _ => Ok(()),
    }
}

pub fn run(env: &Env, args: ListArgs) -> Result<()> {
    let period = match &args.period {
        Some(p) => period_arg(p, "--period")?,
        None => default_period(env.today),
    };
    let rag = args
        .rag
        .as_deref()
        .map(|r| r.parse::<Rag>().map_err(|e| anyhow!("--rag: {e}")))
        .transpose()?;
    let store = env.read()?;
    // One officer's list reads their indicators' rows by index, not the council's.
    let ds = match &args.owner {
        Some(login) => store.dataset_of_owner(login)?,
        None => store.dataset()?,
    };
    if let Some(node) = &args.plan
        && ds.node(node).is_none()
    {
        return Err(anyhow!("--plan: no plan node '{node}'"));
    }
    known_owner(&ds, args.owner.as_deref())?;
    if let Some(s) = &args.service
        && !ds.services.iter().any(|x| x.code == *s)
    {
        return Err(anyhow!(
            "--service: no service '{s}' (the codes are {})",
            codes(&ds.services)
        ));
    }
    if let Some(p) = &args.portfolio
        && !ds.portfolios.iter().any(|x| x.code == *p)
    {
        return Err(anyhow!(
            "--portfolio: no portfolio '{p}' (the codes are {})",
            codes(&ds.portfolios)
        ));
    }
    let filter = ListFilter {
        owner: args.owner,
        plan: args.plan,
        portfolio: args.portfolio,
        service: args.service,
        rag,
    };
    let rows = list(&ds, &filter, period, ds.context(env.today));
    if env.json {
        return output::json(&json!({ "period": period.to_string(), "indicators": rows }));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let from = match &r.latest_period {
                Some(l) if *l != r.period => format!(" (latest: {l})"),
                _ => String::new(),
            };
            vec![
                r.code.clone(),
                r.title.clone(),
                r.owner.clone(),
                format!("{}{from}", r.period),
                figure(r.value, r.decimals),
                figure(r.target, r.decimals),
                format!("{} {}", r.rag.letter(), r.rag),
            ]
        })
        .collect();
    table(
        &[
            "code", "title", "owner", "period", "value", "target", "status",
        ],
        &lines,
    );
    say!(
        "{}",
        crate::domain::label::counted(rows.len(), "indicator", "indicators")
    );
    Ok(())
}

fn codes(named: &[crate::store::Named]) -> String {
    named
        .iter()
        .map(|n| n.code.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
