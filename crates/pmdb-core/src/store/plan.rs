//! The plan tree, services and portfolios.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, Row, params};

use super::Store;
use super::error::{DamagedRow, Result, StoreError};
use super::import_rows::{
    BadRows, Columns, ImportSummary, Problem, RowOutcome, or_next_row, row_error, unknown_ref,
};
use super::users::require_user;
use crate::domain::fields::{check_code, check_name};
use crate::domain::period::FinYear;
use crate::domain::plan::{NodeKind, PlanNode, check_parent};

pub(super) const NODE_COLUMNS: &str =
    "code, kind, parent, title, owner, portfolio, service, from_year, to_year";

pub(super) fn node_from_row(r: &Row) -> rusqlite::Result<PlanNode> {
    let code: String = r.get(0)?;
    let kind: String = r.get(1)?;
    let kind = kind
        .parse()
        .map_err(DamagedRow::reading("plan node", &code, "kind", 1))?;
    Ok(PlanNode {
        code,
        kind,
        parent: r.get(2)?,
        title: r.get(3)?,
        owner: r.get(4)?,
        portfolio: r.get(5)?,
        service: r.get(6)?,
        from_year: FinYear(r.get(7)?),
        to_year: r.get::<_, Option<i32>>(8)?.map(FinYear),
    })
}

/// A named thing: a service or a portfolio.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Named {
    pub code: String,
    pub name: String,
    /// The head of service or the portfolio holder.
    pub lead: String,
}

impl Store {
    pub fn plan_nodes(&self) -> Result<Vec<PlanNode>> {
        let sql = format!("SELECT {NODE_COLUMNS} FROM plan_nodes ORDER BY position, code");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], node_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn services(&self) -> Result<Vec<Named>> {
        self.named("SELECT code, name, head FROM services ORDER BY code")
    }

    pub fn portfolios(&self) -> Result<Vec<Named>> {
        self.named("SELECT code, name, holder FROM portfolios ORDER BY code")
    }

    fn named(&self, sql: &str) -> Result<Vec<Named>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(Named {
                code: r.get(0)?,
                name: r.get(1)?,
                lead: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_service(&mut self, code: &str, name: &str, head: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO services (code, name, head) VALUES (?1, ?2, ?3)",
                params![code, name, head],
            )?;
            Ok(())
        })
    }

    pub fn add_portfolio(&mut self, code: &str, name: &str, holder: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO portfolios (code, name, holder) VALUES (?1, ?2, ?3)",
                params![code, name, holder],
            )?;
            Ok(())
        })
    }

    /// Imports plan nodes (new or changed) naming every column, all or nothing.
    pub fn import_plan(&mut self, rows: &[(usize, PlanNode)]) -> Result<ImportSummary> {
        self.import_plan_naming(rows, &Columns::All)
    }

    /// Imports plan nodes from a file that names `columns`, all or nothing. `rows` pairs
    /// each node with its spreadsheet row number, for messages; a field whose column the
    /// file does not name keeps what is stored.
    pub fn import_plan_naming(
        &mut self,
        rows: &[(usize, PlanNode)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_manage("import the plan")
            .map_err(StoreError::Denied)?;
        self.bulk_write(|tx| import_plan_tx(tx, rows, columns))
    }
}

/// The node a file row asks for: its own fields where the file names their columns.
fn merge_node(n: &PlanNode, columns: &Columns, old: Option<&PlanNode>) -> PlanNode {
    PlanNode {
        code: n.code.clone(),
        kind: n.kind,
        parent: columns.pick("parent", &n.parent, old.map(|o| &o.parent)),
        title: n.title.clone(),
        owner: columns.pick("owner", &n.owner, old.map(|o| &o.owner)),
        portfolio: columns.pick("portfolio", &n.portfolio, old.map(|o| &o.portfolio)),
        service: columns.pick("service", &n.service, old.map(|o| &o.service)),
        from_year: columns.pick("from_year", &n.from_year, old.map(|o| &o.from_year)),
        to_year: columns.pick("to_year", &n.to_year, old.map(|o| &o.to_year)),
    }
}

/// A node's code, title, owner, portfolio and service as the spec allows them, naming the
/// column at fault.
fn check_node_fields(
    tx: &Connection,
    n: &PlanNode,
) -> std::result::Result<(), (&'static str, Problem)> {
    check_code("the code", &n.code).map_err(|e| ("code", e.into()))?;
    check_name("the title", &n.title).map_err(|e| ("title", e.into()))?;
    if !n.owner.is_empty() {
        require_user(tx, &n.owner).map_err(|e| ("owner", e.into()))?;
    }
    for (column, code) in [("portfolio", &n.portfolio), ("service", &n.service)] {
        if let Some(code) = code {
            check_code(&format!("the {column}"), code).map_err(|e| (column, e.into()))?;
        }
    }
    Ok(())
}

