//! Exceptions for the Performance & Programme Group: raised idempotently (one per kind,
//! period and subject) and updated as the meeting records its proposal, decision,
//! escalation and closure, each update a compare-and-set on the record's version.

use rusqlite::{Row, params};
use serde::{Deserialize, Serialize};

use super::Store;
use super::error::{Result, StoreError};
use super::exception_history::{HistoryEntry, append, followed};
use super::session::Entered;
use super::users::require_user;
use crate::domain::fields::check_text;
use crate::domain::period::Period;
use crate::domain::report_scope::report_lists;
use crate::domain::role::Actor;
use crate::domain::workflow::{
    ExceptionKind, ExceptionStatus, State, Step, apply, board_words, boards_part, may_record,
    may_record_outcome, officers_part,
};

/// An exception to raise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewException {
    pub kind: ExceptionKind,
    pub period: String,
    pub subject: String,
    pub service: String,
    pub owner: String,
    /// What raised it, as shown when raised: "62.0 against 65.0 (red: …)".
    pub figures: String,
    pub commentary: String,
    pub meeting: Option<i64>,
}

/// Deserialize: sign-off freezes the escalated ones as JSON (`signoff_extras`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExceptionRecord {
    pub id: i64,
    pub kind: ExceptionKind,
    pub period: String,
    pub subject: String,
    pub service: String,
    pub owner: String,
    pub figures: String,
    pub commentary: String,
    pub meeting: Option<i64>,
    pub status: ExceptionStatus,
    pub proposal: String,
    pub decision: String,
    pub board_member: String,
    pub escalation_due: Option<String>,
    /// The board PPG escalated it to (a board's code), '' until escalated. Frozen records
    /// from before boards were named read as none.
    #[serde(default)]
    pub board: String,
    /// The board's own outcome, apart from PPG's decision.
    #[serde(default)]
    pub outcome: String,
    pub raised_by: String,
    pub raised_at: String,
    pub closed_at: Option<String>,
    pub version: i64,
}

