//! A risk's position for a period: the likelihood × impact of its latest review on or
//! before the period's end (the inherent, pre-control score before its first review), its
//! band by the council's `risk_bands`, whether it is above its target score, its direction
//! against the review before, whether its review is overdue, and the 5 × 5 heat map of the
//! open risks.
//!
//! An opportunity (category `opportunity`, Harborough's "Risk and Opportunity Management
//! Framework") is scored alike: likelihood × impact, the same bands, target score and
//! direction, so "above target" means its score exceeds its target score and a lower score
//! is improving, exactly as for a risk, and it raises the same exceptions (above its target,
//! review overdue). It is listed apart ("Opportunities") and never counted in the heat map
//! (`heat_map` is given the risks only: `is_opportunity`).

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};

use super::{DeliveryRag, Iso, passed_by};
use crate::domain::direction::Direction;
use crate::domain::indicator::words;

words!(
    /// The register a risk belongs to.
    RiskCategory, "risk category" {
        Strategic = "strategic",
        Business = "business",
        Operational = "operational",
        Partnership = "partnership",
        Opportunity = "opportunity",
    }
);

/// Whether a stored category is the opportunities' register, listed apart from the risks
/// and never counted in the heat map.
pub fn is_opportunity(category: &str) -> bool {
    category == RiskCategory::Opportunity.as_str()
}

/// The council's bands: green up to `green`, amber up to `amber`, red above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskBands {
    pub green: u8,
    pub amber: u8,
}

impl Default for RiskBands {
    /// `4:12`: green 1–4, amber 5–12, red 15–25.
    fn default() -> RiskBands {
        RiskBands {
            green: 4,
            amber: 12,
        }
    }
}

impl RiskBands {
    pub fn rag(self, score: u8) -> DeliveryRag {
        if score <= self.green {
            DeliveryRag::Green
        } else if score <= self.amber {
            DeliveryRag::Amber
        } else {
            DeliveryRag::Red
        }
    }
}

impl fmt::Display for RiskBands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.green, self.amber)
    }
}

/// Written as set: "4:12".
impl serde::Serialize for RiskBands {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// And read back from it (a frozen risk's rule names the bands it was banded by).
impl<'de> serde::Deserialize<'de> for RiskBands {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RiskBands, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "risk bands '{0}' are not G:A with 1 ≤ G < A < 25 (green up to G, amber up to A, red above), such as 4:12"
)]
pub struct RiskBandsError(pub String);

impl FromStr for RiskBands {
    type Err = RiskBandsError;

    fn from_str(text: &str) -> Result<RiskBands, RiskBandsError> {
        let bad = || RiskBandsError(text.to_string());
        let (g, a) = text.trim().split_once(':').ok_or_else(bad)?;
        let green: u8 = g.trim().parse().map_err(|_| bad())?;
        let amber: u8 = a.trim().parse().map_err(|_| bad())?;
        if green >= 1 && green < amber && amber < 25 {
            Ok(RiskBands { green, amber })
        } else {
            Err(bad())
        }
    }
}

/// A likelihood or impact: 1 to 5.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the {what} must be a whole number from 1 to 5, not '{text}'")]
pub struct ScaleError {
    pub what: &'static str,
    pub text: String,
}

pub fn check_scale(what: &'static str, text: &str) -> Result<u8, ScaleError> {
    match text.trim().parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => Ok(n),
        _ => Err(ScaleError {
            what,
            text: text.to_string(),
        }),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub inherent_likelihood: u8,
    pub inherent_impact: u8,
    pub target_score: u8,
    /// How often it must be reviewed.
    pub review_months: u32,
    /// Open until this date.
    pub closed: Option<NaiveDate>,
}

