//! `pmdb check`: data quality. Indicators without an owner or a target, targets whose
//! misses could never be red, values that miss their target without commentary and
//! remedial action, overdue data.

use chrono::NaiveDate;
use serde::Serialize;

use super::overdue::{overdue, periods_in};
use crate::domain::assess::Context;
use crate::domain::entry::check_explained;
use crate::domain::period::{FinYear, Month, Period};
use crate::domain::rag::{Judgement, Threshold, misses_can_be_red};
use crate::store::Dataset;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// A short, stable name for the kind of problem.
    pub check: &'static str,
    pub code: String,
    pub period: Option<String>,
    pub message: String,
}

pub fn check(ds: &Dataset, today: NaiveDate, ctx: Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let year = Month::of(today).fin_year();
    let mut find = |check: &'static str, code: &str, period: Option<String>, message: String| {
        out.push(Finding {
            check,
            code: code.to_string(),
            period,
            message,
        });
    };
    for rec in &ds.indicators {
        let i = &rec.indicator;
        if i.owner.trim().is_empty() {
            find(
                "no_owner",
                &i.code,
                None,
                format!("{} has no accountable officer", i.code),
            );
        } else if ds.user(&i.owner).is_none() {
            find(
                "unknown_owner",
                &i.code,
                None,
                format!("{}'s owner '{}' is not a pmdb user", i.code, i.owner),
            );
        }
        if rec.plan.is_empty() {
            find(
                "no_plan",
                &i.code,
                None,
                format!("{} is linked to no plan node", i.code),
            );
        }
        let has_target = ds
            .targets
            .get(&i.code)
            .is_some_and(|t| t.iter().any(|t| t.year == year));
        if i.takes_targets() && !has_target {
            find(
                "no_target",
                &i.code,
                Some(year.to_string()),
                format!("{} has no target for {year}", i.code),
            );
        }
        // Last year's targets onward (as for unexplained misses below): a target without
        // an intervention level, where the intervention rule judges it, makes every miss
        // amber at worst.
        let targets = ds.targets.get(&i.code).map_or(&[][..], Vec::as_slice);
        for t in targets.iter().filter(|t| t.year.0 >= year.0 - 1) {
            let period = t.period.unwrap_or(Period::Year(t.year));
            let rule = i.rag_rule.unwrap_or_else(|| ds.rules.council_rule(period));
            let threshold = Threshold {
                target: t.target,
                intervention: t.intervention,
            };
            if i.takes_targets() && !misses_can_be_red(rule, threshold) {
                find(
                    "no_intervention",
                    &i.code,
                    Some(period.to_string()),
                    format!(
                        "{} {period}: the target has no intervention level and the intervention rule applies, so a miss could never be red",
                        i.code
                    ),
                );
            }
        }
        let series = ds.series(rec);
        for y in [FinYear(year.0 - 1), year] {
            for p in periods_in(i.frequency, y) {
                let Some(v) = ds.value_at(&i.code, p) else {
                    continue;
                };
                let a = ds.assess(&series, p, ctx);
                let judged = Judgement::new(a.rag, a.rule.clone());
                if check_explained(&judged, &v.commentary, &v.action).is_err() {
                    find(
                        "unexplained",
                        &i.code,
                        Some(p.to_string()),
                        format!(
                            "{} {p} is {} but has no commentary or remedial action",
                            i.code, a.rag
                        ),
                    );
                }
            }
        }
    }
    // A status frozen at sign-off that no longer reads: the period's report would show
    // the status computed now in its place.
    for (period, code) in ds.frozen.damaged() {
        find(
            "damaged_signoff",
            &code,
            Some(period.clone()),
            format!(
                "{code} {period}: the status frozen at sign-off cannot be read; restore it from a backup"
            ),
        );
    }
    for o in overdue(ds, today, ctx) {
        out.push(Finding {
            check: "overdue",
            code: o.code.clone(),
            period: Some(o.period.clone()),
            message: format!(
                "{} {} was due {} ({} overdue; owner {})",
                o.code,
                o.period,
                o.deadline,
                crate::domain::label::counted(o.days_overdue.max(0) as usize, "day", "days"),
                o.owner
            ),
        });
    }
    out
}
