//! Delivery judged for a period: each action, project, risk and EIA with the plan nodes it
//! serves and its status by the rules in `domain::delivery`, at the period's end; for a
//! signed-off period, the judgement frozen then. What
//! `pmdb actions`, `projects`, `risks`, `eias`, the exception queue and the interface show.

use std::collections::HashMap;

use crate::domain::assess::Context;
use crate::domain::delivery::Calendar;
use crate::domain::delivery::action::{self, ActionJudgement};
use crate::domain::delivery::eia::{self, EiaJudgement};
use crate::domain::delivery::project::{self, Milestone, ProjectJudgement};
use crate::domain::delivery::risk::{self, RiskJudgement};
use crate::domain::period::Period;
use crate::store::delivery_frozen::FrozenPeriod;
use crate::store::delivery_read::{self as read, FrozenJudgement};
use crate::store::{ActionRecord, Delivery, EiaRecord, ProjectRecord, RiskRecord};

/// Each subject's entries, by its code, in one pass.
fn by_code<T>(rows: &[T], code: impl Fn(&T) -> &str) -> HashMap<&str, Vec<&T>> {
    let mut map: HashMap<&str, Vec<&T>> = HashMap::new();
    for r in rows {
        map.entry(code(r)).or_default().push(r);
    }
    map
}

pub struct ActionRow<'a> {
    pub record: &'a ActionRecord,
    pub plan: Vec<&'a str>,
    pub judgement: ActionJudgement,
}

pub struct ProjectRow<'a> {
    pub record: &'a ProjectRecord,
    pub plan: Vec<&'a str>,
    pub milestones: Vec<Milestone>,
    pub judgement: ProjectJudgement,
}

pub struct RiskRow<'a> {
    pub record: &'a RiskRecord,
    pub plan: Vec<&'a str>,
    /// The major projects whose own register it is in.
    pub projects: Vec<&'a str>,
    pub judgement: RiskJudgement,
}

pub struct EiaRow<'a> {
    pub record: &'a EiaRecord,
    pub judgement: EiaJudgement,
}

impl Delivery {
    /// The judgements frozen when `period` was signed off, if it was.
    fn frozen_for(&self, period: Period) -> Option<&FrozenPeriod> {
        self.frozen.period(period)
    }

    /// The council's calendar for updates owed: its deadline day and collection start.
    fn calendar(&self, ctx: Context) -> Calendar {
        Calendar {
            deadline_day: ctx.deadline_day,
            collect_from: self.collect_from,
            today: ctx.today,
        }
    }

    /// The title of the action, project, risk or EIA with this code.
    pub fn title_of(&self, code: &str) -> Option<&str> {
        let actions = self.actions.iter().map(|a| (&a.code, &a.title));
        let projects = self.projects.iter().map(|p| (&p.code, &p.title));
        let risks = self.risks.iter().map(|r| (&r.code, &r.title));
        let eias = self.eias.iter().map(|e| (&e.code, &e.title));
        actions
            .chain(projects)
            .chain(risks)
            .chain(eias)
            .find(|(c, _)| *c == code)
            .map(|(_, t)| t.as_str())
    }

