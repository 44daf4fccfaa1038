//! The published report as an Excel workbook a performance officer can sort and filter: a
//! Summary sheet, then one sheet each of indicators, actions, projects, risks and budgets (and for a
//! year with chosen case studies, a "Case studies" sheet telling them), every
//! row with its status as a word in a cell filled with the status's colour (never colour
//! alone), figures as numbers, periods and dates as text, a bold header row frozen and an
//! auto-filter over the data.
//!
//! The figures come from the same gathering as the HTML page (`report_html::with_page`),
//! so the two agree. Every text is written as a string cell, never a formula: a title that
//! starts with '=' reads back as that text. No clock is read: the workbook's creation date
//! is the sign-off's day, or else the period's last day, so a signed-off period's workbook
//! is the same bytes however often it is made.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, Color, DocProperties, ExcelDateTime, Format, RowNum, Workbook, Worksheet, XlsxError,
};

use super::delivery::{ActionRow, ProjectRow, RiskRow};
use super::narrative::Said;
use super::report_html::{Extras, Page, Scope, as_at, delivery_counts, heading, with_page};
use super::report_html_parts::{delivery_parts, latest_text, rag_parts, text, words};
use super::report_judged::Judged;
use super::rollup::RollupIndicator;
use crate::domain::assess::Context;
use crate::domain::delivery::DeliveryRag;
use crate::domain::number::shown;
use crate::domain::period::Period;
use crate::domain::plan::NodeKind;
use crate::domain::rag::Rag;
use crate::domain::rollup::Thread;
use crate::store::{CaseStudyRecord, Dataset};

/// The longest text a cell holds (Excel's limit); a longer one is cut, not refused.
const CELL_CHARS: usize = 32_767;

/// The council's report for `period` as an .xlsx workbook; a year's tells the chosen ones
/// of `case_studies` (`report::told_case_studies`).
pub fn xlsx(
    ds: &Dataset,
    period: Period,
    ctx: Context,
    case_studies: &[CaseStudyRecord],
) -> Result<Vec<u8>, XlsxError> {
    xlsx_of(&Judged::of(ds, period, ctx), case_studies)
}

/// The workbook, from the council as judged for its period.
pub fn xlsx_of(judged: &Judged, case_studies: &[CaseStudyRecord]) -> Result<Vec<u8>, XlsxError> {
    let extras = Extras {
        benchmarks: &[],
        escalated: &[],
        requests: &[],
        case_studies,
    };
    with_page(judged, &Scope::Council, &extras, |page| {
        workbook(page, judged)
    })
}

/// The day the workbook says it was made: the sign-off's, else the period's last day.
fn made_on(page: &Page) -> NaiveDate {
    page.ds
        .signoffs
        .of(&page.period.to_string())
        .and_then(|s| crate::stamp::local_day(&s.signed_at))
        .unwrap_or_else(|| page.period.last_month().last_day())
}

fn workbook(page: &Page, judged: &Judged) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // Deflate at level 2 rather than 6: a council's workbook (some 7,000 indicators) made
    // in three quarters of the time, for a file a fifth larger (1.0 MB, not 0.8).
    book.set_zip_compression_level(2);
    let day = made_on(page);
    let created = ExcelDateTime::from_ymd(
        u16::try_from(day.year()).unwrap_or(1900),
        day.month() as u8,
        day.day() as u8,
    )?;
    let props = DocProperties::new()
        .set_title(heading(page.ds, page.period, page.scope))
        .set_author("pmdb")
        .set_creation_datetime(&created);
    book.set_properties(&props);
    let styles = Styles::new();
    summary(book.add_worksheet().set_name("Summary")?, page, &styles)?;
    indicators(book.add_worksheet().set_name("Indicators")?, page, &styles)?;
    let thread = page.ds.thread();
    // Every action and project, as judged once for all the period's reports.
    let sheet = book.add_worksheet().set_name("Actions")?;
    action_sheet(sheet, page.ds, &thread, &judged.actions, &styles)?;
    let sheet = book.add_worksheet().set_name("Projects")?;
    project_sheet(sheet, page.ds, &thread, &judged.projects, &styles)?;
    let sheet = book.add_worksheet().set_name("Risks")?;
    risk_sheet(sheet, &thread, page, &styles)?;
    let sheet = book.add_worksheet().set_name("Budgets")?;
    budget_sheet(sheet, page, &thread, &styles)?;
    // Only a year's report tells case studies, and only when some were chosen: a quarter's
    // workbook is as it was.
    if !page.case_studies.is_empty() {
        let sheet = book.add_worksheet().set_name("Case studies")?;
        case_study_sheet(sheet, page, &styles)?;
    }
    book.save_to_buffer()
}

