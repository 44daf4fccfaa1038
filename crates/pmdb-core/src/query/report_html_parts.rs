//! The sections of the HTML report: the summary, a priority with its indicators and its
//! actions and projects, the risk heat map, the escalated exceptions and the status key.

use std::borrow::Cow;

use maud::{Markup, html};

use super::report_html::{Page, Priority, delivery_counts};
use super::report_svg::{self, Bar, Segment};
use super::rollup::RollupIndicator;
use super::trend::{MEETING_PERIODS, last_periods};
use crate::domain::delivery::DeliveryRag;
use crate::domain::indicator::Polarity;
use crate::domain::number::fmt_decimals;
use crate::domain::rag::{Rag, RagRule};
use crate::store::StoredValue;

/// A text a person typed, with control characters made visible (maud escapes the rest).
pub(super) fn text(s: &str) -> Cow<'_, str> {
    crate::safe_text::lines(s)
}

fn figure(x: Option<f64>, dp: u8) -> String {
    x.map_or_else(|| "–".into(), |x| fmt_decimals(x, dp))
}

/// A status's word, mark and class: never colour alone.
fn rag_parts(rag: Rag) -> (&'static str, &'static str, &'static str) {
    match rag {
        Rag::Green => ("Green", "✓", "green"),
        Rag::Amber => ("Amber", "!", "amber"),
        Rag::Red => ("Red", "✗", "red"),
        Rag::Missing => ("Missing", "?", "missing"),
        Rag::None => ("No status", "–", "none"),
    }
}

fn delivery_parts(rag: DeliveryRag) -> (&'static str, &'static str, &'static str) {
    match rag {
        DeliveryRag::Green => ("Green", "✓", "green"),
        DeliveryRag::Amber => ("Amber", "!", "amber"),
        DeliveryRag::Red => ("Red", "✗", "red"),
        DeliveryRag::Completed => ("Completed", "◆", "completed"),
        DeliveryRag::Missing => ("Missing", "?", "missing"),
        DeliveryRag::None => ("No status", "–", "none"),
    }
}

fn badge((word, mark, class): (&str, &str, &str)) -> Markup {
    html! {
        span class={"rag rag-" (class)} { span aria-hidden="true" { (mark) } " " (word) }
    }
}

fn words(s: &str) -> String {
    s.replace('_', " ")
}

pub(super) fn summary(page: &Page) -> Markup {
    let indicator_bars: Vec<Bar> = page
        .priorities
        .iter()
        .map(|p| Bar {
            label: text(&p.title).into_owned(),
            segments: p
                .counts
                .parts()
                .iter()
                .map(|(rag, count)| {
                    let (word, _, class) = rag_parts(*rag);
                    Segment {
                        word,
                        letter: rag.letter(),
                        class: class_of(class),
                        count: *count,
                    }
                })
                .collect(),
        })
        .collect();
    let delivery_bars: Vec<Bar> = page
        .priorities
        .iter()
        .map(|p| Bar {
            label: text(&p.title).into_owned(),
            segments: delivery_counts(p)
                .iter()
                .map(|(rag, count)| {
                    let (word, _, class) = delivery_parts(*rag);
                    Segment {
                        word,
                        letter: rag.letter(),
                        class: class_of(class),
                        count: *count,
                    }
                })
                .collect(),
        })
        .collect();
    let rag_heads = [Rag::Green, Rag::Amber, Rag::Red, Rag::Missing, Rag::None];
    let delivery_heads = [
        DeliveryRag::Green,
        DeliveryRag::Amber,
        DeliveryRag::Red,
        DeliveryRag::Completed,
        DeliveryRag::Missing,
        DeliveryRag::None,
    ];
    html! {
        section aria-labelledby="summary" {
            h2 id="summary" { "Summary" }
            h3 { "Indicators by priority" }
            table class="stack" {
                caption { "Indicators at each status, by priority, " (page.period) }
                thead { tr {
                    th scope="col" { "Priority" }
                    @for r in rag_heads { th scope="col" class="n" { (badge(rag_parts(r))) } }
                    th scope="col" class="n" { "Total" }
                } }
                tbody { @for p in &page.priorities {
                    tr {
                        th scope="row" { (text(&p.title)) }
                        @for (rag, n) in p.counts.parts() {
                            td class="n" data-label=(rag_parts(rag).0) { (n) }
                        }
                        td class="n" data-label="Total" { (p.counts.total()) }
                    }
                } }
            }
            figure {
                (report_svg::bars("chart-indicators", &format!("Indicators at each status by priority, {}", page.period), &indicator_bars))
                figcaption { "Chart of the table above: each bar is a priority, each segment a status, labelled with its letter and count." }
            }
            h3 { "Actions and projects by priority" }
            table class="stack" {
                caption { "Actions and projects at each status, by priority, " (page.period) }
                thead { tr {
                    th scope="col" { "Priority" }
                    @for r in delivery_heads { th scope="col" class="n" { (badge(delivery_parts(r))) } }
                    th scope="col" class="n" { "Total" }
                } }
                tbody { @for p in &page.priorities {
                    @let counts = delivery_counts(p);
                    tr {
                        th scope="row" { (text(&p.title)) }
                        @for (rag, n) in counts {
                            td class="n" data-label=(delivery_parts(rag).0) { (n) }
                        }
                        td class="n" data-label="Total" { (counts.iter().map(|c| c.1).sum::<usize>()) }
                    }
                } }
            }
            figure {
                (report_svg::bars("chart-delivery", &format!("Actions and projects at each status by priority, {}", page.period), &delivery_bars))
                figcaption { "Chart of the table above: each bar is a priority, each segment a status, labelled with its letter and count." }
            }
        }
    }
}

