//! The sections of the HTML report: the summary, a priority with its indicators and its
//! actions and projects; and the pieces every section uses (escaped text, status badges).

use std::borrow::Cow;

use maud::{Markup, html};
use rayon::prelude::*;

use super::narrative::{Said, of_node, told};
use super::report_html::{Page, Priority, delivery_counts};
use super::report_svg::{self, Bar, Segment};
use super::rollup::RollupIndicator;
use super::trend::{MEETING_PERIODS, last_periods};
use crate::domain::delivery::DeliveryRag;
use crate::domain::number::fmt_decimals;
use crate::domain::rag::Rag;
use crate::domain::ranking::Ranking;

/// A text a person typed, with control characters made visible (maud escapes the rest).
pub(super) fn text(s: &str) -> Cow<'_, str> {
    crate::safe_text::lines(s)
}

fn figure(x: Option<f64>, dp: u8) -> String {
    x.map_or_else(|| "–".into(), |x| fmt_decimals(x, dp))
}

/// A status's word, mark and class: never colour alone.
pub(super) fn rag_parts(rag: Rag) -> (&'static str, &'static str, &'static str) {
    match rag {
        Rag::Green => ("Green", "✓", "green"),
        Rag::Amber => ("Amber", "!", "amber"),
        Rag::Red => ("Red", "✗", "red"),
        Rag::Missing => ("Missing", "?", "missing"),
        Rag::None => ("No status", "–", "none"),
    }
}

pub(super) fn delivery_parts(rag: DeliveryRag) -> (&'static str, &'static str, &'static str) {
    match rag {
        DeliveryRag::Green => ("Green", "✓", "green"),
        DeliveryRag::Amber => ("Amber", "!", "amber"),
        DeliveryRag::Red => ("Red", "✗", "red"),
        DeliveryRag::Completed => ("Completed", "◆", "completed"),
        DeliveryRag::Missing => ("Missing", "?", "missing"),
        DeliveryRag::None => ("No status", "–", "none"),
    }
}

pub(super) fn badge((word, mark, class): (&str, &str, &str)) -> Markup {
    html! {
        span class={"rag rag-" (class)} { span aria-hidden="true" { (mark) } " " (word) }
    }
}

pub(super) fn words(s: &str) -> String {
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
                        letter: rag.count_letter(),
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
                        letter: rag.count_letter(),
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
pub(super) fn signed_off(page: &Page) -> bool {
    page.ds.signoffs.of(&page.period.to_string()).is_some()
}

/// What the page says for the indicator (`narrative::told`): the quarter's or year's
/// narrative, or the latest text recorded within the period its figure comes from, labelled
/// with its month; on a signed-off period's page, only a text locked by a sign-off (an
/// annual figure's, which a quarter's sign-off does not lock, is left out).
pub(super) fn latest_text(page: &Page, i: &RollupIndicator, said: Said) -> String {
    told(page.ds, i, page.period, signed_off(page), said)
}

/// "3rd of 6, second quartile (CIPFA nearest neighbours, 2026/27 Q2)": where the figure stands among its comparators
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
    let place = Ranking::of(value, &others, rec.indicator.polarity)?;
    let group = if rec.benchmark_group.is_empty() {
        "comparators".to_string()
    } else {
        text(&rec.benchmark_group).into_owned()
    };
    Some(format!("{place} ({group}, {period})"))
}

/// The figure's data-quality mark (` p`, ` e`), its word in the abbreviation's title and
/// its meaning in the key; nothing for a final figure.
pub(super) fn quality_mark(i: &RollupIndicator) -> Markup {
    html! {
        @if let (Some(mark), Some(q)) = (i.quality_mark(), i.quality) {
            " " abbr class="quality" title=(q.as_str()) { (mark) }
        }
    }
}

/// Card `k` of priority `n` is numbered `n × stride + k` (its heading `ind-1003`, its
/// chart `trend-1003`): a thousand, so a council's links into its page stay as they were,
/// unless a priority holds more than a thousand cards, when the next power of ten keeps
/// every number on the page its own.
fn card_stride(page: &Page) -> usize {
    stride_over(page.priorities.iter().map(|p| p.indicators.len()).max())
}

/// A thousand, or the least power of ten above `most` cards.
fn stride_over(most: Option<usize>) -> usize {
    let mut stride = 1000;
    while most.unwrap_or(0) > stride {
        stride *= 10;
    }
    stride
}

