//! Placeholder until the demo council generator lands (branch `demo`).

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::store::{Result, Store};

#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub indicators: usize,
}

pub fn build_demo(path: &Path, login: &str, _today: NaiveDate, _scale: u32) -> Result<DemoSummary> {
    Store::create(path, login)?;
    Ok(DemoSummary { indicators: 0 })
}
