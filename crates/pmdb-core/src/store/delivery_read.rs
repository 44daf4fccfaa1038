//! Delivery rows read as the rules need them: each stored field parsed once, here, so a
//! field that does not read (a due date that is not a date, an update's status that is no
//! status, a frozen judgement that is not JSON) is a damaged row named by item and field,
//! never judged as if nothing were wrong. `Store::delivery` and `Store::dataset` refuse a
//! database holding one; `pmdb check` lists every one (`Store::delivery_damage`).

use std::fmt::Display;
use std::str::FromStr;

use chrono::NaiveDate;

use super::delivery::{
    ActionRecord, ActionUpdateRecord, Delivery, EiaRecord, MilestoneRecord, ProjectRecord,
    ProjectUpdateRecord, RiskRecord, RiskReviewRecord,
};
use super::error::DamagedRow;
use crate::domain::delivery::UpdateFrequency;
use crate::domain::delivery::action::{
    Action, ActionJudgement, ActionKind, ActionStatus, ActionUpdate,
};
use crate::domain::delivery::eia::{Eia, EiaJudgement};
use crate::domain::delivery::project::{
    Milestone, Project, ProjectJudgement, ProjectStatus, ProjectUpdate,
};
use crate::domain::delivery::risk::{Risk, RiskJudgement, RiskReview, check_scale};
use crate::domain::period::Period;

type Read<T> = Result<T, DamagedRow>;

/// Names the row being read (its table as people say it, and its key) for each field.
struct Row<'a> {
    table: &'static str,
    key: &'a str,
}

impl Row<'_> {
    fn damaged(&self, field: &'static str, problem: impl Display) -> DamagedRow {
        DamagedRow {
            table: self.table,
            key: self.key.to_string(),
            field,
            problem: problem.to_string(),
        }
    }

    fn date(&self, field: &'static str, text: &str) -> Read<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| self.damaged(field, format!("'{text}' is not a date (YYYY-MM-DD)")))
    }

    fn opt_date(&self, field: &'static str, text: Option<&str>) -> Read<Option<NaiveDate>> {
        text.map(|t| self.date(field, t)).transpose()
    }

    fn word<T: FromStr<Err: Display>>(&self, field: &'static str, text: &str) -> Read<T> {
        text.parse().map_err(|e| self.damaged(field, e))
    }

    fn period(&self, text: &str) -> Read<Period> {
        self.word("period", text)
    }

    /// A whole number within `range`, as a small integer.
    fn within<T: TryFrom<i64>>(
        &self,
        field: &'static str,
        n: i64,
        range: std::ops::RangeInclusive<i64>,
    ) -> Read<T> {
        match T::try_from(n) {
            Ok(v) if range.contains(&n) => Ok(v),
            _ => Err(self.damaged(
                field,
                format!("{n} is not from {} to {}", range.start(), range.end()),
            )),
        }
    }

    fn scale(&self, field: &'static str, n: i64) -> Read<u8> {
        check_scale(field, &n.to_string()).map_err(|e| self.damaged(field, e))
    }
}

pub fn action(a: &ActionRecord) -> Read<Action> {
    let row = Row {
        table: "action",
        key: &a.code,
    };
    row.word::<ActionKind>("kind", &a.kind)?;
    Ok(Action {
        start: row.opt_date("start", a.start.as_deref())?,
        due: row.date("due", &a.due)?,
        frequency: row.word::<UpdateFrequency>("frequency", &a.frequency)?,
    })
}

pub fn action_update(u: &ActionUpdateRecord) -> Read<ActionUpdate> {
    let key = format!("{} {}", u.action, u.period);
    let row = Row {
        table: "action update",
        key: &key,
    };
    Ok(ActionUpdate {
        period: row.period(&u.period)?,
        status: row.word::<ActionStatus>("status", &u.status)?,
        progress: u
            .progress
            .map(|p| row.within("progress", p, 0..=100))
            .transpose()?,
        forecast: row.opt_date("forecast", u.forecast.as_deref())?,
        commentary: u.commentary.clone(),
    })
}

pub fn project(p: &ProjectRecord) -> Read<Project> {
    let row = Row {
        table: "project",
        key: &p.code,
    };
    Ok(Project {
        start: row.opt_date("start", p.start.as_deref())?,
        finish: row.opt_date("finish", p.finish.as_deref())?,
        frequency: row.word::<UpdateFrequency>("frequency", &p.frequency)?,
    })
}

