//! The other things a plan node carries: actions, projects and milestones, risks,
//! equality impact assessments, case studies, budgets, benchmarks and meetings.
//! Each has a plain record, a loader and an inserter (used by the demo and imports).

use rusqlite::{Row, Transaction, params};
use serde::Serialize;

use super::Store;
use super::error::Result;

/// Declares a record type with its table, columns, loader and inserter in one place, so
/// the SQL column list and the struct's fields cannot drift apart.
macro_rules! record {
    ($name:ident, $table:literal, $order:literal, $loader:ident, $inserter:ident { $($field:ident : $ty:ty),+ $(,)? }) => {
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name { $(pub $field: $ty),+ }

        impl $name {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn from_row(r: &Row) -> rusqlite::Result<$name> {
                let mut _i = 0;
                Ok($name { $($field: { let v = r.get(_i)?; _i += 1; v }),+ })
            }

            /// Inserts the record within a write transaction.
            pub fn insert(&self, tx: &Transaction) -> Result<()> {
                let cols = Self::COLUMNS.join(", ");
                let marks: Vec<String> = (1..=Self::COLUMNS.len()).map(|i| format!("?{i}")).collect();
                let sql = format!("INSERT INTO {} ({cols}) VALUES ({})", $table, marks.join(", "));
                tx.prepare_cached(&sql)?.execute(params![$(self.$field),+])?;
                Ok(())
            }
        }

        impl Store {
            pub fn $loader(&self) -> Result<Vec<$name>> {
                let sql = format!("SELECT {} FROM {} ORDER BY {}", $name::COLUMNS.join(", "), $table, $order);
                let mut stmt = self.conn.prepare(&sql)?;
                let rows = stmt.query_map([], $name::from_row)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            }

            pub fn $inserter(&mut self, records: &[$name]) -> Result<()> {
                self.write(|tx| {
                    for r in records {
                        r.insert(tx)?;
                    }
                    Ok(())
                })
            }
        }
    };
}

record!(ActionRecord, "actions", "due, code", actions, add_actions {
    id: i64, code: String, title: String, kind: String, node: Option<String>, owner: String,
    due: String, status: String, progress: i64, completed: Option<String>,
});

record!(ProjectRecord, "projects", "code", projects, add_projects {
    id: i64, code: String, title: String, node: Option<String>, owner: String, status: String,
    start: String, finish: String, budget: Option<f64>,
});

record!(MilestoneRecord, "milestones", "project, due", milestones, add_milestones {
    id: i64, project: i64, title: String, due: String, done_on: Option<String>,
});

record!(RiskRecord, "risks", "code", risks, add_risks {
    id: i64, code: String, title: String, category: String, node: Option<String>, owner: String,
    likelihood: i64, impact: i64, target_score: i64, controls: String, review_date: String, status: String,
});

record!(EiaRecord, "eias", "due, code", eias, add_eias {
    id: i64, code: String, title: String, node: Option<String>, service: Option<String>, owner: String,
    due: String, status: String, outcome: String,
});

record!(CaseStudyRecord, "case_studies", "year, id", case_studies, add_case_studies {
    id: i64, title: String, node: Option<String>, service: Option<String>, year: i64, story: String,
});

record!(BudgetRecord, "budgets", "service, month", budgets, add_budgets {
    service: String, month: String, budget: f64, actual: Option<f64>, forecast: Option<f64>,
});

record!(
    BenchmarkRecord,
    "benchmarks",
    "indicator, period, comparator",
    benchmarks,
    add_benchmarks {
        indicator: String,
        period: String,
        comparator: String,
        value: f64,
    }
);

record!(
    MeetingRecord,
    "meetings",
    "date, id",
    meetings,
    add_meetings {
        id: i64,
        board: String,
        date: String,
        title: String,
        period: String,
    }
);

impl RiskRecord {
    /// Likelihood × impact.
    pub fn score(&self) -> i64 {
        self.likelihood * self.impact
    }

    pub fn above_appetite(&self) -> bool {
        self.status == "open" && self.score() > self.target_score
    }
}

impl ActionRecord {
    pub fn is_open(&self) -> bool {
        !matches!(self.status.as_str(), "completed" | "cancelled")
    }

    /// Open and past its due date.
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        self.is_open()
            && self
                .due
                .parse::<chrono::NaiveDate>()
                .is_ok_and(|d| d < today)
    }
}

impl Store {
    /// Adds the boards (PPG, Management Board, Leadership Team) and their members.
    pub fn add_board(&mut self, code: &str, name: &str, members: &[&str]) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO boards (code, name) VALUES (?1, ?2)",
                [code, name],
            )?;
            for m in members {
                tx.execute(
                    "INSERT OR IGNORE INTO board_members (board, login) VALUES (?1, ?2)",
                    [code, m],
                )?;
            }
            Ok(())
        })
    }

    /// Members of a board (the Management Board's are named on escalations).
    pub fn board_members(&self, board: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT login FROM board_members WHERE board = ?1 ORDER BY login")?;
        let rows = stmt.query_map([board], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