impl Risk {
    /// Open at the end of a period: not closed on or before it.
    pub fn open_at(&self, end: NaiveDate) -> bool {
        self.closed.is_none_or(|c| c > end)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskReview {
    pub date: NaiveDate,
    pub likelihood: u8,
    pub impact: u8,
    pub commentary: String,
}

impl RiskReview {
    pub fn score(&self) -> u8 {
        self.likelihood * self.impact
    }
}

/// A risk judged at the end of a period; what sign-off freezes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RiskJudgement {
    pub open: bool,
    pub likelihood: u8,
    pub impact: u8,
    pub score: u8,
    pub rag: DeliveryRag,
    pub above_target: bool,
    /// Against the review before the latest; none with fewer than two reviews.
    pub direction: Option<Direction>,
    pub last_review: Option<NaiveDate>,
    /// The latest review's date plus the review frequency; none before a first review.
    pub review_due: Option<NaiveDate>,
    pub review_overdue: bool,
    #[serde(
        serialize_with = "crate::domain::kept::as_words",
        deserialize_with = "typed_or_frozen"
    )]
    pub rule: RiskRule,
}

/// Why a risk has its band, with the figures and dates its words name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum RiskRule {
    /// An open risk's score, from its review of `reviewed` (none: inherent, not yet
    /// reviewed), banded by `bands`; its target score where the score is above it, and
    /// the date its review was due where that has passed.
    Scored {
        likelihood: u8,
        impact: u8,
        score: u8,
        reviewed: Option<NaiveDate>,
        band: DeliveryRag,
        bands: RiskBands,
        above_target: Option<u8>,
        overdue_since: Option<NaiveDate>,
    },
    /// Closed on this day.
    Closed(NaiveDate),
    /// Words frozen by a sign-off made before pmdb kept the rule typed, as they were.
    Frozen(String),
}

impl fmt::Display for RiskRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RiskRule::Closed(on) => write!(f, "closed {}", Iso(*on)),
            RiskRule::Frozen(words) => f.write_str(words),
            RiskRule::Scored {
                likelihood,
                impact,
                score,
                reviewed,
                band,
                bands,
                above_target,
                overdue_since,
            } => {
                match reviewed {
                    Some(on) => write!(
                        f,
                        "{likelihood} × {impact} = {score} at the review of {}",
                        Iso(*on)
                    )?,
                    None => write!(
                        f,
                        "{likelihood} × {impact} = {score}, inherent: not yet reviewed"
                    )?,
                }
                let band = match band {
                    DeliveryRag::Green => "green",
                    DeliveryRag::Amber => "amber",
                    _ => "red",
                };
                write!(f, "; {band} (bands {bands})")?;
                if let Some(target) = above_target {
                    write!(f, "; above its target score {target}")?;
                }
                if let Some(due) = overdue_since {
                    write!(f, "; review overdue since {}", Iso(*due))?;
                }
                Ok(())
            }
        }
    }
}

fn typed_or_frozen<'de, D: serde::Deserializer<'de>>(d: D) -> Result<RiskRule, D::Error> {
    crate::domain::kept::typed_or_words(d, RiskRule::Frozen)
}

/// Why a risk is an exception for a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskException {
    AboveTarget,
    ReviewOverdue,
}

impl RiskJudgement {
    pub fn exceptions(&self) -> Vec<RiskException> {
        if !self.open {
            return vec![];
        }
        let mut out = vec![];
        if self.above_target {
            out.push(RiskException::AboveTarget);
        }
        if self.review_overdue {
            out.push(RiskException::ReviewOverdue);
        }
        out
    }
}

