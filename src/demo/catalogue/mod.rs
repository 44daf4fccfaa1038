//! The demo's indicators as templates: what each measures (kind, unit, polarity,
//! frequency, aggregation), where it sits in the plan, who owns it, its targets and the
//! shape of its data. `place`, `communities` and `corporate` hold the entries; this file
//! holds the template type and a small builder so each entry reads as one sentence.

mod communities;
mod corporate;
mod place;

use crate::domain::indicator::{Aggregation, Frequency, Indicator, IndicatorKind, Polarity};
use crate::domain::rag::RagRule;

/// How an indicator's values are generated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    /// Judged against targets. Values sit `margin` gaps on the good side of the target
    /// (a gap is the distance from target to intervention level, or the amber tolerance
    /// band), moving `drift` gaps a year, with `noise` gaps of random variation. The
    /// target moves `tighten` a year towards better.
    Targeted {
        target: f64,
        intervention: f64,
        tighten: f64,
        margin: f64,
        drift: f64,
        noise: f64,
    },
    /// No target (contextual or data only): a level in the indicator's unit with a
    /// yearly trend and random noise, both in the unit.
    Free { level: f64, trend: f64, noise: f64 },
}

/// How an annual target is profiled over the year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Profile {
    Flat,
    /// A cumulative collection rate: each month's target is the share of the year's
    /// collection due by then (council tax, business rates), and each quarter's that of
    /// its last month.
    Cumulative,
    /// Seasonal monthly weights, April first, summing to 12.
    Monthly([f64; 12]),
    /// Seasonal quarterly weights, Q1 first, summing to 4.
    Quarterly([f64; 4]),
}

/// Something particular that happens to an indicator's data, so the demo has the
/// missing, late and red values a real council has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Story {
    Normal,
    /// Red in the latest period: the exception queue has work.
    RedNow,
    /// No value for the month now due.
    MissingNow,
    /// No value for this many months in the middle of last year.
    GapLastYear(u32),
    /// An external source a quarter behind: no value for the latest quarter.
    LateQuarter,
}

#[derive(Debug, Clone)]
pub struct Template {
    pub code: &'static str,
    pub title: &'static str,
    pub kind: IndicatorKind,
    pub unit: &'static str,
    pub decimals: u8,
    pub polarity: Polarity,
    pub frequency: Frequency,
    pub aggregation: Aggregation,
    /// The team plan (as area 1 codes it) the indicator belongs to.
    pub team: &'static str,
    /// A key activity it is linked to as well.
    pub also: Option<&'static str>,
    /// The accountable officer's post (index into `org::POSTS`).
    pub owner: usize,
    /// A data-entry officer's post besides the owner.
    pub enterer: Option<usize>,
    pub source: &'static str,
    /// Compared with the nearest-neighbour councils (gets benchmark values).
    pub benchmarked: bool,
    pub rule: Option<RagRule>,
    pub level: Level,
    /// Seasonal swing, in the same units as the level's noise, peaking in `peak`
    /// (a calendar month; negative amplitude: the worst month).
    pub season: f64,
    pub peak: u32,
    pub profile: Profile,
    /// For a ratio: the typical denominator of one recorded period.
    pub volume: f64,
    /// Values may go below zero (a budget variance).
    pub signed: bool,
    /// The month the council started collecting it (a measure introduced part-way): no
    /// values before, and none owed.
    pub collect_from: Option<&'static str>,
    /// Whole months after its deadline that the figure is published (a national return):
    /// the indicator's `lag`.
    pub lag: u8,
    pub story: Story,
    /// The figure of the latest period is still an estimate.
    pub latest_estimated: bool,
    /// Why a missed target was missed and what is being done, specific to this
    /// indicator; otherwise its team's lines are used, naming `about`.
    pub why: &'static [&'static str],
    pub fix: &'static [&'static str],
    /// What the indicator counts, as its title words it ("noise complaints"), for the
    /// team's lines to name.
    pub about: &'static str,
}

impl Template {
    /// The indicator this template describes, under the code, title and owner an area
    /// gives it.
    pub fn indicator(&self, code: String, title: String, owner: String) -> Indicator {
        Indicator {
            code,
            title,
            kind: self.kind,
            unit: self.unit.to_string(),
            decimals: self.decimals,
            polarity: self.polarity,
            frequency: self.frequency,
            aggregation: self.aggregation,
            owner,
            rag_rule: self.rule,
            // A signed measure (a budget variance) may go below zero.
            min: if self.signed {
                crate::domain::bounds::Bound::Unbounded
            } else {
                crate::domain::bounds::Bound::Default
            },
            max: crate::domain::bounds::Bound::Default,
            cumulative: false,
            lag: self.lag,
        }
    }

