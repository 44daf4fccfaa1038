//! The closing sections of the HTML report: the risk heat map, the exceptions escalated to
//! Management Board, and the status key with the rules in force, in words.

use maud::{Markup, html};

use super::report_html::Page;
use super::report_html_parts::{badge, delivery_parts, rag_parts, signed_off, text, words};
use crate::domain::delivery::DeliveryRag;
use crate::domain::rag::{Rag, RagRule};
use crate::store::QUALITY_KEY;

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

/// A year's case studies: the stories the annual report tells beside its figures.
pub(super) fn case_studies(page: &Page) -> Markup {
    html! {
        @if !page.case_studies.is_empty() {
            section aria-labelledby="case-studies" {
                h2 id="case-studies" { "Case studies" }
                @for c in &page.case_studies {
                    article class="case-study" {
                        h3 { (text(&c.title)) }
                        p class="meta" {
                            @if let Some(n) = c.node.as_deref().and_then(|n| page.ds.node(n)) {
                                (text(&n.code)) " " (text(&n.title))
                            }
                            @if let Some(s) = &c.service { " · service " (text(s)) }
                        }
                        p { (text(&c.story)) }
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

/// The rules that judged the page's indicators, as frozen at sign-off, each with how many
/// indicators it judged, in the order first met.
fn rules_applied(page: &Page) -> Vec<(RagRule, usize)> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out: Vec<(RagRule, usize)> = vec![];
    let all = page.priorities.iter().flat_map(|p| &p.indicators);
    for i in all.filter(|i| seen.insert(i.code.as_str())) {
        if let Some(rule) = i.rule.judged_by() {
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
            h3 { "Data quality" }
            dl class="card" {
                @for (q, meaning) in QUALITY_KEY { dt { abbr class="quality" title=(q.as_str()) { (q.mark().unwrap_or("")) } } dd { (q) ": " (meaning) "." } }
            }
            p { "A figure with neither mark is final." }
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
