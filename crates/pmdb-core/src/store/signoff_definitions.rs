//! What a signed-off period's reports name, as it stood at sign-off: the indicators (titles,
//! units, decimals, owners, plan links), the plan, services, portfolios and users, and the
//! actions, projects, risks and EIAs with their links and milestones. Kept with the sign-off
//! (`signoff_extras.definitions`, on the signed-off period's row) so that an indicator added,
//! renamed or moved in the plan later, or a project re-titled, leaves the period's reports
//! the same bytes. What happened after (values, updates) is judged by the frozen statuses.
//! The services' budgets are kept too (every row, as they stood): a report's finance is
//! worked from them, so a budget or an actual changed later leaves it as it was.

use serde::{Deserialize, Serialize};

use super::dataset::Dataset;
use super::delivery::{
    ActionLinkRecord, ActionRecord, EiaRecord, MilestoneRecord, ProjectLinkRecord, ProjectRecord,
    RiskLinkRecord, RiskProjectRecord, RiskRecord,
};
use super::index::Index;
use super::indicators::IndicatorRecord;
use super::plan::Named;
use super::records::BudgetRecord;
use super::users::UserRecord;
use crate::domain::plan::PlanNode;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definitions {
    pub indicators: Vec<IndicatorRecord>,
    pub nodes: Vec<PlanNode>,
    pub services: Vec<Named>,
    pub portfolios: Vec<Named>,
    pub users: Vec<UserRecord>,
    pub actions: Vec<ActionRecord>,
    pub action_links: Vec<ActionLinkRecord>,
    pub projects: Vec<ProjectRecord>,
    pub project_links: Vec<ProjectLinkRecord>,
    pub milestones: Vec<MilestoneRecord>,
    pub risks: Vec<RiskRecord>,
    pub risk_links: Vec<RiskLinkRecord>,
    /// The projects a risk belongs to; none in a sign-off made before a risk could name one.
    #[serde(default)]
    pub risk_projects: Vec<RiskProjectRecord>,
    pub eias: Vec<EiaRecord>,
    /// The budgets at sign-off; none for a sign-off made before pmdb kept them (its
    /// reports show the budgets as they are now: nothing is made up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budgets: Option<Vec<BudgetRecord>>,
}

impl Definitions {
    /// The definitions a dataset holds now.
    pub fn of(ds: &Dataset) -> Definitions {
        let d = &ds.delivery;
        Definitions {
            indicators: ds.indicators.clone(),
            nodes: ds.nodes.clone(),
            services: ds.services.clone(),
            portfolios: ds.portfolios.clone(),
            users: ds.users.clone(),
            actions: d.actions.clone(),
            action_links: d.action_links.clone(),
            projects: d.projects.clone(),
            project_links: d.project_links.clone(),
            milestones: d.milestones.clone(),
            risks: d.risks.clone(),
            risk_links: d.risk_links.clone(),
            risk_projects: d.risk_projects.clone(),
            eias: d.eias.clone(),
            budgets: Some(ds.budgets.clone()),
        }
    }
}

impl Dataset {
    /// This dataset with the definitions of a sign-off in place of today's: its values,
    /// targets, updates and frozen statuses stay as read.
    pub fn with_definitions(mut self, d: Definitions) -> Dataset {
        self.links = d
            .indicators
            .iter()
            .flat_map(|i| i.plan.iter().map(|n| (i.indicator.code.clone(), n.clone())))
            .collect();
        self.index = Index::new(&d.indicators, &d.nodes, &d.users);
        self.indicators = d.indicators;
        self.nodes = d.nodes;
        self.services = d.services;
        self.portfolios = d.portfolios;
        self.users = d.users;
        let delivery = &mut self.delivery;
        delivery.actions = d.actions;
        delivery.action_links = d.action_links;
        delivery.projects = d.projects;
        delivery.project_links = d.project_links;
        delivery.milestones = d.milestones;
        delivery.risks = d.risks;
        delivery.risk_links = d.risk_links;
        delivery.risk_projects = d.risk_projects;
        delivery.eias = d.eias;
        if let Some(budgets) = d.budgets {
            self.budgets = budgets;
        }
        self
    }
}
