//! People and roles.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::Store;
use super::error::{Result, StoreError};
use crate::domain::fields::{check_code, check_email, check_name};
use crate::domain::role::Role;

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct UserRecord {
    pub login: String,
    pub name: String,
    pub role: Role,
    /// Their job title ("Head of Housing"), printed after the name on published pages.
    /// Left out of JSON when empty, so `user list --json` and a sign-off frozen before
    /// titles existed read as they did; a frozen record without one reads as untitled.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Their email address, as the users file gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

fn parse_role(text: String) -> rusqlite::Result<Role> {
    text.parse()
        .map_err(|e: crate::domain::indicator::WordError| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

/// The role of a login, on any connection or inside a transaction.
pub(super) fn role_in(conn: &rusqlite::Connection, login: &str) -> Result<Option<Role>> {
    let role: Option<String> = conn
        .query_row("SELECT role FROM users WHERE login = ?1", [login], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(role.map(parse_role).transpose()?)
}

impl Store {
    pub fn role_of(&self, login: &str) -> Result<Option<Role>> {
        role_in(&self.conn, login)
    }

    pub fn users(&self) -> Result<Vec<UserRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT login, name, role, title, email FROM users ORDER BY login")?;
        let rows = stmt.query_map([], |r| {
            Ok(UserRecord {
                login: r.get(0)?,
                name: r.get(1)?,
                role: parse_role(r.get(2)?)?,
                title: r.get(3)?,
                email: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a user (admins only). Refuses a login that exists already.
    pub fn add_user(&mut self, login: &str, name: &str, role: Role) -> Result<()> {
        self.actor()?
            .may_admin("add users")
            .map_err(StoreError::Denied)?;
        check_code("the login", login)?;
        check_name("the name", name)?;
        self.write(|tx| {
            let exists: bool = tx.query_row(
                "SELECT count(*) FROM users WHERE login = ?1",
                [login],
                |r| r.get(0),
            )?;
            if exists {
                return Err(StoreError::UserExists {
                    login: login.to_string(),
                });
            }
            let name = if name.is_empty() { login } else { name };
            tx.execute(
                "INSERT INTO users (login, name, role) VALUES (?1, ?2, ?3)",
                params![login, name, role.as_str()],
            )?;
            Ok(())
        })
    }

    /// Sets a user's job title and email (admins only), checked as the users file checks
    /// them: a title is a name (one line, at most 500 characters), an email has one `@` and
    /// no spaces; either may be empty.
    pub fn set_user_details(&mut self, login: &str, title: &str, email: &str) -> Result<()> {
        self.actor()?
            .may_admin("change users")
            .map_err(StoreError::Denied)?;
        check_name("the title", title)?;
        check_email("the email", email)?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE users SET title = ?2, email = ?3 WHERE login = ?1",
                params![login, title, email],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!(
                    "no user {}; add them with `pmdb user add`",
                    crate::safe_text::line(login)
                )));
            }
            Ok(())
        })
    }

    /// Changes a user's role (admins only). The last admin cannot be demoted, so the
    /// database can never be left without one.
    pub fn set_role(&mut self, login: &str, role: Role) -> Result<()> {
        self.actor()?
            .may_admin("change roles")
            .map_err(StoreError::Denied)?;
        self.write(|tx| {
            let current: Option<String> = tx
                .query_row("SELECT role FROM users WHERE login = ?1", [login], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(current) = current else {
                return Err(StoreError::NotFound(format!(
                    "no user {login}; add them with `pmdb user add {login} --role {role}`"
                )));
            };
            let admins: i64 =
                tx.query_row("SELECT count(*) FROM users WHERE role = 'admin'", [], |r| {
                    r.get(0)
                })?;
            if current == "admin" && role != Role::Admin && admins == 1 {
                return Err(StoreError::Refused(format!(
                    "refused: {login} is the only admin; make someone else admin first"
                )));
            }
            tx.execute(
                "UPDATE users SET role = ?2 WHERE login = ?1",
                params![login, role.as_str()],
            )?;
            Ok(())
        })
    }
}

/// Someone named as an owner, a data-entry officer, a Board member or a signatory who is
/// not a pmdb user: the message says how to add them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "'{shown}' is not a pmdb user: add them first with `pmdb user add {shown} --role officer`",
    shown = crate::safe_text::line(login)
)]
pub struct NotAUser {
    pub login: String,
}

/// Refuses a login that is not a pmdb user, for an owner, a data-entry officer or a Board
/// member.
pub(super) fn require_user(
    conn: &rusqlite::Connection,
    login: &str,
) -> std::result::Result<(), NotAUser> {
    let known: bool = conn
        .prepare_cached("SELECT count(*) FROM users WHERE login = ?1")
        .and_then(|mut s| s.query_row([login], |r| r.get(0)))
        .unwrap_or(false);
    if known {
        Ok(())
    } else {
        Err(NotAUser {
            login: login.to_string(),
        })
    }
}
