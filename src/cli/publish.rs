//! `pmdb publish --period P --out DIR`: the whole pack a council uploads to its website, in
//! one go, as the core makes it (`publish`): the council's report (html, xlsx, csv,
//! markdown), one html summary per portfolio, and an `index.html` linking them, each file
//! written whole or not at all. Whoever may read may publish (`Actor::may_publish`).

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::Env;
use crate::publish::{
    LATEST_MONTH_FOLDER, PublishError, read_and_write_latest, read_and_write_pack,
};

#[derive(Args, Debug)]
pub struct PublishArgs {
    /// The quarter or year (default: the last quarter that has ended); `latest`: the last
    /// quarter and the last month that have ended, the month's pack in DIR/month, for an
    /// intranet refreshed from cron.
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// The folder to write the pack into (made if missing; files in it are replaced).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(env: &Env, args: PublishArgs) -> Result<()> {
    if args.period.as_deref().map(str::trim) == Some("latest") {
        return latest(env, &args);
    }
    let (period, _) = super::rollup::period_and_grouping(env, args.period.as_deref(), None)?;
    let store = env.read()?;
    let dir = args.out.as_path();
    let written = read_and_write_pack(&store, period, env.today, dir).map_err(at_the_edge)?;
    let files: Vec<String> = written
        .iter()
        .filter_map(|p| p.file_name())
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    if env.json {
        return super::output::json(&json!({
            "period": period.to_string(),
            "dir": dir.display().to_string(),
            "files": files,
        }));
    }
    say!(
        "published {period}: {} in {}",
        crate::domain::label::counted(files.len(), "file", "files"),
        dir.display()
    );
    Ok(())
}

/// `--period latest`: the last ended quarter's pack in DIR, linking the last ended month's
/// in DIR/month.
fn latest(env: &Env, args: &PublishArgs) -> Result<()> {
    let store = env.read()?;
    let dir = args.out.as_path();
    let done = read_and_write_latest(&store, env.today, dir).map_err(at_the_edge)?;
    let files: Vec<String> = done
        .written
        .iter()
        .filter_map(|p| p.strip_prefix(dir).ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if env.json {
        return super::output::json(&json!({
            "period": done.quarter.to_string(),
            "month": done.month.to_string(),
            "dir": dir.display().to_string(),
            "files": files,
        }));
    }
    say!(
        "published {} and {} (in {LATEST_MONTH_FOLDER}/): {} in {}",
        done.quarter,
        done.month,
        crate::domain::label::counted(files.len(), "file", "files"),
        dir.display()
    );
    Ok(())
}

/// The store's own error as itself, so that a refusal because the database stayed locked
/// still names who holds it (`who_holds_it` looks for a `StoreError`).
fn at_the_edge(e: PublishError) -> anyhow::Error {
    match e {
        PublishError::Store(e) => e.into(),
        e => e.into(),
    }
}
