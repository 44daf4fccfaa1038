//! What the Markdown and CSV reports carry beside the indicators, as the HTML page and the
//! workbook do: a quarter's highlights (`highlights.rs`, the one rule), the actions and
//! projects of each priority, the risk register (opportunities apart) and the EIAs, with
//! the same selection and scoping as the HTML page, since they are read from its own
//! gathering (`report_html::with_page`).

use std::fmt::Write;

use super::delivery::RiskRow;
use super::highlights::{Highlight, Highlights, Subject};
use super::markdown_text::md;
use super::report_html::{Extras, Page, with_page};
use super::report_html_register::{above_target, person, serves};
use super::report_judged::Judged;
use super::scope::Scope;
use crate::domain::delivery::DeliveryRag;
use crate::domain::period::Period;
use crate::store::CaseStudyRecord;

/// The CSV report's groups for the rows that are not indicators.
pub const HIGHLIGHT_GROUP: &str = "highlight";
pub const ACTION_GROUP: &str = "action";
pub const PROJECT_GROUP: &str = "project";
pub const RISK_GROUP: &str = "risk";
pub const OPPORTUNITY_GROUP: &str = "opportunity";
pub const EIA_GROUP: &str = "eia";

/// Runs `make` on the page a report of `period` in `scope` gathers, with its highlights:
/// the figures the Markdown and CSV write beside their indicators.
pub(super) fn with_register<R>(
    judged: &Judged,
    scope: &Scope,
    make: impl FnOnce(&Page, &Highlights) -> R,
) -> R {
    let none: [CaseStudyRecord; 0] = [];
    let extras = Extras {
        benchmarks: &[],
        escalated: &[],
        requests: &[],
        case_studies: &none,
    };
    with_page(judged, scope, &extras, |page| {
        make(page, &super::highlights::of_page(page))
    })
}

/// The Markdown's highlights, after its title: what went well and the reds, each named.
pub(super) fn markdown_highlights(out: &mut String, period: Period, h: &Highlights) {
    if h.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Highlights\n");
    let list = |out: &mut String, items: &[Highlight], none: &str| {
        if items.is_empty() {
            let _ = writeln!(out, "{none}\n");
            return;
        }
        for i in items {
            let _ = writeln!(out, "- {}", md(&highlight_line(i)));
        }
        out.push('\n');
    };
    let _ = writeln!(out, "### What went well in {period}\n");
    list(
        out,
        &h.went_well,
        "Nothing was green and improving, completed or met in the period.",
    );
    let _ = writeln!(out, "### Reds\n");
    list(out, &h.reds, "Nothing is red.");
}

/// "Indicator HS06 Net additional homes provided: green and improving".
fn highlight_line(i: &Highlight) -> String {
    let kind = i.subject.as_str();
    let mut k = kind.chars();
    let kind: String = k
        .next()
        .map(|f| f.to_uppercase().chain(k).collect())
        .unwrap_or_default();
    format!("{kind} {} {}: {}", i.code, i.title, i.why)
}

/// An action or project of a priority, as the Markdown and CSV write it.
struct Item<'a> {
    priority: &'a str,
    /// "Action" or "Project".
    kind: &'static str,
    code: &'a str,
    title: &'a str,
    owner: String,
    rag: DeliveryRag,
    status: &'static str,
    rule: String,
    /// A project's milestones late at the period's end.
    late: &'a [String],
    commentary: &'a str,
}

/// Each priority's actions, then its projects, as the HTML page lists them.
fn delivery_items<'a>(page: &'a Page) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    for p in &page.priorities {
        for a in &p.actions {
            let j = &a.judgement;
            out.push(Item {
                priority: &p.title,
                kind: "Action",
                code: &a.record.code,
                title: &a.record.title,
                owner: person(page, &a.record.owner),
                rag: j.rag,
                status: j.status.as_str(),
                rule: j.rule.to_string(),
                late: &[],
                commentary: j.latest.as_ref().map_or("", |u| u.commentary.as_str()),
            });
        }
        for x in &p.projects {
            let j = &x.judgement;
            out.push(Item {
                priority: &p.title,
                kind: "Project",
                code: &x.record.code,
                title: &x.record.title,
                owner: person(page, &x.record.owner),
                rag: j.rag,
                status: j.status.as_str(),
                rule: j.rule.to_string(),
                late: &j.late,
                commentary: j.latest.as_ref().map_or("", |u| u.commentary.as_str()),
            });
        }
    }
    out
}

