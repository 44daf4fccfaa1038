//! Importing delivery from CSV: actions and their updates, projects with their updates and
//! milestones, risks with their reviews, EIAs, case studies, budgets and benchmarks. The
//! same rules as every import: all or nothing, a field whose column the file does not name
//! keeps what is stored, a row equal to what is stored writes nothing (so leaves no audit
//! row), and every reference (owner, plan node, service, the action an update is for) must
//! exist in the database or earlier in the same import.

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

use rusqlite::{Connection, params};

use super::Store;
use super::delivery::{
    ActionRecord, ActionUpdateRecord, EiaRecord, MilestoneRecord, ProjectRecord,
    ProjectUpdateRecord, RiskRecord, RiskReviewRecord,
};
use super::error::{Result, StoreError};
use super::import_rows::{Columns, ImportSummary, RowOutcome, row_error};
use super::records::{BenchmarkRecord, BudgetRecord, CaseStudyRecord};
use super::signoff::locking_signoff;
use super::users::require_user;
use crate::domain::period::{Month, Period};
use crate::domain::role::{Actor, Role};

/// One row of an actions file: the action and the plan nodes it serves.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub action: ActionRecord,
    pub plan: Vec<String>,
}

/// One row of a projects file: the project and the plan nodes it serves.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub project: ProjectRecord,
    pub plan: Vec<String>,
}

/// One row of a risks file: the risk and the plan nodes it threatens.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    pub risk: RiskRecord,
    pub plan: Vec<String>,
}

fn outcome(existed: bool) -> RowOutcome {
    if existed {
        RowOutcome::Updated
    } else {
        RowOutcome::Added
    }
}

/// Refuses an owner who is not a pmdb user (blank is nobody, which is allowed).
fn check_owner(tx: &Connection, row: usize, owner: &str) -> Result<()> {
    if owner.is_empty() {
        return Ok(());
    }
    require_user(tx, owner).map_err(|e| {
        row_error(
            row,
            "owner",
            format!("{e}, or import a users file naming them first (users come first)"),
        )
    })
}

fn exists(tx: &Connection, sql: &str, key: &str) -> Result<bool> {
    let n: i64 = tx.prepare_cached(sql)?.query_row([key], |r| r.get(0))?;
    Ok(n > 0)
}

/// Refuses a plan node that is not in the database.
fn check_nodes<'a>(
    tx: &Connection,
    row: usize,
    nodes: impl IntoIterator<Item = &'a String>,
) -> Result<()> {
    for node in nodes {
        if !exists(tx, "SELECT count(*) FROM plan_nodes WHERE code = ?1", node)? {
            return Err(row_error(
                row,
                "plan",
                format!(
                    "no plan node '{}' (import the plan first)",
                    crate::safe_text::line(node)
                ),
            ));
        }
    }
    Ok(())
}