/// The risk at `end` (a period's last day). `reviews` in any order.
pub fn judge(
    risk: &Risk,
    reviews: &[RiskReview],
    end: NaiveDate,
    bands: RiskBands,
) -> RiskJudgement {
    let mut upto: Vec<&RiskReview> = reviews.iter().filter(|r| r.date <= end).collect();
    upto.sort_by_key(|r| r.date);
    let latest = upto.last().copied();
    let before = upto.len().checked_sub(2).map(|i| upto[i]);
    let (likelihood, impact) = latest
        .map_or((risk.inherent_likelihood, risk.inherent_impact), |r| {
            (r.likelihood, r.impact)
        });
    let score = likelihood * impact;
    let rag = bands.rag(score);
    let above_target = score > risk.target_score;
    let direction = before
        .zip(latest)
        .map(|(b, l)| match l.score().cmp(&b.score()) {
            std::cmp::Ordering::Less => Direction::Improving,
            std::cmp::Ordering::Equal => Direction::Same,
            std::cmp::Ordering::Greater => Direction::Worsening,
        });
    let review_due =
        latest.and_then(|r| r.date.checked_add_months(Months::new(risk.review_months)));
    let open = risk.open_at(end);
    let review_overdue = open && review_due.is_some_and(|due| passed_by(due, end));

    let rule = if open {
        RiskRule::Scored {
            likelihood,
            impact,
            score,
            reviewed: latest.map(|r| r.date),
            band: rag,
            bands,
            above_target: above_target.then_some(risk.target_score),
            overdue_since: review_due.filter(|_| review_overdue),
        }
    } else {
        RiskRule::Closed(risk.closed.unwrap_or(end))
    };
    RiskJudgement {
        open,
        likelihood,
        impact,
        score,
        rag: if open { rag } else { DeliveryRag::None },
        above_target,
        direction,
        last_review: latest.map(|r| r.date),
        review_due,
        review_overdue,
        rule,
    }
}

