//! The report's "About these measures": what each indicator it shows counts and how, where
//! its figures come from and whom it is compared with, in the council's own words (the
//! indicators' `definition`, `source` and `benchmark_group`; a signed-off period's as they
//! stood at sign-off).

use maud::{Markup, html};

use super::report_html::Page;
use super::report_html_parts::text;
use crate::store::IndicatorRecord;

/// The indicators the page shows, each once, in the page's order, that say anything about
/// what they are. A portfolio summary has none: it is printed on two A4 pages, and its
/// council's report holds the section.
pub(super) fn described<'a>(page: &'a Page) -> Vec<&'a IndicatorRecord> {
    if page.scope.is_summary() {
        return Vec::new();
    }
    let mut seen = std::collections::HashSet::new();
    page.priorities
        .iter()
        .flat_map(|p| &p.indicators)
        .filter(|i| seen.insert(i.code.as_str()))
        .filter_map(|i| page.ds.indicator(&i.code))
        .filter(|r| {
            !(r.definition.is_empty() && r.source.is_empty() && r.benchmark_group.is_empty())
        })
        .collect()
}

/// The section, for the indicators `described` found.
pub(super) fn about(described: &[&IndicatorRecord]) -> Markup {
    html! {
        @if !described.is_empty() {
            section aria-labelledby="measures" {
                h2 id="measures" { "About these measures" }
                dl class="card" {
                    @for r in described {
                        dt { (text(&r.indicator.code)) " " (text(&r.indicator.title)) }
                        dd {
                            @if !r.definition.is_empty() { (text(&r.definition)) " " }
                            @if !r.source.is_empty() { "Source: " (text(&r.source)) ". " }
                            @if !r.benchmark_group.is_empty() {
                                "Compared with: " (text(&r.benchmark_group)) "."
                            }
                        }
                    }
                }
            }
        }
    }
}
