//! `pmdb exceptions show ID`: one exception with its figures then and now and its history,
//! and the words each entry of the history is shown in (the command line, the interface's
//! record pane and the projector say them alike).

use serde::Serialize;

use super::exceptions::FiguresNow;
use crate::domain::assess::Context;
use crate::domain::workflow::{ExceptionKind, ExceptionStatus};
use crate::store::{Dataset, ExceptionRecord, HistoryEntry};

/// An exception as `exceptions show --json` gives it: PPG's `decision` and the board's own
/// `outcome` apart. An exception on several periods' agendas is still to come: until then
/// `periods` holds its one period and `meetings` the meeting it was raised for, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionShown {
    pub id: i64,
    pub kind: ExceptionKind,
    pub period: String,
    pub periods: Vec<String>,
    pub subject: String,
    pub status: ExceptionStatus,
    pub figures: String,
    pub figures_now: String,
    pub changed: bool,
    pub proposal: String,
    pub decision: String,
    pub board: String,
    pub outcome: String,
    pub board_member: String,
    pub escalation_due: Option<String>,
    pub meetings: Vec<i64>,
    pub history: Vec<HistoryEntry>,
}

pub fn shown(
    ds: &Dataset,
    record: ExceptionRecord,
    history: Vec<HistoryEntry>,
    ctx: Context,
) -> ExceptionShown {
    let figures_now = FiguresNow::new(ds, ctx).of(&record);
    let changed = figures_now != record.figures;
    ExceptionShown {
        id: record.id,
        kind: record.kind,
        periods: vec![record.period.clone()],
        period: record.period,
        subject: record.subject,
        status: record.status,
        changed,
        figures_now,
        figures: record.figures,
        proposal: record.proposal,
        decision: record.decision,
        outcome: record.outcome,
        board: record.board,
        board_member: record.board_member,
        escalation_due: record.escalation_due,
        meetings: record.meeting.into_iter().collect(),
        history,
    }
}

/// What a field of the history is called where people read it.
pub fn field_label(field: &str) -> &str {
    match field {
        "decision" => "PPG decision",
        "board_member" => "Board member",
        "outcome" => "board's outcome",
        "escalation_due" => "due",
        "closed_at" => "closed",
        other => other,
    }
}

/// One entry's change in words, without who and when: "status: open → proposed",
/// "raised: 2024-06 43.0 against …", "note: …". `person` writes a login as people know
/// it, `when` a stored time stamp; text is put on one line, nothing unsafe in it.
pub fn change_words(
    entry: &HistoryEntry,
    person: impl Fn(&str) -> String,
    when: impl Fn(&str) -> String,
) -> String {
    let value = |v: &str| -> String {
        if v.trim().is_empty() {
            return "—".into();
        }
        let shown = match entry.field.as_str() {
            "board_member" => person(v),
            "closed_at" => when(v),
            _ => v.replace(['\r', '\n'], " "),
        };
        crate::safe_text::line(&shown).into_owned()
    };
    let label = crate::safe_text::line(field_label(&entry.field)).into_owned();
    match entry.field.as_str() {
        "raised" | "note" => format!("{label}: {}", value(&entry.new)),
        _ => format!("{label}: {} → {}", value(&entry.old), value(&entry.new)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(field: &str, old: &str, new: &str) -> HistoryEntry {
        HistoryEntry {
            at: "2026-07-08T01:40:07.884Z".into(),
            by: "bharper".into(),
            field: field.into(),
            old: old.into(),
            new: new.into(),
        }
    }

    #[test]
    fn each_change_is_said_in_words() {
        let person = |l: &str| format!("Kate Morgan ({l})");
        let when = |s: &str| format!("<{s}>");
        assert_eq!(
            change_words(&entry("status", "open", "proposed"), person, when),
            "status: open → proposed"
        );
        assert_eq!(
            change_words(
                &entry("decision", "PPG: refer to MB", "MB: agency cover"),
                person,
                when
            ),
            "PPG decision: PPG: refer to MB → MB: agency cover"
        );
        assert_eq!(
            change_words(&entry("board_member", "", "kmorgan"), person, when),
            "Board member: — → Kate Morgan (kmorgan)"
        );
        assert_eq!(
            change_words(&entry("note", "", "Two\nlines"), person, when),
            "note: Two lines"
        );
        // Hostile text never reaches a terminal raw, a name included.
        let hostile = change_words(
            &entry("board_member", "", "x"),
            |_: &str| "Kate\u{1b}[2J".to_string(),
            when,
        );
        assert!(!hostile.contains('\u{1b}'), "{hostile}");
        assert!(!change_words(&entry("note", "", "a\u{7}b"), person, when).contains('\u{7}'));
        assert_eq!(
            change_words(&entry("raised", "", "2024-06 43.0"), person, when),
            "raised: 2024-06 43.0"
        );
        assert_eq!(
            change_words(
                &entry("closed_at", "", "2026-07-08T01:40:07.884Z"),
                person,
                when
            ),
            "closed: — → <2026-07-08T01:40:07.884Z>"
        );
    }
}
