//! The rest of an officer's monthly return, below their indicators on the Entry tab: each
//! open action and project they own, with whether the month's update is given, and each
//! open risk they own whose review falls due by the month's end or is overdue.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::assess::Context;
use crate::domain::deadline::deadline;
use crate::domain::delivery::action::{ActionState, ActionStatus};
use crate::domain::delivery::project::{ProjectState, ProjectStatus};
use crate::domain::delivery::{DeliveryRag, UpdateFrequency};
use crate::domain::period::{Month, Period};
use crate::query::delivery::{ActionRow, ProjectRow};
use crate::store::{ActionUpdateRecord, Dataset, ProjectUpdateRecord};

/// What a row of the return is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Action,
    Project,
    Risk,
}

impl ItemKind {
    /// The marker before the title, so the kinds are told apart without colour.
    pub fn tag(self) -> &'static str {
        match self {
            ItemKind::Action => "ACT",
            ItemKind::Project => "PRJ",
            ItemKind::Risk => "RSK",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            ItemKind::Action => "action",
            ItemKind::Project => "project",
            ItemKind::Risk => "risk",
        }
    }
}

/// What the editor opens with: this month's update if given, else the latest carried
/// forward (its status, progress and dates; the commentary is the month's own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seed {
    pub status: String,
    pub progress: Option<i64>,
    pub forecast: Option<String>,
    pub spent: Option<f64>,
    pub likelihood: u8,
    pub impact: u8,
    pub commentary: String,
}

/// One action, project or risk the officer owes an update or review for.
#[derive(Debug, Clone)]
pub struct ReturnRow {
    pub kind: ItemKind,
    pub code: String,
    pub title: String,
    /// The month the update is for; a risk's review is dated today, so today's month.
    pub period: Period,
    /// Its status now: the status word ("at_risk", "missing") or a risk's score.
    pub status: String,
    pub rag: DeliveryRag,
    /// Progress ("68%"), spend to date, or a risk's "4×5=20".
    pub figure: String,
    /// A risk's target score.
    pub target: String,
    /// When the update (or the review) is owed.
    pub due: NaiveDate,
    /// This month's update is given (a risk: reviewed since the month began).
    pub given: bool,
    /// Not given and owed before today.
    pub overdue: bool,
    pub locked: Option<Period>,
    /// The version of the update stored for `period` (0: none): a save expects it.
    pub version: i64,
    pub seed: Seed,
}

impl ReturnRow {
    /// "done", "to do", or "update missing" ("review overdue" for a risk).
    pub fn mark(&self) -> &'static str {
        match (self.given, self.overdue, self.kind) {
            (true, _, _) => "done",
            (false, true, ItemKind::Risk) => "review overdue",
            (false, true, _) => "update missing",
            (false, false, _) => "to do",
        }
    }
}

fn date(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

/// An action or a project as the return sees it. Either owes the month's update unless it
/// is closed or the month is not one it reports in; either's editor opens with this
/// month's update if given, else the latest carried forward.
struct Updatable<'a> {
    kind: ItemKind,
    code: &'a str,
    title: &'a str,
    owner: &'a str,
    start: Option<&'a str>,
    frequency: &'a str,
    open: bool,
    status: &'static str,
    rag: DeliveryRag,
    /// This month's update as stored, and its version.
    this: Option<(Seed, i64)>,
    /// The latest update's status and figures (the commentary is the month's own).
    latest: Seed,
}

