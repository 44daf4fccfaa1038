//! Scrutiny's recommendation on the last quarter's report, recorded today by PPG's clerk
//! as a request (`pmdb exceptions add --kind request`): open, owned by the officer who answers for the
//! indicator, on the panel's next agenda.

use super::calendar::Calendar;
use super::meetings::SCRUTINY;
use crate::domain::workflow::{ExceptionKind, ExceptionStatus};
use crate::store::{Entered, ExceptionFilter, NewRequest, Result, Store};

/// Records the request on the first exception escalated to Cabinet (else the first red),
/// due on the day Scrutiny meets. Nothing is recorded when there is neither.
pub fn record(store: &mut Store, cal: &Calendar) -> Result<()> {
    let all = store.exceptions(&ExceptionFilter::default())?;
    let chosen = all
        .iter()
        .find(|e| e.status == ExceptionStatus::Escalated && e.board == super::meetings::CABINET)
        .or_else(|| all.iter().find(|e| e.kind == ExceptionKind::Red));
    let Some(e) = chosen else { return Ok(()) };
    let meeting = store
        .meetings()?
        .into_iter()
        .find(|m| m.board == SCRUTINY && m.date.as_str() >= cal.today.to_string().as_str());
    let Some(due) = meeting.and_then(|m| m.date.parse().ok()) else {
        return Ok(());
    };
    let title = store
        .dataset()?
        .subject_title(&e.subject)
        .map(str::to_string)
        .unwrap_or_default();
    // The performance team records a board's request: PPG's clerk, this afternoon.
    let by = Entered {
        by: super::exceptions::PPG_CLERK.to_string(),
        at: cal
            .today
            .and_time(chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap_or(chrono::NaiveTime::MIN)),
    };
    store.add_request_entered(&NewRequest {
        subject: e.subject.clone(),
        board: SCRUTINY.into(),
        text: format!(
            "Scrutiny recommends that Cabinet sees a recovery plan with dates for {} ({title}), and asks the officer to report progress to the panel.",
            e.subject
        ),
        owner: e.owner.clone(),
        due,
    }, &by)?;
    Ok(())
}
