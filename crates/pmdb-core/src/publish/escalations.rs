//! Which exceptions escalated to Management Board a report of a period lists, when its
//! sign-off froze none (the period is not signed off, or was signed off before pmdb froze
//! them at sign-off, schema version 8): those of the period and of the months and quarters
//! inside it, and for a signed-off period only those raised by its sign-off. An escalation
//! raised later belongs to a later report; the page signed off must not grow one. (What
//! sign-off freezes follows the same rule, `domain::report_scope::report_lists`.)

use crate::domain::period::Period;
use crate::store::ExceptionRecord;

/// The escalated exceptions (`escalated`, every one the store holds, in the order raised)
/// that a report of `period` lists; `signed_at` is the instant of the period's sign-off, if
/// it is signed off (instants compare as stored, in UTC).
pub fn listed_escalations(
    escalated: Vec<ExceptionRecord>,
    period: Period,
    signed_at: Option<&str>,
) -> Vec<ExceptionRecord> {
    crate::query::signoff::raised_for_report(escalated, period, signed_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workflow::{ExceptionKind, ExceptionStatus};

    fn escalated(id: i64, period: &str, raised_at: &str) -> ExceptionRecord {
        ExceptionRecord {
            id,
            kind: ExceptionKind::Red,
            period: period.into(),
            subject: "BN1".into(),
            service: "ENV".into(),
            owner: "jpatel".into(),
            figures: String::new(),
            commentary: String::new(),
            meeting: None,
            status: ExceptionStatus::Escalated,
            proposal: String::new(),
            decision: String::new(),
            board_member: String::new(),
            board: "MB".into(),
            outcome: String::new(),
            escalation_due: None,
            raised_by: "jpatel".into(),
            raised_at: raised_at.into(),
            closed_at: None,
            version: 1,
        }
    }

    fn ids(listed: &[ExceptionRecord]) -> Vec<i64> {
        listed.iter().map(|e| e.id).collect()
    }

    #[test]
    fn a_quarters_report_lists_its_own_and_its_months_escalations() {
        let all = vec![
            escalated(1, "2026/27 Q2", "2026-10-20T09:00:00.000Z"),
            escalated(2, "2026-08", "2026-09-20T09:00:00.000Z"),
            escalated(3, "2026-10", "2026-11-20T09:00:00.000Z"),
            escalated(4, "2026/27 Q1", "2026-07-20T09:00:00.000Z"),
            escalated(5, "not a period", "2026-10-20T09:00:00.000Z"),
        ];
        let q2: Period = "2026/27 Q2".parse().unwrap();
        assert_eq!(ids(&listed_escalations(all.clone(), q2, None)), [1, 2]);
        let year: Period = "2026/27".parse().unwrap();
        assert_eq!(ids(&listed_escalations(all, year, None)), [1, 2, 3, 4]);
    }

    #[test]
    fn a_signed_off_report_lists_only_the_escalations_raised_by_its_sign_off() {
        let all = vec![
            escalated(1, "2026-07", "2026-10-20T09:00:00.000Z"),
            escalated(2, "2026-08", "2026-11-11T10:00:00.000Z"),
            escalated(3, "2026-09", "2026-11-11T10:00:01.000Z"),
            escalated(4, "2026/27 Q2", "2026-11-23T16:30:00.000Z"),
        ];
        let q2: Period = "2026/27 Q2".parse().unwrap();
        assert_eq!(
            ids(&listed_escalations(
                all,
                q2,
                Some("2026-11-11T10:00:00.000Z")
            )),
            [1, 2]
        );
    }
}
