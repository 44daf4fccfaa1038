//! `pmdb report [--period P] [--by G] [--format markdown|csv]`: the published report.

use anyhow::{Result, anyhow};
use clap::Args;

use super::Env;
use crate::query::report;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The quarter or year (default: the last quarter that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// priority (default), portfolio or service.
    #[arg(long)]
    by: Option<String>,
    /// markdown (default, for publication) or csv (open data).
    #[arg(long, default_value = "markdown")]
    format: String,
}

pub fn run(env: &Env, args: ReportArgs) -> Result<()> {
    let (period, by) =
        super::rollup::period_and_grouping(env, args.period.as_deref(), args.by.as_deref())?;
    let store = env.open()?;
    let ds = store.dataset()?;
    let ctx = ds.context(env.today);
    let text = match args.format.as_str() {
        "markdown" | "md" => report::markdown(&ds, period, by, ctx),
        "csv" => report::csv(&ds, period, by, ctx)?,
        other => {
            return Err(anyhow!(
                "--format: '{other}' is not a report format: use markdown or csv"
            ));
        }
    };
    print!("{}", crate::safe_text::lines(&text));
    Ok(())
}
