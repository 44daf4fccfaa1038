//! What a published report covers: the council's whole report, or only what lies under one
//! portfolio, one service or one plan node. "Under" follows the golden thread: an indicator
//! (action, project, risk) belongs to the portfolio or service its plan nodes inherit from
//! their nearest ancestor that names one, and lies beneath a plan node when one of its
//! nodes is that node or a descendant of it.

use std::collections::BTreeSet;

use crate::domain::period::Period;
use crate::domain::rollup::Thread;
use crate::store::Dataset;

#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    Council,
    Portfolio(String),
    /// Several portfolios' summary on one page: those one holder holds (`--portfolio mine`).
    Portfolios(Vec<String>),
    Service(String),
    /// A plan node's code: everything linked at or beneath it.
    Plan(String),
}

impl Scope {
    /// A portfolio's page is a short summary (one or two printed pages, no charts); the
    /// others keep the council report's layout.
    pub fn is_summary(&self) -> bool {
        matches!(self, Scope::Portfolio(_) | Scope::Portfolios(_))
    }

    /// The portfolios a summary covers; none for the other scopes.
    fn portfolio_codes(&self) -> &[String] {
        match self {
            Scope::Portfolio(code) => std::slice::from_ref(code),
            Scope::Portfolios(codes) => codes,
            _ => &[],
        }
    }

    /// Who holds the portfolios a summary covers, as a report names them ("Cllr Peter
    /// Hollis"; "Cllr A and Cllr B"), none when no holder is recorded or the scope is not
    /// a portfolio's.
    pub fn holders(&self, ds: &Dataset) -> Option<String> {
        let mut names: Vec<String> = Vec::new();
        for code in self.portfolio_codes() {
            let holder = ds.portfolios.iter().find(|p| &p.code == code);
            if let Some(name) = holder.map(|p| ds.person_named(&p.lead))
                && !name.is_empty()
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        (!names.is_empty()).then(|| and_list(&names))
    }

    /// The indicators in scope; `None` for the council (every one).
    pub fn indicators(&self, ds: &Dataset, thread: &Thread) -> Option<BTreeSet<String>> {
        match self {
            Scope::Council => None,
            Scope::Portfolio(_) | Scope::Portfolios(_) => {
                let mut by = thread.group_by(&ds.links, |n| n.portfolio.as_deref());
                Some(
                    self.portfolio_codes()
                        .iter()
                        .flat_map(|code| by.remove(code).unwrap_or_default())
                        .collect(),
                )
            }
            Scope::Service(code) => Some(
                thread
                    .group_by(&ds.links, |n| n.service.as_deref())
                    .remove(code)
                    .unwrap_or_default(),
            ),
            Scope::Plan(node) => Some(thread.indicators_beneath(node)),
        }
    }

    /// Whether a plan node is in scope: any node for the council; for a portfolio or a
    /// service, a node that inherits it; for a plan node, that node or one beneath it.
    pub fn holds_node(&self, thread: &Thread, node: &str) -> bool {
        let ancestry = thread.ancestry(node);
        match self {
            Scope::Council => true,
            Scope::Portfolio(_) | Scope::Portfolios(_) => ancestry
                .iter()
                .find_map(|n| n.portfolio.as_deref())
                .is_some_and(|p| self.portfolio_codes().iter().any(|c| c == p)),
            Scope::Service(code) => ancestry
                .iter()
                .find_map(|n| n.service.as_deref())
                .is_some_and(|s| s == code),
            Scope::Plan(code) => ancestry.iter().any(|n| &n.code == code),
        }
    }

    /// The report's title: "Council: performance report 2026/27 Q2", or the portfolio's,
    /// service's or plan node's report.
    pub fn title(&self, ds: &Dataset, period: Period) -> String {
        let council = if ds.settings.council_name.is_empty() {
            "Council"
        } else {
            &ds.settings.council_name
        };
        let name = |named: &[crate::store::Named], code: &str| {
            named
                .iter()
                .find(|n| n.code == code)
                .map_or(code.to_string(), |n| n.name.clone())
        };
        // A financial year's report is the annual report: the year's outturn.
        let report = if matches!(period, Period::Year(_)) {
            "annual performance report"
        } else {
            "performance report"
        };
        match self {
            Scope::Council => format!("{council}: {report} {period}"),
            Scope::Portfolio(code) => format!(
                "{council}: {} portfolio summary {period}",
                name(&ds.portfolios, code)
            ),
            Scope::Portfolios(codes) => {
                let names: Vec<String> = codes.iter().map(|c| name(&ds.portfolios, c)).collect();
                format!("{council}: {} portfolio summary {period}", and_list(&names))
            }
            Scope::Service(code) => {
                format!("{council}: {} {report} {period}", name(&ds.services, code))
            }
            Scope::Plan(code) => {
                let title = ds.node(code).map_or("", |n| n.title.as_str());
                format!("{council}: {code} {title}: {report} {period}")
            }
        }
    }
}

/// The codes of the portfolios `login` holds (their `holder` is that login), in the
/// council's order: what `pmdb report --portfolio mine` covers and the Rollup tab opens on.
pub fn held_by(ds: &Dataset, login: &str) -> Vec<String> {
    ds.portfolios
        .iter()
        .filter(|p| !login.is_empty() && p.lead == login)
        .map(|p| p.code.clone())
        .collect()
}

/// "a, b and c": the portfolios a page covers, or their holders.
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
