//! Loads everything the reports need in a handful of queries, so the rules can run over
//! plain data (see `crate::query`).

use std::collections::HashMap;

use super::Store;
use super::delivery::Delivery;
use super::error::{DamagedRow, Result};
use super::index::Index;
use super::indicators::{IndicatorRecord, load_indicators};
use super::narratives::{Narrative, load_narratives};
use super::plan::Named;
use super::quality_index::QualityIndex;
use super::settings::Settings;
use super::signoff::{Frozen, Signoffs, load_frozen, load_signoffs};
use super::targets::load_all_targets;
use super::users::UserRecord;
use super::values::{StoredValue, load_all_values};
use crate::domain::assess::RuleBook;
use crate::domain::narrative::Subject;
use crate::domain::period::Period;
use crate::domain::plan::PlanNode;
use crate::domain::target::TargetRow;

/// A consistent read of the database: every indicator with its links, targets and values,
/// the plan, the settings and the statuses frozen at sign-off.
pub struct Dataset {
    pub settings: Settings,
    /// The council's RAG rule over time, parsed once from the settings.
    pub rules: RuleBook,
    pub indicators: Vec<IndicatorRecord>,
    pub nodes: Vec<PlanNode>,
    /// (indicator code, plan node code)
    pub links: Vec<(String, String)>,
    pub targets: HashMap<String, Vec<TargetRow>>,
    /// Where each indicator's years of targets stand, where not simply approved.
    pub target_states: HashMap<String, Vec<super::TargetStateRecord>>,
    pub values: HashMap<String, Vec<StoredValue>>,
    pub frozen: Frozen,
    /// The sign-offs in force and those reopened, for the reports' sign-off line.
    pub signoffs: Signoffs,
    pub services: Vec<Named>,
    pub portfolios: Vec<Named>,
    /// The council's boards, by code: what an escalation names.
    pub boards: Vec<super::org::BoardRow>,
    pub users: Vec<UserRecord>,
    /// Positions in `indicators`, `nodes` and `users` by code, built with them; the lists
    /// are not changed after loading, so it stays true.
    pub(crate) index: Index,
    /// Each figure's quality by indicator and period, built from `values`, which are not
    /// changed after loading.
    pub(crate) qualities: QualityIndex,
    /// Actions, projects, risks and EIAs, as stored.
    pub delivery: Delivery,
    /// The narratives written for a quarter or a year (indicators' and plan nodes').
    pub narratives: Vec<Narrative>,
    /// Positions in `narratives` by code, built with them: a report asks for one per
    /// indicator, and a scan of every narrative for each would grow with their product.
    pub(crate) narratives_by_code: foldhash::HashMap<String, Vec<usize>>,
    /// Every service's monthly budgets, as stored (or as frozen at the sign-off of the
    /// period a report is made for): `query::budgets` indexes them by service once.
    pub budgets: Vec<super::records::BudgetRecord>,
}

impl Dataset {
    /// This dataset judged with other settings: a signed-off period's reports are made
    /// with the settings frozen at its sign-off (`Store::settings_at_signoff`).
    pub fn with_settings(mut self, settings: Settings) -> Dataset {
        self.rules = settings.rule_book();
        self.delivery.bands = settings.risk_bands;
        self.delivery.collect_from = settings.collect_from;
        self.settings = settings;
        self
    }

    /// The narrative written for this indicator's (or plan node's) quarter or year, if any.
    pub fn narrative(&self, subject: Subject, code: &str, period: Period) -> Option<&Narrative> {
        self.narratives_by_code
            .get(code)?
            .iter()
            .map(|&at| &self.narratives[at])
            .find(|n| n.subject == subject && n.period == period)
    }
}

impl Dataset {
    /// A board as people read it: "Cabinet (CAB)", or its code alone if it has no name
    /// (or is no longer held).
    pub fn board_title(&self, code: &str) -> String {
        match self.boards.iter().find(|b| b.code == code) {
            Some(b) if !b.name.trim().is_empty() => format!("{} ({})", b.name, b.code),
            _ => code.to_string(),
        }
    }
}

impl Store {
    /// Reads the dataset inside one read transaction, so it is a single snapshot even
    /// while others write.
    pub fn dataset(&self) -> Result<Dataset> {
        let (ds, damage) = self.dataset_as_stored()?;
        match damage.into_iter().next() {
            Some(d) => Err(super::error::StoreError::DamagedRow(d)),
            None => Ok(ds),
        }
    }

    /// As `dataset`, with the delivery rows that do not read listed rather than refused:
    /// for `pmdb check`, which names them all. Judge nothing from a dataset with damage.
    pub fn dataset_as_stored(&self) -> Result<(Dataset, Vec<DamagedRow>)> {
        let (ds, damage, ()) =
            self.whole_read(|store| store.read_delivery_as_stored(), || Ok(()))?;
        Ok((ds, damage))
    }

