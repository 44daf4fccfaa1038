//! Indicators, their links to plan nodes and their data-entry officers.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::Store;
use super::error::{DamagedRow, Result, StoreError};
use super::import_rows::{
    BadRows, Columns, ImportSummary, Problem, RowOutcome, or_next_row, row_error, unknown_ref,
};
use super::users::require_user;
use crate::domain::bounds::Bound;
use crate::domain::fields::{check_code, check_name};
use crate::domain::indicator::Indicator;
use crate::domain::period::Month;

/// An indicator with everything the CSV and the detail views show beside its rules.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct IndicatorRecord {
    #[serde(flatten)]
    pub indicator: Indicator,
    /// What is counted and how, in the council's words; definitions frozen at sign-off
    /// before it was kept have none.
    #[serde(default)]
    pub definition: String,
    pub source: String,
    pub benchmark_group: String,
    /// Codes of the plan nodes it is linked to.
    pub plan: Vec<String>,
    /// Data-entry officers besides the owner.
    pub enterers: Vec<String>,
    /// The first month it is collected for, overriding the council's `collect_from`.
    pub collect_from: Option<Month>,
}

const COLUMNS: &str = "code, title, kind, unit, decimals, polarity, frequency, aggregation, owner, rag_rule, source, benchmark_group, collect_from, min, max, cumulative, lag, definition";

fn from_row(r: &Row) -> rusqlite::Result<IndicatorRecord> {
    let code: String = r.get(0)?;
    let rule: String = r.get(9)?;
    let collect_from: String = r.get(12)?;
    // A stored word pmdb cannot read is a damaged row, named, never read as another word.
    let damaged = |i: usize, field: &'static str| DamagedRow::reading("indicator", &code, field, i);
    let parse = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    Ok(IndicatorRecord {
        indicator: Indicator {
            title: r.get(1)?,
            kind: parse(2)?.parse().map_err(damaged(2, "kind"))?,
            unit: r.get(3)?,
            decimals: r.get(4)?,
            polarity: parse(5)?.parse().map_err(damaged(5, "polarity"))?,
            frequency: parse(6)?.parse().map_err(damaged(6, "frequency"))?,
            aggregation: parse(7)?.parse().map_err(damaged(7, "aggregation"))?,
            owner: r.get(8)?,
            rag_rule: if rule.is_empty() {
                None
            } else {
                Some(rule.parse().map_err(DamagedRow::reading(
                    "indicator",
                    &code,
                    "rag_rule",
                    9,
                ))?)
            },
            min: Bound::parse(&r.get::<_, String>(13)?).map_err(DamagedRow::reading(
                "indicator",
                &code,
                "min",
                13,
            ))?,
            max: Bound::parse(&r.get::<_, String>(14)?).map_err(DamagedRow::reading(
                "indicator",
                &code,
                "max",
                14,
            ))?,
            cumulative: r.get(15)?,
            lag: r.get(16)?,
            code: code.clone(),
        },
        definition: r.get(17)?,
        source: r.get(10)?,
        benchmark_group: r.get(11)?,
        plan: Vec::new(),
        enterers: Vec::new(),
        collect_from: if collect_from.is_empty() {
            None
        } else {
            Some(
                Month::parse_written(&collect_from).map_err(DamagedRow::reading(
                    "indicator",
                    &code,
                    "collect_from",
                    12,
                ))?,
            )
        },
    })
}

fn pairs(conn: &rusqlite::Connection, sql: &str) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(sql)?;
    for r in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (a, b) = r?;
        out.entry(a).or_default().push(b);
    }
    Ok(out)
}

pub(super) fn load_indicators(conn: &rusqlite::Connection) -> Result<Vec<IndicatorRecord>> {
    let sql = format!("SELECT {COLUMNS} FROM indicators ORDER BY position, code");
    let mut stmt = conn.prepare(&sql)?;
    let mut all: Vec<IndicatorRecord> = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut links = pairs(
        conn,
        "SELECT indicator, node FROM indicator_links ORDER BY indicator, position, node",
    )?;
    let mut enterers = pairs(
        conn,
        "SELECT indicator, login FROM indicator_enterers ORDER BY indicator, login",
    )?;
    for rec in &mut all {
        rec.plan = links.remove(&rec.indicator.code).unwrap_or_default();
        rec.enterers = enterers.remove(&rec.indicator.code).unwrap_or_default();
    }
    Ok(all)
}

