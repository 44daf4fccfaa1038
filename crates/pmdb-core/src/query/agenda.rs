//! A meeting's agenda: the exceptions raised for its period and for any period ending in
//! the same month (the October PPG takes September's month exceptions and the quarter
//! ending in September), then those still open from its board's earlier meetings,
//! "carried forward". PPG takes every exception of its periods; another board only those
//! escalated to it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::domain::period::{Month, Period};
use crate::domain::workflow::{ExceptionKind, ExceptionStatus};
use crate::store::{ExceptionFilter, ExceptionRecord, MeetingRecord, Store};

/// The board that reviews every exception raised.
pub const REVIEWING_BOARD: &str = "PPG";

/// One item of an agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub record: ExceptionRecord,
    /// Its own period, then those linked to it.
    pub periods: Vec<String>,
    /// Still open from one of the board's earlier meetings.
    pub carried_forward: bool,
}

impl AgendaItem {
    /// Whether the item passes the other filters (period: its own or a linked one).
    pub fn passes(&self, f: &ExceptionFilter) -> bool {
        let e = &self.record;
        f.period.as_ref().is_none_or(|p| self.periods.contains(p))
            && f.status.is_none_or(|s| s == e.status)
            && f.kind.is_none_or(|k| k == e.kind)
            && f.service.as_ref().is_none_or(|s| *s == e.service)
    }
}

/// What an agenda is made from: every exception with its linked periods.
pub struct Queue<'a> {
    pub exceptions: &'a [ExceptionRecord],
    /// Periods linked to an exception besides its own, by exception.
    pub periods: &'a BTreeMap<i64, Vec<String>>,
}

impl Queue<'_> {
    /// An exception's periods: its own, then those linked to it.
    pub fn periods_of(&self, e: &ExceptionRecord) -> Vec<String> {
        let mut out = vec![e.period.clone()];
        out.extend(self.periods.get(&e.id).into_iter().flatten().cloned());
        out
    }

    /// The month a meeting's period ends in; none for a meeting without a period.
    fn month_of(period: &str) -> Option<Month> {
        period.parse::<Period>().ok().map(Period::last_month)
    }

    /// The exceptions raised for the meeting itself, by id. A board's request is its
    /// board's first meeting on or after the day it was recorded, whatever the period.
    fn own(&self, m: &MeetingRecord, meetings: &[MeetingRecord]) -> BTreeSet<i64> {
        let month = Self::month_of(&m.period);
        self.exceptions
            .iter()
            .filter(|e| {
                if e.kind == ExceptionKind::Request {
                    return e.meeting == Some(m.id)
                        || requests_meeting(e, meetings).is_some_and(|r| r.id == m.id);
                }
                let for_period = month.is_some()
                    && self
                        .periods_of(e)
                        .iter()
                        .any(|p| Self::month_of(p) == month);
                let for_board = m.board == REVIEWING_BOARD || e.board == m.board;
                e.meeting == Some(m.id) || (for_period && for_board)
            })
            .map(|e| e.id)
            .collect()
    }

    /// `meeting`'s agenda, its own items first, then those carried forward, each in the
    /// order raised. `meetings` is every meeting (its board's earlier ones are read).
    pub fn agenda(&self, meeting: &MeetingRecord, meetings: &[MeetingRecord]) -> Vec<AgendaItem> {
        let own = self.own(meeting, meetings);
        let mut earlier = BTreeSet::new();
        for m in meetings
            .iter()
            .filter(|m| m.board == meeting.board && m.date < meeting.date)
        {
            earlier.extend(self.own(m, meetings));
        }
        let item = |e: &ExceptionRecord, carried_forward| AgendaItem {
            record: e.clone(),
            periods: self.periods_of(e),
            carried_forward,
        };
        let mine = self
            .exceptions
            .iter()
            .filter(|e| own.contains(&e.id))
            .map(|e| item(e, false));
        let carried = self
            .exceptions
            .iter()
            .filter(|e| {
                earlier.contains(&e.id)
                    && !own.contains(&e.id)
                    && e.status != ExceptionStatus::Closed
            })
            .map(|e| item(e, true));
        mine.chain(carried).collect()
    }
}

/// The meeting a board's request first goes to: the asking board's first meeting on or
/// after the day it was recorded (it is carried forward from there until closed).
fn requests_meeting<'a>(
    e: &ExceptionRecord,
    meetings: &'a [MeetingRecord],
) -> Option<&'a MeetingRecord> {
    let day = e.raised_at.get(..10).unwrap_or_default();
    meetings
        .iter()
        .filter(|m| m.board == e.board && m.date.as_str() >= day)
        .min_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)))
}

/// `meeting`'s agenda as the store holds it now.
pub fn load(store: &Store, meeting: &MeetingRecord) -> crate::store::Result<Vec<AgendaItem>> {
    let exceptions = store.exceptions(&ExceptionFilter::default())?;
    let periods = store.exception_periods()?;
    let queue = Queue {
        exceptions: &exceptions,
        periods: &periods,
    };
    Ok(queue.agenda(meeting, &store.meetings()?))
}

