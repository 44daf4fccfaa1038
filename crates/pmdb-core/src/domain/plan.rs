//! The golden thread: Vision → Priorities → Critical Outcomes → Key Activities → Service
//! Plans → Team Plans → individual objectives.

use serde::Serialize;

use super::indicator::words;
use super::period::FinYear;

words!(
    /// The level of a node in the golden thread.
    NodeKind, "plan node kind" {
        Vision = "vision",
        Priority = "priority",
        Outcome = "outcome",
        Activity = "activity",
        ServicePlan = "service_plan",
        TeamPlan = "team_plan",
        Objective = "objective",
    }
);

impl NodeKind {
    /// Depth in the thread: a node's parent must sit at a lower depth.
    pub fn depth(self) -> usize {
        NodeKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Vision => "Vision",
            NodeKind::Priority => "Priority",
            NodeKind::Outcome => "Outcome",
            NodeKind::Activity => "Activity",
            NodeKind::ServicePlan => "Service plan",
            NodeKind::TeamPlan => "Team plan",
            NodeKind::Objective => "Objective",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct PlanNode {
    pub code: String,
    pub kind: NodeKind,
    pub parent: Option<String>,
    pub title: String,
    pub owner: String,
    pub portfolio: Option<String>,
    pub service: Option<String>,
    pub from_year: FinYear,
    pub to_year: Option<FinYear>,
}

impl PlanNode {
    /// Whether the node is part of the plan in a financial year.
    pub fn live_in(&self, year: FinYear) -> bool {
        self.from_year <= year && self.to_year.is_none_or(|to| year <= to)
    }
}

/// Checks a node's place in the thread given its parent's kind. Any kind may be a root: a
/// plan taken from a spreadsheet often starts at its priorities or outcomes, with no vision
/// row. A parent must sit higher in the thread than its child.
pub fn check_parent(kind: NodeKind, parent: Option<NodeKind>) -> Result<(), ParentError> {
    match (kind, parent) {
        (_, None) => Ok(()),
        (NodeKind::Vision, Some(_)) => Err(ParentError::VisionHasNone),
        (k, Some(p)) if p.depth() >= k.depth() => Err(ParentError::Below { kind: k, parent: p }),
        _ => Ok(()),
    }
}

/// A node placed where the thread does not allow it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParentError {
    #[error("a vision has no parent")]
    VisionHasNone,
    #[error(
        "{kind} cannot sit beneath {parent}: the thread runs vision → priority → outcome → activity → service_plan → team_plan → objective"
    )]
    Below { kind: NodeKind, parent: NodeKind },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_runs_downwards() {
        assert_eq!(check_parent(NodeKind::Vision, None), Ok(()));
        assert_eq!(
            check_parent(NodeKind::Priority, Some(NodeKind::Vision)),
            Ok(())
        );
        // A service plan may hang directly from an outcome (not every activity has one).
        assert_eq!(
            check_parent(NodeKind::ServicePlan, Some(NodeKind::Outcome)),
            Ok(())
        );
        assert!(
            check_parent(NodeKind::Priority, Some(NodeKind::Outcome))
                .unwrap_err()
                .to_string()
                .contains("cannot sit beneath")
        );
        // Any level may start the plan: priorities, outcomes, even objectives.
        for kind in NodeKind::ALL {
            assert_eq!(check_parent(*kind, None), Ok(()), "{kind} as a root");
        }
        assert_eq!(
            check_parent(NodeKind::Vision, Some(NodeKind::Vision)),
            Err(ParentError::VisionHasNone)
        );
        assert!(
            check_parent(NodeKind::Outcome, Some(NodeKind::Outcome))
                .unwrap_err()
                .to_string()
                .contains("outcome cannot sit beneath outcome")
        );
    }

    #[test]
    fn live_years() {
        let node = PlanNode {
            code: "P1".into(),
            kind: NodeKind::Priority,
            parent: Some("V".into()),
            title: "Homes".into(),
            owner: String::new(),
            portfolio: None,
            service: None,
            from_year: FinYear(2024),
            to_year: Some(FinYear(2025)),
        };
        assert!(!node.live_in(FinYear(2023)));
        assert!(node.live_in(FinYear(2024)) && node.live_in(FinYear(2025)));
        assert!(!node.live_in(FinYear(2026)));
    }
}
