//! What the delivery commands (`actions`, `projects`, `risks`, `eias`) share: the period
//! they judge, dates and versions as arguments, and a RAG as text.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use super::{Env, period_arg};
use crate::domain::date::parse_date;
use crate::domain::deadline::month_now_due;
use crate::domain::delivery::DeliveryRag;
use crate::domain::period::Period;
use crate::store::Expect;

/// `--period`, or the month now due (the last month that has ended): what officers are
/// giving updates for.
pub fn period_or_now_due(env: &Env, period: Option<&str>) -> Result<Period> {
    match period {
        Some(p) => period_arg(p, "--period"),
        None => Ok(month_now_due(env.today)),
    }
}

/// A date argument (`2026-10-31`, `31/10/2026` or `31/10/26`, in 2000–2099, as
/// `domain::date` reads every date), naming the option it came from.
pub fn date_arg(text: &str, what: &str) -> Result<NaiveDate> {
    parse_date(text).map_err(|e| {
        anyhow!(
            "{what}: '{}' is not a date: {e}",
            crate::safe_text::line(text)
        )
    })
}

/// `--expect-version`: 0 for "nothing recorded yet".
pub fn expect_arg(version: Option<i64>) -> Result<Expect> {
    match version {
        None => Ok(Expect::Any),
        Some(0) => Ok(Expect::Absent),
        Some(v) if v > 0 => Ok(Expect::Version(v)),
        Some(v) => Err(anyhow!(
            "--expect-version: {v} is not a version (0 or more)"
        )),
    }
}

/// A RAG with its letter, so it never rests on colour: "R red".
pub fn rag_text(rag: DeliveryRag) -> String {
    format!("{} {rag}", rag.letter())
}

/// A date or "–".
pub fn day(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "–".into(), |d| d.to_string())
}
