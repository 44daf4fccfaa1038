//! `pmdb rollup`: the quarter (or any period) by priority, portfolio or service, with
//! G/A/R/missing/none counts and each indicator's figure.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::domain::assess::{Assessment, Context};
use crate::domain::direction::Direction;
use crate::domain::indicator::words;
use crate::domain::period::Period;
use crate::domain::plan::NodeKind;
use crate::domain::rag::Rag;
use crate::domain::rollup::{Counts, counts_in, nodes_above};
use crate::domain::status_rule::StatusRule;
use crate::store::{Dataset, IndicatorRecord, Quality};

words!(
    /// What a roll-up groups by.
    GroupBy, "grouping" { Priority = "priority", Portfolio = "portfolio", Service = "service" }
);

#[derive(Debug, Clone, Serialize)]
pub struct RollupIndicator {
    pub code: String,
    pub title: String,
    pub value: Option<f64>,
    pub target: Option<f64>,
    /// The intervention level, for the workbook; left out of `--json`, whose fields are
    /// a published interface.
    #[serde(skip)]
    pub intervention: Option<f64>,
    pub rag: Rag,
    #[serde(serialize_with = "crate::domain::kept::as_words")]
    pub rule: StatusRule,
    pub direction: Option<Direction>,
    pub ytd: Option<f64>,
    pub latest_period: Option<Period>,
    pub partial: Option<String>,
    pub unit: String,
    pub decimals: u8,
    /// How far the figure shown can be trusted (the reports mark `p` and `e`); left out of
    /// `--json`, whose fields are a published interface.
    #[serde(skip)]
    pub quality: Option<Quality>,
}

impl RollupIndicator {
    /// The mark beside the figure (`p` provisional, `e` estimated), none for a final one
    /// or where there is no figure.
    pub fn quality_mark(&self) -> Option<&'static str> {
        self.value.and(self.quality).and_then(Quality::mark)
    }
}

/// The data-quality key as one sentence, for the Markdown report and the workbook.
pub fn quality_key_sentence() -> String {
    let parts: Vec<String> = crate::store::QUALITY_KEY
        .iter()
        .map(|(q, meaning)| format!("{} {q} ({meaning})", q.mark().unwrap_or("")))
        .collect();
    format!(
        "Data quality: {}; a figure with neither mark is final.",
        parts.join("; ")
    )
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub code: String,
    pub title: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub indicators: Vec<RollupIndicator>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    pub period: Period,
    pub by: GroupBy,
    pub groups: Vec<Group>,
}

/// The roll-up for a period. Each group counts every indicator linked at or beneath it,
/// once; where a period is not yet due the latest available figure is shown and counted,
/// labelled by `latest_period`.
pub fn rollup(ds: &Dataset, period: Period, by: GroupBy, ctx: Context) -> Rollup {
    let thread = ds.thread();
    let year = period.fin_year();
    let groups: Vec<(String, String, BTreeSet<String>)> = match by {
        GroupBy::Priority => ds
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Priority && n.live_in(year))
            .map(|n| {
                (
                    n.code.clone(),
                    n.title.clone(),
                    thread.indicators_beneath(&n.code),
                )
            })
            .collect(),
        GroupBy::Portfolio | GroupBy::Service => {
            let mut members = thread.group_by(&ds.links, |n| {
                if by == GroupBy::Portfolio {
                    n.portfolio.as_deref()
                } else {
                    n.service.as_deref()
                }
            });
            let named = if by == GroupBy::Portfolio {
                &ds.portfolios
            } else {
                &ds.services
            };
            named
                .iter()
                .filter_map(|g| {
                    members
                        .remove(&g.code)
                        .map(|m| (g.code.clone(), g.name.clone(), m))
                })
                .collect()
        }
    };
    // Each indicator is assessed once, however many groups it falls in.
    let assessed: HashMap<&str, RollupIndicator> = ds
        .judge_each(|rec| (rec.indicator.code.as_str(), shown(ds, rec, period, ctx)))
        .into_iter()
        .collect();
    let status: HashMap<String, Rag> = assessed
        .iter()
        .map(|(c, a)| (c.to_string(), a.rag))
        .collect();
    let order: HashMap<&str, usize> = ds
        .indicators
        .iter()
        .enumerate()
        .map(|(n, r)| (r.indicator.code.as_str(), n))
        .collect();
    let groups = groups
        .into_iter()
        .map(|(code, title, members)| {
            let counts = Counts::of(&members, &status);
            let mut indicators: Vec<RollupIndicator> = members
                .iter()
                .filter_map(|c| assessed.get(c.as_str()).cloned())
                .collect();
            indicators.sort_by_key(|i| order.get(i.code.as_str()).copied().unwrap_or(usize::MAX));
            Group {
                code,
                title,
                counts,
                indicators,
            }
        })
        .collect();
    Rollup { period, by, groups }
}

