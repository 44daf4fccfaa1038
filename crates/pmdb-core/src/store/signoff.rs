//! Sign-off: once Leadership Team signs a period off, the statuses shown for it are the
//! ones stored at that moment, and its values can no longer change.

use std::collections::HashMap;
use std::sync::OnceLock;

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::error::{Result, StoreError};
use super::session::Entered;
use super::users::NotAUser;
use crate::domain::assess::Assessment;
use crate::domain::period::Period;

/// The signed-off period that covers `period`, if any (a month inside a signed-off
/// quarter is signed off with it).
pub(super) fn locking_signoff(tx: &Transaction, period: Period) -> Result<Option<String>> {
    let mut stmt = tx.prepare_cached("SELECT period FROM signoffs")?;
    let periods: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(periods.into_iter().find(|s| {
        s.parse::<Period>().is_ok_and(|s| {
            s.first_month() <= period.first_month() && period.last_month() <= s.last_month()
        })
    }))
}

/// The statuses frozen at sign-off, by (period, indicator code). Each is kept as stored
/// and read into an `Assessment` the first time it is asked for: a council signing off for
/// years holds tens of thousands, and a report or a tab reads only the periods it shows.
#[derive(Debug, Default)]
pub struct Frozen {
    statuses: HashMap<(String, String), FrozenStatus>,
}

#[derive(Debug)]
struct FrozenStatus {
    stored: Box<str>,
    read: OnceLock<Option<Assessment>>,
}

impl Frozen {
    /// The status frozen for an indicator in a period, if that period was signed off. A
    /// stored status pmdb cannot read is none here, and `damaged` lists it for `pmdb check`.
    pub fn get(&self, period: &str, code: &str) -> Option<Assessment> {
        let status = self.statuses.get(&(period.to_string(), code.to_string()))?;
        status
            .read
            .get_or_init(|| serde_json::from_str(&status.stored).ok())
            .clone()
    }

    pub fn len(&self) -> usize {
        self.statuses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.statuses.is_empty()
    }

    /// (period, code) of every stored status that does not read as an assessment.
    pub fn damaged(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .statuses
            .iter()
            .filter(|(_, s)| serde_json::from_str::<Assessment>(&s.stored).is_err())
            .map(|(k, _)| k.clone())
            .collect();
        out.sort();
        out
    }
}

pub(super) fn load_frozen(conn: &rusqlite::Connection) -> Result<Frozen> {
    let mut stmt = conn.prepare("SELECT period, indicator, status FROM signoff_statuses")?;
    let mut statuses = HashMap::new();
    for r in stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (period, code, stored) = r?;
        let status = FrozenStatus {
            stored: stored.into_boxed_str(),
            read: OnceLock::new(),
        };
        statuses.insert((period, code), status);
    }
    Ok(Frozen { statuses })
}

impl Store {
    /// The periods signed off so far, with who signed them and when.
    pub fn signoffs(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT period, signed_by, signed_at FROM signoffs ORDER BY period")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Signs a period off, storing every indicator's status for it and for the periods
    /// inside it (a quarter's months; a year's quarters and months). `statuses` are the
    /// assessments computed now, as (period, indicator, assessment).
    pub fn sign_off(
        &mut self,
        period: Period,
        statuses: &[(String, String, Assessment)],
        today: chrono::NaiveDate,
    ) -> Result<()> {
        self.actor()?
            .may_manage("sign off a period")
            .map_err(StoreError::Denied)?;
        crate::domain::deadline::check_can_sign_off(period, today)?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| insert_signoff(tx, period, statuses, &login, &clock.now_stamp()))
    }

    /// Records a sign-off made earlier by someone else (Leadership Team's, at last
    /// quarter's meeting), as history loaded from elsewhere: admin only. `statuses` are
    /// the assessments as they stood then; the sign-off and its audit rows name `signed`.
    pub fn sign_off_entered(
        &mut self,
        period: Period,
        statuses: &[(String, String, Assessment)],
        signed: &Entered,
    ) -> Result<()> {
        self.actor()?
            .may_admin("record a sign-off made by others")
            .map_err(StoreError::Denied)?;
        crate::domain::deadline::check_can_sign_off(period, signed.at.date())?;
        if self.role_of(&signed.by)?.is_none() {
            return Err(StoreError::NotAUser(NotAUser {
                login: signed.by.clone(),
            }));
        }
        let session = self.session.clone();
        self.write(|tx| {
            let _behalf = session.on_behalf_of(signed);
            insert_signoff(tx, period, statuses, &signed.by, &signed.stamp())
        })
    }
}

fn insert_signoff(
    tx: &Transaction,
    period: Period,
    statuses: &[(String, String, Assessment)],
    by: &str,
    at: &str,
) -> Result<()> {
    let done: Option<String> = tx
        .query_row(
            "SELECT signed_at FROM signoffs WHERE period = ?1",
            [period.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(at) = done {
        return Err(StoreError::AlreadySignedOff { period, at });
    }
    tx.execute(
        "INSERT INTO signoffs (period, signed_by, signed_at) VALUES (?1, ?2, ?3)",
        params![period.to_string(), by, at],
    )?;
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO signoff_statuses (period, indicator, status) VALUES (?1, ?2, ?3)",
    )?;
    for (p, code, a) in statuses {
        // An assessment always serialises (plain fields); the error is there for the type.
        let json = serde_json::to_string(a).map_err(|e| StoreError::Text(e.into()))?;
        insert.execute(params![p, code, json])?;
    }
    Ok(())
}
