//! Reading the audit log. Writing it is the triggers' job alone (schema.sql).

use serde::Serialize;

use super::Store;
use super::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub login: String,
    pub table: String,
    pub key: String,
    pub op: String,
    pub old: Option<serde_json::Value>,
    pub new: Option<serde_json::Value>,
}

impl Store {
    /// Every change to an indicator: its definition, links, targets and values, oldest first.
    /// Its rows are keyed by its code or by `CODE|…` (a value's `CODE|PERIOD`), found as a
    /// range of the key index (`|` is followed by `}`), so the look-up costs the
    /// indicator's rows, not the whole log's (issue 27).
    pub fn history(&self, code: &str) -> Result<Vec<AuditRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, login, tbl, key, op, old, new FROM audit_log
             WHERE tbl IN ('indicators', 'indicator_links', 'indicator_enterers', 'targets', 'values', 'benchmarks')
               AND (key = ?1 OR (key >= ?1 || '|' AND key < ?1 || '}'))
             ORDER BY id",
        )?;
        let rows = stmt.query_map([code], |r| {
            let json = |i: usize| -> rusqlite::Result<Option<serde_json::Value>> {
                Ok(r.get::<_, Option<String>>(i)?
                    .and_then(|s| serde_json::from_str(&s).ok()))
            };
            Ok(AuditRow {
                id: r.get(0)?,
                at: r.get(1)?,
                login: r.get(2)?,
                table: r.get(3)?,
                key: r.get(4)?,
                op: r.get(5)?,
                old: json(6)?,
                new: json(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
