//! What sign-off freezes besides statuses: the benchmarks a period's report places its
//! indicators among and the exceptions it lists as escalated to Management Board, as they
//! stood at sign-off, and the council's settings then (its name, deadline day, the month
//! collection starts, RAG rules and risk bands), so the report made again later is the
//! same bytes (table `signoff_extras`, one row per period: the signed-off one and each
//! period inside it).

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::Store;
use super::dataset::Dataset;
use super::error::{DamagedRow, Result, StoreError};
use super::exceptions::{ExceptionRecord, escalated_within};
use super::records::BenchmarkRecord;
use super::settings::SettingsRows;
use super::signoff::Freeze;
use super::signoff_definitions::Definitions;
use crate::domain::period::Period;

/// A period's benchmarks and escalated exceptions as frozen at its sign-off.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrozenExtras {
    pub benchmarks: Vec<BenchmarkRecord>,
    pub escalated: Vec<ExceptionRecord>,
    pub settings: SettingsRows,
}

/// The signed-off period and every period inside it (a year's quarters and months, a
/// quarter's months): the periods whose reports the sign-off makes reproducible.
fn periods_within(period: Period) -> Vec<Period> {
    let mut out = vec![period];
    if let Period::Year(y) = period {
        out.extend(y.quarters().into_iter().map(Period::Quarter));
    }
    if !period.is_month() {
        out.extend(period.months().into_iter().map(Period::Month));
    }
    out
}

/// The benchmarks a report of `p` can show: for each indicator frozen under `p`, those of
/// the period its figure is from (the latest available, which may be before `p`), and
/// every benchmark of `p` itself.
fn benchmarks_for(tx: &Connection, p: &str, statuses: &Freeze) -> Result<Vec<BenchmarkRecord>> {
    let mut wanted: BTreeSet<(String, String)> = BTreeSet::new();
    for (period, code, a) in &statuses.indicators {
        if period == p {
            let from = a.latest_period.unwrap_or(a.period).to_string();
            wanted.insert((code.clone(), from));
        }
    }
    let mut stmt = tx.prepare_cached(
        "SELECT indicator, period, comparator, value FROM benchmarks
         ORDER BY indicator, period, comparator",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(BenchmarkRecord {
            indicator: r.get(0)?,
            period: r.get(1)?,
            comparator: r.get(2)?,
            value: r.get(3)?,
        })
    })?;
    let mut out = Vec::new();
    for b in rows {
        let b = b?;
        if b.period == p || wanted.contains(&(b.indicator.clone(), b.period.clone())) {
            out.push(b);
        }
    }
    Ok(out)
}

/// Freezes, within the sign-off's transaction, the benchmarks and escalated exceptions of
/// `period` and of each period inside it. A period already frozen by a smaller sign-off
/// still in force (a month signed off on its own) keeps what that one froze.
pub(super) fn freeze(tx: &Transaction, period: Period, statuses: &Freeze, at: &str) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO signoff_extras (period, benchmarks, escalated, settings, definitions) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let settings = SettingsRows::read(tx)?;
    for p in periods_within(period) {
        let key = p.to_string();
        let benchmarks = benchmarks_for(tx, &key, statuses)?;
        let escalated = escalated_within(tx, p, at)?;
        // Plain records always serialise; the error is there for the type.
        let json = |e: serde_json::Error| StoreError::Text(e.into());
        insert.execute(params![
            key,
            serde_json::to_string(&benchmarks).map_err(json)?,
            serde_json::to_string(&escalated).map_err(json)?,
            serde_json::to_string(&settings).map_err(json)?,
            match &statuses.definitions {
                Some(d) if p == period => Some(serde_json::to_string(d).map_err(json)?),
                _ => None,
            },
        ])?;
    }
    Ok(())
}

