//! Reading an import file into typed rows, refusing the whole file at its first bad row.

use std::collections::HashMap;

use super::CsvError;
use super::columns::{Kind, columns_of};
use crate::domain::indicator::Indicator;
use crate::domain::period::{FinYear, PERIOD_FORMS, Period};
use crate::domain::plan::PlanNode;
use crate::domain::rag::RagRule;
use crate::domain::target::TargetRow;
use crate::store::{IndicatorRecord, Quality, ValueRow};

/// A parsed file: its header's column positions and its data rows with their row numbers.
pub struct Table {
    kind: Kind,
    index: HashMap<String, usize>,
    rows: Vec<(usize, csv::StringRecord)>,
}

/// One data row being read, for typed access to its cells with messages naming the cell.
pub struct Cells<'a> {
    table: &'a Table,
    row: usize,
    record: &'a csv::StringRecord,
}

fn at(row: usize, column: &str, problem: impl std::fmt::Display) -> CsvError {
    CsvError(format!("row {row}, column {column}: {problem}"))
}

/// Reads the header and rows of a file of the given kind. Refuses unknown, repeated or
/// missing required columns, rows of the wrong width and text that is not CSV.
pub fn read_table(kind: Kind, input: &[u8]) -> Result<Table, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut records = reader.records();
    let allowed = columns_of(kind);
    let names: Vec<&str> = allowed.iter().map(|(c, _)| *c).collect();
    let header = match records.next() {
        None => {
            return Err(CsvError(format!(
                "the file is empty: expected a header row with the {kind} columns {}",
                names.join(", ")
            )));
        }
        Some(Err(e)) => return Err(not_csv(1, e)),
        Some(Ok(h)) => h,
    };
    let mut index = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}');
        if !names.contains(&name) {
            return Err(CsvError(format!(
                "row 1: unknown column '{name}' for {kind} (the columns are {})",
                names.join(", ")
            )));
        }
        if index.insert(name.to_string(), i).is_some() {
            return Err(CsvError(format!(
                "row 1: the column '{name}' appears twice"
            )));
        }
    }
    for (name, required) in allowed {
        if *required && !index.contains_key(*name) {
            return Err(CsvError(format!(
                "row 1: the required column '{name}' is missing"
            )));
        }
    }
    let mut rows = Vec::new();
    // Rows are numbered as a spreadsheet numbers them: a quoted cell that spans lines is
    // still one row, but a blank line, which the reader skips, is a row of its own.
    let mut last_row = 1;
    for record in records {
        let record = record.map_err(|e| not_csv(last_row + 1, e))?;
        let blank_lines = record.position().map_or(0, |p| {
            // Reading resumed just after the previous record, before any blank lines.
            let from = (p.byte() as usize).min(input.len());
            let skipped = input[from..]
                .iter()
                .take_while(|b| **b == b'\n' || **b == b'\r');
            skipped.filter(|b| **b == b'\n').count()
        });
        let row = last_row + 1 + blank_lines;
        last_row = row;
        if record.len() == 1 && record[0].trim().is_empty() {
            continue; // a blank line
        }
        if record.len() != header.len() {
            return Err(CsvError(format!(
                "row {row}: {} fields where the header has {}",
                record.len(),
                header.len()
            )));
        }
        rows.push((row, record));
    }
    Ok(Table { kind, index, rows })
}

fn not_csv(row: usize, e: csv::Error) -> CsvError {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => CsvError(format!(
            "row {row}: not CSV text (invalid UTF-8); is this the right file?"
        )),
        _ => CsvError(format!("row {row}: not valid CSV ({e})")),
    }
}

impl Table {
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The columns the file names: an import changes only those fields of stored rows.
    pub fn columns(&self) -> crate::store::Columns {
        crate::store::Columns::only(self.index.keys().map(String::as_str))
    }

    /// Runs `parse` on every row, stopping at the first refusal; refuses a row whose key
    /// repeats an earlier row's.
    fn each<T>(
        &self,
        key: impl Fn(&T) -> String,
        mut parse: impl FnMut(&Cells) -> Result<T, CsvError>,
    ) -> Result<Vec<(usize, T)>, CsvError> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for (row, record) in &self.rows {
            let cells = Cells {
                table: self,
                row: *row,
                record,
            };
            let item = parse(&cells)?;
            let k = key(&item);
            if let Some(first) = seen.insert(k.clone(), *row) {
                return Err(CsvError(format!(
                    "row {row}: duplicate of row {first} ({k})"
                )));
            }
            out.push((*row, item));
        }
        Ok(out)
    }
}

