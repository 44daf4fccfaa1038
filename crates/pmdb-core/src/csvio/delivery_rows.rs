//! The typed readers of the delivery kinds: actions, action updates, projects, project
//! updates, milestones, risks, risk reviews, EIAs, case studies, budgets and benchmarks,
//! every problem in every row gathered. Words (statuses, kinds, categories) are checked
//! against the domain's, scales against theirs; dates as `domain::date` reads them.

use super::CsvError;
use super::cells::{Cells, code_problem};
use super::problems::{bounded, shown};
use super::read::Table;
use crate::domain::date::parse_date;
use crate::domain::delivery::action::{ActionKind, ActionStatus};
use crate::domain::delivery::project::ProjectStatus;
use crate::domain::delivery::risk::{RiskCategory, check_scale};
use crate::domain::delivery::{UpdateFrequency, completed_progress};
use crate::domain::money::{Sign, parse_money, parse_progress};
use crate::domain::number::check_figure;
use crate::domain::period::Period;
use crate::store::{
    ActionRecord, ActionRow, ActionUpdateRecord, BenchmarkRecord, BudgetRecord, CaseStudyRecord,
    EiaRecord, MilestoneRecord, ProjectRecord, ProjectRow, ProjectUpdateRecord, RiskRecord,
    RiskReviewRecord, RiskRow,
};

/// How many months a risk's review waits when its file says nothing.
const REVIEW_MONTHS: i64 = 3;

impl Cells<'_> {
    /// An optional date, as the store keeps it (`YYYY-MM-DD`).
    fn date(&self, column: &str) -> Result<Option<String>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        parse_date(t)
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .map_err(|e| self.problem(column, format!("'{}' is not a date: {e}", shown(t))))
    }

    fn required_date(&self, column: &str) -> Option<String> {
        self.required(column)?;
        self.date(column).ok().flatten()
    }

    /// The `;`-separated plan node codes, sorted and without repeats.
    fn plan(&self) -> Vec<String> {
        let mut plan = Vec::new();
        for node in self.text("plan").split(';').map(str::trim) {
            if node.is_empty() {
                continue;
            }
            match code_problem(node) {
                Some(p) => self.problem("plan", p),
                None => plan.push(node.to_string()),
            }
        }
        plan.sort();
        plan.dedup();
        plan
    }

    /// One plan node at most (an EIA or a case study serves one).
    fn one_node(&self, what: &str) -> Result<Option<String>, ()> {
        let plan = self.plan();
        if plan.len() > 1 {
            self.problem(
                "plan",
                format!("{what} serves one plan node, not {}", plan.len()),
            );
            return Err(());
        }
        Ok(plan.into_iter().next())
    }

    /// A likelihood or impact, 1 to 5, as the risk rules check it.
    fn scale(&self, column: &'static str) -> Option<i64> {
        let t = self.required(column)?;
        match check_scale(column, t) {
            Ok(n) => Some(i64::from(n)),
            Err(e) => {
                self.problem(column, bounded(&e.to_string(), t));
                None
            }
        }
    }

    /// An optional figure (money), smaller than 10^15.
    fn figure(&self, column: &'static str) -> Result<Option<f64>, ()> {
        let x = self.number(column)?;
        if let Some(x) = x
            && let Err(e) = check_figure(column, x)
        {
            self.problem(column, e);
            return Err(());
        }
        Ok(x)
    }

    /// An optional progress (`50`, `50%`), read as the interface and the command line
    /// read it.
    fn progress(&self, column: &str) -> Result<Option<i64>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        parse_progress(t)
            .map(Some)
            .map_err(|e| self.problem(column, bounded(&e.to_string(), t)))
    }

    /// An optional amount of money (`1234.5`, `£1,234.50`), read as the interface and the
    /// command line read it: smaller than 10^15, below zero only where `sign` allows.
    fn money(&self, column: &str, sign: Sign) -> Result<Option<f64>, ()> {
        let t = self.text(column);
        if t.is_empty() {
            return Ok(None);
        }
        parse_money(t, sign).map(Some).map_err(|e| {
            self.problem(
                column,
                format!("the {column} {}", bounded(&e.to_string(), t)),
            )
        })
    }

    fn required_money(&self, column: &str, sign: Sign) -> Option<f64> {
        match self.money(column, sign) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                self.problem(column, "is empty but required");
                None
            }
            Err(()) => None,
        }
    }

    fn required_figure(&self, column: &'static str) -> Option<f64> {
        match self.figure(column) {
            Ok(Some(x)) => Some(x),
            Ok(None) => {
                self.problem(column, "is empty but required");
                None
            }
            Err(()) => None,
        }
    }

    /// A month or quarter an update is for.
    fn update_period(&self) -> Option<String> {
        match self.period("period") {
            Ok(Some(Period::Year(y))) => {
                self.problem(
                    "period",
                    format!("{y} is a year: an update is for a month (2025-02) or a quarter (2024/25 Q4)"),
                );
                None
            }
            Ok(Some(p)) => Some(p.to_string()),
            Ok(None) => {
                self.problem("period", "is empty but required");
                None
            }
            Err(()) => None,
        }
    }

    /// A word from a domain list (status, kind, category), as its canonical text.
    fn word<T: std::str::FromStr<Err: std::fmt::Display>>(
        &self,
        column: &str,
        as_str: fn(T) -> &'static str,
    ) -> Option<String> {
        self.parse::<T>(column).map(|w| as_str(w).to_string())
    }

    /// How often an action or project owes an update: blank is monthly.
    fn frequency(&self) -> Option<String> {
        if self.is_empty("frequency") {
            Some(UpdateFrequency::Monthly.as_str().to_string())
        } else {
            self.word::<UpdateFrequency>("frequency", UpdateFrequency::as_str)
        }
    }
}

