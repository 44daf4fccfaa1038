//! `pmdb risks [--period P]` (the register and its 5 × 5 heat map) and
//! `pmdb risks review CODE DATE --likelihood L --impact I [--commentary T]`.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::json;

use super::Env;
use super::delivery::{date_arg, day, period_or_now_due, rag_text};
use super::output::{json as print_json, table};
use crate::domain::delivery::DeliveryRag;
use crate::domain::delivery::risk::{RiskBands, check_scale};
use crate::domain::direction::Direction;
use crate::domain::period::{Month, Period};
use crate::query::delivery::{RiskRow, risk_heat_map};
use crate::store::NewRiskReview;

#[derive(Args, Debug)]
pub struct RisksArgs {
    #[command(subcommand)]
    command: Option<RisksCommand>,
    /// The period judged, at its end (default: the month now due, the last that has ended).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
}

#[derive(Subcommand, Debug)]
enum RisksCommand {
    /// Record (or replace) a risk's review on a day.
    Review {
        /// The risk's code.
        code: String,
        /// The day of the review (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY), not after today.
        date: String,
        /// How likely now, 1 to 5.
        #[arg(long, value_name = "L", allow_negative_numbers = true)]
        likelihood: String,
        /// How bad if it happens, 1 to 5.
        #[arg(long, value_name = "I", allow_negative_numbers = true)]
        impact: String,
        /// What changed, and how the controls are working.
        #[arg(long, allow_hyphen_values = true)]
        commentary: Option<String>,
    },
}

/// One risk as `pmdb risks --json` gives it.
#[derive(Serialize)]
struct RiskJson<'a> {
    code: &'a str,
    title: &'a str,
    category: &'a str,
    owner: &'a str,
    likelihood: u8,
    impact: u8,
    score: u8,
    rag: DeliveryRag,
    target_score: i64,
    above_target: bool,
    direction: Option<Direction>,
    last_review: Option<String>,
    review_due: Option<String>,
    review_overdue: bool,
}

fn to_json<'a>(row: &'a RiskRow<'a>) -> RiskJson<'a> {
    let j = &row.judgement;
    RiskJson {
        code: &row.record.code,
        title: &row.record.title,
        category: &row.record.category,
        owner: &row.record.owner,
        likelihood: j.likelihood,
        impact: j.impact,
        score: j.score,
        rag: j.rag,
        target_score: row.record.target_score,
        above_target: j.above_target,
        direction: j.direction,
        last_review: j.last_review.map(|d| d.to_string()),
        review_due: j.review_due.map(|d| d.to_string()),
        review_overdue: j.review_overdue,
    }
}

pub fn run(env: &Env, args: RisksArgs) -> Result<()> {
    if let Some(RisksCommand::Review {
        code,
        date,
        likelihood,
        impact,
        commentary,
    }) = args.command
    {
        let review = NewRiskReview {
            code,
            date: date_arg(&date, "DATE")?,
            likelihood: check_scale("likelihood", &likelihood)
                .map_err(|e| anyhow!("--likelihood: {e}"))?,
            impact: check_scale("impact", &impact).map_err(|e| anyhow!("--impact: {e}"))?,
            commentary: commentary.unwrap_or_default(),
        };
        let mut store = env.open()?;
        let version = store.record_risk_review(&review, crate::store::Expect::Any, env.today)?;
        // Judged at the end of the review's month, so the review just made counts.
        let period = Period::Month(Month::of(review.date));
        return show_one(env, &review.code, period, version);
    }
    let period = period_or_now_due(env, args.period.as_deref())?;
    let store = env.read()?;
    let delivery = store.delivery()?;
    let rows = delivery.risk_rows(period);
    let map = risk_heat_map(&rows);
    if env.json {
        let risks: Vec<RiskJson> = rows.iter().map(to_json).collect();
        return print_json(&json!({
            "period": period.to_string(),
            "bands": delivery.bands,
            "risks": risks,
            "heatmap": map,
        }));
    }
    // The opportunities are listed apart, under their own count, and never in the map.
    let (opportunities, risks): (Vec<&RiskRow>, Vec<&RiskRow>) =
        rows.iter().partition(|r| r.is_opportunity());
    register_table(&risks);
    say!(
        "{} for {period}",
        crate::domain::label::counted(risks.len(), "risk", "risks")
    );
    if !opportunities.is_empty() {
        say!("");
        say!("Opportunities (scored alike; not in the heat map)");
        register_table(&opportunities);
        say!(
            "{} for {period}",
            crate::domain::label::counted(opportunities.len(), "opportunity", "opportunities")
        );
    }
    say!("");
    for line in draw_heat_map(&map, delivery.bands) {
        say!("{line}");
    }
    Ok(())
}

/// The register as a table: each risk's score, target, band, direction and review due.
fn register_table(rows: &[&RiskRow]) {
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let j = &r.judgement;
            vec![
                r.record.code.clone(),
                r.record.title.clone(),
                r.record.owner.clone(),
                format!("{}×{}={}", j.likelihood, j.impact, j.score),
                r.record.target_score.to_string(),
                rag_text(j.rag),
                j.direction
                    .map_or_else(|| "–".into(), |d| format!("{} {d}", d.symbol())),
                day(j.review_due),
                j.rule.to_string(),
            ]
        })
        .collect();
    table(
        &[
            "code",
            "title",
            "owner",
            "score",
            "target",
            "rag",
            "direction",
            "review due",
            "rule",
        ],
        &lines,
    );
}

/// The heat map as text: likelihood up the side (5 at the top), impact along the bottom,
/// each cell the count of open risks there (`.` for none) after its band's letter, so it
/// reads without colour.
pub fn draw_heat_map(map: &[[u32; 5]; 5], bands: RiskBands) -> Vec<String> {
    let mut out = vec![format!(
        "Open risks by likelihood and impact (bands {bands}: G green, A amber, R red)"
    )];
    out.push("likelihood".into());
    let rule = format!("   +{}", "------+".repeat(5));
    out.push(rule.clone());
    for l in (1..=5u8).rev() {
        let cells: Vec<String> = (1..=5u8)
            .map(|i| {
                let n = map[usize::from(l - 1)][usize::from(i - 1)];
                let count = if n == 0 {
                    ".".to_string()
                } else {
                    n.to_string()
                };
                format!(" {}{count:>3} ", bands.rag(l * i).letter())
            })
            .collect();
        out.push(format!(" {l} |{}|", cells.join("|")));
        out.push(rule.clone());
    }
    let labels: String = (1..=5).map(|i| format!("{i:^6} ")).collect();
    out.push(format!("    {}", labels.trim_end()));
    out.push(format!("{:>22}", "impact"));
    out
}

fn show_one(env: &Env, code: &str, period: Period, version: i64) -> Result<()> {
    let store = env.read()?;
    let delivery = store.delivery()?;
    let rows = delivery.risk_rows(period);
    let row = rows
        .iter()
        .find(|r| r.record.code == code)
        .ok_or_else(|| anyhow!("risk {code} vanished after saving"))?;
    if env.json {
        return print_json(&json!({
            "period": period.to_string(),
            "version": version,
            "risk": to_json(row),
        }));
    }
    say!(
        "saved {code} review (version {version}): {} — {}",
        rag_text(row.judgement.rag),
        row.judgement.rule
    );
    Ok(())
}
