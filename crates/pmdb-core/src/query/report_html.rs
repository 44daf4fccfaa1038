//! The published report as one self-contained HTML page for Cabinet and the public: no
//! script, nothing fetched (styles inline, charts as inline SVG with a text alternative),
//! real headings, a caption and scoped headers on every table, status always as a word and
//! a mark, a print style sheet and a layout that reads on a phone. The council's whole
//! report, or one portfolio's summary. Markup is built with `maud`, which escapes every
//! text it is given; texts people typed also have control characters made visible.
//!
//! No clock is read here: the date shown is the sign-off's for a signed-off period (else
//! the day the figures were read), so a signed-off period's page is the same bytes however
//! often it is made.

use std::collections::BTreeSet;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::delivery::{ActionRow, EiaRow, ProjectRow, RiskRow};
use super::report_html_council as council;
use super::report_html_key as key;
use super::report_html_measures as measures;
use super::report_html_parts as parts;
use super::report_html_register as register;
use super::report_judged::Judged;
use super::rollup::RollupIndicator;
use crate::domain::assess::Context;
use crate::domain::delivery::DeliveryRag;
use crate::domain::period::Period;
use crate::domain::rollup::{Counts, Thread};
use crate::store::{BenchmarkRecord, CaseStudyRecord, Dataset, ExceptionRecord};

const CSS: &str = include_str!("report_html.css");

/// What a page covers (defined with the Markdown and CSV's scopes in `scope.rs`).
pub use super::scope::Scope;

/// What the page shows that the dataset does not hold: the benchmarks and the period's
/// exceptions escalated to Management Board, as the store reads them (those frozen at
/// sign-off for a signed-off period).
pub struct Extras<'a> {
    pub benchmarks: &'a [BenchmarkRecord],
    pub escalated: &'a [ExceptionRecord],
    /// The boards' requests recorded in the period (`query::requests::listed_requests`).
    pub requests: &'a [ExceptionRecord],
    /// The council's case studies; a year's report tells that year's.
    pub case_studies: &'a [CaseStudyRecord],
}

/// One priority's part of the page.
pub(super) struct Priority<'a> {
    /// The plan node's code, for its narrative.
    pub code: String,
    pub title: String,
    pub counts: Counts,
    pub indicators: Vec<RollupIndicator>,
    pub actions: Vec<&'a ActionRow<'a>>,
    pub projects: Vec<&'a ProjectRow<'a>>,
}

/// Everything a page shows, gathered before any markup is written.
pub(super) struct Page<'a> {
    pub ds: &'a Dataset,
    pub period: Period,
    pub ctx: Context,
    pub scope: &'a Scope,
    pub priorities: Vec<Priority<'a>>,
    /// The risk register in scope, the risks first, then the opportunities.
    pub risks: Vec<&'a RiskRow<'a>>,
    /// The equality impact assessments in scope.
    pub eias: Vec<&'a EiaRow<'a>>,
    pub escalated: Vec<&'a ExceptionRecord>,
    pub requests: Vec<&'a ExceptionRecord>,
    pub benchmarks: &'a [BenchmarkRecord],
    /// For a financial year, that year's case studies in scope; none otherwise.
    pub case_studies: Vec<&'a CaseStudyRecord>,
    /// Every service's finance for the period, worked once for the whole page.
    pub finance: super::budgets::Finances,
}

fn beneath(thread: &Thread, priority: &str, nodes: &[&str]) -> bool {
    nodes
        .iter()
        .any(|n| thread.ancestry(n).iter().any(|a| a.code == priority))
}

/// The page's title: "Council: performance report 2026/27 Q2" (or the scope's report).
pub(super) fn heading(ds: &Dataset, period: Period, scope: &Scope) -> String {
    scope.title(ds, period)
}

/// The report as one HTML page, from the council as judged for its period.
pub fn html(judged: &Judged, scope: &Scope, extras: &Extras) -> String {
    with_page(judged, scope, extras, |page| render(page).into_string())
}

