//! Case studies submitted and chosen: any officer submits one (not chosen), and the
//! performance team marks those the annual report tells (`selected`).

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::error::{Result, StoreError};
use crate::domain::fields::{FieldError, check_code, check_name, check_text};
use crate::domain::period::FinYear;

/// A case study as an officer submits it (`pmdb case-studies add`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewCaseStudy {
    pub code: String,
    pub title: String,
    /// The plan node the story is told under.
    pub node: String,
    pub service: Option<String>,
    pub year: FinYear,
    pub story: String,
}

/// Who submitted a case study and when, as the audit log recorded its first writing.
#[derive(Debug, Clone, PartialEq)]
pub struct Submitted {
    pub code: String,
    pub login: String,
    /// The audit log's time stamp (UTC).
    pub at: String,
}

impl Store {
    /// Who submitted each case study and when (the audit log's record of its insert), for
    /// those the log holds.
    pub fn case_study_submissions(&self) -> Result<Vec<Submitted>> {
        let mut stmt = self.conn.prepare(
            "SELECT key, login, min(at) FROM audit_log
              WHERE tbl = 'case_studies' AND op = 'insert'
              GROUP BY key ORDER BY key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Submitted {
                code: r.get(0)?,
                login: r.get(1)?,
                at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a case study, not chosen. Any officer may; the code must be new, the plan node
    /// (and service, if named) must exist. Nothing is written when anything is refused.
    pub fn submit_case_study(&mut self, new: &NewCaseStudy) -> Result<()> {
        self.actor()?
            .may_submit_case_study()
            .map_err(StoreError::Denied)?;
        check_code("the case study's code", &new.code)?;
        check_name("the title", &new.title)?;
        if new.title.trim().is_empty() {
            return Err(FieldError::Empty {
                what: "the case study's title".into(),
            }
            .into());
        }
        check_text("the story", &new.story)?;
        self.write(|tx| {
            let taken: Option<String> = tx
                .query_row(
                    "SELECT title FROM case_studies WHERE code = ?1",
                    [&new.code],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(title) = taken {
                return Err(StoreError::Invalid(format!(
                    "case study {} already exists ({}): choose another code",
                    new.code,
                    crate::safe_text::line(&title)
                )));
            }
            let node: i64 = tx.query_row(
                "SELECT count(*) FROM plan_nodes WHERE code = ?1",
                [&new.node],
                |r| r.get(0),
            )?;
            if node == 0 {
                return Err(StoreError::NotFound(format!(
                    "no plan node '{}': `pmdb export plan` lists them",
                    crate::safe_text::line(&new.node)
                )));
            }
            if let Some(service) = &new.service {
                let n: i64 = tx.query_row(
                    "SELECT count(*) FROM services WHERE code = ?1",
                    [service],
                    |r| r.get(0),
                )?;
                if n == 0 {
                    return Err(StoreError::NotFound(format!(
                        "no service '{}'",
                        crate::safe_text::line(service)
                    )));
                }
            }
            tx.execute(
                "INSERT INTO case_studies (code, title, node, service, year, story, selected)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)",
                params![
                    new.code,
                    new.title,
                    new.node,
                    new.service,
                    new.year.0,
                    new.story
                ],
            )?;
            Ok(())
        })
    }

    /// Marks a case study chosen for the annual report, or not (the performance team and
    /// admins). Choosing one already chosen writes nothing.
    pub fn choose_case_study(&mut self, code: &str, selected: bool) -> Result<()> {
        self.actor()?
            .may_choose_case_studies()
            .map_err(StoreError::Denied)?;
        self.write(|tx| {
            let held: Option<bool> = tx
                .query_row(
                    "SELECT selected FROM case_studies WHERE code = ?1",
                    [code],
                    |r| r.get(0),
                )
                .optional()?;
            match held {
                None => Err(StoreError::NotFound(format!(
                    "no case study '{}': `pmdb case-studies` lists them",
                    crate::safe_text::line(code)
                ))),
                Some(now) if now == selected => Ok(()),
                Some(_) => {
                    tx.execute(
                        "UPDATE case_studies SET selected = ?2 WHERE code = ?1",
                        params![code, selected],
                    )?;
                    Ok(())
                }
            }
        })
    }
}
