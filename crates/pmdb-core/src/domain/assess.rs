//! The assessment of one indicator for one period: its value (recorded or derived), the
//! target that applies, the RAG status with the rule that produced it, the direction of
//! travel, the year to date and, where the period has no data yet, the latest available.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::aggregate::{Aggregate, Observation, aggregate};
use super::direction::{Compared, Direction, Span, direction};
use super::indicator::{Aggregation, Indicator, IndicatorKind};
use super::number::shown;
use super::owed::{Owing, due_by, owing};
use super::period::{Month, Period};
use super::rag::{Judgement, Rag, RagRule, judge};
use super::status_rule::{StatusRule, Unlike};
use super::target::Targets;

/// Everything about today that a rule needs; passed in, never read from a clock here.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub today: NaiveDate,
    pub deadline_day: u32,
}

/// The council-wide RAG rule over time: each entry applies from its month (None: from the
/// beginning) until the next.
#[derive(Debug, Clone)]
pub struct RuleBook {
    entries: Vec<(Option<Month>, RagRule)>,
}

impl RuleBook {
    pub fn new(mut entries: Vec<(Option<Month>, RagRule)>) -> RuleBook {
        entries.sort_by_key(|(from, _)| *from);
        RuleBook { entries }
    }

    /// The rule in force for a period: the one in force in its last month, so a period
    /// that ended before a change keeps the rule it had.
    pub fn council_rule(&self, period: Period) -> RagRule {
        let end = period.last_month();
        self.entries
            .iter()
            .rev()
            .find(|(from, _)| from.is_none_or(|m| m <= end))
            .map(|(_, r)| *r)
            .unwrap_or(RagRule::Intervention)
    }
}

impl Default for RuleBook {
    fn default() -> RuleBook {
        RuleBook::new(vec![(None, RagRule::Intervention)])
    }
}

/// The assessment of one period, as `show`, `rollup` and the interface present it. Figures
/// are rounded to the indicator's decimal places, as they are judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub period: Period,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub intervention: Option<f64>,
    pub rag: Rag,
    /// The rule that decided the status: typed, written out in its words.
    #[serde(
        serialize_with = "super::kept::as_words",
        deserialize_with = "super::status_rule::typed_or_frozen"
    )]
    pub rule: StatusRule,
    pub direction: Option<Direction>,
    /// The period the direction was judged against: typed, written out in its words.
    #[serde(
        serialize_with = "super::kept::as_words_opt",
        deserialize_with = "super::direction::compared_typed_or_frozen"
    )]
    pub compared_with: Option<Compared>,
    pub ytd: Option<f64>,
    /// The period the figure is from: the period asked for, or the latest available
    /// before it when that has no data yet.
    pub latest_period: Option<Period>,
    /// "partial: 2 of 3 months" when the window is not complete.
    pub partial: Option<String>,
    pub deadline: String,
}

/// An indicator with its recorded values and targets, ready to be assessed.
/// The assessment `period` would have with `value` recorded in place of what is stored:
/// what a save is judged by before anything is written, and what the interface shows as
/// an officer types.
pub fn assess_if_recorded(
    series: &Series,
    value: Observation,
    rules: &RuleBook,
    ctx: Context,
) -> Assessment {
    let mut with = Series {
        indicator: series.indicator,
        observations: series.observations.clone(),
        targets: series.targets.clone(),
        from: series.from,
    };
    let period = value.period;
    with.observations.insert(period.sort_key(), value);
    with.recompute(period, rules, ctx)
}

/// What a period's direction of travel is judged against, or why it has none.
enum Travel {
    /// The direction, and the period it was judged against.
    Judged(Direction, Compared),
    /// Unlike periods: the reason, said in the rule.
    NotComparable(Unlike),
    /// Nothing to compare with (or polarity `none`).
    Nothing,
}

pub struct Series<'a> {
    pub indicator: &'a Indicator,
    observations: BTreeMap<(Month, u8), Observation>,
    pub targets: Targets,
    /// The first month the indicator is collected for; earlier periods are not "missing".
    pub from: Option<Month>,
}