    /// What is counted and how, in words a reader of the report's "About these measures"
    /// can use: what it is, its unit, how often and from where, how a quarter's or year's
    /// figure is made, and which way is better.
    pub fn definition(&self, title: &str) -> String {
        use crate::domain::indicator::Aggregation::*;
        let every = match self.frequency {
            Frequency::Monthly => "each month",
            Frequency::Quarterly => "each quarter",
            Frequency::Annual => "each year",
        };
        let made = match self.aggregation {
            Sum => "the sum of the figures within it",
            Mean => "the average of the figures within it",
            Latest => "the latest figure within it",
            Ratio => "its numerators over its denominators",
            Max => "the highest figure within it",
            Min => "the lowest figure within it",
        };
        let better = match self.polarity {
            Polarity::Higher => "Higher is better.",
            Polarity::Lower => "Lower is better.",
            Polarity::None => "Reported for context: neither way is better.",
        };
        let unit = if self.unit.is_empty() {
            String::new()
        } else {
            format!(", in {}", self.unit)
        };
        let from = if self.source.is_empty() {
            String::new()
        } else {
            format!(" from {}", self.source)
        };
        format!(
            "{title}{unit}, recorded {every}{from}; a longer period's figure is {made}. {better}"
        )
    }

    pub fn takes_targets(&self) -> bool {
        matches!(self.level, Level::Targeted { .. })
            && self.kind != IndicatorKind::Contextual
            && self.polarity != Polarity::None
    }

    /// +1 when higher is better, -1 when lower is (0 for data only).
    pub fn sign(&self) -> f64 {
        match self.polarity {
            Polarity::Higher => 1.0,
            Polarity::Lower => -1.0,
            Polarity::None => 0.0,
        }
    }
}

/// Starts an entry: a local, monthly, higher-is-better count summed over periods.
fn ind(code: &'static str, title: &'static str) -> Template {
    Template {
        code,
        title,
        kind: IndicatorKind::Local,
        unit: "count",
        decimals: 0,
        polarity: Polarity::Higher,
        frequency: Frequency::Monthly,
        aggregation: Aggregation::Sum,
        team: "",
        also: None,
        owner: 0,
        enterer: None,
        source: "",
        benchmarked: false,
        rule: None,
        level: Level::Free {
            level: 0.0,
            trend: 0.0,
            noise: 0.0,
        },
        season: 0.0,
        peak: 1,
        profile: Profile::Flat,
        volume: 0.0,
        signed: false,
        collect_from: None,
        lag: 0,
        story: Story::Normal,
        latest_estimated: false,
        why: &[],
        fix: &[],
        about: "",
    }
}

