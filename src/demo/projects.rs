//! The major projects with their milestones: one complete, some on track, one late and
//! red. Dates are relative to today.

use super::calendar::Calendar;
use crate::store::{MilestoneRecord, ProjectRecord};

struct Project {
    code: &'static str,
    title: &'static str,
    node: &'static str,
    owner: &'static str,
    status: &'static str,
    /// Start and finish, in days from today.
    start: i64,
    finish: i64,
    budget: f64,
    /// (title, due in days from today, done this many days from today or not yet)
    milestones: &'static [(&'static str, i64, Option<i64>)],
}

#[rustfmt::skip] // a table: one row a line reads best
const PROJECTS: &[Project] = &[
    Project {
        code: "PJ-01", title: "Food waste collection roll-out", node: "KA1.1.1", owner: "glewis", status: "complete",
        start: -720, finish: -120, budget: 2_400_000.0,
        milestones: &[
            ("Food waste vehicles delivered", -400, Some(-410)),
            ("Kitchen caddies delivered to every household", -200, Some(-190)),
            ("Phase 1 rounds live", -160, Some(-160)),
            ("All households collected weekly", -120, Some(-118)),
        ],
    },
    Project {
        code: "PJ-02", title: "Wyvern town centre regeneration: Market Square", node: "KA3.2.1", owner: "hcarter", status: "amber",
        start: -500, finish: 400, budget: 8_500_000.0,
        milestones: &[
            ("Masterplan consultation closes", -300, Some(-290)),
            ("Planning permission granted", -60, None),
            ("Main contractor appointed", 90, None),
            ("Works start on site", 150, None),
        ],
    },
    Project {
        code: "PJ-03", title: "Kingsmead leisure centre extension", node: "KA2.3.1", owner: "tfletcher", status: "amber",
        start: -600, finish: 60, budget: 6_200_000.0,
        milestones: &[
            ("Steel frame complete", -250, Some(-240)),
            ("Pool plant installed", -40, Some(-10)),
            ("Handover from the contractor", 45, None),
        ],
    },
    Project {
        code: "PJ-04", title: "Customer portal and CRM replacement", node: "KA4.2.1", owner: "rmoore", status: "green",
        start: -400, finish: 200, budget: 850_000.0,
        milestones: &[
            ("Supplier appointed", -380, Some(-385)),
            ("Phase 1 live: waste services", -200, Some(-205)),
            ("Phase 2 live: council tax and benefits", 10, None),
            ("Old CRM switched off", 180, None),
        ],
    },
    Project {
        code: "PJ-05", title: "Finance system (ERP) replacement", node: "KA4.1.2", owner: "cbennett", status: "red",
        start: -300, finish: 120, budget: 1_100_000.0,
        milestones: &[
            ("Design signed off", -220, Some(-200)),
            ("First data migration trial", -90, None),
            ("Go live", 120, None),
        ],
    },
    Project {
        code: "PJ-06", title: "Local Plan review", node: "KA3.1.2", owner: "hcarter", status: "green",
        start: -900, finish: 150, budget: 650_000.0,
        milestones: &[
            ("Regulation 19 consultation", -400, Some(-400)),
            ("Submitted to the Secretary of State", -250, Some(-252)),
            ("Examination hearings held", -60, Some(-58)),
            ("Adopted by Full Council", 150, None),
        ],
    },
];

/// The projects and, separately, their milestones (each naming its project's id).
pub fn records(cal: &Calendar) -> (Vec<ProjectRecord>, Vec<MilestoneRecord>) {
    let mut projects = Vec::new();
    let mut milestones = Vec::new();
    for (i, p) in PROJECTS.iter().enumerate() {
        let id = i as i64 + 1;
        projects.push(ProjectRecord {
            id,
            code: p.code.to_string(),
            title: p.title.to_string(),
            node: Some(p.node.to_string()),
            owner: p.owner.to_string(),
            status: p.status.to_string(),
            start: cal.day(p.start).to_string(),
            finish: cal.day(p.finish).to_string(),
            budget: Some(p.budget),
        });
        for (title, due, done) in p.milestones {
            milestones.push(MilestoneRecord {
                id: milestones.len() as i64 + 1,
                project: id,
                title: title.to_string(),
                due: cal.day(*due).to_string(),
                done_on: done.map(|d| cal.day(d).to_string()),
            });
        }
    }
    (projects, milestones)
}
