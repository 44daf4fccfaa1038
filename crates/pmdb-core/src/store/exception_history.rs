//! Every exception keeps its history: each change of its record (status, proposal,
//! decision, Board member, due date, meeting, closure), each note and its raising is a row
//! of `exception_history`, written in the transaction that makes the change. Rows are only
//! ever added (the table's triggers refuse the rest).

use rusqlite::{Connection, params};
use serde::Serialize;

use super::Store;
use super::error::{Result, StoreError};
use super::exceptions::{ExceptionRecord, SELECT, from_row};

/// One entry of an exception's history: who changed which field, when, from what to what.
/// `field` is `raised` (new: the figures as raised), a column of the exception, or `note`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    /// UTC, `YYYY-MM-DDTHH:MM:SS.fffZ`, from the session's clock as every stamp.
    pub at: String,
    /// The login.
    pub by: String,
    pub field: String,
    pub old: String,
    pub new: String,
}

/// Adds one entry to exception `id`'s history.
pub(super) fn append(conn: &Connection, id: i64, entry: &HistoryEntry) -> Result<()> {
    conn.execute(
        "INSERT INTO exception_history (exception, at, by, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, entry.at, entry.by, entry.field, entry.old, entry.new],
    )?;
    Ok(())
}

/// The fields of the record the history follows, each as text ('' for none), to compare
/// before and after a change.
pub(super) fn followed(rec: &ExceptionRecord) -> [(&'static str, String); 9] {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        ("status", rec.status.as_str().to_string()),
        ("proposal", rec.proposal.clone()),
        ("decision", rec.decision.clone()),
        ("board", rec.board.clone()),
        ("outcome", rec.outcome.clone()),
        ("board_member", rec.board_member.clone()),
        ("escalation_due", opt(&rec.escalation_due)),
        (
            "meeting",
            rec.meeting.map(|m| m.to_string()).unwrap_or_default(),
        ),
        ("closed_at", opt(&rec.closed_at)),
    ]
}

impl Store {
    /// One exception, by its number.
    pub fn exception(&self, id: i64) -> Result<ExceptionRecord> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => {
                    StoreError::NotFound(format!("no exception #{id}"))
                }
                other => other.into(),
            })
    }

    /// Exception `id`'s history, oldest first.
    pub fn exception_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, by, field, old, new FROM exception_history WHERE exception = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(HistoryEntry {
                at: r.get(0)?,
                by: r.get(1)?,
                field: r.get(2)?,
                old: r.get(3)?,
                new: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
