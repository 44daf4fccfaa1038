//! Publishing: the pack a council uploads to its website, made the same way by every front
//! end (`pmdb publish`, the interface's Rollup tab with `P`): the council's report as HTML,
//! XLSX, CSV and Markdown, one HTML summary per portfolio and an `index.html` linking them,
//! each file written whole or not at all; and the HTML page of a period, with what the store
//! supplies beside the dataset. Reports are public by default: whoever may read may publish
//! (`Actor::may_publish`). No clock is read (today is passed in): a signed-off period's
//! pack is the same bytes however often it is made.
//!
//! - `sources`: what a period's pages show that the dataset does not hold, as frozen at
//!   sign-off or as it is now;
//! - `escalations`: which escalated exceptions a period's report lists when nothing was
//!   frozen (only those raised by its sign-off);
//! - `page`: one HTML page of a period in a scope;
//! - `pack`: the files of the pack, made in memory, in the order the index lists them;
//! - `page_name`: the file name of a portfolio's page;
//! - `folder`: which dataset a pack is made from, and writing it into a folder;
//! - `error`: what stops a pack being written.

mod error;
mod escalations;
mod folder;
mod pack;
mod page;
pub mod page_name;
mod sources;

pub use error::PublishError;
pub use escalations::listed_escalations;
pub use folder::{
    LATEST_MONTH_FOLDER, Latest, read_and_write_latest, read_and_write_pack, write_pack,
};
pub use pack::{PackFile, pack_files, pack_files_linking};
pub use page::{html, page};
pub use sources::PageSources;
