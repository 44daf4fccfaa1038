//! Recording delivery: an action's or project's update for a period, a milestone's done
//! or forecast date, a risk's dated review. Each save is one write transaction that checks
//! who is asking (officers only their own), the period (started, not signed off) and the
//! texts, then writes; the audit triggers record the change.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::error::{Result, StoreError};
use super::signoff::locking_signoff;
use super::values::Expect;
pub use crate::domain::delivery::DeliveryError;
use crate::domain::delivery::action::ActionStatus;
use crate::domain::delivery::project::ProjectStatus;
use crate::domain::delivery::rules::{self, Broken};
use crate::domain::period::{Month, Period};

/// An action's update for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct NewActionUpdate {
    pub code: String,
    pub period: Period,
    pub status: ActionStatus,
    pub progress: Option<i64>,
    pub forecast: Option<NaiveDate>,
    pub commentary: String,
}

/// A project's update for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProjectUpdate {
    pub code: String,
    pub period: Period,
    pub status: ProjectStatus,
    pub spent: Option<f64>,
    pub commentary: String,
}

/// A milestone's done and forecast dates; a date not given is left as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneChange {
    pub project: String,
    pub title: String,
    pub done: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
}

/// A risk's review on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRiskReview {
    pub code: String,
    pub date: NaiveDate,
    pub likelihood: u8,
    pub impact: u8,
    pub commentary: String,
}

/// The owner of an action, project or risk, or why there is none to update.
fn owner_of(tx: &Transaction, kind: &'static str, table: &str, code: &str) -> Result<String> {
    tx.query_row(
        &format!("SELECT owner FROM {table} WHERE code = ?1"),
        [code],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| {
        DeliveryError::Unknown {
            kind,
            code: code.to_string(),
        }
        .into()
    })
}

/// A delivery rule broken, as a command hears it: the rule alone (an import names the
/// row and `Broken::column` too).
impl From<Broken> for StoreError {
    fn from(b: Broken) -> StoreError {
        StoreError::Delivery(b.error)
    }
}

/// No sign-off covers the period (a store rule: sign-offs are in the file).
fn period_open(tx: &Transaction, period: Period) -> Result<()> {
    match locking_signoff(tx, period)? {
        Some(within) => Err(StoreError::SignedOff { period, within }),
        None => Ok(()),
    }
}

/// The version stored for a subject's period (0: none), refused when it is not what the
/// saver expected.
fn compare(
    tx: &Transaction,
    table: &str,
    key: &str,
    code: &str,
    period: Period,
    expect: Expect,
) -> Result<i64> {
    compare_on(
        tx,
        table,
        key,
        code,
        ("period", &period.to_string()),
        expect,
    )
}

