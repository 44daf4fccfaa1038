//! The Plan tab's state: the golden thread as an expandable tree with indicators under
//! the nodes they are linked to, the period's counts, a filter and the detail of the
//! selected row. Drawing is in `view.rs`.

pub(crate) mod linked;
mod studies;
pub mod tree;
pub(crate) mod view;

use std::collections::HashSet;
use std::sync::Arc;

use self::linked::{Linked, LinkedIndex};
use self::tree::{FilterWork, Tree};
use crate::domain::deadline::month_now_due;
use crate::domain::period::{Period, Quarter};
use crate::drop_aside::drop_aside;
use crate::query::budgets::Finances;
use crate::tui::action::Action;
use crate::tui::components::filter::FilterInput;
use crate::tui::components::scroll::TextScroll;
use crate::tui::components::theme::Theme;
use crate::tui::data::{ChartPoint, Data, PeriodStats};
use crate::tui::messages::Effect;
use crate::tui::popups::case_studies::CaseStudies;
use crate::tui::popups::narrative_editor::{self, NarrativeEditor};

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
    /// The actions, risks and projects on the row's plan nodes, judged for the period.
    pub linked: Linked,
    /// An indicator's year-end forecast from the period's figures (this year's only).
    pub forecast: Option<crate::domain::forecast::Forecast>,
    /// For a plan node with a service, that service's finance for the period.
    pub finance: Option<crate::query::budgets::ServiceFinance>,
}

