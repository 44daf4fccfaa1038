//! The other things a plan node carries: case studies, budgets, benchmarks and meetings,
//! and the boards that meet. Each has a plain record, a loader and an inserter (used by the
//! demo and imports). Delivery (actions, projects, risks, EIAs) is in `delivery`.

use rusqlite::{Row, Transaction, params};
use serde::Serialize;

use super::Store;
use super::error::Result;

record!(CaseStudyRecord, "case_studies", "year, id", case_studies, add_case_studies {
    id: i64, code: String, title: String, node: Option<String>, service: Option<String>, year: i64, story: String,
    /// Chosen by the performance team for the annual report (only the chosen are told).
    selected: bool,
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