fn indicator(page: &Page, n: usize, i: &RollupIndicator) -> Markup {
    let unit = if i.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", i.unit)
    };
    let missed = matches!(i.rag, Rag::Amber | Rag::Red);
    let commentary = latest_text(page, i, Said::Commentary);
    let action = latest_text(page, i, Said::Action);
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
        points.retain(|p| p.frozen);
    }
    let title = format!("{} {}", i.code, i.title);
    let forecast = page
        .ds
        .indicator(&i.code)
        .and_then(|rec| crate::query::show::forecast_at(page.ds, rec, page.period, page.ctx));
    html! {
        article class="card" aria-labelledby={"ind-" (n)} {
            h3 id={"ind-" (n)} { (text(&title)) }
            dl {
                dt { "Value" } dd { (figure(i.value, i.decimals)) (text(&unit)) (quality_mark(i)) }
                dt { "Target" } dd { (figure(i.target, i.decimals)) (text(&unit)) }
                dt { "Status" } dd { (badge(rag_parts(i.rag))) }
                dt { "Direction" } dd {
                    @match i.direction {
                        Some(d) => { span aria-hidden="true" { (d.symbol()) } " " (d) },
                        None => "no earlier figure to compare",
                    }
                }
                dt { "Year to date" } dd { (figure(i.ytd, i.decimals)) }
                @if let Some(f) = &forecast { dt { "Forecast for the year" } dd { (text(&crate::query::show::forecast_words(f, i.decimals))) } }
                @if !notes.is_empty() { dt { "Note" } dd { (notes.join("; ")) } }
                @if let Some(c) = comparator(page, i) { dt { "Among comparators" } dd { (c) } }
                dt { "Rule" } dd { (text(&i.rule.to_string())) }
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

/// A portfolio's summary: the priority's indicators as one table (one card per row on a
/// phone), without charts, so the summary prints on a page or two.
fn indicator_table(page: &Page, p: &Priority) -> Markup {
    html! {
        h3 { "Indicators" }
        table class="stack" {
            caption { "Indicators of " (text(&p.title)) ", " (page.period) }
            thead { tr {
                th scope="col" { "Indicator" }
                th scope="col" class="n" { "Value" }
                th scope="col" class="n" { "Target" }
                th scope="col" { "Status" }
                th scope="col" { "Direction" }
                th scope="col" { "Commentary" }
            } }
            tbody { @for i in &p.indicators {
                @let unit = if i.unit.is_empty() { String::new() } else { format!(" {}", i.unit) };
                @let missed = matches!(i.rag, Rag::Amber | Rag::Red);
                @let action = latest_text(page, i, Said::Action);
                tr {
                    th scope="row" { (text(&format!("{} {}", i.code, i.title))) }
                    td class="n" data-label="Value" {
                        (figure(i.value, i.decimals)) (text(&unit)) (quality_mark(i))
                        @if let Some(l) = i.latest_period.filter(|l| *l != page.period) { br; "(" (l) ")" }
                    }
                    td class="n" data-label="Target" { (figure(i.target, i.decimals)) (text(&unit)) }
                    td data-label="Status" { (badge(rag_parts(i.rag))) }
                    td data-label="Direction" {
                        @match i.direction {
                            Some(d) => { span aria-hidden="true" { (d.symbol()) } " " (d) },
                            None => "–",
                        }
                    }
                    td data-label="Commentary" class="multiline" {
                        (text(&latest_text(page, i, Said::Commentary)))
                        @if missed && !action.is_empty() { br; "Remedial action: " (text(&action)) }
                    }
                }
            } }
        }
    }
}

pub(super) fn priority(page: &Page, n: usize, p: &Priority) -> Markup {
    let id = format!("priority-{n}");
    // The council's report draws a card per indicator, its chart judged period by period:
    // most of the page's making, so the cards are made side by side on the machine's cores.
    let cards: Vec<Markup> = if page.scope.is_summary() {
        Vec::new()
    } else {
        let stride = card_stride(page);
        p.indicators
            .par_iter()
            .enumerate()
            .map(|(k, i)| indicator(page, n * stride + k, i))
            .collect()
    };
    html! {
        // The council's report starts each priority on a new printed page; a portfolio's
        // summary runs on, to fit a page or two.
        section class=(if page.scope.is_summary() { "priority-summary" } else { "priority" }) aria-labelledby=(id) {
            h2 id=(id) { (text(&p.title)) }
            // The priority's narrative for the quarter or year heads its section.
            @if let Some((commentary, action)) = of_node(page.ds, &p.code, page.period) {
                div class="narrative" {
                    @if !commentary.is_empty() { p class="multiline" { strong { (page.period) ": " } (text(&commentary)) } }
                    @if !action.is_empty() { p class="multiline" { strong { "Remedial action: " } (text(&action)) } }
                }
            }
            @if p.indicators.is_empty() {
                p { "No indicator reports to this priority." }
            } @else if page.scope.is_summary() {
                (indicator_table(page, p))
            } @else {
                @for card in &cards {
                    (card)
                }
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
                                td data-label="Owner" { (text(&page.ds.person_named(&a.record.owner))) }
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
                                td data-label="Owner" { (text(&page.ds.person_named(&j.record.owner))) }
                                td data-label="Commentary" class="multiline" {
                                    (text(j.judgement.latest.as_ref().map_or("", |u| u.commentary.as_str())))
                                }
                            }
                        }
                    }
                }
            }
            (super::report_html_finance::part(page, p))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stride_over;

    /// Cards are numbered `priority × stride + position`: with 1,800 cards in a priority (a
    /// council a hundred times the demo) a stride of a thousand would give the second
    /// priority's card 500 the first's card 1,500's number.
    #[test]
    fn every_card_of_a_page_has_a_number_of_its_own() {
        assert_eq!(stride_over(None), 1000);
        // Cards 0 to 999 of a thousand keep the numbers a thousand gives.
        assert_eq!(stride_over(Some(1000)), 1000);
        assert_eq!(stride_over(Some(1001)), 10_000);
        assert_eq!(stride_over(Some(1800)), 10_000);
        assert_eq!(stride_over(Some(10_001)), 100_000);
        for sizes in [[1000, 1000, 999, 1000], [1800, 1700, 1900, 1800]] {
            let stride = stride_over(sizes.iter().copied().max());
            let mut numbers: Vec<usize> = sizes
                .iter()
                .enumerate()
                .flat_map(|(n, &size)| (0..size).map(move |k| (n + 1) * stride + k))
                .collect();
            let all = numbers.len();
            numbers.sort();
            numbers.dedup();
            assert_eq!(numbers.len(), all, "{sizes:?}");
        }
    }
}
