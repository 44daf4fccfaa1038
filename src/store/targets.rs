//! Targets: annual and profiled, with their intervention levels.

use std::collections::HashMap;

use rusqlite::{Row, params};

use super::Store;
use super::error::{Result, StoreError};
use super::import_rows::{ImportSummary, row_error};
use super::indicators::load_indicator;
use crate::domain::period::FinYear;
use crate::domain::target::{TargetRow, validate};

fn from_row(r: &Row) -> rusqlite::Result<(String, TargetRow)> {
    let period: String = r.get(2)?;
    Ok((
        r.get(0)?,
        TargetRow {
            year: FinYear(r.get(1)?),
            period: if period.is_empty() {
                None
            } else {
                period.parse().ok()
            },
            target: r.get(3)?,
            intervention: r.get(4)?,
        },
    ))
}

const SELECT: &str = "SELECT indicator, year, period, target, intervention FROM targets";

pub(super) fn load_all_targets(
    conn: &rusqlite::Connection,
) -> Result<HashMap<String, Vec<TargetRow>>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY indicator, year, period"))?;
    let mut out: HashMap<String, Vec<TargetRow>> = HashMap::new();
    for r in stmt.query_map([], from_row)? {
        let (code, row) = r?;
        out.entry(code).or_default().push(row);
    }
    Ok(out)
}

pub(super) fn load_targets(conn: &rusqlite::Connection, code: &str) -> Result<Vec<TargetRow>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE indicator = ?1 ORDER BY year, period"
    ))?;
    let rows = stmt.query_map([code], from_row)?;
    Ok(rows
        .map(|r| r.map(|(_, t)| t))
        .collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Every indicator's targets, by indicator code.
    pub fn all_targets(&self) -> Result<HashMap<String, Vec<TargetRow>>> {
        load_all_targets(&self.conn)
    }

    pub fn targets_of(&self, code: &str) -> Result<Vec<TargetRow>> {
        load_targets(&self.conn, code)
    }

    /// Imports targets (new or changed), all or nothing. Each row is checked against its
    /// indicator: a data-only measure takes none, the intervention level must lie on the
    /// bad side of the target, a profile must be a period the indicator reports.
    pub fn import_targets(&mut self, rows: &[(usize, String, TargetRow)]) -> Result<ImportSummary> {
        self.actor()?
            .may_manage("import targets")
            .map_err(StoreError::Refused)?;
        self.write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, code, t) in rows {
                let ind = load_indicator(tx, code).map_err(|e| match e {
                    StoreError::NotFound(_) => row_error(*row, "code", format!("no indicator '{code}'")),
                    other => other,
                })?;
                validate(&ind.indicator, t).map_err(|e| row_error(*row, "target", e))?;
                let period = t.period.map(|p| p.to_string()).unwrap_or_default();
                let changed = tx.execute(
                    "UPDATE targets SET target = ?4, intervention = ?5 WHERE indicator = ?1 AND year = ?2 AND period = ?3",
                    params![code, t.year.0, period, t.target, t.intervention],
                )?;
                if changed == 0 {
                    tx.execute(
                        "INSERT INTO targets (indicator, year, period, target, intervention) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![code, t.year.0, period, t.target, t.intervention],
                    )?;
                    summary.added += 1;
                } else {
                    summary.updated += 1;
                }
            }
            Ok(summary)
        })
    }
}
