//! Every indicator judged for a period at once, spread over the machine's cores: what a
//! period step in the interface and a roll-up wait for. Each judgement reads the dataset
//! and nothing else, so they may run side by side; the answers come back in the
//! council's order, as one thread would give them.

use rayon::prelude::*;

use crate::store::{Dataset, IndicatorRecord};

/// A council with fewer indicators than this is judged on one core: waking the others
/// costs more than they save (a district council's 72 take a fraction of a millisecond).
const SPREAD_FROM: usize = 256;

impl Dataset {
    /// `judge` applied to every indicator, in the council's order, on every core.
    pub fn judge_each<'a, T: Send>(
        &'a self,
        judge: impl Fn(&'a IndicatorRecord) -> T + Sync + Send,
    ) -> Vec<T> {
        if self.indicators.len() < SPREAD_FROM {
            return self.indicators.iter().map(judge).collect();
        }
        self.indicators.par_iter().map(judge).collect()
    }

    /// Two pieces of work over this dataset, side by side on the machine's cores when the
    /// council is large enough to gain by it, one after the other when it is not.
    pub fn side_by_side<A: Send, B: Send>(
        &self,
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        if self.indicators.len() < SPREAD_FROM {
            (a(), b())
        } else {
            rayon::join(a, b)
        }
    }
}
