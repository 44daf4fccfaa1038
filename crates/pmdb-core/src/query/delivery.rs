//! Delivery judged for a period: each action, project, risk and EIA with the plan nodes it
//! serves and its status by the rules in `domain::delivery`, at the period's end; for a
//! signed-off period, the judgement frozen then. What
//! `pmdb actions`, `projects`, `risks`, `eias`, the exception queue and the interface show.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::assess::Context;
use crate::domain::delivery::action::{self, Action, ActionJudgement, ActionStatus, ActionUpdate};
use crate::domain::delivery::eia::{self, Eia, EiaJudgement};
use crate::domain::delivery::project::{
    self, Milestone, Project, ProjectJudgement, ProjectStatus, ProjectUpdate,
};
use crate::domain::delivery::risk::{self, Risk, RiskJudgement, RiskReview};
use crate::domain::period::Period;
use crate::store::{ActionRecord, Delivery, EiaRecord, ProjectRecord, RiskRecord};

fn date(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

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
    pub judgement: RiskJudgement,
}

pub struct EiaRow<'a> {
    pub record: &'a EiaRecord,
    pub judgement: EiaJudgement,
}

impl Delivery {
    /// The judgement frozen when `period` was signed off, if it was.
    fn frozen_for<T: serde::de::DeserializeOwned>(
        &self,
        period: Period,
        kind: &str,
        code: &str,
    ) -> Option<T> {
        if self.frozen.is_empty() {
            return None;
        }
        let key = (period.to_string(), kind.to_string(), code.to_string());
        serde_json::from_str(self.frozen.get(&key)?).ok()
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

    /// Every action judged for `period`.
    pub fn action_rows(&self, period: Period, ctx: Context) -> Vec<ActionRow<'_>> {
        let links = by_code(&self.action_links, |l| &l.action);
        let updates = by_code(&self.action_updates, |u| &u.action);
        self.actions
            .iter()
            .map(|a| {
                let ups: Vec<ActionUpdate> = updates
                    .get(a.code.as_str())
                    .into_iter()
                    .flatten()
                    .filter_map(|u| {
                        Some(ActionUpdate {
                            period: u.period.parse().ok()?,
                            status: u.status.parse::<ActionStatus>().ok()?,
                            progress: u.progress.and_then(|p| u8::try_from(p).ok()),
                            forecast: u.forecast.as_deref().and_then(date),
                            commentary: u.commentary.clone(),
                        })
                    })
                    .collect();
                let subject = Action {
                    start: a.start.as_deref().and_then(date),
                    due: date(&a.due).unwrap_or(NaiveDate::MAX),
                };
                let judgement = self
                    .frozen_for(period, "action", &a.code)
                    .unwrap_or_else(|| {
                        action::judge(&subject, &ups, period, ctx.deadline_day, ctx.today)
                    });
                ActionRow {
                    record: a,
                    plan: nodes(links.get(a.code.as_str()), |l| &l.node),
                    judgement,
                }
            })
            .collect()
    }

    /// Every project judged for `period`, with its milestones.
    pub fn project_rows(&self, period: Period, ctx: Context) -> Vec<ProjectRow<'_>> {
        let links = by_code(&self.project_links, |l| &l.project);
        let updates = by_code(&self.project_updates, |u| &u.project);
        let milestones = by_code(&self.milestones, |m| &m.project);
        self.projects
            .iter()
            .map(|p| {
                let ups: Vec<ProjectUpdate> = updates
                    .get(p.code.as_str())
                    .into_iter()
                    .flatten()
                    .filter_map(|u| {
                        Some(ProjectUpdate {
                            period: u.period.parse().ok()?,
                            status: u.status.parse::<ProjectStatus>().ok()?,
                            spent: u.spent,
                            commentary: u.commentary.clone(),
                        })
                    })
                    .collect();
                let ms: Vec<Milestone> = milestones
                    .get(p.code.as_str())
                    .into_iter()
                    .flatten()
                    .filter_map(|m| {
                        Some(Milestone {
                            title: m.title.clone(),
                            due: date(&m.due)?,
                            forecast: m.forecast.as_deref().and_then(date),
                            done: m.done.as_deref().and_then(date),
                        })
                    })
                    .collect();
                let subject = Project {
                    start: p.start.as_deref().and_then(date),
                    finish: p.finish.as_deref().and_then(date),
                };
                let judgement = self
                    .frozen_for(period, "project", &p.code)
                    .unwrap_or_else(|| {
                        project::judge(&subject, &ms, &ups, period, ctx.deadline_day, ctx.today)
                    });
                ProjectRow {
                    record: p,
                    plan: nodes(links.get(p.code.as_str()), |l| &l.node),
                    milestones: ms,
                    judgement,
                }
            })
            .collect()
    }

    /// Every risk judged at the end of `period`.
    pub fn risk_rows(&self, period: Period) -> Vec<RiskRow<'_>> {
        let end = period.last_month().last_day();
        let links = by_code(&self.risk_links, |l| &l.risk);
        let reviews = by_code(&self.risk_reviews, |r| &r.risk);
        let scale = |x: i64| u8::try_from(x).unwrap_or(0);
        self.risks
            .iter()
            .map(|r| {
                let revs: Vec<RiskReview> = reviews
                    .get(r.code.as_str())
                    .into_iter()
                    .flatten()
                    .filter_map(|v| {
                        Some(RiskReview {
                            date: date(&v.date)?,
                            likelihood: scale(v.likelihood),
                            impact: scale(v.impact),
                            commentary: v.commentary.clone(),
                        })
                    })
                    .collect();
                let subject = Risk {
                    inherent_likelihood: scale(r.inherent_likelihood),
                    inherent_impact: scale(r.inherent_impact),
                    target_score: scale(r.target_score),
                    review_months: u32::try_from(r.review_months).unwrap_or(3),
                    closed: r.closed.as_deref().and_then(date),
                };
                let judgement = self
                    .frozen_for(period, "risk", &r.code)
                    .unwrap_or_else(|| risk::judge(&subject, &revs, end, self.bands));
                RiskRow {
                    record: r,
                    plan: nodes(links.get(r.code.as_str()), |l| &l.node),
                    judgement,
                }
            })
            .collect()
    }

    /// Every EIA at the end of `period`.
    pub fn eia_rows(&self, period: Period) -> Vec<EiaRow<'_>> {
        let end = period.last_month().last_day();
        self.eias
            .iter()
            .map(|e| EiaRow {
                record: e,
                judgement: self.frozen_for(period, "eia", &e.code).unwrap_or_else(|| {
                    eia::judge(
                        &Eia {
                            due: date(&e.due).unwrap_or(NaiveDate::MAX),
                            completed: e.completed.as_deref().and_then(date),
                        },
                        end,
                    )
                }),
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
