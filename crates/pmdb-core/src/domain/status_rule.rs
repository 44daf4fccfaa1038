//! Why a status is what it is: which branch of the rules decided it, with the figures,
//! periods and dates its words name. A judgement and an assessment keep it typed; it is
//! written in words (`Display`) only where it is shown, so a report that asks which RAG
//! rule judged a figure (the status key) asks the rule, never its words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadline::fmt_date;
use super::direction::Span;
use super::indicator::Polarity;
use super::number::fmt_decimals;
use super::period::{Month, Period};
use super::rag::RagRule;

/// The branch of the rules that decided a status. Its own serde form is typed (what
/// sign-off keeps); where an assessment is written out for people or scripts it is its
/// words (`kept::as_words`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StatusRule {
    /// A measure of polarity none: it carries no status.
    DataOnly,
    /// No target applies to the period.
    NoTarget,
    /// The intervention rule, for a target with no intervention level: green or amber.
    TargetOnly {
        target: f64,
        decimals: u8,
        polarity: Polarity,
    },
    /// The intervention rule: green at the target, amber down to the intervention level.
    Intervention {
        target: f64,
        level: f64,
        decimals: u8,
        polarity: Polarity,
    },
    /// The tolerance rule: green within `green`% of the target, amber within `amber`%.
    Tolerance {
        green: f64,
        amber: f64,
        target: f64,
        decimals: u8,
        polarity: Polarity,
    },
    /// An ended period with these parts never recorded.
    Missing(Vec<Period>),
    /// A contextual measure: direction only.
    Contextual,
    /// A period before collection starts (the start, where one is set).
    NotCollectedBefore(Option<Month>),
    /// No value, and the deadline (this day) has passed.
    NoValueByDeadline(NaiveDate),
    /// No value yet, and the deadline is this day.
    NotYetDue(NaiveDate),
    /// The rule that decided the status, where the period's direction was not judged
    /// because it is unlike the one it would be compared with.
    NotComparable { rule: Box<StatusRule>, why: Unlike },
    /// The rule that judged the figure, against a target not yet approved (a year rolled
    /// forward, or a target proposed): said, so no one takes it for the agreed one.
    Unagreed {
        rule: Box<StatusRule>,
        state: super::target_state::TargetState,
    },
    /// The words of a status frozen by a sign-off made before pmdb kept its rules typed,
    /// shown as they were, with the RAG rule they name (read once, from the wording pmdb
    /// wrote then, which no change to today's wording touches).
    Frozen {
        words: String,
        judged_by: Option<RagRule>,
    },
}

/// Why a period's direction was not judged: `period` (this one or the one before) had
/// `collected` of its `expected` parts recorded, where the other had a different number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unlike {
    pub period: Period,
    pub collected: usize,
    pub expected: usize,
    pub span: Span,
}

impl std::fmt::Display for Unlike {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} collected {} of {} {}",
            self.period,
            self.collected,
            self.expected,
            self.span.many()
        )
    }
}

impl StatusRule {
    /// The RAG rule that judged the figure against its target, where one did: what the
    /// status key lists as the rules in force.
    pub fn judged_by(&self) -> Option<RagRule> {
        match self {
            StatusRule::TargetOnly { .. } | StatusRule::Intervention { .. } => {
                Some(RagRule::Intervention)
            }
            StatusRule::Tolerance { green, amber, .. } => Some(RagRule::Tolerance {
                green: *green,
                amber: *amber,
            }),
            StatusRule::NotComparable { rule, .. } | StatusRule::Unagreed { rule, .. } => {
                rule.judged_by()
            }
            StatusRule::Frozen { judged_by, .. } => *judged_by,
            StatusRule::DataOnly
            | StatusRule::NoTarget
            | StatusRule::Missing(_)
            | StatusRule::Contextual
            | StatusRule::NotCollectedBefore(_)
            | StatusRule::NoValueByDeadline(_)
            | StatusRule::NotYetDue(_) => None,
        }
    }
}