pub fn read_actions(t: &Table) -> Result<Vec<(usize, ActionRow)>, CsvError> {
    t.each(
        |r: &ActionRow| format!("code {}", r.action.code),
        |c| {
            let code = c.code("code");
            let title = c.required("title").map(|_| c.prose("title", false));
            let kind = if c.is_empty("kind") {
                Some(ActionKind::Team.as_str().to_string())
            } else {
                c.word::<ActionKind>("kind", ActionKind::as_str)
            };
            let plan = c.plan();
            let owner = c.words("owner", false);
            let start = c.date("start");
            let due = c.required_date("due");
            let frequency = c.frequency();
            if let (Ok(Some(s)), Some(d)) = (&start, &due)
                && d < s
            {
                c.problem("due", format!("{d} is before the start {s}"));
            }
            Some(ActionRow {
                action: ActionRecord {
                    id: 0,
                    code: code?,
                    title: title?,
                    kind: kind?,
                    owner,
                    start: start.ok()?,
                    due: due?,
                    frequency: frequency?,
                },
                plan,
            })
        },
    )
}

pub fn read_action_updates(t: &Table) -> Result<Vec<(usize, ActionUpdateRecord)>, CsvError> {
    t.each(
        |u: &ActionUpdateRecord| format!("code {}, period {}", u.action, u.period),
        |c| {
            let code = c.code("code");
            let period = c.update_period();
            let status = c.word::<ActionStatus>("status", ActionStatus::as_str);
            let mut progress = c.progress("progress");
            // Choosing `completed` sets progress to 100; another figure contradicts it.
            if let (Some(done), Ok(p)) = (&status, &progress)
                && done == ActionStatus::Completed.as_str()
            {
                let code = code.clone().unwrap_or_default();
                match completed_progress(&code, true, *p) {
                    Ok(p) => progress = Ok(p),
                    Err(e) => {
                        c.problem("progress", e.to_string());
                        progress = Err(());
                    }
                }
            }
            let forecast = c.date("forecast");
            let commentary = c.prose("commentary", true);
            Some(ActionUpdateRecord {
                action: code?,
                period: period?,
                status: status?,
                progress: progress.ok()?,
                forecast: forecast.ok()?,
                commentary,
                entered_by: String::new(),
                entered_at: String::new(),
                version: 0,
            })
        },
    )
}

pub fn read_projects(t: &Table) -> Result<Vec<(usize, ProjectRow)>, CsvError> {
    t.each(
        |r: &ProjectRow| format!("code {}", r.project.code),
        |c| {
            let code = c.code("code");
            let title = c.required("title").map(|_| c.prose("title", false));
            let plan = c.plan();
            let owner = c.words("owner", false);
            let start = c.date("start");
            let finish = c.date("finish");
            if let (Ok(Some(s)), Ok(Some(f))) = (&start, &finish)
                && f < s
            {
                c.problem("finish", format!("{f} is before the start {s}"));
            }
            let budget = c.money("budget", Sign::NotNegative);
            let frequency = c.frequency();
            Some(ProjectRow {
                project: ProjectRecord {
                    id: 0,
                    code: code?,
                    title: title?,
                    owner,
                    start: start.ok()?,
                    finish: finish.ok()?,
                    budget: budget.ok()?,
                    frequency: frequency?,
                },
                plan,
            })
        },
    )
}

