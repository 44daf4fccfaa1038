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
    #[serde(
        serialize_with = "crate::domain::kept::as_words",
        deserialize_with = "typed_or_frozen"
    )]
    pub rule: EiaRule,
}

/// Why an EIA has its status, with the dates its words name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum EiaRule {
    /// Completed on `on`, after its due date `late_for` where it was late.
    Completed {
        on: NaiveDate,
        late_for: Option<NaiveDate>,
    },
    /// Not completed by its due date.
    Overdue(NaiveDate),
    /// Not completed, and not yet due.
    Due(NaiveDate),
    /// Words frozen by a sign-off made before pmdb kept the rule typed, as they were.
    Frozen(String),
}

impl std::fmt::Display for EiaRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EiaRule::Completed {
                on,
                late_for: Some(due),
            } => write!(f, "completed {} (due {})", Iso(*on), Iso(*due)),
            EiaRule::Completed { on, late_for: None } => write!(f, "completed {}", Iso(*on)),
            EiaRule::Overdue(due) => write!(f, "overdue since {}", Iso(*due)),
            EiaRule::Due(due) => write!(f, "due {}", Iso(*due)),
            EiaRule::Frozen(words) => f.write_str(words),
        }
    }
}

fn typed_or_frozen<'de, D: serde::Deserializer<'de>>(d: D) -> Result<EiaRule, D::Error> {
    crate::domain::kept::typed_or_words(d, EiaRule::Frozen)
}

pub fn judge(eia: &Eia, end: NaiveDate) -> EiaJudgement {
    let done = eia.completed.filter(|c| *c <= end);
    let (status, rag, rule) = match done {
        Some(on) => (
            EiaStatus::Completed,
            DeliveryRag::Completed,
            EiaRule::Completed {
                on,
                late_for: (on > eia.due).then_some(eia.due),
            },
        ),
        None if passed_by(eia.due, end) => (
            EiaStatus::Overdue,
            DeliveryRag::Red,
            EiaRule::Overdue(eia.due),
        ),
        None => (EiaStatus::Open, DeliveryRag::Green, EiaRule::Due(eia.due)),
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
            assert_eq!(
                (j.status, j.rule.to_string().as_str()),
                (status, rule),
                "at {end}"
            );
            assert_eq!(j.overdue, status == EiaStatus::Overdue);
        }
        let on_time = Eia {
            due: d("2025-09-30"),
            completed: Some(d("2025-09-01")),
        };
        assert_eq!(
            judge(&on_time, d("2025-09-30")).rule.to_string(),
            "completed 2025-09-01"
        );
    }

    #[test]
    fn sign_off_keeps_the_rule_typed_and_reads_old_words_as_they_were() {
        let eia = Eia {
            due: d("2025-09-30"),
            completed: Some(d("2025-11-04")),
        };
        let j = judge(&eia, d("2025-11-30"));
        let kept = crate::domain::kept::with_typed_rule(&j, &j.rule).unwrap();
        assert!(!kept.contains("completed 2025-11-04"), "{kept}");
        assert_eq!(serde_json::from_str::<EiaJudgement>(&kept).unwrap(), j);
        // As written out, and as a pmdb that kept the words froze it.
        let shown = serde_json::to_string(&j).unwrap();
        assert!(shown.contains(r#""rule":"completed 2025-11-04 (due 2025-09-30)""#));
        let old: EiaJudgement = serde_json::from_str(&shown).unwrap();
        assert_eq!(
            old.rule,
            EiaRule::Frozen("completed 2025-11-04 (due 2025-09-30)".into())
        );
    }
}
