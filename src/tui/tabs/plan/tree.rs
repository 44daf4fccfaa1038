//! The Plan tab's tree for one dataset and financial year: which nodes are live, their
//! children and linked indicators, by position in the dataset's lists, and the lower-case
//! text the `/` filter matches. Made once per dataset and year, so that a keystroke of the
//! filter only walks the tree and compares text: no list is scanned per row.

use std::cell::Cell;
use std::collections::HashSet;

use super::{RowKey, TreeRow};
use crate::domain::period::FinYear;
use crate::store::Dataset;

/// What building the rows cost, counted so tests can check the work grows with the tree,
/// not with the tree times the lists (csvlens counts its seeks the same way).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FilterWork {
    /// How many times the filter text was prepared (once per dataset, when first filtered).
    pub texts_built: usize,
    /// Text comparisons made by the last rebuild of the rows.
    pub tests: usize,
}

pub struct Tree {
    pub key: (u64, FinYear),
    roots: Vec<usize>,
    /// By node position: the live children's positions, in the dataset's order.
    children: Vec<Vec<usize>>,
    /// By node position: the linked indicators' positions, in the dataset's order.
    linked: Vec<Vec<usize>>,
    /// Made when the filter is first used on this tree.
    text: Option<Text>,
}

/// Code, title, owner login and owner name in lower case, for each node and indicator by
/// position.
struct Text {
    nodes: Vec<[String; 4]>,
    indicators: Vec<[String; 4]>,
}

fn haystack(ds: &Dataset, code: &str, title: &str, owner: &str) -> [String; 4] {
    let name = ds.user(owner).map(|u| u.name.as_str()).unwrap_or(owner);
    [code, title, owner, name].map(str::to_lowercase)
}

impl Text {
    fn new(ds: &Dataset) -> Text {
        Text {
            nodes: ds
                .nodes
                .iter()
                .map(|n| haystack(ds, &n.code, &n.title, &n.owner))
                .collect(),
            indicators: ds
                .indicators
                .iter()
                .map(|r| {
                    let i = &r.indicator;
                    haystack(ds, &i.code, &i.title, &i.owner)
                })
                .collect(),
        }
    }
}

impl Tree {
    pub fn new(ds: &Dataset, generation: u64, year: FinYear) -> Tree {
        let live: Vec<bool> = ds.nodes.iter().map(|n| n.live_in(year)).collect();
        let mut children = vec![Vec::new(); ds.nodes.len()];
        let mut roots = Vec::new();
        for (at, n) in ds.nodes.iter().enumerate().filter(|(at, _)| live[*at]) {
            let parent = n
                .parent
                .as_deref()
                .and_then(|p| live_position(ds, &live, p));
            match parent {
                Some(p) => children[p].push(at),
                None => roots.push(at),
            }
        }
        let mut linked = vec![Vec::new(); ds.nodes.len()];
        for (at, rec) in ds.indicators.iter().enumerate() {
            for node in &rec.plan {
                if let Some(n) = ds.node_position(node) {
                    linked[n].push(at);
                }
            }
        }
        Tree {
            key: (generation, year),
            roots,
            children,
            linked,
            text: None,
        }
    }

    /// The visible rows: each live node, its linked indicators and (when expanded) its
    /// children. With a filter, the rows that match and the nodes above them, all open.
    pub fn rows(
        &mut self,
        ds: &Dataset,
        expanded: &HashSet<String>,
        filter: &str,
        work: &mut FilterWork,
    ) -> Vec<TreeRow> {
        let q = filter.trim().to_lowercase();
        if !q.is_empty() && self.text.is_none() {
            self.text = Some(Text::new(ds));
            work.texts_built += 1;
        }
        let walker = Walker {
            ds,
            tree: self,
            expanded,
            q: &q,
            tests: Cell::new(0),
        };
        let mut keep = vec![false; ds.nodes.len()];
        if walker.filtering() {
            for r in &self.roots {
                walker.mark(*r, &mut keep);
            }
        }
        let mut out = Vec::new();
        for r in &self.roots {
            walker.walk(*r, 0, &keep, &mut out);
        }
        work.tests = walker.tests.get();
        out
    }
}

/// The position of the node with this code, if it is live.
fn live_position(ds: &Dataset, live: &[bool], code: &str) -> Option<usize> {
    ds.node_position(code).filter(|at| live[*at])
}

struct Walker<'a> {
    ds: &'a Dataset,
    tree: &'a Tree,
    expanded: &'a HashSet<String>,
    q: &'a str,
    tests: Cell<usize>,
}

impl Walker<'_> {
    fn filtering(&self) -> bool {
        !self.q.is_empty()
    }

    fn matches(&self, fields: &[String; 4]) -> bool {
        self.tests.set(self.tests.get() + 1);
        fields.iter().any(|f| f.contains(self.q))
    }

    fn node_hit(&self, n: usize) -> bool {
        let text = self.tree.text.as_ref();
        !self.filtering() || text.is_some_and(|t| self.matches(&t.nodes[n]))
    }

    fn indicator_hit(&self, i: usize) -> bool {
        let text = self.tree.text.as_ref();
        !self.filtering() || text.is_some_and(|t| self.matches(&t.indicators[i]))
    }

    /// Whether a node or anything beneath it matches the filter.
    fn mark(&self, n: usize, keep: &mut [bool]) -> bool {
        let mut any =
            self.node_hit(n) || self.tree.linked[n].iter().any(|i| self.indicator_hit(*i));
        for k in &self.tree.children[n] {
            any |= self.mark(*k, keep);
        }
        keep[n] = any;
        any
    }

    fn walk(&self, n: usize, depth: usize, keep: &[bool], out: &mut Vec<TreeRow>) {
        if self.filtering() && !keep[n] {
            return;
        }
        let node = &self.ds.nodes[n];
        let kids = &self.tree.children[n];
        let inds = &self.tree.linked[n];
        let open = self.filtering() || self.expanded.contains(&node.code);
        let has_children = !kids.is_empty() || !inds.is_empty();
        out.push(TreeRow {
            key: RowKey::Node(node.code.clone()),
            depth,
            has_children,
            expanded: open && has_children,
            kind: node.kind.label(),
            code: node.code.clone(),
            title: node.title.clone(),
        });
        if !open {
            return;
        }
        // A node that matches shows all its indicators.
        let node_hit = !self.filtering() || self.node_hit(n);
        for i in inds {
            if !node_hit && !self.indicator_hit(*i) {
                continue;
            }
            let ind = &self.ds.indicators[*i].indicator;
            out.push(TreeRow {
                key: RowKey::Indicator {
                    node: node.code.clone(),
                    code: ind.code.clone(),
                },
                depth: depth + 1,
                has_children: false,
                expanded: false,
                kind: "Indicator",
                code: ind.code.clone(),
                title: ind.title.clone(),
            });
        }
        for k in kids {
            self.walk(*k, depth + 1, keep, out);
        }
    }
}
