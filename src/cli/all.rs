//! `pmdb export --all DIR` and `pmdb import --all DIR`: the whole council in and out, one
//! CSV per kind named `KIND.csv`. The import reads the folder in dependency order (people
//! and organisation, the plan, indicators, targets and values, then delivery) as one
//! transaction: one bad file or row and nothing of the folder is kept.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use serde_json::json;

use super::Env;
use super::transfer::{export_bytes, import_refusal, write_atomically};
use crate::csvio::{self, ImportError, KINDS, Kind, TextEncoding};
use crate::store::ImportSummary;

fn file_of(dir: &Path, kind: Kind) -> std::path::PathBuf {
    dir.join(format!("{kind}.csv"))
}

/// Writes every kind's file into `dir` (made if missing).
pub fn export(env: &Env, dir: &str) -> Result<()> {
    let dir = Path::new(dir);
    crate::outfile::create_folder(dir)
        .with_context(|| format!("cannot make the folder {}", dir.display()))?;
    let store = env.read()?;
    for kind in KINDS {
        write_atomically(&file_of(dir, kind), &export_bytes(&store, kind)?)?;
    }
    if env.json {
        return super::output::json(&json!({
            "dir": dir.display().to_string(),
            "files": KINDS.iter().map(|k| format!("{k}.csv")).collect::<Vec<_>>(),
        }));
    }
    say!("exported {} files to {}", KINDS.len(), dir.display());
    Ok(())
}

/// Imports every `KIND.csv` in `dir`, in dependency order, all or nothing; a kind whose
/// file is absent is skipped and the summary says so.
pub fn import(env: &Env, dir: &str) -> Result<()> {
    let dir_path = Path::new(dir);
    // Asked as the person: whether a folder exists is theirs to learn, not pmdb's group's.
    if !crate::privilege::as_person(|| dir_path.is_dir()).unwrap_or(false) {
        return Err(anyhow!(
            "{dir} is not a folder: give the folder `pmdb export --all` wrote"
        ));
    }
    let mut files: Vec<(Kind, String, Vec<u8>)> = Vec::new();
    let mut skipped: Vec<Kind> = Vec::new();
    for kind in KINDS {
        let path = file_of(dir_path, kind);
        match crate::outfile::read_for_person(&path) {
            Ok(bytes) => files.push((kind, path.display().to_string(), bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => skipped.push(kind),
            Err(e) => return Err(anyhow!("cannot read {}: {e}", path.display())),
        }
    }
    if files.is_empty() {
        return Err(anyhow!(
            "{dir} holds none of the files `pmdb export --all` writes (users.csv, plan.csv, …): nothing was imported"
        ));
    }
    let mut store = env.open()?;
    let today = env.today;
    let done: Vec<(Kind, &str, ImportSummary, TextEncoding)> =
        store.as_one_import(|store| -> Result<_> {
            let mut done = Vec::new();
            // Every file is read and checked, so one refusal names every bad row of the
            // folder; a row naming what a refused row would have added is not blamed too.
            let mut refusals = Vec::new();
            let mut refused = HashSet::new();
            for (kind, path, bytes) in &files {
                match csvio::import_within(store, *kind, bytes, today, &mut refused) {
                    Ok(summary) => {
                        done.push((*kind, path.as_str(), summary, csvio::encoding_of(bytes)))
                    }
                    Err(ImportError::Dependent) => {}
                    // Refused as a whole (a role that may not import, the database failing).
                    Err(e @ ImportError::Store(_)) => return Err(import_refusal(path, e)),
                    Err(e) => refusals.push(import_refusal(path, e).to_string()),
                }
            }
            match refusals.len() {
                0 => {}
                1 => return Err(anyhow!("{}", refusals.remove(0))),
                n => {
                    return Err(anyhow!(
                        "{n} files refused; nothing of the folder was imported:\n{}",
                        refusals.join("\n")
                    ));
                }
            }
            Ok(done)
        })?;
    if env.json {
        let imported: Vec<_> = done
            .iter()
            .map(|(kind, path, s, encoding)| {
                json!({
                    "kind": kind,
                    "file": path,
                    "added": s.added,
                    "changed": s.updated,
                    "unchanged": s.unchanged,
                    "encoding": encoding.as_str(),
                })
            })
            .collect();
        return super::output::json(&json!({
            "dir": dir,
            "imported": imported,
            "skipped": skipped,
        }));
    }
    for (kind, path, s, encoding) in &done {
        let read_as = match encoding {
            TextEncoding::Utf8 => String::new(),
            other => format!(" (read as {other})"),
        };
        say!(
            "imported {kind} from {path}: {} added, {} changed, {} unchanged{read_as}",
            s.added,
            s.updated,
            s.unchanged
        );
    }
    for kind in &skipped {
        say!("skipped {kind}: no {kind}.csv in {dir}");
    }
    Ok(())
}