pub(super) fn import_plan_tx(
    tx: &Connection,
    rows: &[(usize, PlanNode)],
    columns: &Columns,
) -> Result<ImportSummary> {
    let stored: HashMap<String, PlanNode> = {
        let sql = format!("SELECT {NODE_COLUMNS} FROM plan_nodes");
        let mut stmt = tx.prepare(&sql)?;
        let nodes = stmt.query_map([], node_from_row)?;
        nodes
            .map(|n| n.map(|n| (n.code.clone(), n)))
            .collect::<rusqlite::Result<_>>()?
    };
    let rows: Vec<(usize, PlanNode)> = rows
        .iter()
        .map(|(row, n)| (*row, merge_node(n, columns, stored.get(&n.code))))
        .collect();
    let mut kinds: HashMap<String, NodeKind> =
        stored.values().map(|n| (n.code.clone(), n.kind)).collect();
    for (_, n) in &rows {
        kinds.insert(n.code.clone(), n.kind);
    }
    // Every row is checked, so one refusal names every bad row; the good ones are still
    // written (and rolled back with the rest), so a folder's later files are checked
    // against them.
    let mut bad = BadRows::default();
    let mut refused: HashSet<&str> = HashSet::new();
    for (row, n) in &rows {
        let checked = check_node_fields(tx, n)
            .map_err(|(column, e)| row_error(*row, column, e))
            .and_then(|()| {
                let parent_kind = match &n.parent {
                    None => None,
                    Some(p) => Some(*kinds.get(p).ok_or_else(|| {
                        unknown_ref(
                            *row,
                            "parent",
                            p,
                            format!("no plan node '{p}' in the file or the database"),
                        )
                    })?),
                };
                check_parent(n.kind, parent_kind).map_err(|e| row_error(*row, "parent", e))
            });
        if bad.keep(checked)?.is_none() {
            refused.insert(&n.code);
        }
    }
    // Parents before children, so every foreign key holds as each row goes in.
    let mut ordered: Vec<&(usize, PlanNode)> = rows.iter().collect();
    ordered.sort_by_key(|(row, n)| (n.kind.depth(), *row));
    let mut summary = ImportSummary::default();
    for (row, n) in ordered {
        // A refused row is not written, nor (silently: its parent's row says why) is any
        // row beneath it.
        if refused.contains(n.code.as_str()) {
            continue;
        }
        if n.parent.as_deref().is_some_and(|p| refused.contains(p)) {
            refused.insert(&n.code);
            continue;
        }
        let old = stored.get(&n.code);
        if old == Some(n) {
            summary.count(RowOutcome::Unchanged);
            continue;
        }
        for (col, table, code) in [
            ("portfolio", "portfolios", &n.portfolio),
            ("service", "services", &n.service),
        ] {
            if let Some(code) = code {
                // A plan names its services and portfolios by code; a new one is created so
                // the plan can be loaded into an empty database.
                let sql = format!("INSERT OR IGNORE INTO {table} (code, name) VALUES (?1, ?1)");
                tx.execute(&sql, [code])
                    .map_err(|e| row_error(*row, col, e.to_string()))?;
            }
        }
        let exists = old.is_some();
        let args = params![
            n.code,
            n.kind.as_str(),
            n.parent,
            n.title,
            n.owner,
            n.portfolio,
            n.service,
            n.from_year.0,
            n.to_year.map(|y| y.0),
            *row as i64
        ];
        let result = if exists {
            tx.execute(
                "UPDATE plan_nodes SET kind = ?2, parent = ?3, title = ?4, owner = ?5, portfolio = ?6, service = ?7,
                 from_year = ?8, to_year = ?9, position = ?10 WHERE code = ?1",
                args,
            )
        } else {
            tx.execute(
                "INSERT INTO plan_nodes (code, kind, parent, title, owner, portfolio, service, from_year, to_year, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                args,
            )
        };
        or_next_row!(
            bad,
            result.map_err(|e| row_error(*row, "code", e.to_string()))
        );
        summary.count(if exists {
            RowOutcome::Updated
        } else {
            RowOutcome::Added
        });
    }
    bad.finish(summary)
}
