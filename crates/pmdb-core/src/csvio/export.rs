//! One kind's export file: what `pmdb export KIND` and `export --all` write, and what a
//! dry run compares before and after an import (`dry_run.rs`).

use std::collections::HashMap;

use super::{CsvError, Kind};
use crate::store::{Store, StoreError};

/// Why an export could not be made: reading the store, or writing its CSV.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Csv(#[from] CsvError),
}

/// One kind's export file, as bytes, in the order a person reads it (indicators in the
/// order of the plan, their targets and values by period).
pub fn export(store: &Store, kind: Kind) -> Result<Vec<u8>, ExportError> {
    let mut buffer = Vec::new();
    match kind {
        Kind::Plan => super::write_plan(&mut buffer, &store.plan_nodes()?)?,
        Kind::Indicators => super::write_indicators(&mut buffer, &store.indicators()?)?,
        Kind::Targets => {
            let order = indicator_order(store)?;
            let mut rows: Vec<(String, crate::domain::target::TargetRow)> = store
                .all_targets()?
                .into_iter()
                .flat_map(|(c, ts)| ts.into_iter().map(move |t| (c.clone(), t)))
                .collect();
            rows.sort_by_key(|(c, t)| {
                (
                    order.get(c).copied(),
                    t.year,
                    t.period.map(|p| p.sort_key()),
                )
            });
            super::write_targets(&mut buffer, &rows)?
        }
        Kind::Values => {
            let order = indicator_order(store)?;
            let all = store.all_values()?;
            let mut rows: Vec<&crate::store::StoredValue> = all.values().flatten().collect();
            rows.sort_by_key(|v| (order.get(&v.indicator).copied(), v.period.sort_key()));
            super::write_values(&mut buffer, &rows)?
        }
        Kind::Commentary => super::write_narratives(&mut buffer, &store.narratives()?)?,
        Kind::Users => super::write_users(&mut buffer, &store.users()?)?,
        Kind::Services => super::write_named(&mut buffer, kind, &store.services()?)?,
        Kind::Portfolios => super::write_named(&mut buffer, kind, &store.portfolios()?)?,
        Kind::Boards => super::write_boards(&mut buffer, &store.boards()?)?,
        Kind::BoardMembers => super::write_board_members(&mut buffer, &store.all_board_members()?)?,
        Kind::Meetings => super::write_meetings(&mut buffer, &store.meetings()?)?,
        Kind::Enterers => super::write_enterers(&mut buffer, &store.indicators()?)?,
        Kind::Actions
        | Kind::ActionUpdates
        | Kind::Projects
        | Kind::ProjectUpdates
        | Kind::Milestones
        | Kind::Risks
        | Kind::RiskReviews
        | Kind::Eias => super::write_delivery(&mut buffer, kind, &store.delivery()?)?,
        Kind::CaseStudies => super::write_case_studies(&mut buffer, &store.case_studies()?)?,
        Kind::Budgets => super::write_budgets(&mut buffer, &store.budgets()?)?,
        Kind::Benchmarks => super::write_benchmarks(&mut buffer, &store.benchmarks()?)?,
    }
    Ok(buffer)
}

fn indicator_order(store: &Store) -> Result<HashMap<String, usize>, StoreError> {
    Ok(store
        .indicators()?
        .into_iter()
        .enumerate()
        .map(|(n, r)| (r.indicator.code, n))
        .collect())
}
