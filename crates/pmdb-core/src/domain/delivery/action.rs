//! An action's status for a period. The owner's latest update on or before the period's
//! end gives it; an open action whose due date (or its later agreed revised date) passed
//! before the period's end is off track, "overdue since DATE", whatever the update says;
//! an open action owes an update for each period of its frequency, and once that update's
//! deadline has passed without it the action is missing for the period ("update missing
//! for 2026-08; last: on track (2026-07)"), counted as missing wherever it is counted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::update_rule::{FromUpdate, NoUpdateRule, Spoken, UpdateMissing};
use super::{Calendar, DeliveryRag, Iso, Owed, UpdateFrequency, latest_by, no_update, passed_by};
use crate::domain::indicator::words;
use crate::domain::period::Period;

words!(
    /// What an update says of an action.
    ActionStatus, "action status" {
        NotStarted = "not_started",
        OnTrack = "on_track",
        AtRisk = "at_risk",
        OffTrack = "off_track",
        Completed = "completed",
        Deferred = "deferred",
        Cancelled = "cancelled",
    }
);

words!(
    /// Corporate, portfolio or team action.
    ActionKind, "action kind" {
        Corporate = "corporate",
        Portfolio = "portfolio",
        Team = "team",
    }
);

impl ActionStatus {
    /// Open: still to be delivered, so it can be overdue and owes updates.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            ActionStatus::Completed | ActionStatus::Deferred | ActionStatus::Cancelled
        )
    }

    /// Whether an update with this status must say why (like a missed target).
    pub fn needs_commentary(self) -> bool {
        matches!(self, ActionStatus::AtRisk | ActionStatus::OffTrack)
    }
}

/// What the rules need of an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub start: Option<NaiveDate>,
    pub due: NaiveDate,
    pub frequency: UpdateFrequency,
}

/// One update by the owner, for the period it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionUpdate {
    pub period: Period,
    pub status: ActionStatus,
    pub progress: Option<u8>,
    /// The revised (forecast) date; the latest update's is the agreed one.
    pub forecast: Option<NaiveDate>,
    pub commentary: String,
}

/// The status an action has for a period: an update's word, or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    Status(ActionStatus),
    Missing,
}

impl ActionState {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionState::Status(s) => s.as_str(),
            ActionState::Missing => "missing",
        }
    }
}

impl std::str::FromStr for ActionState {
    type Err = crate::domain::indicator::WordError;

    fn from_str(s: &str) -> Result<ActionState, Self::Err> {
        match s {
            "missing" => Ok(ActionState::Missing),
            other => other.parse().map(ActionState::Status),
        }
    }
}

super::word_serde!(ActionState);

/// Why an action is an exception for a period, if it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionException {
    /// Off track by its update, or overdue.
    OffTrack,
    /// No update at all, or none for this period, by its deadline.
    MissingUpdate,
}

/// An action judged for a period; what sign-off freezes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionJudgement {
    pub status: ActionState,
    pub rag: DeliveryRag,
    /// The rule that gave the status ("overdue since 2026-03-31" in words).
    #[serde(
        serialize_with = "crate::domain::kept::as_words",
        deserialize_with = "typed_or_frozen"
    )]
    pub rule: ActionRule,
    /// The update owed for the period did not come by its deadline (status `missing`).
    pub update_missing: bool,
    /// The date it was due by, when overdue.
    pub overdue_since: Option<NaiveDate>,
    /// The update the status comes from (the latest on or before the period's end).
    pub latest: Option<ActionUpdate>,
}

impl ActionJudgement {
    /// The exception it owes the period: off track (overdue included) wins over a missing
    /// update; completed, deferred and cancelled actions owe none.
    pub fn exception(&self) -> Option<ActionException> {
        match self.status {
            ActionState::Status(ActionStatus::OffTrack) => Some(ActionException::OffTrack),
            ActionState::Missing => Some(ActionException::MissingUpdate),
            _ if self.update_missing => Some(ActionException::MissingUpdate),
            _ => None,
        }
    }
}

