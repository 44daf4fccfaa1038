//! `pmdb exceptions add --kind request …`: a board's request (Cabinet's, or Scrutiny's
//! recommendation) recorded on the exception workflow.

use anyhow::{Result, anyhow, bail};

use super::Env;
use super::output::json as print_json;
use crate::domain::workflow::ExceptionKind;
use crate::store::NewRequest;

pub fn add(
    env: &Env,
    kind: &str,
    subject: String,
    board: String,
    text: String,
    owner: String,
    due: &str,
) -> Result<()> {
    let kind = kind
        .parse::<ExceptionKind>()
        .map_err(|e| anyhow!("--kind: {e}"))?;
    if kind != ExceptionKind::Request {
        bail!(
            "--kind: only a request is added by hand; exceptions of kind {kind} are raised from the figures (pmdb exceptions raise --period P)"
        );
    }
    let due = super::delivery::date_arg(due, "--due")?;
    let mut store = env.open()?;
    let rec = store.add_request(&NewRequest {
        subject,
        board,
        text,
        owner,
        due,
    })?;
    if env.json {
        return print_json(&rec);
    }
    say!(
        "exception #{} recorded: {}'s request on {}, owner {}, due {} (open, on {}'s next agenda)",
        rec.id,
        rec.board,
        rec.subject,
        rec.owner,
        due,
        rec.board
    );
    Ok(())
}
