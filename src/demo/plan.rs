//! The golden thread: one vision, four priorities, their critical outcomes and key
//! activities (shared by every area), then for each area a service plan per service, a
//! team plan per team and an individual objective per officer post.

use super::calendar::Calendar;
use super::org::{POSTS, SERVICES, TEAMS};
use super::people::Area;
use crate::domain::plan::{NodeKind, PlanNode};

pub const VISION: &str = "VIS";

/// (code, title, owner, portfolio)
#[rustfmt::skip] // a table: one row a line reads best
const PRIORITIES: &[(&str, &str, &str, &str)] = &[
    ("PR1", "A greener Wyvern Vale", "revans", "ENV"),
    ("PR2", "Homes and communities", "sclarke", "HCM"),
    ("PR3", "A thriving local economy", "revans", "ECO"),
    ("PR4", "An efficient, modern council", "nhussain", "RES"),
];

/// (code, priority, title, owner, portfolio)
#[rustfmt::skip] // a table: one row a line reads best
const OUTCOMES: &[(&str, &str, &str, &str, &str)] = &[
    ("CO1.1", "PR1", "Less waste, more recycling", "glewis", "ENV"),
    ("CO1.2", "PR1", "Clean, safe and healthy neighbourhoods", "glewis", "ENV"),
    ("CO1.3", "PR1", "A net zero council by 2030", "revans", "ENV"),
    ("CO2.1", "PR2", "Fewer households homeless", "pshah", "HCM"),
    ("CO2.2", "PR2", "More affordable, good-quality homes", "pshah", "HCM"),
    ("CO2.3", "PR2", "Healthy, active and safe communities", "tfletcher", "WEL"),
    ("CO3.1", "PR3", "A planning service that enables good growth", "hcarter", "ECO"),
    ("CO3.2", "PR3", "Vibrant town centres and growing businesses", "hcarter", "ECO"),
    ("CO4.1", "PR4", "Sound, sustainable finances", "cbennett", "RES"),
    ("CO4.2", "PR4", "Excellent, digital-first customer service", "rmoore", "LDR"),
    ("CO4.3", "PR4", "A skilled, healthy and well-led workforce", "sroberts", "LDR"),
];

/// (code, outcome, title, owner)
#[rustfmt::skip] // a table: one row a line reads best
const ACTIVITIES: &[(&str, &str, &str, &str)] = &[
    ("KA1.1.1", "CO1.1", "Introduce weekly food waste collections", "glewis"),
    ("KA1.1.2", "CO1.1", "Cut contamination and residual waste", "glewis"),
    ("KA1.2.1", "CO1.2", "Tackle fly-tipping and littering", "glewis"),
    ("KA1.2.2", "CO1.2", "Protect public health through food safety and pollution control", "glewis"),
    ("KA1.3.1", "CO1.3", "Decarbonise council buildings and fleet", "revans"),
    ("KA2.1.1", "CO2.1", "Prevent homelessness earlier", "pshah"),
    ("KA2.1.2", "CO2.1", "End the use of bed and breakfast for families", "pshah"),
    ("KA2.2.1", "CO2.2", "Deliver the affordable housing programme", "pshah"),
    ("KA2.3.1", "CO2.3", "Increase participation in sport and culture", "tfletcher"),
    ("KA2.3.2", "CO2.3", "Work with partners to reduce anti-social behaviour", "pshah"),
    ("KA3.1.1", "CO3.1", "Speed up planning decisions", "hcarter"),
    ("KA3.1.2", "CO3.1", "Adopt the new Local Plan", "hcarter"),
    ("KA3.2.1", "CO3.2", "Regenerate Wyvern town centre", "hcarter"),
    ("KA3.2.2", "CO3.2", "Support new and growing businesses", "hcarter"),
    ("KA4.1.1", "CO4.1", "Collect the income the council is due", "mdavies"),
    ("KA4.1.2", "CO4.1", "Deliver the medium-term financial plan", "cbennett"),
    ("KA4.2.1", "CO4.2", "Move transactions online", "rmoore"),
    ("KA4.2.2", "CO4.2", "Answer requests fully and on time", "dokafor"),
    ("KA4.3.1", "CO4.3", "Reduce sickness absence and agency spend", "sroberts"),
];