fn check_service(tx: &Connection, row: usize, service: Option<&String>) -> Result<()> {
    match service {
        Some(s) if !exists(tx, "SELECT count(*) FROM services WHERE code = ?1", s)? => {
            Err(row_error(
                row,
                "service",
                format!(
                    "no service '{}' (import a services file adding it first)",
                    crate::safe_text::line(s)
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// The plan nodes each subject is linked to, sorted.
fn links_by<T>(
    links: Vec<T>,
    pair: impl Fn(T) -> (String, String),
) -> HashMap<String, BTreeSet<String>> {
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for l in links {
        let (subject, node) = pair(l);
        out.entry(subject).or_default().insert(node);
    }
    out
}

/// Makes a subject's links `new`, writing only what differs from `old`.
fn relink(
    tx: &Connection,
    table: &str,
    column: &str,
    code: &str,
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
) -> Result<()> {
    for gone in old.difference(new) {
        tx.execute(
            &format!("DELETE FROM {table} WHERE {column} = ?1 AND node = ?2"),
            params![code, gone],
        )?;
    }
    for added in new.difference(old) {
        tx.execute(
            &format!("INSERT INTO {table} ({column}, node) VALUES (?1, ?2)"),
            params![code, added],
        )?;
    }
    Ok(())
}

fn keyed<K: Eq + Hash, T>(items: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, T> {
    items.into_iter().map(|t| (key(&t), t)).collect()
}

/// Who may import updates or reviews: admins and the performance team for anything; an
/// officer for what they own, as with values.
fn may_update(actor: &Actor, what: &str, row: usize, code: &str, owner: &str) -> Result<()> {
    match actor.role {
        Some(Role::Admin | Role::Performance) => Ok(()),
        Some(Role::Officer) if owner == actor.login => Ok(()),
        Some(Role::Officer) => Err(row_error(
            row,
            "code",
            format!(
                "refused: {} (officer) may import {what} only for what they own; {} is owned by {}",
                actor.login,
                crate::safe_text::line(code),
                if owner.is_empty() { "nobody" } else { owner }
            ),
        )),
        _ => actor
            .may_manage(&format!("import {what}"))
            .map_err(StoreError::Denied),
    }
}

/// The signed-off period an update for `period` would change, refused.
fn period_open(tx: &Connection, row: usize, column: &str, period: Period) -> Result<()> {
    match locking_signoff(tx, period)? {
        Some(within) => Err(row_error(
            row,
            column,
            StoreError::SignedOff { period, within }.to_string(),
        )),
        None => Ok(()),
    }
}

fn month_of(date: &str) -> Option<Period> {
    let (y, m) = (date.get(0..4)?.parse().ok()?, date.get(5..7)?.parse().ok()?);
    Month::new(y, m).map(Period::Month)
}

impl Store {
    fn may_import(&self, what: &str) -> Result<()> {
        self.actor()?
            .may_manage(&format!("import {what}"))
            .map_err(StoreError::Denied)
    }

    /// Imports actions (admins and the performance team), with the plan nodes they serve.
    pub fn import_actions_naming(
        &mut self,
        rows: &[(usize, ActionRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("actions")?;
        let stored = keyed(self.actions()?, |a| a.code.clone());
        let links = links_by(self.action_links()?, |l| (l.action, l.node));
        let none = BTreeSet::new();
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, r) in rows {
                let a = &r.action;
                let old = stored.get(&a.code);
                let new = ActionRecord {
                    id: old.map_or(0, |o| o.id),
                    code: a.code.clone(),
                    title: columns.pick("title", &a.title, old.map(|o| &o.title)),
                    kind: columns.pick("kind", &a.kind, old.map(|o| &o.kind)),
                    owner: columns.pick("owner", &a.owner, old.map(|o| &o.owner)),
                    start: columns.pick("start", &a.start, old.map(|o| &o.start)),
                    due: columns.pick("due", &a.due, old.map(|o| &o.due)),
                };
                let old_links = links.get(&a.code).unwrap_or(&none);
                let plan: BTreeSet<String> = r.plan.iter().cloned().collect();
                let new_links = columns.pick("plan", &plan, Some(old_links));
                if columns.has("owner") {
                    check_owner(tx, *row, &new.owner)?;
                }
                check_nodes(tx, *row, new_links.difference(old_links))?;
                let same = old == Some(&new);
                if same && &new_links == old_links {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if !same {
                    tx.execute(
                        "INSERT INTO actions (code, title, kind, owner, start, due)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                         ON CONFLICT(code) DO UPDATE SET title = ?2, kind = ?3, owner = ?4,
                           start = ?5, due = ?6",
                        params![new.code, new.title, new.kind, new.owner, new.start, new.due],
                    )?;
                }
                relink(
                    tx,
                    "action_links",
                    "action",
                    &new.code,
                    old_links,
                    &new_links,
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports action updates: admins and the performance team for any action, an officer
    /// for the actions they own. The action must exist; a signed-off period is locked.
    pub fn import_action_updates_naming(
        &mut self,
        rows: &[(usize, ActionUpdateRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let actions = keyed(self.actions()?, |a| a.code.clone());
        let stored = keyed(self.action_updates()?, |u| {
            (u.action.clone(), u.period.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, u) in rows {
                let Some(action) = actions.get(&u.action) else {
                    return Err(row_error(
                        *row,
                        "code",
                        format!(
                            "no action '{}' (import an actions file adding it first)",
                            crate::safe_text::line(&u.action)
                        ),
                    ));
                };
                may_update(&actor, "action updates", *row, &u.action, &action.owner)?;
                let old = stored.get(&(u.action.clone(), u.period.clone()));
                let status = columns.pick("status", &u.status, old.map(|o| &o.status));
                let progress = columns.pick("progress", &u.progress, old.map(|o| &o.progress));
                let forecast = columns.pick("forecast", &u.forecast, old.map(|o| &o.forecast));
                let commentary =
                    columns.pick("commentary", &u.commentary, old.map(|o| &o.commentary));
                if let Some(o) = old
                    && (&o.status, &o.progress, &o.forecast, &o.commentary)
                        == (&status, &progress, &forecast, &commentary)
                {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if let Ok(p) = u.period.parse::<Period>() {
                    period_open(tx, *row, "period", p)?;
                }
                tx.execute(
                    "INSERT INTO action_updates (action, period, status, progress, forecast,
                       commentary, entered_by, entered_at, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)
                     ON CONFLICT(action, period) DO UPDATE SET status = ?3, progress = ?4,
                       forecast = ?5, commentary = ?6, entered_by = ?7, entered_at = ?8,
                       version = version + 1",
                    params![
                        u.action,
                        u.period,
                        status,
                        progress,
                        forecast,
                        commentary,
                        actor.login,
                        at
                    ],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports major projects (admins and the performance team), with their plan nodes.
    pub fn import_projects_naming(
        &mut self,
        rows: &[(usize, ProjectRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("projects")?;
        let stored = keyed(self.projects()?, |p| p.code.clone());
        let links = links_by(self.project_links()?, |l| (l.project, l.node));
        let none = BTreeSet::new();
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, r) in rows {
                let p = &r.project;
                let old = stored.get(&p.code);
                let new = ProjectRecord {
                    id: old.map_or(0, |o| o.id),
                    code: p.code.clone(),
                    title: columns.pick("title", &p.title, old.map(|o| &o.title)),
                    owner: columns.pick("owner", &p.owner, old.map(|o| &o.owner)),
                    start: columns.pick("start", &p.start, old.map(|o| &o.start)),
                    finish: columns.pick("finish", &p.finish, old.map(|o| &o.finish)),
                    budget: columns.pick("budget", &p.budget, old.map(|o| &o.budget)),
                };
                let old_links = links.get(&p.code).unwrap_or(&none);
                let plan: BTreeSet<String> = r.plan.iter().cloned().collect();
                let new_links = columns.pick("plan", &plan, Some(old_links));
                if columns.has("owner") {
                    check_owner(tx, *row, &new.owner)?;
                }
                check_nodes(tx, *row, new_links.difference(old_links))?;
                let same = old == Some(&new);
                if same && &new_links == old_links {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if !same {
                    tx.execute(
                        "INSERT INTO projects (code, title, owner, start, finish, budget)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                         ON CONFLICT(code) DO UPDATE SET title = ?2, owner = ?3, start = ?4,
                           finish = ?5, budget = ?6",
                        params![
                            new.code, new.title, new.owner, new.start, new.finish, new.budget
                        ],
                    )?;
                }
                relink(
                    tx,
                    "project_links",
                    "project",
                    &new.code,
                    old_links,
                    &new_links,
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports project updates: as action updates, for projects.
    pub fn import_project_updates_naming(
        &mut self,
        rows: &[(usize, ProjectUpdateRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let projects = keyed(self.projects()?, |p| p.code.clone());
        let stored = keyed(self.project_updates()?, |u| {
            (u.project.clone(), u.period.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, u) in rows {
                let Some(project) = projects.get(&u.project) else {
                    return Err(no_project(*row, "code", &u.project));
                };
                may_update(&actor, "project updates", *row, &u.project, &project.owner)?;
                let old = stored.get(&(u.project.clone(), u.period.clone()));
                let status = columns.pick("status", &u.status, old.map(|o| &o.status));
                let spent = columns.pick("spent", &u.spent, old.map(|o| &o.spent));
                let commentary =
                    columns.pick("commentary", &u.commentary, old.map(|o| &o.commentary));
                if let Some(o) = old
                    && (&o.status, &o.spent, &o.commentary) == (&status, &spent, &commentary)
                {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if let Ok(p) = u.period.parse::<Period>() {
                    period_open(tx, *row, "period", p)?;
                }
                tx.execute(
                    "INSERT INTO project_updates (project, period, status, spent, commentary,
                       entered_by, entered_at, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
                     ON CONFLICT(project, period) DO UPDATE SET status = ?3, spent = ?4,
                       commentary = ?5, entered_by = ?6, entered_at = ?7, version = version + 1",
                    params![
                        u.project,
                        u.period,
                        status,
                        spent,
                        commentary,
                        actor.login,
                        at
                    ],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports milestones (admins and the performance team); a milestone is known by its
    /// project and title.
    pub fn import_milestones_naming(
        &mut self,
        rows: &[(usize, MilestoneRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("milestones")?;
        let projects = keyed(self.projects()?, |p| p.code.clone());
        let stored = keyed(self.milestones()?, |m| (m.project.clone(), m.title.clone()));
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, m) in rows {
                if !projects.contains_key(&m.project) {
                    return Err(no_project(*row, "project", &m.project));
                }
                let old = stored.get(&(m.project.clone(), m.title.clone()));
                let new = MilestoneRecord {
                    project: m.project.clone(),
                    title: m.title.clone(),
                    due: columns.pick("due", &m.due, old.map(|o| &o.due)),
                    forecast: columns.pick("forecast", &m.forecast, old.map(|o| &o.forecast)),
                    done: columns.pick("done", &m.done, old.map(|o| &o.done)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO milestones (project, title, due, forecast, done)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(project, title) DO UPDATE SET due = ?3, forecast = ?4, done = ?5",
                    params![new.project, new.title, new.due, new.forecast, new.done],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports risks (admins and the performance team), with the plan nodes they threaten.
    pub fn import_risks_naming(
        &mut self,
        rows: &[(usize, RiskRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("risks")?;
        let stored = keyed(self.risks()?, |r| r.code.clone());
        let links = links_by(self.risk_links()?, |l| (l.risk, l.node));
        let none = BTreeSet::new();
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, r) in rows {
                let k = &r.risk;
                let old = stored.get(&k.code);
                let pick = |column: &str, new: &i64, old: Option<&i64>| columns.pick(column, new, old);
                let new = RiskRecord {
                    id: old.map_or(0, |o| o.id),
                    code: k.code.clone(),
                    title: columns.pick("title", &k.title, old.map(|o| &o.title)),
                    category: columns.pick("category", &k.category, old.map(|o| &o.category)),
                    owner: columns.pick("owner", &k.owner, old.map(|o| &o.owner)),
                    controls: columns.pick("controls", &k.controls, old.map(|o| &o.controls)),
                    inherent_likelihood: pick(
                        "inherent_likelihood",
                        &k.inherent_likelihood,
                        old.map(|o| &o.inherent_likelihood),
                    ),
                    inherent_impact: pick(
                        "inherent_impact",
                        &k.inherent_impact,
                        old.map(|o| &o.inherent_impact),
                    ),
                    target_score: pick("target_score", &k.target_score, old.map(|o| &o.target_score)),
                    review_months: pick(
                        "review_months",
                        &k.review_months,
                        old.map(|o| &o.review_months),
                    ),
                    closed: columns.pick("closed", &k.closed, old.map(|o| &o.closed)),
                };
                let old_links = links.get(&k.code).unwrap_or(&none);
                let plan: BTreeSet<String> = r.plan.iter().cloned().collect();
                let new_links = columns.pick("plan", &plan, Some(old_links));
                if columns.has("owner") {
                    check_owner(tx, *row, &new.owner)?;
                }
                check_nodes(tx, *row, new_links.difference(old_links))?;
                let same = old == Some(&new);
                if same && &new_links == old_links {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if !same {
                    tx.execute(
                        "INSERT INTO risks (code, title, category, owner, controls,
                           inherent_likelihood, inherent_impact, target_score, review_months, closed)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                         ON CONFLICT(code) DO UPDATE SET title = ?2, category = ?3, owner = ?4,
                           controls = ?5, inherent_likelihood = ?6, inherent_impact = ?7,
                           target_score = ?8, review_months = ?9, closed = ?10",
                        params![
                            new.code,
                            new.title,
                            new.category,
                            new.owner,
                            new.controls,
                            new.inherent_likelihood,
                            new.inherent_impact,
                            new.target_score,
                            new.review_months,
                            new.closed
                        ],
                    )?;
                }
                relink(tx, "risk_links", "risk", &new.code, old_links, &new_links)?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports risk reviews: admins and the performance team for any risk, an officer for
    /// the risks they own. A review is known by its risk and date.
    pub fn import_risk_reviews_naming(
        &mut self,
        rows: &[(usize, RiskReviewRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let risks = keyed(self.risks()?, |r| r.code.clone());
        let stored = keyed(self.risk_reviews()?, |r| (r.risk.clone(), r.date.clone()));
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, v) in rows {
                let Some(risk) = risks.get(&v.risk) else {
                    return Err(row_error(
                        *row,
                        "code",
                        format!(
                            "no risk '{}' (import a risks file adding it first)",
                            crate::safe_text::line(&v.risk)
                        ),
                    ));
                };
                may_update(&actor, "risk reviews", *row, &v.risk, &risk.owner)?;
                let old = stored.get(&(v.risk.clone(), v.date.clone()));
                let likelihood =
                    columns.pick("likelihood", &v.likelihood, old.map(|o| &o.likelihood));
                let impact = columns.pick("impact", &v.impact, old.map(|o| &o.impact));
                let commentary =
                    columns.pick("commentary", &v.commentary, old.map(|o| &o.commentary));
                if let Some(o) = old
                    && (o.likelihood, o.impact, &o.commentary) == (likelihood, impact, &commentary)
                {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if let Some(p) = month_of(&v.date) {
                    period_open(tx, *row, "date", p)?;
                }
                tx.execute(
                    "INSERT INTO risk_reviews (risk, date, likelihood, impact, commentary,
                       entered_by, entered_at, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
                     ON CONFLICT(risk, date) DO UPDATE SET likelihood = ?3, impact = ?4,
                       commentary = ?5, entered_by = ?6, entered_at = ?7, version = version + 1",
                    params![
                        v.risk,
                        v.date,
                        likelihood,
                        impact,
                        commentary,
                        actor.login,
                        at
                    ],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports equality impact assessments (admins and the performance team).
    pub fn import_eias_naming(
        &mut self,
        rows: &[(usize, EiaRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("EIAs")?;
        let stored = keyed(self.eias()?, |e| e.code.clone());
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, e) in rows {
                let old = stored.get(&e.code);
                let new = EiaRecord {
                    id: old.map_or(0, |o| o.id),
                    code: e.code.clone(),
                    title: columns.pick("title", &e.title, old.map(|o| &o.title)),
                    node: columns.pick("plan", &e.node, old.map(|o| &o.node)),
                    service: columns.pick("service", &e.service, old.map(|o| &o.service)),
                    owner: columns.pick("owner", &e.owner, old.map(|o| &o.owner)),
                    due: columns.pick("due", &e.due, old.map(|o| &o.due)),
                    completed: columns.pick("completed", &e.completed, old.map(|o| &o.completed)),
                    outcome: columns.pick("outcome", &e.outcome, old.map(|o| &o.outcome)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if columns.has("owner") {
                    check_owner(tx, *row, &new.owner)?;
                }
                if columns.has("plan") {
                    check_nodes(tx, *row, new.node.iter())?;
                }
                if columns.has("service") {
                    check_service(tx, *row, new.service.as_ref())?;
                }
                tx.execute(
                    "INSERT INTO eias (code, title, node, service, owner, due, completed, outcome)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT(code) DO UPDATE SET title = ?2, node = ?3, service = ?4,
                       owner = ?5, due = ?6, completed = ?7, outcome = ?8",
                    params![
                        new.code,
                        new.title,
                        new.node,
                        new.service,
                        new.owner,
                        new.due,
                        new.completed,
                        new.outcome
                    ],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports case studies (admins and the performance team), known by their code.
    pub fn import_case_studies_naming(
        &mut self,
        rows: &[(usize, CaseStudyRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("case studies")?;
        let stored = keyed(self.case_studies()?, |c| c.code.clone());
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, c) in rows {
                let old = stored.get(&c.code);
                let new = CaseStudyRecord {
                    id: old.map_or(0, |o| o.id),
                    code: c.code.clone(),
                    title: columns.pick("title", &c.title, old.map(|o| &o.title)),
                    node: columns.pick("plan", &c.node, old.map(|o| &o.node)),
                    service: columns.pick("service", &c.service, old.map(|o| &o.service)),
                    year: columns.pick("year", &c.year, old.map(|o| &o.year)),
                    story: columns.pick("story", &c.story, old.map(|o| &o.story)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if columns.has("plan") {
                    check_nodes(tx, *row, new.node.iter())?;
                }
                if columns.has("service") {
                    check_service(tx, *row, new.service.as_ref())?;
                }
                if old.is_some() {
                    tx.execute(
                        "UPDATE case_studies SET title = ?2, node = ?3, service = ?4, year = ?5,
                           story = ?6 WHERE code = ?1",
                        params![
                            new.code,
                            new.title,
                            new.node,
                            new.service,
                            new.year,
                            new.story
                        ],
                    )?;
                } else {
                    tx.execute(
                        "INSERT INTO case_studies (code, title, node, service, year, story)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            new.code,
                            new.title,
                            new.node,
                            new.service,
                            new.year,
                            new.story
                        ],
                    )?;
                }
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports budgets (admins and the performance team): a service's month.
    pub fn import_budgets_naming(
        &mut self,
        rows: &[(usize, BudgetRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("budgets")?;
        let stored = keyed(self.budgets()?, |b| (b.service.clone(), b.month.clone()));
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, b) in rows {
                check_service(tx, *row, Some(&b.service))?;
                let old = stored.get(&(b.service.clone(), b.month.clone()));
                let new = BudgetRecord {
                    service: b.service.clone(),
                    month: b.month.clone(),
                    budget: columns.pick("budget", &b.budget, old.map(|o| &o.budget)),
                    actual: columns.pick("actual", &b.actual, old.map(|o| &o.actual)),
                    forecast: columns.pick("forecast", &b.forecast, old.map(|o| &o.forecast)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO budgets (service, month, budget, actual, forecast)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(service, month) DO UPDATE SET budget = ?3, actual = ?4,
                       forecast = ?5",
                    params![new.service, new.month, new.budget, new.actual, new.forecast],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports benchmarks (admins and the performance team): a comparator's value for an
    /// indicator and period.
    pub fn import_benchmarks(
        &mut self,
        rows: &[(usize, BenchmarkRecord)],
    ) -> Result<ImportSummary> {
        self.may_import("benchmarks")?;
        let stored = keyed(self.benchmarks()?, |b| {
            (b.indicator.clone(), b.period.clone(), b.comparator.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, b) in rows {
                if !exists(
                    tx,
                    "SELECT count(*) FROM indicators WHERE code = ?1",
                    &b.indicator,
                )? {
                    return Err(row_error(
                        *row,
                        "code",
                        format!(
                            "no indicator '{}' (import the indicators first)",
                            crate::safe_text::line(&b.indicator)
                        ),
                    ));
                }
                let old =
                    stored.get(&(b.indicator.clone(), b.period.clone(), b.comparator.clone()));
                if old == Some(b) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO benchmarks (indicator, period, comparator, value)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(indicator, period, comparator) DO UPDATE SET value = ?4",
                    params![b.indicator, b.period, b.comparator, b.value],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }
}

fn no_project(row: usize, column: &str, code: &str) -> StoreError {
    row_error(
        row,
        column,
        format!(
            "no project '{}' (import a projects file adding it first)",
            crate::safe_text::line(code)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Named;

    fn budget(service: &str, month: &str, budget: f64) -> BudgetRecord {
        BudgetRecord {
            service: service.into(),
            month: month.into(),
            budget,
            actual: None,
            forecast: None,
        }
    }

    #[test]
    fn imports_joined_in_one_transaction_are_kept_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::create(&dir.path().join("d.db"), "admin1").unwrap();
        let hr = Named {
            code: "HR".into(),
            name: "Human Resources".into(),
            lead: String::new(),
        };
        // The second import names a service that does not exist: the first is undone too.
        let err = s
            .as_one_import(|s| {
                s.import_services_naming(&[(2, hr.clone())], &Columns::All)?;
                s.import_budgets_naming(&[(2, budget("HR", "2025-04", 10.0))], &Columns::All)?;
                s.import_budgets_naming(&[(3, budget("XX", "2025-04", 10.0))], &Columns::All)
            })
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "row 3, column service: no service 'XX' (import a services file adding it first)"
        );
        assert!(s.services().unwrap().is_empty());
        assert!(s.budgets().unwrap().is_empty());
        // The store is itself again: an import on its own commits.
        s.import_services_naming(&[(2, hr)], &Columns::All).unwrap();
        let summary = s
            .import_budgets_naming(&[(2, budget("HR", "2025-04", 10.0))], &Columns::All)
            .unwrap();
        assert_eq!(summary.added, 1);
        assert_eq!(s.budgets().unwrap().len(), 1);
    }
}
