//! What a quarterly report opens with, in every format (HTML, the portfolio summaries,
//! Markdown, CSV, the workbook's summary sheet): what went well and what did not, named by
//! code and title. One rule, here, for all of them:
//!
//! - went well: each indicator green and improving; each action completed in the period
//!   (its latest update says `completed` and names a month or quarter inside the period);
//!   each project milestone met in the period (done on a day inside it);
//! - reds: each indicator red, each action red, each project red.
//!
//! Everything is read from the report's own gathering (`report_html::with_page`), so a
//! scoped report's highlights are its scope's, and a signed-off period's come from the
//! statuses frozen at sign-off (the roll-up's and the delivery judgements') and the
//! definitions (milestones) kept with it. Also here: the order the reports list the risk
//! register in, opportunities apart after the risks.

use chrono::NaiveDate;

use super::delivery::{ActionRow, RiskRow};
use super::report_html::Page;
use crate::domain::delivery::DeliveryRag;
use crate::domain::delivery::action::{ActionState, ActionStatus};
use crate::domain::direction::Direction;
use crate::domain::period::{Month, Period};
use crate::domain::rag::Rag;

/// What a highlight names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Indicator,
    Action,
    Project,
    /// A project's milestone: its code is the project's, its title the milestone's.
    Milestone,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Indicator => "indicator",
            Subject::Action => "action",
            Subject::Project => "project",
            Subject::Milestone => "milestone",
        }
    }
}

/// One named item: what it is, its code and title, and why it is here in words ("green
/// and improving", "completed", "met on 2026-08-14", "red").
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub subject: Subject,
    pub code: String,
    pub title: String,
    pub why: String,
}

/// A report's highlights: what went well, then the reds, each in the report's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    pub went_well: Vec<Highlight>,
    pub reds: Vec<Highlight>,
}

impl Highlights {
    pub fn is_empty(&self) -> bool {
        self.went_well.is_empty() && self.reds.is_empty()
    }
}

/// Whether a report of `period` opens with highlights: a quarter's (the quarterly report).
pub fn reported(period: Period) -> bool {
    matches!(period, Period::Quarter(_))
}

/// The highlights of what a page shows (its scope, as frozen at sign-off for a signed-off
/// period); none unless the period is a quarter.
pub(super) fn of_page(page: &Page) -> Highlights {
    let mut out = Highlights::default();
    if !reported(page.period) {
        return out;
    }
    let (first, last) = (page.period.first_month(), page.period.last_month());
    let in_period = |m: Month| first <= m && m <= last;
    let day_in = |d: NaiveDate| in_period(Month::of(d));
    let named = |subject, code: &str, title: &str, why: String| Highlight {
        subject,
        code: code.to_string(),
        title: title.to_string(),
        why,
    };
    for p in &page.priorities {
        for i in &p.indicators {
            if i.rag == Rag::Green && i.direction == Some(Direction::Improving) {
                let why = "green and improving".to_string();
                out.went_well
                    .push(named(Subject::Indicator, &i.code, &i.title, why));
            }
            if i.rag == Rag::Red {
                out.reds
                    .push(named(Subject::Indicator, &i.code, &i.title, "red".into()));
            }
        }
        for a in &p.actions {
            if completed_in(a, in_period) {
                let r = a.record;
                out.went_well.push(named(
                    Subject::Action,
                    &r.code,
                    &r.title,
                    "completed".into(),
                ));
            }
            if a.judgement.rag == DeliveryRag::Red {
                let r = a.record;
                let why = format!("red: {}", a.judgement.rule);
                out.reds
                    .push(named(Subject::Action, &r.code, &r.title, why));
            }
        }
        for j in &p.projects {
            for m in j.milestones.iter().filter(|m| m.done.is_some_and(day_in)) {
                let why = format!(
                    "{} met on {}",
                    m.title,
                    m.done.map(|d| d.to_string()).unwrap_or_default()
                );
                out.went_well.push(named(
                    Subject::Milestone,
                    &j.record.code,
                    &j.record.title,
                    why,
                ));
            }
            if j.judgement.rag == DeliveryRag::Red {
                let why = format!("red: {}", j.judgement.rule);
                out.reds.push(named(
                    Subject::Project,
                    &j.record.code,
                    &j.record.title,
                    why,
                ));
            }
        }
    }
    // An indicator (action, project) under two priorities is named once; each list goes
    // by kind, indicators first, in the report's order within a kind.
    for list in [&mut out.went_well, &mut out.reds] {
        let mut seen = std::collections::HashSet::new();
        list.retain(|h| seen.insert((h.subject, h.code.clone(), h.why.clone())));
        list.sort_by_key(|h| h.subject);
    }
    out
}

/// An action whose latest update (as judged, frozen at sign-off) says completed and names a
/// month or quarter inside the period.
fn completed_in(a: &ActionRow, in_period: impl Fn(Month) -> bool) -> bool {
    let j = &a.judgement;
    j.status == ActionState::Status(ActionStatus::Completed)
        && j.latest
            .as_ref()
            .is_some_and(|u| in_period(u.period.first_month()))
}

/// The risk register as the reports list it: the rows `keep` holds, the risks first and
/// then the opportunities, each in the council's order.
pub(super) fn listed_risks<'a>(
    rows: &'a [RiskRow<'a>],
    keep: impl Fn(&RiskRow<'a>) -> bool,
) -> Vec<&'a RiskRow<'a>> {
    let mut out: Vec<&RiskRow> = rows.iter().filter(|r| keep(r)).collect();
    out.sort_by_key(|r| r.is_opportunity());
    out
}
