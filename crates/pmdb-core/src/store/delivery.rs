//! Delivery as stored: actions and their updates, major projects with their updates and
//! milestones, risks with their reviews, and equality impact assessments, each with the
//! plan nodes it serves. Judging them for a period is `query::delivery`'s job.

use std::collections::BTreeMap;

use rusqlite::{Row, Transaction, params};
use serde::Serialize;

use super::Store;
use super::error::Result;
use crate::domain::delivery::risk::RiskBands;

record!(ActionRecord, "actions", "due, code", actions, add_actions {
    id: i64, code: String, title: String, kind: String, owner: String,
    start: Option<String>, due: String,
});

record!(
    ActionLinkRecord,
    "action_links",
    "action, node",
    action_links,
    add_action_links {
        action: String,
        node: String,
    }
);

record!(ActionUpdateRecord, "action_updates", "action, period", action_updates, add_action_updates {
    action: String, period: String, status: String, progress: Option<i64>, forecast: Option<String>,
    commentary: String, entered_by: String, entered_at: String, version: i64,
});

record!(ProjectRecord, "projects", "code", projects, add_projects {
    id: i64, code: String, title: String, owner: String,
    start: Option<String>, finish: Option<String>, budget: Option<f64>,
});

record!(
    ProjectLinkRecord,
    "project_links",
    "project, node",
    project_links,
    add_project_links {
        project: String,
        node: String,
    }
);

record!(ProjectUpdateRecord, "project_updates", "project, period", project_updates, add_project_updates {
    project: String, period: String, status: String, spent: Option<f64>,
    commentary: String, entered_by: String, entered_at: String, version: i64,
});

record!(MilestoneRecord, "milestones", "project, due, title", milestones, add_milestones {
    project: String, title: String, due: String, forecast: Option<String>, done: Option<String>,
});

record!(RiskRecord, "risks", "code", risks, add_risks {
    id: i64, code: String, title: String, category: String, owner: String, controls: String,
    inherent_likelihood: i64, inherent_impact: i64, target_score: i64, review_months: i64,
    closed: Option<String>,
});

record!(
    RiskLinkRecord,
    "risk_links",
    "risk, node",
    risk_links,
    add_risk_links {
        risk: String,
        node: String,
    }
);

record!(
    RiskReviewRecord,
    "risk_reviews",
    "risk, date",
    risk_reviews,
    add_risk_reviews {
        risk: String,
        date: String,
        likelihood: i64,
        impact: i64,
        commentary: String,
        entered_by: String,
        entered_at: String,
        version: i64,
    }
);

record!(EiaRecord, "eias", "due, code", eias, add_eias {
    id: i64, code: String, title: String, node: Option<String>, service: Option<String>,
    owner: String, due: String, completed: Option<String>, outcome: String,
});

/// Everything delivery holds, read in one go.
#[derive(Debug, Clone, Default)]
pub struct Delivery {
    pub actions: Vec<ActionRecord>,
    pub action_links: Vec<ActionLinkRecord>,
    pub action_updates: Vec<ActionUpdateRecord>,
    pub projects: Vec<ProjectRecord>,
    pub project_links: Vec<ProjectLinkRecord>,
    pub project_updates: Vec<ProjectUpdateRecord>,
    pub milestones: Vec<MilestoneRecord>,
    pub risks: Vec<RiskRecord>,
    pub risk_links: Vec<RiskLinkRecord>,
    pub risk_reviews: Vec<RiskReviewRecord>,
    pub eias: Vec<EiaRecord>,
    pub bands: RiskBands,
    /// Judgements frozen at sign-off, as JSON, by (period, kind, code).
    pub frozen: BTreeMap<(String, String, String), String>,
}

impl Store {
    /// All of delivery, in one read transaction so its parts agree.
    pub fn delivery(&self) -> Result<Delivery> {
        let tx = self.conn.unchecked_transaction()?;
        let delivery = self.read_delivery()?;
        tx.finish()?;
        Ok(delivery)
    }

    fn frozen_delivery(&self) -> Result<BTreeMap<(String, String, String), String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT period, kind, code, status FROM signoff_delivery")?;
        let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// As `delivery`, inside a read transaction the caller holds (`dataset`).
    pub(super) fn read_delivery(&self) -> Result<Delivery> {
        Ok(Delivery {
            actions: self.actions()?,
            action_links: self.action_links()?,
            action_updates: self.action_updates()?,
            projects: self.projects()?,
            project_links: self.project_links()?,
            project_updates: self.project_updates()?,
            milestones: self.milestones()?,
            risks: self.risks()?,
            risk_links: self.risk_links()?,
            risk_reviews: self.risk_reviews()?,
            eias: self.eias()?,
            bands: self.settings()?.risk_bands,
            frozen: self.frozen_delivery()?,
        })
    }
}
