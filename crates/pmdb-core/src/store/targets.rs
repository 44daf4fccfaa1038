//! Targets: annual and profiled, with their intervention levels.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, params};

use super::Store;
use super::error::{DamagedRow, Result, StoreError};
use super::import_rows::{
    BadRows, Columns, ImportSummary, RowOutcome, or_next_row, row_error, unknown_ref,
};
use super::indicators::load_indicator;
use crate::domain::period::{FinYear, PeriodError};
use crate::domain::target::{TargetRow, validate};

fn from_row(r: &Row) -> rusqlite::Result<(String, TargetRow)> {
    let code: String = r.get(0)?;
    let year = FinYear(r.get(1)?);
    let period: String = r.get(2)?;
    // A blank period is the annual target; anything else must read as a period, never
    // fall back to annual.
    let period = if period.is_empty() {
        None
    } else {
        Some(period.parse().map_err(|e: PeriodError| {
            DamagedRow {
                table: "target",
                key: format!("{code} {year}"),
                field: "period",
                problem: format!("'{period}' is not a period ({e})"),
            }
            .into_sqlite(2)
        })?)
    };
    Ok((
        code,
        TargetRow {
            year,
            period,
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
    let mut stmt = conn.prepare_cached(&format!(
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

    /// Imports targets (new or changed) naming every column, all or nothing.
    pub fn import_targets(&mut self, rows: &[(usize, String, TargetRow)]) -> Result<ImportSummary> {
        self.import_targets_naming(rows, &Columns::All)
    }

    /// Imports targets from a file that names `columns`, all or nothing. Each row is
    /// checked against its indicator: a data-only measure takes none, the intervention
    /// level must lie on the bad side of the target, a profile must be a period the
    /// indicator reports. Without an `intervention` column, stored levels stay.
    pub fn import_targets_naming(
        &mut self,
        rows: &[(usize, String, TargetRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_manage("import targets")
            .map_err(StoreError::Denied)?;
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, code, t) in rows {
                let ind = or_next_row!(
                    bad,
                    load_indicator(tx, code).map_err(|e| match e {
                        StoreError::NotFound(_) => {
                            unknown_ref(*row, "code", code, format!("no indicator '{code}'"))
                        }
                        other => other,
                    })
                );
                let period = t.period.map(|p| p.to_string()).unwrap_or_default();
                let old: Option<(f64, Option<f64>)> = tx
                    .prepare_cached(
                        "SELECT target, intervention FROM targets WHERE indicator = ?1 AND year = ?2 AND period = ?3",
                    )?
                    .query_row(params![code, t.year.0, period], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let t = TargetRow {
                    intervention: columns.pick(
                        "intervention",
                        &t.intervention,
                        old.as_ref().map(|o| &o.1),
                    ),
                    ..t.clone()
                };
                if old == Some((t.target, t.intervention)) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                or_next_row!(
                    bad,
                    validate(&ind.indicator, &t).map_err(|e| row_error(*row, "target", e))
                );
                if old.is_some() {
                    tx.execute(
                        "UPDATE targets SET target = ?4, intervention = ?5 WHERE indicator = ?1 AND year = ?2 AND period = ?3",
                        params![code, t.year.0, period, t.target, t.intervention],
                    )?;
                    summary.count(RowOutcome::Updated);
                } else {
                    tx.execute(
                        "INSERT INTO targets (indicator, year, period, target, intervention) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![code, t.year.0, period, t.target, t.intervention],
                    )?;
                    summary.count(RowOutcome::Added);
                }
            }
            bad.finish(summary)
        })
    }
}