/// Why an action has its status, with the dates and periods its words name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ActionRule {
    /// Open past its due date (the revised date where one moved it later).
    Overdue(NaiveDate),
    NoUpdate(NoUpdateRule),
    UpdateMissing(UpdateMissing<ActionStatus>),
    FromUpdate(FromUpdate<ActionWord>),
    /// Words frozen by a sign-off made before pmdb kept the rule typed, as they were.
    Frozen(String),
}

/// What an action's update says, as its rule words it: its status, or, not started, the
/// day it was to start ("not started by 2026-04-01", or "not started; starts …" ahead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionWord {
    Status(Spoken<ActionStatus>),
    NotStartedBy(NaiveDate),
    NotStartedStarts(NaiveDate),
}

impl std::fmt::Display for ActionWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionWord::Status(s) => s.fmt(f),
            ActionWord::NotStartedBy(on) => write!(f, "not started by {}", Iso(*on)),
            ActionWord::NotStartedStarts(on) => write!(f, "not started; starts {}", Iso(*on)),
        }
    }
}

impl std::fmt::Display for ActionRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionRule::Overdue(due) => write!(f, "overdue since {}", Iso(*due)),
            ActionRule::NoUpdate(r) => r.fmt(f),
            ActionRule::UpdateMissing(r) => r.fmt(f),
            ActionRule::FromUpdate(r) => r.fmt(f),
            ActionRule::Frozen(words) => f.write_str(words),
        }
    }
}

fn typed_or_frozen<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ActionRule, D::Error> {
    crate::domain::kept::typed_or_words(d, ActionRule::Frozen)
}

/// The latest update that counts by the end of `period`: an update counts for the period
/// it names and every later one.
pub fn latest_update(updates: &[ActionUpdate], period: Period) -> Option<&ActionUpdate> {
    latest_by(updates, period, |u| u.period)
}