fn class_of(class: &'static str) -> &'static str {
    match class {
        "green" => "s-green",
        "amber" => "s-amber",
        "red" => "s-red",
        "missing" => "s-missing",
        "completed" => "s-completed",
        _ => "s-none",
    }
}

/// Whether the page is a signed-off period's: then it shows only what was locked by a
/// sign-off, so it is the same page however often it is made.
fn signed_off(page: &Page) -> bool {
    page.ds.signoffs.of(&page.period.to_string()).is_some()
}

/// The latest text (commentary or remedial action) recorded within the period the
/// indicator's figure comes from; on a signed-off period's page, only a text locked by a
/// sign-off (an annual figure's, which a quarter's sign-off does not lock, is left out).
fn latest_text(page: &Page, i: &RollupIndicator, pick: fn(&StoredValue) -> &str) -> String {
    let Some(period) = i.latest_period else {
        return String::new();
    };
    let locked_only = signed_off(page);
    page.ds
        .values_of(&i.code)
        .iter()
        .filter(|v| !pick(v).is_empty() && period.covers(v.period))
        .filter(|v| !locked_only || page.ds.signoffs.locking(v.period).is_some())
        .max_by_key(|v| v.period.sort_key())
        .map(|v| pick(v).to_string())
        .unwrap_or_default()
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "3rd of 6 (CIPFA nearest neighbours)": where the figure stands among its comparators
/// for the same period, best first, when benchmarks for it exist.
fn comparator(page: &Page, i: &RollupIndicator) -> Option<String> {
    let rec = page.ds.indicator(&i.code)?;
    let (value, period) = (i.value?, i.latest_period?.to_string());
    let others: Vec<f64> = page
        .benchmarks
        .iter()
        .filter(|b| b.indicator == i.code && b.period == period)
        .map(|b| b.value)
        .collect();
    if others.is_empty() {
        return None;
    }
    let better = match rec.indicator.polarity {
        Polarity::Higher => others.iter().filter(|o| **o > value).count(),
        Polarity::Lower => others.iter().filter(|o| **o < value).count(),
        Polarity::None => return None,
    };
    let group = if rec.benchmark_group.is_empty() {
        "comparators".to_string()
    } else {
        text(&rec.benchmark_group).into_owned()
    };
    Some(format!(
        "{} of {} ({group}, {period})",
        ordinal(better + 1),
        others.len() + 1
    ))
}

fn indicator(page: &Page, n: usize, i: &RollupIndicator) -> Markup {
    let unit = if i.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", i.unit)
    };
    let missed = matches!(i.rag, Rag::Amber | Rag::Red);
    let commentary = latest_text(page, i, |v| &v.commentary);
    let action = latest_text(page, i, |v| &v.action);
    let mut notes = vec![];
    if let Some(l) = i.latest_period.filter(|l| *l != page.period) {
        notes.push(format!("latest available: {l}"));
    }
    if let Some(p) = &i.partial {
        notes.push(p.clone());
    }
    let mut points = last_periods(page.ds, &i.code, page.period, MEETING_PERIODS, page.ctx);
    if signed_off(page) {
        // A signed-off period's chart draws the periods whose statuses are frozen.
        points.retain(|p| page.ds.frozen.get(&p.period.to_string(), &i.code).is_some());
    }
    let title = format!("{} {}", i.code, i.title);
    html! {
        article class="card" aria-labelledby={"ind-" (n)} {
            h3 id={"ind-" (n)} { (text(&title)) }
            dl {
                dt { "Value" } dd { (figure(i.value, i.decimals)) (text(&unit)) }
                dt { "Target" } dd { (figure(i.target, i.decimals)) (text(&unit)) }
                dt { "Status" } dd { (badge(rag_parts(i.rag))) }
                dt { "Direction" } dd {
                    @match i.direction {
                        Some(d) => { span aria-hidden="true" { (d.symbol()) } " " (d) },
                        None => "no earlier figure to compare",
                    }
                }
                dt { "Year to date" } dd { (figure(i.ytd, i.decimals)) }
                @if !notes.is_empty() { dt { "Note" } dd { (notes.join("; ")) } }
                @if let Some(c) = comparator(page, i) { dt { "Among comparators" } dd { (c) } }
                dt { "Rule" } dd { (text(&i.rule)) }
                @if !commentary.is_empty() { dt { "Commentary" } dd class="multiline" { (text(&commentary)) } }
                @if missed && !action.is_empty() { dt { "Remedial action" } dd class="multiline" { (text(&action)) } }
            }
            @if points.len() > 1 {
                figure {
                    (report_svg::trend(&format!("trend-{n}"), &format!("{} over the last {} periods against target", text(&title), points.len()), &points, i.decimals))
                    figcaption { "Solid line: the figure; dashed line: the target." }
                }
            }
        }
    }
}

pub(super) fn priority(page: &Page, n: usize, p: &Priority) -> Markup {
    let id = format!("priority-{n}");
    html! {
        section class="priority" aria-labelledby=(id) {
            h2 id=(id) { (text(&p.title)) }
            @if p.indicators.is_empty() { p { "No indicator reports to this priority." } }
            @for (k, i) in p.indicators.iter().enumerate() {
                (indicator(page, n * 1000 + k, i))
            }
            h3 { "Actions and projects" }
            @if p.actions.is_empty() && p.projects.is_empty() {
                p { "No action or project serves this priority." }
            } @else {
                table class="stack" {
                    caption { "Actions and projects of " (text(&p.title)) ", " (page.period) }
                    thead { tr {
                        th scope="col" { "Action or project" }
                        th scope="col" { "Status" }
                        th scope="col" { "Owner" }
                        th scope="col" { "Commentary" }
                    } }
                    tbody {
                        @for a in &p.actions {
                            tr {
                                th scope="row" { "Action " (text(&a.record.code)) ": " (text(&a.record.title)) }
                                td data-label="Status" { (badge(delivery_parts(a.judgement.rag))) " " (words(a.judgement.status.as_str())) }
                                td data-label="Owner" { (text(&a.record.owner)) }
                                td data-label="Commentary" class="multiline" {
                                    (text(a.judgement.latest.as_ref().map_or("", |u| u.commentary.as_str())))
                                }
                            }
                        }
                        @for j in &p.projects {
                            tr {
                                th scope="row" { "Project " (text(&j.record.code)) ": " (text(&j.record.title)) }
                                td data-label="Status" {
                                    (badge(delivery_parts(j.judgement.rag))) " " (words(j.judgement.status.as_str()))
                                    @if !j.judgement.late.is_empty() {
                                        br; "Late milestones: " (text(&j.judgement.late.join("; ")))
                                    }
                                }
                                td data-label="Owner" { (text(&j.record.owner)) }
                                td data-label="Commentary" class="multiline" {
                                    (text(j.judgement.latest.as_ref().map_or("", |u| u.commentary.as_str())))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

const LIKELIHOOD: [&str; 5] = ["rare", "unlikely", "possible", "likely", "almost certain"];
const IMPACT: [&str; 5] = ["minimal", "minor", "moderate", "major", "severe"];

pub(super) fn heat_map(page: &Page) -> Markup {
    // Each cell's count and band, from the risks' judgements (frozen at sign-off).
    let mut cells = [[(0usize, None::<DeliveryRag>); 5]; 5];
    for r in page.risks.iter().filter(|r| r.judgement.open) {
        let (l, i) = (r.judgement.likelihood as usize, r.judgement.impact as usize);
        if (1..=5).contains(&l) && (1..=5).contains(&i) {
            let cell = &mut cells[l - 1][i - 1];
            cell.0 += 1;
            cell.1 = Some(r.judgement.rag);
        }
    }
    html! {
        section aria-labelledby="risks" {
            h2 id="risks" { "Risk heat map" }
            table class="heat" {
                caption { "Open risks by likelihood and impact at the end of " (page.period) ": the number in each cell, with its band" }
                thead { tr {
                    th scope="col" { "Likelihood by impact" }
                    @for (k, name) in IMPACT.iter().enumerate() { th scope="col" { "Impact " (k + 1) span class="wide" { " (" (name) ")" } } }
                } }
                tbody {
                    @for l in (0..5).rev() {
                        tr {
                            th scope="row" { "Likelihood " (l + 1) span class="wide" { " (" (LIKELIHOOD[l]) ")" } }
                            @for i in 0..5 {
                                @let (count, band) = cells[l][i];
                                td {
                                    @if let Some(b) = band { (count) " " (badge(delivery_parts(b))) } @else { (count) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn escalated(page: &Page) -> Markup {
    html! {
        section aria-labelledby="escalated" {
            h2 id="escalated" { "Exceptions escalated to Management Board" }
            @if page.escalated.is_empty() {
                p { "No exception of " (page.period) " is escalated to Management Board." }
            } @else {
                table class="stack" {
                    caption { "Exceptions of " (page.period) " escalated to Management Board, with their owners and due dates" }
                    thead { tr {
                        th scope="col" { "Subject" }
                        th scope="col" { "Exception" }
                        th scope="col" { "Owner" }
                        th scope="col" { "Board member" }
                        th scope="col" { "Due" }
                    } }
                    tbody { @for e in &page.escalated {
                        tr {
                            th scope="row" { (text(&e.subject)) @if let Some(t) = page.ds.subject_title(&e.subject) { " " (text(t)) } }
                            td data-label="Exception" { (words(e.kind.as_str())) ": " (text(&e.figures)) }
                            td data-label="Owner" { (text(&e.owner)) }
                            td data-label="Board member" { (text(&e.board_member)) }
                            td data-label="Due" { (text(e.escalation_due.as_deref().unwrap_or("not set"))) }
                        }
                    } }
                }
            }
        }
    }
}

fn rule_words(rule: RagRule) -> String {
    match rule {
        RagRule::Intervention => "A figure that meets its target is green; one that misses it but not its intervention level is amber; one beyond its intervention level is red.".into(),
        RagRule::Tolerance { green, amber } => format!(
            "A figure within {green}% of its target (or better) is green; within {amber}% is amber; further from it is red."
        ),
    }
}

/// The rule a status was judged by, read back from its text ("tolerance: green within 1% of
/// target 90, amber within 2%, …" or "green ≥ 90; amber ≥ 85 (intervention level); …");
/// none for a figure with no target.
fn rule_of(text: &str) -> Option<RagRule> {
    if let Some(rest) = text.strip_prefix("tolerance: green within ") {
        let green = rest.split('%').next()?.parse().ok()?;
        let amber = rest
            .split("amber within ")
            .nth(1)?
            .split('%')
            .next()?
            .parse()
            .ok()?;
        return Some(RagRule::Tolerance { green, amber });
    }
    text.contains("amber").then_some(RagRule::Intervention)
}

/// The rules that judged the page's indicators, as frozen at sign-off, each with how many
/// indicators it judged, in the order first met.
fn rules_applied(page: &Page) -> Vec<(RagRule, usize)> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out: Vec<(RagRule, usize)> = vec![];
    let all = page.priorities.iter().flat_map(|p| &p.indicators);
    for i in all.filter(|i| seen.insert(i.code.as_str())) {
        if let Some(rule) = rule_of(&i.rule) {
            match out.iter_mut().find(|(r, _)| *r == rule) {
                Some(slot) => slot.1 += 1,
                None => out.push((rule, 1)),
            }
        }
    }
    out
}

pub(super) fn key(page: &Page) -> Markup {
    let statuses = [
        (Rag::Green, "the target is met."),
        (Rag::Amber, "the target is missed, within tolerance."),
        (
            Rag::Red,
            "the target is missed beyond the intervention level or tolerance.",
        ),
        (Rag::Missing, "no figure by the deadline."),
        (Rag::None, "data only, no target, or not yet due."),
    ];
    html! {
        section aria-labelledby="key" {
            h2 id="key" { "Status key and rules" }
            h3 { "Status key" }
            dl class="card" {
                @for (rag, meaning) in statuses { dt { (badge(rag_parts(rag))) } dd { (meaning) } }
                dt { (badge(delivery_parts(DeliveryRag::Completed))) } dd { "an action or project that is finished." }
            }
            p { "Direction: " span aria-hidden="true" { "▲" } " improving, " span aria-hidden="true" { "►" } " same, " span aria-hidden="true" { "▼" } " worsening, against the period before." }
            h3 { "Rules in force" }
            @if signed_off(page) {
                p { "The statuses were judged, and frozen at sign-off, by these rules (each indicator states the one that judged it):" }
                ul { @for (rule, n) in rules_applied(page) { li { (rule_words(rule)) " (" (n) " " (if n == 1 { "indicator" } else { "indicators" }) ")" } } }
            } @else {
                p { (rule_words(page.ds.rules.council_rule(page.period))) " An indicator may have a rule of its own; each indicator states the rule that judged it." }
            }
            p { "Figures are rounded as shown, half away from zero, and judged as shown. A quarter or year whose deadline has passed with a month never recorded is missing. A risk's band comes from its score (likelihood × impact) under the council's risk bands." }
        }
    }
}
