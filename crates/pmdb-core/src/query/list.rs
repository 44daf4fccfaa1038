//! `pmdb list`: indicators filtered by owner, plan node, portfolio, service or status.

use serde::Serialize;

use crate::domain::assess::Context;
use crate::domain::bounds;
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::domain::status_rule::StatusRule;
use crate::store::Dataset;

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub owner: Option<String>,
    /// A plan node: indicators linked at or beneath it.
    pub plan: Option<String>,
    pub portfolio: Option<String>,
    pub service: Option<String>,
    pub rag: Option<Rag>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub code: String,
    pub title: String,
    pub kind: String,
    pub owner: String,
    pub frequency: String,
    pub aggregation: String,
    pub polarity: String,
    pub unit: String,
    /// The lowest and highest plausible figures in force (null: no bound).
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub plan: Vec<String>,
    pub services: Vec<String>,
    pub portfolios: Vec<String>,
    pub period: Period,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub rag: Rag,
    #[serde(serialize_with = "crate::domain::kept::as_words")]
    pub rule: StatusRule,
    pub latest_period: Option<Period>,
    pub decimals: u8,
}

pub fn list(ds: &Dataset, filter: &ListFilter, period: Period, ctx: Context) -> Vec<ListRow> {
    let thread = ds.thread();
    let beneath = filter.plan.as_ref().map(|p| thread.indicators_beneath(p));
    ds.indicators
        .iter()
        .filter(|rec| {
            filter
                .owner
                .as_ref()
                .is_none_or(|o| rec.indicator.owner == *o || rec.enterers.contains(o))
        })
        .filter(|rec| {
            beneath
                .as_ref()
                .is_none_or(|b| b.contains(&rec.indicator.code))
        })
        .filter_map(|rec| {
            let services = ds.services_of(&thread, rec);
            let portfolios = ds.portfolios_of(&thread, rec);
            if filter
                .service
                .as_ref()
                .is_some_and(|s| !services.contains(s))
                || filter
                    .portfolio
                    .as_ref()
                    .is_some_and(|p| !portfolios.contains(p))
            {
                return None;
            }
            let a = ds.assess_latest_of(rec, period, ctx);
            if filter.rag.is_some_and(|r| r != a.rag) {
                return None;
            }
            let i = &rec.indicator;
            Some(ListRow {
                code: i.code.clone(),
                title: i.title.clone(),
                kind: i.kind.to_string(),
                owner: i.owner.clone(),
                frequency: i.frequency.to_string(),
                aggregation: i.aggregation.to_string(),
                polarity: i.polarity.to_string(),
                unit: i.unit.clone(),
                min: bounds::lower(i),
                max: bounds::upper(i),
                plan: rec.plan.clone(),
                services,
                portfolios,
                period: a.period,
                value: a.value,
                target: a.target,
                rag: a.rag,
                rule: a.rule,
                latest_period: a.latest_period,
                decimals: i.decimals,
            })
        })
        .collect()
}