/// The 5 × 5 count of open risks by likelihood and impact: `map[l - 1][i - 1]`.
pub fn heat_map<'a>(judged: impl IntoIterator<Item = &'a RiskJudgement>) -> [[u32; 5]; 5] {
    let mut map = [[0u32; 5]; 5];
    for j in judged.into_iter().filter(|j| j.open) {
        let (l, i) = (j.likelihood as usize, j.impact as usize);
        if (1..=5).contains(&l) && (1..=5).contains(&i) {
            map[l - 1][i - 1] += 1;
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn review(date: &str, likelihood: u8, impact: u8) -> RiskReview {
        RiskReview {
            date: d(date),
            likelihood,
            impact,
            commentary: String::new(),
        }
    }
    fn risk() -> Risk {
        Risk {
            inherent_likelihood: 5,
            inherent_impact: 4,
            target_score: 8,
            review_months: 3,
            closed: None,
        }
    }

    #[test]
    fn bands_give_the_rag_at_their_edges() {
        let b = RiskBands::default();
        let rags: Vec<DeliveryRag> = [1, 4, 5, 12, 15, 25].iter().map(|s| b.rag(*s)).collect();
        use DeliveryRag::*;
        assert_eq!(rags, [Green, Green, Amber, Amber, Red, Red]);
        let b: RiskBands = "6:15".parse().unwrap();
        assert_eq!(
            (b.rag(6), b.rag(8), b.rag(15), b.rag(16)),
            (Green, Amber, Amber, Red)
        );
        assert_eq!(b.to_string(), "6:15");
        for bad in ["", "4", "12:4", "0:12", "4:25", "a:b", "4:4"] {
            let err = bad.parse::<RiskBands>().unwrap_err().to_string();
            assert!(err.contains("such as 4:12"), "{bad}: {err}");
        }
    }

    /// (period end) → (score, rag, above target, direction, review due, overdue, rule)
    #[test]
    fn a_risks_score_for_a_period() {
        let reviews = [
            review("2025-05-10", 4, 4),
            review("2025-08-12", 3, 4),
            review("2025-11-20", 4, 5),
        ];
        let b = RiskBands::default();
        type Case<'a> = (
            &'a str,
            u8,
            DeliveryRag,
            bool,
            Option<Direction>,
            Option<&'a str>,
            bool,
            &'a str,
        );
        let cases: Vec<Case> = vec![
            (
                "2025-04-30",
                20,
                DeliveryRag::Red,
                true,
                None,
                None,
                false,
                "5 × 4 = 20, inherent: not yet reviewed; red (bands 4:12); above its target score 8",
            ),
            (
                "2025-06-30",
                16,
                DeliveryRag::Red,
                true,
                None,
                Some("2025-08-10"),
                false,
                "4 × 4 = 16 at the review of 2025-05-10; red (bands 4:12); above its target score 8",
            ),
            (
                "2025-09-30",
                12,
                DeliveryRag::Amber,
                true,
                Some(Direction::Improving),
                Some("2025-11-12"),
                false,
                "3 × 4 = 12 at the review of 2025-08-12; amber (bands 4:12); above its target score 8",
            ),
            (
                "2025-11-30",
                20,
                DeliveryRag::Red,
                true,
                Some(Direction::Worsening),
                Some("2026-02-20"),
                false,
                "4 × 5 = 20 at the review of 2025-11-20; red (bands 4:12); above its target score 8",
            ),
            (
                "2026-03-31",
                20,
                DeliveryRag::Red,
                true,
                Some(Direction::Worsening),
                Some("2026-02-20"),
                true,
                "4 × 5 = 20 at the review of 2025-11-20; red (bands 4:12); above its target score 8; review overdue since 2026-02-20",
            ),
        ];
        for (end, score, rag, above, direction, due, overdue, rule) in cases {
            let j = judge(&risk(), &reviews, d(end), b);
            assert_eq!(
                (
                    j.score,
                    j.rag,
                    j.above_target,
                    j.direction,
                    j.review_due,
                    j.review_overdue,
                    j.rule.to_string().as_str()
                ),
                (score, rag, above, direction, due.map(d), overdue, rule),
                "at {end}"
            );
        }
    }

    #[test]
    fn reviews_in_any_order_and_a_same_score_is_same() {
        let reviews = [review("2025-08-01", 2, 3), review("2025-05-01", 3, 2)];
        let j = judge(&risk(), &reviews, d("2025-09-30"), RiskBands::default());
        assert_eq!((j.score, j.direction), (6, Some(Direction::Same)));
        assert_eq!(j.last_review, Some(d("2025-08-01")));
        assert!(j.exceptions().is_empty(), "6 is under its target of 8");
    }

    #[test]
    fn a_closed_risk_is_off_the_heat_map_and_owes_nothing() {
        let mut closed = risk();
        closed.closed = Some(d("2025-06-30"));
        let reviews = [review("2025-05-10", 4, 4)];
        let before = judge(&closed, &reviews, d("2025-05-31"), RiskBands::default());
        let after = judge(&closed, &reviews, d("2025-06-30"), RiskBands::default());
        assert!(before.open && !after.open);
        assert_eq!(before.exceptions(), [RiskException::AboveTarget]);
        assert!(after.exceptions().is_empty());
        assert_eq!(after.rule, RiskRule::Closed(d("2025-06-30")));
        assert_eq!(after.rule.to_string(), "closed 2025-06-30");
        let open = judge(&risk(), &reviews, d("2025-05-31"), RiskBands::default());
        let map = heat_map([&before, &after, &open]);
        assert_eq!(map[3][3], 2, "likelihood 4, impact 4: the two open ones");
        assert_eq!(map.iter().flatten().sum::<u32>(), 2);
    }

    #[test]
    fn sign_off_keeps_the_rule_typed_and_reads_old_words_as_they_were() {
        let reviews = [review("2025-01-10", 4, 4)];
        let j = judge(&risk(), &reviews, d("2025-05-31"), RiskBands::default());
        let words = "4 × 4 = 16 at the review of 2025-01-10; red (bands 4:12); above its target score 8; review overdue since 2025-04-10";
        assert_eq!(j.rule.to_string(), words);
        let kept = crate::domain::kept::with_typed_rule(&j, &j.rule).unwrap();
        assert!(!kept.contains(words), "{kept}");
        assert_eq!(serde_json::from_str::<RiskJudgement>(&kept).unwrap(), j);
        // As written out, and as a pmdb that kept the words froze it.
        let shown = serde_json::to_string(&j).unwrap();
        let old: RiskJudgement = serde_json::from_str(&shown).unwrap();
        assert_eq!(old.rule, RiskRule::Frozen(words.into()));
    }

    #[test]
    fn likelihood_and_impact_are_one_to_five() {
        assert_eq!(check_scale("likelihood", "5"), Ok(5));
        for bad in ["0", "6", "2.5", "", "high"] {
            let err = check_scale("impact", bad).unwrap_err().to_string();
            assert!(
                err.contains("impact must be a whole number from 1 to 5"),
                "{err}"
            );
        }
    }
}