pub(super) fn load_indicator(conn: &rusqlite::Connection, code: &str) -> Result<IndicatorRecord> {
    // Cached, as are the others a look-up makes for each indicator it reads.
    let sql = format!("SELECT {COLUMNS} FROM indicators WHERE code = ?1");
    let rec = conn
        .prepare_cached(&sql)?
        .query_row([code], from_row)
        .optional()?;
    let Some(mut rec) = rec else {
        return Err(StoreError::NotFound(format!(
            "no indicator '{code}' (see `pmdb list` for the codes)"
        )));
    };
    let list = |sql: &str| -> Result<Vec<String>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([code], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    rec.plan =
        list("SELECT node FROM indicator_links WHERE indicator = ?1 ORDER BY position, node")?;
    rec.enterers =
        list("SELECT login FROM indicator_enterers WHERE indicator = ?1 ORDER BY login")?;
    Ok(rec)
}

impl Store {
    pub fn indicators(&self) -> Result<Vec<IndicatorRecord>> {
        load_indicators(&self.conn)
    }

    pub fn indicator(&self, code: &str) -> Result<IndicatorRecord> {
        load_indicator(&self.conn, code)
    }

    /// Imports indicator definitions (new or changed) naming every field, all or nothing.
    pub fn import_indicators(
        &mut self,
        rows: &[(usize, IndicatorRecord)],
    ) -> Result<ImportSummary> {
        self.import_indicators_naming(rows, &Columns::All)
    }

    /// Imports indicator definitions from a file that names `columns`, all or nothing; a
    /// field whose column the file does not name keeps what is stored.
    pub fn import_indicators_naming(
        &mut self,
        rows: &[(usize, IndicatorRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_manage("import indicators")
            .map_err(StoreError::Denied)?;
        self.bulk_write(|tx| import_indicators_tx(tx, rows, columns))
    }

    /// Names an extra data-entry officer for an indicator.
    pub fn add_enterer(&mut self, code: &str, login: &str) -> Result<()> {
        self.change_enterer(code, login, true)
    }

    /// Withdraws a data-entry officer from an indicator.
    pub fn remove_enterer(&mut self, code: &str, login: &str) -> Result<()> {
        self.change_enterer(code, login, false)
    }

    fn change_enterer(&mut self, code: &str, login: &str, add: bool) -> Result<()> {
        self.actor()?
            .may_manage("name data-entry officers")
            .map_err(StoreError::Denied)?;
        self.write(|tx| {
            load_indicator(tx, code)?;
            if add {
                require_user(tx, login)?;
            }
            let sql = if add {
                "INSERT OR IGNORE INTO indicator_enterers (indicator, login) VALUES (?1, ?2)"
            } else {
                "DELETE FROM indicator_enterers WHERE indicator = ?1 AND login = ?2"
            };
            if tx.execute(sql, [code, login])? == 0 && !add {
                return Err(StoreError::NotFound(format!(
                    "{login} does not enter data for {code}"
                )));
            }
            Ok(())
        })
    }
}

/// The indicator a file row asks for: its own fields where the file names their columns,
/// the stored ones elsewhere: a file without an optional column (definition, source,
/// benchmark group, collect_from, ...) keeps the stored value; data-entry officers have no
/// column in the indicators file (they have their own), so a file keeps them as they are.
fn merge_record(
    rec: &IndicatorRecord,
    columns: &Columns,
    old: Option<&IndicatorRecord>,
) -> IndicatorRecord {
    let i = &rec.indicator;
    let o = old.map(|o| &o.indicator);
    IndicatorRecord {
        indicator: Indicator {
            unit: columns.pick("unit", &i.unit, o.map(|o| &o.unit)),
            decimals: columns.pick("decimals", &i.decimals, o.map(|o| &o.decimals)),
            owner: columns.pick("owner", &i.owner, o.map(|o| &o.owner)),
            rag_rule: columns.pick("rag_rule", &i.rag_rule, o.map(|o| &o.rag_rule)),
            min: columns.pick("min", &i.min, o.map(|o| &o.min)),
            max: columns.pick("max", &i.max, o.map(|o| &o.max)),
            cumulative: columns.pick("cumulative", &i.cumulative, o.map(|o| &o.cumulative)),
            lag: columns.pick("lag", &i.lag, o.map(|o| &o.lag)),
            ..i.clone()
        },
        plan: columns.pick("plan", &rec.plan, old.map(|o| &o.plan)),
        definition: columns.pick("definition", &rec.definition, old.map(|o| &o.definition)),
        source: columns.pick("source", &rec.source, old.map(|o| &o.source)),
        benchmark_group: columns.pick(
            "benchmark_group",
            &rec.benchmark_group,
            old.map(|o| &o.benchmark_group),
        ),
        enterers: old.map(|o| o.enterers.clone()).unwrap_or_default(),
        collect_from: columns.pick(
            "collect_from",
            &rec.collect_from,
            old.map(|o| &o.collect_from),
        ),
    }
}

/// Refuses a row naming a plan node neither the database nor the file (imported first)
/// holds.
fn check_plan_nodes(tx: &Connection, row: usize, plan: &[String]) -> Result<()> {
    for node in plan {
        let known: bool = tx.query_row(
            "SELECT count(*) FROM plan_nodes WHERE code = ?1",
            [node],
            |r| r.get(0),
        )?;
        if !known {
            return Err(unknown_ref(
                row,
                "plan",
                node,
                format!("no plan node '{node}' (import the plan first)"),
            ));
        }
    }
    Ok(())
}

/// An indicator's code, title, unit and owner as the spec allows them, naming the column
/// at fault.
fn check_indicator_fields(
    tx: &Connection,
    i: &Indicator,
) -> std::result::Result<(), (&'static str, Problem)> {
    check_code("the code", &i.code).map_err(|e| ("code", e.into()))?;
    check_name("the title", &i.title).map_err(|e| ("title", e.into()))?;
    check_name("the unit", &i.unit).map_err(|e| ("unit", e.into()))?;
    if !i.owner.is_empty() {
        require_user(tx, &i.owner).map_err(|e| ("owner", e.into()))?;
    }
    Ok(())
}

pub(super) fn import_indicators_tx(
    tx: &Connection,
    rows: &[(usize, IndicatorRecord)],
    columns: &Columns,
) -> Result<ImportSummary> {
    let stored: HashMap<String, IndicatorRecord> = load_indicators(tx)?
        .into_iter()
        .map(|r| (r.indicator.code.clone(), r))
        .collect();
    let mut summary = ImportSummary::default();
    let mut bad = BadRows::default();
    for (row, rec) in rows {
        let old = stored.get(&rec.indicator.code);
        let rec = &merge_record(rec, columns, old);
        if old == Some(rec) {
            summary.count(RowOutcome::Unchanged);
            continue;
        }
        let i = &rec.indicator;
        or_next_row!(
            bad,
            check_indicator_fields(tx, i).map_err(|(column, e)| row_error(*row, column, e))
        );
        or_next_row!(bad, check_plan_nodes(tx, *row, &rec.plan));
        let exists = old.is_some();
        let args = params![
            i.code,
            i.title,
            i.kind.as_str(),
            i.unit,
            i.decimals,
            i.polarity.as_str(),
            i.frequency.as_str(),
            i.aggregation.as_str(),
            i.owner,
            i.rag_rule.map(|r| r.to_string()).unwrap_or_default(),
            rec.source,
            rec.benchmark_group,
            *row as i64,
            rec.collect_from.map(|m| m.to_string()).unwrap_or_default(),
            i.min.to_string(),
            i.max.to_string(),
            i.cumulative,
            i.lag,
            rec.definition,
        ];
        if exists {
            tx.execute(
                "UPDATE indicators SET title = ?2, kind = ?3, unit = ?4, decimals = ?5, polarity = ?6, frequency = ?7,
                 aggregation = ?8, owner = ?9, rag_rule = ?10, source = ?11, benchmark_group = ?12, position = ?13,
                 collect_from = ?14, min = ?15, max = ?16, cumulative = ?17, lag = ?18, definition = ?19
                 WHERE code = ?1",
                args,
            )?;
            summary.count(RowOutcome::Updated);
        } else {
            tx.execute(
                "INSERT INTO indicators (code, title, kind, unit, decimals, polarity, frequency, aggregation, owner,
                 rag_rule, source, benchmark_group, position, collect_from, min, max, cumulative, lag,
                 definition)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                args,
            )?;
            summary.count(RowOutcome::Added);
        }
        let current: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT node FROM indicator_links WHERE indicator = ?1 ORDER BY position, node",
            )?;
            stmt.query_map([&i.code], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        // Links are rewritten only when they change, so the audit log records real changes.
        if current != rec.plan {
            tx.execute(
                "DELETE FROM indicator_links WHERE indicator = ?1",
                [&i.code],
            )?;
            for (pos, node) in rec.plan.iter().enumerate() {
                tx.execute(
                    "INSERT INTO indicator_links (indicator, node, position) VALUES (?1, ?2, ?3)",
                    params![i.code, node, pos as i64],
                )?;
            }
        }
    }
    bad.finish(summary)
}
