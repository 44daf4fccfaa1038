//! Delivery as stored: actions and their updates, major projects with their updates and
//! milestones, risks with their reviews, and equality impact assessments, each with the
//! plan nodes it serves. Judging them for a period is `query::delivery`'s job.

use rusqlite::{Row, Transaction, params};
use serde::Serialize;

use super::Store;
use super::delivery_frozen::FrozenMap;
use super::delivery_read;
use super::error::{DamagedRow, Result, StoreError};
use super::signoff::borrowed_text;
use crate::domain::delivery::UpdateFrequency;
use crate::domain::delivery::risk::RiskBands;
use crate::domain::period::{Month, Period};

record!(ActionRecord, "actions", "due, code", actions, add_actions {
    id: i64, code: String, title: String, kind: String, owner: String,
    start: Option<String>, due: String,
    /// `monthly` or `quarterly`: how often it owes an update. Definitions frozen before
    /// the column existed read as monthly, as the column's default made every item.
    #[serde(default = "monthly")]
    frequency: String,
});

fn monthly() -> String {
    UpdateFrequency::Monthly.as_str().to_string()
}

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
    #[serde(default = "monthly")]
    frequency: String,
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
    RiskProjectRecord,
    "risk_projects",
    "risk, project",
    risk_projects,
    add_risk_projects {
        risk: String,
        project: String,
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
    /// The major projects whose own register a risk is in (its plan naming a project).
    pub risk_projects: Vec<RiskProjectRecord>,
    pub risk_reviews: Vec<RiskReviewRecord>,
    pub eias: Vec<EiaRecord>,
    pub bands: RiskBands,
    /// The council's `collect_from`: no update is owed for a period before it.
    pub collect_from: Option<Month>,
    /// Judgements frozen at sign-off, read back, by (period, kind, code).
    pub frozen: FrozenMap,
}

impl Store {
    /// All of delivery, in one read transaction so its parts agree; refused, naming it,
    /// when a row does not read.
    pub fn delivery(&self) -> Result<Delivery> {
        let tx = self.conn.unchecked_transaction()?;
        let delivery = self.read_delivery(None)?;
        tx.finish()?;
        Ok(delivery)
    }

    /// Every delivery row that does not read, for `pmdb check` to list.
    pub fn delivery_damage(&self) -> Result<Vec<DamagedRow>> {
        let tx = self.conn.unchecked_transaction()?;
        let (_, damage) = self.read_delivery_as_stored()?;
        tx.finish()?;
        Ok(damage)
    }

    /// The frozen judgements that read, and the damaged rows among those that do not: of
    /// these periods only (each a range of the key), or of every period.
    fn frozen_delivery(&self, periods: Option<&[Period]>) -> Result<(FrozenMap, Vec<DamagedRow>)> {
        let select = "SELECT period, kind, code, status FROM signoff_delivery";
        let mut stmt = match periods {
            None => self
                .conn
                .prepare(&format!("{select} ORDER BY period, kind, code"))?,
            Some(_) => self
                .conn
                .prepare(&format!("{select} WHERE period = ?1 ORDER BY kind, code"))?,
        };
        let (mut frozen, mut damage) = (FrozenMap::default(), Vec::new());
        let asked: Vec<Option<String>> = match periods {
            None => vec![None],
            Some(periods) => periods.iter().map(|p| Some(p.to_string())).collect(),
        };
        for period in asked {
            let mut rows = match &period {
                None => stmt.query([])?,
                Some(p) => stmt.query([p])?,
            };
            while let Some(r) = rows.next()? {
                let text = |column| borrowed_text(r, column);
                let (period, kind, code) = (text(0)?, text(1)?, text(2)?);
                match delivery_read::frozen(period, kind, code, text(3)?) {
                    Ok(j) => frozen.insert(period, code, j),
                    Err(d) => damage.push(d),
                }
            }
        }
        Ok((frozen, damage))
    }

    /// As `delivery`, inside a read transaction the caller holds (`dataset`): refused at
    /// the first row that does not read, as a damaged indicator row is. With `periods`,
    /// only the judgements frozen at their sign-off are read (and must read): what judging
    /// delivery for those periods needs.
    pub(super) fn read_delivery(&self, periods: Option<&[Period]>) -> Result<Delivery> {
        let (delivery, damage) = self.read_delivery_frozen_in(periods)?;
        match damage.into_iter().next() {
            Some(d) => Err(StoreError::DamagedRow(d)),
            None => Ok(delivery),
        }
    }

    /// Delivery as stored, with every row that does not read (left out of `frozen`).
    pub(super) fn read_delivery_as_stored(&self) -> Result<(Delivery, Vec<DamagedRow>)> {
        self.read_delivery_frozen_in(None)
    }

    /// As `read_delivery_as_stored`, with only these periods' frozen judgements if given.
    fn read_delivery_frozen_in(
        &self,
        periods: Option<&[Period]>,
    ) -> Result<(Delivery, Vec<DamagedRow>)> {
        let settings = self.settings()?;
        let (frozen, frozen_damage) = self.frozen_delivery(periods)?;
        let delivery = Delivery {
            actions: self.actions()?,
            action_links: self.action_links()?,
            action_updates: self.action_updates()?,
            projects: self.projects()?,
            project_links: self.project_links()?,
            project_updates: self.project_updates()?,
            milestones: self.milestones()?,
            risks: self.risks()?,
            risk_links: self.risk_links()?,
            risk_projects: self.risk_projects()?,
            risk_reviews: self.risk_reviews()?,
            eias: self.eias()?,
            bands: settings.risk_bands,
            collect_from: settings.collect_from,
            frozen,
        };
        let mut damage = delivery_read::damage(&delivery);
        damage.extend(frozen_damage);
        Ok((delivery, damage))
    }
}