/// One indicator as a roll-up shows it for `period`: the latest available where the
/// period is not yet due, with the quality of the figure shown.
pub fn shown(ds: &Dataset, rec: &IndicatorRecord, period: Period, ctx: Context) -> RollupIndicator {
    let a = ds.assess_latest_of(rec, period, ctx);
    let i = &rec.indicator;
    RollupIndicator {
        code: i.code.clone(),
        title: i.title.clone(),
        value: a.value,
        target: a.target,
        intervention: a.intervention,
        rag: a.rag,
        rule: a.rule,
        direction: a.direction,
        ytd: a.ytd,
        latest_period: a.latest_period,
        partial: a.partial,
        unit: i.unit.clone(),
        decimals: i.decimals,
        quality: a.latest_period.and_then(|p| ds.quality_at(&i.code, p)),
    }
}

/// One indicator's status for the period as the Plan tab counts it, by its code, with the
/// nodes it counts in.
fn judged<'a>(
    ds: &'a Dataset,
    rec: &IndicatorRecord,
    period: Period,
    ctx: Context,
) -> (String, Assessment, Vec<&'a str>) {
    (
        rec.indicator.code.clone(),
        ds.assess_latest_of(rec, period, ctx),
        counts_in_nodes(ds, rec),
    )
}

/// The nodes whose counts an indicator's status is counted in: its links' and their
/// ancestors', each once.
fn counts_in_nodes<'a>(ds: &'a Dataset, rec: &IndicatorRecord) -> Vec<&'a str> {
    nodes_above(rec.plan.iter().map(String::as_str), |c| ds.node(c))
}

/// Every indicator's assessment for one period and every plan node's counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodStats {
    pub assessments: HashMap<String, Assessment>,
    pub counts: HashMap<String, Counts>,
}

impl PeriodStats {
    /// Every indicator's status for the period (the latest available where it is not yet
    /// due, as the roll-up counts it) and every node's counts beneath it.
    pub fn of(ds: &Dataset, period: Period, ctx: Context) -> PeriodStats {
        // Each indicator judged with the nodes it counts in, on every core: the counts
        // are then an addition per indicator and node.
        PeriodStats::counted(ds, ds.judge_each(|rec| judged(ds, rec, period, ctx)))
    }

    /// As `of`, on the calling thread alone: for work in the background that must leave
    /// the machine's other cores to what answers keys.
    pub fn of_quietly(ds: &Dataset, period: Period, ctx: Context) -> PeriodStats {
        let judged = ds.indicators.iter().map(|rec| judged(ds, rec, period, ctx));
        PeriodStats::counted(ds, judged.collect())
    }

    /// Every node's counts of these assessments, each with the nodes it counts in.
    fn counted<'a>(
        ds: &'a Dataset,
        judged: Vec<(String, Assessment, Vec<&'a str>)>,
    ) -> PeriodStats {
        let mut assessments = HashMap::with_capacity(judged.len());
        let counted = judged.into_iter().map(|(code, a, above)| {
            let rag = a.rag;
            assessments.insert(code, a);
            (rag, above)
        });
        let counts = counts_in(ds.nodes.iter().map(|n| n.code.as_str()), counted)
            .into_iter()
            .map(|(code, c)| (code.to_string(), c))
            .collect();
        PeriodStats {
            assessments,
            counts,
        }
    }

    /// Brings the statistics up to date after the values of `codes`, and nothing else,
    /// changed: each one judged again and, where its status moved, the counts of every
    /// node above it moved with it. What `of` gives on the patched dataset, at the cost of
    /// those indicators rather than the council's (an open interface taking in another
    /// officer's save).
    pub fn update<'c>(
        &mut self,
        ds: &Dataset,
        period: Period,
        ctx: Context,
        codes: impl IntoIterator<Item = &'c str>,
    ) {
        for code in codes {
            let Some(rec) = ds.indicator(code) else {
                continue;
            };
            let now = ds.assess_latest_of(rec, period, ctx);
            let was = self.assessments.get(code).map_or(Rag::None, |a| a.rag);
            if was != now.rag {
                for node in counts_in_nodes(ds, rec) {
                    if let Some(counts) = self.counts.get_mut(node) {
                        counts.take(was);
                        counts.add(now.rag);
                    }
                }
            }
            self.assessments.insert(code.to_string(), now);
        }
    }
}