/// The Markdown's actions and projects (by priority), risk register and EIAs, after the
/// indicators.
pub(super) fn markdown_delivery(out: &mut String, page: &Page) {
    let _ = writeln!(out, "\n## Actions and projects\n");
    let _ = writeln!(
        out,
        "| Priority | Action or project | Status | Owner | Commentary |\n|---|---|---|---|---|"
    );
    let items = delivery_items(page);
    for i in &items {
        let late = if i.late.is_empty() {
            String::new()
        } else {
            format!("; late milestones: {}", i.late.join("; "))
        };
        let _ = writeln!(
            out,
            "| {} | {} {} {} | {} {}{} | {} | {} |",
            md(i.priority),
            i.kind,
            md(i.code),
            md(i.title),
            i.rag.letter(),
            md(&i.status.replace('_', " ")),
            md(&late),
            md(&i.owner),
            md(i.commentary),
        );
    }
    if items.is_empty() {
        let _ = writeln!(out, "| – | No action or project | – | – | – |");
    }
    let (opportunities, risks): (Vec<&RiskRow>, Vec<&RiskRow>) =
        page.risks.iter().partition(|r| r.is_opportunity());
    let _ = writeln!(out, "\n## Risk register\n");
    markdown_register(out, page, &risks, "Risk");
    if !opportunities.is_empty() {
        let _ = writeln!(
            out,
            "\n### Opportunities\n\nScored as risks are (likelihood × impact, the same bands and target), and not counted in the heat map.\n"
        );
        markdown_register(out, page, &opportunities, "Opportunity");
    }
    if !page.eias.is_empty() {
        let _ = writeln!(out, "\n## Equality impact assessments\n");
        let _ = writeln!(
            out,
            "| Assessment | Owner | Due | Status | Outcome |\n|---|---|---|---|---|"
        );
        for e in &page.eias {
            let j = &e.judgement;
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} {} | {} |",
                md(&e.record.code),
                md(&e.record.title),
                md(&person(page, &e.record.owner)),
                md(&e.record.due),
                j.rag.letter(),
                j.status.as_str(),
                md(&e.record.outcome),
            );
        }
    }
}

fn markdown_register(out: &mut String, page: &Page, rows: &[&RiskRow], one: &str) {
    let _ = writeln!(
        out,
        "| {one} | Plan or project | Owner | Score | Status | Target score | Above target | Direction |\n|---|---|---|---|---|---|---|---|"
    );
    if rows.is_empty() {
        let _ = writeln!(out, "| – | – | – | – | – | – | – | – |");
    }
    for r in rows {
        let j = &r.judgement;
        let status = if j.open {
            format!("{} {}", j.rag.letter(), j.rag)
        } else {
            "closed".into()
        };
        let _ = writeln!(
            out,
            "| {} {} | {} | {} | {} × {} = {} | {}{} | {} | {} | {} |",
            md(&r.record.code),
            md(&r.record.title),
            md(&serves(page, r)),
            md(&person(page, &r.record.owner)),
            j.likelihood,
            j.impact,
            j.score,
            status,
            if j.review_overdue {
                "; review overdue"
            } else {
                ""
            },
            r.record.target_score,
            above_target(j),
            j.direction
                .map_or_else(|| "–".into(), |d| format!("{} {d}", d.symbol())),
        );
    }
}