/// "≥"/"below" where higher is better, "≤"/"above" where lower is; and which is better.
fn sides(polarity: Polarity) -> (&'static str, &'static str, &'static str) {
    match polarity {
        Polarity::Lower => ("≤", "above", "lower"),
        Polarity::Higher | Polarity::None => ("≥", "below", "higher"),
    }
}

impl std::fmt::Display for StatusRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatusRule::DataOnly => f.write_str("data only: no target"),
            StatusRule::NoTarget => f.write_str("no target set"),
            StatusRule::TargetOnly {
                target,
                decimals,
                polarity,
            } => {
                let (ge, lt, _) = sides(*polarity);
                write!(
                    f,
                    "green {ge} {}; amber {lt} (no intervention level set)",
                    fmt_decimals(*target, *decimals)
                )
            }
            StatusRule::Intervention {
                target,
                level,
                decimals,
                polarity,
            } => {
                let (ge, lt, _) = sides(*polarity);
                write!(
                    f,
                    "green {ge} {}; amber {ge} {} (intervention level); red {lt}",
                    fmt_decimals(*target, *decimals),
                    fmt_decimals(*level, *decimals)
                )
            }
            StatusRule::Tolerance {
                green,
                amber,
                target,
                decimals,
                polarity,
            } => {
                let (_, _, side) = sides(*polarity);
                write!(
                    f,
                    "tolerance: green within {green}% of target {}, amber within {amber}%, red beyond ({side} is better)",
                    fmt_decimals(*target, *decimals)
                )
            }
            StatusRule::Missing(parts) => write!(f, "missing: {} not recorded", listed(parts)),
            StatusRule::Contextual => f.write_str("contextual measure: direction only, no target"),
            StatusRule::NotCollectedBefore(from) => write!(
                f,
                "not collected before {}",
                from.map(collection_start).unwrap_or_default()
            ),
            StatusRule::NoValueByDeadline(due) => {
                write!(f, "no value by the deadline {}", fmt_date(*due))
            }
            StatusRule::NotYetDue(due) => write!(f, "not yet due (deadline {})", fmt_date(*due)),
            StatusRule::NotComparable { rule, why } => {
                write!(f, "{rule} – not comparable: {why}")
            }
            StatusRule::Unagreed { rule, state } => {
                write!(f, "{rule} (against a {state} target, not yet approved)")
            }
            StatusRule::Frozen { words, .. } => f.write_str(words),
        }
    }
}

