//! Crash safety (SPEC.md, "Quality bars"): a writer killed with SIGKILL leaves the file
//! intact, every save it acknowledged is there, and nothing it had not committed is.

mod common;

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Council;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

fn pmdb(c: &Council, args: &[&str]) -> Command {
    let mut cmd = Command::new(common::pmdb_binary());
    cmd.arg("--db")
        .arg(&c.db)
        .args(args)
        .env("PMDB_TODAY", &c.today)
        .env_remove("PMDB_DB");
    cmd
}

fn sigkill(child: &std::process::Child) {
    // The child may have finished already; it is not reaped until waited for, so the pid
    // is still its own and the signal is harmless.
    kill(Pid::from_raw(child.id() as i32), Signal::SIGKILL).expect("send SIGKILL");
}

#[test]
fn a_writer_killed_in_the_middle_of_a_large_import_leaves_the_file_intact_and_none_of_its_rows() {
    let c = Council::fixture();
    let me = common::me();
    let mut defs = String::from("code,title,kind,polarity,frequency,aggregation,owner\n");
    let mut values = String::from("code,period,value\n");
    for i in 1..=50 {
        defs.push_str(&format!("B{i},Bulk {i},local,higher,monthly,sum,{me}\n"));
        for year in 2001..2024 {
            for month in 1..=12 {
                values.push_str(&format!("B{i},{year}-{month:02},{}\n", year * month + i));
            }
        }
    }
    let defs = c.file("defs.csv", defs);
    c.ok(&["import", "indicators", &defs]);
    let big = c.file("big.csv", values);
    c.ok(&["set", "RW1", "2024-07", "40"]);
    let before = c.snapshot();

    let mut child = pmdb(&c, &["import", "values", &big])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the import holds the write lock (its transaction is open: a write of our
    // own cannot start), let it get well into its rows, then kill it. Its pages may all be
    // in its page cache, not yet in the write-ahead log: that is what a bulk write does.
    let probe = rusqlite::Connection::open(&c.db).unwrap();
    probe.busy_timeout(Duration::ZERO).unwrap();
    let started = Instant::now();
    while probe.execute_batch("BEGIN IMMEDIATE; ROLLBACK;").is_ok() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the import never started writing"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(Duration::from_millis(50));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the import finished before it could be killed"
    );
    sigkill(&child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.signal(),
        Some(9),
        "the import was not killed: {out:?}"
    );
    assert!(
        out.stdout.is_empty(),
        "the killed import acknowledged something: {}",
        String::from_utf8_lossy(&out.stdout)
    );

    // The file is intact and holds what it held before: none of the unfinished import.
    assert_eq!(common::integrity(&c.db), "ok");
    assert_eq!(c.json(&["check"])["integrity"], "ok");
    assert_eq!(c.snapshot(), before);
    assert_eq!(
        c.count("SELECT count(*) FROM \"values\" WHERE indicator LIKE 'B%'"),
        0
    );
    // And it takes new saves.
    c.ok(&["set", "B1", "2024-07", "5"]);
    assert_eq!(c.period("B1", "2024-07")["value"], 5.0);
}

#[test]
fn every_acknowledged_save_survives_writers_killed_at_random_moments() {
    let c = Council::fixture();
    let defs = c.file(
        "defs.csv",
        format!(
            "code,title,kind,polarity,frequency,aggregation,owner\nK1,Killed,local,higher,monthly,sum,{}\n",
            common::me()
        ),
    );
    c.ok(&["import", "indicators", &defs]);

    let mut acknowledged: Vec<(String, f64)> = Vec::new();
    let mut killed: Vec<(String, f64)> = Vec::new();
    let mut hot_acknowledged = 0;
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..48u32 {
        let month = format!("{}-{:02}", 2020 + i / 12, i % 12 + 1);
        let value = f64::from(i) + 0.5;
        // Every second writer saves to its own month, the others to one shared month.
        let shared = i % 2 == 1;
        let period = if shared { "2024-07".to_string() } else { month };
        let mut child = pmdb(&c, &["set", "K1", &period, &value.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A pseudo-random moment in the writer's life; two in six are left to finish.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        if i % 6 < 4 {
            std::thread::sleep(Duration::from_micros(seed % 25_000));
            sigkill(&child);
        }
        let status = child.wait().unwrap();
        let mut stdout = String::new();
        std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut stdout).unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert!(!stderr.to_lowercase().contains("locked"), "{stderr}");
        if stdout.starts_with(&format!("saved K1 {period} = ")) {
            if shared {
                hot_acknowledged += 1;
            } else {
                acknowledged.push((period, value));
            }
        } else {
            assert_eq!(
                status.signal(),
                Some(9),
                "set {period} neither saved nor was killed: {stdout} {stderr}"
            );
            if !shared {
                killed.push((period, value));
            }
        }
    }
    assert!(
        !acknowledged.is_empty() && !killed.is_empty(),
        "acknowledged {acknowledged:?}, killed {killed:?}"
    );

    assert_eq!(common::integrity(&c.db), "ok");
    assert_eq!(c.json(&["check"])["integrity"], "ok");
    let conn = c.read_only();
    let stored = |period: &str| -> Option<(f64, i64)> {
        conn.query_row(
            "SELECT value, version FROM \"values\" WHERE indicator = 'K1' AND period = ?1",
            [period],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok()
    };
    for (period, value) in &acknowledged {
        assert_eq!(
            stored(period),
            Some((*value, 1)),
            "acknowledged save of K1 {period} = {value} is missing"
        );
        assert_eq!(c.value_audit_rows("K1", period), 1);
    }
    // A killed writer's save is all there (it had committed) or not there at all.
    for (period, value) in &killed {
        let audit = c.value_audit_rows("K1", period);
        match stored(period) {
            Some(found) => assert_eq!((found, audit), ((*value, 1), 1), "K1 {period}"),
            None => assert_eq!(audit, 0, "K1 {period} has an audit row but no value"),
        }
    }
    // The shared month: one version and one audit row per committed save, at least one
    // per acknowledged one.
    if let Some((_, version)) = stored("2024-07") {
        assert_eq!(version, c.value_audit_rows("K1", "2024-07"));
        assert!(
            version >= hot_acknowledged,
            "version {version} < {hot_acknowledged} acknowledged saves"
        );
    } else {
        assert_eq!(hot_acknowledged, 0);
    }
}