/// The CSV report's rows (in its 13 columns) that are not indicators: the highlights
/// (written first, as the report opens with them), then the actions and projects, the
/// risks, the opportunities and the EIAs, each in a group of its own kind.
pub(super) fn csv_rows(page: &Page, h: &Highlights) -> (Vec<[String; 13]>, Vec<[String; 13]>) {
    let period = page.period.to_string();
    let row = |group: &str, code: &str, title: &str| {
        let mut r: [String; 13] = Default::default();
        r[0] = group.to_string();
        r[1] = code.to_string();
        r[2] = title.to_string();
        r[3] = period.clone();
        r
    };
    let mut first = Vec::new();
    for (i, went_well) in h
        .went_well
        .iter()
        .map(|i| (i, true))
        .chain(h.reds.iter().map(|i| (i, false)))
    {
        let mut r = row(HIGHLIGHT_GROUP, &i.code, &i.title);
        r[6] = match (went_well, i.subject) {
            (false, _) => "red",
            (true, Subject::Indicator) => "green",
            (true, _) => "completed",
        }
        .into();
        r[10] = format!(
            "{}: {} {}",
            if went_well { "went well" } else { "red" },
            i.subject.as_str(),
            i.why
        );
        first.push(r);
    }
    let mut after = Vec::new();
    for i in delivery_items(page) {
        let group = if i.kind == "Action" {
            ACTION_GROUP
        } else {
            PROJECT_GROUP
        };
        let mut r = row(group, i.code, i.title);
        r[6] = i.rag.as_str().into();
        r[10] = format!("{}; {}; priority {}", i.status, i.rule, i.priority);
        r[11] = i.commentary.into();
        after.push(r);
    }
    for x in &page.risks {
        let j = &x.judgement;
        let group = if x.is_opportunity() {
            OPPORTUNITY_GROUP
        } else {
            RISK_GROUP
        };
        let mut r = row(group, &x.record.code, &x.record.title);
        r[4] = j.score.to_string();
        r[5] = x.record.target_score.to_string();
        r[6] = if j.open { j.rag } else { DeliveryRag::None }
            .as_str()
            .into();
        r[7] = j.direction.map_or("", |d| d.as_str()).into();
        let above = match above_target(j) {
            "Yes" => "above target",
            "No" => "within target",
            _ => "closed",
        };
        r[10] = format!("{above}; {}; {}", serves(page, x), j.rule);
        after.push(r);
    }
    for e in &page.eias {
        let j = &e.judgement;
        let mut r = row(EIA_GROUP, &e.record.code, &e.record.title);
        r[6] = j.rag.as_str().into();
        r[10] = format!(
            "{}; due {}; owner {}",
            j.status.as_str(),
            e.record.due,
            person(page, &e.record.owner)
        );
        r[11] = e.record.outcome.clone();
        after.push(r);
    }
    (first, after)
}

/// The workbook's summary sheet's highlights, from `row` on (a blank row first): a heading
/// for each list, then one row per item, its kind, code and title in the first column and
/// why in the second. Returns the last row written (`row` itself when there are none).
pub(super) fn xlsx_highlights(
    ws: &mut rust_xlsxwriter::Worksheet,
    mut row: rust_xlsxwriter::RowNum,
    page: &Page,
    h: &Highlights,
    bold: &rust_xlsxwriter::Format,
) -> Result<rust_xlsxwriter::RowNum, rust_xlsxwriter::XlsxError> {
    if h.is_empty() {
        return Ok(row);
    }
    let lists = [
        (
            format!("What went well in {}", page.period),
            &h.went_well,
            "Nothing was green and improving, completed or met in the period.",
        ),
        ("Reds".to_string(), &h.reds, "Nothing is red."),
    ];
    for (head, items, none) in lists {
        row += 2;
        ws.write_string_with_format(row, 0, head, bold)?;
        if items.is_empty() {
            row += 1;
            ws.write_string(row, 0, none)?;
        }
        for i in items.iter() {
            row += 1;
            let named = format!("{} {} {}", i.subject.as_str(), i.code, i.title);
            // Cut at Excel's limit for a cell, as every text cell of the workbook is.
            let cell =
                |t: &str| -> String { crate::safe_text::lines(t).chars().take(32_000).collect() };
            ws.write_string(row, 0, cell(&named))?;
            ws.write_string(row, 1, cell(&i.why))?;
        }
    }
    Ok(row)
}
