//! Where each indicator's year of targets stands (draft, proposed, approved), a new year
//! rolled forward from the last, an owner's proposal and the board's approval (SPEC
//! "A new year in one command", "Targets are proposed, then approved").

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::Store;
use super::error::{Result, StoreError};
use super::indicators::load_indicator;
use super::targets::load_all_targets;
use crate::domain::fields::check_text;
use crate::domain::period::FinYear;
use crate::domain::target::{TargetRow, validate};
use crate::domain::target_state::{TargetState, rolled_forward};

/// An indicator's year of targets as it stands, where it is not simply approved on import.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetStateRecord {
    pub year: FinYear,
    pub state: TargetState,
    /// The owner's rationale for a proposed target.
    pub why: String,
    pub proposed_by: String,
    /// The board that approved them (its code).
    pub approved_by: String,
    pub meeting: Option<i64>,
}

/// Every recorded state, by indicator code.
pub(super) fn load_all_target_states(
    conn: &rusqlite::Connection,
) -> Result<HashMap<String, Vec<TargetStateRecord>>> {
    let mut stmt = conn.prepare(
        "SELECT indicator, year, state, why, proposed_by, approved_by, meeting
         FROM target_states ORDER BY indicator, year",
    )?;
    let mut out: HashMap<String, Vec<TargetStateRecord>> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        let state: String = r.get(2)?;
        Ok((
            r.get::<_, String>(0)?,
            TargetStateRecord {
                year: FinYear(r.get(1)?),
                // The table's CHECK admits only the three words.
                state: state.parse().unwrap_or(TargetState::Draft),
                why: r.get(3)?,
                proposed_by: r.get(4)?,
                approved_by: r.get(5)?,
                meeting: r.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (code, rec) = row?;
        out.entry(code).or_default().push(rec);
    }
    Ok(out)
}

/// What a roll-forward made (or, in a dry run, would make).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollForward {
    pub from: FinYear,
    pub year: FinYear,
    pub uplift: f64,
    /// The plan nodes live in the last year whose end moved to the new one.
    pub nodes: Vec<String>,
    /// Each indicator's new targets (annual and profiles), all draft.
    pub targets: Vec<(String, TargetRow)>,
}

impl Store {
    /// `pmdb year roll-forward YEAR`: extends the plan nodes that end with the last year to
    /// `year`, and gives each indicator the last year's annual target, intervention level
    /// and profiles a year later, uplifted by `uplift` per cent the way of better and rounded
    /// to its places, as draft targets. Refused for a year that already has targets; with
    /// `dry_run` nothing is written. The performance team and admins only.
    pub fn roll_forward(
        &mut self,
        year: FinYear,
        uplift: f64,
        dry_run: bool,
    ) -> Result<RollForward> {
        self.actor()?
            .may_manage("roll a year forward")
            .map_err(StoreError::Denied)?;
        if !uplift.is_finite() || !(-50.0..=50.0).contains(&uplift) {
            return Err(StoreError::Invalid(format!(
                "--uplift {uplift}: an uplift is a per cent between -50 and 50"
            )));
        }
        let from = FinYear(year.0 - 1);
        let work = |tx: &rusqlite::Transaction| -> Result<RollForward> {
            let taken: i64 = tx.query_row(
                "SELECT count(*) FROM targets WHERE year = ?1",
                [year.0],
                |r| r.get(0),
            )?;
            if taken > 0 {
                return Err(StoreError::Refused(format!(
                    "{year} already has targets ({taken}): a year is rolled forward once, before any are set"
                )));
            }
            let mut stmt = tx.prepare(
                "SELECT code FROM plan_nodes WHERE to_year = ?1 AND from_year <= ?1 ORDER BY code",
            )?;
            let nodes: Vec<String> = stmt
                .query_map([from.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let all = load_all_targets(tx)?;
            let mut codes: Vec<&String> = all.keys().collect();
            codes.sort();
            let mut targets = Vec::new();
            for code in codes {
                let ind = load_indicator(tx, code)?.indicator;
                if !ind.takes_targets() {
                    continue;
                }
                for t in rolled_forward(&all[code], year, ind.polarity, uplift, ind.decimals) {
                    targets.push((code.clone(), t));
                }
            }
            if !dry_run {
                for n in &nodes {
                    tx.execute(
                        "UPDATE plan_nodes SET to_year = ?2 WHERE code = ?1",
                        params![n, year.0],
                    )?;
                }
                for (code, t) in &targets {
                    let period = t.period.map(|p| p.to_string()).unwrap_or_default();
                    tx.execute(
                        "INSERT INTO targets (indicator, year, period, target, intervention) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![code, year.0, period, t.target, t.intervention],
                    )?;
                    tx.execute(
                        "INSERT OR IGNORE INTO target_states (indicator, year, state) VALUES (?1, ?2, 'draft')",
                        params![code, year.0],
                    )?;
                }
            }
            Ok(RollForward {
                from,
                year,
                uplift,
                nodes,
                targets,
            })
        };
        if dry_run {
            let tx = self.conn.unchecked_transaction()?;
            let out = work(&tx);
            tx.rollback()?;
            return out;
        }
        self.write(|tx| work(tx))
    }

    /// `pmdb targets propose`: the owner (or an enterer, or the performance team) proposes
    /// a year's annual target and intervention level with a rationale. The year's targets
    /// are then `proposed` until approved.
    pub fn propose_target(
        &mut self,
        code: &str,
        row: &TargetRow,
        why: &str,
    ) -> Result<TargetStateRecord> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let why = why.trim().to_string();
        if why.is_empty() {
            return Err(StoreError::Invalid(
                "a proposed target needs its rationale (--why)".into(),
            ));
        }
        check_text("--why", &why).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.write(|tx| {
            let rec = load_indicator(tx, code)?;
            actor
                .may_record(code, &rec.indicator.owner, &rec.enterers)
                .map_err(StoreError::Denied)?;
            validate(&rec.indicator, row).map_err(|e| StoreError::Invalid(e.to_string()))?;
            tx.execute(
                "INSERT INTO targets (indicator, year, period, target, intervention) VALUES (?1, ?2, '', ?3, ?4)
                 ON CONFLICT (indicator, year, period) DO UPDATE SET target = ?3, intervention = ?4",
                params![code, row.year.0, row.target, row.intervention],
            )?;
            tx.execute(
                "INSERT INTO target_states (indicator, year, state, why, proposed_by) VALUES (?1, ?2, 'proposed', ?3, ?4)
                 ON CONFLICT (indicator, year) DO UPDATE SET state = 'proposed', why = ?3, proposed_by = ?4,
                   approved_by = '', meeting = NULL",
                params![code, row.year.0, why, login],
            )?;
            Ok(TargetStateRecord {
                year: row.year,
                state: TargetState::Proposed,
                why: why.clone(),
                proposed_by: login.clone(),
                approved_by: String::new(),
                meeting: None,
            })
        })
    }

    /// `pmdb targets approve`: the performance team records that `board` (at `meeting`, one
    /// of its own) approved the year's targets not yet approved, or one indicator's.
    /// Returns the indicators approved.
    pub fn approve_targets(
        &mut self,
        year: FinYear,
        code: Option<&str>,
        board: &str,
        meeting: Option<i64>,
    ) -> Result<Vec<String>> {
        self.actor()?
            .may_manage("record a target's approval")
            .map_err(StoreError::Denied)?;
        self.write(|tx| {
            let known: Option<String> = tx
                .query_row("SELECT code FROM boards WHERE code = ?1", [board], |r| {
                    r.get(0)
                })
                .optional()?;
            if known.is_none() {
                return Err(StoreError::NotFound(format!("no board '{board}'")));
            }
            if let Some(id) = meeting {
                let of: Option<String> = tx
                    .query_row("SELECT board FROM meetings WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .optional()?;
                match of {
                    None => return Err(StoreError::NotFound(format!("no meeting {id}"))),
                    Some(b) if b != board => {
                        return Err(StoreError::Invalid(format!(
                            "meeting {id} is {b}'s, not {board}'s"
                        )));
                    }
                    Some(_) => {}
                }
            }
            let mut stmt = tx.prepare(
                "SELECT indicator FROM target_states
                 WHERE year = ?1 AND state <> 'approved' AND (?2 IS NULL OR indicator = ?2)
                 ORDER BY indicator",
            )?;
            let codes: Vec<String> = stmt
                .query_map(params![year.0, code], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if codes.is_empty() {
                let what = code.map_or_else(|| format!("{year}"), |c| format!("{c} {year}"));
                return Err(StoreError::Refused(format!(
                    "no target of {what} is waiting for approval"
                )));
            }
            for c in &codes {
                tx.execute(
                    "UPDATE target_states SET state = 'approved', approved_by = ?3, meeting = ?4
                     WHERE indicator = ?1 AND year = ?2",
                    params![c, year.0, board, meeting],
                )?;
            }
            Ok(codes)
        })
    }
}
