//! Narratives for a quarter or a year (`pmdb comment`, the CSV kind `commentary`): the
//! commentary and remedial action of a monthly indicator's quarter or year, or of a plan
//! node's, written by the indicator's owner or an enterer of it (a plan node's by its
//! owner), or by the performance team. Every refusal names why; nothing is written then.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::error::{DamagedRow, Result, StoreError};
use super::import_rows::{BadRows, Columns, ImportSummary, RowOutcome, row_error, unknown_ref};
use super::indicators::load_indicator;
use super::session::Entered;
use super::signoff::locking_signoff;
use super::users::role_in;
use crate::domain::fields::check_text;
use crate::domain::narrative::{Subject, check_period};
use crate::domain::period::Period;
use crate::domain::role::Actor;

/// A narrative as someone writes it: the code (an indicator's or a plan node's), the
/// quarter or year, and the words.
#[derive(Debug, Clone, PartialEq)]
pub struct NewNarrative {
    pub code: String,
    pub period: Period,
    pub commentary: String,
    pub action: String,
}

/// A narrative as stored, with who wrote it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Narrative {
    pub subject: Subject,
    pub code: String,
    pub period: Period,
    pub commentary: String,
    pub action: String,
    pub written_by: String,
    pub written_at: String,
}

/// Why one narrative was refused, with the column of a file's row it concerns.
type Refusal = (&'static str, StoreError);

/// What the code names, once the writer may write for it and the period may carry one;
/// the inner error is the refusal (the database failing is the outer one).
fn admit(
    tx: &Connection,
    actor: &Actor,
    n: &NewNarrative,
) -> Result<std::result::Result<Subject, Refusal>> {
    let refuse = |column, e: StoreError| Ok(Err((column, e)));
    let known: Option<()> = tx
        .query_row(
            "SELECT 1 FROM indicators WHERE code = ?1",
            [&n.code],
            |_| Ok(()),
        )
        .optional()?;
    let (subject, frequency) = if known.is_some() {
        let ind = load_indicator(tx, &n.code)?;
        if let Err(e) = actor.may_narrate(&n.code, &ind.indicator.owner, &ind.enterers) {
            return refuse("code", e.into());
        }
        (Subject::Indicator, Some(ind.indicator.frequency))
    } else {
        let owner: Option<String> = tx
            .query_row(
                "SELECT owner FROM plan_nodes WHERE code = ?1",
                [&n.code],
                |r| r.get(0),
            )
            .optional()?;
        let Some(owner) = owner else {
            return refuse(
                "code",
                StoreError::NotFound(format!(
                    "no indicator or plan node '{}': `pmdb list` and `pmdb export plan` list them",
                    crate::safe_text::line(&n.code)
                )),
            );
        };
        if let Err(e) = actor.may_update("plan node", &n.code, &owner) {
            return refuse("code", e.into());
        }
        (Subject::Plan, None)
    };
    if let Err(e) = check_period(&n.code, n.period, frequency) {
        return refuse("period", StoreError::Invalid(e.to_string()));
    }
    if let Some(within) = locking_signoff(tx, n.period)? {
        return refuse(
            "period",
            StoreError::SignedOff {
                period: n.period,
                within,
            },
        );
    }
    if let Err(e) = check_text("the commentary", &n.commentary) {
        return refuse("commentary", e.into());
    }
    if let Err(e) = check_text("the remedial action", &n.action) {
        return refuse("action", e.into());
    }
    Ok(Ok(subject))
}

fn stored(
    tx: &Connection,
    subject: Subject,
    code: &str,
    period: Period,
) -> Result<Option<Narrative>> {
    Ok(tx
        .query_row(
            "SELECT commentary, action, written_by, written_at FROM narratives
              WHERE subject = ?1 AND code = ?2 AND period = ?3",
            params![subject.as_str(), code, period.to_string()],
            |r| {
                Ok(Narrative {
                    subject,
                    code: code.to_string(),
                    period,
                    commentary: r.get(0)?,
                    action: r.get(1)?,
                    written_by: r.get(2)?,
                    written_at: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Writes the narrative (commentary and action as `columns` name them; the others kept as
/// stored). Equal to what is stored, it writes nothing.
fn put(
    tx: &Connection,
    login: &str,
    at: &str,
    subject: Subject,
    n: &NewNarrative,
    columns: &Columns,
) -> Result<RowOutcome> {
    let old = stored(tx, subject, &n.code, n.period)?;
    let commentary = columns.pick(
        "commentary",
        &n.commentary.trim().to_string(),
        old.as_ref().map(|o| &o.commentary),
    );
    let action = columns.pick(
        "action",
        &n.action.trim().to_string(),
        old.as_ref().map(|o| &o.action),
    );
    if let Some(o) = &old
        && o.commentary == commentary
        && o.action == action
    {
        return Ok(RowOutcome::Unchanged);
    }
    tx.execute(
        "INSERT INTO narratives (subject, code, period, commentary, action, written_by, written_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (subject, code, period) DO UPDATE SET commentary = ?4, action = ?5,
             written_by = ?6, written_at = ?7",
        params![
            subject.as_str(),
            n.code,
            n.period.to_string(),
            commentary,
            action,
            login,
            at
        ],
    )?;
    Ok(if old.is_some() {
        RowOutcome::Updated
    } else {
        RowOutcome::Added
    })
}

impl Store {
    /// Writes a quarter's or year's narrative (`pmdb comment`): the fields `named` as
    /// given, the others kept as stored (blank when new). Says whether it was new, changed
    /// or the same as stored.
    pub fn write_narrative(
        &mut self,
        n: &NewNarrative,
        named: &Columns,
    ) -> Result<(Subject, ImportSummary)> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.write(|tx| {
            let subject = admit(tx, &actor, n)?.map_err(|(_, e)| e)?;
            let mut summary = ImportSummary::default();
            summary.count(put(tx, &login, &clock.now_stamp(), subject, n, named)?);
            Ok((subject, summary))
        })
    }

    /// Imports narratives (the CSV kind `commentary`), all or nothing: every refused row is
    /// named with its column. A file without a commentary or action column keeps that
    /// field as stored.
    pub fn import_narratives_naming(
        &mut self,
        rows: &[(usize, NewNarrative)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let clock = self.session.clone();
        self.bulk_write(|tx| {
            let at = clock.now_stamp();
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, n) in rows {
                let subject = match admit(tx, &actor, n)? {
                    Ok(s) => s,
                    Err((column, StoreError::NotFound(why))) => {
                        bad.keep::<()>(Err(unknown_ref(*row, column, &n.code, why)))?;
                        continue;
                    }
                    Err((column, e)) => {
                        bad.keep::<()>(Err(row_error(*row, column, e.to_string())))?;
                        continue;
                    }
                };
                if bad.is_empty() {
                    summary.count(put(tx, &login, &at, subject, n, columns)?);
                }
            }
            bad.finish(summary)
        })
    }

    /// Narratives written by others on their days (the demo's history): each judged as
    /// the officer who wrote it and recorded as theirs, all in one transaction.
    pub fn write_narratives_entered(&mut self, rows: &[(NewNarrative, Entered)]) -> Result<()> {
        let session = self.session.clone();
        self.write(|tx| {
            for (n, e) in rows {
                let _behalf = session.on_behalf_of(e);
                let officer = Actor {
                    login: e.by.clone(),
                    role: role_in(tx, &e.by)?,
                };
                let subject = admit(tx, &officer, n)?.map_err(|(_, e)| e)?;
                put(tx, &e.by, &e.stamp(), subject, n, &Columns::All)?;
            }
            Ok(())
        })
    }

    /// Every narrative, by subject, code and period as written.
    pub fn narratives(&self) -> Result<Vec<Narrative>> {
        load_narratives(&self.conn)
    }
}

pub(super) fn load_narratives(conn: &Connection) -> Result<Vec<Narrative>> {
    let mut stmt = conn.prepare(
        "SELECT subject, code, period, commentary, action, written_by, written_at
           FROM narratives ORDER BY subject, code, period",
    )?;
    let rows = stmt.query_map([], |r| {
        let code: String = r.get(1)?;
        let (subject, period): (String, String) = (r.get(0)?, r.get(2)?);
        // A row that does not read was written around pmdb: named as damaged.
        let subject =
            subject
                .parse()
                .map_err(DamagedRow::reading("narratives", &code, "subject", 0))?;
        let period =
            period
                .parse()
                .map_err(DamagedRow::reading("narratives", &code, "period", 2))?;
        Ok(Narrative {
            subject,
            period,
            commentary: r.get(3)?,
            action: r.get(4)?,
            written_by: r.get(5)?,
            written_at: r.get(6)?,
            code,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
