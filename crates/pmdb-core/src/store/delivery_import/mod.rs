//! Importing delivery from CSV: actions and their updates, projects with their updates and
//! milestones, risks with their reviews, EIAs, case studies, budgets and benchmarks. The
//! same rules as every import: all or nothing, a field whose column the file does not name
//! keeps what is stored, a row equal to what is stored writes nothing (so leaves no audit
//! row), and every reference (owner, plan node, service, the action an update is for) must
//! exist in the database or earlier in the same import.

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

use rusqlite::{Connection, params};

use super::Store;
use super::delivery::{
    ActionRecord, ActionUpdateRecord, EiaRecord, MilestoneRecord, ProjectRecord,
    ProjectUpdateRecord, RiskRecord, RiskReviewRecord,
};
use super::error::{Result, StoreError};
use super::import_rows::{
    BadRows, Columns, ImportSummary, RowOutcome, or_next_row, row_error, unknown_ref,
};
use super::records::{BenchmarkRecord, BudgetRecord, CaseStudyRecord};
use super::signoff::locking_signoff;
use super::users::require_user;
use crate::domain::delivery::rules::{self, Broken};
use crate::domain::period::{Month, Period};
use crate::domain::role::{Actor, Role};
use chrono::NaiveDate;

/// One row of an actions file: the action and the plan nodes it serves.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub action: ActionRecord,
    pub plan: Vec<String>,
}

/// One row of a projects file: the project and the plan nodes it serves.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub project: ProjectRecord,
    pub plan: Vec<String>,
}

/// One row of a risks file: the risk and the plan nodes it threatens.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    pub risk: RiskRecord,
    pub plan: Vec<String>,
}

fn outcome(existed: bool) -> RowOutcome {
    if existed {
        RowOutcome::Updated
    } else {
        RowOutcome::Added
    }
}

/// Refuses an owner who is not a pmdb user (blank is nobody, which is allowed).
fn check_owner(tx: &Connection, row: usize, owner: &str) -> Result<()> {
    if owner.is_empty() {
        return Ok(());
    }
    require_user(tx, owner).map_err(|e| {
        unknown_ref(
            row,
            "owner",
            owner,
            format!("{e}, or import a users file naming them first (users come first)"),
        )
    })
}

fn exists(tx: &Connection, sql: &str, key: &str) -> Result<bool> {
    let n: i64 = tx.prepare_cached(sql)?.query_row([key], |r| r.get(0))?;
    Ok(n > 0)
}

/// Refuses a plan node that is not in the database.
fn check_nodes<'a>(
    tx: &Connection,
    row: usize,
    nodes: impl IntoIterator<Item = &'a String>,
) -> Result<()> {
    for node in nodes {
        if !exists(tx, "SELECT count(*) FROM plan_nodes WHERE code = ?1", node)? {
            return Err(unknown_ref(
                row,
                "plan",
                node,
                format!(
                    "no plan node '{}' (import the plan first)",
                    crate::safe_text::line(node)
                ),
            ));
        }
    }
    Ok(())
}

/// Refuses a code that is neither a plan node nor a major project in the database.
fn check_nodes_or_projects<'a>(
    tx: &Connection,
    row: usize,
    codes: impl IntoIterator<Item = &'a String>,
) -> Result<()> {
    for code in codes {
        if !is_node(tx, code)?
            && !exists(tx, "SELECT count(*) FROM projects WHERE code = ?1", code)?
        {
            return Err(unknown_ref(
                row,
                "plan",
                code,
                format!(
                    "no plan node or project '{}' (import the plan, or a projects file adding it, first)",
                    crate::safe_text::line(code)
                ),
            ));
        }
    }
    Ok(())
}

fn is_node(tx: &Connection, code: &str) -> Result<bool> {
    exists(tx, "SELECT count(*) FROM plan_nodes WHERE code = ?1", code)
}

/// As `relink`, for a register whose links name plan nodes (in `tables.0`) or projects (in
/// `tables.1`): a code that is a plan node is linked as one, any other as a project.
fn relink_with_projects(
    tx: &Connection,
    tables: (&str, &str),
    column: &str,
    code: &str,
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
) -> Result<()> {
    let (nodes, projects) = tables;
    for gone in old.difference(new) {
        tx.execute(
            &format!("DELETE FROM {nodes} WHERE {column} = ?1 AND node = ?2"),
            params![code, gone],
        )?;
        tx.execute(
            &format!("DELETE FROM {projects} WHERE {column} = ?1 AND project = ?2"),
            params![code, gone],
        )?;
    }
    for added in new.difference(old) {
        let (table, to) = if is_node(tx, added)? {
            (nodes, "node")
        } else {
            (projects, "project")
        };
        tx.execute(
            &format!("INSERT INTO {table} ({column}, {to}) VALUES (?1, ?2)"),
            params![code, added],
        )?;
    }
    Ok(())
}

