//! `pmdb publish --period P --out DIR`: the whole pack a council uploads to its website, in
//! one go: the council's report (html, xlsx, csv, markdown), one html summary per portfolio,
//! and an `index.html` linking them. Each file is written whole or not at all. `write_pack`
//! is the library's way in, shared with the interface's Rollup tab.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

use super::Env;
use super::report::{PageSources, page};
use crate::domain::period::Period;
use crate::query::report;
use crate::query::report_html::{self, PackEntry, Scope};
use crate::query::rollup::GroupBy;
use crate::store::{Dataset, Store};

#[derive(Args, Debug)]
pub struct PublishArgs {
    /// The quarter or year (default: the last quarter that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// The folder to write the pack into (made if missing; files in it are replaced).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(env: &Env, args: PublishArgs) -> Result<()> {
    let (period, _) = super::rollup::period_and_grouping(env, args.period.as_deref(), None)?;
    let store = env.read()?;
    let dir = args.out.as_path();
    let written = read_and_write_pack(&store, period, env.today, dir)?;
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

/// `pmdb publish`: reads the dataset as the period's reports see it (for a signed-off
/// period, with the settings and definitions of its sign-off) and writes the pack.
pub fn read_and_write_pack(
    store: &Store,
    period: Period,
    today: NaiveDate,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    let ds = store.as_signed_off(store.dataset()?, period)?;
    pack_of(store, &ds, period, today, dir)
}

/// Writes the whole pack for `period` into `dir` from `ds`, today's dataset (the
/// interface's): for a signed-off period, from one read as at its sign-off instead.
pub fn write_pack(
    store: &Store,
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    if store.frozen_for_reports(period)? {
        return read_and_write_pack(store, period, today, dir);
    }
    pack_of(store, ds, period, today, dir)
}

/// Writes the whole pack for `period` into `dir` (made if missing; files in it replaced),
/// each file whole or not at all, and returns the paths written, the index last. `ds` is
/// the dataset as the period's reports see it.
fn pack_of(
    store: &Store,
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    let ctx = ds.context(today);
    let sources = PageSources::read(store, ds, period)?;
    // Every file of the pack, in the order the index lists them: the one place to add
    // another.
    let mut pack: Vec<(PackEntry, Vec<u8>)> = vec![
        (
            entry("report.html", "Performance report (web page, printable)"),
            page(ds, period, today, &Scope::Council, &sources).into_bytes(),
        ),
        (
            entry(
                "report.xlsx",
                "Performance report (Excel workbook, to sort and filter)",
            ),
            crate::query::report_xlsx::xlsx(ds, period, ctx)
                .context("the workbook was not made")?,
        ),
        (
            entry("report.csv", "Performance report (CSV open data)"),
            report::csv(ds, period, GroupBy::Priority, ctx)?.into_bytes(),
        ),
        (
            entry("report.md", "Performance report (Markdown)"),
            report::markdown(ds, period, GroupBy::Priority, ctx).into_bytes(),
        ),
    ];
    for p in &ds.portfolios {
        // A name of its own for each code (`X.Y`, `X/Y`, `X_Y` and `x.y` are four pages).
        let file = crate::query::page_name::portfolio_page(&p.code);
        let label = format!("{} portfolio summary", p.name);
        let summary = page(
            ds,
            period,
            today,
            &Scope::Portfolio(p.code.clone()),
            &sources,
        );
        pack.push((entry(&file, &label), summary.into_bytes()));
    }
    let entries: Vec<PackEntry> = pack.iter().map(|(e, _)| entry(&e.file, &e.label)).collect();
    let index = report_html::index(ds, period, ctx, &entries).into_bytes();
    pack.push((entry("index.html", "Index"), index));

    crate::outfile::create_folder(dir)
        .with_context(|| format!("cannot make the folder {}", dir.display()))?;
    for (e, bytes) in &pack {
        write(dir, &e.file, bytes)?;
    }
    Ok(pack.iter().map(|(e, _)| dir.join(&e.file)).collect())
}

fn entry(file: &str, label: &str) -> PackEntry {
    PackEntry {
        file: file.to_string(),
        label: label.to_string(),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    super::transfer::write_atomically(&dir.join(name), bytes)
}
