//! Importing actions and the owners' updates for them.

use super::*;
use crate::domain::delivery::action::ActionStatus;

impl Store {
    /// Imports actions (admins and the performance team), with the plan nodes they serve.
    pub fn import_actions_naming(
        &mut self,
        rows: &[(usize, ActionRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("actions")?;
        let linked = Linked {
            stored: keyed(self.actions()?, |a| a.code.clone()),
            links: links_by(self.action_links()?, |l| (l.action, l.node)),
            links_table: "action_links",
            projects_table: None,
            column: "action",
        };
        let kind = LinkedKind {
            parts: &|r: &ActionRow| (r.action.code.as_str(), r.plan.as_slice()),
            merge: &|r: &ActionRow, old: Option<&ActionRecord>| {
                let a = &r.action;
                ActionRecord {
                    id: old.map_or(0, |o| o.id),
                    code: a.code.clone(),
                    title: columns.pick("title", &a.title, old.map(|o| &o.title)),
                    kind: columns.pick("kind", &a.kind, old.map(|o| &o.kind)),
                    owner: columns.pick("owner", &a.owner, old.map(|o| &o.owner)),
                    start: columns.pick("start", &a.start, old.map(|o| &o.start)),
                    due: columns.pick("due", &a.due, old.map(|o| &o.due)),
                    frequency: columns.pick("frequency", &a.frequency, old.map(|o| &o.frequency)),
                }
            },
            owner: &|a: &ActionRecord| a.owner.as_str(),
            upsert: &|tx: &Connection, a: &ActionRecord| {
                tx.execute(
                    "INSERT INTO actions (code, title, kind, owner, start, due, frequency)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT(code) DO UPDATE SET title = ?2, kind = ?3, owner = ?4,
                       start = ?5, due = ?6, frequency = ?7",
                    params![
                        a.code,
                        a.title,
                        a.kind,
                        a.owner,
                        a.start,
                        a.due,
                        a.frequency
                    ],
                )
            },
        };
        import_linked(self, rows, columns, linked, kind)
    }

    /// Imports action updates: admins and the performance team for any action, an officer
    /// for the actions they own. The action must exist; a signed-off period is locked; each
    /// changed update keeps the rules `actions update` keeps (`domain::delivery::rules`).
    pub fn import_action_updates_naming(
        &mut self,
        rows: &[(usize, ActionUpdateRecord)],
        columns: &Columns,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let actions = keyed(self.actions()?, |a| a.code.clone());
        let stored = keyed(self.action_updates()?, |u| {
            (u.action.clone(), u.period.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, u) in rows {
                let Some(action) = actions.get(&u.action) else {
                    bad.keep::<()>(Err(unknown_ref(
                        *row,
                        "code",
                        &u.action,
                        format!(
                            "no action '{}' (import an actions file adding it first)",
                            crate::safe_text::line(&u.action)
                        ),
                    )))?;
                    continue;
                };
                or_next_row!(
                    bad,
                    may_update(&actor, "action updates", *row, &u.action, &action.owner)
                );
                let old = stored.get(&(u.action.clone(), u.period.clone()));
                let status = columns.pick("status", &u.status, old.map(|o| &o.status));
                // A completed update is 100% done: the file's figure (read as 100 when
                // blank, refused when another), or 100 when the file has no progress column.
                let progress = if status == ActionStatus::Completed.as_str() {
                    u.progress.or(Some(100))
                } else {
                    columns.pick("progress", &u.progress, old.map(|o| &o.progress))
                };
                let forecast = columns.pick("forecast", &u.forecast, old.map(|o| &o.forecast));
                let commentary =
                    columns.pick("commentary", &u.commentary, old.map(|o| &o.commentary));
                if let Some(o) = old
                    && (&o.status, &o.progress, &o.forecast, &o.commentary)
                        == (&status, &progress, &forecast, &commentary)
                {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if let (Ok(p), Ok(s)) = (u.period.parse::<Period>(), status.parse::<ActionStatus>())
                {
                    let rule = rules::action_update(&u.action, p, s, progress, &commentary, today);
                    or_next_row!(bad, rule.map_err(|b| broken(*row, b)));
                    or_next_row!(bad, period_open(tx, *row, "period", p));
                }
                tx.execute(
                    "INSERT INTO action_updates (action, period, status, progress, forecast,
                       commentary, entered_by, entered_at, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)
                     ON CONFLICT(action, period) DO UPDATE SET status = ?3, progress = ?4,
                       forecast = ?5, commentary = ?6, entered_by = ?7, entered_at = ?8,
                       version = version + 1",
                    params![
                        u.action,
                        u.period,
                        status,
                        progress,
                        forecast,
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
}
