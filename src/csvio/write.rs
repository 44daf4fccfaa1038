//! Writing export files: the columns in contract order, every field the import reads.

use std::io::Write;

use super::columns::{Kind, columns_of};
use super::{CsvError, number};
use crate::domain::plan::PlanNode;
use crate::domain::target::TargetRow;
use crate::store::{IndicatorRecord, StoredValue};

fn writer<W: Write>(kind: Kind, out: W) -> Result<csv::Writer<W>, CsvError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(columns_of(kind).iter().map(|(c, _)| *c))
        .map_err(io)?;
    Ok(w)
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
        w.write_record([
            n.code.as_str(),
            n.kind.as_str(),
            n.parent.as_deref().unwrap_or(""),
            &n.title,
            &n.owner,
            n.portfolio.as_deref().unwrap_or(""),
            n.service.as_deref().unwrap_or(""),
            &n.from_year.to_string(),
            &n.to_year.map(|y| y.to_string()).unwrap_or_default(),
        ])
        .map_err(io)?;
    }
    w.flush().map_err(|e| CsvError(e.to_string()))
}

pub fn write_indicators<W: Write>(out: W, indicators: &[IndicatorRecord]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Indicators, out)?;
    for r in indicators {
        let i = &r.indicator;
        w.write_record([
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
        ])
        .map_err(io)?;
    }
    w.flush().map_err(|e| CsvError(e.to_string()))
}

pub fn write_targets<W: Write>(out: W, targets: &[(String, TargetRow)]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Targets, out)?;
    for (code, t) in targets {
        w.write_record([
            code.as_str(),
            &t.year.to_string(),
            &t.period.map(|p| p.to_string()).unwrap_or_default(),
            &number(t.target),
            &opt(t.intervention),
        ])
        .map_err(io)?;
    }
    w.flush().map_err(|e| CsvError(e.to_string()))
}

pub fn write_values<W: Write>(out: W, values: &[&StoredValue]) -> Result<(), CsvError> {
    let mut w = writer(Kind::Values, out)?;
    for v in values {
        w.write_record([
            v.indicator.as_str(),
            &v.period.to_string(),
            &number(v.value),
            &opt(v.numerator),
            &opt(v.denominator),
            v.quality.as_str(),
            &v.commentary,
            &v.action,
        ])
        .map_err(io)?;
    }
    w.flush().map_err(|e| CsvError(e.to_string()))
}
