//! The HTML report's highlights (at the top of a quarter's report), its risk register (each
//! risk's score, band, target and direction, the opportunities apart) and its equality
//! impact assessments: tables with a caption and scoped headers, status as a word and a
//! mark, never colour alone.

use maud::{Markup, html};

use super::delivery::RiskRow;
use super::highlights::{Highlight, Highlights, Subject};
use super::report_html::Page;
use super::report_html_parts::{badge, delivery_parts, text};
use crate::domain::delivery::DeliveryRag;

/// "What went well" and "Reds", each item named by code and title with why it is there;
/// nothing when the period has no highlights (a month's or a year's report).
pub(super) fn highlights(page: &Page, h: &Highlights) -> Markup {
    html! {
        @if !h.is_empty() {
            section aria-labelledby="highlights" {
                h2 id="highlights" { "Highlights" }
                @if page.scope.is_summary() {
                    // A portfolio's summary runs them on, grouped, to keep to two sheets.
                    p { (run_on(&h.went_well, true)) " " (run_on(&h.reds, false)) }
                } @else {
                    h3 { "What went well in " (page.period) }
                    (named(&h.went_well, "Nothing was green and improving, completed or met in the period."))
                    h3 { "Reds" }
                    (named(&h.reds, "Nothing is red."))
                }
            }
        }
    }
}

fn named(items: &[Highlight], none: &str) -> Markup {
    html! {
        @if items.is_empty() {
            p { (none) }
        } @else {
            ul class="highlights" {
                @for i in items { li { (item(i)) } }
            }
        }
    }
}

/// One list as a paragraph, item by item under its kind's label ("Green and improving:
/// **HS06** Net additional homes provided; …"), or a sentence saying there is none.
fn run_on(items: &[Highlight], went_well: bool) -> Markup {
    let label = |s: Subject| match (went_well, s) {
        (true, Subject::Indicator) => "Green and improving",
        (true, Subject::Action) => "Actions completed",
        (true, _) => "Milestones met",
        (false, Subject::Indicator) => "Indicators red",
        (false, Subject::Action) => "Actions red",
        (false, _) => "Projects red",
    };
    html! {
        @if items.is_empty() {
            @if went_well { "Nothing was green and improving, completed or met in the period." } @else { "Nothing is red." }
        } @else {
            @for (n, i) in items.iter().enumerate() {
                @let first = n == 0 || items[n - 1].subject != i.subject;
                @if first && n > 0 { ". " }
                @if first { strong { (label(i.subject)) ": " } } @else { "; " }
                strong { (text(&i.code)) } " " (text(&i.title))
                @if i.subject == Subject::Milestone { " (" (text(&i.why)) ")" }
            }
            "."
        }
    }
}

/// "Indicator **HS06** Net additional homes provided: green and improving".
fn item(i: &Highlight) -> Markup {
    html! {
        (capital(i.subject.as_str())) " " strong { (text(&i.code)) } " " (text(&i.title)) ": " (text(&i.why))
    }
}

