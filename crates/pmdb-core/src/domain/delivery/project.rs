//! A major project's status for a period: its owner's latest update on or before the
//! period's end, made at least amber by any milestone late at that end (not done by its
//! baseline due date), with the milestone named. Updates are owed like an action's.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::update_rule::{FromUpdate, NoUpdateRule, Spoken, UpdateMissing};
use super::{Calendar, DeliveryRag, Iso, Owed, UpdateFrequency, latest_by, no_update, passed_by};
use crate::domain::indicator::words;
use crate::domain::period::Period;

words!(
    /// What an update says of a project overall.
    ProjectStatus, "project status" {
        OnTrack = "on_track",
        AtRisk = "at_risk",
        OffTrack = "off_track",
        Completed = "completed",
        Closed = "closed",
    }
);

impl ProjectStatus {
    pub fn is_open(self) -> bool {
        !matches!(self, ProjectStatus::Completed | ProjectStatus::Closed)
    }

    /// Whether an update with this status must say why.
    pub fn needs_commentary(self) -> bool {
        matches!(self, ProjectStatus::AtRisk | ProjectStatus::OffTrack)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub start: Option<NaiveDate>,
    pub finish: Option<NaiveDate>,
    pub frequency: UpdateFrequency,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub title: String,
    /// The baseline due date: lateness is judged against it, whatever the forecast says.
    pub due: NaiveDate,
    pub forecast: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

impl Milestone {
    /// Late at the end of a period: its due date passed before then and it was not done by
    /// then. One done late is no longer late once done.
    pub fn late_at(&self, end: NaiveDate) -> bool {
        passed_by(self.due, end) && self.done.is_none_or(|d| d > end)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectUpdate {
    pub period: Period,
    pub status: ProjectStatus,
    pub spent: Option<f64>,
    pub commentary: String,
}

/// The status a project has for a period: an update's word, or missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectState {
    Status(ProjectStatus),
    Missing,
    NotStarted,
}

impl ProjectState {
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectState::Status(s) => s.as_str(),
            ProjectState::Missing => "missing",
            ProjectState::NotStarted => "not_started",
        }
    }
}

impl std::str::FromStr for ProjectState {
    type Err = crate::domain::indicator::WordError;

    fn from_str(s: &str) -> Result<ProjectState, Self::Err> {
        match s {
            "missing" => Ok(ProjectState::Missing),
            "not_started" => Ok(ProjectState::NotStarted),
            other => other.parse().map(ProjectState::Status),
        }
    }
}

super::word_serde!(ProjectState);

/// Why a project is an exception for a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectException {
    OffTrack,
    LateMilestone,
    MissingUpdate,
}

/// A project judged for a period; what sign-off freezes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectJudgement {
    pub status: ProjectState,
    pub rag: DeliveryRag,
    #[serde(
        serialize_with = "crate::domain::kept::as_words",
        deserialize_with = "typed_or_frozen"
    )]
    pub rule: ProjectRule,
    pub update_missing: bool,
    /// The titles of the milestones late at the period's end, by due date.
    pub late: Vec<String>,
    pub latest: Option<ProjectUpdate>,
}

impl ProjectJudgement {
    /// Every exception it owes the period (one per kind): off track, a late milestone, a
    /// missing update.
    pub fn exceptions(&self) -> Vec<ProjectException> {
        let mut out = vec![];
        if self.status == ProjectState::Status(ProjectStatus::OffTrack) {
            out.push(ProjectException::OffTrack);
        }
        if !self.late.is_empty() {
            out.push(ProjectException::LateMilestone);
        }
        if self.status == ProjectState::Missing || self.update_missing {
            out.push(ProjectException::MissingUpdate);
        }
        out
    }
}

/// Why a project has its status: its milestones late at the period's end (an open
/// project's), then what its updates say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ProjectRule {
    Judged {
        late: Vec<LateMilestone>,
        by_update: ByUpdate,
    },
    /// Words frozen by a sign-off made before pmdb kept the rule typed, as they were.
    Frozen(String),
}

/// A milestone late at a period's end: "milestone \"Contract let\" late (due 2026-03-31)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateMilestone {
    pub title: String,
    pub due: NaiveDate,
}

/// What a project's updates say of it for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ByUpdate {
    NoUpdate(NoUpdateRule),
    UpdateMissing(UpdateMissing<ProjectStatus>),
    FromUpdate(FromUpdate<Spoken<ProjectStatus>>),
}

