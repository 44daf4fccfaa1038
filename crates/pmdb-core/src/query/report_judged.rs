//! What every report of a period judges of the whole council, judged once: each indicator
//! as the roll-up by priority shows it, and every action, project, risk and EIA. A pack
//! (`publish`) makes the council's report four ways and a summary per portfolio from one
//! judging, as `pmdb report` makes its Markdown's roll-up and registers; each page then
//! takes what its scope holds.

use super::delivery::{ActionRow, EiaRow, ProjectRow, RiskRow};
use super::rollup::{GroupBy, Rollup, rollup};
use crate::domain::assess::Context;
use crate::domain::period::Period;
use crate::store::Dataset;

pub struct Judged<'a> {
    pub ds: &'a Dataset,
    pub period: Period,
    pub ctx: Context,
    /// The council's roll-up by priority.
    pub by_priority: Rollup,
    pub actions: Vec<ActionRow<'a>>,
    pub projects: Vec<ProjectRow<'a>>,
    pub risks: Vec<RiskRow<'a>>,
    pub eias: Vec<EiaRow<'a>>,
}

impl<'a> Judged<'a> {
    /// The council judged for `period`: its indicators on every core, then its delivery.
    pub fn of(ds: &'a Dataset, period: Period, ctx: Context) -> Judged<'a> {
        let d = &ds.delivery;
        Judged {
            ds,
            period,
            ctx,
            by_priority: rollup(ds, period, GroupBy::Priority, ctx),
            actions: d.action_rows(period, ctx),
            projects: d.project_rows(period, ctx),
            risks: d.risk_rows(period),
            eias: d.eia_rows(period),
        }
    }

    /// The council's roll-up grouped `by`: by priority as judged, another way judged again.
    pub fn rollup(&self, by: GroupBy) -> Rollup {
        match by {
            GroupBy::Priority => self.by_priority.clone(),
            _ => rollup(self.ds, self.period, by, self.ctx),
        }
    }
}
