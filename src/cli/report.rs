//! `pmdb report [--period P] [--by G] [--format markdown|csv|html|xlsx] [--portfolio CODE]
//! [--out FILE]`: the published report, to standard output or a file written whole. The
//! xlsx workbook is not text: it goes to --out, or to standard output only when that is
//! not a terminal (redirected to a file or a pipe).

use std::io::{IsTerminal, Write};

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::Args;

use super::Env;
use crate::domain::period::Period;
use crate::domain::workflow::ExceptionStatus;
use crate::query::report;
use crate::query::report_html::{self, Extras, Scope};
use crate::store::{Dataset, ExceptionFilter, Store};

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The quarter or year (default: the last quarter that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// priority (default), portfolio or service (markdown and csv).
    #[arg(long)]
    by: Option<String>,
    /// markdown (default, for publication), csv (open data), html (one self-contained
    /// page for Cabinet and the website) or xlsx (a workbook to sort and filter: needs
    /// --out FILE, or standard output redirected away from the terminal).
    #[arg(long, default_value = "markdown")]
    format: String,
    /// One portfolio's summary (html): its priorities, indicators, actions and projects.
    #[arg(long, value_name = "CODE")]
    portfolio: Option<String>,
    /// Write the report to FILE (whole or not at all) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// The HTML page for a period: the store supplies the benchmarks and the period's
/// exceptions (its own and its months') escalated to Management Board. For a signed-off period only those raised by
/// its sign-off are shown, as they stood then.
pub fn html(
    store: &Store,
    ds: &Dataset,
    period: Period,
    env: &Env,
    scope: &Scope,
) -> Result<String> {
    let benchmarks = store.benchmarks()?;
    // The period's own exceptions and those of the months and quarters inside it.
    let mut escalated = store.exceptions(&ExceptionFilter {
        status: Some(ExceptionStatus::Escalated),
        ..ExceptionFilter::default()
    })?;
    escalated.retain(|e| e.period.parse::<Period>().is_ok_and(|p| period.covers(p)));
    if let Some(s) = ds.signoffs.of(&period.to_string()) {
        escalated.retain(|e| e.raised_at <= s.signed_at);
    }
    let ctx = ds.context(env.today);
    Ok(report_html::html(
        ds,
        period,
        ctx,
        scope,
        &Extras {
            benchmarks: &benchmarks,
            escalated: &escalated,
        },
    ))
}

pub fn run(env: &Env, args: ReportArgs) -> Result<()> {
    let (period, by) =
        super::rollup::period_and_grouping(env, args.period.as_deref(), args.by.as_deref())?;
    let store = env.open()?;
    let ds = store.dataset()?;
    let ctx = ds.context(env.today);
    let scope = match &args.portfolio {
        Some(code) if !ds.portfolios.iter().any(|p| &p.code == code) => {
            return Err(anyhow!(
                "--portfolio: there is no portfolio '{}'",
                crate::safe_text::line(code)
            ));
        }
        Some(code) => Scope::Portfolio(code.clone()),
        None => Scope::Council,
    };
    let bytes = match args.format.as_str() {
        "html" => html(&store, &ds, period, env, &scope)?.into_bytes(),
        _ if args.portfolio.is_some() => {
            return Err(anyhow!(
                "--portfolio: a portfolio's summary is made as html: add --format html"
            ));
        }
        "xlsx" => {
            if args.out.is_none() && std::io::stdout().is_terminal() {
                return Err(anyhow!(
                    "--format xlsx: a workbook is not text to show on a terminal: add --out FILE (or redirect standard output to a file)"
                ));
            }
            crate::query::report_xlsx::xlsx(&ds, period, ctx)
                .context("the workbook was not made")?
        }
        "markdown" | "md" => report::markdown(&ds, period, by, ctx).into_bytes(),
        "csv" => report::csv(&ds, period, by, ctx)?.into_bytes(),
        other => {
            return Err(anyhow!(
                "--format: '{}' is not a report format: use markdown, csv, html or xlsx",
                crate::safe_text::line(other)
            ));
        }
    };
    match &args.out {
        Some(path) => {
            super::transfer::write_atomically(path, &bytes)
                .with_context(|| "the report was not written".to_string())?;
            say!("wrote {}", path.display());
            Ok(())
        }
        // A workbook goes out as it is: its bytes are not text.
        None if args.format == "xlsx" => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
        None => {
            let text = String::from_utf8_lossy(&bytes);
            print!("{}", crate::safe_text::lines(&text));
            Ok(())
        }
    }
}
