//! The published performance report for a quarter or year: the roll-up by priority with
//! each indicator's figure, target, status (as text), direction, year to date and the
//! officer's commentary, in Markdown for publication or CSV for open data: the council's
//! whole report or only what lies under one portfolio, service or plan node (`Scope`).

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::csvio::spreadsheet_safe;
use crate::domain::assess::Context;
use crate::domain::number::fmt_decimals;
use crate::domain::period::Period;
use crate::store::{CaseStudyRecord, Dataset};

use super::markdown_text::md;
use super::narrative::{Said, of_node, told};
use super::report_judged::Judged;
use super::report_register::{csv_rows, markdown_delivery, markdown_highlights, with_register};
use super::rollup::{Group, GroupBy, Rollup, RollupIndicator};
use super::scope::Scope;
use crate::domain::rollup::Counts;

fn figure(x: Option<f64>, dp: u8) -> String {
    x.map(|x| fmt_decimals(x, dp)).unwrap_or_else(|| "–".into())
}

/// The commentary a report of `period` shows for the indicator: the quarter's or year's
/// narrative, or the latest month's commentary labelled with its month.
fn commentary(ds: &Dataset, period: Period, i: &RollupIndicator) -> String {
    told(ds, i, period, false, Said::Commentary)
}

fn note(ds: &Dataset, r: &Rollup, i: &RollupIndicator, ctx: Context) -> String {
    let mut parts = Vec::new();
    // A measure the council started collecting within (or after) the period says so.
    if let Some(from) = ds
        .indicator(&i.code)
        .and_then(|rec| ds.start_of(rec))
        .filter(|from| *from > r.period.first_month())
    {
        parts.push(format!("collected from {from}"));
    }
    if let Some(l) = i.latest_period.filter(|l| *l != r.period) {
        parts.push(format!("latest available: {l}"));
    }
    if let Some(p) = &i.partial {
        parts.push(p.clone());
    }
    // Where the year is heading, for a period of this year not signed off: a note, never
    // the status.
    if let Some(f) = ds
        .indicator(&i.code)
        .and_then(|rec| super::show::forecast_at(ds, rec, r.period, ctx))
    {
        let words = super::show::forecast_words(&f, i.decimals);
        parts.push(format!("forecast for the year: {words}"));
    }
    parts.join("; ")
}

/// The title of the group a scoped report by priority gives the indicators in scope that no
/// priority holds (linked only to a service's own plan, say).
pub const OUTSIDE_THE_PRIORITIES: &str = "Outside the priorities";

/// The indicators in scope (`inside`) that no priority's group holds (`held`), in the
/// council's order, as a group of their own; none if every one is held.
pub fn outside_the_priorities(
    ds: &Dataset,
    period: Period,
    ctx: Context,
    inside: &BTreeSet<String>,
    held: &BTreeSet<&str>,
) -> Option<Group> {
    let outside: Vec<RollupIndicator> = ds
        .indicators
        .iter()
        .filter(|rec| inside.contains(&rec.indicator.code))
        .filter(|rec| !held.contains(rec.indicator.code.as_str()))
        .map(|rec| super::rollup::shown(ds, rec, period, ctx))
        .collect();
    if outside.is_empty() {
        return None;
    }
    let mut counts = Counts::default();
    outside.iter().for_each(|i| counts.add(i.rag));
    Some(Group {
        code: String::new(),
        title: OUTSIDE_THE_PRIORITIES.into(),
        counts,
        indicators: outside,
    })
}

/// The roll-up cut to a scope: each group keeps only the indicators in scope, counted
/// again, and a group left with none is dropped; by priority, the indicators in scope that
/// no priority holds follow in a group of their own ([`OUTSIDE_THE_PRIORITIES`]), so a
/// service's report is the whole service. The council's roll-up is left whole.
pub fn scoped_rollup(judged: &Judged, by: GroupBy, scope: &Scope) -> Rollup {
    let (ds, period, ctx) = (judged.ds, judged.period, judged.ctx);
    let mut r = judged.rollup(by);
    if let Some(inside) = scope.indicators(ds, &ds.thread()) {
        for g in &mut r.groups {
            g.indicators.retain(|i| inside.contains(&i.code));
            g.counts = Default::default();
            g.indicators.iter().for_each(|i| g.counts.add(i.rag));
        }
        r.groups.retain(|g| !g.indicators.is_empty());
        if by == GroupBy::Priority {
            let held: BTreeSet<&str> = r
                .groups
                .iter()
                .flat_map(|g| g.indicators.iter().map(|i| i.code.as_str()))
                .collect();
            let outside = outside_the_priorities(ds, period, ctx, &inside, &held);
            r.groups.extend(outside);
        }
    }
    r
}

/// The council's whole report in Markdown (without case studies: `markdown_scoped` tells
/// a year's).
pub fn markdown(ds: &Dataset, period: Period, by: GroupBy, ctx: Context) -> String {
    markdown_scoped(&Judged::of(ds, period, ctx), by, &Scope::Council, &[])
}

