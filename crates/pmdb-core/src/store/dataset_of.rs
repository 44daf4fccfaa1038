//! The dataset one indicator's questions need (`pmdb show CODE`): that indicator with its
//! targets, values and frozen statuses, and the council's settings, plan, people and
//! sign-offs, each read by index. A look-up then costs what its answer costs, not what the
//! council does (issue 27): the whole council is read only by the reports over all of it.

use std::collections::HashMap;

use super::Store;
use super::error::{Result, StoreError};
use super::index::Index;
use super::indicators::load_indicator;
use super::quality_index::QualityIndex;
use super::signoff::{load_frozen_of, load_signoffs};
use super::targets::load_targets;
use super::values::load_values;
use super::{Dataset, Delivery};

impl Store {
    /// The dataset of one indicator, read in one snapshot as `dataset` is; None when there
    /// is no such indicator. Every rule applied to it gives what it gives on the whole
    /// council's dataset: nothing of another indicator enters one indicator's figures.
    pub fn dataset_of(&self, code: &str) -> Result<Option<Dataset>> {
        let tx = self.conn.unchecked_transaction()?;
        let rec = match load_indicator(&tx, code) {
            Ok(rec) => rec,
            Err(StoreError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let settings = self.settings()?;
        let nodes = self.plan_nodes()?;
        let users = self.users()?;
        let links = rec
            .plan
            .iter()
            .map(|n| (rec.indicator.code.clone(), n.clone()))
            .collect();
        let values = HashMap::from([(code.to_string(), load_values(&tx, code)?)]);
        let targets = HashMap::from([(code.to_string(), load_targets(&tx, code)?)]);
        let target_states = super::target_states::load_all_target_states(&tx)?
            .into_iter()
            .filter(|(c, _)| c == code)
            .collect();
        let delivery = Delivery {
            bands: settings.risk_bands,
            collect_from: settings.collect_from,
            ..Delivery::default()
        };
        let indicators = vec![rec];
        let ds = Dataset {
            index: Index::new(&indicators, &nodes, &users),
            qualities: QualityIndex::new(&values),
            rules: settings.rule_book(),
            settings,
            nodes,
            links,
            targets,
            target_states,
            values,
            frozen: load_frozen_of(&tx, code)?,
            signoffs: load_signoffs(&tx)?,
            services: self.services()?,
            portfolios: self.portfolios()?,
            boards: self.boards()?,
            users,
            indicators,
            delivery,
            narratives: vec![],
            narratives_by_code: HashMap::new(),
            budgets: vec![],
        };
        tx.finish()?;
        Ok(Some(ds))
    }
}
