//! `pmdb import KIND FILE --dry-run`: what an import would do, row by row, with nothing
//! written. The import itself runs, with every check it makes, inside a transaction that
//! is then rolled back; the kind's export before and after it, compared by each row's key,
//! says which rows it adds and which fields of which rows it changes (old → new), so the
//! preview cannot differ from what the real import then does.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{ImportError, Kind, export, import};
use crate::store::{Store, StoreError};

/// What an import would do: the keys of the rows it would add, the fields it would change
/// in the others, and how many of the file's rows are as stored already.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DryRun {
    pub kind: Kind,
    pub added: Vec<String>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
}

/// One stored row an import would change: its key and each changed field, old and new.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    pub key: String,
    pub fields: BTreeMap<String, (String, String)>,
}

/// The columns that name one row of each kind: what a row's key is made of, in this order
/// (`RW1 2024-07` for a value).
fn key_columns(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Users => &["login"],
        Kind::BoardMembers => &["board", "login"],
        Kind::Meetings => &["board", "date"],
        Kind::Enterers => &["code", "login"],
        Kind::Targets => &["code", "year", "period"],
        Kind::Values | Kind::Commentary | Kind::ActionUpdates | Kind::ProjectUpdates => {
            &["code", "period"]
        }
        Kind::Milestones => &["project", "title"],
        Kind::RiskReviews => &["code", "date"],
        Kind::Budgets => &["service", "month"],
        Kind::Benchmarks => &["code", "period", "comparator"],
        Kind::Plan
        | Kind::Indicators
        | Kind::Services
        | Kind::Portfolios
        | Kind::Boards
        | Kind::Actions
        | Kind::Projects
        | Kind::Risks
        | Kind::Eias
        | Kind::CaseStudies => &["code"],
    }
}

/// Runs the import of `bytes` and undoes it, reporting what it would have done. A file the
/// import refuses is refused here with the same message.
pub fn dry_run(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<DryRun, ImportError> {
    store.rolled_back(|s| {
        let before: HashMap<String, Row> = rows_by_key(kind, &export(s, kind).map_err(stored)?)?
            .into_iter()
            .collect();
        let summary = import(s, kind, bytes, today)?;
        let after = rows_by_key(kind, &export(s, kind).map_err(stored)?)?;
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for (key, row) in &after {
            match before.get(key) {
                None => added.push(key.clone()),
                Some(old) => {
                    let fields: BTreeMap<String, (String, String)> = row
                        .iter()
                        .filter(|(column, new)| old.get(*column) != Some(*new))
                        .map(|(column, new)| {
                            let was = old.get(column).cloned().unwrap_or_default();
                            (column.clone(), (was, new.clone()))
                        })
                        .collect();
                    if !fields.is_empty() {
                        changed.push(Change {
                            key: key.clone(),
                            fields,
                        });
                    }
                }
            }
        }
        Ok(DryRun {
            kind,
            added,
            changed,
            unchanged: summary.unchanged,
        })
    })
}

fn stored(e: super::ExportError) -> ImportError {
    match e {
        super::ExportError::Store(e) => ImportError::Store(e),
        super::ExportError::Csv(e) => ImportError::Csv(e),
    }
}

/// One exported row: its cells by column.
type Row = BTreeMap<String, String>;

/// An export's rows with their keys, in the export's order.
fn rows_by_key(kind: Kind, csv_bytes: &[u8]) -> Result<Vec<(String, Row)>, ImportError> {
    let mut reader = csv::Reader::from_reader(csv_bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::Store(StoreError::Invalid(e.to_string())))?
        .iter()
        .map(str::to_string)
        .collect();
    let at: Vec<usize> = key_columns(kind)
        .iter()
        .filter_map(|k| header.iter().position(|h| h == k))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Store(StoreError::Invalid(e.to_string())))?;
        let key: Vec<&str> = at
            .iter()
            .map(|&i| record.get(i).unwrap_or(""))
            .filter(|k| !k.is_empty())
            .collect();
        let row = header
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string))
            .collect();
        rows.push((key.join(" "), row));
    }
    Ok(rows)
}
