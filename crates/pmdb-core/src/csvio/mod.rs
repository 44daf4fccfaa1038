//! CSV files for `pmdb import` and `pmdb export`: the columns of each kind, reading a file
//! as spreadsheets write it (UTF-8, UTF-16 with a byte-order mark, or Windows-1252) into
//! typed rows, every problem listed at once by row (as a spreadsheet numbers it, the header
//! being row 1) and column, and writing rows back, spreadsheet-safe, so that export then
//! import is lossless. No SQL here: the store takes the typed rows.

mod cells;
mod columns;
mod decode;
mod delivery_rows;
mod delivery_write;
mod dry_run;
mod export;
mod import;
mod narrative_rows;
mod problems;
mod read;
mod rows;
mod setup_rows;
mod setup_write;
mod split;
mod write;

use std::borrow::Cow;

pub use cells::{NUMBER_FORM, parse_number};
pub use columns::{KINDS, Kind, columns_help, columns_of, is_numeric};
pub use decode::{TextEncoding, encoding_of};
pub use delivery_rows::{
    read_action_updates, read_actions, read_benchmarks, read_budgets, read_case_studies, read_eias,
    read_milestones, read_project_updates, read_projects, read_risk_reviews, read_risks,
};
pub use delivery_write::{write_benchmarks, write_budgets, write_case_studies, write_delivery};
pub use dry_run::{Change, DryRun, dry_run};
pub use export::{ExportError, export};
pub use import::{ImportError, import, import_within};
pub use narrative_rows::{read_narratives, write_narratives};
pub use problems::{clip, shown};
pub use read::{Table, read_table};
pub use rows::{read_indicators, read_plan, read_targets, read_values};
pub use setup_rows::{
    read_board_members, read_boards, read_enterers, read_meetings, read_named, read_users,
};
pub use setup_write::{
    write_board_members, write_boards, write_enterers, write_meetings, write_named, write_users,
};
pub use write::{write_indicators, write_plan, write_targets, write_values};

/// A refusal of an import file, naming where: one problem, or a list of them (one a line,
/// after a first line counting them).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct CsvError(pub String);

/// Formats a number so that reading it back gives the same f64 (Rust prints the shortest
/// text that round-trips).
pub fn number(x: f64) -> String {
    format!("{x}")
}

/// A text cell as pmdb writes it to any CSV: one that a spreadsheet would take for a
/// formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return), or that starts with
/// the `'` this adds, gets a leading `'`. Import removes it again. Never for numbers.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\'', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_prefixed() {
        for (text, written) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+44 1234", "'+44 1234"),
            ("-2 on last month", "'-2 on last month"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("'quoted'", "''quoted'"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("Plain, text", "Plain, text"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(text), written, "{text:?}");
        }
    }

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        for (text, x) in [
            ("1,234.5", 1234.5),
            ("-1,234,567", -1234567.0),
            ("12", 12.0),
            ("-3.25e2", -325.0),
            (".5", 0.5),
            ("+7", 7.0),
            ("999,999.25", 999999.25),
        ] {
            assert_eq!(parse_number(text), Some(x), "{text}");
        }
        for text in [
            "12%", "£5", "abc", "1,23", "12,3456", ",123", "1,,234", "-", ".", "1e", "inf", "NaN",
            "1e400", "5 kg", "1.2.3", "--5", "1 234",
        ] {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }
}
