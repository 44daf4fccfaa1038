//! Every indicator judged for a period at once, spread over the machine's cores: what a
//! period step in the interface and a roll-up wait for. Each judgement reads the dataset
//! and nothing else, so they may run side by side; the answers come back in the
//! council's order, as one thread would give them.

use rayon::prelude::*;

use crate::store::{Dataset, IndicatorRecord};

impl Dataset {
    /// `judge` applied to every indicator, in the council's order, on every core.
    pub fn judge_each<'a, T: Send>(
        &'a self,
        judge: impl Fn(&'a IndicatorRecord) -> T + Sync + Send,
    ) -> Vec<T> {
        self.indicators.par_iter().map(judge).collect()
    }
}