pub struct PlanState {
    pub period: Period,
    pub expanded: HashSet<String>,
    pub filter: FilterInput,
    pub rows: Vec<TreeRow>,
    pub cursor: usize,
    pub stats: Arc<PeriodStats>,
    pub detail: Option<Detail>,
    /// How far the detail pane is scrolled (`PgUp`/`PgDn`); back to the top on a new row.
    pub detail_scroll: TextScroll,
    stats_key: Option<(Period, u64)>,
    rows_key: Option<u64>,
    rows_dirty: bool,
    detail_key: Option<(RowKey, Period, u64)>,
    /// The tree for the data and year shown, kept between keystrokes of the filter.
    tree: Option<Tree>,
    /// Every action, risk and project judged for the period shown, by plan node: made
    /// again only when the period or the data change, not on a cursor move.
    linked: Option<LinkedIndex>,
    pub work: FilterWork,
    /// The case studies (`c`), open over the tab.
    pub studies: Option<CaseStudies>,
    /// The selected node's narrative being written (`n`).
    pub narrative: Option<NarrativeEditor>,
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
            filter: FilterInput::default(),
            rows: vec![],
            cursor: 0,
            stats: Arc::default(),
            detail: None,
            detail_scroll: TextScroll::default(),
            stats_key: None,
            rows_key: None,
            rows_dirty: true,
            detail_key: None,
            tree: None,
            linked: None,
            work: FilterWork::default(),
            studies: None,
            narrative: None,
        }
    }

    pub fn selected(&self) -> Option<&TreeRow> {
        self.rows.get(self.cursor)
    }

    /// Brings the cached views up to date with the period, the data and the selection.
    pub fn sync(&mut self, data: &Data) {
        let key = (self.period, data.generation);
        if self.stats_key != Some(key) {
            // Another's figures patched in: only their indicators judged again.
            let patched = self
                .stats_key
                .filter(|(period, _)| *period == self.period)
                .and_then(|(_, since)| data.values_changed_since(since));
            match patched {
                Some(codes) => {
                    let ctx = data.ctx();
                    Arc::make_mut(&mut self.stats).update(&data.ds, self.period, ctx, codes);
                }
                None => {
                    // A new period: every indicator judged, and every action, risk and
                    // project for the detail pane, side by side on the machine's cores.
                    let judged = (self.period, data.whole);
                    let stale = self.linked.as_ref().is_none_or(|i| i.key != judged);
                    let (ds, ctx, period) = (&data.ds, data.ctx(), self.period);
                    let prepared = data.prepared_stats(period);
                    let (stats, linked) = ds.side_by_side(
                        || prepared.unwrap_or_else(|| Arc::new(PeriodStats::of(ds, period, ctx))),
                        || stale.then(|| LinkedIndex::new(ds, ctx, judged)),
                    );
                    if linked.is_some() {
                        drop_aside(std::mem::replace(&mut self.linked, linked));
                    }
                    drop_aside(std::mem::replace(&mut self.stats, stats));
                }
            }
            self.stats_key = Some(key);
        }
        // The tree and its rows hold no figures: made again only with the whole dataset.
        if self.rows_dirty || self.rows_key != Some(data.whole) {
            let keep = self.selected().map(|r| r.key.clone());
            let key = (data.whole, self.period.fin_year());
            let tree = match &mut self.tree {
                Some(t) if t.key == key => t,
                slot => slot.insert(Tree::new(&data.ds, key.0, key.1)),
            };
            self.rows = tree.rows(&data.ds, &self.expanded, &self.filter, &mut self.work);
            self.rows_key = Some(data.whole);
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
                let (chart, nodes) = match &key {
                    RowKey::Indicator { code, .. } => (
                        data.chart(code, self.period),
                        data.ds
                            .indicator(code)
                            .map(|r| r.plan.clone())
                            .unwrap_or_default(),
                    ),
                    RowKey::Node(code) => (vec![], vec![code.clone()]),
                };
                // Delivery's judgements do not follow the figures.
                let judged = (self.period, data.whole);
                let index = match &mut self.linked {
                    Some(i) if i.key == judged => i,
                    slot => slot.insert(LinkedIndex::new(&data.ds, data.ctx(), judged)),
                };
                let linked = index.linked(&nodes);
                let forecast = match &key {
                    RowKey::Indicator { code, .. } => data.ds.indicator(code).and_then(|rec| {
                        crate::query::show::forecast_at(&data.ds, rec, self.period, data.ctx())
                    }),
                    RowKey::Node(_) => None,
                };
                let finance = match &key {
                    RowKey::Node(code) => data
                        .ds
                        .node(code)
                        .and_then(|n| n.service.as_deref())
                        .and_then(|s| Finances::of_service(&data.ds, s, self.period)),
                    RowKey::Indicator { .. } => None,
                };
                Detail {
                    key,
                    chart,
                    linked,
                    forecast,
                    finance,
                }
            });
            self.detail_key = dkey;
        }
        let of = self.detail.as_ref().map(|d| format!("{:?}", d.key));
        self.detail_scroll.follow(of);
        let year = self.period.fin_year();
        if let Some(st) = &mut self.studies {
            st.sync(data, year, None);
            let of = st.selected().map(|s| s.record.code.clone());
            st.scroll.follow(of);
        }
    }

    pub fn update(&mut self, action: Action, data: &Data, theme: Theme, page: usize) -> Effect {
        if self.narrative.is_some() {
            return narrative_editor::update(&mut self.narrative, action, data);
        }
        if self.studies.is_some() {
            return self.update_studies(action, data, theme);
        }
        if self.filter.typing {
            if self.filter.key(action) {
                self.filter_changed();
            }
            return Effect::None;
        }
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Action::PageDown => self.cursor = (self.cursor + page).min(last),
            Action::ScrollUp => self.detail_scroll.page(-1),
            Action::ScrollDown => self.detail_scroll.page(1),
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
            Action::Filter => self.filter.start(),
            Action::Back if self.filter.clear() => self.filter_changed(),
            Action::PrevPeriod => self.period = self.period.prev(),
            Action::NextPeriod => self.period = self.period.next(),
            Action::CaseStudies => self.open_studies(data),
            Action::Narrate => return self.open_narrative(data, theme),
            _ => {}
        }
        Effect::None
    }

    /// The period `n` writes about: the tab's quarter (a month's quarter) or year, with
    /// the quarter the editor's Period field steps back to.
    fn narrative_period(&self, data: &Data) -> (Period, Quarter) {
        match self.period {
            Period::Month(m) => (Period::Quarter(m.quarter()), m.quarter()),
            Period::Quarter(q) => (Period::Quarter(q), q),
            Period::Year(y) => match month_now_due(data.today) {
                Period::Month(m) if m.quarter().year == y => (Period::Year(y), m.quarter()),
                _ => (Period::Year(y), Quarter { year: y, q: 1 }),
            },
        }
    }

    /// The selected row's code: a plan node's, or an indicator's under one.
    fn selected_code(&self) -> Option<String> {
        self.selected().map(|row| match &row.key {
            RowKey::Node(code) | RowKey::Indicator { code, .. } => code.clone(),
        })
    }

    /// Whether `n` is offered (footer and help): the selected row's narrative for the
    /// tab's period is this login's to write.
    pub fn may_narrate(&self, data: &Data) -> bool {
        let (period, _) = self.narrative_period(data);
        self.selected_code()
            .is_some_and(|code| narrative_editor::refusal(data, &code, period).is_none())
    }

    /// `n`: the selected plan node's narrative (an indicator's, on an indicator's row) for
    /// the tab's quarter or year, for its owner or the performance team; anyone else is
    /// told why before any field.
    fn open_narrative(&mut self, data: &Data, theme: Theme) -> Effect {
        let Some(code) = self.selected_code() else {
            return Effect::None;
        };
        let (period, quarter) = self.narrative_period(data);
        narrative_editor::open(&mut self.narrative, &code, period, quarter, data, theme)
    }

    /// The rows are found again for the new filter, from the top.
    fn filter_changed(&mut self) {
        self.rows_dirty = true;
        self.cursor = 0;
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
