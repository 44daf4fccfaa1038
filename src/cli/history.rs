//! `pmdb history CODE`: every change to an indicator, from the audit log.

use anyhow::Result;
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};

pub fn run(env: &Env, code: &str) -> Result<()> {
    let store = env.open()?;
    store.indicator(code)?;
    let rows = store.history(code)?;
    if env.json {
        return print_json(&json!({ "code": code, "changes": rows }));
    }
    let show = |v: &Option<serde_json::Value>, key: &str| -> String {
        v.as_ref()
            .and_then(|v| v.get(key))
            .map(|x| x.to_string().trim_matches('"').to_string())
            .unwrap_or_default()
    };
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let what = match r.table.as_str() {
                "values" => format!(
                    "value {}: {} → {}",
                    r.key.split('|').nth(1).unwrap_or(""),
                    show(&r.old, "value"),
                    show(&r.new, "value")
                ),
                "targets" => format!(
                    "target {}: {} → {}",
                    r.key.split('|').skip(1).collect::<Vec<_>>().join(" "),
                    show(&r.old, "target"),
                    show(&r.new, "target")
                ),
                other => format!("{other} {}", r.key),
            };
            vec![r.at.clone(), r.login.clone(), r.op.clone(), what]
        })
        .collect();
    table(&["at", "login", "change", "what"], &lines);
    Ok(())
}
