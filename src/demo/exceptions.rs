//! The exception queue, raised exactly as `pmdb exceptions raise` raises it, for the
//! month now due and the month before; then moved along the workflow so the queue looks
//! lived-in: last month's mostly closed, one escalated to Cabinet with Cabinet's outcome
//! recorded apart from PPG's decision, this month's with one proposal, one agreed action,
//! one escalation to the Management Board and one closed, the rest open for PPG.
//!
//! Each step is recorded by who made it, on its day: the queue raised and PPG's decisions
//! by the performance officer who clerks PPG, each proposal by the exception's owner, and
//! Cabinet's outcome by the Leader at Cabinet's meeting.

use super::calendar::Calendar;
use crate::domain::assess::Context;
use crate::domain::period::Period;
use crate::domain::workflow::{ExceptionKind, ExceptionStatus, Step};
use crate::query::exceptions::candidates;
use crate::store::{Entered, ExceptionFilter, ExceptionRecord, ExceptionUpdate, Result, Store};

/// The performance officer who clerks PPG: raises its queue and records its decisions.
pub const PPG_CLERK: &str = "lwhitfield";

/// `by` at `hour:minute` on `day`.
fn entered(by: &str, day: chrono::NaiveDate, hour: u32, minute: u32) -> Entered {
    Entered {
        by: by.to_string(),
        at: day.and_time(
            chrono::NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(chrono::NaiveTime::MIN),
        ),
    }
}

/// Records `step` on `e` as the meeting did: the owner's proposal first, in their name
/// (half past nine, before the item is taken), then the rest, if any, by PPG's clerk at
/// `minute` past ten.
fn record_step(
    store: &mut Store,
    e: &ExceptionRecord,
    day: chrono::NaiveDate,
    minute: u32,
    step: Step,
) -> Result<()> {
    let mut rest = step;
    if let Some(p) = rest.proposal.take() {
        store.update_exception_entered(
            &ExceptionUpdate {
                id: e.id,
                expected_version: None,
                step: Step {
                    proposal: Some(p),
                    ..Step::default()
                },
            },
            &entered(&e.owner, day, 9, 30),
        )?;
    }
    if rest != Step::default() {
        store.update_exception_entered(
            &ExceptionUpdate {
                id: e.id,
                expected_version: None,
                step: rest,
            },
            &entered(PPG_CLERK, day, 10, minute % 60),
        )?;
    }
    Ok(())
}

/// The Management Board member who takes an escalation from a service.
fn director_for(service: &str) -> &'static str {
    match service {
        "PLN" | "WES" => "revans",
        "HSG" | "LAC" => "sclarke",
        _ => "nhussain",
    }
}

/// The remedial action the officer gave with the figure, if any.
fn officers_action(e: &ExceptionRecord) -> Option<&str> {
    e.commentary
        .split_once(" / Action: ")
        .map(|(_, a)| a)
        .filter(|a| !a.trim().is_empty())
}

/// The owner's proposal, in their own name: the officer's action, else a recovery plan
/// (written without naming them by login, as the minutes print it).
fn proposal(e: &ExceptionRecord) -> String {
    match officers_action(e) {
        Some(a) => a.to_string(),
        None => "I will bring a recovery plan with dates to the next PPG.".to_string(),
    }
}

fn step(status: ExceptionStatus) -> Step {
    Step {
        status: Some(status),
        ..Step::default()
    }
}

