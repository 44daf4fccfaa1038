//! `pmdb check`: the file's integrity and the data's quality. Exits 1 when the file is
//! damaged; data-quality findings are reported, not failed on. `pmdb check --deployment`:
//! whether the installation keeps officers from writing the file except through pmdb.

use anyhow::{Result, bail};
use serde_json::json;

use super::Env;
use super::output::{json as print_json, table};
use crate::query::check::{Finding, check};

pub fn run(env: &Env) -> Result<()> {
    let store = env.read()?;
    // SQLite's check of the file reads every page of every table and index, the audit
    // log's too: most of the command's time on a large council. There it runs on a
    // connection of its own beside the reading and judging of the data, each on a core; a
    // small file is checked first on the one connection, quicker than opening another.
    let large = crate::store::worth_a_second_connection(&env.db);
    let (integrity, read) = if large {
        std::thread::scope(|s| {
            let file = s.spawn(|| -> Result<Vec<String>> { Ok(env.read()?.integrity_check()?) });
            let read = read_and_judge(&store, env);
            let integrity = file.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            (integrity, read)
        })
    } else {
        let integrity = store.integrity_check().map_err(anyhow::Error::from);
        (integrity, read_and_judge(&store, env))
    };
    let integrity = integrity?;
    let (damaged, mut findings) = match read {
        Ok(read) => read,
        // A file that fails SQLite's check may not read at all: what is wrong with the
        // file is said first.
        Err(e) if integrity != ["ok"] => {
            return Err(anyhow::Error::from(e).context(format!(
                "the database file failed its integrity check ({}): restore from a backup",
                crate::safe_text::line(&integrity.join("; "))
            )));
        }
        Err(e) => return Err(e.into()),
    };
    for d in damaged {
        findings.push(Finding {
            check: "damaged_row",
            code: d.key.clone(),
            period: None,
            message: format!(
                "{}: nothing is judged or reported until it is corrected or removed",
                crate::safe_text::line(&d.to_string())
            ),
        });
    }
    // What sign-off froze besides statuses is the store's, not the dataset's.
    for period in store.damaged_extras()? {
        findings.push(Finding {
            check: "damaged_signoff",
            code: String::new(),
            message: format!(
                "{}: what its sign-off froze (benchmarks, escalations, settings or definitions) cannot be read; restore it from a backup",
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
        say!(
            "{}",
            crate::domain::label::counted(findings.len(), "finding", "findings")
        );
    }
    if !ok {
        bail!("the database file failed its integrity check: restore from a backup");
    }
    Ok(())
}

/// The council read as stored, so that every delivery row that does not read is listed
/// (where everything else refuses at the first), with its data-quality findings.
fn read_and_judge(
    store: &crate::store::Store,
    env: &Env,
) -> crate::store::Result<(Vec<crate::store::DamagedRow>, Vec<Finding>)> {
    let (ds, damaged) = store.dataset_as_stored()?;
    let findings = check(&ds, env.today, ds.context(env.today));
    crate::drop_aside::drop_aside(ds);
    Ok((damaged, findings))
}

/// `pmdb check --deployment`: each file and folder as it is, what is wrong with it, and the
/// commands that put it right; exits 1 unless the file is protected.
pub fn deployment(env: &Env) -> Result<()> {
    use crate::deployment::{inspect, judge};
    let verdict = judge::judge(&inspect::facts(&env.db, &env.login));
    if env.json {
        print_json(&verdict)?;
    } else {
        say!(
            "deployment of {}, as {} sees it",
            verdict.database,
            verdict.login
        );
        let rows: Vec<Vec<String>> = verdict
            .findings
            .iter()
            .map(|f| {
                vec![
                    if f.problem.is_some() { "PROBLEM" } else { "ok" }.to_string(),
                    f.what.to_string(),
                    f.path.clone(),
                    match &f.problem {
                        Some(p) => format!("{}: {p}", f.state),
                        None => f.state.clone(),
                    },
                ]
            })
            .collect();
        table(&["", "what", "path", "as it is"], &rows);
        say!(
            "{} could write the file without pmdb: {}",
            verdict.login,
            if verdict.could_write_without_pmdb {
                "yes"
            } else {
                "no"
            }
        );
        if !verdict.changes.is_empty() {
            say!("what to change:");
            for c in &verdict.changes {
                say!("  {c}");
            }
        }
    }
    if !verdict.protected {
        bail!("the deployment does not protect the file: officers could write it without pmdb");
    }
    if !env.json {
        say!("the deployment protects the file: only pmdb can write it");
    }
    Ok(())
}

/// `pmdb check --locks`: who holds what on the database, its `-wal` and its `-shm`, from
/// the kernel's lock table, with each process's login and whether it is stopped; a
/// stopped process holding a save's lock is named with the command that ends the stall.
pub fn locks(env: &Env) -> Result<()> {
    use crate::store::lock_holders;
    let holders = lock_holders::holders(&env.db);
    if env.json {
        return print_json(&json!({
            "database": env.db.display().to_string(),
            "holders": holders,
        }));
    }
    if holders.is_empty() {
        say!("no process holds a lock on {}", env.db.display());
        return Ok(());
    }
    for h in &holders {
        say!("{}", h.line());
    }
    if let Some(who) = lock_holders::held_by(&env.db) {
        say!("{who}");
    }
    Ok(())
}
