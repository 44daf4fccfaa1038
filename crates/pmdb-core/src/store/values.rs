//! Recorded values. Every save is a compare-and-set on the row's version, so nobody's edit
//! is silently overwritten, and is refused for a signed-off period.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::Store;
use super::error::{Result, StoreError};
use super::import_rows::{
    BadRows, Columns, ImportSummary, Problem, RowOutcome, ValueRow, row_error, unknown_ref,
};
use super::indicators::{IndicatorRecord, load_indicator};
use super::session::Entered;
use super::signoff::{borrowed_text, locking_signoff};
use super::targets::load_targets;
use super::users::role_in;
use crate::domain::aggregate::Observation;
use crate::domain::assess::{Assessment, Context, Series, assess_if_recorded};
use crate::domain::entry::{Entry, check_entry, check_explained};
use crate::domain::fields::check_text;
use crate::domain::indicator::words;
use crate::domain::period::{FinYear, Period};
use crate::domain::role::Actor;
use crate::domain::target::Targets;

words!(
    /// How far a figure can be trusted.
    Quality, "data quality" { Provisional = "provisional", Estimated = "estimated", Final = "final" }
);

impl Quality {
    /// The mark a report puts beside a figure that is not final (`p`, `e`), explained in
    /// its key ([`QUALITY_KEY`]); a final figure has none.
    pub fn mark(self) -> Option<&'static str> {
        match self {
            Quality::Provisional => Some("p"),
            Quality::Estimated => Some("e"),
            Quality::Final => None,
        }
    }

    /// The quality of a figure made from figures of these qualities: as weak as the weakest
    /// (an estimate in it makes it estimated; else a provisional one makes it provisional).
    pub fn weakest(self, other: Quality) -> Quality {
        let rank = |q: Quality| match q {
            Quality::Final => 0,
            Quality::Provisional => 1,
            Quality::Estimated => 2,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// What the marks mean, in the words every report's key uses: each quality that is
/// marked, with what it says of the figure.
pub const QUALITY_KEY: [(Quality, &str); 2] = [
    (
        Quality::Provisional,
        "may change when the final figure is known",
    ),
    (Quality::Estimated, "an estimate, not yet a measurement"),
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredValue {
    pub indicator: String,
    pub period: Period,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub quality: Quality,
    pub commentary: String,
    pub action: String,
    pub entered_by: String,
    pub entered_at: String,
    pub version: i64,
    /// When the figure was first recorded: its lateness is that recording's, so a
    /// correction after the deadline does not make a figure given on time late.
    #[serde(skip)]
    pub first_entered_at: String,
}

impl StoredValue {
    pub fn observation(&self) -> Observation {
        Observation {
            period: self.period,
            value: self.value,
            numerator: self.numerator,
            denominator: self.denominator,
        }
    }
}

/// A value to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewValue {
    pub indicator: String,
    pub period: Period,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub quality: Quality,
    pub commentary: String,
    pub action: String,
}

/// What the saver believes is stored now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    /// Whatever is there (a scripted `pmdb set`; the audit log keeps the old value).
    Any,
    /// No value yet.
    Absent,
    /// The value at this version.
    Version(i64),
}

/// A saved value with the status it now has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SaveOutcome {
    pub version: i64,
    pub assessment: Assessment,
    /// What was asked is what was stored already: nothing was written.
    pub unchanged: bool,
}

/// The columns `from_row` reads, named so in a join with `indicators` too (no column of
/// that table has one of these names).
macro_rules! columns {
    () => {
        "indicator, period, value, numerator, denominator, quality, commentary, action, entered_by, entered_at, version, coalesce(first_entered_at, entered_at)"
    };
}

const SELECT: &str = concat!("SELECT ", columns!(), " FROM \"values\"");

fn from_row(r: &Row) -> rusqlite::Result<StoredValue> {
    let period = borrowed_text(r, 1)?;
    let quality = borrowed_text(r, 5)?;
    let bad = |e: String| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
    };
    Ok(StoredValue {
        indicator: r.get(0)?,
        period: period
            .parse()
            .map_err(|e: crate::domain::period::PeriodError| bad(e.to_string()))?,
        value: r.get(2)?,
        numerator: r.get(3)?,
        denominator: r.get(4)?,
        quality: quality
            .parse()
            .map_err(|e: crate::domain::indicator::WordError| bad(e.to_string()))?,
        commentary: r.get(6)?,
        action: r.get(7)?,
        entered_by: r.get(8)?,
        entered_at: r.get(9)?,
        version: r.get(10)?,
        first_entered_at: r.get(11)?,
    })
}

