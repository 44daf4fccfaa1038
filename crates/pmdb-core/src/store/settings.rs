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
use crate::domain::fields::check_name;
use crate::domain::period::{Month, Period};
use crate::domain::rag::RagRule;

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
        // Stored only after `set_setting` checked it, so anything else is left unset.
        let collect_from = value("collect_from").and_then(|m| Month::parse_written(m).ok());
        // Stored only after `set_setting` checked it.
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
        }
    }
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        Ok(SettingsRows::read(&self.conn)?.settings())
    }

    /// `config set KEY VALUE [--from PERIOD]`. Only `rag_rule` takes `--from`: earlier
    /// periods keep the rule they had; without it the rule applies to every period.
    pub fn set_setting(&mut self, key: &str, value: &str, from: Option<Period>) -> Result<()> {
        self.actor()?
            .may_manage("change settings")
            .map_err(StoreError::Denied)?;
        match key {
            "rag_rule" => {
                let rule: RagRule =
                    value
                        .parse()
                        .map_err(|e: crate::domain::rag::RagRuleError| StoreError::Setting {
                            key: key.to_string(),
                            problem: e.to_string(),
                        })?;
                let from: Option<Month> = from.map(Period::first_month);
                self.write(|tx| {
                    match from {
                        Some(m) => {
                            tx.execute("DELETE FROM rag_rule_history WHERE from_month >= ?1", [m.to_string()])?;
                            let any: i64 = tx.query_row("SELECT count(*) FROM rag_rule_history", [], |r| r.get(0))?;
                            if any == 0 {
                                // Keep what earlier periods had: the default until now.
                                tx.execute("INSERT INTO rag_rule_history (from_month, rule) VALUES (NULL, 'intervention')", [])?;
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
                })
            }
            "deadline_day" | "council_name" | "collect_from" | "risk_bands" => {
                if from.is_some() {
                    return Err(StoreError::Setting {
                        key: key.to_string(),
                        problem: format!("--from applies to rag_rule only, not {key}"),
                    });
                }
                let value = if key == "deadline_day" {
                    let plain = value.trim();
                    match plain.parse::<u32>() {
                        // A plain number: "+5" or "05" would be stored as typed.
                        Ok(d) if (1..=28).contains(&d) && plain == d.to_string() => d.to_string(),
                        _ => {
                            return Err(StoreError::Setting {
                                key: key.to_string(),
                                problem: format!(
                                    "deadline_day must be a day of the month from 1 to 28 written as a plain number (e.g. 15), not '{}'",
                                    crate::safe_text::line(value)
                                ),
                            });
                        }
                    }
                } else if key == "risk_bands" {
                    value
                        .parse::<RiskBands>()
                        .map_err(|e| StoreError::Setting {
                            key: key.to_string(),
                            problem: crate::safe_text::line(&e.to_string()).into_owned(),
                        })?
                        .to_string()
                } else if key == "collect_from" {
                    let month = value.trim();
                    if month.is_empty() {
                        // Empty: collection starts as before, per indicator.
                        return self.write(|tx| {
                            tx.execute("DELETE FROM settings WHERE key = 'collect_from'", [])?;
                            Ok(())
                        });
                    }
                    Month::parse_written(month)
                        .map_err(|why| StoreError::Setting {
                            key: key.to_string(),
                            problem: format!("collect_from must be a month: {why}"),
                        })?
                        .to_string()
                } else {
                    let name = value.trim();
                    check_name("council_name", name)?;
                    name.to_string()
                };
                self.write(|tx| {
                    tx.execute(
                        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        params![key, value],
                    )?;
                    Ok(())
                })
            }
            other => Err(StoreError::Setting {
                key: other.to_string(),
                problem: format!(
                    "'{other}' is not a setting: use rag_rule, deadline_day, council_name, collect_from or risk_bands"
                ),
            }),
        }
    }
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
