//! `pmdb show CODE [--period P]`.

use anyhow::Result;
use clap::Args;

use super::output::{figure, json, table};
use super::{Env, period_arg};
use crate::query::show::show;

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The indicator's code.
    code: String,
    /// Only this period (a month, quarter or year).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
}

pub fn run(env: &Env, args: ShowArgs) -> Result<()> {
    let period = args
        .period
        .as_deref()
        .map(|p| period_arg(p, "--period"))
        .transpose()?;
    let store = env.read()?;
    // One indicator's rows, read by index: the answer's cost, not the council's.
    let ds = store.dataset_of(&args.code)?.ok_or_else(|| {
        anyhow::anyhow!(
            "no indicator '{}' (see `pmdb list` for the codes)",
            args.code
        )
    })?;
    let rec = ds.indicators[0].clone();
    let report = show(&ds, &rec, period, ds.context(env.today));
    if env.json {
        return json(&report);
    }
    let i = &rec.indicator;
    say!("{} {}", i.code, i.title);
    say!(
        "{} · {} · {} · {} is better · aggregated by {} · owner {} · plan {}",
        i.kind,
        if i.unit.is_empty() {
            "no unit"
        } else {
            &i.unit
        },
        i.frequency,
        i.polarity,
        i.aggregation,
        if i.owner.is_empty() { "none" } else { &i.owner },
        if rec.plan.is_empty() {
            "none".to_string()
        } else {
            rec.plan.join(", ")
        }
    );
    let dp = i.decimals;
    // What the measure is: its definition, where the figures come from, whom it is
    // compared with.
    if !rec.definition.is_empty() {
        say!("definition: {}", rec.definition);
    }
    let about: Vec<String> = [
        ("source", &rec.source),
        ("benchmark group", &rec.benchmark_group),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}: {v}"))
    .collect();
    if !about.is_empty() {
        say!("{}", about.join(" · "));
    }
    // The bounds a figure must lie within, and where collection starts.
    say!("plausible from {}", ds.range_and_start(&rec));
    // The sign-offs on record that cover the periods shown, each once.
    let mut signed: Vec<(crate::domain::period::Period, String)> = Vec::new();
    for line in &report.periods {
        if let Some(found) =
            crate::query::signoff::record_covering(&ds.signoffs, line.assessment.period)
            && !signed.contains(&found)
        {
            signed.push(found);
        }
    }
    for (p, record) in &signed {
        say!("sign-off: {p} {record}");
    }
    let rows: Vec<Vec<String>> = report
        .periods
        .iter()
        .map(|l| {
            let a = &l.assessment;
            let mut note = a.rule.to_string();
            if let Some(p) = &a.partial {
                note = format!("{p}; {note}");
            }
            if let Some(c) = l.commentary.as_deref().filter(|c| !c.is_empty()) {
                note = format!("{note} — {c}");
            }
            vec![
                a.period.to_string(),
                figure(a.value, dp),
                figure(a.target, dp),
                figure(a.intervention, dp),
                format!("{} {}", a.rag.letter(), a.rag),
                a.direction
                    .map(|d| format!("{} {d}", d.symbol()))
                    .unwrap_or_else(|| "–".into()),
                figure(a.ytd, dp),
                l.quality.map(|q| q.to_string()).unwrap_or_default(),
                note,
            ]
        })
        .collect();
    table(
        &[
            "period",
            "value",
            "target",
            "interv.",
            "status",
            "direction",
            "ytd",
            "quality",
            "rule",
        ],
        &rows,
    );
    // Where the year is heading from the latest figure shown: labelled, never a status.
    if let Some((period, f)) = report
        .periods
        .iter()
        .rev()
        .find_map(|l| l.forecast.as_ref().map(|f| (l.assessment.period, f)))
    {
        let judged = match f.rag {
            crate::domain::rag::Rag::None => {
                "not judged (no annual target or no better direction)".to_string()
            }
            rag => format!("{rag} against the annual target"),
        };
        say!(
            "forecast for the year (not a status), from {period}: {} — {judged}; {}",
            figure(Some(f.value), dp),
            f.method
        );
    }
    Ok(())
}
