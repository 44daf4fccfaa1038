//! The statuses frozen when a period is signed off: the period itself and every period
//! inside it, for each indicator that reports them; what signing off would freeze, shown
//! before it is done; and a period's sign-off on record, reopenings included.

use serde::Serialize;

use crate::domain::assess::Context;
use crate::domain::entry::check_explained;
use crate::domain::kept::with_typed_rule;
use crate::domain::period::Period;
use crate::domain::rag::{Judgement, Rag};
use crate::domain::report_scope::report_lists;
use crate::domain::rollup::Counts;
use crate::domain::workflow::ExceptionStatus;
use crate::store::{Dataset, ExceptionRecord, Freeze, FrozenDelivery, Signoffs};

/// The instant `period` was signed off, if it is (as stored, in UTC): what a report of it
/// lists was raised or recorded by then.
pub fn signed_at(ds: &Dataset, period: Period) -> Option<&str> {
    ds.signoffs
        .of(&period.to_string())
        .map(|s| s.signed_at.as_str())
}

/// The records among `raised` (in the order raised) that a report of `period` lists:
/// those of the period and of the months and quarters inside it, and for a signed-off
/// period (`signed_at`, its sign-off's instant) only those raised by then, so the page
/// signed off never grows one. Escalations and the boards' requests both follow it.
pub fn raised_for_report(
    mut raised: Vec<ExceptionRecord>,
    period: Period,
    signed_at: Option<&str>,
) -> Vec<ExceptionRecord> {
    raised.retain(|e| report_lists(period, signed_at, &e.period, &e.raised_at));
    raised
}

/// The exceptions for `period` or a period inside it that are not closed yet, of `all`:
/// what signing off leaves open, shown before it is done.
pub fn open_exceptions(mut all: Vec<ExceptionRecord>, period: Period) -> Vec<ExceptionRecord> {
    all.retain(|e| {
        e.status != ExceptionStatus::Closed
            && e.period.parse::<Period>().is_ok_and(|p| period.covers(p))
    });
    all
}

pub fn statuses_to_freeze(ds: &Dataset, period: Period, ctx: Context) -> Freeze {
    let mut periods = vec![period];
    if let Period::Year(y) = period {
        periods.extend(y.quarters().into_iter().map(Period::Quarter));
    }
    if !period.is_month() {
        periods.extend(period.months().into_iter().map(Period::Month));
    }
    let mut out = Freeze {
        definitions: Some(crate::store::Definitions::of(ds)),
        ..Freeze::default()
    };
    for rec in &ds.indicators {
        let series = ds.series(rec);
        for p in &periods {
            // Only periods the indicator itself reports or derives: an annual figure is
            // not frozen by signing off one quarter.
            if series.natural_period(*p) != *p {
                continue;
            }
            // A figure not yet due (published late, `lag`) shows the latest available
            // in the period's reports: kept with the status, as it stands at sign-off.
            let (status, latest) = ds.assess_and_latest(&series, *p, ctx);
            if latest != status {
                out.shown
                    .push((p.to_string(), rec.indicator.code.clone(), latest));
            }
            out.indicators
                .push((p.to_string(), rec.indicator.code.clone(), status));
        }
        // What the period's report shows of an indicator that does not report the period
        // itself (an annual figure in a quarter's report, its latest available) is kept
        // under the period too, so the report made again after later changes reads the same.
        if series.natural_period(period) != period {
            out.indicators.push((
                period.to_string(),
                rec.indicator.code.clone(),
                ds.assess_latest(&series, period, ctx),
            ));
        }
    }
    // Delivery is judged for every one of those periods: an action's month and quarter.
    let d = &ds.delivery;
    for p in &periods {
        let mut freeze = |kind: &'static str, code: &str, json: serde_json::Result<String>| {
            if let Ok(status) = json {
                out.delivery.push(FrozenDelivery {
                    period: p.to_string(),
                    kind,
                    code: code.to_string(),
                    status,
                });
            }
        };
        for r in d.action_rows(*p, ctx) {
            let j = &r.judgement;
            freeze("action", &r.record.code, with_typed_rule(j, &j.rule));
        }
        for r in d.project_rows(*p, ctx) {
            let j = &r.judgement;
            freeze("project", &r.record.code, with_typed_rule(j, &j.rule));
        }
        for r in d.risk_rows(*p) {
            let j = &r.judgement;
            freeze("risk", &r.record.code, with_typed_rule(j, &j.rule));
        }
        for r in d.eia_rows(*p) {
            let j = &r.judgement;
            freeze("eia", &r.record.code, with_typed_rule(j, &j.rule));
        }
    }
    out
}

/// One indicator's status in one period, as a preview lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviewItem {
    pub code: String,
    pub period: String,
    pub rag: Rag,
    pub rule: String,
}

