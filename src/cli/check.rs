//! `pmdb check`: the file's integrity and the data's quality. Exits 1 when the file is
//! damaged; data-quality findings are reported, not failed on.

use anyhow::{Result, bail};
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::query::check::{Finding, check};

pub fn run(env: &Env) -> Result<()> {
    let store = env.open()?;
    let integrity = store.integrity_check()?;
    let ds = store.dataset()?;
    let mut findings = check(&ds, env.today, ds.context(env.today));
    // Benchmarks and escalations frozen at sign-off are the store's, not the dataset's.
    for period in store.damaged_extras()? {
        findings.push(Finding {
            check: "damaged_signoff",
            code: String::new(),
            message: format!(
                "{}: the benchmarks and escalations frozen at sign-off cannot be read; restore them from a backup",
                crate::safe_text::line(&period)
            ),
            period: Some(period),
        });
    }
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
