//! One data row's cells as typed values: numbers as spreadsheets write them, codes and
//! texts checked, each problem recorded with its row and column instead of ending the read.

use std::cell::RefCell;

use super::columns::is_numeric;
use super::problems::{Problem, bounded, shown};
use super::read::Table;
use crate::domain::fields;
use crate::domain::period::{FinYear, PERIOD_FORMS, Period};

/// One data row being read: typed access to its cells, each problem recorded with its
/// row and column rather than ending the read.
pub struct Cells<'a> {
    table: &'a Table,
    row: usize,
    record: &'a [String],
    problems: RefCell<Vec<Problem>>,
}

pub use crate::domain::number::{NUMBER_FORM, parse_number};
use crate::domain::number::{WrittenValue, parse_value};

/// A code as `domain::fields` allows it, or why not (the cell quoted, cut and escaped).
pub(super) fn code_problem(code: &str) -> Option<String> {
    fields::check_code("the code", code)
        .err()
        .map(|why| format!("'{}' is not a code: {why}", shown(code)))
}

/// A title or name (`lines` false) or a commentary-like text (`lines` true) as
/// `domain::fields` allows it, or why not.
fn text_problem(text: &str, lines: bool) -> Option<String> {
    let checked = if lines {
        fields::check_text("the text", text)
    } else {
        fields::check_name("the text", text)
    };
    checked
        .err()
        .map(|why| format!("'{}' is not accepted: {why}", shown(text)))
}