pub fn project_update(u: &ProjectUpdateRecord) -> Read<ProjectUpdate> {
    let key = format!("{} {}", u.project, u.period);
    let row = Row {
        table: "project update",
        key: &key,
    };
    Ok(ProjectUpdate {
        period: row.period(&u.period)?,
        status: row.word::<ProjectStatus>("status", &u.status)?,
        spent: u.spent,
        commentary: u.commentary.clone(),
    })
}

pub fn milestone(m: &MilestoneRecord) -> Read<Milestone> {
    let key = format!("{} '{}'", m.project, m.title);
    let row = Row {
        table: "milestone",
        key: &key,
    };
    Ok(Milestone {
        title: m.title.clone(),
        due: row.date("due", &m.due)?,
        forecast: row.opt_date("forecast", m.forecast.as_deref())?,
        done: row.opt_date("done", m.done.as_deref())?,
    })
}

pub fn risk(r: &RiskRecord) -> Read<Risk> {
    let row = Row {
        table: "risk",
        key: &r.code,
    };
    Ok(Risk {
        inherent_likelihood: row.scale("inherent_likelihood", r.inherent_likelihood)?,
        inherent_impact: row.scale("inherent_impact", r.inherent_impact)?,
        target_score: row.within("target_score", r.target_score, 1..=25)?,
        review_months: row.within("review_months", r.review_months, 1..=60)?,
        closed: row.opt_date("closed", r.closed.as_deref())?,
    })
}

pub fn risk_review(v: &RiskReviewRecord) -> Read<RiskReview> {
    let key = format!("{} {}", v.risk, v.date);
    let row = Row {
        table: "risk review",
        key: &key,
    };
    Ok(RiskReview {
        date: row.date("date", &v.date)?,
        likelihood: row.scale("likelihood", v.likelihood)?,
        impact: row.scale("impact", v.impact)?,
        commentary: v.commentary.clone(),
    })
}

pub fn eia(e: &EiaRecord) -> Read<Eia> {
    let row = Row {
        table: "EIA",
        key: &e.code,
    };
    Ok(Eia {
        due: row.date("due", &e.due)?,
        completed: row.opt_date("completed", e.completed.as_deref())?,
    })
}

/// A judgement frozen at sign-off, read back as the kind it was frozen as.
#[derive(Debug, Clone, PartialEq)]
pub enum FrozenJudgement {
    Action(ActionJudgement),
    Project(ProjectJudgement),
    Risk(RiskJudgement),
    Eia(EiaJudgement),
}

/// Reads one stored frozen judgement: (period, kind, code) and its JSON.
pub fn frozen(period: &str, kind: &str, code: &str, json: &str) -> Read<FrozenJudgement> {
    // The row's name is made only for a row that does not read: a council signing off for
    // years holds tens of thousands that do.
    let damaged = |field: &'static str, problem: String| {
        let key = format!("{period} {kind} {code}");
        Row {
            table: "signoff_delivery",
            key: &key,
        }
        .damaged(field, problem)
    };
    let bad = |e: serde_json::Error| damaged("status", e.to_string());
    Ok(match kind {
        "action" => FrozenJudgement::Action(serde_json::from_str(json).map_err(bad)?),
        "project" => FrozenJudgement::Project(serde_json::from_str(json).map_err(bad)?),
        "risk" => FrozenJudgement::Risk(serde_json::from_str(json).map_err(bad)?),
        "eia" => FrozenJudgement::Eia(serde_json::from_str(json).map_err(bad)?),
        other => {
            return Err(damaged(
                "kind",
                format!("'{other}' is not action, project, risk or eia"),
            ));
        }
    })
}

impl FrozenJudgement {
    /// The kind it was frozen as, as `signoff_delivery.kind` names it.
    pub fn kind(&self) -> &'static str {
        match self {
            FrozenJudgement::Action(_) => "action",
            FrozenJudgement::Project(_) => "project",
            FrozenJudgement::Risk(_) => "risk",
            FrozenJudgement::Eia(_) => "eia",
        }
    }
}

/// Every damaged row among delivery's records, in the order they are stored.
pub fn damage(d: &Delivery) -> Vec<DamagedRow> {
    fn each<T, U>(rows: &[T], read: impl Fn(&T) -> Read<U>) -> impl Iterator<Item = DamagedRow> {
        rows.iter().filter_map(move |r| read(r).err())
    }
    each(&d.actions, action)
        .chain(each(&d.action_updates, action_update))
        .chain(each(&d.projects, project))
        .chain(each(&d.project_updates, project_update))
        .chain(each(&d.milestones, milestone))
        .chain(each(&d.risks, risk))
        .chain(each(&d.risk_reviews, risk_review))
        .chain(each(&d.eias, eia))
        .collect()
}
