//! Roll-up: a plan node's status is the count of green / amber / red / missing /
//! no-status indicators linked at or beneath it, each indicator counted once. Counts are
//! never weighted.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::plan::PlanNode;
use super::rag::Rag;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub green: usize,
    pub amber: usize,
    pub red: usize,
    pub missing: usize,
    pub none: usize,
}

impl Counts {
    /// Each status with its count, in the order every count and bar shows them.
    pub fn parts(&self) -> [(Rag, usize); 5] {
        [
            (Rag::Green, self.green),
            (Rag::Amber, self.amber),
            (Rag::Red, self.red),
            (Rag::Missing, self.missing),
            (Rag::None, self.none),
        ]
    }

    pub fn add(&mut self, rag: Rag) {
        *self.of_status(rag) += 1;
    }

    /// Takes one indicator of this status away: one whose status has moved on.
    pub fn take(&mut self, rag: Rag) {
        let n = self.of_status(rag);
        *n = n.saturating_sub(1);
    }

    fn of_status(&mut self, rag: Rag) -> &mut usize {
        match rag {
            Rag::Green => &mut self.green,
            Rag::Amber => &mut self.amber,
            Rag::Red => &mut self.red,
            Rag::Missing => &mut self.missing,
            Rag::None => &mut self.none,
        }
    }

    pub fn total(&self) -> usize {
        self.green + self.amber + self.red + self.missing + self.none
    }

    /// Counts the statuses of a set of indicators; an indicator without a status counts as
    /// "none" rather than vanishing from the total.
    pub fn of<'a>(
        indicators: impl IntoIterator<Item = &'a String>,
        status: &HashMap<String, Rag>,
    ) -> Counts {
        let mut c = Counts::default();
        for code in indicators {
            c.add(status.get(code).copied().unwrap_or(Rag::None));
        }
        c
    }
}

/// The plan tree with its indicator links, for finding what lies beneath a node.
pub struct Thread<'a> {
    nodes: HashMap<&'a str, &'a PlanNode>,
    children: HashMap<&'a str, Vec<&'a str>>,
    links: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Thread<'a> {
    /// `links` pairs (indicator code, node code).
    pub fn new(nodes: &'a [PlanNode], links: &'a [(String, String)]) -> Thread<'a> {
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        for n in nodes {
            if let Some(parent) = &n.parent {
                children
                    .entry(parent.as_str())
                    .or_default()
                    .push(n.code.as_str());
            }
        }
        let mut by_node: HashMap<&str, Vec<&str>> = HashMap::new();
        for (ind, node) in links {
            by_node.entry(node.as_str()).or_default().push(ind.as_str());
        }
        Thread {
            nodes: nodes.iter().map(|n| (n.code.as_str(), n)).collect(),
            children,
            links: by_node,
        }
    }

    pub fn node(&self, code: &str) -> Option<&'a PlanNode> {
        self.nodes.get(code).copied()
    }

    pub fn children(&self, code: &str) -> &[&'a str] {
        self.children.get(code).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The node and every node beneath it.
    pub fn subtree(&self, code: &str) -> Vec<&'a str> {
        let mut out = Vec::new();
        let mut stack: Vec<&str> = self
            .nodes
            .get_key_value(code)
            .map(|(k, _)| *k)
            .into_iter()
            .collect();
        while let Some(c) = stack.pop() {
            out.push(c);
            stack.extend(self.children(c).iter().rev());
        }
        out
    }

    /// Every indicator linked at or beneath the node, each once.
    pub fn indicators_beneath(&self, code: &str) -> BTreeSet<String> {
        self.subtree(code)
            .into_iter()
            .flat_map(|n| self.links.get(n).into_iter().flatten())
            .map(|s| s.to_string())
            .collect()
    }

    /// Every node's counts at once: for each node, what `Counts::of` gives for
    /// `indicators_beneath` it, got by walking up from each indicator's links rather than
    /// down from each node, so the cost is the links times the depth of the thread.
    pub fn counts_by_node(&self, status: &HashMap<String, Rag>) -> HashMap<&'a str, Counts> {
        let mut nodes_of: HashMap<&'a str, Vec<&'a str>> = HashMap::new();
        for (node, inds) in &self.links {
            for ind in inds {
                nodes_of.entry(ind).or_default().push(node);
            }
        }
        let counted = nodes_of.into_iter().map(|(ind, nodes)| {
            let rag = status.get(ind).copied().unwrap_or(Rag::None);
            (rag, nodes_above(nodes, |c| self.node(c)))
        });
        counts_in(self.nodes.keys().copied(), counted)
    }

    /// The node and its ancestors, nearest first.
    pub fn ancestry(&self, code: &str) -> Vec<&'a PlanNode> {
        ancestry(code, |c| self.node(c))
    }

    /// Groups indicators by an attribute of the nodes they are linked to, inherited from
    /// the nearest ancestor that sets it (a team plan belongs to its service plan's
    /// portfolio). An indicator linked under two portfolios counts in both, once in each.
    pub fn group_by(
        &self,
        links: &[(String, String)],
        attribute: impl Fn(&PlanNode) -> Option<&str>,
    ) -> HashMap<String, BTreeSet<String>> {
        let mut groups: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (ind, node) in links {
            if let Some(value) = self.ancestry(node).into_iter().find_map(&attribute) {
                groups
                    .entry(value.to_string())
                    .or_default()
                    .insert(ind.clone());
            }
        }
        groups
    }
}