impl<'a> Updatable<'a> {
    fn action(row: ActionRow<'a>, this: Option<(Seed, i64)>) -> Updatable<'a> {
        let (a, j) = (row.record, row.judgement);
        let latest = j.latest.as_ref();
        Updatable {
            kind: ItemKind::Action,
            code: &a.code,
            title: &a.title,
            owner: &a.owner,
            start: a.start.as_deref(),
            frequency: &a.frequency,
            open: match j.status {
                ActionState::Missing => true,
                ActionState::Status(s) => s.is_open(),
            },
            status: j.status.as_str(),
            rag: j.rag,
            this,
            latest: Seed {
                status: latest
                    .map_or(ActionStatus::NotStarted, |u| u.status)
                    .as_str()
                    .to_string(),
                progress: latest.and_then(|u| u.progress.map(i64::from)),
                forecast: latest
                    .and_then(|u| u.forecast)
                    .map(|f| f.format("%Y-%m-%d").to_string()),
                ..Seed::default()
            },
        }
    }

    fn project(row: ProjectRow<'a>, this: Option<(Seed, i64)>) -> Updatable<'a> {
        let (p, j) = (row.record, row.judgement);
        let latest = j.latest.as_ref();
        Updatable {
            kind: ItemKind::Project,
            code: &p.code,
            title: &p.title,
            owner: &p.owner,
            start: p.start.as_deref(),
            frequency: &p.frequency,
            open: match j.status {
                ProjectState::Status(s) => s.is_open(),
                ProjectState::Missing | ProjectState::NotStarted => true,
            },
            status: j.status.as_str(),
            rag: j.rag,
            this,
            latest: Seed {
                status: latest
                    .map_or(ProjectStatus::OnTrack, |u| u.status)
                    .as_str()
                    .to_string(),
                spent: latest.and_then(|u| u.spent),
                ..Seed::default()
            },
        }
    }
}

impl Seed {
    fn of_action(u: &ActionUpdateRecord) -> (Seed, i64) {
        let seed = Seed {
            status: u.status.clone(),
            progress: u.progress,
            forecast: u.forecast.clone(),
            commentary: u.commentary.clone(),
            ..Seed::default()
        };
        (seed, u.version)
    }

    fn of_project(u: &ProjectUpdateRecord) -> (Seed, i64) {
        let seed = Seed {
            status: u.status.clone(),
            spent: u.spent,
            commentary: u.commentary.clone(),
            ..Seed::default()
        };
        (seed, u.version)
    }

    /// The row's figure: an action's progress ("68%"), a project's spend to date.
    fn figure(&self, kind: ItemKind) -> String {
        match kind {
            ItemKind::Action => self.progress.map(|p| format!("{p}%")),
            _ => self
                .spent
                .map(|s| crate::domain::number::fmt_decimals(s, 0)),
        }
        .unwrap_or_default()
    }
}

/// What `officer` owes for `month` besides indicator values, actions then projects then
/// risks, each in the store's order.
pub fn entry_return(ds: &Dataset, officer: &str, month: Month, ctx: Context) -> Vec<ReturnRow> {
    let d = &ds.delivery;
    let period = Period::Month(month);
    let end = month.last_day();
    let key = period.to_string();
    let due = deadline(period, ctx.deadline_day);
    let passed = ctx.today > due;
    let locked = ds.signoffs.locking(period);
    // This month's updates and today's reviews by code, found once rather than per item.
    let actions_now: HashMap<&str, (Seed, i64)> = d
        .action_updates
        .iter()
        .filter(|u| u.period == key)
        .map(|u| (u.action.as_str(), Seed::of_action(u)))
        .collect();
    let projects_now: HashMap<&str, (Seed, i64)> = d
        .project_updates
        .iter()
        .filter(|u| u.period == key)
        .map(|u| (u.project.as_str(), Seed::of_project(u)))
        .collect();
    let today = ctx.today.to_string();
    let reviews_today: HashMap<&str, i64> = d
        .risk_reviews
        .iter()
        .filter(|v| v.date == today)
        .map(|v| (v.risk.as_str(), v.version))
        .collect();
    // The row of an action or project the officer owns and has begun, if it owes this
    // month's update or has one.
    let owed = |item: Updatable| -> Option<ReturnRow> {
        if item.owner != officer || item.start.and_then(date).is_some_and(|s| s > end) {
            return None;
        }
        // A quarterly item owes its update in the quarter's last month only.
        let owes_this_month = item.frequency != UpdateFrequency::Quarterly.as_str()
            || month.quarter().last_month() == month;
        if (!item.open || !owes_this_month) && item.this.is_none() {
            return None;
        }
        let given = item.this.is_some();
        let (seed, version) = item.this.unwrap_or((item.latest, 0));
        Some(ReturnRow {
            kind: item.kind,
            code: item.code.to_string(),
            title: item.title.to_string(),
            period,
            status: item.status.to_string(),
            rag: item.rag,
            figure: seed.figure(item.kind),
            target: String::new(),
            due,
            given,
            overdue: !given && passed,
            locked,
            version,
            seed,
        })
    };
    let actions = d.action_rows(period, ctx).into_iter().map(|row| {
        let this = actions_now.get(row.record.code.as_str()).cloned();
        Updatable::action(row, this)
    });
    let projects = d.project_rows(period, ctx).into_iter().map(|row| {
        let this = projects_now.get(row.record.code.as_str()).cloned();
        Updatable::project(row, this)
    });
    let mut out: Vec<ReturnRow> = actions.chain(projects).filter_map(owed).collect();
    // A review is dated today: judged as at today, so a review just saved shows.
    let today_month = Month::of(ctx.today);
    let review_period = Period::Month(today_month);
    let review_locked = ds.signoffs.locking(review_period);
    let by = end.max(ctx.today);
    for row in d.risk_rows(review_period) {
        let r = row.record;
        let j = &row.judgement;
        if r.owner != officer || !j.open {
            continue;
        }
        let given = j.last_review.is_some_and(|l| l >= month.first_day());
        let falls_due = j.review_due.is_none_or(|due| due <= by);
        if !given && !falls_due {
            continue;
        }
        let due = j.review_due.unwrap_or(ctx.today);
        out.push(ReturnRow {
            kind: ItemKind::Risk,
            code: r.code.clone(),
            title: r.title.clone(),
            period: review_period,
            status: format!("score {}", j.score),
            rag: j.rag,
            figure: format!("{}×{}={}", j.likelihood, j.impact, j.score),
            target: r.target_score.to_string(),
            due,
            given,
            overdue: !given && due < ctx.today,
            locked: review_locked,
            // A review already given today is the one a save replaces.
            version: reviews_today.get(r.code.as_str()).copied().unwrap_or(0),
            seed: Seed {
                likelihood: j.likelihood,
                impact: j.impact,
                ..Seed::default()
            },
        });
    }
    out
}
