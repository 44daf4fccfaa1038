//! The typed reader of each kind: a file's rows as the store's rows, every problem in
//! every row gathered.

use super::CsvError;
use super::cells::code_problem;
use super::problems::{bounded, shown};
use super::read::Table;
use crate::domain::bounds::Bound;
use crate::domain::indicator::Indicator;
use crate::domain::period::Month;
use crate::domain::plan::PlanNode;
use crate::domain::rag::RagRule;
use crate::domain::target::TargetRow;
use crate::store::{IndicatorRecord, Quality, ValueRow};

pub fn read_plan(t: &Table) -> Result<Vec<(usize, PlanNode)>, CsvError> {
    t.each(
        |n: &PlanNode| format!("code {}", n.code),
        |c| {
            let code = c.code("code");
            let kind = c.parse("kind");
            let parent = c.optional_code("parent");
            let title = c.required("title").map(|_| c.prose("title", false));
            let owner = c.words("owner", false);
            let portfolio = c.optional("portfolio");
            let service = c.optional("service");
            let from_year = c.required_year("from_year");
            let to_year = c.year("to_year");
            if let (Some(from), Ok(Some(to))) = (from_year, to_year)
                && to < from
            {
                c.problem("to_year", format!("{to} is before from_year {from}"));
            }
            Some(PlanNode {
                code: code?,
                kind: kind?,
                parent: parent.ok()?,
                title: title?,
                owner,
                portfolio,
                service,
                from_year: from_year?,
                to_year: to_year.ok()?,
            })
        },
    )
}