impl Cells<'_> {
    /// The cell's text, trimmed; empty when the column is absent.
    fn text(&self, column: &str) -> &str {
        self.table
            .index
            .get(column)
            .and_then(|i| self.record.get(*i))
            .map(str::trim)
            .unwrap_or("")
    }

    fn required(&self, column: &str) -> Result<&str, CsvError> {
        let t = self.text(column);
        if t.is_empty() {
            Err(at(self.row, column, "is empty but required"))
        } else {
            Ok(t)
        }
    }

    fn optional(&self, column: &str) -> Option<String> {
        let t = self.text(column);
        (!t.is_empty()).then(|| t.to_string())
    }

    fn parse<T: std::str::FromStr<Err = String>>(&self, column: &str) -> Result<T, CsvError> {
        self.required(column)?
            .parse()
            .map_err(|e| at(self.row, column, e))
    }

    fn number(&self, column: &str) -> Result<Option<f64>, CsvError> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(at(self.row, column, format!("'{t}' is not a number"))),
        }
    }

    fn period(&self, column: &str) -> Result<Option<Period>, CsvError> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        t.parse().map(Some).map_err(|_| {
            at(
                self.row,
                column,
                format!("'{t}' is not a period: write {PERIOD_FORMS}"),
            )
        })
    }

    fn year(&self, column: &str) -> Result<Option<FinYear>, CsvError> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        t.parse().map(Some).map_err(|_| {
            at(
                self.row,
                column,
                format!("'{t}' is not a financial year: write it like 2024/25"),
            )
        })
    }
}

pub fn read_plan(t: &Table) -> Result<Vec<(usize, PlanNode)>, CsvError> {
    t.each(
        |n: &PlanNode| format!("code {}", n.code),
        |c| {
            let from_year = c
                .year("from_year")?
                .ok_or_else(|| at(c.row, "from_year", "is empty but required"))?;
            let to_year = c.year("to_year")?;
            if to_year.is_some_and(|to| to < from_year) {
                return Err(at(
                    c.row,
                    "to_year",
                    format!(
                        "{} is before from_year {from_year}",
                        to_year.unwrap_or(from_year)
                    ),
                ));
            }
            Ok(PlanNode {
                code: c.required("code")?.to_string(),
                kind: c.parse("kind")?,
                parent: c.optional("parent"),
                title: c.required("title")?.to_string(),
                owner: c.text("owner").to_string(),
                portfolio: c.optional("portfolio"),
                service: c.optional("service"),
                from_year,
                to_year,
            })
        },
    )
}

pub fn read_indicators(t: &Table) -> Result<Vec<(usize, IndicatorRecord)>, CsvError> {
    t.each(
        |r: &IndicatorRecord| format!("code {}", r.indicator.code),
        |c| {
            let decimals = match c.text("decimals") {
                "" => 0,
                d => match d.parse::<u8>() {
                    Ok(n) if n <= 6 => n,
                    _ => {
                        return Err(at(
                            c.row,
                            "decimals",
                            format!("'{d}' is not a number of decimal places from 0 to 6"),
                        ));
                    }
                },
            };
            let rag_rule = match c.text("rag_rule") {
                "" => None,
                r => Some(r.parse::<RagRule>().map_err(|e| at(c.row, "rag_rule", e))?),
            };
            let plan: Vec<String> = c
                .text("plan")
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            Ok(IndicatorRecord {
                indicator: Indicator {
                    code: c.required("code")?.to_string(),
                    title: c.required("title")?.to_string(),
                    kind: c.parse("kind")?,
                    unit: c.text("unit").to_string(),
                    decimals,
                    polarity: c.parse("polarity")?,
                    frequency: c.parse("frequency")?,
                    aggregation: c.parse("aggregation")?,
                    owner: c.text("owner").to_string(),
                    rag_rule,
                },
                source: String::new(),
                benchmark_group: String::new(),
                plan,
                enterers: Vec::new(),
            })
        },
    )
}

