//! Each delivery record's rules in one function, whichever door it comes in by: the
//! command line, the interface and a CSV import all call these (through the store's
//! recording path and its import loops), so a record one door refuses no other accepts.
//! A bulk import is exempt from nothing here; its one exemption (a missed target's
//! commentary) belongs to values, not to delivery.

use chrono::NaiveDate;

use super::action::ActionStatus;
use super::project::ProjectStatus;
use super::risk::check_scale;
use super::{
    DeliveryError, check_needs_commentary, check_progress, check_spent, completed_progress,
};
use crate::domain::fields::check_text;
use crate::domain::period::{Month, Period};

/// A rule a record breaks, with the field it concerns, named as its CSV column is (an
/// import names the row and this column; a command says the rule alone).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{error}")]
pub struct Broken {
    pub column: &'static str,
    pub error: DeliveryError,
}

fn on(column: &'static str) -> impl Fn(DeliveryError) -> Broken {
    move |error| Broken { column, error }
}

/// An update's period: a month or a quarter that has begun (an update for a month not
/// begun would report progress not yet made).
fn update_period(period: Period, today: NaiveDate) -> Result<(), Broken> {
    if matches!(period, Period::Year(_)) {
        return Err(on("period")(DeliveryError::UpdatePeriod(period)));
    }
    if period.first_month() > Month::of(today) {
        return Err(on("period")(DeliveryError::NotStarted { period, today }));
    }
    Ok(())
}

/// A commentary's form, and its presence when the status (`needed`) must say why.
fn commentary(
    code: &str,
    period: Period,
    status: &'static str,
    needed: bool,
    text: &str,
) -> Result<(), Broken> {
    check_text("the commentary", text).map_err(|e| on("commentary")(e.into()))?;
    check_needs_commentary(code, period, status, needed, text).map_err(on("commentary"))
}

/// An action's update: its period begun, its progress 0–100 (100 when completed, which
/// another figure contradicts), a commentary when at risk or off track. The progress to
/// record.
pub fn action_update(
    code: &str,
    period: Period,
    status: ActionStatus,
    progress: Option<i64>,
    text: &str,
    today: NaiveDate,
) -> Result<Option<i64>, Broken> {
    update_period(period, today)?;
    check_progress(code, progress).map_err(on("progress"))?;
    let progress = completed_progress(code, status == ActionStatus::Completed, progress)
        .map_err(on("progress"))?;
    commentary(
        code,
        period,
        status.as_str(),
        status.needs_commentary(),
        text,
    )?;
    Ok(progress)
}

/// A project's update: its period begun, its spend a sensible figure, a commentary when
/// at risk or off track.
pub fn project_update(
    code: &str,
    period: Period,
    status: ProjectStatus,
    spent: Option<f64>,
    text: &str,
    today: NaiveDate,
) -> Result<(), Broken> {
    update_period(period, today)?;
    check_spent(code, spent).map_err(on("spent"))?;
    commentary(
        code,
        period,
        status.as_str(),
        status.needs_commentary(),
        text,
    )
}

/// A milestone's date done: not after today (a milestone is done when it has been).
pub fn milestone_done(project: &str, done: NaiveDate, today: NaiveDate) -> Result<(), Broken> {
    if done > today {
        return Err(on("done")(DeliveryError::Future {
            code: project.to_string(),
            what: "date done",
            date: done,
            today,
        }));
    }
    Ok(())
}

/// A risk's review: dated not after today, likelihood and impact 1–5, a commentary of
/// the allowed form.
pub fn risk_review(
    code: &str,
    date: NaiveDate,
    likelihood: u8,
    impact: u8,
    text: &str,
    today: NaiveDate,
) -> Result<(), Broken> {
    if date > today {
        return Err(on("date")(DeliveryError::Future {
            code: code.to_string(),
            what: "review date",
            date,
            today,
        }));
    }
    check_scale("likelihood", &likelihood.to_string()).map_err(|e| on("likelihood")(e.into()))?;
    check_scale("impact", &impact.to_string()).map_err(|e| on("impact")(e.into()))?;
    check_text("the commentary", text).map_err(|e| on("commentary")(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn broken<T: std::fmt::Debug>(r: Result<T, Broken>) -> (&'static str, String) {
        let b = r.unwrap_err();
        (b.column, b.error.to_string())
    }

    #[test]
    fn an_update_for_a_month_not_begun_is_refused() {
        let today = day("2026-11-15");
        let march: Period = "2027-03".parse().unwrap();
        assert_eq!(
            broken(action_update(
                "ACT-16",
                march,
                ActionStatus::Completed,
                None,
                "",
                today
            )),
            (
                "period",
                "2027-03 has not started yet (today is 2026-11-15)".to_string()
            )
        );
        let nov: Period = "2026-11".parse().unwrap();
        assert_eq!(
            action_update("ACT-16", nov, ActionStatus::Completed, None, "", today),
            Ok(Some(100))
        );
        let q4: Period = "2026/27 Q4".parse().unwrap();
        assert_eq!(
            broken(project_update(
                "PR1",
                q4,
                ProjectStatus::OnTrack,
                None,
                "",
                today
            ))
            .0,
            "period"
        );
    }

    #[test]
    fn at_risk_says_why() {
        let today = day("2026-11-15");
        let oct: Period = "2026-10".parse().unwrap();
        assert_eq!(
            broken(action_update(
                "ACT-1",
                oct,
                ActionStatus::AtRisk,
                Some(40),
                "  ",
                today
            )),
            (
                "commentary",
                "ACT-1 2026-10: the status at_risk needs a commentary saying why and what is being done"
                    .to_string()
            )
        );
        assert_eq!(
            broken(project_update(
                "PR1",
                oct,
                ProjectStatus::OffTrack,
                None,
                "",
                today
            ))
            .0,
            "commentary"
        );
        assert_eq!(
            broken(action_update(
                "ACT-1",
                oct,
                ActionStatus::OnTrack,
                Some(101),
                "",
                today
            ))
            .0,
            "progress"
        );
    }

    #[test]
    fn dates_not_after_today() {
        let today = day("2026-11-15");
        assert_eq!(
            broken(risk_review("R1", day("2027-01-02"), 3, 4, "", today)),
            (
                "date",
                "R1: the review date 2027-01-02 is after today (2026-11-15)".to_string()
            )
        );
        assert_eq!(risk_review("R1", today, 3, 4, "", today), Ok(()));
        assert_eq!(
            broken(risk_review("R1", today, 6, 4, "", today)).0,
            "likelihood"
        );
        assert_eq!(
            broken(milestone_done("PR1", day("2026-11-16"), today)),
            (
                "done",
                "PR1: the date done 2026-11-16 is after today (2026-11-15)".to_string()
            )
        );
        assert_eq!(milestone_done("PR1", today, today), Ok(()));
    }
}
