//! The major projects with their milestones and their owners' monthly updates: one
//! complete, and two whose milestones have slipped. Dates are relative to today.

use super::calendar::Calendar;
use super::people::Area;
use super::updates::entered_at;
use crate::domain::period::Month;
use crate::store::{MilestoneRecord, ProjectLinkRecord, ProjectRecord, ProjectUpdateRecord};

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

/// A project with its plan link, its owner's monthly updates and its milestones.
pub struct Demo {
    pub project: ProjectRecord,
    pub link: ProjectLinkRecord,
    pub updates: Vec<ProjectUpdateRecord>,
    pub milestones: Vec<MilestoneRecord>,
}

/// The status word an update gives for where the project stands now.
fn word(status: &str) -> &'static str {
    match status {
        "green" => "on_track",
        "amber" => "at_risk",
        "red" => "off_track",
        _ => "completed",
    }
}

pub fn records(cal: &Calendar) -> Vec<Demo> {
    PROJECTS
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let start = cal.day(p.start);
            let finish = cal.day(p.finish);
            let first = Month::of(start).max(cal.first_year.first_month());
            let done = (p.status == "complete").then(|| Month::of(finish));
            let last = done.unwrap_or(cal.now_due).min(cal.now_due);
            let span = f64::from(Month::of(start).months_until(Month::of(finish)).max(1));
            let mut updates = Vec::new();
            for k in 0..=first.months_until(last).max(-1) {
                let month = first.plus(k);
                let from_end = last.months_until(month).abs();
                // Trouble shows in the last four months; a completed project closes out.
                let status = match (Some(month) == done, from_end < 4) {
                    (true, _) => "completed",
                    (false, true) => word(p.status),
                    (false, false) => "on_track",
                };
                let share = f64::from(Month::of(start).months_until(month) + 1) / span;
                let commentary = match status {
                    "at_risk" => "A milestone has slipped; the programme board has agreed a recovery plan and the cost is held within the contingency.",
                    "off_track" => "The programme is behind its baseline; a revised plan goes to Cabinet next month.",
                    "completed" => "Delivered and handed over; the lessons-learned report is with the programme board.",
                    _ => "Progressing to plan and within budget.",
                };
                updates.push(ProjectUpdateRecord {
                    project: p.code.to_string(),
                    period: month.to_string(),
                    status: status.to_string(),
                    // Spend follows the programme, rounded to the pound.
                    spent: Some((p.budget * share.min(1.0) * 0.97).round()),
                    commentary: commentary.to_string(),
                    entered_by: p.owner.to_string(),
                    entered_at: entered_at(month, cal),
                    version: 1,
                });
            }
            let milestones = p
                .milestones
                .iter()
                .map(|(title, due, done)| MilestoneRecord {
                    project: p.code.to_string(),
                    title: title.to_string(),
                    due: cal.day(*due).to_string(),
                    // A milestone not yet done and already late has slipped to a new date.
                    forecast: (done.is_none() && *due < 0).then(|| cal.day(*due + 120).to_string()),
                    done: done.map(|d| cal.day(d).to_string()),
                })
                .collect();
            Demo {
                project: ProjectRecord {
                    id: i as i64 + 1,
                    code: p.code.to_string(),
                    title: p.title.to_string(),
                    owner: p.owner.to_string(),
                    start: Some(start.to_string()),
                    finish: Some(finish.to_string()),
                    budget: Some(p.budget),
                    frequency: "monthly".to_string(),
                },
                link: ProjectLinkRecord {
                    project: p.code.to_string(),
                    node: p.node.to_string(),
                },
                updates,
                milestones,
            }
        })
        .collect()
}

/// The same project as another area of a scaled council runs it: its own code, title,
/// owner and history.
pub fn in_area(d: &Demo, area: &Area, id: i64, owner: &str) -> Demo {
    let code = area.code(&d.project.code);
    Demo {
        project: ProjectRecord {
            id,
            code: code.clone(),
            title: area.title(&d.project.title),
            owner: owner.to_string(),
            ..d.project.clone()
        },
        link: ProjectLinkRecord {
            project: code.clone(),
            ..d.link.clone()
        },
        updates: d
            .updates
            .iter()
            .map(|u| ProjectUpdateRecord {
                project: code.clone(),
                entered_by: owner.to_string(),
                ..u.clone()
            })
            .collect(),
        milestones: d
            .milestones
            .iter()
            .map(|m| MilestoneRecord {
                project: code.clone(),
                ..m.clone()
            })
            .collect(),
    }
}
