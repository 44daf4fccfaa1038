//! `pmdb import KIND FILE` and `pmdb export KIND [FILE]`: CSV in and out, `-` being
//! standard input or output. An import is all or nothing; an export is written to a
//! temporary file and renamed into place, so no half-written file is ever left.

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

pub fn import(env: &Env, kind_text: &str, file: &str, dry_run: bool) -> Result<()> {
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
    if dry_run {
        let preview = csvio::dry_run(&mut store, kind, &bytes, env.today)
            .map_err(|e| import_refusal(&where_, e))?;
        return show_dry_run(env, &where_, &preview);
    }
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

/// What an import would do, for a person (each row, each change) or as JSON.
fn show_dry_run(env: &Env, where_: &str, run: &csvio::DryRun) -> Result<()> {
    if env.json {
        return super::output::json(run);
    }
    say!(
        "dry run of importing {} from {where_}: {} to add, {} to change, {} unchanged; nothing was written",
        run.kind,
        run.added.len(),
        run.changed.len(),
        run.unchanged
    );
    for key in &run.added {
        say!("  add     {key}");
    }
    for change in &run.changed {
        let fields: Vec<String> = change
            .fields
            .iter()
            .map(|(field, (old, new))| format!("{field} {} → {}", shown(old), shown(new)))
            .collect();
        say!("  change  {}: {}", change.key, fields.join("; "));
    }
    Ok(())
}

/// A cell as the dry run shows it: short, and an empty one as "(blank)".
fn shown(cell: &str) -> String {
    match cell {
        "" => "(blank)".to_string(),
        c => csvio::clip(c),
    }
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
    Ok(csvio::export(store, kind)?)
}

pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::outfile::write_beside(path, crate::outfile::Existing::Replace, |file| {
        std::io::Write::write_all(file, bytes)
    })
    .with_context(|| format!("cannot write {}", path.display()))
}
