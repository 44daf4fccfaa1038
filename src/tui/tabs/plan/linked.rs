//! The actions, risks and projects on some plan nodes, each with its status for a period
//! and the rule that gave it, as the Plan tab's detail lists them. Every item is judged
//! once per period and data (`LinkedIndex::new`, when either changes) and found by its plan
//! nodes; a cursor move only looks up the selected row's nodes (issue 27: a move costs what
//! its rows cost, not a judgement of the whole council's delivery).

use std::collections::HashMap;

use crate::domain::assess::Context;
use crate::domain::period::Period;
use crate::store::Dataset;

/// ("Actions", lines), ("Risks", lines), ("Projects", lines): the empty ones left out.
pub type Linked = Vec<(&'static str, Vec<String>)>;

/// One kind's items: each one's line, in the council's order, and where each plan node's
/// items are.
#[derive(Default)]
struct Kind {
    lines: Vec<String>,
    by_node: HashMap<String, Vec<usize>>,
}

impl Kind {
    fn add(&mut self, nodes: &[&str], line: String) {
        let at = self.lines.len();
        self.lines.push(line);
        for n in nodes {
            self.by_node.entry((*n).to_string()).or_default().push(at);
        }
    }

    /// The lines of the items on any of `nodes`, each once, in the council's order.
    fn on(&self, nodes: &[String]) -> Vec<String> {
        let mut at: Vec<usize> = nodes
            .iter()
            .filter_map(|n| self.by_node.get(n))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|i| self.lines[i].clone()).collect()
    }
}

/// Every action, risk and project judged for a period, indexed by plan node.
pub struct LinkedIndex {
    /// The period and whole read of the data it was judged for (figures do not move it).
    pub key: (Period, u64),
    kinds: [(&'static str, Kind); 3],
}

impl LinkedIndex {
    /// Judges them for `key`: the period, and the whole read of the data they come from.
    pub fn new(ds: &Dataset, ctx: Context, key: (Period, u64)) -> LinkedIndex {
        let (period, _) = key;
        let d = &ds.delivery;
        let mut actions = Kind::default();
        for a in d.action_rows(period, ctx) {
            let j = &a.judgement;
            let line = format!(
                "{} {} {} ({}: {})",
                j.rag.letter(),
                a.record.code,
                a.record.title,
                j.status.as_str().replace('_', " "),
                j.rule
            );
            actions.add(&a.plan, line);
        }
        let mut risks = Kind::default();
        // A project's own risks are on its project's nodes; an opportunity says so.
        for r in d.risk_rows(period).iter().filter(|r| r.judgement.open) {
            let j = &r.judgement;
            let line = format!(
                "{} {} {} ({}score {}, target {}{})",
                j.rag.letter(),
                r.record.code,
                r.record.title,
                if r.is_opportunity() {
                    "opportunity, "
                } else {
                    ""
                },
                j.score,
                r.record.target_score,
                if j.above_target { ", above target" } else { "" }
            );
            risks.add(&d.risk_nodes(r), line);
        }
        let mut projects = Kind::default();
        for p in d.project_rows(period, ctx) {
            let j = &p.judgement;
            let line = format!(
                "{} {} {} ({}: {})",
                j.rag.letter(),
                p.record.code,
                p.record.title,
                j.status.as_str().replace('_', " "),
                j.rule
            );
            projects.add(&p.plan, line);
        }
        LinkedIndex {
            key,
            kinds: [
                ("Actions", actions),
                ("Risks", risks),
                ("Projects", projects),
            ],
        }
    }

    /// The items on any of `nodes`, by kind, the empty kinds left out.
    pub fn linked(&self, nodes: &[String]) -> Linked {
        self.kinds
            .iter()
            .map(|(label, kind)| (*label, kind.on(nodes)))
            .filter(|(_, items)| !items.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nodes_items_are_found_once_each_in_the_councils_order() {
        let mut k = Kind::default();
        k.add(&["P1", "O1"], "ACT-01".into());
        k.add(&["O2"], "ACT-02".into());
        k.add(&["O1"], "ACT-03".into());
        let nodes = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // ACT-01 is on both nodes asked for: listed once, before ACT-03.
        assert_eq!(k.on(&nodes(&["O1", "P1"])), vec!["ACT-01", "ACT-03"]);
        assert_eq!(k.on(&nodes(&["O2"])), vec!["ACT-02"]);
        assert!(k.on(&nodes(&["X"])).is_empty());
    }
}
