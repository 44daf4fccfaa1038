//! The HTML report's status key: what each status means, and the RAG rules in force in
//! words (for a signed-off period, the rules that judged its frozen statuses, asked of each
//! status's rule, never read back from its words).

use maud::{Markup, html};

use super::report_html::Page;
use super::report_html_parts::{badge, delivery_parts, rag_parts, signed_off};
use crate::domain::delivery::DeliveryRag;
use crate::domain::rag::{Rag, RagRule};
use crate::store::QUALITY_KEY;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicator::Polarity;
    use crate::domain::status_rule::StatusRule;

    const INTERVENTION: &str = "A figure that meets its target is green; one that misses it but not its intervention level is amber; one beyond its intervention level is red.";

    /// The key entry a status is listed under: what its rule says judged it, whatever its
    /// words say.
    fn entry(rule: &StatusRule) -> Option<String> {
        rule.judged_by().map(rule_words)
    }

    #[test]
    fn each_rule_is_listed_under_the_rag_rule_it_names_not_its_words() {
        let tolerance = StatusRule::Tolerance {
            green: 2.5,
            amber: 5.0,
            target: 90.0,
            decimals: 1,
            polarity: Polarity::Higher,
        };
        assert_eq!(
            entry(&tolerance).as_deref(),
            Some(
                "A figure within 2.5% of its target (or better) is green; within 5% is amber; further from it is red."
            )
        );
        let intervention = StatusRule::Intervention {
            target: 90.0,
            level: 85.0,
            decimals: 0,
            polarity: Polarity::Lower,
        };
        assert_eq!(entry(&intervention).as_deref(), Some(INTERVENTION));
        let target_only = StatusRule::TargetOnly {
            target: 90.0,
            decimals: 0,
            polarity: Polarity::Higher,
        };
        assert_eq!(entry(&target_only).as_deref(), Some(INTERVENTION));
        // Words that read as another rule: the key goes by the rule kept with them.
        let frozen = StatusRule::Frozen {
            words: tolerance.to_string(),
            judged_by: Some(RagRule::Intervention),
        };
        assert_eq!(entry(&frozen).as_deref(), Some(INTERVENTION));
        for unjudged in [
            StatusRule::DataOnly,
            StatusRule::NoTarget,
            StatusRule::Contextual,
            StatusRule::Missing(vec!["2024-05".parse().unwrap()]),
            StatusRule::NotYetDue("2024-06-15".parse().unwrap()),
        ] {
            assert_eq!(entry(&unjudged), None, "{unjudged}");
        }
    }
}
