//! Requests from the boards: Cabinet's request for information or further work, or
//! Scrutiny's recommendation on a quarter's report, recorded by the performance team as an
//! exception of kind `request` so it follows the same workflow, history and agendas.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use super::error::{Result, StoreError};
use super::exception_history::{HistoryEntry, append};
use super::exceptions::{ExceptionRecord, SELECT, board_codes, board_exists, from_row};
use super::session::Entered;
use super::users::require_user;
use crate::domain::fields::check_text;
use crate::domain::role::Actor;
use crate::domain::workflow::ExceptionKind;

/// A board's request, as the performance team records it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRequest {
    /// An indicator, action, project, risk or plan node.
    pub subject: String,
    /// The asking board.
    pub board: String,
    pub text: String,
    /// Who answers it.
    pub owner: String,
    /// When the answer is due.
    pub due: NaiveDate,
}

/// The kinds of record a request may be about, each with the table holding its codes.
const SUBJECTS: &[(&str, &str)] = &[
    ("indicators", "indicator"),
    ("actions", "action"),
    ("projects", "project"),
    ("risks", "risk"),
    ("plan_nodes", "plan node"),
];

fn subject_known(conn: &rusqlite::Connection, code: &str) -> Result<bool> {
    for (table, _) in SUBJECTS {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE code = ?1"),
            [code],
            |r| r.get(0),
        )?;
        if n > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Store {
    /// Records a board's request, open, for the month it is raised in (the report of that
    /// period lists it), with its history's first entry; refused, with nothing written, for
    /// anyone outside the performance team, an unknown subject, board or owner, or an empty
    /// text.
    pub fn add_request(&mut self, r: &NewRequest) -> Result<ExceptionRecord> {
        let actor = self.actor()?;
        self.add_request_as(r, actor, None)
    }

    /// A board's request recorded by someone else on a day of their own (the demo's
    /// history): judged as that person and recorded as theirs, for the month of
    /// `entered.at`.
    pub fn add_request_entered(
        &mut self,
        r: &NewRequest,
        entered: &Entered,
    ) -> Result<ExceptionRecord> {
        self.as_entered(entered, |store, actor| {
            store.add_request_as(r, actor, Some(entered.at.date()))
        })
    }

    fn add_request_as(
        &mut self,
        r: &NewRequest,
        actor: Actor,
        on: Option<NaiveDate>,
    ) -> Result<ExceptionRecord> {
        actor
            .may_manage("record a board's request")
            .map_err(StoreError::Denied)?;
        let login = actor.login;
        let clock = self.session.clone();
        self.write(|tx| {
            let invalid = StoreError::Invalid;
            let subject = r.subject.trim();
            if !subject_known(tx, subject)? {
                let kinds: Vec<&str> = SUBJECTS.iter().map(|(_, k)| *k).collect();
                return Err(invalid(format!(
                    "there is no {} with code {}: a request is about one the council has",
                    kinds.join(", ").replacen(", plan node", " or plan node", 1),
                    crate::safe_text::line(subject)
                )));
            }
            let board = r.board.trim();
            if !board_exists(tx, board)? {
                return Err(invalid(format!(
                    "there is no board {}: name the asking board, one the council has ({})",
                    crate::safe_text::line(board),
                    board_codes(tx)?.join(", ")
                )));
            }
            let owner = r.owner.trim();
            require_user(tx, owner).map_err(|e| invalid(format!("--owner: {e}")))?;
            let text = r.text.trim();
            check_text("the request", text).map_err(|e| invalid(e.to_string()))?;
            if text.is_empty() {
                return Err(invalid(
                    "the request is empty: write what the board asks for".into(),
                ));
            }
            let at = clock.recorded_now();
            // The month it is raised in, as the council reads the day.
            let day = on
                .or_else(|| clock.pinned())
                .unwrap_or_else(|| chrono::Local::now().date_naive());
            let period = day.format("%Y-%m").to_string();
            tx.execute(
                "INSERT INTO exceptions (kind, period, subject, owner, figures, board, escalation_due, raised_by, raised_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    ExceptionKind::Request.as_str(),
                    period,
                    subject,
                    owner,
                    text,
                    board,
                    r.due.to_string(),
                    login,
                    at
                ],
            )?;
            let id = tx.last_insert_rowid();
            let entry = HistoryEntry {
                at,
                by: login.clone(),
                field: "raised".into(),
                old: String::new(),
                new: format!("{board} asks: {text}"),
            };
            append(tx, id, &entry)?;
            Ok(tx.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)?)
        })
    }
}
