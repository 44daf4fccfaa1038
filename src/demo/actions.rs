//! Portfolio actions (on key activities, owned by heads of service) and team actions (on
//! team plans, owned by team leaders; one set per area), each with its owner's monthly
//! updates from its start. Dates are relative to today, so some are always completed, some
//! on track, a few overdue (some with an agreed revised date) and a few without this
//! month's update.

use super::calendar::Calendar;
use super::people::Area;
use super::updates::History;
use crate::store::{ActionLinkRecord, ActionRecord, ActionUpdateRecord};

/// Who owns an action: a named login, or the holder of a post in the action's area.
enum Owner {
    Login(&'static str),
    Post(usize),
}

struct Action {
    code: &'static str,
    title: &'static str,
    node: &'static str,
    owner: Owner,
    /// Due this many days from today (negative: in the past).
    due: i64,
    status: &'static str,
    progress: i64,
}

use Owner::{Login, Post};

#[rustfmt::skip] // a table: one row a line reads best
const PORTFOLIO: &[Action] = &[
    Action { code: "ACT-01", title: "Roll out weekly food waste collections to all households", node: "KA1.1.1", owner: Login("glewis"), due: -120, status: "completed", progress: 100 },
    Action { code: "ACT-02", title: "Adopt the new Local Plan at Full Council", node: "KA3.1.2", owner: Login("hcarter"), due: 150, status: "on_track", progress: 65 },
    Action { code: "ACT-03", title: "Open the Kingsmead leisure centre extension", node: "KA2.3.1", owner: Login("tfletcher"), due: 60, status: "at_risk", progress: 70 },
    Action { code: "ACT-04", title: "Agree the Wyvern town centre masterplan with Cabinet", node: "KA3.2.1", owner: Login("hcarter"), due: -30, status: "at_risk", progress: 80 },
    Action { code: "ACT-05", title: "Publish the Climate Action Plan annual report", node: "KA1.3.1", owner: Login("revans"), due: -200, status: "completed", progress: 100 },
    Action { code: "ACT-06", title: "Launch phase 2 of the customer portal (council tax and benefits)", node: "KA4.2.1", owner: Login("rmoore"), due: -14, status: "on_track", progress: 90 },
    Action { code: "ACT-07", title: "Set a balanced budget and medium-term financial strategy for next year", node: "KA4.1.2", owner: Login("cbennett"), due: 95, status: "on_track", progress: 40 },
    Action { code: "ACT-08", title: "Review the homelessness and rough sleeping strategy", node: "KA2.1.1", owner: Login("pshah"), due: 45, status: "not_started", progress: 0 },
    Action { code: "ACT-09", title: "Start 40 homes on the Brook Street site with Wyvern Homes", node: "KA2.2.1", owner: Login("pshah"), due: 300, status: "on_track", progress: 35 },
    Action { code: "ACT-10", title: "Agree the Community Safety Partnership plan with the police", node: "KA2.3.2", owner: Login("pshah"), due: -60, status: "completed", progress: 100 },
];

#[rustfmt::skip] // a table: one row a line reads best
const TEAM: &[Action] = &[
    Action { code: "ACT-11", title: "Recruit two planning officers and clear the 13-week backlog", node: "TP-PLN-DM", owner: Post(0), due: -21, status: "at_risk", progress: 60 },
    Action { code: "ACT-12", title: "Send extension-of-time letters automatically at week 6", node: "TP-PLN-DM", owner: Post(0), due: -90, status: "completed", progress: 100 },
    Action { code: "ACT-13", title: "Run the single-person discount review", node: "TP-REV-CT", owner: Post(2), due: 40, status: "on_track", progress: 55 },
    Action { code: "ACT-14", title: "Move new benefit claims to the online form", node: "TP-REV-BN", owner: Post(3), due: -150, status: "completed", progress: 100 },
    Action { code: "ACT-15", title: "Re-optimise the refuse and recycling rounds", node: "TP-WES-WR", owner: Post(4), due: 30, status: "on_track", progress: 75 },
    Action { code: "ACT-16", title: "Install CCTV at the five worst fly-tipping hotspots", node: "TP-WES-SS", owner: Post(5), due: -45, status: "at_risk", progress: 60 },
    Action { code: "ACT-17", title: "Complete the overdue category A–C food hygiene inspections", node: "TP-WES-EH", owner: Post(6), due: 20, status: "on_track", progress: 80 },
    Action { code: "ACT-18", title: "Procure a second private-sector leasing scheme for temporary accommodation", node: "TP-HSG-HO", owner: Post(7), due: -10, status: "at_risk", progress: 50 },
    Action { code: "ACT-19", title: "Bring 40 long-term empty homes back into use", node: "TP-HSG-HD", owner: Post(8), due: 130, status: "on_track", progress: 45 },
    Action { code: "ACT-20", title: "Relaunch the leisure membership offer", node: "TP-LAC-LS", owner: Post(9), due: -100, status: "completed", progress: 100 },
    Action { code: "ACT-21", title: "Reopen the museum's upper galleries", node: "TP-LAC-CH", owner: Post(10), due: 75, status: "on_track", progress: 60 },
    Action { code: "ACT-22", title: "Introduce callbacks and web chat in the contact centre", node: "TP-CUS-CC", owner: Post(11), due: -5, status: "on_track", progress: 95 },
    Action { code: "ACT-23", title: "Launch online garden waste renewals", node: "TP-CUS-DG", owner: Post(12), due: -250, status: "completed", progress: 100 },
    Action { code: "ACT-24", title: "Train every manager in the new absence management policy", node: "TP-HRO-HR", owner: Post(13), due: 25, status: "on_track", progress: 70 },
    Action { code: "ACT-25", title: "Complete annual appraisals for all staff", node: "TP-HRO-OD", owner: Post(14), due: -140, status: "completed", progress: 100 },
    Action { code: "ACT-26", title: "Publish the FOI disclosure log online", node: "TP-LDS-IG", owner: Post(15), due: 60, status: "not_started", progress: 10 },
    Action { code: "ACT-27", title: "Implement e-invoicing and no-PO-no-pay", node: "TP-FIN-EX", owner: Post(17), due: -35, status: "at_risk", progress: 70 },
    Action { code: "ACT-28", title: "Close the accounts by the statutory deadline", node: "TP-FIN-AC", owner: Post(18), due: -180, status: "completed", progress: 100 },
];

/// Portfolio actions run a year and team actions eight months, up to their due date.
const PORTFOLIO_DAYS: i64 = 365;
const TEAM_DAYS: i64 = 240;

/// An action with its plan link and its owner's monthly updates.
pub struct Demo {
    pub action: ActionRecord,
    pub link: ActionLinkRecord,
    pub updates: Vec<ActionUpdateRecord>,
}

fn record(id: i64, a: &Action, area: &Area, cal: &Calendar, team: bool) -> Demo {
    let owner = match a.owner {
        Login(l) => l.to_string(),
        Post(p) => area.post(p).to_string(),
    };
    let code = if team {
        area.code(a.code)
    } else {
        a.code.to_string()
    };
    let start = cal.day(a.due - if team { TEAM_DAYS } else { PORTFOLIO_DAYS });
    let due = cal.day(a.due);
    let plan = History {
        start,
        due,
        status: a.status,
        progress: a.progress,
        // Every third open action late on its due date has an agreed revised date.
        revised: (a.due < 0 && a.status != "completed" && id % 3 != 0).then(|| cal.day(a.due + 75)),
        // One action in seven has no update for the month now due.
        skips_last: id % 7 == 3 && a.status != "completed",
    };
    Demo {
        link: ActionLinkRecord {
            action: code.clone(),
            node: if team {
                area.code(a.node)
            } else {
                a.node.to_string()
            },
        },
        updates: plan.updates(&code, &owner, a.title, cal),
        action: ActionRecord {
            id,
            code,
            title: a.title.to_string(),
            kind: if team { "team" } else { "portfolio" }.to_string(),
            owner,
            start: Some(start.to_string()),
            due: due.to_string(),
            frequency: "monthly".to_string(),
        },
    }
}

/// The portfolio actions once, then each area's team actions.
pub fn records(areas: &[Area], cal: &Calendar) -> Vec<Demo> {
    let mut list = Vec::new();
    for a in PORTFOLIO {
        list.push((a, &areas[0], false));
    }
    for area in areas {
        for a in TEAM {
            list.push((a, area, true));
        }
    }
    list.into_iter()
        .enumerate()
        .map(|(i, (a, area, team))| record(i as i64 + 1, a, area, cal, team))
        .collect()
}
