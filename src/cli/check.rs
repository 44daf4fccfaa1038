//! `pmdb check`: the file's integrity and the data's quality. Exits 1 when the file is
//! damaged; data-quality findings are reported, not failed on.

use anyhow::{Result, bail};
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::query::check::check;

pub fn run(env: &Env) -> Result<()> {
    let store = env.open()?;
    let integrity = store.integrity_check()?;
    let ds = store.dataset()?;
    let findings = check(&ds, env.today, ds.context(env.today));
    let ok = integrity == ["ok"];
    if env.json {
        print_json(&json!({ "integrity": integrity.join("; "), "findings": findings }))?;
    } else {
        say!("integrity: {}", integrity.join("; "));
        let rows: Vec<Vec<String>> = findings
            .iter()
            .map(|f| vec![f.check.to_string(), f.code.clone(), f.message.clone()])
            .collect();
        table(&["check", "code", "finding"], &rows);
        say!("{} findings", findings.len());
    }
    if !ok {
        bail!("the database file failed its integrity check: restore from a backup");
    }
    Ok(())
}
