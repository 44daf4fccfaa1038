//! The actions, risks and projects on some plan nodes, each with its status for a period
//! and the rule that gave it, as the Plan tab's detail lists them. Computed when the
//! selection, the period or the data change (`PlanState::sync`), never while drawing.

use crate::domain::period::Period;
use crate::tui::data::Data;

/// ("Actions", lines), ("Risks", lines), ("Projects", lines): the empty ones left out.
pub type Linked = Vec<(&'static str, Vec<String>)>;

pub fn linked(data: &Data, period: Period, nodes: &[String]) -> Linked {
    let on = |plan: &[&str]| plan.iter().any(|n| nodes.iter().any(|m| m == n));
    let d = &data.ds.delivery;
    let actions: Vec<String> = d
        .action_rows(period, data.ctx())
        .iter()
        .filter(|a| on(&a.plan))
        .map(|a| {
            let j = &a.judgement;
            format!(
                "{} {} {} ({}: {})",
                j.rag.letter(),
                a.record.code,
                a.record.title,
                j.status.as_str().replace('_', " "),
                j.rule
            )
        })
        .collect();
    let risks: Vec<String> = d
        .risk_rows(period)
        .iter()
        // A project's own risks are on its project's nodes; an opportunity says so.
        .filter(|r| r.judgement.open && on(&d.risk_nodes(r)))
        .map(|r| {
            let j = &r.judgement;
            format!(
                "{} {} {} ({}score {}, target {}{})",
                j.rag.letter(),
                r.record.code,
                r.record.title,
                if r.is_opportunity() {
                    "opportunity, "
                } else {
                    ""
                },
                j.score,
                r.record.target_score,
                if j.above_target { ", above target" } else { "" }
            )
        })
        .collect();
    let projects: Vec<String> = d
        .project_rows(period, data.ctx())
        .iter()
        .filter(|p| on(&p.plan))
        .map(|p| {
            let j = &p.judgement;
            format!(
                "{} {} {} ({}: {})",
                j.rag.letter(),
                p.record.code,
                p.record.title,
                j.status.as_str().replace('_', " "),
                j.rule
            )
        })
        .collect();
    [
        ("Actions", actions),
        ("Risks", risks),
        ("Projects", projects),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .collect()
}