impl Store {
    /// The benchmarks and escalated exceptions frozen for `period` by a sign-off in force,
    /// or none when no sign-off froze them: the period is not signed off, or was signed off
    /// before pmdb froze them (schema version 8). A stored row that does not read is an
    /// error, not a silent fall back to today's figures.
    pub fn frozen_extras(&self, period: Period) -> Result<Option<FrozenExtras>> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT benchmarks, escalated, settings FROM signoff_extras WHERE period = ?1",
                [period.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((benchmarks, escalated, settings)) = row else {
            return Ok(None);
        };
        let damaged = |field: &'static str| {
            move |e: serde_json::Error| {
                StoreError::DamagedRow(DamagedRow {
                    table: "signoff_extras",
                    key: period.to_string(),
                    field,
                    problem: e.to_string(),
                })
            }
        };
        Ok(Some(FrozenExtras {
            benchmarks: serde_json::from_str(&benchmarks).map_err(damaged("benchmarks"))?,
            escalated: serde_json::from_str(&escalated).map_err(damaged("escalated"))?,
            settings: serde_json::from_str(&settings).map_err(damaged("settings"))?,
        }))
    }

    /// The dataset a period's reports are made from: for a period a sign-off in force
    /// covers, with the council's settings and the definitions (indicators, plan, people,
    /// delivery items) as they stood at that sign-off, where it froze them; otherwise `ds`.
    pub fn as_signed_off(&self, ds: Dataset, period: Period) -> Result<Dataset> {
        as_signed_off(ds, self.frozen_for_reports_of(period)?)
    }

    /// What `as_signed_off` applies for `period`: the settings frozen at its sign-off, and
    /// the definitions where it froze them; None where nothing was frozen.
    pub(super) fn frozen_for_reports_of(&self, period: Period) -> Result<Option<AtSignoff>> {
        let Some(frozen) = self.frozen_extras(period)? else {
            return Ok(None);
        };
        Ok(Some(AtSignoff {
            settings: frozen.settings,
            definitions: self.definitions_at_signoff(period)?,
        }))
    }

    /// Whether `as_signed_off` would change anything for `period`: a look, not a read of
    /// what was frozen.
    pub fn frozen_for_reports(&self, period: Period) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM signoff_extras WHERE period = ?1",
                [period.to_string()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The definitions frozen by the sign-off in force that covers `period` (a quarter's
    /// for its months), if it froze them.
    fn definitions_at_signoff(&self, period: Period) -> Result<Option<Definitions>> {
        match super::signoff::locking_signoff(&self.conn, period)? {
            Some(signed) => self.definitions_of(&signed),
            None => Ok(None),
        }
    }

    /// The definitions frozen on the row of the signed-off period `signed`, if any.
    fn definitions_of(&self, signed: &str) -> Result<Option<Definitions>> {
        let stored: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT definitions FROM signoff_extras WHERE period = ?1",
                [signed],
                |r| r.get(0),
            )
            .optional()?;
        let Some(Some(json)) = stored else {
            return Ok(None);
        };
        serde_json::from_str(&json).map(Some).map_err(|e| {
            StoreError::DamagedRow(DamagedRow {
                table: "signoff_extras",
                key: signed.to_string(),
                field: "definitions",
                problem: e.to_string(),
            })
        })
    }

    /// The periods whose frozen benchmarks, escalations, settings or definitions no longer
    /// read, for `pmdb check`: their reports refuse to be made rather than show today's in
    /// their place. Each row's own definitions are read once.
    pub fn damaged_extras(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT period FROM signoff_extras ORDER BY period")?;
        let periods: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for p in periods {
            let Ok(period) = p.parse::<Period>() else {
                out.push(p);
                continue;
            };
            if self.frozen_extras(period).is_err() || self.definitions_of(&p).is_err() {
                out.push(p);
            }
        }
        Ok(out)
    }
}

/// What a sign-off froze that its period's reports are made with besides the statuses.
pub(super) struct AtSignoff {
    settings: SettingsRows,
    definitions: Option<Definitions>,
}

/// `ds` with what its period's sign-off froze (`Store::as_signed_off`).
pub(super) fn as_signed_off(ds: Dataset, frozen: Option<AtSignoff>) -> Result<Dataset> {
    let Some(frozen) = frozen else {
        return Ok(ds);
    };
    let ds = ds.with_settings(frozen.settings.settings());
    let Some(d) = frozen.definitions else {
        return Ok(ds);
    };
    // The delivery items it froze are judged again for the report: each must read.
    let ds = ds.with_definitions(d);
    match super::delivery_read::damage(&ds.delivery)
        .into_iter()
        .next()
    {
        Some(d) => Err(StoreError::DamagedRow(d)),
        None => Ok(ds),
    }
}
