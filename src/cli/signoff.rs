//! `pmdb signoff PERIOD`: Leadership Team's sign-off, freezing the period's statuses.

use anyhow::{Result, anyhow};
use serde_json::json;

use super::{Env, period_arg};
use crate::query::reviewable::check_reviewable;
use crate::query::signoff::statuses_to_freeze;

pub fn run(env: &Env, period: &str) -> Result<()> {
    let period = period_arg(period, "PERIOD")?;
    let mut store = env.open()?;
    let ds = store.dataset()?;
    check_reviewable(&ds, period, env.today, "it cannot be signed off").map_err(|e| anyhow!(e))?;
    let statuses = statuses_to_freeze(&ds, period, ds.context(env.today));
    store.sign_off(period, &statuses, env.today)?;
    if env.json {
        return super::output::json(
            &json!({ "period": period.to_string(), "frozen": statuses.len() }),
        );
    }
    say!(
        "signed off {period}: {} statuses frozen; its values can no longer change",
        statuses.len()
    );
    Ok(())
}
