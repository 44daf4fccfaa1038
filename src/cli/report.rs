//! `pmdb report [--period P] [--by G] [--format markdown|csv|html|xlsx] [--portfolio CODE |
//! --service CODE | --plan NODE] [--out FILE]`: the published report, the council's or one
//! scope's, to standard output or a file written whole. The xlsx workbook is not text: it
//! goes to --out, or to standard output only when that is not a terminal.

use std::io::{IsTerminal, Write};

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::Args;

use super::Env;
use crate::query::report;
use crate::query::report_html::Scope;
use crate::query::report_judged::Judged;
use crate::store::{Dataset, Named};

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
    /// One portfolio's summary: its priorities, indicators (and in html its actions,
    /// projects and risks). `mine`: the portfolio(s) you hold.
    #[arg(long, value_name = "CODE", conflicts_with_all = ["service", "plan"])]
    portfolio: Option<String>,
    /// Only what belongs to this service (code), through the plan nodes it is linked to.
    #[arg(long, value_name = "CODE", conflicts_with = "plan")]
    service: Option<String>,
    /// Only what is linked at or beneath this plan node (code).
    #[arg(long, value_name = "NODE")]
    plan: Option<String>,
    /// Write the report to FILE (whole or not at all) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(env: &Env, args: ReportArgs) -> Result<()> {
    let (period, by) =
        super::rollup::period_and_grouping(env, args.period.as_deref(), args.by.as_deref())?;
    let store = env.read()?;
    let ds = store.dataset_for_reports(period)?;
    let ctx = ds.context(env.today);
    let scope = scope(&ds, &args, &env.login)?;
    let bytes = match args.format.as_str() {
        "html" => crate::publish::html(&store, &ds, period, env.today, &scope)?.into_bytes(),
        "xlsx" if scope != Scope::Council => {
            return Err(anyhow!(
                "--format xlsx: the workbook is the council's whole report; a part of it is made as html, markdown or csv"
            ));
        }
        "xlsx" => {
            if args.out.is_none() && std::io::stdout().is_terminal() {
                return Err(anyhow!(
                    "--format xlsx: a workbook is not text to show on a terminal: add --out FILE (or redirect standard output to a file)"
                ));
            }
            crate::query::report_xlsx::xlsx(&ds, period, ctx, &store.case_studies()?)
                .context("the workbook was not made")?
        }
        "markdown" | "md" => {
            let studies = store.case_studies()?;
            let judged = Judged::of(&ds, period, ctx);
            let mut page = report::markdown_scoped(&judged, by, &scope, &studies);
            // The boards' requests of the period follow the council's report.
            if scope == Scope::Council {
                let listed = crate::query::requests::load(&store, &ds, period)?;
                page.push_str(&crate::query::requests::markdown(&ds, period, &listed));
            }
            page.into_bytes()
        }
        "csv" => {
            let judged = Judged::of(&ds, period, ctx);
            report::csv_scoped(&judged, by, &scope, &store.case_studies()?)?.into_bytes()
        }
        other => {
            return Err(anyhow!(
                "--format: '{}' is not a report format: use markdown, csv, html or xlsx",
                crate::safe_text::line(other)
            ));
        }
    };
    crate::drop_aside::drop_aside(ds);
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

/// The portfolios `login` holds (a portfolio's holder may be a pmdb login), for
/// `--portfolio mine`: refused, naming why, when the login holds none.
fn mine(ds: &Dataset, login: &str) -> Result<Scope> {
    let held = crate::query::scope::held_by(ds, login);
    match held.as_slice() {
        [] => Err(anyhow!(
            "--portfolio mine: {} holds no portfolio (a portfolio's holder is set by pmdb import portfolios, column holder: the holder's login); name one with --portfolio CODE",
            crate::safe_text::line(login)
        )),
        [one] => Ok(Scope::Portfolio(one.clone())),
        _ => Ok(Scope::Portfolios(held)),
    }
}

/// The scope asked for (clap allows one at most), its code checked against the data.
fn scope(ds: &Dataset, args: &ReportArgs, login: &str) -> Result<Scope> {
    let unknown = |flag: &str, what: &str, code: &str, named: &[Named]| {
        let codes: Vec<&str> = named.iter().map(|n| n.code.as_str()).collect();
        anyhow!(
            "{flag}: there is no {what} '{}' (the codes are {})",
            crate::safe_text::line(code),
            codes.join(", ")
        )
    };
    if let Some(code) = &args.portfolio {
        // A portfolio coded "mine" is named by its code; otherwise "mine" is the holder's.
        if code == "mine" && !ds.portfolios.iter().any(|p| p.code == "mine") {
            return mine(ds, login);
        }
        if !ds.portfolios.iter().any(|p| &p.code == code) {
            return Err(unknown("--portfolio", "portfolio", code, &ds.portfolios));
        }
        return Ok(Scope::Portfolio(code.clone()));
    }
    if let Some(code) = &args.service {
        if !ds.services.iter().any(|s| &s.code == code) {
            return Err(unknown("--service", "service", code, &ds.services));
        }
        return Ok(Scope::Service(code.clone()));
    }
    if let Some(node) = &args.plan {
        if ds.node(node).is_none() {
            return Err(anyhow!(
                "--plan: there is no plan node '{}' (pmdb export plan lists them)",
                crate::safe_text::line(node)
            ));
        }
        return Ok(Scope::Plan(node.clone()));
    }
    Ok(Scope::Council)
}
