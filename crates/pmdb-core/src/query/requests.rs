//! The boards' requests a report of a period lists: those recorded in the period (its own
//! month, or the months inside its quarter or year), and for a signed-off period only those
//! recorded by its sign-off, each with its board, subject, text, owner, due date and where
//! it stands (for a signed-off period, where it stood at the sign-off, so the signed-off
//! report stays as it was when a request is answered later). A report with none says
//! nothing of them.

use std::fmt::Write;

use super::markdown_text::md;
use crate::domain::period::Period;
use crate::domain::workflow::{ExceptionKind, ExceptionStatus};
use crate::store::{Dataset, ExceptionFilter, ExceptionRecord, HistoryEntry, Store};

/// The requests among `all` (in the order recorded) that a report of `period` lists;
/// `signed_at` is the instant of the period's sign-off, if it is signed off.
pub fn listed_requests(
    all: Vec<ExceptionRecord>,
    period: Period,
    signed_at: Option<&str>,
) -> Vec<ExceptionRecord> {
    let requests = all
        .into_iter()
        .filter(|e| e.kind == ExceptionKind::Request)
        .collect();
    super::signoff::raised_for_report(requests, period, signed_at)
}

/// Where a request stood at `at`: the status its history last gave it by then (open, as
/// raised, when no change came before). `history` is in the order recorded.
pub fn status_at(history: &[HistoryEntry], at: &str) -> ExceptionStatus {
    history
        .iter()
        .filter(|h| h.field == "status" && h.at.as_str() <= at)
        .filter_map(|h| h.new.parse().ok())
        .next_back()
        .unwrap_or(ExceptionStatus::Open)
}

/// The requests a report of `period` lists: as the store holds them now, or, for a
/// signed-off period, each with the status it had at the sign-off.
pub fn load(
    store: &Store,
    ds: &Dataset,
    period: Period,
) -> crate::store::Result<Vec<ExceptionRecord>> {
    let all = store.exceptions(&ExceptionFilter {
        kind: Some(ExceptionKind::Request),
        ..ExceptionFilter::default()
    })?;
    let signed_at = super::signoff::signed_at(ds, period);
    let mut listed = listed_requests(all, period, signed_at);
    if let Some(at) = signed_at {
        for r in &mut listed {
            r.status = status_at(&store.exception_history(r.id)?, at);
        }
    }
    Ok(listed)
}

/// The subject as a report names it: its code and title.
pub fn subject_words(ds: &Dataset, code: &str) -> String {
    match ds.subject_title(code) {
        Some(t) => format!("{code} {t}"),
        None => code.to_string(),
    }
}

/// The Markdown report's "Requests from the boards" section; empty when there are none.
pub fn markdown(ds: &Dataset, period: Period, requests: &[ExceptionRecord]) -> String {
    let mut out = String::new();
    if requests.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n## Requests from the boards\n");
    let _ = writeln!(
        out,
        "Requests for information or further work, and recommendations, made by the boards in {period}.\n"
    );
    let _ = writeln!(
        out,
        "| Board | Subject | Request | Owner | Due | Status |\n|---|---|---|---|---|---|"
    );
    for e in requests {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(&ds.board_title(&e.board)),
            md(&subject_words(ds, &e.subject)),
            md(&e.figures),
            md(&e.owner),
            md(e.escalation_due.as_deref().unwrap_or("not set")),
            e.status
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workflow::ExceptionStatus;

    fn rec(id: i64, kind: ExceptionKind, period: &str, raised_at: &str) -> ExceptionRecord {
        ExceptionRecord {
            id,
            kind,
            period: period.into(),
            subject: "WR1".into(),
            service: String::new(),
            owner: "alee".into(),
            figures: "Explain the fall".into(),
            commentary: String::new(),
            meeting: None,
            status: ExceptionStatus::Open,
            proposal: String::new(),
            decision: String::new(),
            board_member: String::new(),
            escalation_due: Some("2024-08-31".into()),
            board: "OSP".into(),
            outcome: String::new(),
            raised_by: "perf".into(),
            raised_at: raised_at.into(),
            closed_at: None,
            version: 1,
        }
    }

    #[test]
    fn a_request_stands_as_its_history_had_it_at_the_sign_off() {
        let entry = |at: &str, field: &str, new: &str| HistoryEntry {
            at: at.into(),
            by: "perf".into(),
            field: field.into(),
            old: String::new(),
            new: new.into(),
        };
        let history = [
            entry("2026-10-02T09:00:00.000Z", "raised", "OSP asks: why?"),
            entry("2026-10-20T09:00:00.000Z", "status", "proposed"),
            entry("2026-10-21T09:00:00.000Z", "note", "answered in part"),
            entry("2026-11-20T09:00:00.000Z", "status", "closed"),
        ];
        assert_eq!(
            status_at(&history, "2026-11-11T10:00:00.000Z"),
            ExceptionStatus::Proposed
        );
        assert_eq!(
            status_at(&history, "2026-12-01T10:00:00.000Z"),
            ExceptionStatus::Closed
        );
        assert_eq!(
            status_at(&history, "2026-10-03T10:00:00.000Z"),
            ExceptionStatus::Open
        );
    }

    #[test]
    fn a_quarter_lists_the_requests_of_its_months_recorded_by_its_sign_off() {
        let all = vec![
            rec(
                1,
                ExceptionKind::Request,
                "2024-05",
                "2024-05-10T10:00:00.000Z",
            ),
            rec(2, ExceptionKind::Red, "2024-05", "2024-05-10T10:00:00.000Z"),
            rec(
                3,
                ExceptionKind::Request,
                "2024-07",
                "2024-07-10T10:00:00.000Z",
            ),
            rec(
                4,
                ExceptionKind::Request,
                "2024-06",
                "2024-06-30T10:00:00.000Z",
            ),
        ];
        let q1: Period = "2024/25 Q1".parse().unwrap();
        let ids = |v: Vec<ExceptionRecord>| v.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(listed_requests(all.clone(), q1, None)), [1, 4]);
        assert_eq!(
            ids(listed_requests(all, q1, Some("2024-06-01T00:00:00.000Z"))),
            [1]
        );
    }
}
