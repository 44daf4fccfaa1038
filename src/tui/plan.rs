//! The Plan tab's state: the golden thread as an expandable tree with indicators under
//! the nodes they are linked to, the period's counts, a filter and the detail of the
//! selected row. Drawing is in `plan_view.rs`.

use std::collections::{HashMap, HashSet};

use crossterm::event::{KeyCode, KeyModifiers};

use super::action::Action;
use super::data::{ChartPoint, Data, PeriodStats};
use crate::domain::deadline::month_now_due;
use crate::domain::period::Period;
use crate::domain::plan::PlanNode;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RowKey {
    Node(String),
    Indicator { node: String, code: String },
}

/// One visible line of the tree.
#[derive(Debug, Clone)]
pub struct TreeRow {
    pub key: RowKey,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
    /// "Priority", "Outcome", … or "Indicator".
    pub kind: &'static str,
    pub code: String,
    pub title: String,
}

/// What the detail pane shows for the selected row; computed when the selection, the
/// period or the data change, never while drawing.
#[derive(Debug, Clone)]
pub struct Detail {
    pub key: RowKey,
    pub chart: Vec<ChartPoint>,
}

pub struct PlanState {
    pub period: Period,
    pub expanded: HashSet<String>,
    pub filter: String,
    pub typing: bool,
    pub rows: Vec<TreeRow>,
    pub cursor: usize,
    pub stats: PeriodStats,
    pub detail: Option<Detail>,
    stats_key: Option<(Period, u64)>,
    rows_key: Option<u64>,
    rows_dirty: bool,
    detail_key: Option<(RowKey, Period, u64)>,
}

impl PlanState {
    pub fn new(data: &Data) -> PlanState {
        // The vision and the priorities open, so the first screen shows the outcomes.
        let expanded = data
            .ds
            .nodes
            .iter()
            .filter(|n| n.kind.depth() < 2)
            .map(|n| n.code.clone())
            .collect();
        PlanState {
            period: month_now_due(data.today),
            expanded,
            filter: String::new(),
            typing: false,
            rows: vec![],
            cursor: 0,
            stats: PeriodStats::default(),
            detail: None,
            stats_key: None,
            rows_key: None,
            rows_dirty: true,
            detail_key: None,
        }
    }

    pub fn selected(&self) -> Option<&TreeRow> {
        self.rows.get(self.cursor)
    }

    /// Brings the cached views up to date with the period, the data and the selection.
    pub fn sync(&mut self, data: &Data) {
        let key = (self.period, data.generation);
        if self.stats_key != Some(key) {
            self.stats = data.period_stats(self.period);
            self.stats_key = Some(key);
        }
        if self.rows_dirty || self.rows_key != Some(data.generation) {
            let keep = self.selected().map(|r| r.key.clone());
            self.rows = build_rows(data, self.period, &self.expanded, &self.filter);
            self.rows_key = Some(data.generation);
            self.rows_dirty = false;
            if let Some(i) = keep.and_then(|k| self.rows.iter().position(|r| r.key == k)) {
                self.cursor = i;
            }
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
        let sel = self.selected().map(|r| r.key.clone());
        let dkey = sel.clone().map(|k| (k, self.period, data.generation));
        if self.detail_key != dkey {
            self.detail = sel.map(|key| {
                let chart = match &key {
                    RowKey::Indicator { code, .. } => data.chart(code, self.period),
                    RowKey::Node(_) => vec![],
                };
                Detail { key, chart }
            });
            self.detail_key = dkey;
        }
    }

    pub fn update(&mut self, action: Action, data: &Data, page: usize) {
        if self.typing {
            match action {
                Action::Submit => self.typing = false,
                Action::Back => {
                    self.typing = false;
                    self.set_filter(String::new());
                }
                Action::Input(ev) => {
                    let mut f = self.filter.clone();
                    match ev.code {
                        KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => {
                            f.push(c)
                        }
                        KeyCode::Backspace => {
                            f.pop();
                        }
                        _ => {}
                    }
                    self.set_filter(f);
                }
                _ => {}
            }
            return;
        }
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Open => self.toggle(),
            Action::ExpandAll => {
                self.expanded = data.ds.nodes.iter().map(|n| n.code.clone()).collect();
                self.rows_dirty = true;
            }
            Action::CollapseAll => {
                self.expanded.clear();
                self.rows_dirty = true;
                self.cursor = 0;
            }
            Action::Filter => self.typing = true,
            Action::Back => self.set_filter(String::new()),
            Action::PrevPeriod => self.period = self.period.prev(),
            Action::NextPeriod => self.period = self.period.next(),
            _ => {}
        }
    }

    fn set_filter(&mut self, f: String) {
        if f != self.filter {
            self.filter = f;
            self.rows_dirty = true;
            self.cursor = 0;
        }
    }

    fn toggle(&mut self) {
        let Some(row) = self.selected() else { return };
        if let (RowKey::Node(code), true) = (&row.key, row.has_children) {
            let code = code.clone();
            if !self.expanded.remove(&code) {
                self.expanded.insert(code);
            }
            self.rows_dirty = true;
        }
    }

