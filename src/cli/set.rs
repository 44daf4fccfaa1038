//! `pmdb set CODE PERIOD VALUE [--numerator N --denominator D] [--commentary TEXT]
//! [--action TEXT] [--quality Q] [--expect-version N]`.

use anyhow::{Result, anyhow};
use clap::Args;

use super::output::{figure, json};
use super::{Env, period_arg};
use crate::domain::entry::EntryError;
use crate::store::{Columns, Expect, NewValue, Quality, StoreError};

#[derive(Args, Debug)]
pub struct SetArgs {
    /// The indicator's code.
    code: String,
    /// The period: a month (2025-02), quarter (2024/25 Q4) or year (2024/25), as the indicator reports.
    period: String,
    /// The value; for a ratio indicator, - computes it from the numerator and denominator.
    #[arg(allow_negative_numbers = true)]
    value: String,
    /// For a ratio indicator: the count above the line (e.g. applications decided in time).
    #[arg(long, allow_negative_numbers = true)]
    numerator: Option<String>,
    /// For a ratio indicator: the count below the line (e.g. all applications decided).
    #[arg(long, allow_negative_numbers = true)]
    denominator: Option<String>,
    /// Why the figure is what it is (required when the target is missed).
    #[arg(long, allow_hyphen_values = true)]
    commentary: Option<String>,
    /// The remedial action (required when the target is missed).
    #[arg(long, allow_hyphen_values = true)]
    action: Option<String>,
    /// provisional, estimated or final (the default).
    #[arg(long)]
    quality: Option<String>,
    /// Save only if the stored value is still at this version (0: no value yet).
    #[arg(long, value_name = "N")]
    expect_version: Option<i64>,
}

fn number(text: &str, what: &str) -> Result<f64> {
    crate::domain::number::parse_number(text.trim())
        .ok_or_else(|| anyhow!("{what}: '{text}' is not a number"))
}

/// The rules ask for a ratio's numerator and denominator in their own words; here they are
/// given as this command's flags.
fn flags_for_parts(e: StoreError) -> anyhow::Error {
    match &e {
        StoreError::Entry(inner) if matches!(**inner, EntryError::RatioNeedsParts { .. }) => {
            anyhow!("{e}, e.g. --numerator 28 --denominator 32")
        }
        _ => e.into(),
    }
}

pub fn run(env: &Env, args: SetArgs) -> Result<()> {
    let period = period_arg(&args.period, "PERIOD")?;
    let written = if args.value.trim() == "-" {
        None
    } else {
        Some(
            crate::domain::number::parse_value(&args.value)
                .ok_or_else(|| anyhow!("VALUE: '{}' is not a number", args.value))?,
        )
    };
    let value = written.map(|w| w.value);
    let numerator = args
        .numerator
        .as_deref()
        .map(|n| number(n, "--numerator"))
        .transpose()?;
    let denominator = args
        .denominator
        .as_deref()
        .map(|d| number(d, "--denominator"))
        .transpose()?;
    let quality = args
        .quality
        .as_deref()
        .map(|q| q.parse::<Quality>().map_err(|e| anyhow!("--quality: {e}")))
        .transpose()?;
    // Like an import, `set` changes only what it names: the figure, and whichever of the
    // parts, words and quality its flags give; the rest keep what is stored.
    let mut named = vec!["value"];
    if numerator.is_some() || denominator.is_some() {
        named.extend(["numerator", "denominator"]);
    }
    for (given, column) in [
        (args.commentary.is_some(), "commentary"),
        (args.action.is_some(), "action"),
        (quality.is_some(), "quality"),
    ] {
        if given {
            named.push(column);
        }
    }
    let named = Columns::only(named);
    let expect = match args.expect_version {
        None => Expect::Any,
        Some(0) => Expect::Absent,
        Some(v) if v > 0 => Expect::Version(v),
        Some(v) => {
            return Err(anyhow!(
                "--expect-version: {v} is not a version (0 or more)"
            ));
        }
    };
    let nv = NewValue {
        indicator: args.code.clone(),
        period,
        value,
        numerator,
        denominator,
        quality: quality.unwrap_or(Quality::Final),
        commentary: args.commentary.unwrap_or_default(),
        action: args.action.unwrap_or_default(),
    };
    let mut store = env.open()?;
    if written.is_some_and(|w| w.percent_sign)
        && let Some(why) = crate::domain::number::percent_sign_refused(
            &store.indicator(&args.code)?.indicator.unit,
        )
    {
        return Err(anyhow!("VALUE: '{}': {why}", args.value));
    }
    let ctx = store.context(env.today)?;
    let saved = store
        .record_value_naming(&nv, &named, expect, ctx)
        .map_err(flags_for_parts)?;
    if env.json {
        return json(&saved);
    }
    let a = &saved.assessment;
    let ind = store.indicator(&args.code)?.indicator;
    let dp = ind.decimals;
    if saved.unchanged {
        say!(
            "unchanged: {} {} = {} is already stored as given (version {}); nothing was written",
            args.code,
            period,
            figure(a.value, dp),
            saved.version
        );
        return Ok(());
    }
    say!(
        "saved {} {} = {} (version {}): {} {} — {}",
        args.code,
        period,
        figure(a.value, dp),
        saved.version,
        a.rag.letter(),
        a.rag,
        a.rule
    );
    // A figure typed with more decimals than the indicator shows is kept as typed; say how
    // it is shown and judged.
    if let Some(v) = value
        && let Some(note) = crate::domain::bounds::shown_as(&ind, &args.value, v)
    {
        say!("{note}");
    }
    Ok(())
}