pub(super) fn load_all_values(
    conn: &rusqlite::Connection,
) -> Result<HashMap<String, Vec<StoredValue>>> {
    let mut stmt = conn.prepare(SELECT)?;
    let mut out: HashMap<String, Vec<StoredValue>> = HashMap::new();
    for v in stmt.query_map([], from_row)? {
        let v = v?;
        match out.get_mut(&v.indicator) {
            Some(values) => values.push(v),
            None => {
                out.insert(v.indicator.clone(), vec![v]);
            }
        }
    }
    Ok(out)
}

pub(super) fn load_values(conn: &rusqlite::Connection, code: &str) -> Result<Vec<StoredValue>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE indicator = ?1"))?;
    let rows = stmt.query_map([code], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The values of these financial years, and each indicator's earliest value whatever its
/// year, by indicator code: for each indicator a range of the key index (indicator,
/// period) and a probe of it. A financial year's periods are written between its April
/// and the next April ("2026-04" ≤ "2026-05" … "2026/27 Q1" … "2026/27" … "2027-03" <
/// "2027-04"), so the range is a year's rows; the earliest period so written is of the
/// earliest year.
pub(super) fn load_values_of_years(
    conn: &rusqlite::Connection,
    years: std::ops::RangeInclusive<FinYear>,
) -> Result<HashMap<String, Vec<StoredValue>>> {
    let from = years.start().first_month().to_string();
    let until = FinYear(years.end().0 + 1).first_month().to_string();
    // CROSS JOIN keeps the indicators outside, so each one's rows are a search of the key:
    // a range for the years, a probe for its earliest value (when outside them).
    let sql = concat!(
        "SELECT ",
        columns!(),
        " FROM indicators i CROSS JOIN \"values\" v ON v.indicator = i.code
          WHERE period >= ?1 AND period < ?2
         UNION ALL SELECT ",
        columns!(),
        " FROM indicators i CROSS JOIN \"values\" v ON v.indicator = i.code
          WHERE period = (SELECT min(w.period) FROM \"values\" w WHERE w.indicator = i.code)
            AND (period < ?1 OR period >= ?2)"
    );
    let mut stmt = conn.prepare(sql)?;
    let mut out: HashMap<String, Vec<StoredValue>> = HashMap::new();
    for v in stmt.query_map([from, until], from_row)? {
        let v = v?;
        out.entry(v.indicator.clone()).or_default().push(v);
    }
    Ok(out)
}

fn current(tx: &Connection, code: &str, period: Period) -> Result<Option<StoredValue>> {
    // Cached: an import asks this once per row.
    let mut stmt = tx.prepare_cached(&format!("{SELECT} WHERE indicator = ?1 AND period = ?2"))?;
    Ok(stmt
        .query_row(params![code, period.to_string()], from_row)
        .optional()?)
}

/// Whether the period's figures may still change: no sign-off covers it.
fn period_open(tx: &Connection, period: Period) -> Result<()> {
    match locking_signoff(tx, period)? {
        Some(within) => Err(StoreError::SignedOff { period, within }),
        None => Ok(()),
    }
}

fn upsert(
    tx: &Connection,
    login: &str,
    at: &str,
    nv: &NewValue,
    value: f64,
    old: Option<&StoredValue>,
) -> Result<i64> {
    let version = old.map(|o| o.version + 1).unwrap_or(1);
    let args = params![
        nv.indicator,
        nv.period.to_string(),
        value,
        nv.numerator,
        nv.denominator,
        nv.quality.as_str(),
        nv.commentary.trim(),
        nv.action.trim(),
        login,
        at,
        version
    ];
    if old.is_some() {
        tx.prepare_cached(
            "UPDATE \"values\" SET value = ?3, numerator = ?4, denominator = ?5, quality = ?6, commentary = ?7,
             action = ?8, entered_by = ?9, entered_at = ?10, version = ?11 WHERE indicator = ?1 AND period = ?2",
        )?
        .execute(args)?;
    } else {
        tx.prepare_cached(
            "INSERT INTO \"values\" (indicator, period, value, numerator, denominator, quality, commentary, action,
             entered_by, entered_at, version, first_entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10)",
        )?
        .execute(args)?;
    }
    Ok(version)
}

impl Store {
    pub fn values_of(&self, code: &str) -> Result<Vec<StoredValue>> {
        load_values(&self.conn, code)
    }

    /// Every recorded value, by indicator code.
    pub fn all_values(&self) -> Result<HashMap<String, Vec<StoredValue>>> {
        load_all_values(&self.conn)
    }

    /// The value stored for one period, if any.
    pub fn value_at(&self, code: &str, period: Period) -> Result<Option<StoredValue>> {
        Ok(self
            .conn
            .query_row(
                &format!("{SELECT} WHERE indicator = ?1 AND period = ?2"),
                params![code, period.to_string()],
                from_row,
            )
            .optional()?)
    }

    /// Records one value giving every field (the interface's editor): checks who is
    /// asking, the period, the figure and (when the target is missed) the commentary and
    /// remedial action, then saves it if what is stored is still what the saver expected.
    pub fn record_value(
        &mut self,
        nv: &NewValue,
        expect: Expect,
        ctx: Context,
    ) -> Result<SaveOutcome> {
        self.record_value_naming(nv, &Columns::All, expect, ctx)
    }

    /// Records one value changing only the fields `named` names (`pmdb set`, like an
    /// import): the others keep what is stored, so correcting a figure keeps its
    /// commentary and action. A value equal to what is stored changes nothing: no new
    /// version, no audit row, and the outcome says it was unchanged.
    pub fn record_value_naming(
        &mut self,
        nv: &NewValue,
        named: &Columns,
        expect: Expect,
        ctx: Context,
    ) -> Result<SaveOutcome> {
        let actor = self.actor()?;
        let login = self.login.clone();
        let rules = self.settings()?.rule_book();
        let clock = self.session.clone();
        self.write(|tx| {
            let ind = load_indicator(tx, &nv.indicator)?;
            actor.may_record(&ind.indicator.code, &ind.indicator.owner, &ind.enterers)?;
            period_open(tx, nv.period)?;
            let old = current(tx, &nv.indicator, nv.period)?;
            let nv = &merge_named(nv, named, old.as_ref());
            let entry = Entry {
                value: nv.value,
                numerator: nv.numerator,
                denominator: nv.denominator,
            };
            let value = check_entry(&ind.indicator, nv.period, &entry, ctx.today)?;
            check_texts(nv).map_err(|(_, e)| StoreError::Text(e))?;
            let found = old.as_ref().map(|o| o.version).unwrap_or(0);
            let conflict = match expect {
                Expect::Any => false,
                Expect::Absent => old.is_some(),
                Expect::Version(v) => v != found,
            };
            if conflict {
                let (by, at) = old
                    .as_ref()
                    .map(|o| (o.entered_by.clone(), o.entered_at.clone()))
                    .unwrap_or_else(|| ("someone".into(), "an unknown time".into()));
                let expected = if let Expect::Version(v) = expect {
                    v
                } else {
                    0
                };
                return Err(StoreError::Conflict {
                    what: format!("{} {}", nv.indicator, nv.period),
                    by,
                    at,
                    expected,
                    found,
                });
            }
            let unchanged = old.as_ref().is_some_and(|o| same_value(o, nv, value));
            // Judge the period as it will be with the new value in place.
            let stored: Vec<Observation> = load_values(tx, &nv.indicator)?
                .iter()
                .map(StoredValue::observation)
                .collect();
            let series = Series::new(
                &ind.indicator,
                stored,
                Targets::new(&load_targets(tx, &nv.indicator)?),
            );
            let recorded = Observation {
                period: nv.period,
                value,
                numerator: nv.numerator,
                denominator: nv.denominator,
            };
            let assessment = assess_if_recorded(&series, recorded, &rules, ctx);
            if unchanged {
                return Ok(SaveOutcome {
                    version: found,
                    assessment,
                    unchanged: true,
                });
            }
            let judgement =
                crate::domain::rag::Judgement::new(assessment.rag, assessment.rule.clone());
            check_explained(&judgement, &nv.commentary, &nv.action).map_err(|refusal| {
                StoreError::Unexplained {
                    code: nv.indicator.clone(),
                    period: nv.period,
                    refusal: Box::new(refusal),
                }
            })?;
            let version = upsert(tx, &login, &clock.now_stamp(), nv, value, old.as_ref())?;
            Ok(SaveOutcome {
                version,
                assessment,
                unchanged: false,
            })
        })
    }

    /// Imports values naming every column (rows built in code), all or nothing.
    pub fn import_values(
        &mut self,
        rows: &[(usize, ValueRow)],
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        self.import_values_naming(rows, &Columns::All, today)
    }

    /// Imports values from a file that names `columns`, all or nothing. Each row passes the
    /// same checks as `pmdb set` except the commentary rule: historic data loaded in bulk
    /// often has none, and `pmdb check` lists what still needs explaining. A field whose
    /// column the file does not name keeps what is stored; a row equal to what is stored
    /// is left alone (no new version, no audit row), even in a signed-off period.
    pub fn import_values_naming(
        &mut self,
        rows: &[(usize, ValueRow)],
        columns: &Columns,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let rows: Vec<(usize, &ValueRow, Option<&Entered>)> =
            rows.iter().map(|(n, v)| (*n, v, None)).collect();
        self.import(&rows, columns, today)
    }

    /// Imports values as their officers entered them: history brought in from another
    /// system (the demo council's two years of returns). Admin only. Each row must be one
    /// its officer may record and on a day after its period ended; the value, and its
    /// audit row, name that officer and time.
    pub fn import_values_entered(
        &mut self,
        rows: &[(usize, ValueRow, Entered)],
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        self.actor()?
            .may_admin("load values entered by others")
            .map_err(StoreError::Denied)?;
        let rows: Vec<(usize, &ValueRow, Option<&Entered>)> =
            rows.iter().map(|(n, v, e)| (*n, v, Some(e))).collect();
        self.import(&rows, &Columns::All, today)
    }

    fn import(
        &mut self,
        rows: &[(usize, &ValueRow, Option<&Entered>)],
        columns: &Columns,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let session = self.session.clone();
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            let mut indicators: HashMap<String, IndicatorRecord> = HashMap::new();
            let mut officers: HashMap<String, Actor> = HashMap::new();
            for &(row, v, entered) in rows {
                // Every row is checked, so one refusal names every bad row.
                let outcome = bad.keep(import_row(
                    tx,
                    (row, v, entered),
                    columns,
                    today,
                    (&actor, &session),
                    &mut indicators,
                    &mut officers,
                ))?;
                if let Some(outcome) = outcome {
                    summary.count(outcome);
                }
            }
            bad.finish(summary)
        })
    }
}