/// The builder: each method sets one thing and hands the template on.
impl Template {
    fn sdl(self) -> Self {
        Template {
            kind: IndicatorKind::Sdl,
            ..self
        }
    }
    fn partner(self) -> Self {
        Template {
            kind: IndicatorKind::Partner,
            ..self
        }
    }
    fn contextual(self) -> Self {
        Template {
            kind: IndicatorKind::Contextual,
            ..self
        }
    }
    fn unit(self, unit: &'static str, decimals: u8) -> Self {
        Template {
            unit,
            decimals,
            ..self
        }
    }
    fn lower(self) -> Self {
        Template {
            polarity: Polarity::Lower,
            ..self
        }
    }
    fn data_only(self) -> Self {
        Template {
            polarity: Polarity::None,
            ..self
        }
    }
    fn quarterly(self) -> Self {
        Template {
            frequency: Frequency::Quarterly,
            ..self
        }
    }
    fn annual(self) -> Self {
        Template {
            frequency: Frequency::Annual,
            ..self
        }
    }
    fn mean(self) -> Self {
        Template {
            aggregation: Aggregation::Mean,
            ..self
        }
    }
    fn latest(self) -> Self {
        Template {
            aggregation: Aggregation::Latest,
            ..self
        }
    }
    fn max(self) -> Self {
        Template {
            aggregation: Aggregation::Max,
            ..self
        }
    }
    fn min(self) -> Self {
        Template {
            aggregation: Aggregation::Min,
            ..self
        }
    }
    /// A ratio Σnumerator / Σdenominator, with the typical denominator of a period.
    fn ratio(self, volume: f64) -> Self {
        Template {
            aggregation: Aggregation::Ratio,
            volume,
            ..self
        }
    }
    fn team(self, team: &'static str, owner: usize) -> Self {
        Template {
            team,
            owner,
            ..self
        }
    }
    fn also(self, node: &'static str) -> Self {
        Template {
            also: Some(node),
            ..self
        }
    }
    fn enterer(self, post: usize) -> Self {
        Template {
            enterer: Some(post),
            ..self
        }
    }
    fn source(self, source: &'static str) -> Self {
        Template { source, ..self }
    }
    fn bench(self) -> Self {
        Template {
            benchmarked: true,
            ..self
        }
    }
    fn tolerance(self, green: f64, amber: f64) -> Self {
        Template {
            rule: Some(RagRule::Tolerance { green, amber }),
            ..self
        }
    }
    /// Annual target and intervention level for the first year, and how far the target
    /// tightens each year. Performance defaults to a comfortable 0.6 gaps on the good side.
    fn target(self, target: f64, intervention: f64, tighten: f64) -> Self {
        let level = Level::Targeted {
            target,
            intervention,
            tighten,
            margin: 0.6,
            drift: 0.0,
            noise: 0.45,
        };
        Template { level, ..self }
    }
    /// Where performance sits against target (see `Level::Targeted`).
    fn perf(self, margin: f64, drift: f64, noise: f64) -> Self {
        let level = match self.level {
            Level::Targeted {
                target,
                intervention,
                tighten,
                ..
            } => Level::Targeted {
                target,
                intervention,
                tighten,
                margin,
                drift,
                noise,
            },
            free => free,
        };
        Template { level, ..self }
    }
    fn free(self, level: f64, trend: f64, noise: f64) -> Self {
        Template {
            level: Level::Free {
                level,
                trend,
                noise,
            },
            ..self
        }
    }
    fn season(self, season: f64, peak: u32) -> Self {
        Template {
            season,
            peak,
            ..self
        }
    }
    fn profile(self, profile: Profile) -> Self {
        Template { profile, ..self }
    }
    /// Published `months` after the usual deadline, as a national statistic is.
    fn lag(self, months: u8) -> Self {
        Template {
            lag: months,
            ..self
        }
    }
    fn collecting_from(self, month: &'static str) -> Self {
        Template {
            collect_from: Some(month),
            ..self
        }
    }

    fn signed(self) -> Self {
        Template {
            signed: true,
            ..self
        }
    }
    fn story(self, story: Story) -> Self {
        Template { story, ..self }
    }
    fn latest_estimated(self) -> Self {
        Template {
            latest_estimated: true,
            ..self
        }
    }
    fn explain(self, why: &'static [&'static str], fix: &'static [&'static str]) -> Self {
        Template { why, fix, ..self }
    }
    fn about(self, about: &'static str) -> Self {
        Template { about, ..self }
    }
}

/// Every indicator of area 1, in the order they are listed.
pub fn templates() -> Vec<Template> {
    let mut all = place::templates();
    all.extend(communities::templates());
    all.extend(corporate::templates());
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::org;

    #[test]
    fn every_template_is_well_formed() {
        let all = templates();
        let mut codes = std::collections::BTreeSet::new();
        for t in &all {
            assert!(codes.insert(t.code), "{} twice", t.code);
            assert!(
                org::team(t.team).is_some(),
                "{}: no team {}",
                t.code,
                t.team
            );
            assert!(
                t.owner < org::POSTS.len() && t.enterer.is_none_or(|e| e < org::POSTS.len()),
                "{}",
                t.code
            );
            assert_eq!(
                t.aggregation == Aggregation::Ratio,
                t.volume > 0.0,
                "{}: a ratio needs a volume",
                t.code
            );
            match t.level {
                Level::Targeted {
                    target,
                    intervention,
                    ..
                } => {
                    assert!(t.takes_targets(), "{} has targets but takes none", t.code);
                    assert!(
                        t.sign() * (target - intervention) >= 0.0,
                        "{}: intervention on the good side",
                        t.code
                    );
                }
                Level::Free { .. } => {
                    assert!(!t.takes_targets(), "{} takes targets but has none", t.code)
                }
            }
            if let Profile::Monthly(w) = t.profile {
                assert!((w.iter().sum::<f64>() - 12.0).abs() < 1e-9, "{}", t.code);
            }
            if let Profile::Quarterly(w) = t.profile {
                assert!((w.iter().sum::<f64>() - 4.0).abs() < 1e-9, "{}", t.code);
            }
        }
        assert!(all.len() >= 60, "{}", all.len());
    }
}