    /// Everything, with the delivery `delivery` reads (and the rows of it that do not
    /// read), and what `also` reads, in one snapshot. On a large council the figures and
    /// delivery are read on a second connection beside the rest (`Store::read_beside`).
    pub(super) fn whole_read<T>(
        &self,
        delivery: impl Fn(&Store) -> Result<(Delivery, Vec<DamagedRow>)> + Sync,
        also: impl FnOnce() -> Result<T>,
    ) -> Result<(Dataset, Vec<DamagedRow>, T)> {
        let ((mut rows, around, narratives, budgets, also), beside) = self.read_beside(
            |tx| {
                Ok((
                    IndicatorRows::all_but_values(tx)?,
                    self.around(tx)?,
                    load_narratives(tx)?,
                    self.budgets()?,
                    also()?,
                ))
            },
            |store| {
                let (delivery, damage) = delivery(store)?;
                Ok(Beside {
                    values: load_all_values(&store.conn)?,
                    delivery,
                    damage,
                })
            },
        )?;
        rows.values = beside.values;
        let ds = assemble(around, rows, beside.delivery, narratives, budgets);
        Ok((ds, beside.damage, also))
    }

    /// A dataset of these indicators' rows (the whole council's, or a look-up's own) with
    /// the council's settings, plan, people, organisation and sign-offs, read inside `tx`.
    pub(super) fn assemble(
        &self,
        tx: &rusqlite::Transaction,
        rows: IndicatorRows,
        delivery: Delivery,
        narratives: Vec<Narrative>,
        budgets: Vec<super::records::BudgetRecord>,
    ) -> Result<Dataset> {
        Ok(assemble(
            self.around(tx)?,
            rows,
            delivery,
            narratives,
            budgets,
        ))
    }

    /// What every dataset holds around its indicators' rows, read inside `tx`.
    pub(super) fn around(&self, tx: &rusqlite::Transaction) -> Result<Around> {
        Ok(Around {
            settings: self.settings()?,
            nodes: self.plan_nodes()?,
            users: self.users()?,
            signoffs: load_signoffs(tx)?,
            services: self.services()?,
            portfolios: self.portfolios()?,
            boards: self.boards()?,
        })
    }
}

/// The council's settings, plan, people, organisation and sign-offs: what every dataset
/// holds around its indicators' rows, a few hundred rows at any size.
pub(super) struct Around {
    settings: Settings,
    nodes: Vec<PlanNode>,
    users: Vec<UserRecord>,
    signoffs: Signoffs,
    services: Vec<Named>,
    portfolios: Vec<Named>,
    boards: Vec<super::org::BoardRow>,
}

/// What a whole read takes on its second connection: about half of a large council's.
struct Beside {
    values: HashMap<String, Vec<StoredValue>>,
    delivery: Delivery,
    damage: Vec<DamagedRow>,
}

/// A dataset put together from what was read, with its indexes built.
pub(super) fn assemble(
    around: Around,
    rows: IndicatorRows,
    delivery: Delivery,
    narratives: Vec<Narrative>,
    budgets: Vec<super::records::BudgetRecord>,
) -> Dataset {
    let IndicatorRows {
        indicators,
        values,
        targets,
        target_states,
        frozen,
    } = rows;
    let Around {
        settings,
        nodes,
        users,
        signoffs,
        services,
        portfolios,
        boards,
    } = around;
    let links = indicators
        .iter()
        .flat_map(|i| i.plan.iter().map(|n| (i.indicator.code.clone(), n.clone())))
        .collect();
    let mut narratives_by_code: foldhash::HashMap<String, Vec<usize>> = Default::default();
    for (at, n) in narratives.iter().enumerate() {
        narratives_by_code
            .entry(n.code.clone())
            .or_default()
            .push(at);
    }
    Dataset {
        index: Index::new(&indicators, &nodes, &users),
        qualities: QualityIndex::new(&values),
        rules: settings.rule_book(),
        settings,
        nodes,
        links,
        targets,
        target_states,
        values,
        frozen,
        signoffs,
        services,
        portfolios,
        boards,
        users,
        indicators,
        delivery,
        narratives,
        narratives_by_code,
        budgets,
    }
}

/// The rows of some indicators (or all), by indicator code: what a dataset is assembled from.
pub(super) struct IndicatorRows {
    pub indicators: Vec<IndicatorRecord>,
    pub values: HashMap<String, Vec<StoredValue>>,
    pub targets: HashMap<String, Vec<TargetRow>>,
    pub target_states: HashMap<String, Vec<super::TargetStateRecord>>,
    pub frozen: Frozen,
}

impl IndicatorRows {
    /// Every indicator's rows and every status frozen at sign-off, but not the values: a
    /// whole read takes those on its second connection (`Store::read_beside`).
    pub fn all_but_values(tx: &rusqlite::Transaction) -> Result<IndicatorRows> {
        Ok(IndicatorRows {
            indicators: load_indicators(tx)?,
            values: HashMap::new(),
            targets: load_all_targets(tx)?,
            target_states: super::target_states::load_all_target_states(tx)?,
            frozen: load_frozen(tx)?,
        })
    }
}