/// Raises the exceptions and records the meeting's steps. Returns how many were raised.
pub fn raise_and_progress(store: &mut Store, cal: &Calendar) -> Result<usize> {
    let ds = store.dataset()?;
    let ctx = ds.context(cal.today);
    let meetings = store.meetings()?;
    let last = Period::Month(cal.now_due.plus(-1));
    let now = Period::Month(cal.now_due);
    // Last month's queue was raised on the day of last month's PPG, so only what was
    // overdue by then is in it.
    let raised_on = meetings
        .iter()
        .find(|m| m.board == "PPG" && m.period == last.to_string())
        .and_then(|m| m.date.parse().ok())
        .map_or(cal.today, |d: chrono::NaiveDate| d.min(cal.today));
    let then = Context {
        today: raised_on,
        ..ctx
    };
    // Last month's queue is raised and decided on the day of its PPG, by its clerk, so that
    // meeting's minutes hold what it decided and who recorded it.
    let clerk_on = |day| entered(PPG_CLERK, day, 9, 0);
    let mut raised = store.raise_exceptions_entered(
        &candidates(&ds, last, &meetings, then),
        &clerk_on(raised_on),
    )?;
    // When last month ended a quarter, its PPG takes the quarter's exceptions too: a
    // subject already open from the month gains the quarter (its `periods`), the rest are
    // raised for the quarter.
    if let Period::Month(m) = last
        && Period::Quarter(m.quarter()).last_month() == m
    {
        let quarter = Period::Quarter(m.quarter());
        raised += store.raise_exceptions_entered(
            &candidates(&ds, quarter, &meetings, then),
            &clerk_on(raised_on),
        )?;
    }

    // Last month's meeting dealt with its queue: two actions agreed and still being
    // followed up, everything else closed.
    let previous = store.exceptions(&ExceptionFilter {
        period: Some(last.to_string()),
        ..ExceptionFilter::default()
    })?;
    for (i, e) in previous.iter().enumerate() {
        let s = if i == 2 {
            // PPG sends one to Cabinet, which needs a member decision on it.
            Step {
                proposal: Some(proposal(e)),
                decision: Some(
                    "Recovery needs a member decision on funding: escalated to Cabinet.".into(),
                ),
                board: Some(super::meetings::CABINET.into()),
                ..step(ExceptionStatus::Escalated)
            }
        } else if i < 2 {
            Step {
                proposal: Some(proposal(e)),
                decision: Some("Agreed. Progress to be reported to the next PPG.".into()),
                ..step(ExceptionStatus::Agreed)
            }
        } else {
            Step {
                proposal: Some(proposal(e)),
                decision: Some(
                    "Action noted; closed, to be raised again if not resolved next month.".into(),
                ),
                ..step(ExceptionStatus::Closed)
            }
        };
        record_step(store, e, raised_on, i as u32, s)?;
    }
    // This month's queue, raised today by the clerk, ahead of its meeting.
    raised += store
        .raise_exceptions_entered(&candidates(&ds, now, &meetings, ctx), &clerk_on(cal.today))?;
    // This month's queue, ahead of the meeting.
    let current = store.exceptions(&ExceptionFilter {
        period: Some(now.to_string()),
        ..ExceptionFilter::default()
    })?;
    let reds: Vec<&ExceptionRecord> = current
        .iter()
        .filter(|e| e.kind == ExceptionKind::Red)
        .collect();
    let mut updates: Vec<(&ExceptionRecord, Step)> = Vec::new();
    if let Some(e) = reds.first() {
        updates.push((
            e,
            Step {
                proposal: Some(proposal(e)),
                ..step(ExceptionStatus::Proposed)
            },
        ));
    }
    if let Some(e) = reds.get(1) {
        updates.push((
            e,
            Step {
                proposal: Some(proposal(e)),
                decision: Some(
                    "Agreed at the pre-meeting; the officer reports back next month.".into(),
                ),
                ..step(ExceptionStatus::Agreed)
            },
        ));
    }
    if let Some(e) = reds.get(2) {
        updates.push((
            e,
            Step {
                proposal: Some(proposal(e)),
                decision: Some("Recovery needs funding beyond the service's budget: escalated to the Management Board.".into()),
                board_member: Some(director_for(&e.service).to_string()),
                escalation_due: Some(cal.day(35)),
                ..step(ExceptionStatus::Escalated)
            },
        ));
    }
    if let Some(e) = current.iter().find(|e| e.kind == ExceptionKind::Missing) {
        updates.push((
            e,
            Step {
                decision: Some("Source system fault confirmed by the supplier; the figure will come with next month's. Closed.".into()),
                ..step(ExceptionStatus::Closed)
            },
        ));
    }
    // Recorded today, at the pre-meeting.
    for (i, (e, s)) in updates.into_iter().enumerate() {
        record_step(store, e, cal.today, i as u32, s)?;
    }
    // Cabinet has met on the one PPG sent it: its own outcome, the Leader responsible and a
    // date, recorded apart from PPG's decision by the Leader at that meeting (the evening
    // session), so its history shows the chain. A Cabinet still to meet has recorded none.
    let cabinet = meetings
        .iter()
        .find(|m| m.board == super::meetings::CABINET && m.period == last.to_string())
        .and_then(|m| m.date.parse::<chrono::NaiveDate>().ok())
        .filter(|day| *day <= cal.today);
    let leader = super::org::PORTFOLIOS.first().map(|p| p.holder_login);
    if let (Some(e), Some(day), Some(leader)) = (previous.get(2), cabinet, leader) {
        store.update_exception_entered(
            &ExceptionUpdate {
                id: e.id,
                expected_version: None,
                step: Step {
                    outcome: Some(
                        "Cabinet agreed one-off funding from the transformation reserve; the Leader reports progress at the March Cabinet.".into(),
                    ),
                    board_member: Some(leader.to_string()),
                    escalation_due: Some(cal.day(100)),
                    ..Step::default()
                },
            },
            &entered(leader, day, 19, 30),
        )?;
    }
    Ok(raised)
}