/// Checks one row of a values import and, when it passes and differs from what is
/// stored, writes it.
fn import_row(
    tx: &Connection,
    (row, v, entered): (usize, &ValueRow, Option<&Entered>),
    columns: &Columns,
    today: NaiveDate,
    (actor, session): (&Actor, &super::session::Session),
    indicators: &mut HashMap<String, IndicatorRecord>,
    officers: &mut HashMap<String, Actor>,
) -> Result<RowOutcome> {
    if !indicators.contains_key(&v.code) {
        let ind = load_indicator(tx, &v.code).map_err(|e| match e {
            StoreError::NotFound(_) => {
                unknown_ref(row, "code", &v.code, format!("no indicator '{}'", v.code))
            }
            other => other,
        })?;
        indicators.insert(v.code.clone(), ind);
    }
    let ind = &indicators[&v.code];
    if v.percent_sign
        && let Some(why) = crate::domain::number::percent_sign_refused(&ind.indicator.unit)
    {
        return Err(row_error(row, "value", why));
    }
    // Entered on someone's behalf: judged as that officer, on that day (and recorded as
    // theirs while `_behalf` lives).
    let (who, day, _behalf) = match entered {
        Some(e) if e.at.date() > today => {
            return Err(row_error(
                row,
                "entered",
                format!("{} is after today", e.stamp()),
            ));
        }
        Some(e) => {
            if !officers.contains_key(&e.by) {
                let officer = Actor {
                    login: e.by.clone(),
                    role: role_in(tx, &e.by)?,
                };
                officers.insert(e.by.clone(), officer);
            }
            let behalf = session.on_behalf_of(e);
            (&officers[&e.by], e.at.date(), Some(behalf))
        }
        None => (actor, today, None),
    };
    who.may_record(&ind.indicator.code, &ind.indicator.owner, &ind.enterers)
        .map_err(|e| row_error(row, "period", e))?;
    let old = current(tx, &v.code, v.period)?;
    let nv = merge_value_row(v, columns, old.as_ref()).map_err(|e| row_error(row, "value", e))?;
    let entry = Entry {
        value: nv.value,
        numerator: nv.numerator,
        denominator: nv.denominator,
    };
    let value = check_entry(&ind.indicator, v.period, &entry, day)
        .map_err(|e| row_error(row, "value", e))?;
    check_texts(&nv).map_err(|(column, e)| row_error(row, column, e))?;
    if old.as_ref().is_some_and(|o| same_value(o, &nv, value)) {
        return Ok(RowOutcome::Unchanged);
    }
    period_open(tx, v.period).map_err(|e| row_error(row, "period", e))?;
    let at = entered.map_or_else(|| session.now_stamp(), Entered::stamp);
    upsert(tx, &who.login, &at, &nv, value, old.as_ref())?;
    Ok(if old.is_some() {
        RowOutcome::Updated
    } else {
        RowOutcome::Added
    })
}

