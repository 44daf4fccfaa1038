//! `pmdb history CODE`: every change to an indicator, from the audit log.

use anyhow::Result;
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::query::history::describe;

pub fn run(env: &Env, code: &str) -> Result<()> {
    let store = env.read()?;
    let rows = store.history(code)?;
    if env.json {
        return print_json(&json!({ "code": code, "changes": rows }));
    }
    let decimals = store.indicator(code)?.indicator.decimals;
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                crate::stamp::for_people(&r.at),
                r.login.clone(),
                r.op.clone(),
                describe(r, decimals),
            ]
        })
        .collect();
    table(&["at", "login", "change", "what"], &lines);
    Ok(())
}
