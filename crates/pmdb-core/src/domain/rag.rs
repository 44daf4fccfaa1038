//! RAG status of a value against its target, and the rule that produced it.
//!
//! Two forms of threshold are taken: an absolute intervention level per target, or
//! tolerances relative to the target (green within G% of it, amber within A%, red beyond).
//! Values are judged as shown: at the indicator's decimal places, so a status never
//! contradicts the figure printed beside it. Boundaries are inclusive on the good side.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::indicator::{Polarity, words};
use super::number::units;
use super::status_rule::StatusRule;

words!(
    /// The status of one value.
    Rag, "RAG status" {
        Green = "green",
        Amber = "amber",
        Red = "red",
        Missing = "missing",
        None = "none",
    }
);

impl Rag {
    /// A one-letter mark, so status never rests on colour alone.
    pub fn letter(self) -> &'static str {
        match self {
            Rag::Green => "G",
            Rag::Amber => "A",
            Rag::Red => "R",
            Rag::Missing => "M",
            Rag::None => "-",
        }
    }

    /// The letter before a count of this status ("G3 A1 N2"). No status is "N" there, not
    /// the badge's "-": a count written "-14" reads as minus fourteen.
    pub fn count_letter(self) -> &'static str {
        match self {
            Rag::None => "N",
            other => other.letter(),
        }
    }
}

/// How a missed target is graded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RagRule {
    /// Amber down to the target's own intervention level, red beyond it.
    Intervention,
    /// Green within `green`% of the target, amber within `amber`%, red beyond.
    Tolerance { green: f64, amber: f64 },
}

impl fmt::Display for RagRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RagRule::Intervention => f.write_str("intervention"),
            RagRule::Tolerance { green, amber } => write!(f, "tolerance:{green}:{amber}"),
        }
    }
}

impl Serialize for RagRule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for RagRule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

pub const RAG_RULE_FORMS: &str = "'intervention' or 'tolerance:G:A' (green within G% of target, amber within A%, e.g. tolerance:5:10)";

/// A RAG rule written in none of its forms; `why` says what is wrong with it, if more than
/// the form.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("'{text}' is not a RAG rule{why}: use {RAG_RULE_FORMS}")]
pub struct RagRuleError {
    pub text: String,
    pub why: &'static str,
}

impl FromStr for RagRule {
    type Err = RagRuleError;

    fn from_str(text: &str) -> Result<RagRule, RagRuleError> {
        let err = |why: &'static str| RagRuleError {
            text: text.to_string(),
            why,
        };
        let t = text.trim();
        if t == "intervention" {
            return Ok(RagRule::Intervention);
        }
        let Some(rest) = t.strip_prefix("tolerance:") else {
            return Err(err(""));
        };
        let (g, a) = rest.split_once(':').ok_or_else(|| err(""))?;
        // A plain number of 0 or more: no sign ("-0" would read "within -0%"), no exponent.
        let pct = |s: &str| {
            let s = s.trim();
            let plain = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.');
            plain
                .then(|| s.parse::<f64>().ok())
                .flatten()
                .filter(|x| x.is_finite() && *x >= 0.0)
        };
        let (Some(green), Some(amber)) = (pct(g), pct(a)) else {
            return Err(err(" (percentages must be numbers of 0 or more)"));
        };
        if amber < green {
            return Err(err(
                " (the amber band must be at least as wide as the green)",
            ));
        }
        Ok(RagRule::Tolerance { green, amber })
    }
}

/// The target and intervention level that apply to one period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Threshold {
    pub target: f64,
    pub intervention: Option<f64>,
}

/// Whether a miss against this target could ever be red under this rule: not under the
/// intervention rule without an intervention level, where the worst a miss can be is
/// amber (`judge`'s target-only case). `pmdb check` lists such targets.
pub fn misses_can_be_red(rule: RagRule, threshold: Threshold) -> bool {
    !(rule == RagRule::Intervention && threshold.intervention.is_none())
}

/// A status with the rule that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    pub rag: Rag,
    #[serde(serialize_with = "super::kept::as_words")]
    pub rule: StatusRule,
}

impl Judgement {
    pub fn new(rag: Rag, rule: StatusRule) -> Judgement {
        Judgement { rag, rule }
    }
}