    /// Every action judged for `period`. A row that does not read is left out: only a
    /// dataset read as stored (`Store::dataset_as_stored`, for `pmdb check`) holds one,
    /// and `Store::dataset` refuses it, naming it.
    pub fn action_rows(&self, period: Period, ctx: Context) -> Vec<ActionRow<'_>> {
        let links = by_code(&self.action_links, |l| &l.action);
        let updates = by_code(&self.action_updates, |u| &u.action);
        let cal = self.calendar(ctx);
        let frozen = self.frozen_for(period);
        self.actions
            .iter()
            .filter_map(|a| {
                let ups = updates
                    .get(a.code.as_str())
                    .into_iter()
                    .flatten()
                    .map(|u| read::action_update(u))
                    .collect::<Result<Vec<_>, _>>()
                    .ok()?;
                let judgement = match frozen.and_then(|f| f.get("action", &a.code)) {
                    Some(FrozenJudgement::Action(j)) => j.clone(),
                    _ => action::judge(&read::action(a).ok()?, &ups, period, cal),
                };
                Some(ActionRow {
                    record: a,
                    plan: nodes(links.get(a.code.as_str()), |l| &l.node),
                    judgement,
                })
            })
            .collect()
    }

    /// Every project judged for `period`, with its milestones.
    pub fn project_rows(&self, period: Period, ctx: Context) -> Vec<ProjectRow<'_>> {
        let links = by_code(&self.project_links, |l| &l.project);
        let updates = by_code(&self.project_updates, |u| &u.project);
        let milestones = by_code(&self.milestones, |m| &m.project);
        let cal = self.calendar(ctx);
        let frozen = self.frozen_for(period);
        self.projects
            .iter()
            .filter_map(|p| {
                let ups = updates
                    .get(p.code.as_str())
                    .into_iter()
                    .flatten()
                    .map(|u| read::project_update(u))
                    .collect::<Result<Vec<_>, _>>()
                    .ok()?;
                let ms = milestones
                    .get(p.code.as_str())
                    .into_iter()
                    .flatten()
                    .map(|m| read::milestone(m))
                    .collect::<Result<Vec<Milestone>, _>>()
                    .ok()?;
                let judgement = match frozen.and_then(|f| f.get("project", &p.code)) {
                    Some(FrozenJudgement::Project(j)) => j.clone(),
                    _ => project::judge(&read::project(p).ok()?, &ms, &ups, period, cal),
                };
                Some(ProjectRow {
                    record: p,
                    plan: nodes(links.get(p.code.as_str()), |l| &l.node),
                    milestones: ms,
                    judgement,
                })
            })
            .collect()
    }

    /// Every risk judged at the end of `period`.
    pub fn risk_rows(&self, period: Period) -> Vec<RiskRow<'_>> {
        let end = period.last_month().last_day();
        let frozen = self.frozen_for(period);
        let links = by_code(&self.risk_links, |l| &l.risk);
        let in_projects = by_code(&self.risk_projects, |l| &l.risk);
        let reviews = by_code(&self.risk_reviews, |r| &r.risk);
        self.risks
            .iter()
            .filter_map(|r| {
                let revs = reviews
                    .get(r.code.as_str())
                    .into_iter()
                    .flatten()
                    .map(|v| read::risk_review(v))
                    .collect::<Result<Vec<_>, _>>()
                    .ok()?;
                let judgement = match frozen.and_then(|f| f.get("risk", &r.code)) {
                    Some(FrozenJudgement::Risk(j)) => j.clone(),
                    _ => risk::judge(&read::risk(r).ok()?, &revs, end, self.bands),
                };
                Some(RiskRow {
                    record: r,
                    plan: nodes(links.get(r.code.as_str()), |l| &l.node),
                    projects: nodes(in_projects.get(r.code.as_str()), |l| &l.project),
                    judgement,
                })
            })
            .collect()
    }

    /// The plan nodes a risk serves: its own and those of the projects it belongs to, so a
    /// project's risks fall in the scopes the project falls in.
    pub fn risk_nodes<'a>(&'a self, row: &RiskRow<'a>) -> Vec<&'a str> {
        let mut out = row.plan.clone();
        for l in &self.project_links {
            if row.projects.contains(&l.project.as_str()) {
                out.push(l.node.as_str());
            }
        }
        out
    }

    /// Every EIA at the end of `period`.
    pub fn eia_rows(&self, period: Period) -> Vec<EiaRow<'_>> {
        let end = period.last_month().last_day();
        let frozen = self.frozen_for(period);
        self.eias
            .iter()
            .filter_map(|e| {
                let judgement = match frozen.and_then(|f| f.get("eia", &e.code)) {
                    Some(FrozenJudgement::Eia(j)) => j.clone(),
                    _ => eia::judge(&read::eia(e).ok()?, end),
                };
                Some(EiaRow {
                    record: e,
                    judgement,
                })
            })
            .collect()
    }
}

fn nodes<'a, T>(links: Option<&Vec<&'a T>>, node: impl Fn(&'a T) -> &'a String) -> Vec<&'a str> {
    links
        .into_iter()
        .flatten()
        .map(|l| node(l).as_str())
        .collect()
}

impl RiskRow<'_> {
    /// An opportunity: listed apart from the risks, never counted in the heat map.
    pub fn is_opportunity(&self) -> bool {
        risk::is_opportunity(&self.record.category)
    }
}

/// A major project's own register: the risks and opportunities among `rows` whose plan
/// names the project, in the council's order.
pub fn risks_of_project<'r, 'a>(rows: &'r [RiskRow<'a>], project: &str) -> Vec<&'r RiskRow<'a>> {
    rows.iter()
        .filter(|r| r.projects.contains(&project))
        .collect()
}

/// The 5 × 5 heat map of the open risks among `rows`, opportunities left out.
pub fn risk_heat_map(rows: &[RiskRow]) -> [[u32; 5]; 5] {
    risk::heat_map(
        rows.iter()
            .filter(|r| !r.is_opportunity())
            .map(|r| &r.judgement),
    )
}
