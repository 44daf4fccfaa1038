//! `pmdb init`, `pmdb demo` and opening the interface.

use anyhow::{Result, bail};

use super::Env;
use crate::store::Store;

pub fn init(env: &Env) -> Result<()> {
    if env.pinned {
        Store::create_on(&env.db, &env.login, env.today)?;
    } else {
        Store::create(&env.db, &env.login)?;
    }
    if let Some(group) = crate::privilege::program_group() {
        give_to_group(&env.db, group)?;
    }
    if env.json {
        return super::output::json(&serde_json::json!({ "database": env.db, "admin": env.login }));
    }
    say!(
        "created {} with {} as its admin",
        env.db.display(),
        env.login
    );
    Ok(())
}

/// Set-group-ID (root making the council's file), the new database and anything beside it
/// become pmdb's group's, `0660`: SQLite gives a later `-wal` and `-shm` the database's mode.
fn give_to_group(db: &std::path::Path, group: nix::unistd::Gid) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    for suffix in ["", "-wal", "-shm"] {
        let path = crate::store::faults::sidecar(db, suffix);
        if !path.exists() {
            continue;
        }
        nix::unistd::chown(&path, None, Some(group))
            .map_err(|e| anyhow::anyhow!("cannot give {} to pmdb's group: {e}", path.display()))?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660))
            .map_err(|e| anyhow::anyhow!("cannot make {} mode 0660: {e}", path.display()))?;
    }
    Ok(())
}

pub fn demo(env: &Env, scale: u32) -> Result<()> {
    if !(1..=100).contains(&scale) {
        bail!("--scale {scale} is out of range: use 1 to 100");
    }
    let summary = crate::demo::build_demo(&env.db, &env.login, env.today, scale)?;
    if env.json {
        return super::output::json(&summary);
    }
    say!(
        "created the demo council at {} (today {}), {} is its admin",
        env.db.display(),
        env.today,
        env.login
    );
    say!("{summary}");
    Ok(())
}

/// `pmdb` with no command: the interface. With `--demo`, the demo council is built first
/// when its file is missing.
pub fn open_interface(env: &Env, demo: bool) -> Result<()> {
    if demo && !env.db.exists() {
        eprintln!("building the demo council at {} …", env.db.display());
        crate::demo::build_demo(&env.db, &env.login, env.today, 1)?;
    }
    // Open it once here so a missing or foreign file is refused before the screen changes.
    drop(Store::open(&env.db, &env.login)?);
    crate::tui::run(&env.db, &env.login, env.today, env.pinned)
}
