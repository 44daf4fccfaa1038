//! Importing data-entry officers (`enterers`: an indicator's code and a login), so a whole
//! council's folder carries who may enter each indicator's values besides its owner.

use rusqlite::params;

use super::Store;
use super::error::{Result, StoreError};
use super::import_rows::{BadRows, ImportSummary, RowOutcome, or_next_row, unknown_ref};
use super::users::require_user;

/// One row of an enterers file: a login that enters data for an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct EntererRow {
    pub code: String,
    pub login: String,
}

impl Store {
    /// Imports data-entry officers (admins and the performance team). The indicator must
    /// exist and the login be a pmdb user; one already on record is unchanged, none is
    /// removed.
    pub fn import_enterers(&mut self, rows: &[(usize, EntererRow)]) -> Result<ImportSummary> {
        self.actor()?
            .may_manage("import data-entry officers")
            .map_err(StoreError::Denied)?;
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, e) in rows {
                let known: i64 = tx
                    .prepare_cached("SELECT count(*) FROM indicators WHERE code = ?1")?
                    .query_row([&e.code], |r| r.get(0))?;
                if known == 0 {
                    bad.keep::<()>(Err(unknown_ref(
                        *row,
                        "code",
                        &e.code,
                        format!(
                            "no indicator '{}' (import the indicators first)",
                            crate::safe_text::line(&e.code)
                        ),
                    )))?;
                    continue;
                }
                or_next_row!(
                    bad,
                    require_user(tx, &e.login).map_err(|why| unknown_ref(
                        *row,
                        "login",
                        &e.login,
                        why.to_string()
                    ))
                );
                let added = tx.execute(
                    "INSERT OR IGNORE INTO indicator_enterers (indicator, login) VALUES (?1, ?2)",
                    params![e.code, e.login],
                )?;
                summary.count(if added == 1 {
                    RowOutcome::Added
                } else {
                    RowOutcome::Unchanged
                });
            }
            bad.finish(summary)
        })
    }
}