impl<'a> Cells<'a> {
    pub(super) fn new(table: &'a Table, row: usize, record: &'a [String]) -> Cells<'a> {
        Cells {
            table,
            row,
            record,
            problems: RefCell::new(Vec::new()),
        }
    }

    pub(super) fn into_problems(self) -> Vec<Problem> {
        self.problems.into_inner()
    }

    pub(super) fn problem(&self, column: &str, text: impl std::fmt::Display) {
        let place = self.table.index.get(column).copied().unwrap_or(usize::MAX);
        self.problems.borrow_mut().push(Problem {
            row: self.row,
            place,
            text: format!("row {}, column {column}: {text}", self.row),
        });
    }

    /// The cell exactly as written; empty when the column is absent.
    fn cell(&self, column: &str) -> &str {
        self.table
            .index
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map_or("", String::as_str)
    }

    /// The cell as written, trimmed; empty when the column is absent.
    pub(super) fn raw(&self, column: &str) -> &str {
        self.cell(column).trim()
    }

    /// The cell's text: trimmed, and for a text column without the one leading `'` that
    /// export writes before a cell a spreadsheet would take for a formula. For codes,
    /// words and dates, where surrounding spaces are never meant; a title or commentary
    /// reads through `prose`, untrimmed.
    pub(super) fn text(&self, column: &str) -> &str {
        let t = self.raw(column);
        if is_numeric(column) {
            t
        } else {
            t.strip_prefix('\'').unwrap_or(t)
        }
    }

    /// Whether the file has this column at all.
    pub(super) fn has_column(&self, column: &str) -> bool {
        self.table.index.contains_key(column)
    }

    pub(super) fn is_empty(&self, column: &str) -> bool {
        self.text(column).is_empty()
    }

    pub(super) fn required(&self, column: &str) -> Option<&str> {
        let t = self.text(column);
        if t.is_empty() {
            self.problem(column, "is empty but required");
            None
        } else {
            Some(t)
        }
    }

    pub(super) fn optional(&self, column: &str) -> Option<String> {
        let t = self.text(column);
        (!t.is_empty()).then(|| t.to_string())
    }

    /// A required code.
    pub(super) fn code(&self, column: &str) -> Option<String> {
        let t = self.required(column)?;
        match code_problem(t) {
            Some(p) => {
                self.problem(column, p);
                None
            }
            None => Some(t.to_string()),
        }
    }

    /// An optional code; empty is None.
    pub(super) fn optional_code(&self, column: &str) -> Result<Option<String>, ()> {
        match self.optional(column) {
            None => Ok(None),
            Some(t) => match code_problem(&t) {
                Some(p) => {
                    self.problem(column, p);
                    Err(())
                }
                None => Ok(Some(t)),
            },
        }
    }

    /// A title or name (`lines` false: one line of at most 500 characters) or a
    /// commentary-like text (`lines` true: at most 10,000, with line breaks and tabs).
    pub(super) fn words(&self, column: &str, lines: bool) -> String {
        let t = self.text(column);
        if let Some(p) = text_problem(t, lines) {
            self.problem(column, p);
        }
        t.to_string()
    }

    /// A title or name (`lines` false) or a commentary-like text (`lines` true), exactly
    /// as written but for the one leading `'` export writes before a risky first character
    /// (`spreadsheet_safe`): never trimmed, before or after, so export then import gives every
    /// text back, `' Leading space` included (SPEC "Spreadsheet-safe CSV").
    pub(super) fn prose(&self, column: &str, lines: bool) -> String {
        let cell = self.cell(column);
        let t = cell.strip_prefix('\'').unwrap_or(cell);
        if let Some(p) = text_problem(t, lines) {
            self.problem(column, p);
        }
        t.to_string()
    }

    pub(super) fn parse<T: std::str::FromStr<Err: std::fmt::Display>>(
        &self,
        column: &str,
    ) -> Option<T> {
        let t = self.required(column)?;
        t.parse()
            .map_err(|e: T::Err| self.problem(column, bounded(&e.to_string(), t)))
            .ok()
    }

    /// An optional number: Ok(None) when empty, Err after recording why it is not one.
    pub(super) fn number(&self, column: &str) -> Result<Option<f64>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        match parse_number(t) {
            Some(x) => Ok(Some(x)),
            None => {
                self.problem(
                    column,
                    format!("'{}' is not a number: {NUMBER_FORM}", shown(t)),
                );
                Err(())
            }
        }
    }

    /// An optional indicator value: a number, or a number with its `%` sign
    /// (`parse_value`); Ok(None) when empty, Err after recording why it is not one.
    pub(super) fn value(&self, column: &str) -> Result<Option<WrittenValue>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        parse_value(t).map(Some).ok_or_else(|| {
            self.problem(
                column,
                format!("'{}' is not a number: {NUMBER_FORM}", shown(t)),
            );
        })
    }

    /// An optional yes or no: blank is no.
    pub(super) fn yes_no(&self, column: &str) -> Result<bool, ()> {
        match self.text(column).to_ascii_lowercase().as_str() {
            "" | "no" => Ok(false),
            "yes" => Ok(true),
            _ => {
                self.problem(
                    column,
                    format!("'{}' is not yes or no", shown(self.text(column))),
                );
                Err(())
            }
        }
    }

    /// A whole number from `low` to `high`; None (blank) when not required.
    pub(super) fn whole(
        &self,
        column: &str,
        low: i64,
        high: i64,
        required: bool,
    ) -> Result<Option<i64>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            if required {
                self.problem(column, "is empty but required");
                return Err(());
            }
            return Ok(None);
        }
        match t.parse::<i64>() {
            Ok(n) if (low..=high).contains(&n) => Ok(Some(n)),
            _ => {
                self.problem(
                    column,
                    format!("'{}' is not a whole number from {low} to {high}", shown(t)),
                );
                Err(())
            }
        }
    }

    pub(super) fn required_number(&self, column: &str) -> Option<f64> {
        match self.number(column) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                self.problem(column, "is empty but required");
                None
            }
            Err(()) => None,
        }
    }

    pub(super) fn period(&self, column: &str) -> Result<Option<Period>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        t.parse()
            .map(Some)
            .map_err(|e: crate::domain::period::PeriodError| {
                self.problem(
                    column,
                    format!(
                        "'{}' is not a period{}: write {PERIOD_FORMS}",
                        shown(t),
                        e.why
                    ),
                )
            })
    }

    pub(super) fn year(&self, column: &str) -> Result<Option<FinYear>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        t.parse().map(Some).map_err(|_| {
            self.problem(
                column,
                format!(
                    "'{}' is not a financial year: write it like 2024/25",
                    shown(t)
                ),
            )
        })
    }

    pub(super) fn required_year(&self, column: &str) -> Option<FinYear> {
        match self.year(column) {
            Ok(Some(y)) => Some(y),
            Ok(None) => {
                self.problem(column, "is empty but required");
                None
            }
            Err(()) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::{Kind, columns_of};
    use super::super::delivery_rows::{read_action_updates, read_actions};
    use super::super::read::read_table;
    use super::super::write::{record, writer};

    fn title_back(title: &str) -> String {
        let mut w = writer(Kind::Actions, Vec::new()).unwrap();
        let row: Vec<&str> = columns_of(Kind::Actions)
            .iter()
            .map(|(c, _)| match *c {
                "code" => "A1",
                "title" => title,
                "kind" => "team",
                "due" => "2027-03-31",
                _ => "",
            })
            .collect();
        record(&mut w, Kind::Actions, &row).unwrap();
        let bytes = w.into_inner().unwrap();
        let t = read_table(Kind::Actions, &bytes).unwrap();
        let rows = read_actions(&t).unwrap();
        rows[0].1.action.title.clone()
    }

    fn commentary_back(commentary: &str) -> String {
        let mut w = writer(Kind::ActionUpdates, Vec::new()).unwrap();
        let row: Vec<&str> = columns_of(Kind::ActionUpdates)
            .iter()
            .map(|(c, _)| match *c {
                "code" => "A1",
                "period" => "2026-10",
                "status" => "on_track",
                "commentary" => commentary,
                _ => "",
            })
            .collect();
        record(&mut w, Kind::ActionUpdates, &row).unwrap();
        let bytes = w.into_inner().unwrap();
        let t = read_table(Kind::ActionUpdates, &bytes).unwrap();
        let rows = read_action_updates(&t).unwrap();
        rows[0].1.commentary.clone()
    }

    #[test]
    fn a_leading_apostrophe_and_space_come_back() {
        for title in [
            "' Leading space",
            " Leading space",
            "Trailing space ",
            "'",
            "''twice",
            "=SUM(A1)",
            "-2 on last month",
        ] {
            assert_eq!(title_back(title), title, "{title:?}");
        }
        for commentary in ["' Leading space", "\tindented", "\r\nafter a break ", " "] {
            assert_eq!(commentary_back(commentary), commentary, "{commentary:?}");
        }
    }

    proptest::proptest! {
        /// Export then import gives back every title and every commentary, character for
        /// character: spaces, apostrophes and formula-like starts included.
        #[test]
        fn export_then_import_is_the_identity_for_texts(
            title in "[ -~£é€]{0,30}[!-~£é€][ -~£é€]{0,30}",
            commentary in "[ -~£é€\t\r\n]{0,60}",
        ) {
            proptest::prop_assert_eq!(title_back(&title), title);
            proptest::prop_assert_eq!(commentary_back(&commentary), commentary);
        }
    }
}
