//! `pmdb comment CODE PERIOD --commentary TEXT [--action TEXT]`: the narrative Cabinet
//! reads for a monthly indicator's quarter or year, or a plan node's (its owner, an
//! enterer of the indicator, or the performance team).

use anyhow::{Result, anyhow};
use clap::Args;
use serde_json::json;

use super::output::json as print_json;
use super::{Env, period_arg};
use crate::store::{Columns, NewNarrative};

#[derive(Args, Debug)]
pub struct CommentArgs {
    /// An indicator's or a plan node's code.
    code: String,
    /// A quarter (2025/26 Q2) or a year (2025/26); a month's commentary is its value's
    /// (`pmdb set`).
    period: String,
    /// What the quarter or year shows and why.
    #[arg(long, allow_hyphen_values = true)]
    commentary: String,
    /// The remedial action being taken; without it, the action already written stays
    /// (`--action ""` clears it).
    #[arg(long, allow_hyphen_values = true)]
    action: Option<String>,
}

pub fn run(env: &Env, args: CommentArgs) -> Result<()> {
    let new = NewNarrative {
        code: args.code,
        period: period_arg(&args.period, "PERIOD")?,
        commentary: args.commentary,
        action: args.action.clone().unwrap_or_default(),
    };
    let named = if args.action.is_some() {
        Columns::All
    } else {
        Columns::only(["commentary"])
    };
    let (subject, summary) = env.open()?.write_narrative(&new, &named)?;
    let outcome = if summary.added == 1 {
        "added"
    } else if summary.updated == 1 {
        "updated"
    } else {
        "unchanged"
    };
    let stored = env
        .read()?
        .narratives()?
        .into_iter()
        .find(|n| n.subject == subject && n.code == new.code && n.period == new.period)
        .ok_or_else(|| anyhow!("the narrative of {} vanished after saving", new.code))?;
    if env.json {
        return print_json(&json!({
            "outcome": outcome,
            "narrative": {
                "subject": subject.as_str(),
                "code": stored.code,
                "period": stored.period.to_string(),
                "commentary": stored.commentary,
                "action": stored.action,
                "written_by": stored.written_by,
                "written_at": stored.written_at,
            },
        }));
    }
    let what = match subject {
        crate::domain::narrative::Subject::Indicator => "indicator",
        crate::domain::narrative::Subject::Plan => "plan node",
    };
    if outcome == "unchanged" {
        say!(
            "{} {}: the narrative is already this; nothing changed",
            stored.code,
            stored.period
        );
    } else {
        say!(
            "{} {}: narrative {outcome} for the {what}, as {}",
            stored.code,
            stored.period,
            stored.written_by
        );
    }
    Ok(())
}
