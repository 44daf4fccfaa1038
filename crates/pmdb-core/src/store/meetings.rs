//! Meetings and their agendas as stored: a meeting found by its number or its board and
//! date, the further periods an exception covers (a quarter linked to a subject already
//! open from one of its months), and an agenda's agreed items closed or noted at once.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::Store;
use super::error::{Result, StoreError};
use super::exception_history::{HistoryEntry, append};
use super::exceptions::{ExceptionRecord, NewException, SELECT, from_row};
use super::records::MeetingRecord;
use crate::domain::fields::check_text;
use crate::domain::period::Period;
use crate::domain::workflow::ExceptionStatus;

/// When a quarter (or year) is raised, the open exception for the same subject from a
/// month inside it takes the period instead of a second exception being raised: the
/// period is linked to it and its history says so. Returns whether `e` was taken so.
pub(super) fn link_to_open_month(
    tx: &Transaction,
    e: &NewException,
    by: &str,
    at: &str,
) -> Result<bool> {
    let Ok(period) = e.period.parse::<Period>() else {
        return Ok(false);
    };
    if period.is_month() {
        return Ok(false);
    }
    // Raised for the period already (before links were made): leave it as it is.
    let raised: bool = tx.query_row(
        "SELECT count(*) FROM exceptions WHERE kind = ?1 AND period = ?2 AND subject = ?3",
        params![e.kind.as_str(), e.period, e.subject],
        |r| r.get(0),
    )?;
    if raised {
        return Ok(false);
    }
    let mut stmt = tx.prepare(
        "SELECT id, period FROM exceptions WHERE subject = ?1 AND status <> 'closed' ORDER BY id",
    )?;
    let open: Vec<(i64, String)> = stmt
        .query_map([&e.subject], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some((id, _)) = open.into_iter().find(|(_, p)| {
        p.parse::<Period>()
            .is_ok_and(|p| p.is_month() && period.covers(p))
    }) else {
        return Ok(false);
    };
    let added = tx.execute(
        "INSERT OR IGNORE INTO exception_periods (exception, period) VALUES (?1, ?2)",
        params![id, e.period],
    )?;
    if added == 1 {
        let entry = HistoryEntry {
            at: at.to_string(),
            by: by.to_string(),
            field: "periods".into(),
            old: String::new(),
            new: format!("{}: {}", e.period, e.figures),
        };
        append(tx, id, &entry)?;
    }
    Ok(true)
}

impl Store {
    /// A meeting by its number or as `BOARD:DATE` (`PPG:2026-10-22`); one that does not
    /// exist is refused naming what was asked for.
    pub fn meeting_named(&self, key: &str) -> Result<MeetingRecord> {
        let meetings = self.meetings()?;
        let key = key.trim();
        let found = match key.split_once(':') {
            Some((board, date)) => meetings
                .into_iter()
                .find(|m| m.board.eq_ignore_ascii_case(board.trim()) && m.date == date.trim()),
            None => key
                .parse::<i64>()
                .ok()
                .and_then(|id| meetings.into_iter().find(|m| m.id == id)),
        };
        found.ok_or_else(|| {
            StoreError::NotFound(format!(
                "there is no meeting '{}': give its number or BOARD:DATE (pmdb meetings lists them)",
                crate::safe_text::line(key)
            ))
        })
    }

    /// The periods each exception was linked to besides its own, by exception.
    pub fn exception_periods(&self) -> Result<BTreeMap<i64, Vec<String>>> {
        let mut stmt = self
            .conn
            .prepare("SELECT exception, period FROM exception_periods ORDER BY exception, rowid")?;
        let mut out: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (id, period) = row?;
            out.entry(id).or_default().push(period);
        }
        Ok(out)
    }

    /// Closes (or, with `close` false, only notes) each of `ids`, every one of them an
    /// agreed exception, with `note` in each one's history: all of them or, when one is
    /// refused, none. For the performance team and admins.
    pub fn close_agreed(
        &mut self,
        ids: &[i64],
        note: &str,
        close: bool,
    ) -> Result<Vec<ExceptionRecord>> {
        let actor = self.actor()?;
        actor.may_close_agreed().map_err(StoreError::Denied)?;
        let refuse = |id: i64, problem: String| StoreError::Exception {
            id,
            problem: problem.into(),
        };
        let note = note.trim().to_string();
        check_text("the note", &note).map_err(|e| StoreError::Invalid(format!("--note: {e}")))?;
        if note.is_empty() {
            return Err(StoreError::Invalid(
                "--note is empty: write what should be on the record".into(),
            ));
        }
        let clock = self.session.clone();
        self.write(|tx| {
            let mut out = Vec::new();
            for &id in ids {
                let rec = tx
                    .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
                    .optional()?
                    .ok_or_else(|| StoreError::NotFound(format!("no exception #{id}")))?;
                if rec.status != ExceptionStatus::Agreed {
                    return Err(refuse(id, format!("it is {}, not agreed", rec.status)));
                }
                let at = clock.now_stamp();
                let entry = |field: &str, old: &str, new: &str| HistoryEntry {
                    at: at.clone(),
                    by: actor.login.clone(),
                    field: field.into(),
                    old: old.into(),
                    new: new.into(),
                };
                if close {
                    tx.execute(
                        "UPDATE exceptions SET status = 'closed', closed_at = ?2, version = version + 1 WHERE id = ?1",
                        params![id, at],
                    )?;
                    append(tx, id, &entry("status", rec.status.as_str(), "closed"))?;
                    append(tx, id, &entry("closed_at", "", &at))?;
                }
                append(tx, id, &entry("note", "", &note))?;
                out.push(tx.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)?);
            }
            Ok(out)
        })
    }
}