/// The formats every sheet shares, made once.
struct Styles {
    bold: Format,
    header: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xF2F2F2)),
        }
    }
}

/// A status cell's fill and font: the colours of the HTML report's marks, pale enough that
/// the word in the cell reads in black.
fn fill(class: &str) -> Format {
    let rgb = match class {
        "green" => 0xC6EFCE,
        "amber" => 0xFFEB9C,
        "red" => 0xFFC7CE,
        "missing" => 0xD9D9D9,
        "completed" => 0xBDD7EE,
        _ => 0xFFFFFF,
    };
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(rgb))
}

fn rag_cell(ws: &mut Worksheet, row: RowNum, col: ColNum, rag: Rag) -> Result<(), XlsxError> {
    let (word, _, class) = rag_parts(rag);
    ws.write_string_with_format(row, col, word, &fill(class))?;
    Ok(())
}

fn delivery_cell(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    rag: DeliveryRag,
) -> Result<(), XlsxError> {
    let (word, _, class) = delivery_parts(rag);
    ws.write_string_with_format(row, col, word, &fill(class))?;
    Ok(())
}

/// A text cell: always a string (never a formula), control characters made visible, cut
/// at Excel's limit. An empty text leaves the cell empty.
fn put_text(ws: &mut Worksheet, row: RowNum, col: ColNum, s: &str) -> Result<(), XlsxError> {
    if s.is_empty() {
        return Ok(());
    }
    let s = text(s);
    let s: String = s.chars().take(CELL_CHARS).collect();
    ws.write_string(row, col, s)?;
    Ok(())
}

/// A figure as shown in the report (rounded at `decimals` places, half away from zero),
/// as a number with that many places as its format; none leaves the cell empty.
fn put_figure(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    x: Option<f64>,
    decimals: u8,
) -> Result<(), XlsxError> {
    let Some(x) = x else { return Ok(()) };
    // The figure as printed and read back, without printing it (`number::shown`).
    let shown = shown(x, decimals);
    let places = "0".repeat(usize::from(decimals));
    let format = if places.is_empty() {
        Format::new().set_num_format("0")
    } else {
        Format::new().set_num_format(format!("0.{places}"))
    };
    ws.write_number_with_format(row, col, shown, &format)?;
    Ok(())
}

