//! Importing actions and the owners' updates for them.

use super::*;

impl Store {
    /// Imports actions (admins and the performance team), with the plan nodes they serve.
    pub fn import_actions_naming(
        &mut self,
        rows: &[(usize, ActionRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("actions")?;
        let stored = keyed(self.actions()?, |a| a.code.clone());
        let links = links_by(self.action_links()?, |l| (l.action, l.node));
        let none = BTreeSet::new();
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, r) in rows {
                let a = &r.action;
                let old = stored.get(&a.code);
                let new = ActionRecord {
                    id: old.map_or(0, |o| o.id),
                    code: a.code.clone(),
                    title: columns.pick("title", &a.title, old.map(|o| &o.title)),
                    kind: columns.pick("kind", &a.kind, old.map(|o| &o.kind)),
                    owner: columns.pick("owner", &a.owner, old.map(|o| &o.owner)),
                    start: columns.pick("start", &a.start, old.map(|o| &o.start)),
                    due: columns.pick("due", &a.due, old.map(|o| &o.due)),
                };
                let old_links = links.get(&a.code).unwrap_or(&none);
                let plan: BTreeSet<String> = r.plan.iter().cloned().collect();
                let new_links = columns.pick("plan", &plan, Some(old_links));
                if columns.has("owner") {
                    check_owner(tx, *row, &new.owner)?;
                }
                check_nodes(tx, *row, new_links.difference(old_links))?;
                let same = old == Some(&new);
                if same && &new_links == old_links {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if !same {
                    tx.execute(
                        "INSERT INTO actions (code, title, kind, owner, start, due)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                         ON CONFLICT(code) DO UPDATE SET title = ?2, kind = ?3, owner = ?4,
                           start = ?5, due = ?6",
                        params![new.code, new.title, new.kind, new.owner, new.start, new.due],
                    )?;
                }
                relink(
                    tx,
                    "action_links",
                    "action",
                    &new.code,
                    old_links,
                    &new_links,
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports action updates: admins and the performance team for any action, an officer
    /// for the actions they own. The action must exist; a signed-off period is locked.
    pub fn import_action_updates_naming(
        &mut self,
        rows: &[(usize, ActionUpdateRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let actions = keyed(self.actions()?, |a| a.code.clone());
        let stored = keyed(self.action_updates()?, |u| {
            (u.action.clone(), u.period.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, u) in rows {
                let Some(action) = actions.get(&u.action) else {
                    return Err(row_error(
                        *row,
                        "code",
                        format!(
                            "no action '{}' (import an actions file adding it first)",
                            crate::safe_text::line(&u.action)
                        ),
                    ));
                };
                may_update(&actor, "action updates", *row, &u.action, &action.owner)?;
                let old = stored.get(&(u.action.clone(), u.period.clone()));
                let status = columns.pick("status", &u.status, old.map(|o| &o.status));
                let progress = columns.pick("progress", &u.progress, old.map(|o| &o.progress));
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
                if let Ok(p) = u.period.parse::<Period>() {
                    period_open(tx, *row, "period", p)?;
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
            Ok(summary)
        })
    }
}
