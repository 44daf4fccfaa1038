//! `pmdb backup FILE`: SQLite's own consistent copy, safe while others write.

use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::Env;

pub fn run(env: &Env, file: &Path) -> Result<()> {
    let store = env.read()?;
    store.backup(file)?;
    if env.json {
        return super::output::json(&json!({ "database": env.db, "backup": file }));
    }
    say!("backed up {} to {}", env.db.display(), file.display());
    Ok(())
}