pub fn read_project_updates(t: &Table) -> Result<Vec<(usize, ProjectUpdateRecord)>, CsvError> {
    t.each(
        |u: &ProjectUpdateRecord| format!("code {}, period {}", u.project, u.period),
        |c| {
            let code = c.code("code");
            let period = c.update_period();
            let status = c.word::<ProjectStatus>("status", ProjectStatus::as_str);
            let spent = c.money("spent", Sign::NotNegative);
            let commentary = c.prose("commentary", true);
            Some(ProjectUpdateRecord {
                project: code?,
                period: period?,
                status: status?,
                spent: spent.ok()?,
                commentary,
                entered_by: String::new(),
                entered_at: String::new(),
                version: 0,
            })
        },
    )
}

pub fn read_milestones(t: &Table) -> Result<Vec<(usize, MilestoneRecord)>, CsvError> {
    t.each(
        // A milestone has no code: its project and title are its key.
        |m: &MilestoneRecord| format!("project {}, title {}", m.project, m.title),
        |c| {
            let project = c.code("project");
            let title = c.required("title").map(|_| c.prose("title", false));
            let due = c.required_date("due");
            let forecast = c.date("forecast");
            let done = c.date("done");
            Some(MilestoneRecord {
                project: project?,
                title: title?,
                due: due?,
                forecast: forecast.ok()?,
                done: done.ok()?,
            })
        },
    )
}

pub fn read_risks(t: &Table) -> Result<Vec<(usize, RiskRow)>, CsvError> {
    t.each(
        |r: &RiskRow| format!("code {}", r.risk.code),
        |c| {
            let code = c.code("code");
            let title = c.required("title").map(|_| c.prose("title", false));
            let category = c.word::<RiskCategory>("category", RiskCategory::as_str);
            let plan = c.plan();
            let owner = c.words("owner", false);
            let controls = c.prose("controls", true);
            let likelihood = c.scale("inherent_likelihood");
            let impact = c.scale("inherent_impact");
            let target = c.whole("target_score", 1, 25, true);
            let review = c.whole("review_months", 1, 60, false);
            let closed = c.date("closed");
            Some(RiskRow {
                risk: RiskRecord {
                    id: 0,
                    code: code?,
                    title: title?,
                    category: category?,
                    owner,
                    controls,
                    inherent_likelihood: likelihood?,
                    inherent_impact: impact?,
                    target_score: target.ok()??,
                    review_months: review.ok()?.unwrap_or(REVIEW_MONTHS),
                    closed: closed.ok()?,
                },
                plan,
            })
        },
    )
}

pub fn read_risk_reviews(t: &Table) -> Result<Vec<(usize, RiskReviewRecord)>, CsvError> {
    t.each(
        |r: &RiskReviewRecord| format!("code {}, date {}", r.risk, r.date),
        |c| {
            let code = c.code("code");
            let date = c.required_date("date");
            let likelihood = c.scale("likelihood");
            let impact = c.scale("impact");
            let commentary = c.prose("commentary", true);
            Some(RiskReviewRecord {
                risk: code?,
                date: date?,
                likelihood: likelihood?,
                impact: impact?,
                commentary,
                entered_by: String::new(),
                entered_at: String::new(),
                version: 0,
            })
        },
    )
}

pub fn read_eias(t: &Table) -> Result<Vec<(usize, EiaRecord)>, CsvError> {
    t.each(
        |e: &EiaRecord| format!("code {}", e.code),
        |c| {
            let code = c.code("code");
            let title = c.required("title").map(|_| c.prose("title", false));
            let node = c.one_node("an EIA");
            let service = c.optional_code("service");
            let owner = c.words("owner", false);
            let due = c.required_date("due");
            let completed = c.date("completed");
            let outcome = c.prose("outcome", true);
            Some(EiaRecord {
                id: 0,
                code: code?,
                title: title?,
                node: node.ok()?,
                service: service.ok()?,
                owner,
                due: due?,
                completed: completed.ok()?,
                outcome,
            })
        },
    )
}

pub fn read_case_studies(t: &Table) -> Result<Vec<(usize, CaseStudyRecord)>, CsvError> {
    t.each(
        |s: &CaseStudyRecord| format!("code {}", s.code),
        |c| {
            let code = c.code("code");
            let title = c.required("title").map(|_| c.prose("title", false));
            let node = c.one_node("a case study");
            let service = c.optional_code("service");
            let year = c.required_year("year");
            let story = c.prose("story", true);
            // Blank is no: a case study is chosen only when the file says so.
            let selected = c.yes_no("selected");
            Some(CaseStudyRecord {
                id: 0,
                code: code?,
                title: title?,
                node: node.ok()?,
                service: service.ok()?,
                year: i64::from(year?.0),
                story,
                selected: selected.ok()?,
            })
        },
    )
}

