//! The boards' requests a report of a period lists: those recorded in the period (its own
//! month, or the months inside its quarter or year), and for a signed-off period only those
//! recorded by its sign-off, each with its board, subject, text, owner, due date and where
//! it stands. A report with none says nothing of them.

use std::fmt::Write;

use super::markdown_text::md;
use crate::domain::period::Period;
use crate::domain::workflow::ExceptionKind;
use crate::store::{Dataset, ExceptionFilter, ExceptionRecord, Store};

/// The requests among `all` (in the order recorded) that a report of `period` lists;
/// `signed_at` is the instant of the period's sign-off, if it is signed off.
pub fn listed_requests(
    all: Vec<ExceptionRecord>,
    period: Period,
    signed_at: Option<&str>,
) -> Vec<ExceptionRecord> {
    all.into_iter()
        .filter(|e| e.kind == ExceptionKind::Request)
        .filter(|e| e.period.parse::<Period>().is_ok_and(|p| period.covers(p)))
        .filter(|e| signed_at.is_none_or(|at| e.raised_at.as_str() <= at))
        .collect()
}

/// The requests a report of `period` lists, as the store holds them now.
pub fn load(
    store: &Store,
    ds: &Dataset,
    period: Period,
) -> crate::store::Result<Vec<ExceptionRecord>> {
    let all = store.exceptions(&ExceptionFilter {
        kind: Some(ExceptionKind::Request),
        ..ExceptionFilter::default()
    })?;
    Ok(listed_requests(
        all,
        period,
        super::signoff::signed_at(ds, period),
    ))
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