    fn left(&mut self) {
        let Some(row) = self.selected() else { return };
        if row.expanded && self.filter.is_empty() {
            self.toggle();
            return;
        }
        let depth = row.depth;
        if let Some(parent) = self.rows[..self.cursor]
            .iter()
            .rposition(|r| r.depth < depth)
        {
            self.cursor = parent;
        }
    }

    fn right(&mut self) {
        let Some(row) = self.selected() else { return };
        if row.has_children && !row.expanded {
            self.toggle();
        } else if row.expanded {
            self.cursor = (self.cursor + 1).min(self.rows.len().saturating_sub(1));
        }
    }
}

/// The visible rows: each live node, its linked indicators and (when expanded) its
/// children. With a filter, the rows that match and the nodes above them, all open.
fn build_rows(
    data: &Data,
    period: Period,
    expanded: &HashSet<String>,
    filter: &str,
) -> Vec<TreeRow> {
    let year = period.fin_year();
    let live: Vec<&PlanNode> = data.ds.nodes.iter().filter(|n| n.live_in(year)).collect();
    let codes: HashSet<&str> = live.iter().map(|n| n.code.as_str()).collect();
    let mut children: HashMap<&str, Vec<&PlanNode>> = HashMap::new();
    let mut roots = Vec::new();
    for n in &live {
        match n.parent.as_deref().filter(|p| codes.contains(p)) {
            Some(p) => children.entry(p).or_default().push(n),
            None => roots.push(*n),
        }
    }
    let mut linked: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for rec in &data.ds.indicators {
        for node in &rec.plan {
            linked
                .entry(node.as_str())
                .or_default()
                .push((rec.indicator.code.as_str(), rec.indicator.title.as_str()));
        }
    }
    let q = filter.trim().to_lowercase();
    let hit = |code: &str, title: &str, owner: &str| {
        q.is_empty()
            || code.to_lowercase().contains(&q)
            || title.to_lowercase().contains(&q)
            || owner.to_lowercase().contains(&q)
            || data.name_of(owner).to_lowercase().contains(&q)
    };
    let ind_hit = |code: &str, title: &str| {
        let owner = data
            .ds
            .indicator(code)
            .map(|r| r.indicator.owner.as_str())
            .unwrap_or("");
        hit(code, title, owner)
    };
    let walker = Walker {
        children: &children,
        linked: &linked,
        expanded,
        filtering: !q.is_empty(),
        hit: &hit,
        ind_hit: &ind_hit,
    };
    let mut keep: HashMap<&str, bool> = HashMap::new();
    if walker.filtering {
        for r in &roots {
            walker.mark(r, &mut keep);
        }
    }
    let mut out = Vec::new();
    for r in roots {
        walker.walk(r, 0, &keep, &mut out);
    }
    out
}

struct Walker<'a, H: Fn(&str, &str, &str) -> bool, I: Fn(&str, &str) -> bool> {
    children: &'a HashMap<&'a str, Vec<&'a PlanNode>>,
    linked: &'a HashMap<&'a str, Vec<(&'a str, &'a str)>>,
    expanded: &'a HashSet<String>,
    filtering: bool,
    hit: &'a H,
    ind_hit: &'a I,
}

impl<'a, H: Fn(&str, &str, &str) -> bool, I: Fn(&str, &str) -> bool> Walker<'a, H, I> {
    fn kids(&self, code: &str) -> &'a [&'a PlanNode] {
        self.children.get(code).map(Vec::as_slice).unwrap_or(&[])
    }

    fn inds(&self, code: &str) -> &'a [(&'a str, &'a str)] {
        self.linked.get(code).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether a node or anything beneath it matches the filter.
    fn mark(&self, n: &'a PlanNode, keep: &mut HashMap<&'a str, bool>) -> bool {
        let mut any = (self.hit)(&n.code, &n.title, &n.owner)
            || self.inds(&n.code).iter().any(|(c, t)| (self.ind_hit)(c, t));
        for k in self.kids(&n.code) {
            any |= self.mark(k, keep);
        }
        keep.insert(n.code.as_str(), any);
        any
    }

    fn walk(
        &self,
        n: &'a PlanNode,
        depth: usize,
        keep: &HashMap<&str, bool>,
        out: &mut Vec<TreeRow>,
    ) {
        if self.filtering && !keep.get(n.code.as_str()).copied().unwrap_or(false) {
            return;
        }
        let kids = self.kids(&n.code);
        let inds = self.inds(&n.code);
        let open = self.filtering || self.expanded.contains(&n.code);
        out.push(TreeRow {
            key: RowKey::Node(n.code.clone()),
            depth,
            has_children: !kids.is_empty() || !inds.is_empty(),
            expanded: open && (!kids.is_empty() || !inds.is_empty()),
            kind: n.kind.label(),
            code: n.code.clone(),
            title: n.title.clone(),
        });
        if !open {
            return;
        }
        for (code, title) in inds {
            if self.filtering
                && !(self.ind_hit)(code, title)
                && !(self.hit)(&n.code, &n.title, &n.owner)
            {
                continue;
            }
            out.push(TreeRow {
                key: RowKey::Indicator {
                    node: n.code.clone(),
                    code: code.to_string(),
                },
                depth: depth + 1,
                has_children: false,
                expanded: false,
                kind: "Indicator",
                code: code.to_string(),
                title: title.to_string(),
            });
        }
        for k in kids {
            self.walk(k, depth + 1, keep, out);
        }
    }
}
