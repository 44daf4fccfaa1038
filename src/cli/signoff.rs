//! `pmdb signoff PERIOD [--dry-run] [--yes]`: Leadership Team's sign-off, freezing the
//! period's statuses, shown before it is done; and `pmdb signoff reopen PERIOD --reason
//! TEXT`: an admin reopening a signed-off period for correction, on record.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::json;

use super::{Env, period_arg};
use crate::domain::approval::MeetingRef;
use crate::query::reviewable::check_reviewable;
use crate::query::signoff::{Preview, open_exceptions, preview, record, statuses_to_freeze};
use crate::store::{Approve, ExceptionFilter, ExceptionRecord, StoreError};

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SignoffArgs {
    #[command(subcommand)]
    action: Option<SignoffAction>,
    /// The period, e.g. 2024/25 Q4.
    #[arg(required = true)]
    period: Option<String>,
    /// Show what signing off would freeze, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Sign off without asking to confirm (on a terminal pmdb asks first).
    #[arg(long)]
    yes: bool,
    /// Record Leadership Team's approval given by this member of LT (the performance team
    /// or an admin records it; an LT member signing off records their own).
    #[arg(long, value_name = "LOGIN")]
    approved_by: Option<String>,
    /// LT's meeting that approved: its id, or board and date (LT:2026-10-20).
    #[arg(long, value_name = "ID")]
    meeting: Option<String>,
}

#[derive(Subcommand, Debug)]
enum SignoffAction {
    /// Reopen a signed-off period for correction (admin only): the sign-off and the
    /// statuses it froze stay on record, and the period's values can change again.
    Reopen {
        /// The period signed off, e.g. 2024/25 Q1.
        period: String,
        /// Why it is reopened (kept with the sign-off and shown on its reports).
        #[arg(long, required = true)]
        reason: String,
    },
}

pub fn run(env: &Env, args: SignoffArgs) -> Result<()> {
    match args.action {
        Some(SignoffAction::Reopen { period, reason }) => reopen(env, &period, &reason),
        None => {
            let period = args
                .period
                .ok_or_else(|| anyhow!("PERIOD: give the period to sign off"))?;
            let approve = Approve {
                by: args.approved_by,
                meeting: args
                    .meeting
                    .as_deref()
                    .map(str::parse::<MeetingRef>)
                    .transpose()
                    .map_err(|e| anyhow!(e))?,
            };
            sign_off(env, &period, (args.dry_run, args.yes), &approve)
        }
    }
}

/// What signing off would freeze, with the exceptions still open for the period.
#[derive(Serialize)]
struct Freezes {
    #[serde(flatten)]
    preview: Preview,
    open_exceptions: Vec<ExceptionRecord>,
    /// The approval signing off would record, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    approved: Option<String>,
}

