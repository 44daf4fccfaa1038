//! Whose approval a sign-off records: the rules are `domain::approval`'s; here the store
//! reads what they need (Leadership Team's members, the approver's name, the meeting) and
//! gives the approval as it is kept with the sign-off.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::error::{Result, StoreError};
use crate::domain::approval::{self, Asked, LEADERSHIP_TEAM, MeetingRef};
use crate::domain::role::Actor;

/// What signing off is asked to record of Leadership Team's approval: the member who
/// approved (`--approved-by`) and the meeting (`--meeting`), each if named.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Approve {
    pub by: Option<String>,
    pub meeting: Option<MeetingRef>,
}

/// Leadership Team's approval as kept with a sign-off.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Approval {
    pub by: String,
    /// How reports name the approver, as named that day: "Jane Mitchell, Chief Executive".
    pub approver: String,
    /// The day approved: the meeting's, else the sign-off's.
    pub on: String,
    pub meeting: Option<i64>,
}

fn lt_members(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT login FROM board_members WHERE board = ?1 ORDER BY login")?;
    let rows = stmt.query_map([LEADERSHIP_TEAM], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn label_of(conn: &Connection, login: &str) -> Result<String> {
    let named: Option<(String, String)> = conn
        .query_row(
            "SELECT name, title FROM users WHERE login = ?1",
            [login],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (name, title) = named.unwrap_or_default();
    Ok(approval::approver_label(login, &name, &title))
}

/// The meeting named, which must be one of Leadership Team's held by `day`: its id and date.
fn lt_meeting(conn: &Connection, m: &MeetingRef, day: NaiveDate) -> Result<(i64, String)> {
    let found: Option<(i64, String, String)> = match m {
        MeetingRef::Id(id) => conn
            .query_row(
                "SELECT id, board, date FROM meetings WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?,
        MeetingRef::BoardDate { board, date } => conn
            .query_row(
                "SELECT id, board, date FROM meetings WHERE board = ?1 AND date = ?2
                 ORDER BY id LIMIT 1",
                params![board, date.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?,
    };
    let Some((id, board, date)) = found else {
        return Err(StoreError::NotFound(format!(
            "--meeting: there is no meeting {m} (pmdb export meetings lists them)"
        )));
    };
    if board != LEADERSHIP_TEAM {
        return Err(StoreError::Invalid(format!(
            "--meeting: meeting {id} is {board}'s of {date}, not Leadership Team's ({LEADERSHIP_TEAM}): name the meeting at which Leadership Team approved"
        )));
    }
    if date.as_str() > day.to_string().as_str() {
        return Err(StoreError::Invalid(format!(
            "--meeting: Leadership Team's meeting {id} of {date} has not taken place yet"
        )));
    }
    Ok((id, date))
}

/// The approval a sign-off by `actor` on `day` records, as `approve` asks and the rules
/// allow: refused (nothing written) for an approver not on Leadership Team, a meeting that
/// is not LT's, or someone who may neither sign off nor record LT's approval.
pub(super) fn resolve(
    conn: &Connection,
    actor: &Actor,
    approve: &Approve,
    day: NaiveDate,
) -> Result<Option<Approval>> {
    let members = lt_members(conn)?;
    let on_lt = |login: &str| members.iter().any(|m| m == login);
    let asked = Asked {
        approved_by: approve.by.as_deref(),
        signer_on_lt: on_lt(&actor.login),
        named_on_lt: approve.by.as_deref().is_some_and(on_lt),
        meeting: approve.meeting.is_some(),
    };
    let by = approval::approver(actor, asked, &members).map_err(|e| match e {
        approval::ApprovalError::Role(r) => StoreError::Denied(r),
        other => StoreError::Refused(other.to_string()),
    })?;
    let Some(by) = by else {
        return Ok(None);
    };
    let (meeting, on) = match &approve.meeting {
        Some(m) => {
            let (id, date) = lt_meeting(conn, m, day)?;
            (Some(id), date)
        }
        None => (None, day.to_string()),
    };
    Ok(Some(Approval {
        approver: label_of(conn, &by)?,
        by,
        on,
        meeting,
    }))
}

/// The approval of a sign-off made earlier and loaded as history: the signer's own when
/// they are on Leadership Team, at LT's meeting of that day if there was one.
pub(super) fn entered(conn: &Connection, by: &str, day: NaiveDate) -> Result<Option<Approval>> {
    if !lt_members(conn)?.iter().any(|m| m == by) {
        return Ok(None);
    }
    let meeting = lt_meeting(
        conn,
        &MeetingRef::BoardDate {
            board: LEADERSHIP_TEAM.to_string(),
            date: day,
        },
        day,
    )
    .ok()
    .map(|(id, _)| id);
    Ok(Some(Approval {
        by: by.to_string(),
        approver: label_of(conn, by)?,
        on: day.to_string(),
        meeting,
    }))
}