/// Every node's counts (each of `nodes`, with none where nothing counts in it), from each
/// indicator's status with the nodes it counts in (`nodes_above` its links): the Plan
/// tab's counts are these, each indicator's nodes found beside its judging.
pub fn counts_in<'a>(
    nodes: impl IntoIterator<Item = &'a str>,
    counted: impl IntoIterator<Item = (Rag, Vec<&'a str>)>,
) -> HashMap<&'a str, Counts> {
    let mut counts: HashMap<&'a str, Counts> =
        nodes.into_iter().map(|c| (c, Counts::default())).collect();
    for (rag, above) in counted {
        for a in above {
            if let Some(c) = counts.get_mut(a) {
                c.add(rag);
            }
        }
    }
    counts
}

/// The node `code` and its ancestors, nearest first, finding each node by `node`.
pub fn ancestry<'a>(code: &str, node: impl Fn(&str) -> Option<&'a PlanNode>) -> Vec<&'a PlanNode> {
    let mut out = Vec::new();
    let mut at = node(code);
    while let Some(n) = at {
        if out.iter().any(|o: &&PlanNode| o.code == n.code) {
            break; // a cycle in bad data must not hang a report
        }
        out.push(n);
        at = n.parent.as_deref().and_then(&node);
    }
    out
}

/// Every node whose counts an indicator linked to `linked` is counted in: each link's
/// node and its ancestors, each once (an indicator linked at two levels of one branch
/// counts once in each node).
pub fn nodes_above<'a, 'n>(
    linked: impl IntoIterator<Item = &'n str>,
    node: impl Fn(&str) -> Option<&'a PlanNode>,
) -> Vec<&'a str> {
    let mut above: Vec<&'a str> = linked
        .into_iter()
        .flat_map(|n| ancestry(n, &node))
        .map(|a| a.code.as_str())
        .collect();
    above.sort_unstable();
    above.dedup();
    above
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::FinYear;
    use crate::domain::plan::NodeKind;

    fn node(code: &str, kind: NodeKind, parent: Option<&str>, portfolio: Option<&str>) -> PlanNode {
        PlanNode {
            code: code.into(),
            kind,
            parent: parent.map(String::from),
            title: code.into(),
            owner: String::new(),
            portfolio: portfolio.map(String::from),
            service: None,
            from_year: FinYear(2024),
            to_year: None,
        }
    }

    fn fixture() -> (Vec<PlanNode>, Vec<(String, String)>) {
        let nodes = vec![
            node("V", NodeKind::Vision, None, None),
            node("P1", NodeKind::Priority, Some("V"), Some("ENV")),
            node("P2", NodeKind::Priority, Some("V"), Some("HSG")),
            node("O1", NodeKind::Outcome, Some("P1"), None),
            node("O2", NodeKind::Outcome, Some("P2"), None),
        ];
        let link = |i: &str, n: &str| (i.to_string(), n.to_string());
        // WR1 is linked twice under P1 (priority and outcome); it must count once there.
        let links = vec![
            link("WR1", "P1"),
            link("WR1", "O1"),
            link("RW2", "O1"),
            link("HS1", "O2"),
            link("WR1", "O2"),
        ];
        (nodes, links)
    }

    #[test]
    fn counts_beneath_a_node_count_each_indicator_once() {
        let (nodes, links) = fixture();
        let thread = Thread::new(&nodes, &links);
        let status: HashMap<String, Rag> = [
            ("WR1", Rag::Red),
            ("RW2", Rag::Green),
            ("HS1", Rag::Missing),
        ]
        .iter()
        .map(|(c, r)| (c.to_string(), *r))
        .collect();
        let p1 = Counts::of(&thread.indicators_beneath("P1"), &status);
        assert_eq!(
            p1,
            Counts {
                green: 1,
                amber: 0,
                red: 1,
                missing: 0,
                none: 0
            }
        );
        let p2 = Counts::of(&thread.indicators_beneath("P2"), &status);
        assert_eq!(
            p2,
            Counts {
                green: 0,
                amber: 0,
                red: 1,
                missing: 1,
                none: 0
            }
        );
        let all = Counts::of(&thread.indicators_beneath("V"), &status);
        assert_eq!((all.total(), all.red, all.green, all.missing), (3, 1, 1, 1));
    }

    #[test]
    fn counts_by_node_are_the_counts_beneath_each_node() {
        let (nodes, links) = fixture();
        let thread = Thread::new(&nodes, &links);
        let status: HashMap<String, Rag> = [("WR1", Rag::Red), ("RW2", Rag::Green)]
            .iter()
            .map(|(c, r)| (c.to_string(), *r))
            .collect();
        let all = thread.counts_by_node(&status);
        assert_eq!(all.len(), nodes.len());
        for n in &nodes {
            let beneath = Counts::of(&thread.indicators_beneath(&n.code), &status);
            assert_eq!(all[n.code.as_str()], beneath, "{}", n.code);
        }
    }

    #[test]
    fn an_indicator_with_no_status_counts_as_none() {
        let (nodes, links) = fixture();
        let thread = Thread::new(&nodes, &links);
        let c = Counts::of(&thread.indicators_beneath("P1"), &HashMap::new());
        assert_eq!(
            c,
            Counts {
                none: 2,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn grouping_inherits_the_attribute_from_ancestors() {
        let (nodes, links) = fixture();
        let thread = Thread::new(&nodes, &links);
        let groups = thread.group_by(&links, |n| n.portfolio.as_deref());
        let names = |g: &str| groups[g].iter().cloned().collect::<Vec<_>>();
        assert_eq!(names("ENV"), ["RW2", "WR1"]);
        assert_eq!(names("HSG"), ["HS1", "WR1"]);
    }
}
