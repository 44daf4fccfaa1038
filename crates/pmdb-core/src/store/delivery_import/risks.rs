//! Importing the risk register and its dated reviews.

use super::*;

impl Store {
    /// Imports risks (admins and the performance team), with the plan nodes they threaten
    /// and the major projects whose own register they are in: the `plan` column names
    /// either (a code that is both a plan node and a project is the plan node).
    pub fn import_risks_naming(
        &mut self,
        rows: &[(usize, RiskRow)],
        columns: &Columns,
    ) -> Result<ImportSummary> {
        self.may_import("risks")?;
        let linked = Linked {
            stored: keyed(self.risks()?, |r| r.code.clone()),
            links: links_by(
                self.risk_links()?
                    .into_iter()
                    .map(|l| (l.risk, l.node))
                    .chain(
                        self.risk_projects()?
                            .into_iter()
                            .map(|l| (l.risk, l.project)),
                    )
                    .collect(),
                |pair| pair,
            ),
            links_table: "risk_links",
            projects_table: Some("risk_projects"),
            column: "risk",
        };
        let kind = LinkedKind {
            parts: &|r: &RiskRow| (r.risk.code.as_str(), r.plan.as_slice()),
            merge: &|r: &RiskRow, old: Option<&RiskRecord>| {
                let k = &r.risk;
                let pick =
                    |column: &str, new: &i64, old: Option<&i64>| columns.pick(column, new, old);
                RiskRecord {
                    id: old.map_or(0, |o| o.id),
                    code: k.code.clone(),
                    title: columns.pick("title", &k.title, old.map(|o| &o.title)),
                    category: columns.pick("category", &k.category, old.map(|o| &o.category)),
                    owner: columns.pick("owner", &k.owner, old.map(|o| &o.owner)),
                    controls: columns.pick("controls", &k.controls, old.map(|o| &o.controls)),
                    inherent_likelihood: pick(
                        "inherent_likelihood",
                        &k.inherent_likelihood,
                        old.map(|o| &o.inherent_likelihood),
                    ),
                    inherent_impact: pick(
                        "inherent_impact",
                        &k.inherent_impact,
                        old.map(|o| &o.inherent_impact),
                    ),
                    target_score: pick(
                        "target_score",
                        &k.target_score,
                        old.map(|o| &o.target_score),
                    ),
                    review_months: pick(
                        "review_months",
                        &k.review_months,
                        old.map(|o| &o.review_months),
                    ),
                    closed: columns.pick("closed", &k.closed, old.map(|o| &o.closed)),
                }
            },
            owner: &|r: &RiskRecord| r.owner.as_str(),
            upsert: &|tx: &Connection, r: &RiskRecord| {
                tx.execute(
                    "INSERT INTO risks (code, title, category, owner, controls,
                       inherent_likelihood, inherent_impact, target_score, review_months, closed)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                     ON CONFLICT(code) DO UPDATE SET title = ?2, category = ?3, owner = ?4,
                       controls = ?5, inherent_likelihood = ?6, inherent_impact = ?7,
                       target_score = ?8, review_months = ?9, closed = ?10",
                    params![
                        r.code,
                        r.title,
                        r.category,
                        r.owner,
                        r.controls,
                        r.inherent_likelihood,
                        r.inherent_impact,
                        r.target_score,
                        r.review_months,
                        r.closed
                    ],
                )
            },
        };
        import_linked(self, rows, columns, linked, kind)
    }

    /// Imports risk reviews: admins and the performance team for any risk, an officer for
    /// the risks they own. A review is known by its risk and date.
    pub fn import_risk_reviews_naming(
        &mut self,
        rows: &[(usize, RiskReviewRecord)],
        columns: &Columns,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let actor = self.actor()?;
        let at = self.session.now_stamp();
        let risks = keyed(self.risks()?, |r| r.code.clone());
        let stored = keyed(self.risk_reviews()?, |r| (r.risk.clone(), r.date.clone()));
        self.bulk_write(|tx| {
            let mut summary = ImportSummary::default();
            let mut bad = BadRows::default();
            for (row, v) in rows {
                let Some(risk) = risks.get(&v.risk) else {
                    bad.keep::<()>(Err(unknown_ref(
                        *row,
                        "code",
                        &v.risk,
                        format!(
                            "no risk '{}' (import a risks file adding it first)",
                            crate::safe_text::line(&v.risk)
                        ),
                    )))?;
                    continue;
                };
                or_next_row!(
                    bad,
                    may_update(&actor, "risk reviews", *row, &v.risk, &risk.owner)
                );
                let old = stored.get(&(v.risk.clone(), v.date.clone()));
                let likelihood =
                    columns.pick("likelihood", &v.likelihood, old.map(|o| &o.likelihood));
                let impact = columns.pick("impact", &v.impact, old.map(|o| &o.impact));
                let commentary =
                    columns.pick("commentary", &v.commentary, old.map(|o| &o.commentary));
                if let Some(o) = old
                    && (o.likelihood, o.impact, &o.commentary) == (likelihood, impact, &commentary)
                {
                    summary.count(RowOutcome::Unchanged);
                    continue;
                }
                if let Some(date) = stored_day(&v.date) {
                    // Out of u8's range is out of the scale's: 0 is refused as such.
                    let scale = |n: i64| u8::try_from(n).unwrap_or(0);
                    let (l, i) = (scale(likelihood), scale(impact));
                    let rule = rules::risk_review(&v.risk, date, l, i, &commentary, today);
                    or_next_row!(bad, rule.map_err(|b| broken(*row, b)));
                }
                if let Some(p) = month_of(&v.date) {
                    or_next_row!(bad, period_open(tx, *row, "date", p));
                }
                tx.execute(
                    "INSERT INTO risk_reviews (risk, date, likelihood, impact, commentary,
                       entered_by, entered_at, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
                     ON CONFLICT(risk, date) DO UPDATE SET likelihood = ?3, impact = ?4,
                       commentary = ?5, entered_by = ?6, entered_at = ?7, version = version + 1",
                    params![
                        v.risk,
                        v.date,
                        likelihood,
                        impact,
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
