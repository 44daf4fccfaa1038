//! `pmdb rollup [--period P] [--by priority|portfolio|service]` and `pmdb overdue`.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

use super::output::{figure, json as print_json, table};
use super::{Env, period_arg};
use crate::domain::period::Period;
use crate::query::overdue::{overdue as overdue_rows, overdue_years};
use crate::query::rollup::{GroupBy, rollup};
use crate::store::Store;

#[derive(Args, Debug)]
pub struct RollupArgs {
    /// The period (default: the last quarter that has ended).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// priority (default), portfolio or service.
    #[arg(long)]
    pub by: Option<String>,
    /// List each group's indicators too.
    #[arg(long)]
    pub indicators: bool,
}

/// The last quarter that has ended by `today`: what a quarterly report covers.
pub fn default_period(today: NaiveDate) -> Period {
    crate::domain::deadline::last_ended_quarter(today)
}

pub fn run(env: &Env, args: RollupArgs) -> Result<()> {
    let store = env.read()?;
    print_rollup(env, &store, &args)
}

/// The period and grouping a roll-up or report asks for: `--period` (default the last
/// quarter that has ended) and `--by` (default priority).
pub fn period_and_grouping(
    env: &Env,
    period: Option<&str>,
    by: Option<&str>,
) -> Result<(Period, GroupBy)> {
    let period = match period {
        Some(p) => period_arg(p, "--period")?,
        None => default_period(env.today),
    };
    let by = match by {
        None => GroupBy::Priority,
        Some(b) => b.parse::<GroupBy>().map_err(|e| anyhow!("--by: {e}"))?,
    };
    Ok((period, by))
}

fn print_rollup(env: &Env, store: &Store, args: &RollupArgs) -> Result<()> {
    let (period, by) = period_and_grouping(env, args.period.as_deref(), args.by.as_deref())?;
    // The indicators alone: a roll-up shows no delivery, narratives or budgets.
    let ds = store.dataset_of_indicators()?;
    let r = rollup(&ds, period, by, ds.context(env.today));
    let name = if ds.settings.council_name.is_empty() {
        "pmdb".to_string()
    } else {
        ds.settings.council_name.clone()
    };
    crate::drop_aside::drop_aside(ds);
    if env.json {
        return print_json(&r);
    }
    say!("{name}: {} by {}", r.period, r.by);
    let rows: Vec<Vec<String>> = r
        .groups
        .iter()
        .map(|g| {
            let c = g.counts;
            vec![
                g.code.clone(),
                g.title.clone(),
                format!("G {}", c.green),
                format!("A {}", c.amber),
                format!("R {}", c.red),
                format!("M {}", c.missing),
                format!("- {}", c.none),
            ]
        })
        .collect();
    table(
        &["code", "title", "green", "amber", "red", "missing", "none"],
        &rows,
    );
    if args.indicators {
        for g in &r.groups {
            say!(
                "\n{}",
                crate::domain::label::code_and_name(&g.code, &g.title)
            );
            let rows: Vec<Vec<String>> = g
                .indicators
                .iter()
                .map(|i| {
                    let latest = match &i.latest_period {
                        Some(l) if *l != r.period => format!("latest: {l}"),
                        _ => String::new(),
                    };
                    vec![
                        i.code.clone(),
                        figure(i.value, i.decimals),
                        figure(i.target, i.decimals),
                        format!("{} {}", i.rag.letter(), i.rag),
                        i.direction
                            .map(|d| format!("{} {d}", d.symbol()))
                            .unwrap_or_else(|| "–".into()),
                        figure(i.ytd, i.decimals),
                        [latest, i.partial.clone().unwrap_or_default()]
                            .join(" ")
                            .trim()
                            .to_string(),
                    ]
                })
                .collect();
            table(
                &[
                    "code",
                    "value",
                    "target",
                    "status",
                    "direction",
                    "ytd",
                    "note",
                ],
                &rows,
            );
        }
    }
    Ok(())
}

pub fn overdue(env: &Env, as_of: Option<&str>) -> Result<()> {
    let as_of = match as_of {
        None => env.today,
        Some(d) => super::delivery::date_arg(d, "--as-of")?,
    };
    let store = env.read()?;
    // Every indicator, but only the values of the years it looks at.
    let [last, this] = overdue_years(as_of);
    let ds = store.dataset_of_years(last..=this)?;
    let rows = overdue_rows(&ds, as_of, ds.context(env.today));
    if env.json {
        return print_json(&json!({ "as_of": as_of.to_string(), "overdue": rows }));
    }
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|o| {
            vec![
                o.code.clone(),
                o.period.clone(),
                o.deadline.clone(),
                o.days_overdue.to_string(),
                o.owner.clone(),
                o.title.clone(),
            ]
        })
        .collect();
    table(
        &["code", "period", "deadline", "days late", "owner", "title"],
        &lines,
    );
    say!(
        "{} overdue as of {as_of}",
        crate::domain::label::counted(rows.len(), "value", "values")
    );
    Ok(())
}
