//! An action's monthly updates, told backwards from where it stands today: progress rising
//! steadily from its start, on track until trouble shows in its last three months, and a
//! completed action's last update in the month it was done.

use chrono::NaiveDate;

use super::calendar::Calendar;
use crate::domain::period::Month;
use crate::store::ActionUpdateRecord;

pub struct History {
    pub start: NaiveDate,
    pub due: NaiveDate,
    /// Where it stands now.
    pub status: &'static str,
    pub progress: i64,
    /// The agreed revised date its owner gave when it fell behind.
    pub revised: Option<NaiveDate>,
    /// The owner has not yet updated it for the month now due.
    pub skips_last: bool,
}

/// When an update for `month` was entered: on the 8th of the month after, or today if that
/// is still to come.
pub fn entered_at(month: Month, cal: &Calendar) -> String {
    let day = month.plus(1).day_clamped(8).min(cal.today);
    format!("{day}T09:00:00.000Z")
}

impl History {
    pub fn updates(
        &self,
        code: &str,
        owner: &str,
        title: &str,
        cal: &Calendar,
    ) -> Vec<ActionUpdateRecord> {
        let first = Month::of(self.start).max(cal.first_year.first_month());
        // A completed action was done four days before its due date.
        let done = (self.status == "completed").then(|| Month::of(self.due - chrono::Days::new(4)));
        let last = done.unwrap_or(cal.now_due).min(cal.now_due);
        if first > last {
            return vec![];
        }
        let span = Month::of(self.start).months_until(last) + 1;
        let mut out = Vec::new();
        for k in 0..=first.months_until(last) {
            let month = first.plus(k);
            if self.skips_last && month == cal.now_due {
                continue;
            }
            let step = Month::of(self.start).months_until(month) + 1;
            let final_progress = if done.is_some() { 100 } else { self.progress };
            let progress = (final_progress * i64::from(step) / i64::from(span)).clamp(0, 100);
            let from_end = last.months_until(month).abs();
            let (status, commentary, forecast) = match self.status {
                "completed" if Some(month) == done => (
                    "completed",
                    format!("Completed: {}.", lower_first(title)),
                    None,
                ),
                "not_started" => (
                    "not_started",
                    "Not started: waiting on the budget decision and a project lead.".to_string(),
                    None,
                ),
                "at_risk" if from_end < 3 => (
                    "at_risk",
                    "Behind plan: staff vacancies and a supplier delay. Recovery plan agreed \
                     with the head of service; progress reported to the next PPG."
                        .to_string(),
                    self.revised.map(|d| d.to_string()),
                ),
                _ => ("on_track", "Progressing to plan.".to_string(), None),
            };
            out.push(ActionUpdateRecord {
                action: code.to_string(),
                period: month.to_string(),
                status: status.to_string(),
                progress: Some(if status == "completed" { 100 } else { progress }),
                forecast,
                commentary,
                entered_by: owner.to_string(),
                entered_at: entered_at(month, cal),
                version: 1,
            });
        }
        out
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
