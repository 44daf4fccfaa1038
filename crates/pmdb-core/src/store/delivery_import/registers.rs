//! Importing EIAs, case studies, budgets and benchmarks.

use super::*;

impl Store {
    /// Imports equality impact assessments (admins and the performance team).
    pub fn import_eias_naming(
        &mut self,
        rows: &[(usize, EiaRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("EIAs")?;
        let stored = keyed(self.eias()?, |e| e.code.clone());
        let kind = KeyedKind {
            key: &|e: &EiaRecord| e.code.clone(),
            merge: &|e: &EiaRecord, old: Option<&EiaRecord>| EiaRecord {
                id: old.map_or(0, |o| o.id),
                code: e.code.clone(),
                title: columns.pick("title", &e.title, old.map(|o| &o.title)),
                node: columns.pick("plan", &e.node, old.map(|o| &o.node)),
                service: columns.pick("service", &e.service, old.map(|o| &o.service)),
                owner: columns.pick("owner", &e.owner, old.map(|o| &o.owner)),
                due: columns.pick("due", &e.due, old.map(|o| &o.due)),
                completed: columns.pick("completed", &e.completed, old.map(|o| &o.completed)),
                outcome: columns.pick("outcome", &e.outcome, old.map(|o| &o.outcome)),
            },
            check: &|tx: &Connection, row: usize, new: &EiaRecord| {
                if columns.has("owner") {
                    check_owner(tx, row, &new.owner)?;
                }
                if columns.has("plan") {
                    check_nodes(tx, row, new.node.iter())?;
                }
                if columns.has("service") {
                    check_service(tx, row, new.service.as_ref())?;
                }
                Ok(())
            },
            write: &|tx: &Connection, new: &EiaRecord, _stored: bool| {
                tx.execute(
                    "INSERT INTO eias (code, title, node, service, owner, due, completed, outcome)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT(code) DO UPDATE SET title = ?2, node = ?3, service = ?4,
                       owner = ?5, due = ?6, completed = ?7, outcome = ?8",
                    params![
                        new.code,
                        new.title,
                        new.node,
                        new.service,
                        new.owner,
                        new.due,
                        new.completed,
                        new.outcome
                    ],
                )
            },
        };
        import_keyed(self, rows, stored, kind)
    }

    /// Imports case studies, known by their code. Any officer may submit new ones, not
    /// chosen; changing one already held, or choosing which the annual report tells
    /// (`selected`), is for admins and the performance team.
    pub fn import_case_studies_naming(
        &mut self,
        rows: &[(usize, CaseStudyRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        if actor.may_submit_case_study().is_err() {
            // Those who read only are refused as for every import.
            self.may_import("case studies")?;
        }
        let chooses = actor.may_choose_case_studies().is_ok();
        let stored = keyed(self.case_studies()?, |c| c.code.clone());
        let kind = KeyedKind {
            key: &|c: &CaseStudyRecord| c.code.clone(),
            merge: &|c: &CaseStudyRecord, old: Option<&CaseStudyRecord>| CaseStudyRecord {
                id: old.map_or(0, |o| o.id),
                code: c.code.clone(),
                title: columns.pick("title", &c.title, old.map(|o| &o.title)),
                node: columns.pick("plan", &c.node, old.map(|o| &o.node)),
                service: columns.pick("service", &c.service, old.map(|o| &o.service)),
                year: columns.pick("year", &c.year, old.map(|o| &o.year)),
                story: columns.pick("story", &c.story, old.map(|o| &o.story)),
                selected: columns.pick("selected", &c.selected, old.map(|o| &o.selected)),
            },
            check: &|tx: &Connection, row: usize, new: &CaseStudyRecord| {
                if !chooses {
                    officer_submits(&actor, row, new, held(tx, &new.code)?)?;
                }
                if columns.has("plan") {
                    check_nodes(tx, row, new.node.iter())?;
                }
                if columns.has("service") {
                    check_service(tx, row, new.service.as_ref())?;
                }
                Ok(())
            },
            write: &|tx: &Connection, new: &CaseStudyRecord, stored: bool| {
                let sql = if stored {
                    "UPDATE case_studies SET title = ?2, node = ?3, service = ?4, year = ?5,
                       story = ?6, selected = ?7 WHERE code = ?1"
                } else {
                    "INSERT INTO case_studies (code, title, node, service, year, story, selected)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                };
                tx.execute(
                    sql,
                    params![
                        new.code,
                        new.title,
                        new.node,
                        new.service,
                        new.year,
                        new.story,
                        new.selected
                    ],
                )
            },
        };
        import_keyed(self, rows, stored, kind)
    }

    /// Imports budgets (admins and the performance team): a service's month.
    pub fn import_budgets_naming(
        &mut self,
        rows: &[(usize, BudgetRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("budgets")?;
        let stored = keyed(self.budgets()?, |b| (b.service.clone(), b.month.clone()));
        let kind = KeyedKind {
            key: &|b: &BudgetRecord| (b.service.clone(), b.month.clone()),
            merge: &|b: &BudgetRecord, old: Option<&BudgetRecord>| BudgetRecord {
                service: b.service.clone(),
                month: b.month.clone(),
                budget: columns.pick("budget", &b.budget, old.map(|o| &o.budget)),
                actual: columns.pick("actual", &b.actual, old.map(|o| &o.actual)),
                forecast: columns.pick("forecast", &b.forecast, old.map(|o| &o.forecast)),
            },
            // A stored budget's service exists (a foreign key), so only a changed row's
            // needs looking up.
            check: &|tx: &Connection, row: usize, new: &BudgetRecord| {
                check_service(tx, row, Some(&new.service))
            },
            write: &|tx: &Connection, new: &BudgetRecord, _stored: bool| {
                tx.execute(
                    "INSERT INTO budgets (service, month, budget, actual, forecast)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(service, month) DO UPDATE SET budget = ?3, actual = ?4,
                       forecast = ?5",
                    params![new.service, new.month, new.budget, new.actual, new.forecast],
                )
            },
        };
        import_keyed(self, rows, stored, kind)
    }

    /// Imports benchmarks (admins and the performance team): a comparator's value for an
    /// indicator and period.
    pub fn import_benchmarks(
        &mut self,
        rows: &[(usize, BenchmarkRecord)],
    ) -> Result<ImportSummary> {
        self.may_import("benchmarks")?;
        let key =
            |b: &BenchmarkRecord| (b.indicator.clone(), b.period.clone(), b.comparator.clone());
        let stored = keyed(self.benchmarks()?, key);
        let kind = KeyedKind {
            key: &key,
            // Every column is required: the row is the record.
            merge: &|b: &BenchmarkRecord, _old: Option<&BenchmarkRecord>| b.clone(),
            // A stored benchmark's indicator exists (a foreign key).
            check: &|tx: &Connection, row: usize, b: &BenchmarkRecord| {
                if exists(
                    tx,
                    "SELECT count(*) FROM indicators WHERE code = ?1",
                    &b.indicator,
                )? {
                    return Ok(());
                }
                Err(unknown_ref(
                    row,
                    "code",
                    &b.indicator,
                    format!(
                        "no indicator '{}' (import the indicators first)",
                        crate::safe_text::line(&b.indicator)
                    ),
                ))
            },
            write: &|tx: &Connection, b: &BenchmarkRecord, _stored: bool| {
                tx.execute(
                    "INSERT INTO benchmarks (indicator, period, comparator, value)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(indicator, period, comparator) DO UPDATE SET value = ?4",
                    params![b.indicator, b.period, b.comparator, b.value],
                )
            },
        };
        import_keyed(self, rows, stored, kind)
    }
}

/// Whether a case study with this code is held already.
fn held(tx: &Connection, code: &str) -> Result<bool> {
    exists(
        tx,
        "SELECT count(*) FROM case_studies WHERE code = ?1",
        code,
    )
}

/// What an officer's row of a case studies file may do: submit a new case study, not
/// chosen (choosing, and changing one already held, is the performance team's).
fn officer_submits(actor: &Actor, row: usize, new: &CaseStudyRecord, held: bool) -> Result<()> {
    if held {
        return Err(row_error(
            row,
            "code",
            format!(
                "refused: {} (officer) may submit new case studies only; {} is held already, and only admin and performance users may change it",
                actor.login,
                crate::safe_text::line(&new.code)
            ),
        ));
    }
    if new.selected {
        return Err(row_error(
            row,
            "selected",
            format!(
                "refused: only admin and performance users may choose the case studies the annual report tells; {} (officer) may submit {} with selected no",
                actor.login,
                crate::safe_text::line(&new.code)
            ),
        ));
    }
    Ok(())
}