pub fn read_indicators(t: &Table) -> Result<Vec<(usize, IndicatorRecord)>, CsvError> {
    t.each(
        |r: &IndicatorRecord| format!("code {}", r.indicator.code),
        |c| {
            let code = c.code("code");
            let title = c.required("title").map(|_| c.prose("title", false));
            let kind = c.parse("kind");
            let unit = c.prose("unit", false);
            let decimals = match c.text("decimals") {
                "" => Some(0),
                d => match d.parse::<u8>() {
                    Ok(n) if n <= 6 => Some(n),
                    _ => {
                        c.problem(
                            "decimals",
                            format!(
                                "'{}' is not a number of decimal places from 0 to 6",
                                shown(d)
                            ),
                        );
                        None
                    }
                },
            };
            let polarity = c.parse("polarity");
            let frequency = c.parse("frequency");
            let aggregation = c.parse("aggregation");
            let owner = c.words("owner", false);
            let rag_rule = match c.text("rag_rule") {
                "" => Ok(None),
                r => r
                    .parse::<RagRule>()
                    .map(Some)
                    .map_err(|e| c.problem("rag_rule", bounded(&e.to_string(), r))),
            };
            let bound = |column: &str| {
                Bound::parse(c.text(column))
                    .map_err(|e| c.problem(column, bounded(&e.to_string(), c.text(column))))
            };
            let (min, max) = (bound("min"), bound("max"));
            let collect_from = match c.text("collect_from") {
                "" => Ok(None),
                m => Month::parse_written(m)
                    .map(Some)
                    .map_err(|why| c.problem("collect_from", why)),
            };
            let cumulative = c.yes_no("cumulative");
            // Two years is as late as any council's published return arrives.
            let lag = c.whole("lag", 0, 24, false).map(|n| n.unwrap_or(0) as u8);
            let mut plan = Vec::new();
            for node in c.text("plan").split(';').map(str::trim) {
                if node.is_empty() {
                    continue;
                }
                match code_problem(node) {
                    Some(p) => c.problem("plan", p),
                    None => plan.push(node.to_string()),
                }
            }
            Some(IndicatorRecord {
                indicator: Indicator {
                    code: code?,
                    title: title?,
                    kind: kind?,
                    unit,
                    decimals: decimals?,
                    polarity: polarity?,
                    frequency: frequency?,
                    aggregation: aggregation?,
                    owner,
                    rag_rule: rag_rule.ok()?,
                    min: min.ok()?,
                    max: max.ok()?,
                    cumulative: cumulative.ok()?,
                    lag: lag.ok()?,
                },
                definition: c.prose("definition", true),
                source: c.words("source", false),
                benchmark_group: c.words("benchmark_group", false),
                plan,
                enterers: Vec::new(),
                collect_from: collect_from.ok()?,
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
            let code = c.code("code");
            let year = c.required_year("year");
            let period = c.period("period");
            let target = c.required_number("target");
            let intervention = c.number("intervention");
            Some((
                code?,
                TargetRow {
                    year: year?,
                    period: period.ok()?,
                    target: target?,
                    intervention: intervention.ok()?,
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
            let code = c.code("code");
            let period = c.period("period");
            if matches!(period, Ok(None)) {
                c.problem("period", "is empty but required");
            }
            let value = c.value("value");
            let numerator = c.number("numerator");
            let denominator = c.number("denominator");
            // A file without a value column keeps the stored figures (its words are for
            // them); the store refuses a row with none stored.
            if c.has_column("value")
                && c.is_empty("value")
                && (c.is_empty("numerator") || c.is_empty("denominator"))
            {
                c.problem(
                    "value",
                    "is empty: give a value, or a numerator and denominator",
                );
            }
            let quality = match c.text("quality") {
                "" => Some(Quality::Final),
                q => q
                    .parse::<Quality>()
                    .map_err(|e| c.problem("quality", bounded(&e.to_string(), q)))
                    .ok(),
            };
            let commentary = c.prose("commentary", true);
            let action = c.prose("action", true);
            Some(ValueRow {
                code: code?,
                period: period.ok()??,
                value: value.ok()?.map(|v| v.value),
                percent_sign: value.ok()?.is_some_and(|v| v.percent_sign),
                numerator: numerator.ok()?,
                denominator: denominator.ok()?,
                quality: quality?,
                commentary,
                action,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csvio::{Kind, NUMBER_FORM, read_table};

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
        assert_eq!(
            err.0,
            format!("row 2, column value: 'abc' is not a number: {NUMBER_FORM}")
        );
        // A blank line is still a row of the spreadsheet.
        let err = values("code,period,value\nA,2025-02,1\n\n\r\nB,2025-02,abc\n").unwrap_err();
        assert_eq!(
            err.0,
            format!("row 5, column value: 'abc' is not a number: {NUMBER_FORM}")
        );
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

    #[test]
    fn every_bad_row_is_listed_at_once() {
        let text = "code,period,value\nA,2025-02,x1\nB,2025-13,2\nC,2025-02,\nD,2025-02,12 pct\n,2025-02,£5\nE,2025-03,4\n";
        let err = values(text).unwrap_err().0;
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines[0], "6 problems; nothing was imported:");
        assert!(lines[1].starts_with("row 2, column value: 'x1' is not a number"));
        assert!(lines[2].starts_with("row 3, column period: '2025-13' is not a period"));
        assert_eq!(
            lines[3],
            "row 4, column value: is empty: give a value, or a numerator and denominator"
        );
        // (`12%` is a number with its sign: whether the measure takes it is the store's
        // question, judged against its unit; tests/spreadsheet_habits.rs.)
        assert!(lines[4].starts_with("row 5, column value: '12 pct' is not a number: write"));
        // Two problems in one row, in the order of the columns.
        assert_eq!(lines[5], "row 6, column code: is empty but required");
        assert!(lines[6].starts_with("row 6, column value: '£5' is not a number"));
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn a_quote_never_closed_names_its_row_and_swallows_nothing() {
        let err = values(
            "code,period,value,commentary\nA,2025-02,1,fine\nB,2025-03,2,\"none\nC,2025-04,3,x\n",
        )
        .unwrap_err();
        assert_eq!(
            err.0,
            "row 3: a quoted cell opens here and is never closed (a \" is missing), so the rest of the file would be inside it"
        );
    }

    #[test]
    fn headers_match_whatever_their_case_and_spaces() {
        let rows = values(" Code ,PERIOD,Value\nX,2025-02,\"1,234.5\"\n").unwrap();
        assert_eq!(
            (rows[0].1.code.as_str(), rows[0].1.value),
            ("X", Some(1234.5))
        );
    }

    #[test]
    fn a_huge_cell_gives_a_short_printable_message() {
        let cell = format!("\u{1b}[2J\0{}", "9".repeat(10_000_000));
        let err = values(&format!("code,period,value\nX,2025-02,{cell}\n")).unwrap_err();
        assert!(err.0.len() < 400, "{}", err.0.len());
        assert!(
            !err.0.contains('\u{1b}') && !err.0.contains('\0'),
            "{}",
            err.0
        );
        assert!(
            err.0.starts_with("row 2, column value: '\\u{1b}[2J\\0999"),
            "{}",
            err.0
        );
        // The same in a column the store would otherwise have quoted whole.
        let err = values(&format!("code,period,value\n{cell},2025-02,1\n")).unwrap_err();
        assert!(err.0.len() < 400 && !err.0.contains('\0'), "{}", err.0);
    }

    #[test]
    fn the_spreadsheet_prefix_is_removed_from_text_but_not_from_numbers() {
        let rows = values(
            "code,period,value,commentary\nX,2025-02,-3,'=HYPERLINK(\"x\")\nY,2025-02,1,''tis\n",
        )
        .unwrap();
        assert_eq!(rows[0].1.value, Some(-3.0));
        assert_eq!(rows[0].1.commentary, "=HYPERLINK(\"x\")");
        assert_eq!(rows[1].1.commentary, "'tis");
        let err = values("code,period,value\nX,2025-02,'5\n").unwrap_err();
        assert!(
            err.0
                .starts_with("row 2, column value: ''5' is not a number"),
            "{}",
            err.0
        );
    }

    #[test]
    fn codes_and_texts_are_checked() {
        let long = "C".repeat(41);
        let err = values(&format!(
            "code,period,value,commentary\n{long},2025-02,1,\nX Y,2025-02,1,\nZ,2025-02,1,\"a\u{7}b\"\n"
        ))
        .unwrap_err()
        .0;
        assert!(err.contains("row 2, column code: '"), "{err}");
        assert!(err.contains("the code is 41 characters long"), "{err}");
        assert!(
            err.contains("row 3, column code: 'X Y' is not a code"),
            "{err}"
        );
        assert!(
            err.contains("row 4, column commentary: 'a\\u{7}b' is not accepted: the text holds the control character U+0007"),
            "{err}"
        );
        // Line breaks and tabs are allowed in a commentary.
        assert!(values("code,period,value,commentary\nZ,2025-02,1,\"a\n\tb\"\n").is_ok());
    }

    #[test]
    fn a_row_of_empty_cells_is_a_blank_line() {
        let rows = values("code,period,value\n,,\nX,2025-02,1\n").unwrap();
        assert_eq!(rows[0].0, 3);
    }
}
