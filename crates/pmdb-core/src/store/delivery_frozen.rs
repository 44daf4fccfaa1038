//! Delivery's judgements frozen at sign-off, held by period, then kind, then code: a
//! period's rows find their map once, and each item's look-up borrows its code, so judging
//! a signed-off period makes no string per item. Loading stores each period's name once,
//! not once per judgement (ten signed-off quarters freeze 19,600 at `demo --scale 10`).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::delivery_read::FrozenJudgement;
use crate::domain::period::Period;

/// Every frozen judgement that reads.
#[derive(Clone, Default)]
pub struct FrozenMap {
    by_period: HashMap<Box<str>, FrozenPeriod>,
}

/// Shown in order (period, kind, code), so two equal maps print alike.
impl fmt::Debug for FrozenMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sorted: BTreeMap<(&str, &str, &str), &FrozenJudgement> = self
            .by_period
            .iter()
            .flat_map(|(period, frozen)| {
                frozen.by_kind.iter().flat_map(move |(kind, codes)| {
                    codes
                        .iter()
                        .map(move |(code, j)| ((&**period, *kind, &**code), j))
                })
            })
            .collect();
        f.debug_map().entries(sorted).finish()
    }
}

/// One signed-off period's judgements, by kind (`action`, `project`, `risk`, `eia`) and
/// code.
#[derive(Debug, Clone, Default)]
pub struct FrozenPeriod {
    by_kind: HashMap<&'static str, HashMap<Box<str>, FrozenJudgement>>,
}

impl FrozenMap {
    /// Adds a judgement frozen for `period` (as stored) under its code.
    pub fn insert(&mut self, period: &str, code: &str, judgement: FrozenJudgement) {
        let frozen = match self.by_period.get_mut(period) {
            Some(frozen) => frozen,
            None => self.by_period.entry(period.into()).or_default(),
        };
        frozen
            .by_kind
            .entry(judgement.kind())
            .or_default()
            .insert(code.into(), judgement);
    }

    /// What was frozen when `period` was signed off; none if it was not.
    pub fn period(&self, period: Period) -> Option<&FrozenPeriod> {
        if self.by_period.is_empty() {
            return None;
        }
        self.by_period.get(period.to_string().as_str())
    }

    pub fn len(&self) -> usize {
        self.by_period.values().map(FrozenPeriod::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl FrozenPeriod {
    /// The judgement frozen for the item of this kind and code.
    pub fn get(&self, kind: &str, code: &str) -> Option<&FrozenJudgement> {
        self.by_kind.get(kind)?.get(code)
    }

    fn len(&self) -> usize {
        self.by_kind.values().map(HashMap::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::delivery::eia::EiaJudgement;

    fn eia(json: &str) -> FrozenJudgement {
        FrozenJudgement::Eia(serde_json::from_str::<EiaJudgement>(json).unwrap())
    }

    #[test]
    fn a_judgement_is_found_by_its_period_kind_and_code_only() {
        let open = r#"{"overdue":false,"rag":"green","rule":{"Due":"2025-10-20"},"status":"open"}"#;
        let mut map = FrozenMap::default();
        map.insert("2026/27 Q1", "E1", eia(open));
        assert_eq!(map.len(), 1);
        let q1: Period = "2026/27 Q1".parse().unwrap();
        let q2: Period = "2026/27 Q2".parse().unwrap();
        let frozen = map.period(q1).expect("Q1 was signed off");
        assert!(matches!(
            frozen.get("eia", "E1"),
            Some(FrozenJudgement::Eia(_))
        ));
        assert!(frozen.get("action", "E1").is_none(), "another kind's code");
        assert!(frozen.get("eia", "E2").is_none());
        assert!(map.period(q2).is_none(), "Q2 was not signed off");
    }
}
