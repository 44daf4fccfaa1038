//! The files of a period's pack, made in memory: the council's report four ways, a summary
//! per portfolio and the index linking them all. The one place to add another file.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::PublishError;
use super::page::page_of;
use super::page_name::portfolio_page;
use super::sources::PageSources;
use crate::domain::period::Period;
use crate::query::report;
use crate::query::report_html::{self, PackEntry, Scope};
use crate::query::report_judged::Judged;
use crate::query::report_xlsx::xlsx_of;
use crate::query::rollup::GroupBy;
use crate::store::Dataset;

/// One file of the pack: its name and label, as the index lists it, and its bytes.
pub struct PackFile {
    pub entry: PackEntry,
    pub bytes: Vec<u8>,
}

impl PackFile {
    fn new(file: &str, label: &str, bytes: Vec<u8>) -> PackFile {
        PackFile {
            entry: PackEntry {
                file: file.to_string(),
                label: label.to_string(),
            },
            bytes,
        }
    }
}

/// Every file of the pack for `period`, in the order the index lists them, the index
/// last. `ds` is the dataset as the period's reports see it; `sources` what its pages show
/// beside it.
pub fn pack_files(
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    sources: &PageSources,
) -> Result<Vec<PackFile>, PublishError> {
    pack_files_linking(ds, period, today, sources, &[])
}

/// As `pack_files`, with `beside` (files written apart, such as the latest month's pack
/// in a folder of its own) listed by the index after the pack's own.
pub fn pack_files_linking(
    ds: &Dataset,
    period: Period,
    today: NaiveDate,
    sources: &PageSources,
    beside: &[PackEntry],
) -> Result<Vec<PackFile>, PublishError> {
    let ctx = ds.context(today);
    // A year's pack tells its chosen case studies in every format, as its page does.
    let studies = sources.extras().case_studies;
    // The council judged once for the period (its indicators on every core); then its
    // report in each format and each portfolio's summary, each made from that judging
    // alone, so made side by side on the machine's cores, kept in this order.
    let judged = Judged::of(ds, period, ctx);
    let council = [0, 1, 2, 3].into_iter().map(Part::Council);
    let parts: Vec<Part> = council
        .chain(ds.portfolios.iter().map(Part::Portfolio))
        .collect();
    let mut pack = parts
        .par_iter()
        .map(|part| match part {
            Part::Council(0) => Ok(PackFile::new(
                "report.html",
                "Performance report (web page, printable)",
                page_of(&judged, &Scope::Council, sources).into_bytes(),
            )),
            Part::Council(1) => Ok(PackFile::new(
                "report.xlsx",
                "Performance report (Excel workbook, to sort and filter)",
                xlsx_of(&judged, studies).map_err(PublishError::Workbook)?,
            )),
            Part::Council(2) => Ok(PackFile::new(
                "report.csv",
                "Performance report (CSV open data)",
                report::csv_scoped(&judged, GroupBy::Priority, &Scope::Council, studies)?
                    .into_bytes(),
            )),
            Part::Council(_) => Ok(PackFile::new(
                "report.md",
                "Performance report (Markdown)",
                report::markdown_scoped(&judged, GroupBy::Priority, &Scope::Council, studies)
                    .into_bytes(),
            )),
            // A name of its own for each code (`X.Y`, `X/Y`, `X_Y` and `x.y` are four pages).
            Part::Portfolio(p) => Ok(PackFile::new(
                &portfolio_page(&p.code),
                &format!("{} portfolio summary", p.name),
                page_of(&judged, &Scope::Portfolio(p.code.clone()), sources).into_bytes(),
            )),
        })
        .collect::<Result<Vec<PackFile>, PublishError>>()?;
    let entries: Vec<PackEntry> = pack
        .iter()
        .map(|f| &f.entry)
        .chain(beside)
        .map(|e| PackEntry {
            file: e.file.clone(),
            label: e.label.clone(),
        })
        .collect();
    let index = report_html::index(ds, period, ctx, &entries).into_bytes();
    pack.push(PackFile::new("index.html", "Index", index));
    Ok(pack)
}

/// One file of the pack to make: the council's report in one of its four formats (by
/// position: HTML, XLSX, CSV, Markdown), or a portfolio's summary.
enum Part<'a> {
    Council(u8),
    Portfolio(&'a crate::store::Named),
}