impl ExceptionRecord {
    /// Where the exception stands, as the workflow's rules read it.
    pub fn state(&self) -> State {
        State {
            status: self.status,
            proposal: self.proposal.clone(),
            decision: self.decision.clone(),
            board_member: self.board_member.clone(),
            escalation_due: self.escalation_due.as_deref().and_then(|d| d.parse().ok()),
            board: self.board.clone(),
            outcome: self.outcome.clone(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ExceptionFilter {
    pub period: Option<String>,
    pub status: Option<ExceptionStatus>,
    pub kind: Option<ExceptionKind>,
    pub service: Option<String>,
    pub meeting: Option<i64>,
}

/// An update to one exception, made against the version the person saw.
#[derive(Debug, Clone)]
pub struct ExceptionUpdate {
    pub id: i64,
    pub expected_version: Option<i64>,
    pub step: Step,
}

pub(super) const SELECT: &str = "SELECT id, kind, period, subject, service, owner, figures, commentary, meeting, status, proposal,
    decision, board_member, escalation_due, raised_by, raised_at, closed_at, version, board, outcome FROM exceptions";

pub(super) fn from_row(r: &Row) -> rusqlite::Result<ExceptionRecord> {
    let bad = |e: crate::domain::indicator::WordError| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
    };
    Ok(ExceptionRecord {
        id: r.get(0)?,
        kind: r.get::<_, String>(1)?.parse().map_err(bad)?,
        period: r.get(2)?,
        subject: r.get(3)?,
        service: r.get(4)?,
        owner: r.get(5)?,
        figures: r.get(6)?,
        commentary: r.get(7)?,
        meeting: r.get(8)?,
        status: r.get::<_, String>(9)?.parse().map_err(bad)?,
        proposal: r.get(10)?,
        decision: r.get(11)?,
        board_member: r.get(12)?,
        escalation_due: r.get(13)?,
        raised_by: r.get(14)?,
        raised_at: r.get(15)?,
        closed_at: r.get(16)?,
        version: r.get(17)?,
        board: r.get(18)?,
        outcome: r.get(19)?,
    })
}

/// The exceptions escalated to Management Board whose period lies inside `period` (its own
/// and its months' and quarters'), raised by `at`, in the order they were raised: what a
/// report of `period` lists, read inside a transaction so sign-off can freeze it.
pub(super) fn escalated_within(
    conn: &rusqlite::Connection,
    period: Period,
    at: &str,
) -> Result<Vec<ExceptionRecord>> {
    let sql = format!("{SELECT} WHERE status = 'escalated' ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    let all: Vec<ExceptionRecord> = rows.collect::<rusqlite::Result<_>>()?;
    Ok(all
        .into_iter()
        .filter(|e| report_lists(period, Some(at), &e.period, &e.raised_at))
        .collect())
}

impl Store {
    pub fn exceptions(&self, f: &ExceptionFilter) -> Result<Vec<ExceptionRecord>> {
        let sql = format!(
            "{SELECT} WHERE (?1 IS NULL OR period = ?1) AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR kind = ?3)
             AND (?4 IS NULL OR service = ?4) AND (?5 IS NULL OR meeting = ?5) ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            params![
                f.period,
                f.status.map(|s| s.as_str()),
                f.kind.map(|k| k.as_str()),
                f.service,
                f.meeting
            ],
            from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Raises exceptions; one that exists already (same kind, period and subject) is left
    /// as it is. Returns how many were new.
    pub fn raise_exceptions(&mut self, list: &[NewException]) -> Result<usize> {
        let actor = self.actor()?;
        self.raise_as(list, actor)
    }

    /// Exceptions raised by someone else on a day of their own (the demo's history: the
    /// performance officer who clerks PPG raising its queue): judged as that officer and
    /// recorded as theirs, at `entered.at`.
    pub fn raise_exceptions_entered(
        &mut self,
        list: &[NewException],
        entered: &Entered,
    ) -> Result<usize> {
        self.as_entered(entered, |store, actor| store.raise_as(list, actor))
    }

    fn raise_as(&mut self, list: &[NewException], actor: Actor) -> Result<usize> {
        actor
            .may_manage("raise exceptions")
            .map_err(StoreError::Denied)?;
        let login = actor.login;
        let clock = self.session.clone();
        self.write(|tx| {
            let mut stmt = tx.prepare(
                "INSERT OR IGNORE INTO exceptions (kind, period, subject, service, owner, figures, commentary, meeting,
                 raised_by, raised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut new = 0;
            for e in list {
                let at = clock.recorded_now();
                // A quarter's subject already open from one of its months is that one.
                if super::meetings::link_to_open_month(tx, e, &login, &at)? {
                    continue;
                }
                let added = stmt.execute(params![
                    e.kind.as_str(),
                    e.period,
                    e.subject,
                    e.service,
                    e.owner,
                    e.figures,
                    e.commentary,
                    e.meeting,
                    login,
                    at
                ])?;
                if added == 1 {
                    // Its history starts with the figures it was raised on.
                    let entry = HistoryEntry {
                        at,
                        by: login.clone(),
                        field: "raised".into(),
                        old: String::new(),
                        new: e.figures.clone(),
                    };
                    append(tx, tx.last_insert_rowid(), &entry)?;
                }
                new += added;
            }
            Ok(new)
        })
    }

    /// Records a step of the meeting on one exception, and each field it changes (and its
    /// note) in the exception's history, in one transaction. Officers may record the
    /// proposal and notes on their own exceptions; everything else is for the performance
    /// team. A step that changes nothing and notes nothing leaves the record as it was.
    pub fn update_exception(&mut self, u: &ExceptionUpdate) -> Result<ExceptionRecord> {
        let actor = self.actor()?;
        self.update_as(u, actor)
    }

    /// A step recorded by someone else on a day of their own (the demo's history: an
    /// officer's proposal, PPG's decision by its clerk, a board's outcome by its member):
    /// judged as that person and recorded as theirs, at `entered.at`.
    pub fn update_exception_entered(
        &mut self,
        u: &ExceptionUpdate,
        entered: &Entered,
    ) -> Result<ExceptionRecord> {
        self.as_entered(entered, |store, actor| store.update_as(u, actor))
    }

    fn update_as(&mut self, u: &ExceptionUpdate, actor: Actor) -> Result<ExceptionRecord> {
        let clock = self.session.clone();
        self.write(|tx| {
            let rec = tx
                .query_row(&format!("{SELECT} WHERE id = ?1"), [u.id], from_row)
                .map_err(|_| StoreError::NotFound(format!("no exception #{}", u.id)))?;
            // A member of the board the exception went to records that board's part
            // themselves; the rest is the officer's or the performance team's.
            if boards_part(&u.step) {
                let board = if rec.board.is_empty() { "a board".to_string() } else { board_named(tx, &rec.board)? };
                may_record_outcome(&actor, is_member(tx, &rec.board, &actor.login)?, &board).map_err(StoreError::Denied)?;
            } else {
                may_record(&actor, &rec.owner, officers_part(&u.step)).map_err(StoreError::Denied)?;
            }
            if let Some(v) = u.expected_version.filter(|v| *v != rec.version) {
                let (by, at) = tx
                    .query_row(
                        "SELECT login, at FROM audit_log WHERE tbl = 'exceptions' AND key = ?1 ORDER BY id DESC LIMIT 1",
                        [rec.id.to_string()],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap_or_else(|_| (rec.raised_by.clone(), rec.raised_at.clone()));
                return Err(StoreError::Conflict { what: format!("exception #{}", rec.id), by, at, expected: v, found: rec.version });
            }
            let refuse = |problem: String| StoreError::Exception { id: rec.id, problem: problem.into() };
            let state = rec.state();
            for (what, text) in [
                ("the proposal", &u.step.proposal),
                ("the decision", &u.step.decision),
                ("the outcome", &u.step.outcome),
                ("the note", &u.step.note),
            ] {
                if let Some(text) = text {
                    check_text(what, text).map_err(|e| refuse(e.to_string()))?;
                }
            }
            let note = u.step.note.as_deref().map(str::trim);
            if note == Some("") {
                return Err(refuse("the note is empty: write what should be on the record".into()));
            }
            if let Some(login) = u.step.board_member.as_deref().filter(|l| !l.trim().is_empty()) {
                require_user(tx, login.trim()).map_err(|e| refuse(e.to_string()))?;
            }
            let next = apply(&state, &u.step).map_err(|e| refuse(e.to_string()))?;
            // The escalation went to a board the council has (MB by default).
            if next.board != rec.board && !board_exists(tx, &next.board)? {
                return Err(refuse(format!(
                    "there is no board {}: name one the council has ({}), or add it first",
                    crate::safe_text::line(&next.board),
                    board_codes(tx)?.join(", ")
                )));
            }
            // The responsible member sits on the board the exception went to.
            let member_named = u.step.board_member.is_some() || next.board != rec.board;
            if member_named && !next.board_member.is_empty() && !is_member(tx, &next.board, &next.board_member)? {
                return Err(refuse(format!(
                    "{} is not a member of {}; name one of its members, or add them to it first",
                    crate::safe_text::line(&next.board_member),
                    board_named(tx, &next.board)?
                )));
            }
            let at = clock.recorded_now();
            let closed_at = if next.status == ExceptionStatus::Closed { rec.closed_at.clone().or_else(|| Some(at.clone())) } else { None };
            let after = ExceptionRecord {
                status: next.status,
                proposal: next.proposal,
                decision: next.decision,
                board_member: next.board_member,
                escalation_due: next.escalation_due.map(|d| d.to_string()),
                board: next.board,
                outcome: next.outcome,
                closed_at,
                ..rec.clone()
            };
            let entry = |field: &str, old: String, new: String| HistoryEntry { at: at.clone(), by: actor.login.clone(), field: field.into(), old, new };
            let changes: Vec<HistoryEntry> = followed(&rec)
                .into_iter()
                .zip(followed(&after))
                .filter(|((_, old), (_, new))| old != new)
                .map(|((field, old), (_, new))| entry(field, old, new))
                .collect();
            if !changes.is_empty() {
                tx.execute(
                    "UPDATE exceptions SET status = ?2, proposal = ?3, decision = ?4, board_member = ?5, escalation_due = ?6,
                     closed_at = ?7, board = ?8, outcome = ?9, version = version + 1 WHERE id = ?1",
                    params![
                        rec.id,
                        after.status.as_str(),
                        after.proposal,
                        after.decision,
                        after.board_member,
                        after.escalation_due,
                        after.closed_at,
                        after.board,
                        after.outcome
                    ],
                )?;
            }
            for change in &changes {
                append(tx, rec.id, change)?;
            }
            if let Some(note) = note {
                append(tx, rec.id, &entry("note", String::new(), note.to_string()))?;
            }
            Ok(tx.query_row(&format!("{SELECT} WHERE id = ?1"), [u.id], from_row)?)
        })
    }
}

/// Whether the council has board `code`.
pub(super) fn board_exists(conn: &rusqlite::Connection, code: &str) -> Result<bool> {
    Ok(
        conn.query_row("SELECT count(*) FROM boards WHERE code = ?1", [code], |r| {
            r.get::<_, i64>(0)
        })? > 0,
    )
}

/// The council's boards' codes, to name them when one asked for is not there.
pub(super) fn board_codes(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT code FROM boards ORDER BY code")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A board as people know it: "the Management Board (MB)".
fn board_named(conn: &rusqlite::Connection, code: &str) -> Result<String> {
    let name: Option<String> = conn
        .query_row("SELECT name FROM boards WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .ok();
    Ok(board_words(code, name.as_deref()))
}

/// Whether `login` sits on board `code`.
fn is_member(conn: &rusqlite::Connection, code: &str, login: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM board_members WHERE board = ?1 AND login = ?2",
        [code, login],
        |r| r.get::<_, i64>(0),
    )? > 0)
}