/// Gathers everything a report shows in `scope` into a `Page` and hands it to `make`: the
/// HTML page and the workbook (report_xlsx.rs) are made from the same gathering, of the
/// council as judged once for the period.
pub(super) fn with_page<R>(
    judged: &Judged,
    scope: &Scope,
    extras: &Extras,
    make: impl FnOnce(&Page) -> R,
) -> R {
    let Judged {
        ds,
        period,
        ctx,
        actions,
        projects,
        risks,
        eias,
        ..
    } = judged;
    let (ds, period, ctx) = (*ds, *period, *ctx);
    let thread = ds.thread();
    let in_scope = |nodes: &[&str]| nodes.iter().any(|n| scope.holds_node(&thread, n));
    let scoped_indicators = scope.indicators(ds, &thread);
    let mut priorities = Vec::new();
    for g in &judged.by_priority.groups {
        let indicators: Vec<RollupIndicator> = g
            .indicators
            .iter()
            .filter(|i| {
                scoped_indicators
                    .as_ref()
                    .is_none_or(|s| s.contains(&i.code))
            })
            .cloned()
            .collect();
        let mut counts = Counts::default();
        indicators.iter().for_each(|i| counts.add(i.rag));
        let p = Priority {
            actions: actions
                .iter()
                .filter(|a| beneath(&thread, &g.code, &a.plan) && in_scope(&a.plan))
                .collect(),
            projects: projects
                .iter()
                .filter(|a| beneath(&thread, &g.code, &a.plan) && in_scope(&a.plan))
                .collect(),
            code: g.code.clone(),
            title: g.title.clone(),
            counts,
            indicators,
        };
        let empty = p.indicators.is_empty() && p.actions.is_empty() && p.projects.is_empty();
        if *scope == Scope::Council || !empty {
            priorities.push(p);
        }
    }
    // A service's (or portfolio's, or plan node's) page is complete: what no priority holds
    // follows under a heading of its own.
    if let Some(inside) = &scoped_indicators {
        let held: BTreeSet<&str> = priorities
            .iter()
            .flat_map(|p| p.indicators.iter().map(|i| i.code.as_str()))
            .collect();
        if let Some(g) = super::report::outside_the_priorities(ds, period, ctx, inside, &held) {
            priorities.push(Priority {
                code: g.code,
                title: g.title,
                counts: g.counts,
                indicators: g.indicators,
                actions: Vec::new(),
                projects: Vec::new(),
            });
        }
    }
    let in_page: BTreeSet<&str> = priorities
        .iter()
        .flat_map(|p| {
            let i = p.indicators.iter().map(|i| i.code.as_str());
            let a = p.actions.iter().map(|a| a.record.code.as_str());
            let j = p.projects.iter().map(|j| j.record.code.as_str());
            i.chain(a).chain(j).collect::<Vec<_>>()
        })
        .collect();
    let page = Page {
        ds,
        period,
        ctx,
        scope,
        risks: super::highlights::listed_risks(risks, |r| {
            *scope == Scope::Council || in_scope(&ds.delivery.risk_nodes(r))
        }),
        eias: eias
            .iter()
            .filter(|e| *scope == Scope::Council || e.record.node.iter().any(|n| in_scope(&[n])))
            .collect(),
        escalated: extras
            .escalated
            .iter()
            .filter(|e| *scope == Scope::Council || in_page.contains(e.subject.as_str()))
            .collect(),
        requests: extras
            .requests
            .iter()
            .filter(|e| *scope == Scope::Council || in_page.contains(e.subject.as_str()))
            .collect(),
        benchmarks: extras.benchmarks,
        case_studies: super::report::told_case_studies(ds, period, scope, extras.case_studies),
        finance: super::budgets::Finances::of(ds, period),
        priorities,
    };
    make(&page)
}

/// Whose figures and as at when: the sign-off's day for a signed-off period.
pub(super) fn as_at(page: &Page) -> String {
    let key = page.period.to_string();
    match page.ds.signoffs.of(&key) {
        Some(s) => format!(
            "Figures as signed off on {}.",
            crate::stamp::local_day(&s.signed_at)
                .map_or_else(|| s.signed_at.clone(), |d| d.to_string())
        ),
        None => format!(
            "Figures as recorded on {}; this period is not signed off, so they may still change.",
            page.ctx.today.format("%Y-%m-%d")
        ),
    }
}