/// The action's status for `period`. `cal.today` only decides whether the owed update's
/// deadline has passed, so that an update still on time is not called missing; everything
/// else is judged at the period's end.
pub fn judge(
    action: &Action,
    updates: &[ActionUpdate],
    period: Period,
    cal: Calendar,
) -> ActionJudgement {
    let end = period.last_month().last_day();
    let owed = Owed::of(period, action.frequency, action.start, cal);
    let latest = latest_update(updates, period).cloned();
    let open = latest.as_ref().is_none_or(|u| u.status.is_open());
    // The agreed revised date moves the due date later, never earlier.
    let due = match latest.as_ref().and_then(|u| u.forecast) {
        Some(f) if f > action.due => f,
        _ => action.due,
    };
    let judged = |status, rag, rule, update_missing| ActionJudgement {
        status,
        rag,
        rule,
        update_missing,
        overdue_since: None,
        latest: latest.clone(),
    };

    // Overdue wins over the update's word and over a missing update.
    if open && passed_by(due, end) {
        return ActionJudgement {
            overdue_since: Some(due),
            ..judged(
                ActionState::Status(ActionStatus::OffTrack),
                DeliveryRag::Red,
                ActionRule::Overdue(due),
                false,
            )
        };
    }
    let Some(update) = latest.as_ref() else {
        let none = no_update(action.start, period, owed, cal.today);
        let status = if none.missing {
            ActionState::Missing
        } else {
            ActionState::Status(ActionStatus::NotStarted)
        };
        return judged(
            status,
            none.rag,
            ActionRule::NoUpdate(none.rule),
            none.missing,
        );
    };
    if update.status.is_open() && owed.missing(Some(update.period)) {
        let rule = ActionRule::UpdateMissing(owed.missing_after(update.status, update.period));
        return judged(ActionState::Missing, DeliveryRag::Missing, rule, true);
    }
    let word = ActionWord::Status(Spoken(update.status));
    let (rag, word) = match update.status {
        ActionStatus::OnTrack => (DeliveryRag::Green, word),
        ActionStatus::AtRisk => (DeliveryRag::Amber, word),
        ActionStatus::OffTrack => (DeliveryRag::Red, word),
        ActionStatus::Completed => (DeliveryRag::Completed, word),
        ActionStatus::Deferred | ActionStatus::Cancelled => (DeliveryRag::None, word),
        ActionStatus::NotStarted => match action.start {
            Some(start) if start <= end => (DeliveryRag::Amber, ActionWord::NotStartedBy(start)),
            Some(start) => (DeliveryRag::None, ActionWord::NotStartedStarts(start)),
            None => (DeliveryRag::None, word),
        },
    };
    let rule = ActionRule::FromUpdate(FromUpdate {
        word,
        period: update.period,
        due: update
            .status
            .is_open()
            .then(|| owed.due_note(Some(update.period), cal.today))
            .flatten(),
    });
    judged(ActionState::Status(update.status), rag, rule, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }
    fn cal(today: &str) -> Calendar {
        Calendar {
            deadline_day: 15,
            collect_from: None,
            today: d(today),
        }
    }
    fn update(period: &str, status: ActionStatus, forecast: Option<&str>) -> ActionUpdate {
        ActionUpdate {
            period: p(period),
            status,
            progress: Some(50),
            forecast: forecast.map(d),
            commentary: String::new(),
        }
    }

    /// (updates, period, today) → (status, rag, rule, exceptions owed)
    type Case = (
        Vec<ActionUpdate>,
        &'static str,
        &'static str,
        &'static str,
        DeliveryRag,
        &'static str,
        Option<ActionException>,
    );

    #[test]
    fn an_actions_status_for_a_period() {
        use ActionStatus::*;
        let action = Action {
            start: Some(d("2025-06-01")),
            due: d("2026-03-31"),
            frequency: UpdateFrequency::Monthly,
        };
        let cases: Vec<Case> = vec![
            // The latest update on or before the period's end gives the status.
            (
                vec![
                    update("2025-07", OnTrack, None),
                    update("2025-08", AtRisk, None),
                ],
                "2025-08",
                "2025-09-20",
                "at_risk",
                DeliveryRag::Amber,
                "at risk (update for 2025-08)",
                None,
            ),
            // An update for a later month does not count for an earlier one.
            (
                vec![
                    update("2025-07", OnTrack, None),
                    update("2025-08", AtRisk, None),
                ],
                "2025-07",
                "2025-09-20",
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2025-07)",
                None,
            ),
            // A quarter takes the latest month within it.
            (
                vec![
                    update("2025-07", OnTrack, None),
                    update("2025-09", OffTrack, None),
                ],
                "2025/26 Q2",
                "2025-10-20",
                "off_track",
                DeliveryRag::Red,
                "off track (update for 2025-09)",
                Some(ActionException::OffTrack),
            ),
            // No update for this month by its deadline: missing, not July's green.
            (
                vec![update("2025-07", OnTrack, None)],
                "2025-08",
                "2025-09-16",
                "missing",
                DeliveryRag::Missing,
                "update missing for 2025-08; last: on track (2025-07)",
                Some(ActionException::MissingUpdate),
            ),
            // Before the deadline it shows its latest status, marked as due.
            (
                vec![update("2025-07", OnTrack, None)],
                "2025-08",
                "2025-09-15",
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2025-07); 2025-08 update due 15 Sep",
                None,
            ),
            // No update at all by the deadline: missing.
            (
                vec![],
                "2025-08",
                "2025-09-16",
                "missing",
                DeliveryRag::Missing,
                "update missing for 2025-08; none given yet",
                Some(ActionException::MissingUpdate),
            ),
            (
                vec![],
                "2025-08",
                "2025-09-01",
                "not_started",
                DeliveryRag::None,
                "no update yet; 2025-08 update due 15 Sep",
                None,
            ),
            // Before its start, nothing is owed.
            (
                vec![],
                "2025-04",
                "2025-09-01",
                "not_started",
                DeliveryRag::None,
                "starts 2025-06-01",
                None,
            ),
            // Not started: none before the start date, amber after it.
            (
                vec![update("2025-05", NotStarted, None)],
                "2025-05",
                "2025-06-10",
                "not_started",
                DeliveryRag::None,
                "not started; starts 2025-06-01 (update for 2025-05)",
                None,
            ),
            (
                vec![update("2025-06", NotStarted, None)],
                "2025-06",
                "2025-07-10",
                "not_started",
                DeliveryRag::Amber,
                "not started by 2025-06-01 (update for 2025-06)",
                None,
            ),
            // Overdue wins over the update's word, naming the date.
            (
                vec![update("2026-04", OnTrack, None)],
                "2026-04",
                "2026-05-10",
                "off_track",
                DeliveryRag::Red,
                "overdue since 2026-03-31",
                Some(ActionException::OffTrack),
            ),
            // ...and over a missing update.
            (
                vec![update("2026-02", OnTrack, None)],
                "2026-04",
                "2026-06-10",
                "off_track",
                DeliveryRag::Red,
                "overdue since 2026-03-31",
                Some(ActionException::OffTrack),
            ),
            // Due on the period's last day is still on time that day.
            (
                vec![update("2026-03", OnTrack, None)],
                "2026-03",
                "2026-04-10",
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2026-03)",
                None,
            ),
            // An agreed revised date moves the due date on (so April's missing update
            // shows, rather than "overdue").
            (
                vec![update("2026-03", AtRisk, Some("2026-06-30"))],
                "2026-04",
                "2026-05-20",
                "missing",
                DeliveryRag::Missing,
                "update missing for 2026-04; last: at risk (2026-03)",
                Some(ActionException::MissingUpdate),
            ),
            (
                vec![update("2026-03", AtRisk, Some("2026-06-30"))],
                "2026-07",
                "2026-08-10",
                "off_track",
                DeliveryRag::Red,
                "overdue since 2026-06-30",
                Some(ActionException::OffTrack),
            ),
            // A forecast earlier than the due date does not bring it forward.
            (
                vec![update("2025-09", OnTrack, Some("2025-08-01"))],
                "2025-09",
                "2025-10-10",
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2025-09)",
                None,
            ),
            // Completed, deferred and cancelled owe nothing and are never overdue.
            (
                vec![update("2026-02", Completed, None)],
                "2026-09",
                "2026-10-20",
                "completed",
                DeliveryRag::Completed,
                "completed (update for 2026-02)",
                None,
            ),
            (
                vec![update("2026-02", Deferred, None)],
                "2026-09",
                "2026-10-20",
                "deferred",
                DeliveryRag::None,
                "deferred (update for 2026-02)",
                None,
            ),
            (
                vec![update("2026-02", Cancelled, None)],
                "2026-09",
                "2026-10-20",
                "cancelled",
                DeliveryRag::None,
                "cancelled (update for 2026-02)",
                None,
            ),
        ];
        for (updates, period, today, status, rag, rule, exception) in cases {
            let j = judge(&action, &updates, p(period), cal(today));
            assert_eq!(
                (
                    j.status.as_str(),
                    j.rag,
                    j.rule.to_string().as_str(),
                    j.exception()
                ),
                (status, rag, rule, exception),
                "{period} on {today} with {updates:?}"
            );
        }
    }

    #[test]
    fn overdue_names_the_date_and_keeps_the_latest_update() {
        let action = Action {
            start: None,
            due: d("2025-12-31"),
            frequency: UpdateFrequency::Monthly,
        };
        let updates = [update("2025-11", ActionStatus::OnTrack, None)];
        let j = judge(&action, &updates, p("2025/26 Q4"), cal("2026-05-01"));
        assert_eq!(j.overdue_since, Some(d("2025-12-31")));
        assert_eq!(j.latest.map(|u| u.period), Some(p("2025-11")));
        assert!(!j.update_missing);
    }

    /// A quarterly action owes one update a quarter, by the quarter's deadline; a month
    /// inside the quarter counts for it. Nothing is owed before the council collects.
    #[test]
    fn a_quarterly_action_owes_an_update_each_quarter() {
        use ActionStatus::*;
        let action = Action {
            start: Some(d("2026-04-01")),
            due: d("2027-03-31"),
            frequency: UpdateFrequency::Quarterly,
        };
        let july = [update("2026-07", OnTrack, None)];
        let judge_on = |ups: &[ActionUpdate], period: &str, today: &str| {
            let j = judge(&action, ups, p(period), cal(today));
            (j.status.as_str(), j.rag, j.rule.to_string(), j.exception())
        };
        // August, mid-quarter: Q1's update is owed, and July's covers a later quarter.
        assert_eq!(
            judge_on(&july, "2026-08", "2026-09-20"),
            (
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2026-07)".to_string(),
                None
            )
        );
        // Q2 ends in September: July's update names a month inside it.
        assert_eq!(
            judge_on(&july, "2026/27 Q2", "2026-10-20").1,
            DeliveryRag::Green
        );
        // Q3 (October–December) passes its deadline, 15 January, with nothing for it.
        assert_eq!(
            judge_on(&july, "2026-12", "2027-01-16"),
            (
                "missing",
                DeliveryRag::Missing,
                "update missing for 2026/27 Q3; last: on track (2026-07)".to_string(),
                Some(ActionException::MissingUpdate)
            )
        );
        assert_eq!(
            judge_on(&july, "2026/27 Q3", "2027-01-10").2,
            "on track (update for 2026-07); 2026/27 Q3 update due 15 Jan"
        );
        // Q1 had no update at all: missing, named for the quarter.
        assert_eq!(
            judge_on(&[], "2026/27 Q1", "2026-07-16").2,
            "update missing for 2026/27 Q1; none given yet"
        );
        // The council collects from October: nothing is owed for Q1 or Q2.
        let late_start = Calendar {
            collect_from: Some(crate::domain::period::Month::new(2026, 10).unwrap()),
            ..cal("2026-12-01")
        };
        let j = judge(&action, &[], p("2026/27 Q2"), late_start);
        assert_eq!(
            (j.status.as_str(), j.rag),
            ("not_started", DeliveryRag::None)
        );
        assert_eq!(j.exception(), None);
    }

    #[test]
    fn sign_off_keeps_the_rule_typed_and_reads_old_words_as_they_were() {
        let action = Action {
            start: Some(d("2026-04-01")),
            due: d("2027-03-31"),
            frequency: UpdateFrequency::Quarterly,
        };
        let july = [update("2026-07", ActionStatus::OnTrack, None)];
        let j = judge(&action, &july, p("2026/27 Q3"), cal("2027-01-10"));
        let words = "on track (update for 2026-07); 2026/27 Q3 update due 15 Jan";
        assert_eq!(j.rule.to_string(), words);
        let kept = crate::domain::kept::with_typed_rule(&j, &j.rule).unwrap();
        assert!(!kept.contains(words), "{kept}");
        assert_eq!(serde_json::from_str::<ActionJudgement>(&kept).unwrap(), j);
        // As written out, and as a pmdb that kept the words froze it.
        let shown = serde_json::to_string(&j).unwrap();
        let old: ActionJudgement = serde_json::from_str(&shown).unwrap();
        assert_eq!(old.rule, ActionRule::Frozen(words.into()));
    }

    #[test]
    fn words_are_refused_with_the_choices() {
        let err = "late".parse::<ActionStatus>().unwrap_err().to_string();
        assert!(err.contains("not_started"), "{err}");
        assert!(err.contains("cancelled"), "{err}");
        assert_eq!("team".parse::<ActionKind>(), Ok(ActionKind::Team));
        assert!(ActionStatus::AtRisk.needs_commentary());
        assert!(!ActionStatus::OnTrack.needs_commentary());
    }
}