/// The value a file row asks for: its own fields where the file names their columns, the
/// stored ones elsewhere. A file naming `value` gives the value (blank means "compute it
/// from the numerator and denominator"); one naming none of `value`, `numerator` and
/// `denominator` keeps the stored figures and changes only its words, so a period with no
/// stored value is refused.
fn merge_value_row(
    v: &ValueRow,
    columns: &Columns,
    old: Option<&StoredValue>,
) -> std::result::Result<NewValue, NoStoredValue> {
    let names_figures = ["value", "numerator", "denominator"]
        .iter()
        .any(|c| columns.has(c));
    let value = match old {
        _ if columns.has("value") => v.value,
        // Only the numerator or denominator: the value is computed from them.
        _ if names_figures => None,
        Some(o) => Some(o.value),
        None => {
            return Err(NoStoredValue {
                code: v.code.clone(),
                period: v.period,
            });
        }
    };
    Ok(NewValue {
        indicator: v.code.clone(),
        period: v.period,
        value,
        numerator: columns.pick("numerator", &v.numerator, old.map(|o| &o.numerator)),
        denominator: columns.pick("denominator", &v.denominator, old.map(|o| &o.denominator)),
        quality: columns.pick("quality", &v.quality, old.map(|o| &o.quality)),
        commentary: columns.pick(
            "commentary",
            &v.commentary.trim().to_string(),
            old.map(|o| &o.commentary),
        ),
        action: columns.pick(
            "action",
            &v.action.trim().to_string(),
            old.map(|o| &o.action),
        ),
    })
}