/// Judges a recorded value. `threshold` is `None` where no target is set; `data_only`
/// marks measures that never carry a RAG (polarity none, contextual measures).
pub fn judge(
    value: f64,
    decimals: u8,
    polarity: Polarity,
    rule: RagRule,
    threshold: Option<Threshold>,
) -> Judgement {
    let better = match polarity {
        Polarity::Higher => 1.0,
        Polarity::Lower => -1.0,
        Polarity::None => return Judgement::new(Rag::None, StatusRule::DataOnly),
    };
    let Some(t) = threshold else {
        return Judgement::new(Rag::None, StatusRule::NoTarget);
    };
    // Everything is compared in whole units of the last decimal place shown, signed so
    // that larger is better; a status then agrees with the figures printed beside it.
    let v = better * units(value, decimals) as f64;
    let target = better * units(t.target, decimals) as f64;
    match rule {
        RagRule::Intervention => {
            let Some(level) = t.intervention else {
                let rag = if v >= target { Rag::Green } else { Rag::Amber };
                let rule = StatusRule::TargetOnly {
                    target: t.target,
                    decimals,
                    polarity,
                };
                return Judgement::new(rag, rule);
            };
            let level_units = better * units(level, decimals) as f64;
            let rag = if v >= target {
                Rag::Green
            } else if v >= level_units {
                Rag::Amber
            } else {
                Rag::Red
            };
            let rule = StatusRule::Intervention {
                target: t.target,
                level,
                decimals,
                polarity,
            };
            Judgement::new(rag, rule)
        }
        RagRule::Tolerance { green, amber } => {
            // Bands are a share of the target's size: a target of zero has bands of no
            // width, so on target is green and anything worse is red.
            let size = target.abs();
            let rag = if v >= target - size * green / 100.0 {
                Rag::Green
            } else if v >= target - size * amber / 100.0 {
                Rag::Amber
            } else {
                Rag::Red
            };
            let rule = StatusRule::Tolerance {
                green,
                amber,
                target: t.target,
                decimals,
                polarity,
            };
            Judgement::new(rag, rule)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    const INTERVENTION: RagRule = RagRule::Intervention;
    const TOL_5_10: RagRule = RagRule::Tolerance {
        green: 5.0,
        amber: 10.0,
    };

    fn th(target: f64, intervention: Option<f64>) -> Option<Threshold> {
        Some(Threshold {
            target,
            intervention,
        })
    }

    #[test]
    fn without_an_intervention_level_a_miss_is_never_red_under_the_intervention_rule() {
        let bare = Threshold {
            target: 95.0,
            intervention: None,
        };
        assert!(!misses_can_be_red(INTERVENTION, bare));
        assert_eq!(
            judge(1.0, 1, Polarity::Higher, INTERVENTION, Some(bare)).rag,
            Rag::Amber
        );
        assert!(misses_can_be_red(TOL_5_10, bare));
        let level = Threshold {
            intervention: Some(90.0),
            ..bare
        };
        assert!(misses_can_be_red(INTERVENTION, level));
    }

    #[rstest]
    // higher is better, target 95, intervention 90
    #[case(96.0, Polarity::Higher, Rag::Green)]
    #[case(95.0, Polarity::Higher, Rag::Green)] // equal to target: green
    #[case(94.9, Polarity::Higher, Rag::Amber)]
    #[case(90.0, Polarity::Higher, Rag::Amber)] // equal to intervention: amber
    #[case(89.9, Polarity::Higher, Rag::Red)]
    fn intervention_higher_is_better(#[case] v: f64, #[case] pol: Polarity, #[case] rag: Rag) {
        assert_eq!(
            judge(v, 1, pol, INTERVENTION, th(95.0, Some(90.0))).rag,
            rag
        );
    }

    #[rstest]
    // lower is better (days to process claims), target 20, intervention 25
    #[case(18.0, Rag::Green)]
    #[case(20.0, Rag::Green)]
    #[case(20.5, Rag::Amber)]
    #[case(25.0, Rag::Amber)]
    #[case(25.1, Rag::Red)]
    fn intervention_lower_is_better(#[case] v: f64, #[case] rag: Rag) {
        assert_eq!(
            judge(v, 1, Polarity::Lower, INTERVENTION, th(20.0, Some(25.0))).rag,
            rag
        );
    }

    #[rstest]
    // target 95, green within 5% (>= 90.25), amber within 10% (>= 85.5)
    #[case(95.0, 2, Rag::Green)]
    #[case(90.25, 2, Rag::Green)]
    #[case(90.24, 2, Rag::Amber)]
    #[case(85.5, 2, Rag::Amber)]
    #[case(85.49, 2, Rag::Red)]
    #[case(100.0, 2, Rag::Green)]
    fn tolerance_higher_is_better(#[case] v: f64, #[case] dp: u8, #[case] rag: Rag) {
        assert_eq!(
            judge(v, dp, Polarity::Higher, TOL_5_10, th(95.0, None)).rag,
            rag
        );
    }

    #[rstest]
    // residual waste, lower is better, target 400 kg: green <= 420, amber <= 440
    #[case(380.0, Rag::Green)]
    #[case(420.0, Rag::Green)]
    #[case(421.0, Rag::Amber)]
    #[case(440.0, Rag::Amber)]
    #[case(441.0, Rag::Red)]
    fn tolerance_lower_is_better(#[case] v: f64, #[case] rag: Rag) {
        assert_eq!(
            judge(v, 0, Polarity::Lower, TOL_5_10, th(400.0, None)).rag,
            rag
        );
    }

    #[rstest]
    #[case(0.0, Polarity::Lower, Rag::Green)]
    #[case(1.0, Polarity::Lower, Rag::Red)] // one worse than zero: no amber band
    #[case(0.0, Polarity::Higher, Rag::Green)]
    #[case(-1.0, Polarity::Higher, Rag::Red)]
    fn tolerance_with_a_target_of_zero_has_no_width(
        #[case] v: f64,
        #[case] pol: Polarity,
        #[case] rag: Rag,
    ) {
        assert_eq!(judge(v, 0, pol, TOL_5_10, th(0.0, None)).rag, rag);
    }

    #[test]
    fn judged_as_shown_at_the_indicators_decimals() {
        // 94.96 printed as 95.0 against a target of 95 is green.
        assert_eq!(
            judge(
                94.96,
                1,
                Polarity::Higher,
                INTERVENTION,
                th(95.0, Some(90.0))
            )
            .rag,
            Rag::Green
        );
        // At two decimals it is shown as 94.96 and misses.
        assert_eq!(
            judge(
                94.96,
                2,
                Polarity::Higher,
                INTERVENTION,
                th(95.0, Some(90.0))
            )
            .rag,
            Rag::Amber
        );
        // 89.96 shows as 90.0, the intervention level: amber, not red.
        assert_eq!(
            judge(
                89.96,
                1,
                Polarity::Higher,
                INTERVENTION,
                th(95.0, Some(90.0))
            )
            .rag,
            Rag::Amber
        );
        // Lower is better: 20.04 shows as 20.0 and meets a target of 20.
        assert_eq!(
            judge(
                20.04,
                1,
                Polarity::Lower,
                INTERVENTION,
                th(20.0, Some(25.0))
            )
            .rag,
            Rag::Green
        );
    }

    #[test]
    fn data_only_and_no_target_have_no_status() {
        let j = judge(12.0, 0, Polarity::None, INTERVENTION, th(10.0, Some(5.0)));
        assert_eq!(
            (j.rag, j.rule.to_string().as_str()),
            (Rag::None, "data only: no target")
        );
        let j = judge(12.0, 0, Polarity::Higher, INTERVENTION, None);
        assert_eq!((j.rag, j.rule), (Rag::None, StatusRule::NoTarget));
    }

    #[test]
    fn a_target_without_an_intervention_level_is_never_red() {
        let j = judge(10.0, 0, Polarity::Higher, INTERVENTION, th(95.0, None));
        assert_eq!(j.rag, Rag::Amber);
        assert_eq!(
            j.rule.to_string(),
            "green ≥ 95; amber below (no intervention level set)"
        );
    }

    #[test]
    fn the_rule_text_names_the_figures() {
        let j = judge(
            92.0,
            1,
            Polarity::Higher,
            INTERVENTION,
            th(95.0, Some(90.0)),
        );
        assert_eq!(
            j.rule.to_string(),
            "green ≥ 95.0; amber ≥ 90.0 (intervention level); red below"
        );
        let j = judge(22.0, 0, Polarity::Lower, INTERVENTION, th(20.0, Some(25.0)));
        assert_eq!(
            j.rule.to_string(),
            "green ≤ 20; amber ≤ 25 (intervention level); red above"
        );
        let j = judge(92.0, 1, Polarity::Higher, TOL_5_10, th(95.0, None));
        assert_eq!(
            j.rule.to_string(),
            "tolerance: green within 5% of target 95.0, amber within 10%, red beyond (higher is better)"
        );
    }

    #[test]
    fn rag_rules_parse_and_print() {
        assert_eq!("intervention".parse::<RagRule>(), Ok(RagRule::Intervention));
        assert_eq!("tolerance:5:10".parse::<RagRule>(), Ok(TOL_5_10));
        assert_eq!(
            "tolerance:2.5:7.5".parse::<RagRule>().unwrap().to_string(),
            "tolerance:2.5:7.5"
        );
        assert_eq!(TOL_5_10.to_string(), "tolerance:5:10");
        for bad in [
            "tolerance:10:5",
            "tolerance:x:10",
            "tolerance:5",
            "tolerance:-1:5",
            "strict",
        ] {
            let err = bad.parse::<RagRule>().unwrap_err().to_string();
            assert!(err.contains(bad) && err.contains("tolerance:G:A"), "{err}");
        }
    }
}
