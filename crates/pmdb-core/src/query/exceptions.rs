//! What `pmdb exceptions raise --period P` raises: one exception per red or missing value,
//! overdue action and risk above its target score.

use crate::domain::assess::{Assessment, Context};
use crate::domain::number::fmt_decimals;
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::domain::workflow::ExceptionKind;
use crate::store::{
    ActionRecord, Dataset, ExceptionRecord, MeetingRecord, NewException, RiskRecord,
};

fn figure(x: Option<f64>, dp: u8) -> String {
    x.map(|x| fmt_decimals(x, dp))
        .unwrap_or_else(|| "none".into())
}

/// The figures an indicator's exception shows: the value against its target and the rule,
/// or that there is no value. The same words when it is raised and when it is looked at
/// again, so "changed" means the figure changed.
fn figures_text(a: &Assessment, dp: u8) -> String {
    match a.rag {
        Rag::Missing => format!("no value for {}: {}", a.period, a.rule),
        _ => format!(
            "{} {} against target {} (intervention {}): {}",
            a.period,
            figure(a.value, dp),
            figure(a.target, dp),
            figure(a.intervention, dp),
            a.rule
        ),
    }
}

/// An exception with its figures now beside the ones that raised it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExceptionNow {
    #[serde(flatten)]
    pub record: ExceptionRecord,
    /// The figures as they stand now (for an indicator's exception); as raised otherwise.
    pub figures_now: String,
    /// Whether the figure has changed since the exception was raised.
    pub changed: bool,
}

/// An exception's figures as they stand now: for an indicator's exception, its
/// assessment now in the words it was raised with; as raised otherwise.
pub fn figures_now(ds: &Dataset, record: &ExceptionRecord, ctx: Context) -> String {
    let now = match record.kind {
        ExceptionKind::Red | ExceptionKind::Missing => ds
            .indicator(&record.subject)
            .zip(record.period.parse::<Period>().ok())
            .map(|(rec, p)| {
                figures_text(&ds.assess(&ds.series(rec), p, ctx), rec.indicator.decimals)
            }),
        _ => None,
    };
    now.unwrap_or_else(|| record.figures.clone())
}

/// Each exception with its figures now: "raised at 44.4, red; now 77.8, green" is what
/// the meeting needs to see before it spends time on a red that is no longer red.
pub fn with_figures_now(
    ds: &Dataset,
    records: Vec<ExceptionRecord>,
    ctx: Context,
) -> Vec<ExceptionNow> {
    records
        .into_iter()
        .map(|record| {
            let figures_now = figures_now(ds, &record, ctx);
            let changed = figures_now != record.figures;
            ExceptionNow {
                record,
                figures_now,
                changed,
            }
        })
        .collect()
}

pub fn candidates(
    ds: &Dataset,
    period: Period,
    actions: &[ActionRecord],
    risks: &[RiskRecord],
    meetings: &[MeetingRecord],
    ctx: Context,
) -> Vec<NewException> {
    let thread = ds.thread();
    let label = period.to_string();
    // The PPG meeting that reviews this period, if one is arranged.
    let meeting = meetings
        .iter()
        .find(|m| m.board == "PPG" && m.period == label)
        .map(|m| m.id);
    let service_of_node = |node: &Option<String>| {
        node.as_deref()
            .and_then(|n| {
                thread
                    .ancestry(n)
                    .into_iter()
                    .find_map(|a| a.service.clone())
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for rec in &ds.indicators {
        let i = &rec.indicator;
        let a = ds.assess(&ds.series(rec), period, ctx);
        let kind = match a.rag {
            Rag::Red => ExceptionKind::Red,
            Rag::Missing => ExceptionKind::Missing,
            _ => continue,
        };
        let figures = figures_text(&a, i.decimals);
        let commentary = ds
            .value_at(&i.code, a.period)
            .map(|v| {
                [v.commentary.as_str(), v.action.as_str()]
                    .iter()
                    .filter(|t| !t.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" / Action: ")
            })
            .unwrap_or_default();
        out.push(NewException {
            kind,
            period: label.clone(),
            subject: i.code.clone(),
            service: ds
                .services_of(&thread, rec)
                .into_iter()
                .next()
                .unwrap_or_default(),
            owner: i.owner.clone(),
            figures,
            commentary,
            meeting,
        });
    }
    for a in actions.iter().filter(|a| a.is_overdue(ctx.today)) {
        out.push(NewException {
            kind: ExceptionKind::OverdueAction,
            period: label.clone(),
            subject: a.code.clone(),
            service: service_of_node(&a.node),
            owner: a.owner.clone(),
            figures: format!(
                "{}: due {}, {}% done, {}",
                a.title,
                a.due,
                a.progress,
                a.status.replace('_', " ")
            ),
            commentary: String::new(),
            meeting,
        });
    }
    for r in risks.iter().filter(|r| r.above_appetite()) {
        out.push(NewException {
            kind: ExceptionKind::Risk,
            period: label.clone(),
            subject: r.code.clone(),
            service: service_of_node(&r.node),
            owner: r.owner.clone(),
            figures: format!(
                "{}: score {} ({} likelihood × {} impact) above its target score {}",
                r.title,
                r.score(),
                r.likelihood,
                r.impact,
                r.target_score
            ),
            commentary: r.controls.clone(),
            meeting,
        });
    }
    out
}
