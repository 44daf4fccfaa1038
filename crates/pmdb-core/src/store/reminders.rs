//! The reminders `pmdb remind --send` has passed to the mail program, one per person and
//! day, so a second run on the same day sends nobody the same message again.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use super::error::{Result, StoreError};
use crate::query::remind::Message;

impl Store {
    /// The logins sent a reminder for `day` already.
    pub fn reminded_on(&self, day: NaiveDate) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT login FROM reminders_sent WHERE day = ?1")?;
        let logins = stmt
            .query_map([day.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(logins)
    }

    /// Whether this person may send the council's reminders: the performance team and
    /// admins (a dry run is anyone's to read).
    pub fn may_send_reminders(&self) -> Result<()> {
        self.actor()?
            .may_manage("send reminders")
            .map_err(StoreError::Denied)
    }

    /// Records that `m` went to the mail program for `day`. A second record of the same
    /// person and day is refused: the run that sent it first stands.
    pub fn record_reminder(&mut self, day: NaiveDate, m: &Message) -> Result<()> {
        self.may_send_reminders()?;
        let items = serde_json::to_string(&m.items)
            .map_err(|e| StoreError::Invalid(format!("the reminder's items: {e}")))?;
        let at = self.session.now_stamp();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO reminders_sent (day, login, step, address, cc, items, sent_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    day.to_string(),
                    m.login,
                    m.step,
                    m.to,
                    m.cc.join(", "),
                    items,
                    &at
                ],
            )?;
            Ok(())
        })
    }
}
