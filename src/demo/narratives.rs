//! Narratives Cabinet reads for a quarter: the owner of every monthly indicator red for a
//! quarter Leadership Team signed off wrote the quarter's commentary and remedial action,
//! and in the last two such quarters so did the owners of a few more that missed (reds
//! first), and the owner of the priority with most misses wrote the priority's; each a
//! week before the sign-off meeting, before the quarter was locked.

use std::collections::HashMap;

use chrono::{Duration, NaiveTime};

use super::calendar::Calendar;
use super::commentary::explain;
use super::indicators::Planned;
use super::rng;
use super::signoffs::signed_quarters;
use crate::domain::indicator::Frequency;
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::query::rollup::{GroupBy, rollup};
use crate::store::{Entered, NewNarrative, Result, Store};

/// How many missed indicators of each of the last two signed-off quarters carry a
/// narrative (every red one does).
const PER_QUARTER: usize = 3;

pub fn write(store: &mut Store, planned: &[Planned], cal: &Calendar) -> Result<()> {
    let ds = store.dataset()?;
    let by_code: HashMap<&str, &Planned> = planned.iter().map(|p| (p.code(), p)).collect();
    let mut r = rng::stream("narratives");
    let mut rows = Vec::new();
    let signed = signed_quarters(cal);
    for (n, (q, day)) in signed.iter().enumerate() {
        let recent = n + 2 >= signed.len();
        let period = Period::Quarter(*q);
        let at = (*day - Duration::days(7))
            .and_time(NaiveTime::from_hms_opt(16, 30, 0).unwrap_or(NaiveTime::MIN));
        let groups = rollup(&ds, period, GroupBy::Priority, ds.context(*day)).groups;
        let mut missed: Vec<_> = groups
            .iter()
            .flat_map(|g| &g.indicators)
            .filter(|i| i.rag == Rag::Red || (recent && i.rag == Rag::Amber))
            .filter_map(|i| by_code.get(i.code.as_str()).map(|p| (i.rag, *p)))
            .filter(|(_, p)| {
                p.area.number == 1 && p.record.indicator.frequency == Frequency::Monthly
            })
            .collect();
        missed.sort_by_key(|(rag, p)| (*rag != Rag::Red, p.code().to_string()));
        missed.dedup_by_key(|(_, p)| p.code().to_string());
        let (reds, ambers): (Vec<_>, Vec<_>) =
            missed.into_iter().partition(|(rag, _)| *rag == Rag::Red);
        let more = PER_QUARTER.saturating_sub(reds.len());
        for (rag, p) in reds.into_iter().chain(ambers.into_iter().take(more)) {
            let (why, fix) = explain(p.template, &mut r);
            let status = if rag == Rag::Red {
                "Red for the quarter, beyond the intervention level."
            } else {
                "Amber for the quarter: missed, within tolerance."
            };
            rows.push((
                NewNarrative {
                    code: p.code().to_string(),
                    period,
                    commentary: format!("{status} {why}"),
                    action: fix,
                },
                Entered {
                    by: p.record.indicator.owner.clone(),
                    at,
                },
            ));
        }
        if !recent {
            continue;
        }
        let worst = groups
            .iter()
            .filter(|g| g.counts.red + g.counts.amber > 0)
            .max_by_key(|g| {
                (
                    g.counts.red + g.counts.amber,
                    std::cmp::Reverse(g.code.clone()),
                )
            });
        if let Some(g) = worst
            && let Some(node) = ds
                .nodes
                .iter()
                .find(|n| n.code == g.code && !n.owner.is_empty())
        {
            rows.push((
                NewNarrative {
                    code: g.code.clone(),
                    period,
                    commentary: format!(
                        "{} of this priority's {} indicators missed their target for the quarter{}; the rest held up. Each miss is reported to PPG with its recovery plan.",
                        g.counts.red + g.counts.amber,
                        g.indicators.len(),
                        match g.counts.red {
                            0 => String::new(),
                            n => format!(" ({n} red)"),
                        }
                    ),
                    action: "Each missed indicator's owner reports progress on its recovery plan to PPG monthly until it is back within tolerance.".to_string(),
                },
                Entered {
                    by: node.owner.clone(),
                    at,
                },
            ));
        }
    }
    store.write_narratives_entered(&rows)
}
