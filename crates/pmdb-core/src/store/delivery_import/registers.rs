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
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, e) in rows {
                let old = stored.get(&e.code);
                let new = EiaRecord {
                    id: old.map_or(0, |o| o.id),
                    code: e.code.clone(),
                    title: columns.pick("title", &e.title, old.map(|o| &o.title)),
                    node: columns.pick("plan", &e.node, old.map(|o| &o.node)),
                    service: columns.pick("service", &e.service, old.map(|o| &o.service)),
                    owner: columns.pick("owner", &e.owner, old.map(|o| &o.owner)),
                    due: columns.pick("due", &e.due, old.map(|o| &o.due)),
                    completed: columns.pick("completed", &e.completed, old.map(|o| &o.completed)),
                    outcome: columns.pick("outcome", &e.outcome, old.map(|o| &o.outcome)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if columns.has("owner") {
                    check_owner(tx, *row, &new.owner)?;
                }
                if columns.has("plan") {
                    check_nodes(tx, *row, new.node.iter())?;
                }
                if columns.has("service") {
                    check_service(tx, *row, new.service.as_ref())?;
                }
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
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports case studies (admins and the performance team), known by their code.
    pub fn import_case_studies_naming(
        &mut self,
        rows: &[(usize, CaseStudyRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("case studies")?;
        let stored = keyed(self.case_studies()?, |c| c.code.clone());
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, c) in rows {
                let old = stored.get(&c.code);
                let new = CaseStudyRecord {
                    id: old.map_or(0, |o| o.id),
                    code: c.code.clone(),
                    title: columns.pick("title", &c.title, old.map(|o| &o.title)),
                    node: columns.pick("plan", &c.node, old.map(|o| &o.node)),
                    service: columns.pick("service", &c.service, old.map(|o| &o.service)),
                    year: columns.pick("year", &c.year, old.map(|o| &o.year)),
                    story: columns.pick("story", &c.story, old.map(|o| &o.story)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if columns.has("plan") {
                    check_nodes(tx, *row, new.node.iter())?;
                }
                if columns.has("service") {
                    check_service(tx, *row, new.service.as_ref())?;
                }
                if old.is_some() {
                    tx.execute(
                        "UPDATE case_studies SET title = ?2, node = ?3, service = ?4, year = ?5,
                           story = ?6 WHERE code = ?1",
                        params![
                            new.code,
                            new.title,
                            new.node,
                            new.service,
                            new.year,
                            new.story
                        ],
                    )?;
                } else {
                    tx.execute(
                        "INSERT INTO case_studies (code, title, node, service, year, story)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            new.code,
                            new.title,
                            new.node,
                            new.service,
                            new.year,
                            new.story
                        ],
                    )?;
                }
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports budgets (admins and the performance team): a service's month.
    pub fn import_budgets_naming(
        &mut self,
        rows: &[(usize, BudgetRecord)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("budgets")?;
        let stored = keyed(self.budgets()?, |b| (b.service.clone(), b.month.clone()));
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, b) in rows {
                check_service(tx, *row, Some(&b.service))?;
                let old = stored.get(&(b.service.clone(), b.month.clone()));
                let new = BudgetRecord {
                    service: b.service.clone(),
                    month: b.month.clone(),
                    budget: columns.pick("budget", &b.budget, old.map(|o| &o.budget)),
                    actual: columns.pick("actual", &b.actual, old.map(|o| &o.actual)),
                    forecast: columns.pick("forecast", &b.forecast, old.map(|o| &o.forecast)),
                };
                if old == Some(&new) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO budgets (service, month, budget, actual, forecast)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(service, month) DO UPDATE SET budget = ?3, actual = ?4,
                       forecast = ?5",
                    params![new.service, new.month, new.budget, new.actual, new.forecast],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }

    /// Imports benchmarks (admins and the performance team): a comparator's value for an
    /// indicator and period.
    pub fn import_benchmarks(
        &mut self,
        rows: &[(usize, BenchmarkRecord)],
    ) -> Result<ImportSummary> {
        self.may_import("benchmarks")?;
        let stored = keyed(self.benchmarks()?, |b| {
            (b.indicator.clone(), b.period.clone(), b.comparator.clone())
        });
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            for (row, b) in rows {
                if !exists(
                    tx,
                    "SELECT count(*) FROM indicators WHERE code = ?1",
                    &b.indicator,
                )? {
                    return Err(row_error(
                        *row,
                        "code",
                        format!(
                            "no indicator '{}' (import the indicators first)",
                            crate::safe_text::line(&b.indicator)
                        ),
                    ));
                }
                let old =
                    stored.get(&(b.indicator.clone(), b.period.clone(), b.comparator.clone()));
                if old == Some(b) {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                tx.execute(
                    "INSERT INTO benchmarks (indicator, period, comparator, value)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(indicator, period, comparator) DO UPDATE SET value = ?4",
                    params![b.indicator, b.period, b.comparator, b.value],
                )?;
                summary.count(outcome(old.is_some()));
            }
            Ok(summary)
        })
    }
}
