//! CSV files for `pmdb import` and `pmdb export`: the columns of each kind, reading a file
//! into typed rows (every refusal names the row as a spreadsheet numbers it, the header
//! being row 1, and the column), and writing rows back so that export then import is
//! lossless. No SQL here: the store takes the typed rows.

mod columns;
mod import;
mod read;
mod write;

pub use columns::{Kind, columns_of};
pub use import::{ImportError, import};
pub use read::{Table, read_indicators, read_plan, read_table, read_targets, read_values};
pub use write::{write_indicators, write_plan, write_targets, write_values};

/// A refusal of an import file, naming where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct CsvError(pub String);

/// Formats a number so that reading it back gives the same f64 (Rust prints the shortest
/// text that round-trips).
pub fn number(x: f64) -> String {
    format!("{x}")
}
