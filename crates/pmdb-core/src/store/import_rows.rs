//! What every import shares: the columns a file names, the count of rows taken and the
//! message naming a bad row.

use std::collections::BTreeSet;

use serde::Serialize;

use super::error::StoreError;
use crate::domain::period::Period;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    /// Rows equal to what is stored: nothing written, no new version, no audit row.
    pub unchanged: usize,
}

impl ImportSummary {
    /// Counts one row by what happened to it.
    pub(super) fn count(&mut self, outcome: RowOutcome) {
        match outcome {
            RowOutcome::Added => self.added += 1,
            RowOutcome::Updated => self.updated += 1,
            RowOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// What an import did with one row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum RowOutcome {
    Added,
    Updated,
    Unchanged,
}

/// The columns an import file names. An import changes only these fields of a row that is
/// already stored: a values file of `code, period, value` never touches a commentary. A
/// column present with a blank cell does set the field blank.
#[derive(Debug, Clone, PartialEq)]
pub enum Columns {
    /// Every column (the demo, and anything built in code rather than read from a file).
    All,
    /// Only these, by their lower-case names.
    Only(BTreeSet<String>),
}

impl Columns {
    pub fn only<'a>(names: impl IntoIterator<Item = &'a str>) -> Columns {
        Columns::Only(names.into_iter().map(str::to_string).collect())
    }

    pub fn has(&self, column: &str) -> bool {
        match self {
            Columns::All => true,
            Columns::Only(names) => names.contains(column),
        }
    }

    /// The file's field when it names the column, else the stored one (when there is one).
    pub(super) fn pick<T: Clone>(&self, column: &str, new: &T, old: Option<&T>) -> T {
        match old {
            Some(old) if !self.has(column) => old.clone(),
            _ => new.clone(),
        }
    }
}

/// What is wrong with a cell: a rule's typed refusal (`FieldError`, `EntryError`, …) or
/// a message, kept as it is so a caller can tell which refusal happened.
pub type Problem = Box<dyn std::error::Error + Send + Sync>;

/// A refusal naming the row as a spreadsheet numbers it (the header is row 1) and the column.
pub fn row_error(row: usize, column: &str, problem: impl Into<Problem>) -> StoreError {
    StoreError::Row {
        row,
        column: column.to_string(),
        problem: problem.into(),
    }
}

/// A reference to something neither the database nor the file holds (an indicator, plan
/// node, project, owner …). Kept typed so that an import refusing the row that would have
/// added `code` does not also blame every row naming it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{text}")]
pub struct Unknown {
    /// The code (or login) named and not found.
    pub code: String,
    /// The message, naming it.
    pub text: String,
}

/// A row naming something that does not exist: `text` says what and how to add it.
pub fn unknown_ref(row: usize, column: &str, code: &str, text: String) -> StoreError {
    row_error(
        row,
        column,
        Unknown {
            code: code.to_string(),
            text,
        },
    )
}

/// Every bad row of one import, so the file is refused once naming all of them (spec:
/// "Every error at once"). A row's refusal (`StoreError::Row`) is kept and the import
/// goes on to the next row; anything else (the database failing) ends it at once.
#[derive(Debug, Default)]
pub(super) struct BadRows(Vec<StoreError>);

impl BadRows {
    /// The row's result, or None once its refusal is kept.
    pub(super) fn keep<T>(
        &mut self,
        result: Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        match result {
            Ok(v) => Ok(Some(v)),
            Err(e @ StoreError::Row { .. }) => {
                self.0.push(e);
                Ok(None)
            }
            Err(StoreError::Rows(more)) => {
                self.0.extend(more);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `done` when every row passed; otherwise the one bad row's refusal, or all of them.
    pub(super) fn finish<T>(mut self, done: T) -> Result<T, StoreError> {
        match self.0.len() {
            0 => Ok(done),
            1 => Err(self.0.remove(0)),
            _ => Err(StoreError::Rows(self.0)),
        }
    }
}

/// Inside an import's loop over its rows: the value of a row's check, or (keeping the
/// row's refusal in `BadRows`) on to the next row.
macro_rules! or_next_row {
    ($bad:expr, $check:expr) => {
        match $bad.keep($check)? {
            Some(v) => v,
            None => continue,
        }
    };
}
pub(super) use or_next_row;

/// One row of a values file.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRow {
    pub code: String,
    pub period: Period,
    pub value: Option<f64>,
    /// The value was written with its `%` sign, which only a measure in `%` may carry.
    pub percent_sign: bool,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub quality: super::values::Quality,
    pub commentary: String,
    pub action: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_column_keeps_the_stored_field() {
        let cols = Columns::only(["code", "period", "value"]);
        assert_eq!(
            cols.pick("commentary", &String::new(), Some(&"why".into())),
            "why"
        );
        assert_eq!(cols.pick("value", &2.0, Some(&1.0)), 2.0);
        // A new row takes the file's (default) field.
        assert_eq!(cols.pick("commentary", &String::new(), None), "");
        assert_eq!(
            Columns::All.pick("commentary", &String::new(), Some(&"why".into())),
            ""
        );
    }
}
