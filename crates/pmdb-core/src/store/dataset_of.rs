//! The dataset one indicator's questions need (`pmdb show CODE`): that indicator with its
//! targets, values and frozen statuses, and the council's settings, plan, people and
//! sign-offs, each read by index. A look-up then costs what its answer costs, not what the
//! council does (issue 27): the whole council is read only by the reports over all of it.

use std::collections::HashMap;

use super::Store;
use super::dataset::IndicatorRows;
use super::error::{Result, StoreError};
use super::indicators::load_indicator;
use super::signoff::{Frozen, load_frozen_of};
use super::targets::load_targets;
use super::values::load_values;
use super::{Dataset, Delivery};

impl Store {
    /// The dataset of one indicator, read in one snapshot as `dataset` is; None when there
    /// is no such indicator. Every rule applied to it gives what it gives on the whole
    /// council's dataset: nothing of another indicator enters one indicator's figures.
    pub fn dataset_of(&self, code: &str) -> Result<Option<Dataset>> {
        let ds = self.dataset_of_many(&[code.to_string()])?;
        Ok((!ds.indicators.is_empty()).then_some(ds))
    }

    /// The dataset of the indicators a person owns or enters figures for (`pmdb list
    /// --owner`), in the council's order.
    pub fn dataset_of_owner(&self, login: &str) -> Result<Dataset> {
        let mut stmt = self.conn.prepare(
            "SELECT code FROM indicators WHERE owner = ?1
               OR code IN (SELECT indicator FROM indicator_enterers WHERE login = ?1)
             ORDER BY position, code",
        )?;
        let codes: Vec<String> = stmt
            .query_map([login], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        self.dataset_of_many(&codes)
    }

    /// The dataset of these indicators (in this order; codes of no indicator left out).
    fn dataset_of_many(&self, codes: &[String]) -> Result<Dataset> {
        let tx = self.conn.unchecked_transaction()?;
        let mut indicators = Vec::with_capacity(codes.len());
        let (mut values, mut targets) = (HashMap::new(), HashMap::new());
        let mut frozen = Frozen::default();
        for code in codes {
            match load_indicator(&tx, code) {
                Ok(rec) => indicators.push(rec),
                Err(StoreError::NotFound(_)) => continue,
                Err(e) => return Err(e),
            }
            values.insert(code.clone(), load_values(&tx, code)?);
            targets.insert(code.clone(), load_targets(&tx, code)?);
            frozen.absorb(load_frozen_of(&tx, code)?);
        }
        let target_states = super::target_states::load_all_target_states(&tx)?
            .into_iter()
            .filter(|(c, _)| values.contains_key(c))
            .collect();
        let settings = self.settings()?;
        let delivery = Delivery {
            bands: settings.risk_bands,
            collect_from: settings.collect_from,
            ..Delivery::default()
        };
        let rows = IndicatorRows {
            indicators,
            values,
            targets,
            target_states,
            frozen,
        };
        let ds = self.assemble(&tx, rows, delivery, vec![], vec![])?;
        tx.finish()?;
        Ok(ds)
    }
}
