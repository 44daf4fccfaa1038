//! Recording delivery: an action's or project's update for a period, a milestone's done
//! or forecast date, a risk's dated review. Each save is one write transaction that checks
//! who is asking (officers only their own), the period (started, not signed off) and the
//! texts, then writes; the audit triggers record the change.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};

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

/// The two kinds of item that owe an update for a period, and where each keeps its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateKind {
    Action,
    Project,
}

impl UpdateKind {
    /// Its word: in messages, in the permission check, and its updates' key column.
    pub fn word(self) -> &'static str {
        match self {
            UpdateKind::Action => "action",
            UpdateKind::Project => "project",
        }
    }

    /// The table of the items themselves (which holds each one's owner).
    fn items(self) -> &'static str {
        match self {
            UpdateKind::Action => "actions",
            UpdateKind::Project => "projects",
        }
    }

    /// The table of their updates, one row per item and period.
    fn updates(self) -> &'static str {
        match self {
            UpdateKind::Action => "action_updates",
            UpdateKind::Project => "project_updates",
        }
    }
}

/// An update for a period to an action or a project, as `Store::record_update` records
/// it: what every update has, and the columns its kind alone keeps.
pub trait NewUpdate {
    const KIND: UpdateKind;
    /// The item's code, the period and the commentary.
    fn common(&self) -> (&str, Period, &str);
    /// Checked by the kind's delivery rules: the kind's own columns (status and figures),
    /// each with the value to store.
    fn checked(&self, today: NaiveDate) -> std::result::Result<OwnColumns, Broken>;
}

/// Columns of one kind's updates alone, each with its value.
pub type OwnColumns = Vec<(&'static str, Value)>;

impl NewUpdate for NewActionUpdate {
    const KIND: UpdateKind = UpdateKind::Action;

    fn common(&self) -> (&str, Period, &str) {
        (&self.code, self.period, &self.commentary)
    }

    /// A completed action's progress is stored as the rules settle it (100).
    fn checked(&self, today: NaiveDate) -> std::result::Result<OwnColumns, Broken> {
        let progress = rules::action_update(
            &self.code,
            self.period,
            self.status,
            self.progress,
            &self.commentary,
            today,
        )?;
        Ok(vec![
            ("status", self.status.as_str().to_string().into()),
            ("progress", progress.into()),
            ("forecast", self.forecast.map(|d| d.to_string()).into()),
        ])
    }
}

impl NewUpdate for NewProjectUpdate {
    const KIND: UpdateKind = UpdateKind::Project;

    fn common(&self) -> (&str, Period, &str) {
        (&self.code, self.period, &self.commentary)
    }

    fn checked(&self, today: NaiveDate) -> std::result::Result<OwnColumns, Broken> {
        rules::project_update(
            &self.code,
            self.period,
            self.status,
            self.spent,
            &self.commentary,
            today,
        )?;
        Ok(vec![
            ("status", self.status.as_str().to_string().into()),
            ("spent", self.spent.into()),
        ])
    }
}

/// Inserts an update, or replaces the one stored for its item and period: every column
/// after the key (item and period) is set anew.
fn upsert(kind: UpdateKind, columns: &[&str]) -> String {
    let marks = (1..=columns.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let set = columns[2..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO {table} ({names}) VALUES ({marks})
         ON CONFLICT ({key}, period) DO UPDATE SET {set}",
        table = kind.updates(),
        names = columns.join(", "),
        key = kind.word(),
    )
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
    /// Records (or replaces) an action's or project's update for its period; the new
    /// version. Who may, the rules, the open period and the expected version are checked
    /// alike for both; only the columns each kind keeps differ (`NewUpdate::checked`).
    pub fn record_update<U: NewUpdate>(
        &mut self,
        u: &U,
        expect: Expect,
        today: NaiveDate,
    ) -> Result<i64> {
        let kind = U::KIND;
        let actor = self.actor()?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| {
            let (code, period, commentary) = u.common();
            let owner = owner_of(tx, kind.word(), kind.items(), code)?;
            actor.may_update(kind.word(), code, &owner)?;
            let own = u.checked(today)?;
            period_open(tx, period)?;
            let version = compare(tx, kind.updates(), kind.word(), code, period, expect)? + 1;
            let mut columns = vec![kind.word(), "period"];
            columns.extend(own.iter().map(|(c, _)| *c));
            columns.extend(["commentary", "entered_by", "entered_at", "version"]);
            let mut values = vec![Value::from(code.to_string()), period.to_string().into()];
            values.extend(own.into_iter().map(|(_, v)| v));
            values.extend([
                commentary.trim().to_string().into(),
                login.clone().into(),
                clock.now_stamp().into(),
                version.into(),
            ]);
            tx.execute(&upsert(kind, &columns), params_from_iter(values))?;
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
