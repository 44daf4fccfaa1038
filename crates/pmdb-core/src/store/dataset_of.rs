//! The dataset one indicator's questions need (`pmdb show CODE`): that indicator with its
//! targets, values and frozen statuses, and the council's settings, plan, people and
//! sign-offs, each read by index. A look-up then costs what its answer costs, not what the
//! council does (issue 27): the whole council is read only by the reports over all of it.
//! `pmdb overdue` asks about every indicator but only two financial years
//! (`Store::dataset_of_years`); an exceptions list about the indicators its rows name.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use super::Store;
use super::dataset::{IndicatorRows, assemble};
use super::error::{Result, StoreError};
use super::indicators::{load_indicator, load_indicators};
use super::signoff::{Frozen, load_frozen_of};
use super::targets::{load_all_targets, load_targets};
use super::values::{load_all_values, load_values, load_values_of_years};
use super::{Dataset, Delivery};
use crate::domain::period::{FinYear, Period};

/// What a look-up over some indicators (`Store::dataset_of_many`) reads besides their own
/// rows, or of them only in part: what judging them for some periods needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reads {
    /// Their statuses frozen at sign-off for these periods only (None: for every period).
    pub frozen: Option<Vec<Period>>,
    /// The council's actions, projects, risks and EIAs, judged for these periods only: with
    /// only the judgements frozen at their sign-off (refused, as `dataset` refuses, when a
    /// row of them does not read). None: no delivery.
    pub delivery: Option<Vec<Period>>,
}

impl Store {
    /// The dataset of one indicator, read in one snapshot as `dataset` is; None when there
    /// is no such indicator. Every rule applied to it gives what it gives on the whole
    /// council's dataset: nothing of another indicator enters one indicator's figures.
    pub fn dataset_of(&self, code: &str) -> Result<Option<Dataset>> {
        let ds = self.dataset_of_many(&[code.to_string()], &Reads::default())?;
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
        self.dataset_of_many(&codes, &Reads::default())
    }

    /// The dataset of these indicators (in this order; codes of no indicator, and a code
    /// named again, left out), with what `reads` asks for besides (by default, nothing:
    /// each indicator's statuses frozen for every period, and no delivery).
    pub fn dataset_of_many(&self, codes: &[String], reads: &Reads) -> Result<Dataset> {
        let tx = self.conn.unchecked_transaction()?;
        let mut indicators = Vec::with_capacity(codes.len());
        let (mut values, mut targets) = (HashMap::new(), HashMap::new());
        let mut frozen = Frozen::default();
        for code in codes {
            if values.contains_key(code) {
                continue;
            }
            match load_indicator(&tx, code) {
                Ok(rec) => indicators.push(rec),
                Err(StoreError::NotFound(_)) => continue,
                Err(e) => return Err(e),
            }
            values.insert(code.clone(), load_values(&tx, code)?);
            targets.insert(code.clone(), load_targets(&tx, code)?);
            load_frozen_of(&tx, code, reads.frozen.as_deref(), &mut frozen)?;
        }
        let target_states = super::target_states::load_all_target_states(&tx)?
            .into_iter()
            .filter(|(c, _)| values.contains_key(c))
            .collect();
        let delivery = self.delivery_if(reads.delivery.as_deref())?;
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

    /// The dataset the indicators' roll-up needs (`pmdb rollup`): every indicator with all
    /// its rows and frozen statuses, the plan, people and sign-offs; none of the delivery
    /// records, narratives or budgets a roll-up does not show, which are most of the rest of
    /// a whole read.
    pub fn dataset_of_indicators(&self) -> Result<Dataset> {
        // On a large council the values, half of it, are read beside the rest.
        let ((mut rows, around, delivery), values) = self.read_beside(
            |tx| {
                let rows = IndicatorRows::all_but_values(tx)?;
                Ok((rows, self.around(tx)?, self.delivery_if(None)?))
            },
            |store| load_all_values(&store.conn),
        )?;
        rows.values = values;
        Ok(assemble(around, rows, delivery, vec![], vec![]))
    }

    /// The dataset a report of `period` over the whole council is made from (`pmdb
    /// report`, `publish`): everything `dataset` reads, but of the judgements delivery
    /// froze at sign-off only the period's own, the only ones its actions, projects, risks
    /// and EIAs are judged by (a council signing off monthly for years holds hundreds of
    /// thousands); for a period a sign-off covers, with the settings and definitions it
    /// froze (`as_signed_off`), read in the same snapshot. Refused, as `dataset` is, when a
    /// row it reads does not; `pmdb check` reads them all.
    pub fn dataset_for_reports(&self, period: Period) -> Result<Dataset> {
        let (ds, _, frozen) = self.whole_read(
            |store| Ok((store.read_delivery(Some(&[period]))?, vec![])),
            || self.frozen_for_reports_of(period),
        )?;
        super::signoff_extras::as_signed_off(ds, frozen)
    }

    /// The dataset of every indicator with its targets and only the values of these
    /// financial years (`pmdb overdue`: this year and the last), each year a range of the
    /// key index. Each indicator's earliest value is read too, whatever its year (before
    /// those years or after them): it dates the start of collection where nothing else
    /// does (`Dataset::start_of`), so what is owed is what the whole council's dataset
    /// says. No frozen statuses, delivery, narratives or budgets: ask it only what is owed
    /// and recorded in those years.
    pub fn dataset_of_years(&self, years: RangeInclusive<FinYear>) -> Result<Dataset> {
        let tx = self.conn.unchecked_transaction()?;
        let rows = IndicatorRows {
            indicators: load_indicators(&tx)?,
            values: load_values_of_years(&tx, years)?,
            targets: load_all_targets(&tx)?,
            target_states: super::target_states::load_all_target_states(&tx)?,
            frozen: Frozen::default(),
        };
        let delivery = self.delivery_if(None)?;
        let ds = self.assemble(&tx, rows, delivery, vec![], vec![])?;
        tx.finish()?;
        Ok(ds)
    }

    /// The council's delivery as `dataset` reads it, with what was frozen at the sign-off
    /// of these periods only, when asked for; else none (with the council's risk bands and
    /// collection start all the same).
    fn delivery_if(&self, frozen_in: Option<&[Period]>) -> Result<Delivery> {
        if let Some(periods) = frozen_in {
            return self.read_delivery(Some(periods));
        }
        let settings = self.settings()?;
        Ok(Delivery {
            bands: settings.risk_bands,
            collect_from: settings.collect_from,
            ..Delivery::default()
        })
    }
}