/// What signing `period` off would freeze, read without writing anything: the period's
/// own statuses counted, every status missing (the period or a month inside it), and every
/// recorded miss still without its commentary or remedial action.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Preview {
    pub period: String,
    /// Every status frozen: the period's and those of the periods inside it.
    pub frozen: usize,
    /// Of `frozen`, the judgements of actions, projects, risks and EIAs (the rest are
    /// indicators' statuses); not written out, where `frozen` counts both.
    #[serde(skip)]
    pub delivery: usize,
    /// The period's own statuses by status.
    pub counts: Counts,
    pub missing: Vec<PreviewItem>,
    pub unexplained: Vec<PreviewItem>,
}

impl Preview {
    /// The period's own statuses in words: "2 green, 1 amber, 0 red, 1 missing, 0 none".
    pub fn counts_words(&self) -> String {
        let parts: Vec<String> = self
            .counts
            .parts()
            .iter()
            .map(|(rag, n)| format!("{n} {rag}"))
            .collect();
        parts.join(", ")
    }
}

pub fn preview(ds: &Dataset, period: Period, ctx: Context) -> Preview {
    let statuses = statuses_to_freeze(ds, period, ctx);
    let mut counts = Counts::default();
    let mut missing = Vec::new();
    let mut unexplained = Vec::new();
    for (p, code, a) in &statuses.indicators {
        let item = || PreviewItem {
            code: code.clone(),
            period: p.clone(),
            rag: a.rag,
            rule: a.rule.to_string(),
        };
        if a.period == period {
            counts.add(a.rag);
        }
        if a.rag == Rag::Missing {
            missing.push(item());
        }
        if let Some(v) = ds.value_at(code, a.period) {
            let judged = Judgement::new(a.rag, a.rule.clone());
            if check_explained(&judged, &v.commentary, &v.action).is_err() {
                unexplained.push(item());
            }
        }
    }
    Preview {
        period: period.to_string(),
        frozen: statuses.len(),
        delivery: statuses.delivery.len(),
        counts,
        missing,
        unexplained,
    }
}

/// The council's day of an instant as stored ('2024-08-01T09:30:00.000Z' → '2024-08-01'
/// on a server in UTC or British time); a stamp that does not read is shown as it is.
fn day(stamp: &str) -> String {
    crate::stamp::local_day(stamp).map_or_else(|| stamp.to_string(), |d| d.to_string())
}

/// A period's sign-off on record, for a report's header and `pmdb signoff`: "signed off
/// DATE by LOGIN", and for a period reopened "; reopened DATE: REASON; signed off again
/// DATE" for each reopening; then, when the sign-off in force records Leadership Team's
/// approval, "; approved by Leadership Team (Jane Mitchell, Chief Executive) on DATE".
/// None for a period never signed off.
pub fn record(signoffs: &Signoffs, period: Period) -> Option<String> {
    record_naming(signoffs, period, |login| login.to_string())
}

/// [`record`] as a published report says it: who signed off named by `name` (the
/// dataset's display name and title, `Dataset::person_named`) rather than by login.
pub fn record_naming(
    signoffs: &Signoffs,
    period: Period,
    name: impl Fn(&str) -> String,
) -> Option<String> {
    let key = period.to_string();
    let mut parts = Vec::new();
    for (n, r) in signoffs.reopenings_of(&key).enumerate() {
        if n == 0 {
            parts.push(format!(
                "signed off {} by {}",
                day(&r.signed_at),
                name(&r.signed_by)
            ));
        } else {
            parts.push(format!("signed off again {}", day(&r.signed_at)));
        }
        // One line however the reason was typed.
        let reason = r.reason.replace(['\n', '\r', '\t'], " ");
        parts.push(format!(
            "reopened {}: {}",
            day(&r.reopened_at),
            reason.trim()
        ));
    }
    if let Some(s) = signoffs.of(&key) {
        if parts.is_empty() {
            parts.push(format!(
                "signed off {} by {}",
                day(&s.signed_at),
                name(&s.signed_by)
            ));
        } else {
            parts.push(format!("signed off again {}", day(&s.signed_at)));
        }
        // One line however the approver's name was typed.
        if let Some(approved) = s.approval.words() {
            parts.push(approved.replace(['\n', '\r', '\t'], " "));
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The sign-off on record that covers a period: its own, else its quarter's, else its
/// year's (a month is locked by the quarter signed off around it), with that period.
pub fn record_covering(signoffs: &Signoffs, period: Period) -> Option<(Period, String)> {
    let mut candidates = vec![period];
    if let Period::Month(m) = period {
        candidates.push(Period::Quarter(m.quarter()));
    }
    candidates.push(Period::Year(period.fin_year()));
    candidates
        .into_iter()
        .find_map(|p| record(signoffs, p).map(|r| (p, r)))
}
