//! An equality impact assessment at the end of a period: completed by then, overdue (not
//! completed by its due date), or still open.

use chrono::NaiveDate;

use super::{DeliveryRag, Iso, passed_by};
use crate::domain::indicator::words;

words!(
    /// Where an EIA stands at a period's end.
    EiaStatus, "EIA status" {
        Open = "open",
        Overdue = "overdue",
        Completed = "completed",
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct Eia {
    pub due: NaiveDate,
    pub completed: Option<NaiveDate>,
}

/// An EIA at a period's end; what sign-off freezes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EiaJudgement {
    pub status: EiaStatus,
    pub rag: DeliveryRag,
    pub overdue: bool,
    pub rule: String,
}

pub fn judge(eia: &Eia, end: NaiveDate) -> EiaJudgement {
    let done = eia.completed.filter(|c| *c <= end);
    let (status, rag, rule) = match done {
        Some(c) if c > eia.due => (
            EiaStatus::Completed,
            DeliveryRag::Completed,
            format!("completed {} (due {})", Iso(c), Iso(eia.due)),
        ),
        Some(c) => (
            EiaStatus::Completed,
            DeliveryRag::Completed,
            format!("completed {}", Iso(c)),
        ),
        None if passed_by(eia.due, end) => (
            EiaStatus::Overdue,
            DeliveryRag::Red,
            format!("overdue since {}", Iso(eia.due)),
        ),
        None => (
            EiaStatus::Open,
            DeliveryRag::Green,
            format!("due {}", Iso(eia.due)),
        ),
    };
    EiaJudgement {
        status,
        rag,
        overdue: status == EiaStatus::Overdue,
        rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_eia_at_a_periods_end() {
        let eia = Eia {
            due: d("2025-09-30"),
            completed: Some(d("2025-11-04")),
        };
        let cases = [
            ("2025-08-31", EiaStatus::Open, "due 2025-09-30"),
            ("2025-09-30", EiaStatus::Open, "due 2025-09-30"),
            ("2025-10-31", EiaStatus::Overdue, "overdue since 2025-09-30"),
            (
                "2025-11-30",
                EiaStatus::Completed,
                "completed 2025-11-04 (due 2025-09-30)",
            ),
        ];
        for (end, status, rule) in cases {
            let j = judge(&eia, d(end));
            assert_eq!((j.status, j.rule.as_str()), (status, rule), "at {end}");
            assert_eq!(j.overdue, status == EiaStatus::Overdue);
        }
        let on_time = Eia {
            due: d("2025-09-30"),
            completed: Some(d("2025-09-01")),
        };
        assert_eq!(
            judge(&on_time, d("2025-09-30")).rule,
            "completed 2025-09-01"
        );
    }
}