/// The service plan of a service in an area.
pub fn service_plan(area: &Area, service: &str) -> String {
    area.code(&format!("SP-{service}"))
}

/// An officer's individual objective.
pub fn objective(login: &str) -> String {
    format!("OBJ-{login}")
}

/// Every node of the plan, parents before children.
pub fn nodes(cal: &Calendar, areas: &[Area]) -> Vec<PlanNode> {
    let node = |code: &str, kind, parent: Option<&str>, title: &str, owner: &str| PlanNode {
        code: code.to_string(),
        kind,
        parent: parent.map(str::to_string),
        title: title.to_string(),
        owner: owner.to_string(),
        portfolio: None,
        service: None,
        from_year: cal.first_year,
        to_year: None,
    };
    let mut out = vec![node(
        VISION,
        NodeKind::Vision,
        None,
        "Wyvern Vale 2030: a greener, fairer and more prosperous place to live and work",
        "jmitchell",
    )];
    for (code, title, owner, portfolio) in PRIORITIES {
        out.push(PlanNode {
            portfolio: Some(portfolio.to_string()),
            ..node(code, NodeKind::Priority, Some(VISION), title, owner)
        });
    }
    for (code, parent, title, owner, portfolio) in OUTCOMES {
        out.push(PlanNode {
            portfolio: Some(portfolio.to_string()),
            ..node(code, NodeKind::Outcome, Some(parent), title, owner)
        });
    }
    for (code, parent, title, owner) in ACTIVITIES {
        out.push(node(code, NodeKind::Activity, Some(parent), title, owner));
    }
    for area in areas {
        for s in SERVICES {
            let title = area.title(&format!("{} service plan", s.name));
            let sp = node(
                &service_plan(area, s.code),
                NodeKind::ServicePlan,
                Some(s.activity),
                &title,
                area.manager(s.code),
            );
            out.push(PlanNode {
                service: Some(s.code.to_string()),
                ..sp
            });
        }
        for t in TEAMS {
            let parent = service_plan(area, t.service);
            let tp = node(
                &area.code(t.code),
                NodeKind::TeamPlan,
                Some(&parent),
                &area.title(t.title),
                area.post(t.lead),
            );
            out.push(PlanNode {
                service: Some(t.service.to_string()),
                ..tp
            });
        }
        for (i, p) in POSTS.iter().enumerate() {
            let login = area.post(i);
            let service = TEAMS
                .iter()
                .find(|t| t.code == p.team)
                .map(|t| t.service.to_string());
            let obj = node(
                &objective(login),
                NodeKind::Objective,
                Some(&area.code(p.team)),
                p.objective,
                login,
            );
            out.push(PlanNode { service, ..obj });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::people::Roster;

    #[test]
    fn the_thread_is_whole_and_every_parent_comes_first() {
        let cal = Calendar::new("2026-11-24".parse().unwrap());
        let roster = Roster::build(2);
        let nodes = nodes(&cal, &roster.areas);
        let mut seen = std::collections::BTreeSet::new();
        for n in &nodes {
            if let Some(p) = &n.parent {
                assert!(seen.contains(p), "{} before its parent {p}", n.code);
            }
            assert!(seen.insert(n.code.clone()), "{} twice", n.code);
        }
        let count = |k: NodeKind| nodes.iter().filter(|n| n.kind == k).count();
        assert_eq!(
            (count(NodeKind::Priority), count(NodeKind::Outcome)),
            (4, 11)
        );
        assert_eq!(count(NodeKind::ServicePlan), 2 * SERVICES.len());
        assert_eq!(count(NodeKind::TeamPlan), 2 * TEAMS.len());
        assert_eq!(count(NodeKind::Objective), 2 * POSTS.len());
    }
}