/// The council's whole report as CSV (without case studies: `csv_scoped` adds a year's).
pub fn csv(ds: &Dataset, period: Period, by: GroupBy, ctx: Context) -> Result<String, csv::Error> {
    csv_scoped(&Judged::of(ds, period, ctx), by, &Scope::Council, &[])
}

/// The case studies a report of `period` tells: for a financial year, that year's that the
/// performance team chose (the rest were submitted, not told), in scope; none for a month
/// or quarter. Every format of the annual report tells these.
pub fn told_case_studies<'a>(
    ds: &Dataset,
    period: Period,
    scope: &Scope,
    all: &'a [CaseStudyRecord],
) -> Vec<&'a CaseStudyRecord> {
    let Period::Year(y) = period else {
        return vec![];
    };
    let thread = ds.thread();
    all.iter()
        .filter(|c| c.year == i64::from(y.0) && c.selected)
        .filter(|c| {
            *scope == Scope::Council
                || c.node
                    .as_deref()
                    .is_some_and(|n| scope.holds_node(&thread, n))
        })
        .collect()
}

/// Where a case study belongs, as the reports say it: "P2.1 Homes people can afford ·
/// service HSG" (either part may be absent).
pub fn case_study_place(ds: &Dataset, c: &CaseStudyRecord) -> String {
    let node = c
        .node
        .as_deref()
        .and_then(|n| ds.node(n))
        .map(|n| format!("{} {}", n.code, n.title));
    let service = c.service.as_ref().map(|s| format!("service {s}"));
    node.into_iter()
        .chain(service)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The report in Markdown, of the council as judged for its period (`Judged::of`).
pub fn markdown_scoped(
    judged: &Judged,
    by: GroupBy,
    scope: &Scope,
    case_studies: &[CaseStudyRecord],
) -> String {
    let (ds, period, ctx) = (judged.ds, judged.period, judged.ctx);
    let r = scoped_rollup(judged, by, scope);
    // The highlights and the delivery registers, as the HTML page selects them.
    let (highlights, delivery) = with_register(judged, scope, |page, h| {
        let (mut highlights, mut delivery) = (String::new(), String::new());
        markdown_highlights(&mut highlights, period, h);
        markdown_delivery(&mut delivery, page);
        (highlights, delivery)
    });
    let mut out = String::new();
    // Every text a person typed (the council's name, titles, names, codes, commentary, the
    // sign-off's reason) goes through `md`: read as words, never as Markdown or HTML.
    let _ = writeln!(out, "# {}\n", md(&scope.title(ds, r.period)));
    if let Some(h) = scope.holders(ds) {
        let _ = writeln!(out, "Portfolio holder: {}.\n", md(&h));
    }
    if let Some(signed) =
        super::signoff::record_naming(&ds.signoffs, period, |l| ds.person_named(l))
    {
        let _ = writeln!(out, "Sign-off: {}.\n", md(&signed));
    }
    out.push_str(&highlights);
    let _ = writeln!(
        out,
        "Status key: G green (target met), A amber (missed, within tolerance), R red (beyond the intervention level), M missing (no data by the deadline), – no status (data only, or not yet due).\n"
    );
    let _ = writeln!(out, "{}\n", super::rollup::quality_key_sentence());
    let _ = writeln!(
        out,
        "Figures are rounded as shown, half away from zero; a quarter or year whose deadline has passed with a month never recorded is missing; a figure outside its indicator's plausible bounds (below 0, or above 100 for a percentage, unless the indicator states others) is refused when recorded.\n"
    );
    let _ = writeln!(
        out,
        "| {by} | G | A | R | M | – |\n|---|---|---|---|---|---|"
    );
    for g in &r.groups {
        let c = g.counts;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(&g.title),
            c.green,
            c.amber,
            c.red,
            c.missing,
            c.none
        );
    }
    // Each priority's services' finance follows its indicators, worked once for the report.
    let (finances, thread) = (super::budgets::Finances::of(ds, r.period), ds.thread());
    for g in &r.groups {
        let _ = writeln!(out, "\n## {}\n", md(&g.title));
        // A priority's narrative for the quarter or year heads its section.
        if r.by == GroupBy::Priority
            && let Some((commentary, action)) = of_node(ds, &g.code, r.period)
        {
            if !commentary.is_empty() {
                let _ = writeln!(out, "{}: {}\n", r.period, md(&commentary));
            }
            if !action.is_empty() {
                let _ = writeln!(out, "Remedial action: {}\n", md(&action));
            }
        }
        let _ = writeln!(
            out,
            "| Indicator | Value | Target | Status | Direction | Year to date | Note | Commentary |\n|---|---|---|---|---|---|---|---|"
        );
        for i in &g.indicators {
            let direction = i
                .direction
                .map(|d| format!("{} {d}", d.symbol()))
                .unwrap_or_else(|| "–".into());
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} {} | {} | {} | {} | {} |",
                md(&i.code),
                md(&i.title),
                marked(figure(i.value, i.decimals), i.quality_mark()),
                figure(i.target, i.decimals),
                i.rag.letter(),
                i.rag,
                direction,
                figure(i.ytd, i.decimals),
                md(&note(ds, &r, i, ctx)),
                md(&commentary(ds, r.period, i)),
            );
        }
        if r.by == GroupBy::Priority && !g.code.is_empty() {
            super::report_finance::markdown(&mut out, &finances, &thread, scope, &g.code, r.period);
        }
    }
    out.push_str(&delivery);
    // A year's chosen case studies follow its figures, as on the HTML page.
    let told = told_case_studies(ds, period, scope, case_studies);
    if !told.is_empty() {
        let _ = writeln!(out, "\n## Case studies");
        for c in told {
            let _ = writeln!(out, "\n### {}\n", md(&c.title));
            let place = case_study_place(ds, c);
            if !place.is_empty() {
                let _ = writeln!(out, "{}\n", md(&place));
            }
            let _ = writeln!(out, "{}", md(&c.story));
        }
    }
    out
}