fn render(page: &Page) -> Markup {
    let title = heading(page.ds, page.period, page.scope);
    let signed =
        super::signoff::record_naming(&page.ds.signoffs, page.period, |l| page.ds.person_named(l));
    // Found once, for the contents list and the section.
    let described = measures::described(page);
    let highlights = super::highlights::of_page(page);
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (parts::text(&title)) }
                style { (PreEscaped(CSS)) }
            }
            body class=(if page.scope.is_summary() { "portfolio" } else { "council" }) {
                header {
                    h1 { (parts::text(&title)) }
                    p class="meta" { (as_at(page)) }
                    @if let Some(h) = page.scope.holders(page.ds) {
                        p class="meta" { "Portfolio holder: " (parts::text(&h)) "." }
                    }
                    @if let Some(s) = signed {
                        p class="meta" { "Sign-off: " (parts::text(&s)) "." }
                    }
                }
                nav aria-label="Contents" {
                    ul {
                        @if !highlights.is_empty() {
                            li { a href="#highlights" { "Highlights" } }
                        }
                        li { a href="#summary" { "Summary" } }
                        @for (n, p) in page.priorities.iter().enumerate() {
                            li { a href={"#priority-" (n + 1)} { (parts::text(&p.title)) } }
                        }
                        li { a href="#risks" { "Risk heat map" } }
                        @if page.shows_registers() {
                            li { a href="#register" { "Risk register" } }
                        }
                        @if page.shows_eias() {
                            li { a href="#eias" { "Equality impact assessments" } }
                        }
                        li { a href="#escalated" { "Exceptions escalated to the boards" } }
                        @if !page.requests.is_empty() {
                            li { a href="#requests" { "Requests from the boards" } }
                        }
                        @if !page.case_studies.is_empty() {
                            li { a href="#case-studies" { "Case studies" } }
                        }
                        @if !described.is_empty() {
                            li { a href="#measures" { "About these measures" } }
                        }
                        li { a href="#key" { "Status key and rules" } }
                    }
                }
                main {
                    (register::highlights(page, &highlights))
                    (parts::summary(page))
                    @for (n, p) in page.priorities.iter().enumerate() {
                        (parts::priority(page, n + 1, p))
                    }
                    (super::report_html_finance::portfolio(page))
                    (council::heat_map(page))
                    (register::risk_register(page))
                    (register::eias(page))
                    (council::escalated(page))
                    (council::requests(page))
                    (council::case_studies(page))
                    (measures::about(&described))
                    (key::key(page))
                }
            }
        }
    }
}

/// A priority's actions and projects counted by status.
pub(super) fn delivery_counts(p: &Priority) -> [(DeliveryRag, usize); 6] {
    let mut out = [
        (DeliveryRag::Green, 0),
        (DeliveryRag::Amber, 0),
        (DeliveryRag::Red, 0),
        (DeliveryRag::Completed, 0),
        (DeliveryRag::Missing, 0),
        (DeliveryRag::None, 0),
    ];
    let rags = p
        .actions
        .iter()
        .map(|a| a.judgement.rag)
        .chain(p.projects.iter().map(|j| j.judgement.rag));
    for rag in rags {
        if let Some(slot) = out.iter_mut().find(|(r, _)| *r == rag) {
            slot.1 += 1;
        }
    }
    out
}

/// One file of a published pack, as the index lists it.
pub struct PackEntry {
    pub file: String,
    pub label: String,
}

/// The pack's `index.html`: the council, the period, the date of the figures and a link to
/// every file beside it.
pub fn index(ds: &Dataset, period: Period, ctx: Context, files: &[PackEntry]) -> String {
    let title = format!("{}: published pack", heading(ds, period, &Scope::Council));
    let page = Page {
        ds,
        period,
        ctx,
        scope: &Scope::Council,
        priorities: vec![],
        risks: vec![],
        eias: vec![],
        escalated: vec![],
        requests: vec![],
        benchmarks: &[],
        case_studies: vec![],
        finance: Default::default(),
    };
    let body = html! {
        h1 { (parts::text(&title)) }
        p class="meta" { (as_at(&page)) }
        h2 { "Files" }
        ul {
            @for f in files {
                li { a href=(f.file) { (parts::text(&f.label)) } " (" (f.file) ")" }
            }
        }
    };
    self::page(&title, body)
}

/// A self-contained page in the reports' shell (their stylesheet inline), `body` its main
/// content: the pack's index and a meeting's minutes.
pub fn page(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (parts::text(title)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main { (body) }
            }
        }
    }
    .into_string()
}
