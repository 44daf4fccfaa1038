//! Importing major projects, their owners' updates and their milestones.

use super::*;
use crate::domain::delivery::project::ProjectStatus;

impl Store {
    /// Imports major projects (admins and the performance team), with their plan nodes.
    pub fn import_projects_naming(
        &mut self,
        rows: &[(usize, ProjectRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("projects")?;
        let linked = Linked {
            stored: keyed(self.projects()?, |p| p.code.clone()),
            links: links_by(self.project_links()?, |l| (l.project, l.node)),
            links_table: "project_links",
            projects_table: None,
            column: "project",
        };
        let kind =
            LinkedKind {
                parts: &|r: &ProjectRow| (r.project.code.as_str(), r.plan.as_slice()),
                merge: &|r: &ProjectRow, old: Option<&ProjectRecord>| {
                    let p = &r.project;
                    ProjectRecord {
                        id: old.map_or(0, |o| o.id),
                        code: p.code.clone(),
                        title: columns.pick("title", &p.title, old.map(|o| &o.title)),
                        owner: columns.pick("owner", &p.owner, old.map(|o| &o.owner)),
                        start: columns.pick("start", &p.start, old.map(|o| &o.start)),
                        finish: columns.pick("finish", &p.finish, old.map(|o| &o.finish)),
                        budget: columns.pick("budget", &p.budget, old.map(|o| &o.budget)),
                        frequency: columns.pick(
                            "frequency",
                            &p.frequency,
                            old.map(|o| &o.frequency),
                        ),
                    }
                },
                owner: &|p: &ProjectRecord| p.owner.as_str(),
                upsert: &|tx: &Connection, p: &ProjectRecord| {
                    tx.execute(
                    "INSERT INTO projects (code, title, owner, start, finish, budget, frequency)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT(code) DO UPDATE SET title = ?2, owner = ?3, start = ?4,
                       finish = ?5, budget = ?6, frequency = ?7",
                    params![p.code, p.title, p.owner, p.start, p.finish, p.budget, p.frequency],
                )
                },
            };
        import_linked(self, rows, columns, linked, kind)
    }

    /// Imports project updates: as action updates, for projects.
    pub fn import_project_updates_naming(
        &mut self,
        rows: &[(usize, ProjectUpdateRecord)],
        columns: &Columns,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let projects = keyed(self.projects()?, |p| p.code.clone());
        let stored = keyed(self.project_updates()?, |u| {
            (u.project.clone(), u.period.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, u) in rows {
                let Some(project) = projects.get(&u.project) else {
                    bad.keep::<()>(Err(no_project(*row, "code", &u.project)))?;
                    continue;
                };
                or_next_row!(
                    bad,
                    may_update(&actor, "project updates", *row, &u.project, &project.owner)
                );
                let old = stored.get(&(u.project.clone(), u.period.clone()));
                let status = columns.pick("status", &u.status, old.map(|o| &o.status));
                let spent = columns.pick("spent", &u.spent, old.map(|o| &o.spent));
                let commentary =
                    columns.pick("commentary", &u.commentary, old.map(|o| &o.commentary));
                if let Some(o) = old
                    && (&o.status, &o.spent, &o.commentary) == (&status, &spent, &commentary)
                {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if let (Ok(p), Ok(s)) =
                    (u.period.parse::<Period>(), status.parse::<ProjectStatus>())
                {
                    let rule = rules::project_update(&u.project, p, s, spent, &commentary, today);
                    or_next_row!(bad, rule.map_err(|b| broken(*row, b)));
                    or_next_row!(bad, period_open(tx, *row, "period", p));
                }
                tx.execute(
                    "INSERT INTO project_updates (project, period, status, spent, commentary,
                       entered_by, entered_at, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
                     ON CONFLICT(project, period) DO UPDATE SET status = ?3, spent = ?4,
                       commentary = ?5, entered_by = ?6, entered_at = ?7, version = version + 1",
                    params![
                        u.project,
                        u.period,
                        status,
                        spent,
                        commentary,
                        actor.login,
                        at
                    ],
                )?;
                summary.count(outcome(old.is_some()));
            }
            bad.finish(summary)
        })
    }

    /// Imports milestones (admins and the performance team); a milestone is known by its
    /// project and title.
    pub fn import_milestones_naming(
        &mut self,
        rows: &[(usize, MilestoneRecord)],
        columns: &Columns,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        self.may_import("milestones")?;
        let projects = keyed(self.projects()?, |p| p.code.clone());
        let stored = keyed(self.milestones()?, |m| (m.project.clone(), m.title.clone()));
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, m) in rows {
                if !projects.contains_key(&m.project) {
                    bad.keep::<()>(Err(no_project(*row, "project", &m.project)))?;
                    continue;
                }
                let old = stored.get(&(m.project.clone(), m.title.clone()));
                let new = MilestoneRecord {
                    project: m.project.clone(),
                    title: m.title.clone(),
                    due: columns.pick("due", &m.due, old.map(|o| &o.due)),
                    forecast: columns.pick("forecast", &m.forecast, old.map(|o| &o.forecast)),
                    done: columns.pick("done", &m.done, old.map(|o| &o.done)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                // A date done that changes keeps the rules `projects milestone --done` keeps:
                // not after today, not in a signed-off month.
                if new.done != old.and_then(|o| o.done.clone())
                    && let Some(done) = new.done.as_deref().and_then(stored_day)
                {
                    let rule = rules::milestone_done(&new.project, done, today);
                    or_next_row!(bad, rule.map_err(|b| broken(*row, b)));
                    if let Some(p) = month_of(&done.to_string()) {
                        or_next_row!(bad, period_open(tx, *row, "done", p));
                    }
                }
                tx.execute(
                    "INSERT INTO milestones (project, title, due, forecast, done)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(project, title) DO UPDATE SET due = ?3, forecast = ?4, done = ?5",
                    params![new.project, new.title, new.due, new.forecast, new.done],
                )?;
                summary.count(outcome(old.is_some()));
            }
            bad.finish(summary)
        })
    }
}
