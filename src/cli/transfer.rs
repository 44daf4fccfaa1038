//! `pmdb import KIND FILE` and `pmdb export KIND [FILE]`: CSV in and out, `-` being
//! standard input or output. An import is all or nothing; an export is written to a
//! temporary file and renamed into place, so no half-written file is ever left.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use serde_json::json;

use super::Env;
use crate::csvio::{self, ImportError, Kind};
use crate::store::StoreError;

fn kind(text: &str) -> Result<Kind> {
    text.parse::<Kind>().map_err(|e| anyhow!("{e}"))
}

fn label(file: &str) -> String {
    if file == "-" {
        "standard input".into()
    } else {
        file.to_string()
    }
}

pub fn import(env: &Env, kind_text: &str, file: &str) -> Result<()> {
    let kind = kind(kind_text)?;
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        bytes = crate::outfile::read_for_person(Path::new(file))
            .with_context(|| format!("cannot read {file}"))?;
    }
    let where_ = label(file);
    let mut store = env.open()?;
    let encoding = csvio::encoding_of(&bytes);
    let summary = csvio::import(&mut store, kind, &bytes, env.today)
        .map_err(|e| import_refusal(&where_, e))?;
    if env.json {
        return super::output::json(&json!({
            "kind": kind,
            "file": file,
            "added": summary.added,
            "changed": summary.updated,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
            "encoding": encoding.as_str(),
        }));
    }
    // UTF-8 is what is expected; any other encoding is named, so a wrong guess shows.
    let read_as = match encoding {
        csvio::TextEncoding::Utf8 => String::new(),
        other => format!(" (read as {other})"),
    };
    say!(
        "imported {kind} from {where_}: {} added, {} changed, {} unchanged{read_as}",
        summary.added,
        summary.updated,
        summary.unchanged
    );
    Ok(())
}

/// An import's refusal, naming the file it was read from.
pub(super) fn import_refusal(where_: &str, e: ImportError) -> anyhow::Error {
    match e {
        ImportError::Csv(e) => anyhow!("{where_}: {e}"),
        // The store's message may quote a cell of the file: keep it short and printable.
        ImportError::Store(
            e @ (StoreError::Invalid(_)
            | StoreError::Refused(_)
            | StoreError::NotFound(_)
            | StoreError::Row { .. }
            | StoreError::Denied(_)),
        ) => {
            anyhow!("{where_}: {}", csvio::clip(&e.to_string()))
        }
        ImportError::Store(other) => anyhow!(other),
        ImportError::Dependent => anyhow!("{where_}: {}", ImportError::Dependent),
    }
}

pub fn export(env: &Env, kind_text: &str, file: Option<&str>) -> Result<()> {
    let kind = kind(kind_text)?;
    let store = env.read()?;
    let buffer = export_bytes(&store, kind)?;
    match file {
        None | Some("-") => std::io::stdout()
            .write_all(&buffer)
            .context("cannot write to standard output")?,
        Some(path) => write_atomically(Path::new(path), &buffer)?,
    }
    Ok(())
}

/// One kind's export file, as bytes.
pub(super) fn export_bytes(store: &crate::store::Store, kind: Kind) -> Result<Vec<u8>> {
    let mut buffer = Vec::new();
    match kind {
        Kind::Plan => csvio::write_plan(&mut buffer, &store.plan_nodes()?)?,
        Kind::Indicators => csvio::write_indicators(&mut buffer, &store.indicators()?)?,
        Kind::Targets => {
            let order = indicator_order(store)?;
            let mut rows: Vec<(String, crate::domain::target::TargetRow)> = store
                .all_targets()?
                .into_iter()
                .flat_map(|(c, ts)| ts.into_iter().map(move |t| (c.clone(), t)))
                .collect();
            rows.sort_by_key(|(c, t)| {
                (
                    order.get(c).copied(),
                    t.year,
                    t.period.map(|p| p.sort_key()),
                )
            });
            csvio::write_targets(&mut buffer, &rows)?
        }
        Kind::Values => {
            let order = indicator_order(store)?;
            let all = store.all_values()?;
            let mut rows: Vec<&crate::store::StoredValue> = all.values().flatten().collect();
            rows.sort_by_key(|v| (order.get(&v.indicator).copied(), v.period.sort_key()));
            csvio::write_values(&mut buffer, &rows)?
        }
        Kind::Commentary => csvio::write_narratives(&mut buffer, &store.narratives()?)?,
        Kind::Users => csvio::write_users(&mut buffer, &store.users()?)?,
        Kind::Services => csvio::write_named(&mut buffer, kind, &store.services()?)?,
        Kind::Portfolios => csvio::write_named(&mut buffer, kind, &store.portfolios()?)?,
        Kind::Boards => csvio::write_boards(&mut buffer, &store.boards()?)?,
        Kind::BoardMembers => csvio::write_board_members(&mut buffer, &store.all_board_members()?)?,
        Kind::Meetings => csvio::write_meetings(&mut buffer, &store.meetings()?)?,
        Kind::Enterers => csvio::write_enterers(&mut buffer, &store.indicators()?)?,
        Kind::Actions
        | Kind::ActionUpdates
        | Kind::Projects
        | Kind::ProjectUpdates
        | Kind::Milestones
        | Kind::Risks
        | Kind::RiskReviews
        | Kind::Eias => csvio::write_delivery(&mut buffer, kind, &store.delivery()?)?,
        Kind::CaseStudies => csvio::write_case_studies(&mut buffer, &store.case_studies()?)?,
        Kind::Budgets => csvio::write_budgets(&mut buffer, &store.budgets()?)?,
        Kind::Benchmarks => csvio::write_benchmarks(&mut buffer, &store.benchmarks()?)?,
    }
    Ok(buffer)
}

fn indicator_order(store: &crate::store::Store) -> Result<HashMap<String, usize>> {
    Ok(store
        .indicators()?
        .into_iter()
        .enumerate()
        .map(|(n, r)| (r.indicator.code, n))
        .collect())
}

pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::outfile::write_beside(path, crate::outfile::Existing::Replace, |file| {
        std::io::Write::write_all(file, bytes)
    })
    .with_context(|| format!("cannot write {}", path.display()))
}
