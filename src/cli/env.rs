//! What a command learns from its surroundings: who is asking (the operating system's
//! login of the process, never an environment variable a person can set), what day it is
//! (`PMDB_TODAY` for reproducible runs) and where the database lives
//! (`deployment::choose`; set-group-ID, only where `/etc/pmdb/pmdb.toml` says).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use chrono::NaiveDate;

use crate::deployment::{Chosen, SYSTEM_CONFIG, Surroundings, choose, config};

/// The login of the process's real user id, from the system's user database.
pub fn login() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(user)) => user.name,
        // A uid with no passwd entry still needs a stable name; it is never a known user.
        _ => format!("uid{uid}"),
    }
}

/// Today, from `PMDB_TODAY=YYYY-MM-DD` when set, else the clock. Set-group-ID, always the
/// clock: nobody backdates what they record in the council's file.
pub fn today() -> Result<NaiveDate> {
    if crate::privilege::set_group_id() {
        if today_asked() {
            eprintln!(
                "pmdb: PMDB_TODAY is ignored: pmdb is installed set-group-ID here and records today's date"
            );
        }
        return Ok(chrono::Local::now().date_naive());
    }
    match std::env::var("PMDB_TODAY") {
        Ok(text) if !text.trim().is_empty() => {
            crate::domain::date::parse_iso_date(&text).map_err(|_| {
                anyhow!(
                    "PMDB_TODAY='{text}' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-20"
                )
            })
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Whether `PMDB_TODAY` names today (rather than the clock).
pub fn today_is_pinned() -> bool {
    !crate::privilege::set_group_id() && today_asked()
}

fn today_asked() -> bool {
    std::env::var("PMDB_TODAY").is_ok_and(|t| !t.trim().is_empty())
}

/// The data directory `directories` gives for pmdb.
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "pmdb")
        .map(|d| d.data_dir().to_path_buf())
        .context("no home directory to keep the database in: give --db PATH or set PMDB_DB")
}

/// The person's own configuration file: `pmdb.toml` in their configuration folder.
pub fn user_config() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pmdb").map(|d| d.config_dir().join("pmdb.toml"))
}

/// The database to use and where its name came from. `flag` is `--db`, `env` `PMDB_DB`.
pub fn database(flag: Option<PathBuf>, env: Option<PathBuf>) -> Result<Chosen> {
    let set_group_id = crate::privilege::set_group_id();
    // Whether the person has a configuration is asked as the person: pmdb's group has no
    // business in their files, nor they in its.
    let user_config =
        user_config().filter(|p| crate::privilege::as_person(|| p.exists()).unwrap_or(false));
    let user_config = match user_config {
        Some(path) if !set_group_id => {
            let named = config::read(&path)?.map(|c| c.database);
            Some((path, named))
        }
        Some(path) => Some((path, None)),
        None => None,
    };
    let system_needed = set_group_id
        || (flag.is_none() && env.is_none() && user_config.as_ref().is_none_or(|u| u.1.is_none()));
    let system_path = Path::new(SYSTEM_CONFIG);
    let system = match (system_needed, set_group_id) {
        (false, _) => None,
        (true, true) => config::read_trusted(system_path)?,
        (true, false) => config::read(system_path)?,
    };
    let surroundings = Surroundings {
        set_group_id,
        flag,
        env,
        user_config,
        system: system.map(|c| c.database),
        default: data_dir().ok().map(|d| d.join("pmdb.db")),
    };
    Ok(choose(surroundings)?)
}

/// Where `--demo` keeps the demo council unless `--db` says otherwise.
pub fn demo_database(given: Option<PathBuf>) -> Result<PathBuf> {
    match given {
        Some(p) => Ok(p),
        None => Ok(data_dir()?.join("pmdb-demo.db")),
    }
}
