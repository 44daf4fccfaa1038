//! Reading a file of one kind and handing its rows to the store, all or nothing: the one
//! place that maps a kind to its reader and its store import.

use chrono::NaiveDate;

use super::{CsvError, Kind, read, rows};
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
    })
}
