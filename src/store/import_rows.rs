//! What every import shares: the count of rows taken and the message naming a bad row.

use serde::Serialize;

use super::error::StoreError;
use crate::domain::period::Period;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
}

/// A refusal naming the row as a spreadsheet numbers it (the header is row 1) and the column.
pub fn row_error(row: usize, column: &str, problem: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("row {row}, column {column}: {problem}"))
}

/// One row of a values file.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRow {
    pub code: String,
    pub period: Period,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub quality: super::values::Quality,
    pub commentary: String,
    pub action: String,
}
