//! Council-wide settings: the data deadline day, the council's name, the month collection
//! starts and the RAG rule over time.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::Store;
use super::error::{Result, StoreError};
use crate::domain::assess::RuleBook;
use crate::domain::deadline::DEFAULT_DEADLINE_DAY;
use crate::domain::delivery::risk::RiskBands;
use crate::domain::period::{Month, Period};
use crate::domain::rag::RagRule;
use crate::domain::remind::RemindSteps;
use crate::domain::setting::Setting;

#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub council_name: String,
    pub deadline_day: u32,
    /// The first month the council collects data for; earlier periods are not owed. None:
    /// each indicator starts as its plan years, targets and values say.
    pub collect_from: Option<Month>,
    /// (from month, rule), oldest first; from None means since the beginning.
    pub rag_rules: Vec<(Option<String>, String)>,
    /// How a risk's score is banded green, amber and red.
    pub risk_bands: RiskBands,
    /// The days from a deadline on which `pmdb remind` writes.
    pub remind_steps: RemindSteps,
    /// The domain a login's mail goes to when the user has no email ("": none).
    pub mail_domain: String,
    /// The mail program reminders are piped to.
    pub sendmail: String,
}

impl Settings {
    pub fn rule_book(&self) -> RuleBook {
        RuleBook::new(
            self.rag_rules
                .iter()
                .filter_map(|(from, rule)| {
                    let from = match from {
                        None => None,
                        Some(m) => match m.parse::<Period>() {
                            Ok(p) => Some(p.first_month()),
                            Err(_) => return None,
                        },
                    };
                    rule.parse::<RagRule>().ok().map(|r| (from, r))
                })
                .collect(),
        )
    }
}

/// The settings as stored: the `settings` table's rows and the RAG rule history. What
/// sign-off freezes, so a signed-off period's reports are made with the settings of then.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SettingsRows {
    pub values: BTreeMap<String, String>,
    /// (from month, rule), as `rag_rule_history` orders them.
    pub rag_rules: Vec<(Option<String>, String)>,
}

impl SettingsRows {
    pub fn read(conn: &Connection) -> Result<SettingsRows> {
        let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
        let values = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached("SELECT from_month, rule FROM rag_rule_history ORDER BY from_month IS NOT NULL, from_month")?;
        let rag_rules = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SettingsRows { values, rag_rules })
    }

    /// The settings these rows say, with the defaults for what they leave unset.
    pub fn settings(&self) -> Settings {
        let value = |key: &str| self.values.get(key);
        let deadline_day = value("deadline_day")
            .and_then(|d| d.parse().ok())
            .unwrap_or(DEFAULT_DEADLINE_DAY);
        let council_name = value("council_name").cloned().unwrap_or_default();
        // Stored only as a checked `Setting` writes it, so anything else is left unset.
        let collect_from = value("collect_from").and_then(|m| Month::parse_written(m).ok());
        // Stored only as a checked `Setting` writes it.
        let risk_bands = value("risk_bands")
            .and_then(|b| b.parse().ok())
            .unwrap_or_default();
        let mut rag_rules = self.rag_rules.clone();
        if rag_rules.is_empty() {
            rag_rules.push((None, RagRule::Intervention.to_string()));
        }
        Settings {
            council_name,
            deadline_day,
            collect_from,
            rag_rules,
            risk_bands,
            // Stored only as a checked `Setting` writes them.
            remind_steps: value("remind_steps")
                .and_then(|s| s.parse().ok())
                .unwrap_or_default(),
            mail_domain: value("mail_domain").cloned().unwrap_or_default(),
            sendmail: value("sendmail")
                .cloned()
                .unwrap_or_else(|| crate::domain::setting::DEFAULT_SENDMAIL.to_string()),
        }
    }
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        Ok(SettingsRows::read(&self.conn)?.settings())
    }

    /// `config set KEY VALUE [--from PERIOD]`, read and checked as a `Setting`. A RAG rule
    /// from a month on leaves earlier periods the rule they had; one without a month
    /// applies to every period.
    pub fn set_setting(&mut self, setting: &Setting) -> Result<()> {
        self.actor()?
            .may_manage("change settings")
            .map_err(StoreError::Denied)?;
        self.write(|tx| {
            match setting {
                Setting::RagRule { rule, from } => set_rag_rule(tx, *rule, *from)?,
                other => match other.stored_text() {
                    Some(value) => {
                        tx.execute(
                            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                            params![other.key(), value],
                        )?;
                    }
                    // Unset: collection starts as before, per indicator.
                    None => {
                        tx.execute("DELETE FROM settings WHERE key = ?1", [other.key()])?;
                    }
                },
            }
            Ok(())
        })
    }
}

/// The RAG rule from `from` on (earlier periods keep theirs), or for every period.
fn set_rag_rule(tx: &Connection, rule: RagRule, from: Option<Month>) -> rusqlite::Result<()> {
    match from {
        Some(m) => {
            tx.execute(
                "DELETE FROM rag_rule_history WHERE from_month >= ?1",
                [m.to_string()],
            )?;
            let any: i64 =
                tx.query_row("SELECT count(*) FROM rag_rule_history", [], |r| r.get(0))?;
            if any == 0 {
                // Keep what earlier periods had: the default until now.
                tx.execute(
                    "INSERT INTO rag_rule_history (from_month, rule) VALUES (NULL, 'intervention')",
                    [],
                )?;
            }
        }
        None => {
            tx.execute("DELETE FROM rag_rule_history", [])?;
        }
    }
    tx.execute(
        "INSERT INTO rag_rule_history (from_month, rule) VALUES (?1, ?2)",
        params![from.map(|m| m.to_string()), rule.to_string()],
    )?;
    Ok(())
}

impl Store {
    /// The rules' view of today, with the council's deadline day.
    pub fn context(&self, today: chrono::NaiveDate) -> Result<crate::domain::assess::Context> {
        Ok(crate::domain::assess::Context {
            today,
            deadline_day: self.settings()?.deadline_day,
        })
    }
}
