//! The files of a period's pack, made in memory: the council's report four ways, a summary
//! per portfolio and the index linking them all. The one place to add another file.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::PublishError;
use super::page::page;
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
    let council = [Part::Html, Part::Csv, Part::Markdown].into_iter();
    let parts: Vec<Part> = council
        .chain(ds.portfolios.iter().map(Part::Portfolio))
        .collect();
    // The workbook is the longest single file to make: begun at once on one core, while
    // the other makes the rest (the council's page its cards side by side), each core
    // taking from the other's share once its own is done.
    let (workbook, pages) = rayon::join(
        || xlsx_of(&judged, studies).map_err(PublishError::Workbook),
        || {
            parts
                .par_iter()
                .map(|part| make(part, &judged, sources, studies))
                .collect::<Result<Vec<PackFile>, PublishError>>()
        },
    );
    let mut pack = pages?;
    let workbook = PackFile::new(
        "report.xlsx",
        "Performance report (Excel workbook, to sort and filter)",
        workbook?,
    );
    // The index lists the council's report as web page, workbook, CSV, Markdown.
    pack.insert(1, workbook);
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

/// One file of the pack to make beside the workbook: the council's report as a web page,
/// CSV or Markdown, or a portfolio's summary.
enum Part<'a> {
    Html,
    Csv,
    Markdown,
    Portfolio(&'a crate::store::Named),
}

/// Makes one file of the pack from the council as judged for its period.
fn make(
    part: &Part,
    judged: &Judged,
    sources: &PageSources,
    studies: &[crate::store::CaseStudyRecord],
) -> Result<PackFile, PublishError> {
    Ok(match part {
        Part::Html => PackFile::new(
            "report.html",
            "Performance report (web page, printable)",
            page(judged, &Scope::Council, sources).into_bytes(),
        ),
        Part::Csv => PackFile::new(
            "report.csv",
            "Performance report (CSV open data)",
            report::csv_scoped(judged, GroupBy::Priority, &Scope::Council, studies)?.into_bytes(),
        ),
        Part::Markdown => PackFile::new(
            "report.md",
            "Performance report (Markdown)",
            report::markdown_scoped(judged, GroupBy::Priority, &Scope::Council, studies)
                .into_bytes(),
        ),
        // A name of its own for each code (`X.Y`, `X/Y`, `X_Y` and `x.y` are four pages).
        Part::Portfolio(p) => PackFile::new(
            &portfolio_page(&p.code),
            &format!("{} portfolio summary", p.name),
            page(judged, &Scope::Portfolio(p.code.clone()), sources).into_bytes(),
        ),
    })
}