/// As `compare`, for a row known by its subject and another column (a review's date).
fn compare_on(
    tx: &Transaction,
    table: &str,
    key: &str,
    code: &str,
    (column, value): (&str, &str),
    expect: Expect,
) -> Result<i64> {
    let old: Option<(i64, String, String)> = tx
        .query_row(
            &format!(
                "SELECT version, entered_by, entered_at FROM {table} WHERE {key} = ?1 AND {column} = ?2"
            ),
            params![code, value],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let found = old.as_ref().map_or(0, |o| o.0);
    let expected = match expect {
        Expect::Any => return Ok(found),
        Expect::Absent => 0,
        Expect::Version(v) => v,
    };
    if expected == found {
        return Ok(found);
    }
    let (by, at) = old
        .map(|o| (o.1, o.2))
        .unwrap_or_else(|| ("someone".into(), "an unknown time".into()));
    Err(StoreError::Conflict {
        what: format!("{code} {value}"),
        by,
        at,
        expected,
        found,
    })
}

impl Store {
    /// Records (or replaces) an action's update for its period; the new version.
    pub fn record_action_update(
        &mut self,
        u: &NewActionUpdate,
        expect: Expect,
        today: NaiveDate,
    ) -> Result<i64> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| {
            let owner = owner_of(tx, "action", "actions", &u.code)?;
            actor.may_update("action", &u.code, &owner)?;
            let progress = rules::action_update(
                &u.code,
                u.period,
                u.status,
                u.progress,
                &u.commentary,
                today,
            )?;
            period_open(tx, u.period)?;
            let version = compare(tx, "action_updates", "action", &u.code, u.period, expect)? + 1;
            tx.execute(
                "INSERT INTO action_updates (action, period, status, progress, forecast, commentary,
                     entered_by, entered_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (action, period) DO UPDATE SET status = excluded.status,
                     progress = excluded.progress, forecast = excluded.forecast,
                     commentary = excluded.commentary, entered_by = excluded.entered_by,
                     entered_at = excluded.entered_at, version = excluded.version",
                params![
                    u.code,
                    u.period.to_string(),
                    u.status.as_str(),
                    progress,
                    u.forecast.map(|d| d.to_string()),
                    u.commentary.trim(),
                    login,
                    clock.now_stamp(),
                    version
                ],
            )?;
            Ok(version)
        })
    }

    /// Records (or replaces) a project's update for its period; the new version.
    pub fn record_project_update(
        &mut self,
        u: &NewProjectUpdate,
        expect: Expect,
        today: NaiveDate,
    ) -> Result<i64> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| {
            let owner = owner_of(tx, "project", "projects", &u.code)?;
            actor.may_update("project", &u.code, &owner)?;
            rules::project_update(&u.code, u.period, u.status, u.spent, &u.commentary, today)?;
            period_open(tx, u.period)?;
            let version = compare(tx, "project_updates", "project", &u.code, u.period, expect)? + 1;
            tx.execute(
                "INSERT INTO project_updates (project, period, status, spent, commentary,
                     entered_by, entered_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (project, period) DO UPDATE SET status = excluded.status,
                     spent = excluded.spent, commentary = excluded.commentary,
                     entered_by = excluded.entered_by, entered_at = excluded.entered_at,
                     version = excluded.version",
                params![
                    u.code,
                    u.period.to_string(),
                    u.status.as_str(),
                    u.spent,
                    u.commentary.trim(),
                    login,
                    clock.now_stamp(),
                    version
                ],
            )?;
            Ok(version)
        })
    }

    /// Sets a milestone's done and/or forecast date. A done date is not after today, and
    /// not in a signed-off month: it would change that month's judgement.
    pub fn set_milestone(&mut self, m: &MilestoneChange, today: NaiveDate) -> Result<()> {
        let actor = self.actor()?;
        self.write(|tx| {
            let owner = owner_of(tx, "project", "projects", &m.project)?;
            actor.may_update("project", &m.project, &owner)?;
            let titles: Vec<String> = tx
                .prepare("SELECT title FROM milestones WHERE project = ?1 ORDER BY due, title")?
                .query_map([&m.project], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if !titles.contains(&m.title) {
                let list = if titles.is_empty() {
                    "none".to_string()
                } else {
                    titles
                        .iter()
                        .map(|t| format!("'{t}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                return Err(DeliveryError::NoMilestone {
                    project: m.project.clone(),
                    title: m.title.clone(),
                    list,
                }
                .into());
            }
            if m.done.is_none() && m.forecast.is_none() {
                return Err(DeliveryError::NothingToSet.into());
            }
            if let Some(done) = m.done {
                rules::milestone_done(&m.project, done, today)?;
                period_open(tx, Period::Month(Month::of(done)))?;
                tx.execute(
                    "UPDATE milestones SET done = ?3 WHERE project = ?1 AND title = ?2",
                    params![m.project, m.title, done.to_string()],
                )?;
            }
            if let Some(forecast) = m.forecast {
                tx.execute(
                    "UPDATE milestones SET forecast = ?3 WHERE project = ?1 AND title = ?2",
                    params![m.project, m.title, forecast.to_string()],
                )?;
            }
            Ok(())
        })
    }

    /// Records (or replaces) a risk's review on its date; the new version.
    pub fn record_risk_review(
        &mut self,
        r: &NewRiskReview,
        expect: Expect,
        today: NaiveDate,
    ) -> Result<i64> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| {
            let owner = owner_of(tx, "risk", "risks", &r.code)?;
            actor.may_update("risk", &r.code, &owner)?;
            rules::risk_review(
                &r.code,
                r.date,
                r.likelihood,
                r.impact,
                &r.commentary,
                today,
            )?;
            period_open(tx, Period::Month(Month::of(r.date)))?;
            // A second review the same day replaces the first: only if it was the one the
            // reviewer saw.
            let date = r.date.to_string();
            let version =
                compare_on(tx, "risk_reviews", "risk", &r.code, ("date", &date), expect)? + 1;
            tx.execute(
                "INSERT INTO risk_reviews (risk, date, likelihood, impact, commentary, entered_by,
                     entered_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (risk, date) DO UPDATE SET likelihood = excluded.likelihood,
                     impact = excluded.impact, commentary = excluded.commentary,
                     entered_by = excluded.entered_by, entered_at = excluded.entered_at,
                     version = excluded.version",
                params![
                    r.code,
                    r.date.to_string(),
                    r.likelihood,
                    r.impact,
                    r.commentary.trim(),
                    login,
                    clock.now_stamp(),
                    version
                ],
            )?;
            Ok(version)
        })
    }
}
