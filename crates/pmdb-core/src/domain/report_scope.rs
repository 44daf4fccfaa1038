//! Which raised records (escalations, the boards' requests) a report of a period lists:
//! those raised for the period and for the months and quarters inside it, and for a
//! signed-off period only those raised by its sign-off, so the page signed off never grows
//! one. The reports and what sign-off freezes ask this one rule.

use super::period::Period;

/// Whether a report of `report`, signed off at `signed_at` (an instant as stored, in UTC)
/// if it is, lists a record raised for `raised_for` (a period as stored) at `raised_at`.
pub fn report_lists(
    report: Period,
    signed_at: Option<&str>,
    raised_for: &str,
    raised_at: &str,
) -> bool {
    raised_for.parse::<Period>().is_ok_and(|p| report.covers(p))
        && signed_at.is_none_or(|at| raised_at <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_lists_its_own_and_its_months_and_nothing_raised_after_its_sign_off() {
        let q2: Period = "2026/27 Q2".parse().unwrap();
        let at = "2026-10-20T09:00:00.000Z";
        assert!(report_lists(q2, None, "2026/27 Q2", at));
        assert!(report_lists(q2, None, "2026-08", at));
        assert!(!report_lists(q2, None, "2026-10", at), "October is Q3's");
        assert!(!report_lists(q2, None, "not a period", at));
        let signed = Some("2026-11-11T10:00:00.000Z");
        assert!(report_lists(
            q2,
            signed,
            "2026-09",
            "2026-11-11T10:00:00.000Z"
        ));
        assert!(!report_lists(
            q2,
            signed,
            "2026-09",
            "2026-11-11T10:00:00.001Z"
        ));
    }
}
