//! The HTML report's council-wide sections, after the priorities: the risk heat map, the
//! exceptions escalated to each board, and a year's case studies.

use maud::{Markup, html};

use super::report_html::Page;
use super::report_html_parts::{badge, delivery_parts, text, words};
use crate::domain::delivery::DeliveryRag;
use crate::store::ExceptionRecord;

const LIKELIHOOD: [&str; 5] = ["rare", "unlikely", "possible", "likely", "almost certain"];
const IMPACT: [&str; 5] = ["minimal", "minor", "moderate", "major", "severe"];

pub(super) fn heat_map(page: &Page) -> Markup {
    // Each cell's count and band, from the risks' judgements (frozen at sign-off).
    let mut cells = [[(0usize, None::<DeliveryRag>); 5]; 5];
    // Opportunities are never counted in it.
    for r in page
        .risks
        .iter()
        .filter(|r| r.judgement.open && !r.is_opportunity())
    {
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

/// The exceptions PPG escalated, a heading per board, each showing PPG's decision and the
/// board's own outcome apart, with the board's responsible member and due date.
pub(super) fn escalated(page: &Page) -> Markup {
    html! {
        section aria-labelledby="escalated" {
            h2 id="escalated" { "Exceptions escalated to the boards" }
            @if page.escalated.is_empty() {
                p { "No exception of " (page.period) " is escalated to a board." }
            }
            @for (code, list) in by_board(page) {
                @let name = board_name(page, code);
                h3 id={ "escalated-" (code) } { (text(&page.ds.board_title(code))) }
                table class="stack" {
                    caption { "Exceptions of " (page.period) " escalated to " (text(&name)) ", with PPG's decision and the board's outcome, member and due date" }
                    thead { tr {
                        th scope="col" { "Subject" }
                        th scope="col" { "Exception" }
                        th scope="col" { "Owner" }
                        th scope="col" { "PPG decision" }
                        th scope="col" { "Board's outcome" }
                        th scope="col" { "Board member" }
                        th scope="col" { "Due" }
                    } }
                    tbody { @for e in list {
                        tr {
                            th scope="row" { (text(&crate::query::requests::subject_words(page.ds, &e.subject))) }
                            td data-label="Exception" { (words(e.kind.as_str())) ": " (text(&e.figures)) }
                            td data-label="Owner" { (text(&page.ds.person_named(&e.owner))) }
                            td data-label="PPG decision" { (text(or_none(&e.decision, "not recorded"))) }
                            td data-label="Board's outcome" { (text(or_none(&e.outcome, "not yet decided"))) }
                            td data-label="Board member" { (text(&or_none_person(page, &e.board_member, "not named yet"))) }
                            td data-label="Due" { (text(e.escalation_due.as_deref().unwrap_or("not set"))) }
                        }
                    } }
                }
            }
        }
    }
}

/// The boards' requests recorded in the period (Cabinet's, Scrutiny's recommendations),
/// with the asking board, owner, due date and where each stands; nothing when there are none.
pub(super) fn requests(page: &Page) -> Markup {
    html! {
        @if !page.requests.is_empty() {
            section aria-labelledby="requests" {
                h2 id="requests" { "Requests from the boards" }
                table class="stack" {
                    caption { "Requests for information or further work, and recommendations, made by the boards in " (page.period) }
                    thead { tr {
                        th scope="col" { "Subject" }
                        th scope="col" { "Board" }
                        th scope="col" { "Request" }
                        th scope="col" { "Owner" }
                        th scope="col" { "Due" }
                        th scope="col" { "Status" }
                    } }
                    tbody { @for e in &page.requests {
                        tr {
                            th scope="row" { (text(&crate::query::requests::subject_words(page.ds, &e.subject))) }
                            td data-label="Board" { (text(&page.ds.board_title(&e.board))) }
                            td data-label="Request" { (text(&e.figures)) }
                            td data-label="Owner" { (text(&page.ds.person_named(&e.owner))) }
                            td data-label="Due" { (text(e.escalation_due.as_deref().unwrap_or("not set"))) }
                            td data-label="Status" { (e.status.as_str()) }
                        }
                    } }
                }
            }
        }
    }
}

fn or_none<'a>(t: &'a str, none: &'a str) -> &'a str {
    if t.trim().is_empty() { none } else { t }
}

/// A login named as the page names people (display name and title), or `none` when blank.
fn or_none_person(page: &Page, login: &str, none: &str) -> String {
    if login.trim().is_empty() {
        none.to_string()
    } else {
        page.ds.person_named(login)
    }
}

/// The board an escalated exception went to. Those frozen at a sign-off before boards were
/// named all went to the Management Board.
fn board_of(e: &ExceptionRecord) -> &str {
    if e.board.is_empty() {
        crate::domain::workflow::DEFAULT_BOARD
    } else {
        &e.board
    }
}

/// The escalated exceptions grouped by board, the boards in the order the council holds
/// them (by code), each board's exceptions in the order raised.
fn by_board<'p>(page: &Page<'p>) -> Vec<(&'p str, Vec<&'p ExceptionRecord>)> {
    let mut groups: Vec<(&str, Vec<&ExceptionRecord>)> = Vec::new();
    for e in &page.escalated {
        match groups.iter_mut().find(|(c, _)| *c == board_of(e)) {
            Some((_, list)) => list.push(e),
            None => groups.push((board_of(e), vec![e])),
        }
    }
    groups.sort_by_key(|(c, _)| *c);
    groups
}

/// A board's name alone ("Management Board"), or its code if it has none.
fn board_name(page: &Page, code: &str) -> String {
    page.ds
        .boards
        .iter()
        .find(|b| b.code == code && !b.name.trim().is_empty())
        .map_or_else(|| code.to_string(), |b| b.name.clone())
}
