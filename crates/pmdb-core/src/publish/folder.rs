//! Writing a period's pack into a folder: which dataset it is made from (for a signed-off
//! period, one read as at its sign-off), then each file whole or not at all, with the
//! person's own user and group (`outfile`), the index last.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::PublishError;
use super::pack::pack_files_linking;
use super::sources::PageSources;
use crate::domain::period::Period;
use crate::query::report_html::PackEntry;
use crate::store::{Dataset, Store};

/// `pmdb publish`: reads the dataset as the period's reports see it (for a signed-off
/// period, with the settings and definitions of its sign-off) and writes the pack into
/// `dir`; returns the paths written, the index last.
pub fn read_and_write_pack(
    store: &Store,
    period: Period,
    today: NaiveDate,
    dir: &Path,
) -> Result<Vec<PathBuf>, PublishError> {
    read_and_write_linking(store, period, today, dir, &[])
}

fn read_and_write_linking(
    store: &Store,
    period: Period,
    today: NaiveDate,
    dir: &Path,
    beside: &[PackEntry],
) -> Result<Vec<PathBuf>, PublishError> {
    let ds = store.dataset_for_reports(period)?;
    let written = pack_into(store, &ds, period, today, dir, beside);
    crate::drop_aside::drop_aside(ds);
    written
}

/// The folder the latest month's pack goes in, beside the quarter's.
pub const LATEST_MONTH_FOLDER: &str = "month";

/// What `pmdb publish --period latest` wrote: the last ended quarter's pack and, in the
/// folder `month` beside it, the last ended month's, which the quarter's index links.
#[derive(Debug)]
pub struct Latest {
    pub quarter: Period,
    pub month: Period,
    /// The quarter's files, its index last, then the month's.
    pub written: Vec<PathBuf>,
}

/// `pmdb publish --period latest`, for an intranet refreshed from cron: the last quarter
/// and the last month that have ended by `today`, each page dated and saying whether its
/// figures are signed off, as every pack's pages do.
pub fn read_and_write_latest(
    store: &Store,
    today: NaiveDate,
    dir: &Path,
) -> Result<Latest, PublishError> {
    let quarter = crate::domain::deadline::last_ended_quarter(today);
    let month = crate::domain::deadline::month_now_due(today);
    let month_files = read_and_write_pack(store, month, today, &dir.join(LATEST_MONTH_FOLDER))?;
    let beside = [PackEntry {
        file: format!("{LATEST_MONTH_FOLDER}/index.html"),
        label: format!("The latest month, {month}: its own pack"),
    }];
    let mut written = read_and_write_linking(store, quarter, today, dir, &beside)?;
    written.extend(month_files);
    Ok(Latest {
        quarter,
        month,
        written,
    })
}

/// As `read_and_write_pack`, given `ds`, today's dataset (the interface's): for a period
/// not signed off the pack is made from it; for a signed-off one from a read as at its
/// sign-off instead.
pub fn write_pack(
    store: &Store,
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    dir: &Path,
) -> Result<Vec<PathBuf>, PublishError> {
    if store.frozen_for_reports(period)? {
        return read_and_write_pack(store, period, today, dir);
    }
    pack_into(store, ds, period, today, dir, &[])
}

/// Writes the whole pack for `period` into `dir` (made if missing; files in it replaced),
/// if the store's person may publish. `ds` is the dataset as the period's reports see it.
fn pack_into(
    store: &Store,
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    dir: &Path,
    beside: &[PackEntry],
) -> Result<Vec<PathBuf>, PublishError> {
    store.actor()?.may_publish()?;
    let sources = PageSources::read(store, ds, period)?;
    let pack = pack_files_linking(ds, period, today, &sources, beside)?;
    crate::outfile::create_folder(dir).map_err(|source| PublishError::Folder {
        dir: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::with_capacity(pack.len());
    for f in &pack {
        let path = dir.join(&f.entry.file);
        crate::outfile::write_beside(&path, crate::outfile::Existing::Replace, |file| {
            std::io::Write::write_all(file, &f.bytes)
        })
        .map_err(|source| PublishError::Write {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}
