//! Writing export files: the columns in contract order, every field the import reads, each
//! text cell spreadsheet-safe (numbers never are prefixed).

use std::io::Write;

use super::columns::{Kind, columns_of, is_numeric};
use super::{CsvError, number, spreadsheet_safe};
use crate::domain::plan::PlanNode;
use crate::domain::target::TargetRow;
use crate::store::{IndicatorRecord, StoredValue};

pub(super) fn writer<W: Write>(kind: Kind, out: W) -> Result<csv::Writer<W>, CsvError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(columns_of(kind).iter().map(|(c, _)| *c))
        .map_err(io)?;
    Ok(w)
}

/// Writes one row of `kind`, its text cells made spreadsheet-safe.
pub(super) fn record<W: Write>(
    w: &mut csv::Writer<W>,
    kind: Kind,
    cells: &[&str],
) -> Result<(), CsvError> {
    let columns = columns_of(kind);
    let safe = cells.iter().zip(columns).map(|(cell, (column, _))| {
        if is_numeric(column) {
            std::borrow::Cow::Borrowed(*cell)
        } else {
            spreadsheet_safe(cell)
        }
    });
    w.write_record(safe.map(|c| c.into_owned())).map_err(io)
}

/// Flushes a finished export.
pub(super) fn finish<W: Write>(mut w: csv::Writer<W>) -> Result<(), CsvError> {
    w.flush().map_err(|e| CsvError(e.to_string()))
}

fn io(e: csv::Error) -> CsvError {
    CsvError(format!("could not write the export: {e}"))
}

fn opt(x: Option<f64>) -> String {
    x.map(number).unwrap_or_default()
}

pub fn write_plan<W: Write>(out: W, nodes: &[PlanNode]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Plan, out)?;
    for n in nodes {
        record(
            &mut w,
            Kind::Plan,
            &[
                n.code.as_str(),
                n.kind.as_str(),
                n.parent.as_deref().unwrap_or(""),
                &n.title,
                &n.owner,
                n.portfolio.as_deref().unwrap_or(""),
                n.service.as_deref().unwrap_or(""),
                &n.from_year.to_string(),
                &n.to_year.map(|y| y.to_string()).unwrap_or_default(),
            ],
        )?;
    }
    finish(w)
}

pub fn write_indicators<W: Write>(out: W, indicators: &[IndicatorRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Indicators, out)?;
    for r in indicators {
        let i = &r.indicator;
        record(
            &mut w,
            Kind::Indicators,
            &[
                i.code.as_str(),
                &i.title,
                i.kind.as_str(),
                &i.unit,
                &i.decimals.to_string(),
                i.polarity.as_str(),
                i.frequency.as_str(),
                i.aggregation.as_str(),
                &i.owner,
                &r.plan.join(";"),
                &i.rag_rule.map(|r| r.to_string()).unwrap_or_default(),
                &i.min.to_string(),
                &i.max.to_string(),
                &r.collect_from.map(|m| m.to_string()).unwrap_or_default(),
                if i.cumulative { "yes" } else { "no" },
                &i.lag.to_string(),
                &r.definition,
                &r.source,
                &r.benchmark_group,
            ],
        )?;
    }
    finish(w)
}

pub fn write_targets<W: Write>(out: W, targets: &[(String, TargetRow)]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Targets, out)?;
    for (code, t) in targets {
        record(
            &mut w,
            Kind::Targets,
            &[
                code.as_str(),
                &t.year.to_string(),
                &t.period.map(|p| p.to_string()).unwrap_or_default(),
                &number(t.target),
                &opt(t.intervention),
            ],
        )?;
    }
    finish(w)
}

pub fn write_values<W: Write>(out: W, values: &[&StoredValue]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Values, out)?;
    for v in values {
        record(
            &mut w,
            Kind::Values,
            &[
                v.indicator.as_str(),
                &v.period.to_string(),
                &number(v.value),
                &opt(v.numerator),
                &opt(v.denominator),
                v.quality.as_str(),
                &v.commentary,
                &v.action,
            ],
        )?;
    }
    finish(w)
}
