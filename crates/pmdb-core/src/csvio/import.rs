//! Reading a file of one kind and handing its rows to the store, all or nothing: the one
//! place that maps a kind to its reader and its store import.

use chrono::NaiveDate;

use super::{CsvError, Kind, delivery_rows as d, read, rows, setup_rows};
use crate::store::{ImportSummary, Store, StoreError};

/// Why a file was not imported: the file itself (every problem in it), or the first thing
/// the store refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Csv(#[from] CsvError),
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// Imports a CSV file's bytes; `today` bounds the periods values may be recorded for.
/// `encoding_of` tells which encoding the bytes were read in.
pub fn import(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportSummary, ImportError> {
    let table = read::read_table(kind, bytes)?;
    // The store changes only the fields whose columns the file names.
    let columns = table.columns();
    Ok(match kind {
        Kind::Plan => store.import_plan_naming(&rows::read_plan(&table)?, &columns)?,
        Kind::Indicators => {
            store.import_indicators_naming(&rows::read_indicators(&table)?, &columns)?
        }
        Kind::Targets => store.import_targets_naming(&rows::read_targets(&table)?, &columns)?,
        Kind::Values => store.import_values_naming(&rows::read_values(&table)?, &columns, today)?,
        Kind::Users => store.import_users_naming(&setup_rows::read_users(&table)?, &columns)?,
        Kind::Services => store
            .import_services_naming(&setup_rows::read_named(&table, "head", true)?, &columns)?,
        Kind::Portfolios => store.import_portfolios_naming(
            &setup_rows::read_named(&table, "holder", false)?,
            &columns,
        )?,
        Kind::Boards => store.import_boards(&setup_rows::read_boards(&table)?)?,
        Kind::BoardMembers => {
            store.import_board_members(&setup_rows::read_board_members(&table)?)?
        }
        Kind::Meetings => {
            store.import_meetings_naming(&setup_rows::read_meetings(&table)?, &columns)?
        }
        Kind::Enterers => store.import_enterers(&setup_rows::read_enterers(&table)?)?,
        Kind::Actions => store.import_actions_naming(&d::read_actions(&table)?, &columns)?,
        Kind::ActionUpdates => {
            store.import_action_updates_naming(&d::read_action_updates(&table)?, &columns)?
        }
        Kind::Projects => store.import_projects_naming(&d::read_projects(&table)?, &columns)?,
        Kind::ProjectUpdates => {
            store.import_project_updates_naming(&d::read_project_updates(&table)?, &columns)?
        }
        Kind::Milestones => {
            store.import_milestones_naming(&d::read_milestones(&table)?, &columns)?
        }
        Kind::Risks => store.import_risks_naming(&d::read_risks(&table)?, &columns)?,
        Kind::RiskReviews => {
            store.import_risk_reviews_naming(&d::read_risk_reviews(&table)?, &columns)?
        }
        Kind::Eias => store.import_eias_naming(&d::read_eias(&table)?, &columns)?,
        Kind::CaseStudies => {
            store.import_case_studies_naming(&d::read_case_studies(&table)?, &columns)?
        }
        Kind::Budgets => store.import_budgets_naming(&d::read_budgets(&table)?, &columns)?,
        Kind::Benchmarks => store.import_benchmarks(&d::read_benchmarks(&table)?)?,
    })
}
