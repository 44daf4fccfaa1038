//! Reading a file of one kind and handing its rows to the store, all or nothing: the one
//! place that maps a kind to its reader and its store import.

use chrono::NaiveDate;

use super::{CsvError, Kind, read, rows, setup_rows};
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
    })
}
