//! Where each indicator, plan node and user sits in a `Dataset`'s lists, by code (login for
//! users). Built once when the dataset is read, so a look-up made for every row of a report
//! or every keystroke of a filter is a hash probe, not a scan of the whole list.

// foldhash: a probe per row of every report; SipHash's defence against chosen keys is not
// needed for codes the council itself gave.
use foldhash::{HashMap, HashMapExt};

use super::indicators::IndicatorRecord;
use super::users::UserRecord;
use crate::domain::plan::PlanNode;

#[derive(Debug, Clone, Default)]
pub struct Index {
    indicators: HashMap<String, usize>,
    nodes: HashMap<String, usize>,
    users: HashMap<String, usize>,
}

/// Positions by key; the first of any duplicates wins, as a scan from the front would find.
fn positions<'a>(keys: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (n, k) in keys.enumerate() {
        out.entry(k.to_string()).or_insert(n);
    }
    out
}

impl Index {
    pub fn new(indicators: &[IndicatorRecord], nodes: &[PlanNode], users: &[UserRecord]) -> Index {
        Index {
            indicators: positions(indicators.iter().map(|i| i.indicator.code.as_str())),
            nodes: positions(nodes.iter().map(|n| n.code.as_str())),
            users: positions(users.iter().map(|u| u.login.as_str())),
        }
    }

    pub fn indicator(&self, code: &str) -> Option<usize> {
        self.indicators.get(code).copied()
    }

    pub fn node(&self, code: &str) -> Option<usize> {
        self.nodes.get(code).copied()
    }

    pub fn user(&self, login: &str) -> Option<usize> {
        self.users.get(login).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_of_duplicate_codes_is_found_as_a_scan_would() {
        let users: Vec<UserRecord> = ["ann", "bob", "ann"]
            .iter()
            .map(|l| UserRecord {
                login: l.to_string(),
                name: l.to_uppercase(),
                role: crate::domain::role::Role::Officer,
                title: String::new(),
                email: String::new(),
            })
            .collect();
        let index = Index::new(&[], &[], &users);
        assert_eq!(index.user("ann"), Some(0));
        assert_eq!(index.user("bob"), Some(1));
        assert_eq!(index.user("cat"), None);
        assert_eq!(index.indicator("ann"), None);
    }
}