fn sign_off(
    env: &Env,
    period: &str,
    (dry_run, yes): (bool, bool),
    approve: &Approve,
) -> Result<()> {
    let period = period_arg(period, "PERIOD")?;
    let mut store = env.open()?;
    let ds = store.dataset()?;
    check_reviewable(&ds, period, env.today, "it cannot be signed off").map_err(|e| anyhow!(e))?;
    // Whose approval it records is checked before anything is shown or asked.
    let approval = store.approval_to_record(approve, env.today)?;
    let ctx = ds.context(env.today);
    let ask = !dry_run && !yes && std::io::stdin().is_terminal();
    if dry_run || ask {
        if let Some(s) = ds.signoffs.of(&period.to_string()) {
            return Err(StoreError::AlreadySignedOff {
                period,
                at: s.signed_at.clone(),
            }
            .into());
        }
        crate::domain::deadline::check_can_sign_off(period, env.today)?;
        let freezes = Freezes {
            preview: preview(&ds, period, ctx),
            open_exceptions: open_exceptions(
                store.exceptions(&ExceptionFilter::default())?,
                period,
            ),
            approved: approval.words(),
        };
        if dry_run {
            if env.json {
                return super::output::json(&freezes);
            }
            show(&mut std::io::stdout(), &freezes)?;
            say!("dry run: nothing was signed off");
            return Ok(());
        }
        // Asked on a terminal: the preview and the question go where a person reads them
        // and stay out of any JSON on standard output.
        let mut out: Box<dyn Write> = if env.json {
            Box::new(std::io::stderr())
        } else {
            Box::new(std::io::stdout())
        };
        show(&mut out, &freezes)?;
        write!(out, "Sign off {period}? [y/N] ")?;
        out.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            return Err(anyhow!("not signed off: {period} was left as it was"));
        }
    }
    // After a question, read again: a person may have taken a while to answer, and the
    // statuses frozen are those of the values as they are when it is signed.
    let ds = if ask { store.dataset()? } else { ds };
    let statuses = statuses_to_freeze(&ds, period, ds.context(env.today));
    store.sign_off_approved(period, &statuses, env.today, approve)?;
    let signoffs = store.signoff_records()?;
    let on_record = record(&signoffs, period);
    let approval = signoffs
        .of(&period.to_string())
        .map(|s| s.approval.clone())
        .unwrap_or_default();
    if env.json {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        return super::output::json(&json!({
            "period": period.to_string(),
            "frozen": statuses.len(),
            "record": on_record,
            "approved_by": some(&approval.approved_by),
            "approver": some(&approval.approver),
            "approved_on": some(&approval.approved_on),
            "meeting": approval.meeting,
        }));
    }
    say!(
        "signed off {period}: {} statuses frozen; its values can no longer change",
        statuses.len()
    );
    if let Some(r) = on_record.filter(|r| r.contains("reopened") || approval.words().is_some()) {
        say!("{period}: {r}");
    }
    Ok(())
}

/// The preview as text.
fn show(out: &mut dyn Write, f: &Freezes) -> Result<()> {
    let p = &f.preview;
    let line = |out: &mut dyn Write, text: String| -> Result<()> {
        writeln!(out, "{}", crate::safe_text::lines(&text))?;
        Ok(())
    };
    line(
        out,
        format!(
            "signing off {} freezes {} statuses (the period's and those of the periods inside it)",
            p.period, p.frozen
        ),
    )?;
    line(out, format!("{}: {}", p.period, p.counts_words()))?;
    line(out, format!("missing ({}):", p.missing.len()))?;
    for i in &p.missing {
        line(out, format!("  {} {}: {}", i.code, i.period, i.rule))?;
    }
    line(
        out,
        format!(
            "misses without commentary or remedial action ({}):",
            p.unexplained.len()
        ),
    )?;
    for i in &p.unexplained {
        line(
            out,
            format!("  {} {}: {} ({})", i.code, i.period, i.rag, i.rule),
        )?;
    }
    if let Some(a) = &f.approved {
        line(out, format!("records: {a}"))?;
    }
    line(
        out,
        format!("open exceptions ({}):", f.open_exceptions.len()),
    )?;
    for e in &f.open_exceptions {
        line(
            out,
            format!(
                "  #{} {} {} {} ({}): {}",
                e.id, e.kind, e.period, e.subject, e.status, e.figures
            ),
        )?;
    }
    Ok(())
}

fn reopen(env: &Env, period: &str, reason: &str) -> Result<()> {
    let period = period_arg(period, "PERIOD")?;
    let mut store = env.open()?;
    let r = store.reopen_signoff(period, reason)?;
    let on_record = record(&store.signoff_records()?, period);
    if env.json {
        return super::output::json(&json!({
            "period": r.period,
            "reopened": r,
            "record": on_record,
        }));
    }
    say!("reopened {period}: its values can change again; sign it off again when corrected");
    if let Some(rec) = on_record {
        say!("{period}: {rec}");
    }
    Ok(())
}