/// The CSV report's group for a case study's row.
pub const CASE_STUDY_GROUP: &str = "case study";

/// The report as CSV open data, of the council as judged for its period (`Judged::of`).
pub fn csv_scoped(
    judged: &Judged,
    by: GroupBy,
    scope: &Scope,
    case_studies: &[CaseStudyRecord],
) -> Result<String, csv::Error> {
    let (ds, period, ctx) = (judged.ds, judged.period, judged.ctx);
    let r = scoped_rollup(judged, by, scope);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "group",
        "code",
        "title",
        "period",
        "value",
        "target",
        "rag",
        "direction",
        "ytd",
        "latest_period",
        "note",
        "commentary",
        "quality",
    ])?;
    // A report is display, not data (unlike `export`): text cells have their control
    // characters and bidi overrides made visible as on a terminal (line breaks kept), then
    // are spreadsheet-safe; the figures (value, target, ytd) are numbers and never
    // prefixed, so a negative figure stays a number.
    let safe = |s: &str| spreadsheet_safe(&crate::safe_text::lines(s)).into_owned();
    let (first, after) = with_register(judged, scope, csv_rows);
    for row in &first {
        w.write_record(row.iter().map(|c| safe(c)))?;
    }
    for g in &r.groups {
        for i in &g.indicators {
            w.write_record([
                safe(&g.code),
                safe(&i.code),
                safe(&i.title),
                safe(&r.period.to_string()),
                figure(i.value, i.decimals).replace('–', ""),
                figure(i.target, i.decimals).replace('–', ""),
                i.rag.as_str().to_string(),
                i.direction.map(|d| d.as_str()).unwrap_or("").to_string(),
                figure(i.ytd, i.decimals).replace('–', ""),
                safe(&i.latest_period.map(|p| p.to_string()).unwrap_or_default()),
                safe(&note(ds, &r, i, ctx)),
                safe(&commentary(ds, r.period, i)),
                // In words, as `export values` writes a value's quality.
                i.value
                    .and(i.quality)
                    .map_or("", |q| q.as_str())
                    .to_string(),
            ])?;
        }
    }
    // Each priority's services' finance: rows of group "finance" in the same columns
    // (`report_finance::csv_rows`), after the indicators.
    if r.by == GroupBy::Priority {
        let (finances, thread) = (super::budgets::Finances::of(ds, r.period), ds.thread());
        for g in r.groups.iter().filter(|g| !g.code.is_empty()) {
            for row in super::report_finance::csv_rows(&finances, &thread, scope, &g.code, r.period)
            {
                // The amounts (value, target) are numbers, never prefixed.
                let cells = row.iter().enumerate();
                w.write_record(
                    cells.map(|(n, c)| if n == 4 || n == 5 { c.clone() } else { safe(c) }),
                )?;
            }
        }
    }
    // Actions, projects, risks, opportunities and EIAs are rows of their own kinds, as
    // the case studies are: the group names the kind (`report_register.rs`).
    for row in &after {
        w.write_record(row.iter().map(|c| safe(c)))?;
    }
    // A year's chosen case studies are rows of their own kind in the same columns, so a
    // spreadsheet filters them by group: group "case study", its code, title and year, where
    // it belongs as the note and its story as the commentary; no figures.
    for c in told_case_studies(ds, period, scope, case_studies) {
        let mut row = vec![String::new(); 13];
        row[0] = CASE_STUDY_GROUP.to_string();
        row[1] = safe(&c.code);
        row[2] = safe(&c.title);
        row[3] = safe(&r.period.to_string());
        row[10] = safe(&case_study_place(ds, c));
        row[11] = safe(&c.story);
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A figure with its data-quality mark after it ("41.2 p"), as the key explains.
fn marked(figure: String, mark: Option<&str>) -> String {
    match mark {
        Some(m) => format!("{figure} {m}"),
        None => figure,
    }
}