/// The next meeting of `board` on or after `today`, else its latest.
pub fn next_meeting<'a>(
    meetings: &'a [MeetingRecord],
    board: &str,
    today: chrono::NaiveDate,
) -> Option<&'a MeetingRecord> {
    let day = today.to_string();
    let mut of_board: Vec<&MeetingRecord> = meetings.iter().filter(|m| m.board == board).collect();
    of_board.sort_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
    of_board
        .iter()
        .find(|m| m.date >= day)
        .or(of_board.last())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(id: i64, board: &str, date: &str, period: &str) -> MeetingRecord {
        MeetingRecord {
            id,
            board: board.into(),
            date: date.into(),
            title: format!("{board} {date}"),
            period: period.into(),
        }
    }

    fn exception(id: i64, period: &str, subject: &str, status: ExceptionStatus) -> ExceptionRecord {
        ExceptionRecord {
            id,
            kind: ExceptionKind::Red,
            period: period.into(),
            subject: subject.into(),
            service: String::new(),
            owner: "owner".into(),
            figures: String::new(),
            commentary: String::new(),
            meeting: None,
            status,
            proposal: String::new(),
            decision: String::new(),
            board_member: String::new(),
            board: String::new(),
            outcome: String::new(),
            escalation_due: None,
            raised_by: "perf".into(),
            raised_at: "2026-10-01T09:00:00.000Z".into(),
            closed_at: None,
            version: 1,
        }
    }

    #[test]
    fn october_takes_september_and_the_quarter_and_carries_forward_what_is_open() {
        let meetings = [
            meeting(1, "PPG", "2026-09-24", "2026-08"),
            meeting(2, "PPG", "2026-10-22", "2026-09"),
            meeting(3, "MB", "2026-10-27", "2026-09"),
        ];
        let exceptions = [
            exception(1, "2026-08", "A", ExceptionStatus::Agreed),
            exception(2, "2026-08", "B", ExceptionStatus::Closed),
            exception(3, "2026-09", "C", ExceptionStatus::Open),
            exception(4, "2026/27 Q2", "D", ExceptionStatus::Open),
            exception(5, "2026-07", "E", ExceptionStatus::Open),
        ];
        // E is open from July and linked to the quarter ending in September.
        let periods = BTreeMap::from([(5, vec!["2026/27 Q2".to_string()])]);
        let q = Queue {
            exceptions: &exceptions,
            periods: &periods,
        };
        let listed = |m: &MeetingRecord| -> Vec<(i64, bool)> {
            q.agenda(m, &meetings)
                .iter()
                .map(|i| (i.record.id, i.carried_forward))
                .collect()
        };
        assert_eq!(
            listed(&meetings[1]),
            [(3, false), (4, false), (5, false), (1, true)]
        );
        assert_eq!(listed(&meetings[0]), [(1, false), (2, false)]);
        // The Management Board takes only what was escalated to it.
        assert!(listed(&meetings[2]).is_empty());
        let today = "2026-10-01".parse().unwrap();
        assert_eq!(next_meeting(&meetings, "PPG", today).map(|m| m.id), Some(2));
        let later = "2027-01-01".parse().unwrap();
        assert_eq!(next_meeting(&meetings, "PPG", later).map(|m| m.id), Some(2));
    }

    #[test]
    fn a_request_sits_on_its_boards_next_agenda_and_is_carried_until_closed() {
        let meetings = [
            meeting(1, "OSP", "2026-10-05", "2026/27 Q1"),
            meeting(2, "OSP", "2026-11-09", "2026/27 Q2"),
            meeting(3, "OSP", "2026-12-14", "2026/27 Q2"),
            meeting(4, "PPG", "2026-10-22", "2026-10"),
        ];
        let request = |id, status| ExceptionRecord {
            kind: ExceptionKind::Request,
            board: "OSP".into(),
            raised_at: "2026-10-20T10:00:00.000Z".into(),
            ..exception(id, "2026-10", "WR1", status)
        };
        let exceptions = [
            request(1, ExceptionStatus::Open),
            request(2, ExceptionStatus::Closed),
        ];
        let periods = BTreeMap::new();
        let q = Queue {
            exceptions: &exceptions,
            periods: &periods,
        };
        let listed = |m: &MeetingRecord| -> Vec<(i64, bool)> {
            q.agenda(m, &meetings)
                .iter()
                .map(|i| (i.record.id, i.carried_forward))
                .collect()
        };
        // Not on the meeting before it was asked, nor on PPG's though raised in its month.
        assert!(listed(&meetings[0]).is_empty());
        assert!(listed(&meetings[3]).is_empty());
        assert_eq!(listed(&meetings[1]), [(1, false), (2, false)]);
        // The open one is carried forward; the closed one is not.
        assert_eq!(listed(&meetings[2]), [(1, true)]);
    }
}