fn capital(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The register: the risks, then the opportunities under their own heading, each with its
/// score, band, target score, whether above it, and direction as a word and a symbol.
pub(super) fn risk_register(page: &Page) -> Markup {
    let (opportunities, risks): (Vec<&RiskRow>, Vec<&RiskRow>) =
        page.risks.iter().partition(|r| r.is_opportunity());
    html! {
        @if page.shows_registers() {
            section aria-labelledby="register" {
                h2 id="register" { "Risk register" }
                (register_table(page, &risks, ("risks", "Risks", "Risk")))
                @if !opportunities.is_empty() {
                    h3 id="opportunities" { "Opportunities" }
                    p { "Scored as risks are (likelihood × impact, the same bands and target), and not counted in the heat map." }
                    (register_table(page, &opportunities, ("opportunities", "Opportunities", "Opportunity")))
                }
            }
        }
    }
}

/// `words`: the register's name in a sentence, as a caption begins, and of one row.
fn register_table(page: &Page, rows: &[&RiskRow], words: (&str, &str, &str)) -> Markup {
    let (what, head, one) = words;
    html! {
        @if rows.is_empty() {
            p { "No " (what) " in the register." }
        } @else {
            table class="stack" {
                caption { (head) " at the end of " (page.period) ": score (likelihood × impact), band, target score and direction of travel" }
                thead { tr {
                    th scope="col" { (one) }
                    th scope="col" { "Plan or project" }
                    th scope="col" { "Owner" }
                    th scope="col" class="n" { "Score" }
                    th scope="col" { "Status" }
                    th scope="col" class="n" { "Target score" }
                    th scope="col" { "Above target" }
                    th scope="col" { "Direction" }
                } }
                tbody { @for r in rows {
                    @let j = &r.judgement;
                    tr {
                        th scope="row" { (text(&r.record.code)) ": " (text(&r.record.title)) }
                        td data-label="Plan or project" { (text(&serves(page, r))) }
                        td data-label="Owner" { (text(&person(page, &r.record.owner))) }
                        td class="n" data-label="Score" { (j.likelihood) " × " (j.impact) " = " (j.score) }
                        td data-label="Status" {
                            @if j.open { (badge(delivery_parts(j.rag))) } @else { (badge(delivery_parts(DeliveryRag::None))) " closed" }
                            @if j.review_overdue { br; "Review overdue" }
                        }
                        td class="n" data-label="Target score" { (r.record.target_score) }
                        td data-label="Above target" { (above_target(j)) }
                        td data-label="Direction" {
                            @match j.direction {
                                Some(d) => { span aria-hidden="true" { (d.symbol()) } " " (d) },
                                None => "no earlier review",
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// The one place the registers and highlights name a person (an owner): by display name
/// and job title, as every published document does (`Dataset::person_named`).
pub(super) fn person(page: &Page, login: &str) -> String {
    page.ds.person_named(login)
}

/// The plan nodes and projects a risk serves, as the register names them: "P2.1; project
/// PR1 New leisure centre".
pub(super) fn serves(page: &Page, r: &RiskRow) -> String {
    let projects = r.projects.iter().map(|code| {
        let title = page.ds.delivery.title_of(code).unwrap_or_default();
        format!("project {code} {title}").trim_end().to_string()
    });
    let parts: Vec<String> = r
        .plan
        .iter()
        .map(|n| n.to_string())
        .chain(projects)
        .collect();
    if parts.is_empty() {
        "–".into()
    } else {
        parts.join("; ")
    }
}

/// The equality impact assessments: code and title, owner, due date, status (a word and a
/// mark) and outcome.
pub(super) fn eias(page: &Page) -> Markup {
    html! {
        @if page.shows_eias() {
            section aria-labelledby="eias" {
                h2 id="eias" { "Equality impact assessments" }
                table class="stack" {
                    caption { "Equality impact assessments at the end of " (page.period) ", with owner, due date, status and outcome" }
                    thead { tr {
                        th scope="col" { "Assessment" }
                        th scope="col" { "Owner" }
                        th scope="col" { "Due" }
                        th scope="col" { "Status" }
                        th scope="col" { "Outcome" }
                    } }
                    tbody { @for e in &page.eias {
                        tr {
                            th scope="row" { (text(&e.record.code)) ": " (text(&e.record.title)) }
                            td data-label="Owner" { (text(&person(page, &e.record.owner))) }
                            td data-label="Due" { (text(&e.record.due)) }
                            td data-label="Status" {
                                (badge(delivery_parts(e.judgement.rag)))
                                @if e.judgement.status.as_str() != e.judgement.rag.as_str() { " " (e.judgement.status.as_str()) }
                            }
                            td data-label="Outcome" class="multiline" {
                                @if e.record.outcome.trim().is_empty() { "–" } @else { (text(&e.record.outcome)) }
                            }
                        }
                    } }
                }
            }
        }
    }
}

impl Page<'_> {
    /// Whether the page lists the risk register: the council's report and a scoped one
    /// (not a portfolio's summary, kept to two printed pages) that holds any risk.
    pub(super) fn shows_registers(&self) -> bool {
        !self.scope.is_summary() && !self.risks.is_empty()
    }

    /// Whether the page lists the EIAs, as for the register.
    pub(super) fn shows_eias(&self) -> bool {
        !self.scope.is_summary() && !self.eias.is_empty()
    }
}

/// "Yes" or "No", and for a closed risk "–": closed, it is held to no target.
pub(super) fn above_target(j: &crate::domain::delivery::risk::RiskJudgement) -> &'static str {
    match (j.open, j.above_target) {
        (false, _) => "–",
        (true, true) => "Yes",
        (true, false) => "No",
    }
}
