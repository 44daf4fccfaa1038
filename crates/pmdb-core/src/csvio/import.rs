//! Reading a file of one kind and handing its rows to the store, all or nothing: the one
//! place that maps a kind to its reader and its store import. A refusal names every bad
//! row at once, whichever stage found it: a cell that does not read, or the store's
//! checks (an unknown code, owner or plan node, a bound, a signed-off period, a
//! permission) on the rows that did read.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::problems::{Problem, clip, refusal};
use super::read::Table;
use super::{CsvError, Kind, delivery_rows as d, read, rows, setup_rows};
use crate::store::{ImportSummary, Store, StoreError, Unknown};

/// Why a file was not imported: the file itself (every problem in it, the store's
/// refusals of its rows among them), or what the store refused as a whole (a role that
/// may not import, the database failing).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Csv(#[from] CsvError),
    #[error("{0}")]
    Store(#[from] StoreError),
    /// Only rows naming what a row refused in an earlier file would have added (inside
    /// `pmdb import --all`): that file's refusal says why.
    #[error("nothing was imported: its rows name what refused rows would have added")]
    Dependent,
}

/// Imports a CSV file's bytes; `today` bounds the periods values and updates may be
/// recorded for and the dates reviews and milestones may be done on.
/// `encoding_of` tells which encoding the bytes were read in.
pub fn import(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportSummary, ImportError> {
    import_within(store, kind, bytes, today, &mut HashSet::new())
}

/// `import`, one of several (`pmdb import --all`): `refused` holds the codes and logins
/// of rows refused so far, which a row naming them is not blamed for (the row that would
/// have added them is), and gains this file's.
pub fn import_within(
    store: &mut Store,
    kind: Kind,
    bytes: &[u8],
    today: NaiveDate,
    refused: &mut HashSet<String>,
) -> Result<ImportSummary, ImportError> {
    let table = read::read_table(kind, bytes)?;
    table.gather();
    let t = &table;
    // The store changes only the fields whose columns the file names.
    let columns = table.columns();
    let c = &columns;
    let out = match kind {
        Kind::Plan => stage(store, t, rows::read_plan(t), |s, r| {
            s.import_plan_naming(r, c)
        }),
        Kind::Indicators => stage(store, t, rows::read_indicators(t), |s, r| {
            s.import_indicators_naming(r, c)
        }),
        Kind::Targets => stage(store, t, rows::read_targets(t), |s, r| {
            s.import_targets_naming(r, c)
        }),
        Kind::Values => stage(store, t, rows::read_values(t), |s, r| {
            s.import_values_naming(r, c, today)
        }),
        Kind::Commentary => stage(store, t, super::read_narratives(t), |s, r| {
            s.import_narratives_naming(r, c)
        }),
        Kind::Users => stage(store, t, setup_rows::read_users(t), |s, r| {
            s.import_users_naming(r, c)
        }),
        Kind::Services => stage(store, t, setup_rows::read_named(t, "head", true), |s, r| {
            s.import_services_naming(r, c)
        }),
        Kind::Portfolios => stage(
            store,
            t,
            setup_rows::read_named(t, "holder", false),
            |s, r| s.import_portfolios_naming(r, c),
        ),
        Kind::Boards => stage(store, t, setup_rows::read_boards(t), |s, r| {
            s.import_boards(r)
        }),
        Kind::BoardMembers => stage(store, t, setup_rows::read_board_members(t), |s, r| {
            s.import_board_members(r)
        }),
        Kind::Meetings => stage(store, t, setup_rows::read_meetings(t), |s, r| {
            s.import_meetings_naming(r, c)
        }),
        Kind::Enterers => stage(store, t, setup_rows::read_enterers(t), |s, r| {
            s.import_enterers(r)
        }),
        Kind::Actions => stage(store, t, d::read_actions(t), |s, r| {
            s.import_actions_naming(r, c)
        }),
        Kind::ActionUpdates => stage(store, t, d::read_action_updates(t), |s, r| {
            s.import_action_updates_naming(r, c, today)
        }),
        Kind::Projects => stage(store, t, d::read_projects(t), |s, r| {
            s.import_projects_naming(r, c)
        }),
        Kind::ProjectUpdates => stage(store, t, d::read_project_updates(t), |s, r| {
            s.import_project_updates_naming(r, c, today)
        }),
        Kind::Milestones => stage(store, t, d::read_milestones(t), |s, r| {
            s.import_milestones_naming(r, c, today)
        }),
        Kind::Risks => stage(store, t, d::read_risks(t), |s, r| {
            s.import_risks_naming(r, c)
        }),
        Kind::RiskReviews => stage(store, t, d::read_risk_reviews(t), |s, r| {
            s.import_risk_reviews_naming(r, c, today)
        }),
        Kind::Eias => stage(store, t, d::read_eias(t), |s, r| s.import_eias_naming(r, c)),
        Kind::CaseStudies => stage(store, t, d::read_case_studies(t), |s, r| {
            s.import_case_studies_naming(r, c)
        }),
        Kind::Budgets => stage(store, t, d::read_budgets(t), |s, r| {
            s.import_budgets_naming(r, c)
        }),
        Kind::Benchmarks => stage(store, t, d::read_benchmarks(t), |s, r| {
            s.import_benchmarks(r)
        }),
    };
    settle(&table, out, refused)
}

/// Hands the rows that read to the store: held back from committing when some did not,
/// so its checks still name every other bad row and nothing is written.
fn stage<R>(
    store: &mut Store,
    table: &Table,
    rows: Result<R, CsvError>,
    import: impl FnOnce(&mut Store, &R) -> Result<ImportSummary, StoreError>,
) -> Result<Result<ImportSummary, StoreError>, CsvError> {
    let rows = rows?;
    let (problems, keys) = table.take_problems();
    let refused = !problems.is_empty();
    let out = store.held_back(refused, |s| import(s, &rows));
    table.put_back(problems, keys);
    Ok(out)
}

/// The import's outcome: every problem, the reader's and the store's, in file order.
fn settle(
    table: &Table,
    out: Result<Result<ImportSummary, StoreError>, CsvError>,
    refused: &mut HashSet<String>,
) -> Result<ImportSummary, ImportError> {
    let (summary, bad_rows) = match out? {
        Ok(summary) => (Some(summary), Vec::new()),
        Err(StoreError::HeldBack) => (None, Vec::new()),
        Err(e @ StoreError::Row { .. }) => (None, vec![e]),
        Err(StoreError::Rows(list)) => (None, list),
        // Refused as a whole (a role that may not import, the database failing).
        Err(other) => return Err(other.into()),
    };
    for e in &bad_rows {
        if let StoreError::Row { row, .. } = e {
            table.note_refused_row(*row);
        }
    }
    let (mut problems, keys) = table.take_problems();
    refused.extend(keys);
    for e in bad_rows {
        let StoreError::Row {
            row,
            column,
            problem,
        } = &e
        else {
            continue;
        };
        // A row naming what a refused row would have added is not blamed too.
        if let Some(u) = problem.downcast_ref::<Unknown>()
            && refused.contains(&u.code)
        {
            continue;
        }
        problems.push(Problem {
            row: *row,
            place: table.place(column),
            text: clip(&e.to_string()),
        });
    }
    match (refusal(problems), summary) {
        (Some(e), _) => Err(e.into()),
        (None, Some(summary)) => Ok(summary),
        (None, None) => Err(ImportError::Dependent),
    }
}
