//! Writing the kinds that set a council up, spreadsheet-safe like every export, so that
//! export then import changes nothing.

use std::io::Write;

use super::CsvError;
use super::columns::Kind;
use super::write::{finish, record, writer};
use crate::store::{BoardMember, BoardRow, IndicatorRecord, MeetingRecord, Named, UserRecord};

pub fn write_users<W: Write>(out: W, users: &[UserRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Users, out)?;
    for u in users {
        record(
            &mut w,
            Kind::Users,
            &[&u.login, &u.name, u.role.as_str(), &u.title, &u.email],
        )?;
    }
    finish(w)
}

/// Services (`Kind::Services`: code, name, head) or portfolios (code, name, holder).
pub fn write_named<W: Write>(out: W, kind: Kind, named: &[Named]) -> Result<(), CsvError> {
    let mut w = writer(kind, out)?;
    for n in named {
        record(&mut w, kind, &[&n.code, &n.name, &n.lead])?;
    }
    finish(w)
}

pub fn write_boards<W: Write>(out: W, boards: &[BoardRow]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Boards, out)?;
    for b in boards {
        record(&mut w, Kind::Boards, &[&b.code, &b.name])?;
    }
    finish(w)
}

pub fn write_board_members<W: Write>(out: W, members: &[BoardMember]) -> Result<(), CsvError> {
    let mut w = writer(Kind::BoardMembers, out)?;
    for m in members {
        record(&mut w, Kind::BoardMembers, &[&m.board, &m.login])?;
    }
    finish(w)
}

pub fn write_meetings<W: Write>(out: W, meetings: &[MeetingRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Meetings, out)?;
    for m in meetings {
        record(
            &mut w,
            Kind::Meetings,
            &[&m.board, &m.date, &m.title, &m.period],
        )?;
    }
    finish(w)
}

/// Every indicator's data-entry officers, in the indicators' order.
pub fn write_enterers<W: Write>(out: W, indicators: &[IndicatorRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Enterers, out)?;
    for r in indicators {
        for login in &r.enterers {
            record(&mut w, Kind::Enterers, &[&r.indicator.code, login])?;
        }
    }
    finish(w)
}
