//! The kind `commentary` (`code, period, commentary, action`): narratives for a quarter or
//! a year, read with every problem gathered and written spreadsheet-safe, so export then
//! import changes nothing.

use std::io::Write;

use super::CsvError;
use super::columns::Kind;
use super::read::Table;
use super::write::{finish, record, writer};
use crate::store::{Narrative, NewNarrative};

pub fn read_narratives(t: &Table) -> Result<Vec<(usize, NewNarrative)>, CsvError> {
    t.each(
        |n: &NewNarrative| format!("code {}, period {}", n.code, n.period),
        |c| {
            let code = c.code("code");
            let period = c.period("period");
            if matches!(period, Ok(None)) {
                c.problem("period", "is empty but required");
            }
            let commentary = c.prose("commentary", true);
            let action = c.prose("action", true);
            Some(NewNarrative {
                code: code?,
                period: period.ok()??,
                commentary,
                action,
            })
        },
    )
}

pub fn write_narratives<W: Write>(out: W, narratives: &[Narrative]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Commentary, out)?;
    for n in narratives {
        record(
            &mut w,
            Kind::Commentary,
            &[&n.code, &n.period.to_string(), &n.commentary, &n.action],
        )?;
    }
    finish(w)
}
