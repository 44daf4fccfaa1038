//! How far each recorded figure can be trusted, by indicator and period, built once when
//! the dataset is read: the interface marks every figure it draws (`p`, `e`), so the
//! look-up made for each row is a hash probe, not a scan of the indicator's values.

use std::collections::HashMap;

use super::values::{Quality, StoredValue};
use crate::domain::period::Period;

#[derive(Debug, Clone, Default)]
pub struct QualityIndex {
    /// By indicator, then period: one probe of each answers a row.
    by_code: foldhash::HashMap<String, foldhash::HashMap<Period, Held>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Held {
    /// The quality recorded with the value stored for exactly this period.
    recorded: Option<Quality>,
    /// For a quarter or a year: the weakest quality of the values stored within it, the
    /// quality of a figure made from them where none is stored for the period itself.
    within: Option<Quality>,
}

impl QualityIndex {
    pub fn new(values: &HashMap<String, Vec<StoredValue>>) -> QualityIndex {
        let mut index = QualityIndex::default();
        for (code, vs) in values {
            index.add(code, vs);
        }
        index
    }

    /// Indexes one indicator's values (with those already indexed for it).
    pub(super) fn add(&mut self, code: &str, values: &[StoredValue]) {
        if values.is_empty() {
            return;
        }
        let held = self.by_code.entry(code.to_string()).or_default();
        for v in values {
            let own = held.entry(v.period).or_default();
            own.recorded.get_or_insert(v.quality);
            for outer in v.period.enclosing() {
                let within = &mut held.entry(outer).or_default().within;
                *within = Some(within.map_or(v.quality, |q| q.weakest(v.quality)));
            }
        }
    }

    /// Forgets what was indexed for one indicator.
    pub(super) fn remove(&mut self, code: &str) {
        self.by_code.remove(code);
    }

    /// The quality recorded for `period`, else the weakest of the values within it; None
    /// where nothing was recorded.
    pub fn at(&self, code: &str, period: Period) -> Option<Quality> {
        let held = self.by_code.get(code)?.get(&period)?;
        held.recorded.or(held.within)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(period: &str, quality: Quality) -> StoredValue {
        StoredValue {
            indicator: "RW1".into(),
            period: period.parse().unwrap(),
            value: 1.0,
            numerator: None,
            denominator: None,
            quality,
            commentary: String::new(),
            action: String::new(),
            entered_by: "ann".into(),
            entered_at: String::new(),
            version: 1,
            first_entered_at: String::new(),
        }
    }

    #[test]
    fn a_period_has_its_own_quality_else_the_weakest_of_those_within_it() {
        let values = HashMap::from([(
            "RW1".to_string(),
            vec![
                value("2024-04", Quality::Final),
                value("2024-05", Quality::Provisional),
                value("2024-07", Quality::Estimated),
                value("2024/25 Q3", Quality::Final),
            ],
        )]);
        let index = QualityIndex::new(&values);
        let at = |p: &str| index.at("RW1", p.parse().unwrap());
        assert_eq!(at("2024-04"), Some(Quality::Final));
        assert_eq!(at("2024-05"), Some(Quality::Provisional));
        assert_eq!(at("2024-06"), None);
        assert_eq!(at("2024/25 Q1"), Some(Quality::Provisional));
        assert_eq!(at("2024/25 Q2"), Some(Quality::Estimated));
        assert_eq!(at("2024/25 Q3"), Some(Quality::Final));
        assert_eq!(at("2024/25"), Some(Quality::Estimated));
        assert_eq!(at("2025/26"), None);
        assert_eq!(index.at("RW2", "2024-05".parse().unwrap()), None);
    }
}
