//! Setting up a council without SQL: its people, services, portfolios, boards, board
//! members and meetings, imported all or nothing with the same rules as the plan (a field
//! whose column the file does not name keeps what is stored; a row equal to what is stored
//! writes nothing, so leaves no audit row) and read back for export.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::error::{Result, StoreError};
use super::import_rows::{
    BadRows, Columns, ImportSummary, RowOutcome, or_next_row, row_error, unknown_ref,
};
use super::plan::Named;
use super::users::{NotAUser, UserRecord, require_user};
use crate::domain::fields::{check_code, check_email, check_name};
use crate::domain::period::Period;
use crate::domain::role::Role;

/// The boards every council has from `pmdb init`: PPG reviews the month, the Management
/// Board takes its escalations, Leadership Team signs quarters off.
pub const DEFAULT_BOARDS: [(&str, &str); 3] = [
    ("PPG", "Performance & Programme Group"),
    ("MB", "Management Board"),
    ("LT", "Leadership Team"),
];

/// One row of a users file: a blank role keeps an existing user's role (a new user needs one).
#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    pub login: String,
    pub name: String,
    pub role: Option<Role>,
    /// Job title and email: a file without these columns keeps a user's own.
    pub title: String,
    pub email: String,
}

/// A board (`PPG`, `MB`, `LT` or one the council adds).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BoardRow {
    pub code: String,
    pub name: String,
}

/// A login's membership of a board.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BoardMember {
    pub board: String,
    pub login: String,
}

/// One row of a meetings file: a meeting is known by its board and date.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRow {
    pub board: String,
    pub date: NaiveDate,
    pub title: String,
    pub period: Option<Period>,
}

/// Requires a login named in a file to be a pmdb user; the refusal says the users file
/// comes first.
fn require_user_in_file(tx: &Connection, login: &str) -> std::result::Result<(), UserNotImported> {
    require_user(tx, login).map_err(UserNotImported)
}

/// A login a file names that is not a pmdb user, saying the users file comes first.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}, or import a users file naming them before this file (users come first)")]
struct UserNotImported(NotAUser);

/// The codes of the boards in the database, in order, for `require_board`.
fn board_codes(tx: &Connection) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached("SELECT code FROM boards ORDER BY code")?;
    let codes = stmt.query_map([], |r| r.get(0))?;
    Ok(codes.collect::<rusqlite::Result<_>>()?)
}

/// Refuses a board that is not among `boards` (the database's, from `board_codes`).
fn require_board(boards: &[String], board: &str) -> std::result::Result<(), NoBoard> {
    if boards.iter().any(|b| b == board) {
        return Ok(());
    }
    Err(NoBoard {
        board: crate::safe_text::line(board).into_owned(),
        boards: boards.join(", "),
    })
}

/// A board a file names that is not in the database, saying which boards there are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("no board '{board}' (the boards are {boards}): import a boards file adding it first")]
struct NoBoard {
    board: String,
    /// The boards there are, listed.
    boards: String,
}

/// Checks a row's codes and names as `domain::fields` allows them, for rows built in code
/// rather than read from a file (the reader has checked those already), naming the column.
fn check_fields(row: usize, codes: &[(&str, &str)], names: &[(&str, &str)]) -> Result<()> {
    for (column, code) in codes {
        check_code(&format!("the {column}"), code).map_err(|e| row_error(row, column, e))?;
    }
    for (column, name) in names {
        check_name(&format!("the {column}"), name).map_err(|e| row_error(row, column, e))?;
    }
    Ok(())
}

fn outcome(old_exists: bool) -> RowOutcome {
    if old_exists {
        RowOutcome::Updated
    } else {
        RowOutcome::Added
    }
}