/// "July 2026" (or "July 2026 and August 2026"): the parts of a period never recorded.
fn listed(parts: &[Period]) -> String {
    let names: Vec<String> = parts
        .iter()
        .map(|p| match p {
            Period::Month(m) => NaiveDate::from_ymd_opt(m.year, m.month, 1)
                .map(|d| d.format("%B %Y").to_string())
                .unwrap_or_else(|| m.to_string()),
            other => other.to_string(),
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where collection starts, as the rule names it: the financial year when it starts with
/// one (2024/25), else the month (2024-06).
fn collection_start(from: Month) -> String {
    if from == from.fin_year().first_month() {
        from.fin_year().to_string()
    } else {
        from.to_string()
    }
}

/// For `#[serde(deserialize_with)]`: a rule as sign-off keeps it, typed, or the words a
/// sign-off made before pmdb kept rules typed froze.
pub fn typed_or_frozen<'de, D: serde::Deserializer<'de>>(d: D) -> Result<StatusRule, D::Error> {
    super::kept::typed_or_words(d, |words| StatusRule::Frozen {
        judged_by: named_in(&words),
        words,
    })
}

/// The RAG rule named in a status's words as pmdb wrote them before it kept rules typed
/// ("tolerance: green within 1% of target 90, amber within 2%, …", or "green ≥ 90; amber
/// ≥ 85 (intervention level); …"); none for a figure with no target. Only frozen words are
/// read so, and theirs is the wording of then.
fn named_in(words: &str) -> Option<RagRule> {
    if let Some(rest) = words.strip_prefix("tolerance: green within ") {
        let green = rest.split('%').next()?.parse().ok()?;
        let amber = rest
            .split("amber within ")
            .nth(1)?
            .split('%')
            .next()?
            .parse()
            .ok()?;
        return Some(RagRule::Tolerance { green, amber });
    }
    words.contains("amber").then_some(RagRule::Intervention)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Every rule, in words, and the RAG rule the status key lists it under.
    fn every_rule() -> Vec<(StatusRule, &'static str, Option<RagRule>)> {
        let intervention = StatusRule::Intervention {
            target: 95.0,
            level: 90.0,
            decimals: 1,
            polarity: Polarity::Higher,
        };
        vec![
            (StatusRule::DataOnly, "data only: no target", None),
            (StatusRule::NoTarget, "no target set", None),
            (
                StatusRule::TargetOnly {
                    target: 95.0,
                    decimals: 0,
                    polarity: Polarity::Higher,
                },
                "green ≥ 95; amber below (no intervention level set)",
                Some(RagRule::Intervention),
            ),
            (
                intervention.clone(),
                "green ≥ 95.0; amber ≥ 90.0 (intervention level); red below",
                Some(RagRule::Intervention),
            ),
            (
                StatusRule::Intervention {
                    target: 20.0,
                    level: 25.0,
                    decimals: 0,
                    polarity: Polarity::Lower,
                },
                "green ≤ 20; amber ≤ 25 (intervention level); red above",
                Some(RagRule::Intervention),
            ),
            (
                StatusRule::Tolerance {
                    green: 2.5,
                    amber: 7.5,
                    target: 400.0,
                    decimals: 0,
                    polarity: Polarity::Lower,
                },
                "tolerance: green within 2.5% of target 400, amber within 7.5%, red beyond (lower is better)",
                Some(RagRule::Tolerance {
                    green: 2.5,
                    amber: 7.5,
                }),
            ),
            (
                StatusRule::Missing(vec![p("2026-07"), p("2026-08")]),
                "missing: July 2026 and August 2026 not recorded",
                None,
            ),
            (
                StatusRule::Contextual,
                "contextual measure: direction only, no target",
                None,
            ),
            (
                StatusRule::NotCollectedBefore(Some(Month {
                    year: 2024,
                    month: 4,
                })),
                "not collected before 2024/25",
                None,
            ),
            (
                StatusRule::NotCollectedBefore(Some(Month {
                    year: 2024,
                    month: 6,
                })),
                "not collected before 2024-06",
                None,
            ),
            (
                StatusRule::NoValueByDeadline(day("2024-06-15")),
                "no value by the deadline 15 Jun 2024",
                None,
            ),
            (
                StatusRule::NotYetDue(day("2024-06-15")),
                "not yet due (deadline 15 Jun 2024)",
                None,
            ),
            (
                StatusRule::NotComparable {
                    rule: Box::new(intervention),
                    why: Unlike {
                        period: p("2024/25 Q1"),
                        collected: 2,
                        expected: 3,
                        span: Span::Month,
                    },
                },
                "green ≥ 95.0; amber ≥ 90.0 (intervention level); red below – not comparable: 2024/25 Q1 collected 2 of 3 months",
                Some(RagRule::Intervention),
            ),
        ]
    }

    #[test]
    fn each_rule_is_written_in_its_words_and_names_the_rag_rule_that_judged() {
        for (rule, words, judged_by) in every_rule() {
            assert_eq!(rule.to_string(), words);
            assert_eq!(rule.judged_by(), judged_by, "{words}");
        }
    }

    #[test]
    fn sign_off_keeps_the_rule_typed_and_reads_old_words_as_they_were() {
        for (rule, words, judged_by) in every_rule() {
            let kept = serde_json::to_string(&rule).unwrap();
            assert!(!kept.contains(words), "kept typed, not as words: {kept}");
            let mut read = serde_json::Deserializer::from_str(&kept);
            assert_eq!(typed_or_frozen(&mut read).unwrap(), rule);
            // The same status frozen in words by an earlier pmdb.
            let old = serde_json::to_string(words).unwrap();
            let mut read = serde_json::Deserializer::from_str(&old);
            let frozen = typed_or_frozen(&mut read).unwrap();
            assert_eq!(frozen.to_string(), words);
            assert_eq!(frozen.judged_by(), judged_by, "{words}");
        }
    }
}
