//! What stops a pack being written, each saying what was not done; the cause follows as
//! the error's source.

use std::io;
use std::path::PathBuf;

use crate::domain::role::RoleError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Refused(#[from] RoleError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Csv(#[from] csv::Error),
    #[error("the workbook was not made")]
    Workbook(#[source] rust_xlsxwriter::XlsxError),
    #[error("cannot make the folder {}", .dir.display())]
    Folder {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}