fn check_service(tx: &Connection, row: usize, service: Option<&String>) -> Result<()> {
    match service {
        Some(s) if !exists(tx, "SELECT count(*) FROM services WHERE code = ?1", s)? => {
            Err(unknown_ref(
                row,
                "service",
                s,
                format!(
                    "no service '{}' (import a services file adding it first)",
                    crate::safe_text::line(s)
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// The plan nodes each subject is linked to, sorted.
fn links_by<T>(
    links: Vec<T>,
    pair: impl Fn(T) -> (String, String),
) -> HashMap<String, BTreeSet<String>> {
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for l in links {
        let (subject, node) = pair(l);
        out.entry(subject).or_default().insert(node);
    }
    out
}

/// Makes a subject's links `new`, writing only what differs from `old`.
fn relink(
    tx: &Connection,
    table: &str,
    column: &str,
    code: &str,
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
) -> Result<()> {
    for gone in old.difference(new) {
        tx.execute(
            &format!("DELETE FROM {table} WHERE {column} = ?1 AND node = ?2"),
            params![code, gone],
        )?;
    }
    for added in new.difference(old) {
        tx.execute(
            &format!("INSERT INTO {table} ({column}, node) VALUES (?1, ?2)"),
            params![code, added],
        )?;
    }
    Ok(())
}

/// A register whose items serve plan nodes (actions, projects, risks), as an import finds
/// it: what is stored by code, each item's plan nodes, and where its links are kept.
struct Linked<R> {
    stored: HashMap<String, R>,
    links: HashMap<String, BTreeSet<String>>,
    /// The links table and its column naming the item: `action_links`, `action`.
    links_table: &'static str,
    column: &'static str,
    /// Where its links to major projects are kept, for a register whose `plan` may name a
    /// project as well as plan nodes (risks: `risk_projects`); none for the others.
    projects_table: Option<&'static str>,
}

/// What one kind of linked register's import does that the others do not: a row's code
/// and plan nodes, the record it makes merged with what is stored (a column the file does
/// not name keeps the stored field), the record's owner, and the SQL that stores it.
struct LinkedKind<'a, Row, R> {
    parts: &'a dyn Fn(&Row) -> (&str, &[String]),
    merge: &'a dyn Fn(&Row, Option<&R>) -> R,
    owner: &'a dyn Fn(&R) -> &str,
    upsert: &'a dyn Fn(&Connection, &R) -> rusqlite::Result<usize>,
}

/// Imports rows of a linked register, all or nothing: each row's owner and newly named
/// plan nodes are checked, the item is written only when it differs from what is stored,
/// and its links become what the row says (only the differences written).
fn import_linked<Row, R: PartialEq>(
    store: &mut Store,
    rows: &[(usize, Row)],
    columns: &Columns,
    linked: Linked<R>,
    kind: LinkedKind<Row, R>,
) -> Result<ImportSummary> {
    let none = BTreeSet::new();
    store.bulk_write(|tx| {
        let mut summary = ImportSummary::default();
        let mut bad = BadRows::default();
        for (row, r) in rows {
            let (code, plan) = (kind.parts)(r);
            let old = linked.stored.get(code);
            let new = (kind.merge)(r, old);
            let old_links = linked.links.get(code).unwrap_or(&none);
            let plan: BTreeSet<String> = plan.iter().cloned().collect();
            let new_links = columns.pick("plan", &plan, Some(old_links));
            if columns.has("owner") {
                or_next_row!(bad, check_owner(tx, *row, (kind.owner)(&new)));
            }
            let added = new_links.difference(old_links);
            match linked.projects_table {
                Some(_) => or_next_row!(bad, check_nodes_or_projects(tx, *row, added)),
                None => or_next_row!(bad, check_nodes(tx, *row, added)),
            }
            let same = old == Some(&new);
            if same && &new_links == old_links {
                summary.count(RowOutcome::Unchanged);
                continue;
            }
            if !same {
                (kind.upsert)(tx, &new)?;
            }
            match linked.projects_table {
                Some(projects) => relink_with_projects(
                    tx,
                    (linked.links_table, projects),
                    linked.column,
                    code,
                    old_links,
                    &new_links,
                )?,
                None => relink(
                    tx,
                    linked.links_table,
                    linked.column,
                    code,
                    old_links,
                    &new_links,
                )?,
            }
            summary.count(outcome(old.is_some()));
        }
        bad.finish(summary)
    })
}

/// What one kind of keyed register's import does (EIAs, case studies, budgets,
/// benchmarks): a row's key, the record it makes merged with what is stored, the
/// references a changed record must name, and how it is written (given whether one was
/// stored under its key).
struct KeyedKind<'a, Row, K, R> {
    key: &'a dyn Fn(&Row) -> K,
    merge: &'a dyn Fn(&Row, Option<&R>) -> R,
    check: &'a dyn Fn(&Connection, usize, &R) -> Result<()>,
    write: &'a dyn Fn(&Connection, &R, bool) -> rusqlite::Result<usize>,
}

/// Imports rows of a keyed register, all or nothing: a row equal to what is stored writes
/// nothing; any other has its references checked and is written.
fn import_keyed<Row, K: Eq + Hash, R: PartialEq>(
    store: &mut Store,
    rows: &[(usize, Row)],
    stored: HashMap<K, R>,
    kind: KeyedKind<Row, K, R>,
) -> Result<ImportSummary> {
    store.bulk_write(|tx| {
        let mut summary = ImportSummary::default();
        let mut bad = BadRows::default();
        for (row, r) in rows {
            let old = stored.get(&(kind.key)(r));
            let new = (kind.merge)(r, old);
            if old == Some(&new) {
                summary.count(RowOutcome::Unchanged);
                continue;
            }
            or_next_row!(bad, (kind.check)(tx, *row, &new));
            (kind.write)(tx, &new, old.is_some())?;
            summary.count(outcome(old.is_some()));
        }
        bad.finish(summary)
    })
}

fn keyed<K: Eq + Hash, T>(items: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, T> {
    items.into_iter().map(|t| (key(&t), t)).collect()
}

/// Who may import updates or reviews: admins and the performance team for anything; an
/// officer for what they own, as with values.
fn may_update(actor: &Actor, what: &str, row: usize, code: &str, owner: &str) -> Result<()> {
    match actor.role {
        Some(Role::Admin | Role::Performance) => Ok(()),
        Some(Role::Officer) if owner == actor.login => Ok(()),
        Some(Role::Officer) => Err(row_error(
            row,
            "code",
            format!(
                "refused: {} (officer) may import {what} only for what they own; {} is owned by {}",
                actor.login,
                crate::safe_text::line(code),
                if owner.is_empty() { "nobody" } else { owner }
            ),
        )),
        _ => actor
            .may_manage(&format!("import {what}"))
            .map_err(StoreError::Denied),
    }
}

/// The signed-off period an update for `period` would change, refused.
fn period_open(tx: &Connection, row: usize, column: &str, period: Period) -> Result<()> {
    match locking_signoff(tx, period)? {
        Some(within) => Err(row_error(
            row,
            column,
            StoreError::SignedOff { period, within }.to_string(),
        )),
        None => Ok(()),
    }
}

/// A delivery rule (`domain::delivery::rules`, the one every door keeps) a row breaks,
/// naming the row and the column the rule concerns.
fn broken(row: usize, b: Broken) -> StoreError {
    row_error(row, b.column, b.error)
}

/// A date as the store keeps it (`YYYY-MM-DD`), which the readers have checked.
fn stored_day(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

fn month_of(date: &str) -> Option<Period> {
    let (y, m) = (date.get(0..4)?.parse().ok()?, date.get(5..7)?.parse().ok()?);
    Month::new(y, m).map(Period::Month)
}

fn no_project(row: usize, column: &str, code: &str) -> StoreError {
    unknown_ref(
        row,
        column,
        code,
        format!(
            "no project '{}' (import a projects file adding it first)",
            crate::safe_text::line(code)
        ),
    )
}

impl Store {
    /// Definitions (actions, projects, risks, EIAs, case studies, budgets, benchmarks) are
    /// imported by admins and the performance team.
    fn may_import(&self, what: &str) -> Result<()> {
        self.actor()?
            .may_manage(&format!("import {what}"))
            .map_err(StoreError::Denied)
    }
}

mod actions;
mod projects;
mod registers;
mod risks;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Named;

    fn budget(service: &str, month: &str, budget: f64) -> BudgetRecord {
        BudgetRecord {
            service: service.into(),
            month: month.into(),
            budget,
            actual: None,
            forecast: None,
        }
    }

    #[test]
    fn imports_joined_in_one_transaction_are_kept_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::create(&dir.path().join("d.db"), "admin1").unwrap();
        let hr = Named {
            code: "HR".into(),
            name: "Human Resources".into(),
            lead: String::new(),
        };
        // The second import names a service that does not exist: the first is undone too.
        let err = s
            .as_one_import(|s| {
                s.import_services_naming(&[(2, hr.clone())], &Columns::All)?;
                s.import_budgets_naming(&[(2, budget("HR", "2025-04", 10.0))], &Columns::All)?;
                s.import_budgets_naming(&[(3, budget("XX", "2025-04", 10.0))], &Columns::All)
            })
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "row 3, column service: no service 'XX' (import a services file adding it first)"
        );
        assert!(s.services().unwrap().is_empty());
        assert!(s.budgets().unwrap().is_empty());
        // The store is itself again: an import on its own commits.
        s.import_services_naming(&[(2, hr)], &Columns::All).unwrap();
        let summary = s
            .import_budgets_naming(&[(2, budget("HR", "2025-04", 10.0))], &Columns::All)
            .unwrap();
        assert_eq!(summary.added, 1);
        assert_eq!(s.budgets().unwrap().len(), 1);
    }
}
