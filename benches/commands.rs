//! Benchmark: whole `pmdb` processes, as someone at a terminal runs them (issue 27).
//!
//! `cargo bench --bench commands` builds `pmdb demo --scale 10` with the release binary
//! (`PMDB_BENCH_SCALE` for another size; `PMDB_BENCH_DB` times an existing database
//! instead) in a temporary folder, today pinned to 2026-11-24, and times each command as a
//! whole process, start-up included, nine rounds: the look-ups (`show PL01`, `list --owner`
//! the officer owning the most indicators, `history PL01`, `overdue`, the `exceptions`
//! list) and the reports over the whole council: `rollup`, `report` (Markdown and HTML) and
//! `publish` of 2026/27 Q2, and `check` (also as a ratio to SQLite's integrity check). In each round every
//! command is paired with `sqlite3 FILE "SELECT count(*) FROM audit_log"` on the same file
//! (the yardstick for a look-up), and the round has one full read: `sqlite3`
//! printing every row of every table but the audit log, which no report reads (the
//! yardstick for a whole-council report), and SQLite's own integrity check of the file
//! (what `pmdb check` does before it reads the council). It prints each median, its ratio to its paired
//! sqlite3 and to the full read, and the process's peak memory (maximum resident set, from
//! one more run under `/usr/bin/time -f %M`, where there is one).
//!
//! `PMDB_BENCH_BIN` times another build of pmdb (say, a copy of an earlier release binary)
//! on the same kind of file, so a change is measured before and after.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 9;
const TODAY: &str = "2026-11-24";

fn main() {
    let scale: u32 = std::env::var("PMDB_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let bin = std::env::var_os("PMDB_BENCH_BIN")
        .filter(|b| !b.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_pmdb")));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = match std::env::var_os("PMDB_BENCH_DB") {
        Some(p) => PathBuf::from(p),
        None => {
            let db = dir.path().join("bench.db");
            let built = Instant::now();
            let status = pmdb(&bin, &db, &["demo", "--scale", &scale.to_string()])
                .stdout(Stdio::null())
                .status()
                .expect("pmdb demo runs");
            assert!(status.success(), "pmdb demo --scale {scale} failed");
            println!(
                "pmdb demo --scale {scale} built in {:.1} s by {}",
                built.elapsed().as_secs_f64(),
                bin.display()
            );
            db
        }
    };
    let conn = rusqlite::Connection::open(&db).expect("the database opens");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("counts") };
    println!(
        "{} indicators, {} values, {} exceptions, {} audit rows",
        count("SELECT count(*) FROM indicators"),
        count("SELECT count(*) FROM \"values\""),
        count("SELECT count(*) FROM exceptions"),
        count("SELECT count(*) FROM audit_log")
    );
    let owner: String = conn
        .query_row(
            "SELECT owner FROM indicators GROUP BY owner ORDER BY count(*) DESC, owner DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an owner");
    // Every table but the audit log (and SQLite's own), each row printed.
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log'
               AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .expect("prepares")
        .query_map([], |r| r.get(0))
        .expect("lists the tables")
        .collect::<rusqlite::Result<_>>()
        .expect("table names");
    drop(conn);
    let full_read: String = tables
        .iter()
        .map(|t| format!("SELECT * FROM \"{t}\";"))
        .collect();

    // `publish` writes the whole pack, its files replaced in each round.
    let pack = dir.path().join("pack").display().to_string();
    let commands: Vec<Vec<String>> = [
        vec!["show", "PL01"],
        vec!["list", "--owner", &owner],
        vec!["history", "PL01"],
        vec!["overdue"],
        vec!["exceptions"],
        vec!["rollup"],
        vec!["report", "--period", "2026/27 Q2"],
        vec!["report", "--period", "2026/27 Q2", "--format", "html"],
        vec!["publish", "--period", "2026/27 Q2", "--out", &pack],
        vec!["check"],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .collect();

    let mut times: Vec<Vec<Duration>> = vec![vec![]; commands.len()];
    let mut paired: Vec<Vec<Duration>> = vec![vec![]; commands.len()];
    let mut full: Vec<Duration> = vec![];
    let mut integrity: Vec<Duration> = vec![];
    for _ in 0..ROUNDS {
        for (n, args) in commands.iter().enumerate() {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            times[n].push(timed(pmdb(&bin, &db, &args)));
            paired[n].push(timed(sqlite3(&db, "SELECT count(*) FROM audit_log")));
        }
        full.push(timed(sqlite3(&db, &full_read)));
        integrity.push(timed(sqlite3(&db, "PRAGMA integrity_check")));
    }
    let full = median(full);
    let integrity = median(integrity);
    println!(
        "full read (sqlite3 printing every row of {} tables, the audit log aside): median {:.1} ms",
        tables.len(),
        ms(full)
    );
    // `pmdb check` checks the file's integrity first: SQLite's own check is its floor.
    println!(
        "integrity check (sqlite3 \"PRAGMA integrity_check\"): median {:.1} ms",
        ms(integrity)
    );
    println!(
        "{:<28} {:>10} {:>14} {:>12} {:>14}",
        "pmdb …", "median ms", "× count(*)", "× full read", "peak memory"
    );
    for (n, args) in commands.iter().enumerate() {
        let own = median(times[n].clone());
        let yard = median(paired[n].clone());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let memory = peak_memory(&bin, &db, &args).map_or_else(
            || "–".to_string(),
            |kb| format!("{:.1} MB", kb as f64 / 1024.0),
        );
        println!(
            "{:<28} {:>10.1} {:>8.1}× ({:.1}) {:>11.2}× {:>14}",
            args.join(" "),
            ms(own),
            own.as_secs_f64() / yard.as_secs_f64(),
            ms(yard),
            own.as_secs_f64() / full.as_secs_f64(),
            memory
        );
        // `check` reads every page of every table and index, the audit log's too, which
        // no full read does: its yardstick is SQLite's own check of the file.
        if args == ["check"] {
            println!(
                "{:<28} {:>10} {:>8.2}× SQLite's own integrity check",
                "",
                "",
                own.as_secs_f64() / integrity.as_secs_f64()
            );
        }
    }
}

/// `pmdb --db DB ARGS…` as the bench runs it: today pinned, output thrown away.
fn pmdb(bin: &Path, db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env("PMDB_TODAY", TODAY)
        .env_remove("PMDB_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn sqlite3(db: &Path, sql: &str) -> Command {
    let mut cmd = Command::new("sqlite3");
    cmd.arg(db)
        .arg(sql)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The whole process, from spawning it until it has exited (it must succeed).
fn timed(mut cmd: Command) -> Duration {
    let start = Instant::now();
    let status = cmd.status().expect("the process runs");
    let took = start.elapsed();
    assert!(status.success(), "{cmd:?} failed: {status}");
    took
}

/// The process's maximum resident set in kilobytes, by `/usr/bin/time -f %M` (none
/// without it).
fn peak_memory(bin: &Path, db: &Path, args: &[&str]) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = Command::new(time)
        .args(["-f", "%M"])
        .arg(bin)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PMDB_TODAY", TODAY)
        .env_remove("PMDB_DB")
        .stdout(Stdio::null())
        .output()
        .ok()?;
    // time's line is the last of standard error.
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