pub fn read_budgets(t: &Table) -> Result<Vec<(usize, BudgetRecord)>, CsvError> {
    t.each(
        |b: &BudgetRecord| format!("service {}, month {}", b.service, b.month),
        |c| {
            let service = c.code("service");
            let month = match c.period("month") {
                Ok(Some(p @ Period::Month(_))) => Some(p.to_string()),
                Ok(Some(p)) => {
                    c.problem(
                        "month",
                        format!("{p} is not a month: write a month like 2025-02"),
                    );
                    None
                }
                Ok(None) => {
                    c.problem("month", "is empty but required");
                    None
                }
                Err(()) => None,
            };
            // A budget line may be income, below zero.
            let budget = c.required_money("budget", Sign::Any);
            let actual = c.money("actual", Sign::Any);
            let forecast = c.money("forecast", Sign::Any);
            Some(BudgetRecord {
                service: service?,
                month: month?,
                budget: budget?,
                actual: actual.ok()?,
                forecast: forecast.ok()?,
            })
        },
    )
}

pub fn read_benchmarks(t: &Table) -> Result<Vec<(usize, BenchmarkRecord)>, CsvError> {
    t.each(
        |b: &BenchmarkRecord| {
            format!(
                "code {}, period {}, comparator {}",
                b.indicator, b.period, b.comparator
            )
        },
        |c| {
            let code = c.code("code");
            let period = match c.period("period") {
                Ok(Some(p)) => Some(p.to_string()),
                Ok(None) => {
                    c.problem("period", "is empty but required");
                    None
                }
                Err(()) => None,
            };
            let comparator = c
                .required("comparator")
                .map(|_| c.words("comparator", false));
            let value = c.required_figure("value");
            Some(BenchmarkRecord {
                indicator: code?,
                period: period?,
                comparator: comparator?,
                value: value?,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csvio::{Kind, read_table};

    fn table(kind: Kind, text: &str) -> Table {
        read_table(kind, text.as_bytes()).unwrap()
    }

    #[test]
    fn an_action_is_a_team_action_unless_it_says_and_its_nodes_are_sorted() {
        let rows = read_actions(&table(
            Kind::Actions,
            "code,title,kind,plan,due\nA1,Bins,,P2; P1;P2,2025-03-31\n",
        ))
        .unwrap();
        assert_eq!(rows[0].1.action.kind, "team");
        assert_eq!(rows[0].1.plan, ["P1", "P2"]);
        let err = read_actions(&table(
            Kind::Actions,
            "code,title,start,due\nA1,Bins,2025-04-01,2025-03-31\n",
        ))
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "row 2, column due: 2025-03-31 is before the start 2025-04-01"
        );
    }

    #[test]
    fn a_risk_reviews_every_three_months_unless_it_says() {
        let rows = read_risks(&table(
            Kind::Risks,
            "code,title,category,inherent_likelihood,inherent_impact,target_score\nR1,Fire,business,2,3,4\n",
        ))
        .unwrap();
        let r = &rows[0].1.risk;
        assert_eq!(
            (
                r.inherent_likelihood,
                r.inherent_impact,
                r.target_score,
                r.review_months
            ),
            (2, 3, 4, 3)
        );
    }

    #[test]
    fn an_eia_serves_one_plan_node_and_a_budget_one_month() {
        let err = read_eias(&table(
            Kind::Eias,
            "code,title,plan,due\nE1,Fees,P1;P2,2025-01-31\n",
        ))
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "row 2, column plan: an EIA serves one plan node, not 2"
        );
        let err = read_budgets(&table(
            Kind::Budgets,
            "service,month,budget\nHR,2024/25,1000\n",
        ))
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "row 2, column month: 2024/25 is not a month: write a month like 2025-02"
        );
    }

    #[test]
    fn a_figure_may_not_reach_ten_to_the_fifteen() {
        let err = read_budgets(&table(
            Kind::Budgets,
            "service,month,budget\nHR,2025-04,1e15\n",
        ))
        .unwrap_err()
        .0;
        assert_eq!(
            err,
            "row 2, column budget: the budget '1e15' is too large: an amount must be smaller than £1,000,000,000,000,000 (10^15)"
        );
    }
}