impl<'a> Series<'a> {
    pub fn new(
        indicator: &'a Indicator,
        observations: Vec<Observation>,
        targets: Targets,
    ) -> Series<'a> {
        let observations = observations
            .into_iter()
            .map(|o| (o.period.sort_key(), o))
            .collect();
        Series {
            indicator,
            observations,
            targets,
            from: None,
        }
    }

    /// Sets the first month the indicator is collected for.
    pub fn starting(mut self, from: Option<Month>) -> Series<'a> {
        self.from = from;
        self
    }

    /// Whether the indicator was collected for any of the period.
    pub fn collected_in(&self, period: Period) -> bool {
        super::owed::collected_in(self.from, period)
    }

    /// What the indicator owes for `period` on `ctx.today`, by the one rule of what is
    /// owed (collection start and lag).
    pub fn owing(&self, period: Period, ctx: Context) -> Owing {
        owing(
            period,
            self.from,
            self.indicator.lag,
            ctx.deadline_day,
            ctx.today,
        )
    }

    /// The last day the period's figure is on time: the council's deadline moved by the
    /// indicator's lag.
    pub fn due_by(&self, period: Period, ctx: Context) -> NaiveDate {
        due_by(period, ctx.deadline_day, self.indicator.lag)
    }

    pub fn observation(&self, period: Period) -> Option<&Observation> {
        self.observations
            .get(&period.sort_key())
            .filter(|o| o.period == period)
    }

    /// The latest recorded period, if any.
    pub fn latest_recorded(&self) -> Option<Period> {
        self.observations.values().next_back().map(|o| o.period)
    }

    pub fn observations(&self) -> impl Iterator<Item = &Observation> {
        self.observations.values()
    }

    /// The period this indicator reports a value for when `period` is asked: a quarterly
    /// indicator's quarter for a month, an annual indicator's year for a month or quarter.
    pub fn natural_period(&self, period: Period) -> Period {
        self.indicator.frequency.natural_period(period)
    }

    /// The recorded periods that make up a window of months.
    fn parts_of(&self, months: &[Month]) -> Vec<Period> {
        let (Some(first), Some(last)) = (months.first(), months.last()) else {
            return vec![];
        };
        let frequency = self.indicator.frequency;
        let mut parts: Vec<Period> = months.iter().map(|m| frequency.period_of(*m)).collect();
        parts.dedup();
        // A window only counts recorded periods that lie wholly inside it.
        parts.retain(|p| p.first_month() >= *first && p.last_month() <= *last);
        parts
    }

    fn derive(&self, parts: &[Period]) -> Option<Aggregate> {
        let obs: Vec<&Observation> = parts.iter().filter_map(|p| self.observation(*p)).collect();
        aggregate(
            self.indicator.aggregation,
            self.indicator.ratio_scale(),
            &obs,
            parts.len(),
        )
    }

    /// The value over a window of months, with the parts it is made of.
    pub fn value_over(&self, months: &[Month]) -> Option<Aggregate> {
        self.derive(&self.parts_of(months))
    }

    /// Computes one period's assessment (taken as the indicator's natural period for it)
    /// from the figures and rules as they are now, ignoring sign-off: a signed-off period
    /// shows what was frozen, which only `Dataset::assess` (in `query`) knows. Reports and
    /// views call that; this is for the rules themselves and for judging a save.
    pub fn recompute(&self, asked: Period, rules: &RuleBook, ctx: Context) -> Assessment {
        let ind = self.indicator;
        let period = self.natural_period(asked);
        let expected = self.parts_of(&period.months());
        let derived = self.derive(&expected);
        let due = self.due_by(period, ctx);
        let covered: Vec<Period> = derived
            .as_ref()
            .map(|d| d.parts.clone())
            .unwrap_or_else(|| expected.clone());
        let threshold =
            self.targets
                .threshold(ind.aggregation, Some(period), &covered, expected.len());
        let rule = ind.rag_rule.unwrap_or_else(|| rules.council_rule(period));
        let dp = ind.decimals;

        // An ended period is whole or missing: once its deadline has passed, a part past its
        // own deadline with no value (and collected) makes it missing, the figure so far
        // shown for information. "Partial" is only for a period still open.
        let unrecorded: Vec<Period> = if ctx.today > due {
            expected
                .iter()
                .copied()
                .filter(|p| self.observation(*p).is_none())
                .filter(|p| self.owing(*p, ctx).is_overdue())
                .collect()
        } else {
            vec![]
        };
        let judgement = match &derived {
            Some(_) if !unrecorded.is_empty() && ind.kind != IndicatorKind::Contextual => {
                Judgement::new(Rag::Missing, StatusRule::Missing(unrecorded.clone()))
            }
            Some(_) if ind.kind == IndicatorKind::Contextual => {
                Judgement::new(Rag::None, StatusRule::Contextual)
            }
            Some(d) => judge(d.value, dp, ind.polarity, rule, threshold),
            None if !self.collected_in(period) => {
                Judgement::new(Rag::None, StatusRule::NotCollectedBefore(self.from))
            }
            None if self.owing(period, ctx).is_overdue() => {
                Judgement::new(Rag::Missing, StatusRule::NoValueByDeadline(due))
            }
            None => Judgement::new(Rag::None, StatusRule::NotYetDue(due)),
        };

        // A figure judged against a target not yet approved says so.
        let judgement = match self.targets.state(period.fin_year()) {
            state if !state.agreed() && judgement.rule.judged_by().is_some() => Judgement {
                rule: StatusRule::Unagreed {
                    rule: Box::new(judgement.rule),
                    state,
                },
                ..judgement
            },
            _ => judgement,
        };
        let (direction, rule) = match derived.as_ref().map(|d| self.direction_of(period, d)) {
            Some(Travel::Judged(d, compared)) => (Some((d, compared)), judgement.rule),
            // Unlike periods get no direction, and the rule says why.
            Some(Travel::NotComparable(why)) => (
                None,
                StatusRule::NotComparable {
                    rule: Box::new(judgement.rule),
                    why,
                },
            ),
            Some(Travel::Nothing) | None => (None, judgement.rule),
        };
        let ytd = match period {
            Period::Year(_) => None,
            p => self
                .value_over(&p.year_to_date())
                .map(|a| shown(a.value, dp)),
        };
        let show_threshold = ind.takes_targets();
        Assessment {
            period,
            value: derived.as_ref().map(|d| shown(d.value, dp)),
            target: threshold
                .filter(|_| show_threshold)
                .map(|t| shown(t.target, dp)),
            intervention: threshold
                .filter(|_| show_threshold)
                .and_then(|t| t.intervention)
                .map(|i| shown(i, dp)),
            rag: judgement.rag,
            rule,
            direction: direction.as_ref().map(|(d, _)| *d),
            compared_with: direction.map(|(_, compared)| compared),
            ytd,
            latest_period: derived.as_ref().map(|_| period),
            // "Partial" is for a period still open; an ended one missing a part says so in
            // its rule instead.
            partial: derived
                .as_ref()
                .filter(|_| unrecorded.is_empty())
                .and_then(Aggregate::partial_label),
            deadline: due.to_string(),
        }
    }

    /// Direction of travel, like with like only: against the same months a year earlier
    /// (even for a partial window, or a quarter collected from its second month), else,
    /// for anything but a cumulative measure, against the previous period when both cover
    /// as many recorded periods; a `sum` over unequal windows is compared per month (its
    /// rate), and any other unlike pair is not compared, saying why.
    fn direction_of(&self, period: Period, now: &Aggregate) -> Travel {
        let ind = self.indicator;
        let judged = |before: f64, now: f64, compared: Compared| {
            direction(ind.polarity, ind.decimals, now, before)
                .map_or(Travel::Nothing, |d| Travel::Judged(d, compared))
        };
        if let Some(a) = self.same_a_year_earlier(now) {
            return judged(a.value, now.value, Compared::with(period.year_earlier()));
        }
        // A running total grows through the year: against the previous period it would
        // always improve.
        if ind.cumulative {
            return Travel::Nothing;
        }
        let prev = period.prev();
        let Some(before) = self.value_over(&prev.months()) else {
            return Travel::Nothing;
        };
        let (n_now, n_before) = (now.parts.len(), before.parts.len());
        if n_now == n_before {
            return judged(before.value, now.value, Compared::with(prev));
        }
        let span = now.parts.first().map_or(Span::Month, |p| Span::of(*p));
        if ind.aggregation == Aggregation::Sum {
            return judged(
                before.value / n_before as f64,
                now.value / n_now as f64,
                Compared {
                    period: prev,
                    per: Some(span),
                },
            );
        }
        let (short, which) = if n_now < n_before {
            (now, period)
        } else {
            (&before, prev)
        };
        Travel::NotComparable(Unlike {
            period: which,
            collected: short.parts.len(),
            expected: short.expected,
            span,
        })
    }

    /// The value of the same months a year earlier as `now` is made of, when it has as many
    /// recorded periods: like with like, for a direction or last year's shape.
    pub fn same_a_year_earlier(&self, now: &Aggregate) -> Option<Aggregate> {
        let shifted: Vec<Month> = now
            .parts
            .iter()
            .flat_map(|p| p.months())
            .map(|m| m.plus(-12))
            .collect();
        self.value_over(&shifted)
            .filter(|a| a.parts.len() == now.parts.len())
    }

    /// Like `recompute`, but when the period has no data and is not yet due (data from
    /// external sources often arrives late), shows the latest period that has data,
    /// labelled by `latest_period`. A period past its deadline stays missing. Ignores
    /// sign-off, as `recompute` does.
    pub fn recompute_latest(&self, asked: Period, rules: &RuleBook, ctx: Context) -> Assessment {
        self.latest_from(self.recompute(asked, rules, ctx), asked, rules, ctx)
    }

    /// `recompute_latest` from the period's own assessment (`recompute`'s), already made:
    /// a sign-off keeps both and judges the period once.
    pub fn latest_from(
        &self,
        now: Assessment,
        asked: Period,
        rules: &RuleBook,
        ctx: Context,
    ) -> Assessment {
        if now.value.is_some() || now.rag == Rag::Missing {
            return now;
        }
        let period = self.natural_period(asked);
        // Look back at most two years for the latest period with a value.
        let steps = match period {
            Period::Month(_) => 24,
            Period::Quarter(_) => 8,
            Period::Year(_) => 2,
        };
        for n in 1..=steps {
            let earlier = period.step(-n);
            let a = self.recompute(earlier, rules, ctx);
            if a.value.is_some() {
                return Assessment {
                    period: now.period,
                    ..a
                };
            }
        }
        now
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::{Aggregation, Frequency, Polarity};
    use crate::domain::period::FinYear;
    use crate::domain::target::TargetRow;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    fn ctx(today: &str) -> Context {
        Context {
            today: today.parse().unwrap(),
            deadline_day: 15,
        }
    }

    fn indicator(aggregation: Aggregation, polarity: Polarity, frequency: Frequency) -> Indicator {
        Indicator {
            code: "HW1".into(),
            title: "Household waste recycled".into(),
            kind: IndicatorKind::Local,
            unit: "%".into(),
            decimals: 1,
            polarity,
            frequency,
            aggregation,
            owner: "alee".into(),
            rag_rule: None,
            min: crate::domain::bounds::Bound::Default,
            max: crate::domain::bounds::Bound::Default,
            cumulative: false,
            lag: 0,
        }
    }

    fn obs(period: &str, value: f64) -> Observation {
        Observation {
            period: p(period),
            value,
            numerator: None,
            denominator: None,
        }
    }

    fn frac(period: &str, num: f64, den: f64) -> Observation {
        Observation {
            period: p(period),
            value: num / den * 100.0,
            numerator: Some(num),
            denominator: Some(den),
        }
    }

    fn annual(year: i32, target: f64, intervention: f64) -> TargetRow {
        TargetRow {
            year: FinYear(year),
            period: None,
            target,
            intervention: Some(intervention),
        }
    }

    #[test]
    fn a_monthly_value_is_judged_against_its_target() {
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(
            &ind,
            vec![obs("2024-05", 92.0)],
            Targets::new(&[annual(2024, 95.0, 90.0)]),
        );
        let a = s.recompute(p("2024-05"), &RuleBook::default(), ctx("2024-07-01"));
        assert_eq!(
            (a.value, a.target, a.intervention, a.rag),
            (Some(92.0), Some(95.0), Some(90.0), Rag::Amber)
        );
        assert_eq!(
            a.rule.to_string(),
            "green ≥ 95.0; amber ≥ 90.0 (intervention level); red below"
        );
        assert_eq!(a.deadline, "2024-06-15");
    }

    #[test]
    fn no_value_is_missing_after_the_deadline_and_not_yet_due_before() {
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(&ind, vec![], Targets::new(&[annual(2024, 95.0, 90.0)]));
        let before = s.recompute(p("2024-05"), &RuleBook::default(), ctx("2024-06-15"));
        assert_eq!(
            (before.rag, before.rule.to_string().as_str()),
            (Rag::None, "not yet due (deadline 15 Jun 2024)")
        );
        assert_eq!(before.target, Some(95.0));
        let after = s.recompute(p("2024-05"), &RuleBook::default(), ctx("2024-06-16"));
        assert_eq!(
            (after.rag, after.rule.to_string().as_str()),
            (Rag::Missing, "no value by the deadline 15 Jun 2024")
        );
    }

    #[test]
    fn a_ratio_quarter_with_ytd_and_direction_against_last_year() {
        let ind = indicator(Aggregation::Ratio, Polarity::Higher, Frequency::Monthly);
        let values = vec![
            frac("2023-04", 7.0, 10.0),
            frac("2023-05", 7.0, 10.0),
            frac("2023-06", 7.0, 10.0),
            frac("2024-04", 9.0, 10.0),
            frac("2024-05", 1.0, 2.0),
            frac("2024-06", 18.0, 20.0),
            frac("2024-07", 3.0, 4.0),
        ];
        let s = Series::new(&ind, values, Targets::new(&[annual(2024, 85.0, 80.0)]));
        let q1 = s.recompute(p("2024/25 Q1"), &RuleBook::default(), ctx("2024-08-01"));
        // 28 / 32 = 87.5%, against the annual 85 target: green; up on last year's 70%.
        assert_eq!(
            (q1.value, q1.target, q1.rag),
            (Some(87.5), Some(85.0), Rag::Green)
        );
        assert_eq!(
            (
                q1.direction,
                q1.compared_with
                    .as_ref()
                    .map(ToString::to_string)
                    .as_deref()
            ),
            (Some(Direction::Improving), Some("2023/24 Q1"))
        );
        assert_eq!(q1.ytd, Some(87.5));
        assert_eq!(q1.partial, None);
        // July's year to date: 31 / 36 = 86.1%.
        let jul = s.recompute(p("2024-07"), &RuleBook::default(), ctx("2024-08-01"));
        assert_eq!(jul.ytd, Some(86.1));
        // No July last year: compared with June instead (90% to 75%: worsening).
        assert_eq!(
            (
                jul.direction,
                jul.compared_with
                    .as_ref()
                    .map(ToString::to_string)
                    .as_deref()
            ),
            (Some(Direction::Worsening), Some("2024-06"))
        );
    }

    #[test]
    fn an_ended_quarter_with_a_month_never_recorded_is_missing() {
        let ind = Indicator {
            unit: "visits".into(),
            decimals: 0,
            ..indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly)
        };
        // July never recorded; August and September on target (100 a month).
        let s = Series::new(
            &ind,
            vec![obs("2026-08", 110.0), obs("2026-09", 105.0)],
            Targets::new(&[annual(2026, 1200.0, 960.0)]),
        );
        // After Q2's deadline (15 October): missing, the figure so far for information.
        let q2 = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-10-16"));
        assert_eq!(q2.rag, Rag::Missing);
        assert_eq!(q2.rule.to_string(), "missing: July 2026 not recorded");
        assert_eq!(q2.value, Some(215.0));
        assert_eq!(q2.partial, None);
        // Before it, the quarter is still open: partial, held to its share of the target.
        let open = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-10-10"));
        assert_eq!(open.rag, Rag::Green);
        assert_eq!(open.partial.as_deref(), Some("partial: 2 of 3 months"));
        // Months before collection starts never make it missing.
        let later = Series::new(
            &ind,
            vec![obs("2026-08", 110.0), obs("2026-09", 105.0)],
            Targets::new(&[annual(2026, 1200.0, 960.0)]),
        )
        .starting(Some(p("2026-08").first_month()));
        let q2 = later.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-10-16"));
        assert_ne!(q2.rag, Rag::Missing, "{}", q2.rule);
    }

    #[test]
    fn a_partial_sum_quarter_is_labelled_and_held_to_its_share() {
        let ind = Indicator {
            unit: "visits".into(),
            decimals: 0,
            ..indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly)
        };
        let s = Series::new(
            &ind,
            vec![obs("2024-10", 110.0), obs("2024-11", 95.0)],
            Targets::new(&[annual(2024, 1200.0, 960.0)]),
        );
        let q3 = s.recompute(p("2024/25 Q3"), &RuleBook::default(), ctx("2024-12-20"));
        assert_eq!(
            (q3.value, q3.target, q3.intervention),
            (Some(205.0), Some(200.0), Some(160.0))
        );
        assert_eq!(q3.rag, Rag::Green);
        assert_eq!(q3.partial.as_deref(), Some("partial: 2 of 3 months"));
    }

    #[test]
    fn a_quarterly_indicators_own_quarter_is_used_as_it_is() {
        let ind = indicator(Aggregation::Mean, Polarity::Lower, Frequency::Quarterly);
        let s = Series::new(
            &ind,
            vec![obs("2024/25 Q2", 8.4)],
            Targets::new(&[annual(2024, 8.0, 9.0)]),
        );
        let a = s.recompute(p("2024/25 Q2"), &RuleBook::default(), ctx("2024-11-01"));
        assert_eq!((a.value, a.rag), (Some(8.4), Rag::Amber));
        // Asking for a month in it gives the quarter.
        assert_eq!(
            s.recompute(p("2024-08"), &RuleBook::default(), ctx("2024-11-01"))
                .period,
            p("2024/25 Q2")
        );
    }

    #[test]
    fn contextual_and_data_only_measures() {
        let ctx_ind = Indicator {
            kind: IndicatorKind::Contextual,
            ..indicator(Aggregation::Latest, Polarity::Lower, Frequency::Monthly)
        };
        let s = Series::new(
            &ctx_ind,
            vec![obs("2023-06", 40.0), obs("2024-06", 35.0)],
            Targets::default(),
        );
        let a = s.recompute(p("2024-06"), &RuleBook::default(), ctx("2024-08-01"));
        assert_eq!(
            (a.rag, a.direction),
            (Rag::None, Some(Direction::Improving))
        );
        assert_eq!(
            a.rule.to_string(),
            "contextual measure: direction only, no target"
        );
        let none = indicator(Aggregation::Latest, Polarity::None, Frequency::Monthly);
        let s = Series::new(
            &none,
            vec![obs("2023-06", 40.0), obs("2024-06", 35.0)],
            Targets::default(),
        );
        let a = s.recompute(p("2024-06"), &RuleBook::default(), ctx("2024-08-01"));
        assert_eq!((a.rag, a.direction), (Rag::None, None));
    }

    #[test]
    fn the_rule_in_force_follows_the_period() {
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(
            &ind,
            vec![obs("2024-12", 88.0), obs("2025-01", 88.0)],
            Targets::new(&[annual(2024, 95.0, 90.0)]),
        );
        let from_jan = Month::new(2025, 1);
        let rules = RuleBook::new(vec![
            (None, RagRule::Intervention),
            (
                from_jan,
                RagRule::Tolerance {
                    green: 5.0,
                    amber: 10.0,
                },
            ),
        ]);
        // December keeps the intervention rule (88 < 90: red); January's tolerance makes 88 amber.
        assert_eq!(
            s.recompute(p("2024-12"), &rules, ctx("2025-03-01")).rag,
            Rag::Red
        );
        assert_eq!(
            s.recompute(p("2025-01"), &rules, ctx("2025-03-01")).rag,
            Rag::Amber
        );
        // The indicator's own rule overrides the council's.
        let own = Indicator {
            rag_rule: Some(RagRule::Tolerance {
                green: 10.0,
                amber: 20.0,
            }),
            ..ind.clone()
        };
        let s = Series::new(
            &own,
            vec![obs("2024-12", 88.0)],
            Targets::new(&[annual(2024, 95.0, 90.0)]),
        );
        assert_eq!(
            s.recompute(p("2024-12"), &rules, ctx("2025-03-01")).rag,
            Rag::Green
        );
    }

    #[test]
    fn periods_before_the_indicator_started_are_not_missing() {
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(&ind, vec![], Targets::default()).starting(Month::new(2024, 4));
        let before = s.recompute(p("2024-03"), &RuleBook::default(), ctx("2025-01-01"));
        assert_eq!(
            (before.rag, before.rule.to_string().as_str()),
            (Rag::None, "not collected before 2024/25")
        );
        assert_eq!(
            s.recompute(p("2024-04"), &RuleBook::default(), ctx("2025-01-01"))
                .rag,
            Rag::Missing
        );
        // A quarter that ends after the start counts.
        assert_eq!(
            s.recompute(p("2023/24 Q4"), &RuleBook::default(), ctx("2025-01-01"))
                .rag,
            Rag::None
        );
        assert_eq!(
            s.recompute(p("2024/25 Q1"), &RuleBook::default(), ctx("2025-01-01"))
                .rag,
            Rag::Missing
        );
    }

    #[test]
    fn latest_available_when_the_period_is_not_yet_due() {
        let ind = Indicator {
            frequency: Frequency::Annual,
            ..indicator(Aggregation::Latest, Polarity::Higher, Frequency::Annual)
        };
        let s = Series::new(
            &ind,
            vec![obs("2023/24", 71.0)],
            Targets::new(&[annual(2023, 70.0, 65.0)]),
        );
        // In 2024/25 Q2 the annual figure for 2024/25 is not due: show 2023/24's, labelled.
        let a = s.recompute_latest(p("2024/25 Q2"), &RuleBook::default(), ctx("2024-11-01"));
        assert_eq!(
            (a.period, a.latest_period),
            (p("2024/25"), Some(p("2023/24")))
        );
        assert_eq!((a.value, a.rag), (Some(71.0), Rag::Green));
    }

    fn sum_indicator(cumulative: bool) -> Indicator {
        Indicator {
            code: "FT1".into(),
            title: "Fly-tips cleared".into(),
            unit: "count".into(),
            decimals: 0,
            cumulative,
            ..indicator(Aggregation::Sum, Polarity::Higher, Frequency::Monthly)
        }
    }

    fn first_month(s: &str) -> Option<Month> {
        Some(p(s).first_month())
    }

    #[test]
    fn direction_is_last_years_first_then_the_previous_periods() {
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Quarterly);
        let s = Series::new(
            &ind,
            vec![
                obs("2023/24 Q3", 80.0),
                obs("2024/25 Q2", 95.0),
                obs("2024/25 Q3", 90.0),
            ],
            Targets::new(&[]),
        );
        // Against last year's 80 it improved, although it fell from last quarter's 95.
        let a = s.recompute(p("2024/25 Q3"), &RuleBook::default(), ctx("2025-03-01"));
        assert_eq!(
            (
                a.direction,
                a.compared_with.as_ref().map(ToString::to_string).as_deref()
            ),
            (Some(Direction::Improving), Some("2023/24 Q3"))
        );
        // With no last year, the previous quarter: 95 to 90 is worse.
        let s = Series::new(
            &ind,
            vec![obs("2024/25 Q2", 95.0), obs("2024/25 Q3", 90.0)],
            Targets::new(&[]),
        );
        let a = s.recompute(p("2024/25 Q3"), &RuleBook::default(), ctx("2025-03-01"));
        assert_eq!(
            (
                a.direction,
                a.compared_with.as_ref().map(ToString::to_string).as_deref()
            ),
            (Some(Direction::Worsening), Some("2024/25 Q2"))
        );
    }

    #[test]
    fn a_sum_over_unequal_quarters_is_compared_per_month() {
        // Collected from May: Q1 is May and June only (220, 110 a month); Q2 is three
        // months of 100 (300). The sum rose, the monthly rate fell: worsening.
        let ind = sum_indicator(false);
        let s = Series::new(
            &ind,
            vec![
                obs("2026-05", 110.0),
                obs("2026-06", 110.0),
                obs("2026-07", 100.0),
                obs("2026-08", 100.0),
                obs("2026-09", 100.0),
            ],
            Targets::new(&[]),
        )
        .starting(first_month("2026-05"));
        let a = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-11-01"));
        assert_eq!(a.value, Some(300.0));
        assert_eq!(
            (
                a.direction,
                a.compared_with.as_ref().map(ToString::to_string).as_deref()
            ),
            (Some(Direction::Worsening), Some("2026/27 Q1, per month"))
        );
    }

    #[test]
    fn unlike_periods_of_a_mean_get_no_direction_and_say_why() {
        let ind = indicator(Aggregation::Mean, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(
            &ind,
            vec![
                obs("2026-05", 60.0),
                obs("2026-06", 60.0),
                obs("2026-07", 70.0),
                obs("2026-08", 70.0),
                obs("2026-09", 70.0),
            ],
            Targets::new(&[annual(2026, 65.0, 60.0)]),
        )
        .starting(first_month("2026-05"));
        let a = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-11-01"));
        assert_eq!(
            (a.value, a.rag, a.direction),
            (Some(70.0), Rag::Green, None)
        );
        assert_eq!(
            a.rule.to_string(),
            "green ≥ 65.0; amber ≥ 60.0 (intervention level); red below – not comparable: 2026/27 Q1 collected 2 of 3 months"
        );
        // Months are always like with like: August against July.
        let m = s.recompute(p("2026-08"), &RuleBook::default(), ctx("2026-11-01"));
        assert_eq!(
            (
                m.direction,
                m.compared_with.as_ref().map(ToString::to_string).as_deref()
            ),
            (Some(Direction::Same), Some("2026-07"))
        );
    }

    #[test]
    fn a_cumulative_measure_is_compared_with_last_year_only() {
        // Council tax collected to date: each quarter's snapshot is larger than the last.
        let ind = Indicator {
            cumulative: true,
            ..indicator(Aggregation::Latest, Polarity::Higher, Frequency::Monthly)
        };
        let values = |extra: Vec<Observation>| {
            let mut v = vec![obs("2026-06", 29.0), obs("2026-09", 56.0)];
            v.extend(extra);
            v
        };
        let s = Series::new(&ind, values(vec![]), Targets::new(&[]));
        let a = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-11-01"));
        // Not "improving" against June's 29: a running total always grows.
        assert_eq!((a.value, a.direction), (Some(56.0), None));
        let s = Series::new(&ind, values(vec![obs("2025-09", 57.5)]), Targets::new(&[]));
        let a = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-11-01"));
        assert_eq!(
            (
                a.direction,
                a.compared_with.as_ref().map(ToString::to_string).as_deref()
            ),
            (Some(Direction::Worsening), Some("2025/26 Q2"))
        );
        // Without `cumulative`, the same figures would be compared with June.
        let plain = indicator(Aggregation::Latest, Polarity::Higher, Frequency::Monthly);
        let s = Series::new(&plain, values(vec![]), Targets::new(&[]));
        let a = s.recompute(p("2026/27 Q2"), &RuleBook::default(), ctx("2026-11-01"));
        assert_eq!(a.direction, Some(Direction::Improving));
    }

    #[test]
    fn a_lagged_figure_is_not_yet_due_until_its_moved_deadline() {
        // A national quarterly return published three months after the quarter.
        let ind = Indicator {
            lag: 3,
            ..indicator(Aggregation::Mean, Polarity::Higher, Frequency::Quarterly)
        };
        let s = Series::new(&ind, vec![], Targets::new(&[annual(2026, 95.0, 90.0)]));
        let a = s.recompute(p("2026/27 Q1"), &RuleBook::default(), ctx("2026-08-01"));
        assert_eq!(
            (a.rag, a.rule.to_string().as_str(), a.deadline.as_str()),
            (
                Rag::None,
                "not yet due (deadline 15 Oct 2026)",
                "2026-10-15"
            )
        );
        let a = s.recompute(p("2026/27 Q1"), &RuleBook::default(), ctx("2026-10-16"));
        assert_eq!(
            (a.rag, a.rule.to_string().as_str()),
            (Rag::Missing, "no value by the deadline 15 Oct 2026")
        );
    }
}
