//! The value rows of one indicator: the generated series, less the periods its story
//! leaves empty, each judged as the store will judge it so that every amber or red figure
//! carries a commentary and a remedial action and a green one at most a note true of it; the latest figures often provisional,
//! the odd one estimated; each with the officer who entered it and when (`entries`).

use std::collections::HashMap;

use super::calendar::Calendar;
use super::catalogue::Story;
use super::commentary;
use super::entries;
use super::indicators::Planned;
use super::rng;
use super::series;
use crate::domain::aggregate::Observation;
use crate::domain::assess::{Context, RuleBook, Series};
use crate::domain::deadline::DEFAULT_DEADLINE_DAY;
use crate::domain::indicator::{Aggregation, Frequency};
use crate::domain::period::Period;
use crate::domain::rag::Rag;
use crate::domain::target::{TargetRow, Targets};
use crate::store::{Entered, Quality, ValueRow};

/// Whether the indicator's story leaves this period without a value.
fn left_empty(story: Story, frequency: Frequency, period: Period, cal: &Calendar) -> bool {
    match (story, period) {
        (Story::MissingNow, Period::Month(m)) => m == cal.now_due,
        (Story::GapLastYear(n), Period::Month(m)) => {
            // Months five onwards (August…) of last year, when the system changed over.
            m.fin_year().0 == cal.current_year.0 - 1 && (5..5 + n).contains(&m.fin_month())
        }
        (Story::LateQuarter, p) => cal.latest(frequency) == Some(p),
        _ => false,
    }
}

/// The value rows of one indicator, oldest first, with who entered each and when, ready
/// for `Store::import_values_entered`.
pub fn rows(p: &Planned, target_rows: &[TargetRow], cal: &Calendar) -> Vec<(ValueRow, Entered)> {
    let t = p.template;
    let ind = &p.record.indicator;
    let targets = Targets::new(target_rows);
    let points: Vec<series::Point> = series::generate(t, ind, &targets, cal, p.code())
        .into_iter()
        .filter(|pt| !left_empty(t.story, t.frequency, pt.period, cal))
        // A lagged figure not yet published by today.
        .filter(|pt| entries::published(pt.period, t.lag) <= cal.today)
        // Nothing before the council started collecting it.
        .filter(|pt| {
            p.record
                .collect_from
                .is_none_or(|from| pt.period.first_month() >= from)
        })
        .collect();
    let observations = points
        .iter()
        .map(|pt| Observation {
            period: pt.period,
            value: pt.value,
            numerator: pt.numerator,
            denominator: pt.denominator,
        })
        .collect();
    // Judged exactly as `pmdb check` will judge it: the council default rule (a new
    // database has the intervention rule) unless the indicator has its own.
    let series = Series::new(ind, observations, targets);
    let rules = RuleBook::default();
    let ctx = Context {
        today: cal.today,
        deadline_day: DEFAULT_DEADLINE_DAY,
    };
    let mut r = rng::stream(&format!("notes/{}", p.code()));
    // A stream of its own, so who and when never shift the figures or the notes.
    let mut when = rng::stream(&format!("entered/{}", p.code()));
    let last = points.len().saturating_sub(1);
    // Every period judged first, so a note can say what came before it.
    let rags: HashMap<Period, Rag> = points
        .iter()
        .map(|pt| (pt.period, series.recompute(pt.period, &rules, ctx).rag))
        .collect();
    let rag_of = |p: Period| rags.get(&p).copied().unwrap_or(Rag::Missing);
    points
        .iter()
        .enumerate()
        .map(|(i, pt)| {
            let rag = rag_of(pt.period);
            let (commentary, action) = if matches!(rag, Rag::Amber | Rag::Red) {
                commentary::explain(t, &mut r)
            } else if rag == Rag::Green {
                let before = [rag_of(pt.period.prev().prev()), rag_of(pt.period.prev())];
                let note = commentary::note(t.frequency, &before, &mut r);
                (note.unwrap_or_default(), String::new())
            } else {
                (String::new(), String::new())
            };
            let quality = if i == last && t.latest_estimated {
                Quality::Estimated
            } else if (i == last && rng::chance(&mut r, 0.45))
                || (i + 1 == last && t.frequency == Frequency::Monthly && rng::chance(&mut r, 0.2))
            {
                Quality::Provisional
            } else if rng::chance(&mut r, 0.015) {
                Quality::Estimated
            } else {
                Quality::Final
            };
            // A ratio is given by its parts; the store computes the value from them.
            let value = (ind.aggregation != Aggregation::Ratio).then_some(pt.value);
            let row = ValueRow {
                code: p.code().to_string(),
                period: pt.period,
                value,
                percent_sign: false,
                numerator: pt.numerator,
                denominator: pt.denominator,
                quality,
                commentary,
                action,
            };
            (row, entries::entered(p, pt.period, cal, &mut when))
        })
        .collect()
}