/// The header row, bold and frozen, the columns' widths, and an auto-filter over the rows
/// written beneath it.
fn frame(
    ws: &mut Worksheet,
    columns: &[(&str, f64)],
    rows: usize,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (c, (name, width)) in columns.iter().enumerate() {
        let c = c as ColNum;
        ws.write_string_with_format(0, c, *name, &styles.header)?;
        ws.set_column_width(c, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = columns.len().saturating_sub(1) as ColNum;
    ws.autofilter(0, 0, rows as RowNum, last_col)?;
    Ok(())
}

fn summary(ws: &mut Worksheet, page: &Page, styles: &Styles) -> Result<(), XlsxError> {
    ws.write_string_with_format(
        0,
        0,
        heading(page.ds, page.period, page.scope),
        &styles.bold,
    )?;
    ws.write_string(1, 0, format!("Period: {}", page.period))?;
    ws.write_string(2, 0, as_at(page))?;
    let mut row: RowNum = 3;
    if let Some(s) =
        super::signoff::record_naming(&page.ds.signoffs, page.period, |l| page.ds.person_named(l))
    {
        put_text(ws, row, 0, &format!("Sign-off: {s}."))?;
        row += 1;
    }
    ws.set_column_width(0, 40)?;
    for c in 1..=7 {
        ws.set_column_width(c, 12)?;
    }
    row = super::report_register::xlsx_highlights(
        ws,
        row,
        page,
        &super::highlights::of_page(page),
        &styles.bold,
    )?;

    row += 1;
    ws.write_string_with_format(row, 0, "Indicators by priority", &styles.bold)?;
    row += 1;
    ws.write_string_with_format(row, 0, "Priority", &styles.header)?;
    let rags = [Rag::Green, Rag::Amber, Rag::Red, Rag::Missing, Rag::None];
    for (c, rag) in rags.iter().enumerate() {
        rag_cell(ws, row, c as ColNum + 1, *rag)?;
    }
    ws.write_string_with_format(row, rags.len() as ColNum + 1, "Total", &styles.header)?;
    for p in &page.priorities {
        row += 1;
        put_text(ws, row, 0, &p.title)?;
        for (c, (_, n)) in p.counts.parts().iter().enumerate() {
            ws.write_number(row, c as ColNum + 1, *n as f64)?;
        }
        ws.write_number(row, rags.len() as ColNum + 1, p.counts.total() as f64)?;
    }

    row += 2;
    ws.write_string_with_format(row, 0, "Actions and projects by priority", &styles.bold)?;
    row += 1;
    ws.write_string_with_format(row, 0, "Priority", &styles.header)?;
    let heads = delivery_counts_heads();
    for (c, rag) in heads.iter().enumerate() {
        delivery_cell(ws, row, c as ColNum + 1, *rag)?;
    }
    ws.write_string_with_format(row, heads.len() as ColNum + 1, "Total", &styles.header)?;
    for p in &page.priorities {
        row += 1;
        put_text(ws, row, 0, &p.title)?;
        let counts = delivery_counts(p);
        for (c, (_, n)) in counts.iter().enumerate() {
            ws.write_number(row, c as ColNum + 1, *n as f64)?;
        }
        let total: usize = counts.iter().map(|c| c.1).sum();
        ws.write_number(row, heads.len() as ColNum + 1, total as f64)?;
    }

    row += 2;
    ws.write_string_with_format(row, 0, "Status key", &styles.bold)?;
    let key = [
        "Green: the target is met.",
        "Amber: the target is missed, within tolerance.",
        "Red: the target is missed beyond the intervention level or tolerance.",
        "Missing: no figure (or update) by the deadline.",
        "No status: data only, no target, or not yet due.",
        "Completed: an action or project that is finished.",
        "Figures are rounded as shown, half away from zero, and judged as shown.",
    ];
    for line in key {
        row += 1;
        ws.write_string(row, 0, line)?;
    }
    row += 1;
    ws.write_string(row, 0, super::rollup::quality_key_sentence())?;
    Ok(())
}

fn delivery_counts_heads() -> [DeliveryRag; 6] {
    [
        DeliveryRag::Green,
        DeliveryRag::Amber,
        DeliveryRag::Red,
        DeliveryRag::Completed,
        DeliveryRag::Missing,
        DeliveryRag::None,
    ]
}

const INDICATOR_COLUMNS: [(&str, f64); 16] = [
    ("Priority", 30.0),
    ("Code", 10.0),
    ("Indicator", 45.0),
    ("Period", 12.0),
    ("Value", 10.0),
    ("Unit", 8.0),
    ("Target", 10.0),
    ("Intervention", 12.0),
    ("Status", 11.0),
    ("Rule", 40.0),
    ("Direction", 11.0),
    ("Year to date", 12.0),
    ("Latest available", 14.0),
    ("Commentary", 50.0),
    ("Remedial action", 50.0),
    // p provisional, e estimated, blank final: the summary sheet's key says so.
    ("Quality", 9.0),
];

fn indicators(ws: &mut Worksheet, page: &Page, styles: &Styles) -> Result<(), XlsxError> {
    let mut row: RowNum = 0;
    for p in &page.priorities {
        for i in &p.indicators {
            row += 1;
            indicator_row(ws, row, page, &p.title, i)?;
        }
    }
    frame(ws, &INDICATOR_COLUMNS, row as usize, styles)
}

fn indicator_row(
    ws: &mut Worksheet,
    row: RowNum,
    page: &Page,
    priority: &str,
    i: &RollupIndicator,
) -> Result<(), XlsxError> {
    let dp = i.decimals;
    put_text(ws, row, 0, priority)?;
    put_text(ws, row, 1, &i.code)?;
    put_text(ws, row, 2, &i.title)?;
    ws.write_string(row, 3, page.period.to_string())?;
    put_figure(ws, row, 4, i.value, dp)?;
    put_text(ws, row, 5, &i.unit)?;
    put_figure(ws, row, 6, i.target, dp)?;
    put_figure(ws, row, 7, i.intervention, dp)?;
    rag_cell(ws, row, 8, i.rag)?;
    put_text(ws, row, 9, &i.rule.to_string())?;
    put_text(ws, row, 10, i.direction.map_or("", |d| d.as_str()))?;
    put_figure(ws, row, 11, i.ytd, dp)?;
    let latest = i.latest_period.map(|p| p.to_string()).unwrap_or_default();
    put_text(ws, row, 12, &latest)?;
    let commentary = latest_text(page, i, Said::Commentary);
    put_text(ws, row, 13, &commentary)?;
    // The remedial action is shown where the target was missed, as on the HTML page.
    if matches!(i.rag, Rag::Amber | Rag::Red) {
        put_text(ws, row, 14, &latest_text(page, i, Said::Action))?;
    }
    put_text(ws, row, 15, i.quality_mark().unwrap_or(""))?;
    Ok(())
}

/// The titles of the priorities a subject serves through the plan nodes it is linked to,
/// in plan order, joined by "; ".
fn priorities_of(thread: &Thread, plan: &[&str]) -> String {
    let mut seen = BTreeSet::new();
    let mut out: Vec<&str> = vec![];
    for node in plan {
        for n in thread.ancestry(node) {
            if n.kind == NodeKind::Priority && seen.insert(n.code.as_str()) {
                out.push(n.title.as_str());
            }
        }
    }
    out.join("; ")
}

const ACTION_COLUMNS: [(&str, f64); 12] = [
    ("Priority", 30.0),
    ("Code", 10.0),
    ("Action", 45.0),
    ("Kind", 12.0),
    ("Owner", 20.0),
    ("Status", 11.0),
    ("Update", 14.0),
    ("Progress %", 11.0),
    ("Due", 12.0),
    ("Forecast", 12.0),
    ("Rule", 40.0),
    ("Commentary", 50.0),
];

fn action_sheet(
    ws: &mut Worksheet,
    ds: &Dataset,
    thread: &Thread,
    rows: &[ActionRow],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (n, a) in rows.iter().enumerate() {
        let row = n as RowNum + 1;
        let j = &a.judgement;
        put_text(ws, row, 0, &priorities_of(thread, &a.plan))?;
        put_text(ws, row, 1, &a.record.code)?;
        put_text(ws, row, 2, &a.record.title)?;
        put_text(ws, row, 3, &words(&a.record.kind))?;
        put_text(ws, row, 4, &ds.person_named(&a.record.owner))?;
        delivery_cell(ws, row, 5, j.rag)?;
        put_text(ws, row, 6, &words(j.status.as_str()))?;
        if let Some(p) = j.latest.as_ref().and_then(|u| u.progress) {
            ws.write_number(row, 7, f64::from(p))?;
        }
        put_text(ws, row, 8, &a.record.due)?;
        let forecast = j.latest.as_ref().and_then(|u| u.forecast);
        put_text(
            ws,
            row,
            9,
            &forecast.map(|d| d.to_string()).unwrap_or_default(),
        )?;
        put_text(ws, row, 10, &j.rule.to_string())?;
        put_text(
            ws,
            row,
            11,
            j.latest.as_ref().map_or("", |u| u.commentary.as_str()),
        )?;
    }
    frame(ws, &ACTION_COLUMNS, rows.len(), styles)
}

const PROJECT_COLUMNS: [(&str, f64); 13] = [
    ("Priority", 30.0),
    ("Code", 10.0),
    ("Project", 45.0),
    ("Owner", 20.0),
    ("Status", 11.0),
    ("Update", 14.0),
    ("Start", 12.0),
    ("Finish", 12.0),
    ("Budget", 14.0),
    ("Spent", 14.0),
    ("Late milestones", 30.0),
    ("Rule", 40.0),
    ("Commentary", 50.0),
];

fn project_sheet(
    ws: &mut Worksheet,
    ds: &Dataset,
    thread: &Thread,
    rows: &[ProjectRow],
    styles: &Styles,
) -> Result<(), XlsxError> {
    let money = Format::new().set_num_format("#,##0.00");
    for (n, p) in rows.iter().enumerate() {
        let row = n as RowNum + 1;
        let j = &p.judgement;
        put_text(ws, row, 0, &priorities_of(thread, &p.plan))?;
        put_text(ws, row, 1, &p.record.code)?;
        put_text(ws, row, 2, &p.record.title)?;
        put_text(ws, row, 3, &ds.person_named(&p.record.owner))?;
        delivery_cell(ws, row, 4, j.rag)?;
        put_text(ws, row, 5, &words(j.status.as_str()))?;
        put_text(ws, row, 6, p.record.start.as_deref().unwrap_or(""))?;
        put_text(ws, row, 7, p.record.finish.as_deref().unwrap_or(""))?;
        if let Some(b) = p.record.budget {
            ws.write_number_with_format(row, 8, b, &money)?;
        }
        if let Some(s) = j.latest.as_ref().and_then(|u| u.spent) {
            ws.write_number_with_format(row, 9, s, &money)?;
        }
        put_text(ws, row, 10, &j.late.join("; "))?;
        put_text(ws, row, 11, &j.rule.to_string())?;
        put_text(
            ws,
            row,
            12,
            j.latest.as_ref().map_or("", |u| u.commentary.as_str()),
        )?;
    }
    frame(ws, &PROJECT_COLUMNS, rows.len(), styles)
}

const RISK_COLUMNS: [(&str, f64); 16] = [
    ("Priority", 30.0),
    ("Code", 10.0),
    ("Risk", 45.0),
    ("Category", 14.0),
    ("Owner", 20.0),
    ("Open", 8.0),
    ("Status", 11.0),
    ("Likelihood", 11.0),
    ("Impact", 9.0),
    ("Score", 8.0),
    ("Target score", 12.0),
    ("Above target", 12.0),
    ("Direction", 11.0),
    ("Last review", 12.0),
    ("Review due", 12.0),
    ("Rule", 40.0),
];

/// The register, the risks then the opportunities; a project's own risk under its
/// project's priorities.
fn risk_sheet(
    ws: &mut Worksheet,
    thread: &Thread,
    page: &Page,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let ds = page.ds;
    let rows: &[&RiskRow] = &page.risks;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    for (n, r) in rows.iter().enumerate() {
        let row = n as RowNum + 1;
        let j = &r.judgement;
        let nodes = page.ds.delivery.risk_nodes(r);
        put_text(ws, row, 0, &priorities_of(thread, &nodes))?;
        put_text(ws, row, 1, &r.record.code)?;
        put_text(ws, row, 2, &r.record.title)?;
        put_text(ws, row, 3, &r.record.category)?;
        put_text(ws, row, 4, &ds.person_named(&r.record.owner))?;
        put_text(ws, row, 5, if j.open { "open" } else { "closed" })?;
        delivery_cell(ws, row, 6, j.rag)?;
        ws.write_number(row, 7, f64::from(j.likelihood))?;
        ws.write_number(row, 8, f64::from(j.impact))?;
        ws.write_number(row, 9, f64::from(j.score))?;
        ws.write_number(row, 10, r.record.target_score as f64)?;
        put_text(ws, row, 11, yes_no(j.above_target))?;
        put_text(ws, row, 12, j.direction.map_or("", |d| d.as_str()))?;
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        put_text(ws, row, 13, &day(j.last_review))?;
        let due = day(j.review_due);
        let due = if j.review_overdue && !due.is_empty() {
            format!("{due} (overdue)")
        } else {
            due
        };
        put_text(ws, row, 14, &due)?;
        put_text(ws, row, 15, &j.rule.to_string())?;
    }
    frame(ws, &RISK_COLUMNS, rows.len(), styles)
}

const CASE_STUDY_COLUMNS: [(&str, f64); 6] = [
    ("Code", 9.0),
    ("Title", 40.0),
    ("Year", 9.0),
    ("Plan node", 40.0),
    ("Service", 9.0),
    ("Story", 80.0),
];

/// The year's chosen case studies, one a row, as the HTML page tells them.
fn case_study_sheet(ws: &mut Worksheet, page: &Page, styles: &Styles) -> Result<(), XlsxError> {
    for (n, c) in page.case_studies.iter().enumerate() {
        let row = n as RowNum + 1;
        let node = c
            .node
            .as_deref()
            .and_then(|n| page.ds.node(n))
            .map(|n| format!("{} {}", n.code, n.title))
            .unwrap_or_default();
        put_text(ws, row, 0, &c.code)?;
        put_text(ws, row, 1, &c.title)?;
        put_text(ws, row, 2, &page.period.to_string())?;
        put_text(ws, row, 3, &node)?;
        put_text(ws, row, 4, c.service.as_deref().unwrap_or(""))?;
        put_text(ws, row, 5, &c.story)?;
    }
    frame(ws, &CASE_STUDY_COLUMNS, page.case_studies.len(), styles)
}

const BUDGET_COLUMNS: [(&str, f64); 12] = [
    ("Priority", 30.0),
    ("Service", 9.0),
    ("Name", 30.0),
    ("Budget to date", 15.0),
    ("Actual", 15.0),
    ("Variance", 15.0),
    ("Variance %", 11.0),
    ("Annual budget", 15.0),
    ("Forecast outturn", 15.0),
    ("Forecast variance", 15.0),
    ("Forecast", 12.0),
    ("Note", 50.0),
];

/// Each service's finance for the period, one a row (the priorities its plan nodes serve
/// first): pounds as numbers in a £ format, the variance's per cent as a per cent, and
/// the forecast's overspend or underspend in words.
fn budget_sheet(
    ws: &mut Worksheet,
    page: &Page,
    thread: &Thread,
    styles: &Styles,
) -> Result<(), XlsxError> {
    use crate::domain::budget::{json_pct, json_pounds, over_or_under};
    let money = Format::new().set_num_format("£#,##0.00;-£#,##0.00");
    let pct = Format::new().set_num_format("0.0%");
    let mut nodes_of: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for n in &page.ds.nodes {
        if let Some(s) = n.service.as_deref() {
            nodes_of.entry(s).or_default().push(n.code.as_str());
        }
    }
    let rows = &page.finance.rows;
    for (n, r) in rows.iter().enumerate() {
        let row = n as RowNum + 1;
        let f = &r.finance;
        let plan = nodes_of
            .get(r.service.as_str())
            .map_or(&[][..], Vec::as_slice);
        put_text(ws, row, 0, &priorities_of(thread, plan))?;
        put_text(ws, row, 1, &r.service)?;
        put_text(ws, row, 2, &r.name)?;
        let mut pounds = |col: ColNum, x: Option<rust_decimal::Decimal>| match x {
            Some(x) => ws
                .write_number_with_format(row, col, json_pounds(x), &money)
                .map(|_| ()),
            None => Ok(()),
        };
        pounds(3, Some(f.budget))?;
        pounds(4, f.actual)?;
        pounds(5, f.variance)?;
        pounds(7, Some(f.annual_budget))?;
        pounds(8, Some(f.forecast_outturn))?;
        pounds(9, Some(f.forecast_variance))?;
        if let Some(p) = f.variance_pct {
            ws.write_number_with_format(row, 6, json_pct(p) / 100.0, &pct)?;
        }
        put_text(ws, row, 10, over_or_under(f.forecast_variance))?;
        put_text(
            ws,
            row,
            11,
            &super::budgets::missing_note(f).unwrap_or_default(),
        )?;
    }
    frame(ws, &BUDGET_COLUMNS, rows.len(), styles)
}