impl Store {
    pub fn boards(&self) -> Result<Vec<BoardRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT code, name FROM boards ORDER BY code")?;
        let rows = stmt.query_map([], |r| {
            Ok(BoardRow {
                code: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every board's members, by board then login.
    pub fn all_board_members(&self) -> Result<Vec<BoardMember>> {
        let mut stmt = self
            .conn
            .prepare("SELECT board, login FROM board_members ORDER BY board, login")?;
        let rows = stmt.query_map([], |r| {
            Ok(BoardMember {
                board: r.get(0)?,
                login: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Imports users (admins only), all or nothing. A new user needs a role; a blank name
    /// is the login, as `pmdb user add` makes it. The last admin is never demoted.
    pub fn import_users_naming(
        &mut self,
        rows: &[(usize, UserRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_admin("import users")
            .map_err(StoreError::Denied)?;
        let stored: HashMap<String, UserRecord> = self
            .users()?
            .into_iter()
            .map(|u| (u.login.clone(), u))
            .collect();
        let mut merged = Vec::new();
        // Every bad row is named; the good ones are still written (and rolled back with
        // the rest), so a folder's later files are checked against them.
        let mut bad = BadRows::default();
        for (row, u) in rows {
            or_next_row!(
                bad,
                check_fields(
                    *row,
                    &[("login", &u.login)],
                    &[("name", &u.name), ("title", &u.title)]
                )
            );
            or_next_row!(
                bad,
                check_email("the email", &u.email).map_err(|e| row_error(*row, "email", e))
            );
            let old = stored.get(&u.login);
            let role = match (u.role.filter(|_| columns.has("role")), old) {
                (Some(role), _) => role,
                (None, Some(old)) => old.role,
                (None, None) => {
                    bad.keep::<()>(Err(row_error(
                        *row,
                        "role",
                        format!(
                            "{} is a new user and needs a role: {}",
                            crate::safe_text::line(&u.login),
                            Role::choices()
                        ),
                    )))?;
                    continue;
                }
            };
            let name = if u.name.is_empty() {
                u.login.clone()
            } else {
                u.name.clone()
            };
            let new = UserRecord {
                login: u.login.clone(),
                name: columns.pick("name", &name, old.map(|o| &o.name)),
                role,
                title: columns.pick("title", &u.title, old.map(|o| &o.title)),
                email: columns.pick("email", &u.email, old.map(|o| &o.email)),
            };
            merged.push((*row, new, old));
        }
        // The database must keep an admin: refuse the row that would demote the last one.
        let mut roles: HashMap<&str, Role> = stored
            .values()
            .map(|u| (u.login.as_str(), u.role))
            .collect();
        for (_, u, _) in &merged {
            roles.insert(&u.login, u.role);
        }
        if !roles.values().any(|r| *r == Role::Admin)
            && let Some((row, u, _)) = merged.iter().find(|(_, u, old)| {
                old.is_some_and(|o| o.role == Role::Admin) && u.role != Role::Admin
            })
        {
            bad.keep::<()>(Err(row_error(
                *row,
                "role",
                format!(
                    "refused: {} is the only admin; make someone else admin first",
                    crate::safe_text::line(&u.login)
                ),
            )))?;
        }
        // A refused row keeps the good ones from being committed.
        let refused = !bad.is_empty();
        let written = self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (_, u, old) in &merged {
                if *old == Some(u) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO users (login, name, role, title, email)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(login) DO UPDATE SET name = ?2, role = ?3, title = ?4, email = ?5",
                    params![u.login, u.name, u.role.as_str(), u.title, u.email],
                )?;
                summary.count(outcome(old.is_some()));
            }
            if refused {
                return Err(StoreError::HeldBack);
            }
            Ok(summary)
        });
        match written {
            Err(StoreError::HeldBack) => bad.finish(ImportSummary::default()),
            other => bad.finish(other?),
        }
    }

    /// Imports services (admins only): a head of service must be a pmdb user. A service a
    /// plan file created by its code alone gets its name here.
    pub fn import_services_naming(
        &mut self,
        rows: &[(usize, Named)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_admin("import services")
            .map_err(StoreError::Denied)?;
        let stored = self.services()?;
        self.import_named("services", "head", stored, rows, columns)
    }

    /// Imports portfolios (admins only); the holder is the councillor's login (usually a
    /// viewer: reports then name them by their name), or for one without a login their name.
    pub fn import_portfolios_naming(
        &mut self,
        rows: &[(usize, Named)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_admin("import portfolios")
            .map_err(StoreError::Denied)?;
        let stored = self.portfolios()?;
        self.import_named("portfolios", "holder", stored, rows, columns)
    }

    fn import_named(
        &mut self,
        table: &'static str,
        lead: &'static str,
        stored: Vec<Named>,
        rows: &[(usize, Named)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let stored: HashMap<String, Named> =
            stored.into_iter().map(|n| (n.code.clone(), n)).collect();
        let sql = format!(
            "INSERT INTO {table} (code, name, {lead}) VALUES (?1, ?2, ?3)
             ON CONFLICT(code) DO UPDATE SET name = ?2, {lead} = ?3"
        );
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, n) in rows {
                or_next_row!(
                    bad,
                    check_fields(
                        *row,
                        &[("code", &n.code)],
                        &[("name", &n.name), (lead, &n.lead)],
                    )
                );
                let old = stored.get(&n.code);
                let new = Named {
                    code: n.code.clone(),
                    name: columns.pick("name", &n.name, old.map(|o| &o.name)),
                    lead: columns.pick(lead, &n.lead, old.map(|o| &o.lead)),
                };
                // A head of service is a person who uses pmdb; a portfolio holder need not be
                // (a login or, for a councillor without one, a name as it is written).
                if lead == "head" && !new.lead.is_empty() && columns.has(lead) {
                    or_next_row!(
                        bad,
                        require_user_in_file(tx, &new.lead).map_err(|e| unknown_ref(
                            *row,
                            lead,
                            &new.lead,
                            e.to_string()
                        ))
                    );
                }
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(&sql, params![new.code, new.name, new.lead])?;
                summary.count(outcome(old.is_some()));
            }
            bad.finish(summary)
        })
    }

    /// Imports boards (admins only): a new board, or a board's new name.
    pub fn import_boards(&mut self, rows: &[(usize, BoardRow)]) -> Result<ImportSummary> {
        self.actor()?
            .may_admin("import boards")
            .map_err(StoreError::Denied)?;
        let stored: HashMap<String, BoardRow> = self
            .boards()?
            .into_iter()
            .map(|b| (b.code.clone(), b))
            .collect();
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, b) in rows {
                or_next_row!(
                    bad,
                    check_fields(*row, &[("code", &b.code)], &[("name", &b.name)])
                );
                let old = stored.get(&b.code);
                if old == Some(b) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO boards (code, name) VALUES (?1, ?2)
                     ON CONFLICT(code) DO UPDATE SET name = ?2",
                    params![b.code, b.name],
                )?;
                summary.count(outcome(old.is_some()));
            }
            bad.finish(summary)
        })
    }

    /// Imports board members (admins only): each board must exist and each member be a
    /// pmdb user. A membership already on record is unchanged; none is removed.
    pub fn import_board_members(&mut self, rows: &[(usize, BoardMember)]) -> Result<ImportSummary> {
        self.actor()?
            .may_admin("import board members")
            .map_err(StoreError::Denied)?;
        self.bulk_write(|tx| {
            let boards = board_codes(tx)?;
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, m) in rows {
                or_next_row!(
                    bad,
                    check_fields(*row, &[("board", &m.board), ("login", &m.login)], &[])
                );
                or_next_row!(
                    bad,
                    require_board(&boards, &m.board).map_err(|e| unknown_ref(
                        *row,
                        "board",
                        &m.board,
                        e.to_string()
                    ))
                );
                or_next_row!(
                    bad,
                    require_user_in_file(tx, &m.login).map_err(|e| unknown_ref(
                        *row,
                        "login",
                        &m.login,
                        e.to_string()
                    ))
                );
                let added = tx.execute(
                    "INSERT OR IGNORE INTO board_members (board, login) VALUES (?1, ?2)",
                    params![m.board, m.login],
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

    /// Imports meetings (admins and the performance team). A meeting is known by its board
    /// and date, so importing again changes its title or period rather than adding another.
    pub fn import_meetings_naming(
        &mut self,
        rows: &[(usize, MeetingRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_manage("import meetings")
            .map_err(StoreError::Denied)?;
        self.bulk_write(|tx| {
            let boards = board_codes(tx)?;
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, m) in rows {
                or_next_row!(
                    bad,
                    check_fields(*row, &[("board", &m.board)], &[("title", &m.title)])
                );
                or_next_row!(
                    bad,
                    require_board(&boards, &m.board).map_err(|e| unknown_ref(
                        *row,
                        "board",
                        &m.board,
                        e.to_string()
                    ))
                );
                let date = m.date.format("%Y-%m-%d").to_string();
                let period = m.period.map(|p| p.to_string()).unwrap_or_default();
                let old: Option<(i64, String, String)> = tx
                    .query_row(
                        "SELECT id, title, period FROM meetings WHERE board = ?1 AND date = ?2
                         ORDER BY id LIMIT 1",
                        params![m.board, date],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                let Some((id, old_title, old_period)) = old else {
                    tx.execute(
                        "INSERT INTO meetings (board, date, title, period) VALUES (?1, ?2, ?3, ?4)",
                        params![m.board, date, m.title, period],
                    )?;
                    summary.count(RowOutcome::Added);
                    continue;
                };
                let title = columns.pick("title", &m.title, Some(&old_title));
                let period = columns.pick("period", &period, Some(&old_period));
                if (&title, &period) == (&old_title, &old_period) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "UPDATE meetings SET title = ?2, period = ?3 WHERE id = ?1",
                    params![id, title, period],
                )?;
                summary.count(RowOutcome::Updated);
            }
            bad.finish(summary)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(dir: &tempfile::TempDir) -> Store {
        Store::create(&dir.path().join("org.db"), "admin1").unwrap()
    }

    #[test]
    fn a_new_store_has_the_three_boards_and_members_are_added_by_import() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(&dir);
        let codes: Vec<String> = s.boards().unwrap().into_iter().map(|b| b.code).collect();
        assert_eq!(codes, ["LT", "MB", "PPG"]);
        assert!(s.board_members("MB").unwrap().is_empty());
        s.add_user("dlee", "Dana Lee", Role::Officer).unwrap();
        let member = BoardMember {
            board: "MB".into(),
            login: "dlee".into(),
        };
        let summary = s.import_board_members(&[(2, member.clone())]).unwrap();
        assert_eq!(summary.added, 1);
        // What the escalate dialog offers.
        assert_eq!(s.board_members("MB").unwrap(), ["dlee"]);
        let again = s.import_board_members(&[(2, member)]).unwrap();
        assert_eq!((again.added, again.unchanged), (0, 1));
    }

    #[test]
    fn rows_built_in_code_are_checked_like_a_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(&dir);
        let bad = UserRow {
            login: "j smith".into(),
            name: String::new(),
            role: Some(Role::Officer),
            title: String::new(),
            email: String::new(),
        };
        let err = s
            .import_users_naming(&[(7, bad)], &Columns::All)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("row 7, column login: the login "), "{err}");
        assert_eq!(s.users().unwrap().len(), 1);
        // A title with a control character, then an email with a space: each refused by
        // its row and column, nothing written.
        let user = |row: usize, title: &str, email: &str| {
            let u = UserRow {
                login: "jsmith".into(),
                name: "Jo Smith".into(),
                role: Some(Role::Officer),
                title: title.into(),
                email: email.into(),
            };
            (row, u)
        };
        let err = s
            .import_users_naming(
                &[user(8, "Head of\u{1b}[2J Housing", "jo smith@x")],
                &Columns::All,
            )
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("row 8, column title: the title holds "),
            "{err}"
        );
        assert!(!err.contains('\u{1b}'), "{err}");
        let err = s
            .import_users_naming(&[user(9, "Head of Housing", "jo smith@x")], &Columns::All)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("row 9, column email: the email is not an email address"),
            "{err}"
        );
        assert_eq!(s.users().unwrap().len(), 1);
    }
}