/// A file row changing only the words of a period with no stored value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("no value stored for {code} {period}: give a value column")]
struct NoStoredValue {
    code: String,
    period: Period,
}

/// A value to record with the fields `named` does not name taken from what is stored
/// (`pmdb set` without `--commentary` keeps the commentary). With nothing stored, an
/// unnamed field is what `nv` gives (blank words, final quality).
fn merge_named(nv: &NewValue, named: &Columns, old: Option<&StoredValue>) -> NewValue {
    // A ratio's parts come as a pair: naming either names both.
    let parts = named.has("numerator") || named.has("denominator");
    let keep = |column: &str| !named.has(column) && old.is_some();
    NewValue {
        indicator: nv.indicator.clone(),
        period: nv.period,
        value: nv.value,
        numerator: match old {
            Some(o) if !parts => o.numerator,
            _ => nv.numerator,
        },
        denominator: match old {
            Some(o) if !parts => o.denominator,
            _ => nv.denominator,
        },
        quality: match old {
            Some(o) if keep("quality") => o.quality,
            _ => nv.quality,
        },
        commentary: match old {
            Some(o) if keep("commentary") => o.commentary.clone(),
            _ => nv.commentary.clone(),
        },
        action: match old {
            Some(o) if keep("action") => o.action.clone(),
            _ => nv.action.clone(),
        },
    }
}

/// The commentary and remedial action as the spec allows them, naming the column at fault.
fn check_texts(nv: &NewValue) -> std::result::Result<(), (&'static str, Problem)> {
    check_text("the commentary", &nv.commentary).map_err(|e| ("commentary", e.into()))?;
    check_text("the remedial action", &nv.action).map_err(|e| ("action", e.into()))
}

/// Whether saving `nv` (with its checked `value`) would store what is already there.
fn same_value(old: &StoredValue, nv: &NewValue, value: f64) -> bool {
    old.value == value
        && old.numerator == nv.numerator
        && old.denominator == nv.denominator
        && old.quality == nv.quality
        && old.commentary == nv.commentary.trim()
        && old.action == nv.action.trim()
}