pub fn read_targets(t: &Table) -> Result<Vec<(usize, String, TargetRow)>, CsvError> {
    let rows = t.each(
        |(code, r): &(String, TargetRow)| {
            format!(
                "code {code}, year {}, period {}",
                r.year,
                r.period
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "annual".into())
            )
        },
        |c| {
            let year = c
                .year("year")?
                .ok_or_else(|| at(c.row, "year", "is empty but required"))?;
            let target = c
                .number("target")?
                .ok_or_else(|| at(c.row, "target", "is empty but required"))?;
            Ok((
                c.required("code")?.to_string(),
                TargetRow {
                    year,
                    period: c.period("period")?,
                    target,
                    intervention: c.number("intervention")?,
                },
            ))
        },
    )?;
    Ok(rows
        .into_iter()
        .map(|(row, (code, t))| (row, code, t))
        .collect())
}

pub fn read_values(t: &Table) -> Result<Vec<(usize, ValueRow)>, CsvError> {
    t.each(
        |v: &ValueRow| format!("code {}, period {}", v.code, v.period),
        |c| {
            let period = c
                .period("period")?
                .ok_or_else(|| at(c.row, "period", "is empty but required"))?;
            let value = c.number("value")?;
            let numerator = c.number("numerator")?;
            let denominator = c.number("denominator")?;
            if value.is_none() && (numerator.is_none() || denominator.is_none()) {
                return Err(at(
                    c.row,
                    "value",
                    "is empty: give a value, or a numerator and denominator",
                ));
            }
            let quality = match c.text("quality") {
                "" => Quality::Final,
                q => q.parse::<Quality>().map_err(|e| at(c.row, "quality", e))?,
            };
            Ok(ValueRow {
                code: c.required("code")?.to_string(),
                period,
                value,
                numerator,
                denominator,
                quality,
                commentary: c.text("commentary").to_string(),
                action: c.text("action").to_string(),
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Result<Vec<(usize, ValueRow)>, CsvError> {
        read_values(&read_table(Kind::Values, text.as_bytes())?)
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
        let err = values("code,period,value\nA,2025-02,1\nB,2025-13,2\n").unwrap_err();
        assert!(
            err.0
                .starts_with("row 3, column period: '2025-13' is not a period"),
            "{}",
            err.0
        );
        let err = values("code,period,value\nA,2025-02,abc\n").unwrap_err();
        assert_eq!(err.0, "row 2, column value: 'abc' is not a number");
        // A blank line is still a row of the spreadsheet.
        let err = values("code,period,value\nA,2025-02,1\n\n\r\nB,2025-02,abc\n").unwrap_err();
        assert_eq!(err.0, "row 5, column value: 'abc' is not a number");
    }

    #[test]
    fn columns_are_checked() {
        assert_eq!(
            values("code,period,value,colour\n").unwrap_err().0,
            "row 1: unknown column 'colour' for values (the columns are code, period, value, numerator, denominator, quality, commentary, action)"
        );
        assert_eq!(
            values("code,value\n").unwrap_err().0,
            "row 1: the required column 'period' is missing"
        );
        assert_eq!(
            values("code,period,code\n").unwrap_err().0,
            "row 1: the column 'code' appears twice"
        );
        assert!(values("").unwrap_err().0.starts_with("the file is empty"));
    }

    #[test]
    fn duplicates_and_ragged_rows_are_refused() {
        let err = values("code,period,value\nA,2025-02,1\nB,2025-02,2\nA,2025-02,3\n").unwrap_err();
        assert_eq!(err.0, "row 4: duplicate of row 2 (code A, period 2025-02)");
        let err = values("code,period,value\nA,2025-02,1,9\n").unwrap_err();
        assert_eq!(err.0, "row 2: 4 fields where the header has 3");
    }

    #[test]
    fn optional_columns_may_be_absent_and_order_is_free() {
        let rows = values("period,value,code\n2024/25 Q4,12.5,X\n").unwrap();
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.code, "X");
        assert_eq!(rows[0].1.value, Some(12.5));
        assert_eq!(rows[0].1.quality, Quality::Final);
    }

    #[test]
    fn binary_files_are_not_csv() {
        let err = read_table(Kind::Values, &b"\x89PNG\r\n\x1a\n\xff\xfe\x00"[..])
            .err()
            .unwrap();
        assert!(err.0.contains("not CSV text"), "{}", err.0);
    }
}