impl std::fmt::Display for ProjectRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (late, by_update) = match self {
            ProjectRule::Judged { late, by_update } => (late, by_update),
            ProjectRule::Frozen(words) => return f.write_str(words),
        };
        for m in late {
            write!(f, "milestone \"{}\" late (due {}); ", m.title, Iso(m.due))?;
        }
        match by_update {
            ByUpdate::NoUpdate(r) => r.fmt(f),
            ByUpdate::UpdateMissing(r) => r.fmt(f),
            ByUpdate::FromUpdate(r) => r.fmt(f),
        }
    }
}

fn typed_or_frozen<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ProjectRule, D::Error> {
    crate::domain::kept::typed_or_words(d, ProjectRule::Frozen)
}

pub fn latest_update(updates: &[ProjectUpdate], period: Period) -> Option<&ProjectUpdate> {
    latest_by(updates, period, |u| u.period)
}

/// The project's status for `period`; `cal.today` only decides whether the owed update's
/// deadline has passed. A project missing its update is `missing` (a late milestone still
/// named in its rule and owed its exception).
pub fn judge(
    project: &Project,
    milestones: &[Milestone],
    updates: &[ProjectUpdate],
    period: Period,
    cal: Calendar,
) -> ProjectJudgement {
    let end = period.last_month().last_day();
    let owed = Owed::of(period, project.frequency, project.start, cal);
    let latest = latest_update(updates, period).cloned();
    let open = latest.as_ref().is_none_or(|u| u.status.is_open());
    let mut late: Vec<&Milestone> = milestones.iter().filter(|m| m.late_at(end)).collect();
    late.sort_by_key(|m| m.due);

    let (status, mut rag, by_update, update_missing) = match latest.as_ref() {
        None => {
            let none = no_update(project.start, period, owed, cal.today);
            let status = if none.missing {
                ProjectState::Missing
            } else {
                ProjectState::NotStarted
            };
            (
                status,
                none.rag,
                ByUpdate::NoUpdate(none.rule),
                none.missing,
            )
        }
        Some(u) if u.status.is_open() && owed.missing(Some(u.period)) => {
            let rule = ByUpdate::UpdateMissing(owed.missing_after(u.status, u.period));
            (ProjectState::Missing, DeliveryRag::Missing, rule, true)
        }
        Some(u) => {
            let rag = match u.status {
                ProjectStatus::OnTrack => DeliveryRag::Green,
                ProjectStatus::AtRisk => DeliveryRag::Amber,
                ProjectStatus::OffTrack => DeliveryRag::Red,
                ProjectStatus::Completed => DeliveryRag::Completed,
                ProjectStatus::Closed => DeliveryRag::None,
            };
            let rule = ByUpdate::FromUpdate(FromUpdate {
                word: Spoken(u.status),
                period: u.period,
                due: u
                    .status
                    .is_open()
                    .then(|| owed.due_note(Some(u.period), cal.today))
                    .flatten(),
            });
            (ProjectState::Status(u.status), rag, rule, false)
        }
    };
    if !open {
        late.clear();
    }
    // A late milestone makes an open project at least amber, whatever its update says.
    if !late.is_empty() && (rag == DeliveryRag::Green || rag == DeliveryRag::None) {
        rag = DeliveryRag::Amber;
    }
    ProjectJudgement {
        status,
        rag,
        rule: ProjectRule::Judged {
            late: late
                .iter()
                .map(|m| LateMilestone {
                    title: m.title.clone(),
                    due: m.due,
                })
                .collect(),
            by_update,
        },
        update_missing,
        late: late.iter().map(|m| m.title.clone()).collect(),
        latest,
    }
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
    fn update(period: &str, status: ProjectStatus) -> ProjectUpdate {
        ProjectUpdate {
            period: p(period),
            status,
            spent: Some(125_000.0),
            commentary: String::new(),
        }
    }
    fn milestone(title: &str, due: &str, done: Option<&str>) -> Milestone {
        Milestone {
            title: title.into(),
            due: d(due),
            forecast: None,
            done: done.map(d),
        }
    }

    /// (updates, period, today) → (status, rag, rule, exceptions owed)
    type Case = (
        Vec<ProjectUpdate>,
        &'static str,
        &'static str,
        &'static str,
        DeliveryRag,
        &'static str,
        Vec<ProjectException>,
    );

    #[test]
    fn a_projects_status_for_a_period() {
        use ProjectStatus::*;
        let project = Project {
            start: Some(d("2025-04-01")),
            finish: Some(d("2027-03-31")),
            frequency: UpdateFrequency::Monthly,
        };
        let ms = vec![
            milestone("Planning consent", "2025-09-30", Some("2025-09-12")),
            milestone("Contractor appointed", "2025-12-31", Some("2026-02-20")),
            milestone("Ground works complete", "2026-06-30", None),
        ];
        let cases: Vec<Case> = vec![
            (
                vec![update("2025/26 Q2", OnTrack)],
                "2025/26 Q2",
                "2025-10-20",
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2025/26 Q2)",
                vec![],
            ),
            // The contractor milestone is late at the end of Q4 2025/26's first month…
            (
                vec![update("2025/26 Q3", OnTrack)],
                "2026-01",
                "2026-02-10",
                "on_track",
                DeliveryRag::Amber,
                "milestone \"Contractor appointed\" late (due 2025-12-31); on track (update for 2025/26 Q3); 2026-01 update due 15 Feb",
                vec![ProjectException::LateMilestone],
            ),
            // …and no longer once done (20 Feb), though it was done late.
            (
                vec![update("2026-02", OnTrack)],
                "2026-02",
                "2026-03-10",
                "on_track",
                DeliveryRag::Green,
                "on track (update for 2026-02)",
                vec![],
            ),
            // Red stays red, and the rule names the late milestone.
            (
                vec![update("2026-07", OffTrack)],
                "2026-07",
                "2026-08-10",
                "off_track",
                DeliveryRag::Red,
                "milestone \"Ground works complete\" late (due 2026-06-30); off track (update for 2026-07)",
                vec![ProjectException::OffTrack, ProjectException::LateMilestone],
            ),
            // A missing update with a late milestone owes both, and is counted missing.
            (
                vec![update("2026-06", AtRisk)],
                "2026-07",
                "2026-08-20",
                "missing",
                DeliveryRag::Missing,
                "milestone \"Ground works complete\" late (due 2026-06-30); update missing for 2026-07; last: at risk (2026-06)",
                vec![
                    ProjectException::LateMilestone,
                    ProjectException::MissingUpdate,
                ],
            ),
            (
                vec![],
                "2025-05",
                "2025-06-16",
                "missing",
                DeliveryRag::Missing,
                "update missing for 2025-05; none given yet",
                vec![ProjectException::MissingUpdate],
            ),
            // A completed project owes nothing, late milestones or not.
            (
                vec![update("2026-06", Completed)],
                "2026-08",
                "2026-09-20",
                "completed",
                DeliveryRag::Completed,
                "completed (update for 2026-06)",
                vec![],
            ),
        ];
        for (updates, period, today, status, rag, rule, exceptions) in cases {
            let cal = Calendar {
                deadline_day: 15,
                collect_from: None,
                today: d(today),
            };
            let j = judge(&project, &ms, &updates, p(period), cal);
            assert_eq!(
                (
                    j.status.as_str(),
                    j.rag,
                    j.rule.to_string().as_str(),
                    j.exceptions()
                ),
                (status, rag, rule, exceptions),
                "{period} on {today}"
            );
        }
    }

    #[test]
    fn sign_off_keeps_the_rule_typed_and_reads_old_words_as_they_were() {
        let project = Project {
            start: Some(d("2025-04-01")),
            finish: Some(d("2027-03-31")),
            frequency: UpdateFrequency::Monthly,
        };
        let ms = [
            milestone("Ground works complete", "2026-06-30", None),
            milestone("Contractor appointed", "2025-12-31", None),
        ];
        let ups = [update("2026-07", ProjectStatus::OnTrack)];
        let cal = Calendar {
            deadline_day: 15,
            collect_from: None,
            today: d("2026-08-10"),
        };
        let j = judge(&project, &ms, &ups, p("2026-07"), cal);
        let words = "milestone \"Contractor appointed\" late (due 2025-12-31); milestone \"Ground works complete\" late (due 2026-06-30); on track (update for 2026-07)";
        assert_eq!(
            (j.rag, j.rule.to_string().as_str()),
            (DeliveryRag::Amber, words)
        );
        let kept = crate::domain::kept::with_typed_rule(&j, &j.rule).unwrap();
        assert!(!kept.contains("on track (update"), "{kept}");
        assert_eq!(serde_json::from_str::<ProjectJudgement>(&kept).unwrap(), j);
        // As written out, and as a pmdb that kept the words froze it.
        let shown = serde_json::to_string(&j).unwrap();
        let old: ProjectJudgement = serde_json::from_str(&shown).unwrap();
        assert_eq!(old.rule, ProjectRule::Frozen(words.into()));
    }

    #[test]
    fn a_milestone_due_on_the_periods_last_day_is_not_yet_late() {
        let m = milestone("Opening", "2026-03-31", None);
        assert!(!m.late_at(d("2026-03-31")));
        assert!(m.late_at(d("2026-04-30")));
        let done = milestone("Opening", "2026-03-31", Some("2026-04-10"));
        assert!(done.late_at(d("2026-04-09")));
        assert!(!done.late_at(d("2026-04-30")));
    }
}
