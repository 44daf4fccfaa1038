//! Many officers saving at once over one file (SPEC.md, "Quality bars"): 18 OS processes
//! of the real binary write at the same time, 652 writes in all, 132 of them to one
//! indicator and period. Nothing may be lost, nobody may see "database is locked", and
//! the file must be intact afterwards. Every process runs with umask 022, as officers'
//! logins usually do.

mod common;

use std::collections::BTreeMap;
use std::fs::File;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};

use common::{Council, text};

const IMPORTERS: usize = 4;
/// Months each importer writes for its own indicator (2016-04 to 2024-07).
const IMPORT_MONTHS: usize = 100;
const LOOPS: usize = 6;
/// `pmdb set` runs per loop for its own indicator; each is followed by one to the hot pair.
const LOOP_SETS: usize = 20;
const ONE_SHOTS: usize = 8;

const HOT: (&str, &str) = ("HOT", "2024-07");

/// `n` months back from July 2024, oldest first.
fn months(n: usize) -> Vec<String> {
    let last = 2024 * 12 + 6; // July 2024, months counted from year 0
    (0..n)
        .rev()
        .map(|k| last - k)
        .map(|m| format!("{}-{:02}", m / 12, m % 12 + 1))
        .collect()
}

/// A process started with its output going to files, so no pipe fills while others run.
struct Started {
    name: String,
    child: Child,
    out: std::path::PathBuf,
    err: std::path::PathBuf,
}

fn start(c: &Council, name: &str, mut cmd: Command) -> Started {
    let out = c.path(&format!("{name}.out"));
    let err = c.path(&format!("{name}.err"));
    cmd.stdout(File::create(&out).unwrap())
        .stderr(File::create(&err).unwrap())
        .stdin(Stdio::null());
    cmd.env("PMDB_TODAY", &c.today).env_remove("PMDB_DB");
    // Officers' usual umask: pmdb sets the one its files need while it opens them.
    // SAFETY: umask is async-signal-safe, as what runs between fork and exec must be.
    unsafe {
        cmd.pre_exec(|| {
            nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o022));
            Ok(())
        });
    }
    let child = cmd.spawn().unwrap_or_else(|e| panic!("spawn {name}: {e}"));
    Started {
        name: name.to_string(),
        child,
        out,
        err,
    }
}

fn pmdb(c: &Council, args: &[&str]) -> Command {
    let mut cmd = Command::new(common::pmdb_binary());
    cmd.arg("--db").arg(&c.db).args(args);
    cmd
}

#[test]
fn many_processes_writing_at_once_lose_nothing_and_never_report_locked() {
    let c = Council::fixture();
    let me = common::me();
    let mut defs = String::from("code,title,kind,polarity,frequency,aggregation,owner,plan\n");
    defs.push_str(&format!(
        "HOT,Written by everyone,local,higher,monthly,sum,{me},SP1\n"
    ));
    for k in 1..=IMPORTERS {
        defs.push_str(&format!(
            "IMP{k},Imported {k},local,higher,monthly,sum,{me},SP1\n"
        ));
    }
    for k in 1..=LOOPS {
        defs.push_str(&format!(
            "SET{k},Set in a loop {k},local,higher,monthly,sum,{me},SP1\n"
        ));
    }
    let defs = c.file("defs.csv", defs);
    c.ok(&["import", "indicators", &defs]);
    let value_rows_before = c.count("SELECT count(*) FROM audit_log WHERE tbl = 'values'");

    // What each writer will save: (code, period) → value.
    let mut expected: BTreeMap<(String, String), f64> = BTreeMap::new();
    let mut hot_values: Vec<f64> = Vec::new();

    // Importers: one transaction of 101 rows each, the last row the hot pair.
    let mut files = Vec::new();
    for k in 1..=IMPORTERS {
        let mut csv = String::from("code,period,value\n");
        for (j, m) in months(IMPORT_MONTHS).iter().enumerate() {
            let v = (k * 10_000 + j) as f64;
            csv.push_str(&format!("IMP{k},{m},{v}\n"));
            expected.insert((format!("IMP{k}"), m.clone()), v);
        }
        let hot = (900_000 + k) as f64;
        csv.push_str(&format!("{},{},{hot}\n", HOT.0, HOT.1));
        hot_values.push(hot);
        files.push(c.file(&format!("import{k}.csv"), csv));
    }
    // Loops: a shell running `pmdb set` one after another, alternating its own indicator
    // and the hot pair; it stops at the first failure.
    let script = r#"set -e
n=0
for m in "$@"; do
  n=$((n + 1))
  "$PMDB" --db "$DB" set "$CODE" "$m" $((BASE + n))
  "$PMDB" --db "$DB" set HOT 2024-07 $((BASE + n))
done"#;
    let loop_months = months(LOOP_SETS);
    for k in 1..=LOOPS {
        for (j, m) in loop_months.iter().enumerate() {
            let v = (k * 1000 + j + 1) as f64;
            expected.insert((format!("SET{k}"), m.clone()), v);
            hot_values.push(v);
        }
    }

    // Start every writer before waiting for any.
    let mut started = Vec::new();
    for (k, file) in files.iter().enumerate() {
        started.push(start(
            &c,
            &format!("import{}", k + 1),
            pmdb(&c, &["import", "values", file]),
        ));
    }
    for k in 1..=LOOPS {
        let mut sh = Command::new("sh");
        sh.arg("-c").arg(script).arg("sh").args(&loop_months);
        sh.env("PMDB", common::pmdb_binary())
            .env("DB", &c.db)
            .env("CODE", format!("SET{k}"))
            .env("BASE", (k * 1000).to_string());
        started.push(start(&c, &format!("loop{k}"), sh));
    }
    for k in 1..=ONE_SHOTS {
        let v = (800_000 + k) as f64;
        hot_values.push(v);
        started.push(start(
            &c,
            &format!("once{k}"),
            pmdb(&c, &["set", HOT.0, HOT.1, &v.to_string()]),
        ));
    }
    assert_eq!(started.len(), IMPORTERS + LOOPS + ONE_SHOTS);

    let mut saved_lines = 0;
    for mut s in started {
        let status = s.child.wait().unwrap();
        let out = std::fs::read_to_string(&s.out).unwrap();
        let err = std::fs::read_to_string(&s.err).unwrap();
        assert!(
            status.success(),
            "{} exited with {status}\nstdout:\n{out}\nstderr:\n{err}",
            s.name
        );
        for word in ["locked", "busy"] {
            assert!(
                !out.to_lowercase().contains(word) && !err.to_lowercase().contains(word),
                "{} mentioned '{word}':\nstdout:\n{out}\nstderr:\n{err}",
                s.name
            );
        }
        assert!(err.is_empty(), "{} wrote to stderr: {err}", s.name);
        saved_lines += out.lines().filter(|l| l.starts_with("saved ")).count();
        if let Some(k) = s.name.strip_prefix("import") {
            // 100 new months, and the hot pair added or updated depending on who came first.
            let file = &files[k.parse::<usize>().unwrap() - 1];
            let counts = out
                .trim()
                .strip_prefix(&format!("imported values from {file}: "))
                .unwrap_or_else(|| panic!("{out}"));
            assert!(
                [
                    "100 added, 1 changed, 0 unchanged",
                    "101 added, 0 changed, 0 unchanged",
                    "100 added, 0 changed, 1 unchanged",
                ]
                .contains(&counts),
                "{out}"
            );
        }
    }
    assert_eq!(
        saved_lines,
        LOOPS * LOOP_SETS * 2 + ONE_SHOTS,
        "every set printed what it saved"
    );

    let writes = IMPORTERS * (IMPORT_MONTHS + 1) + LOOPS * LOOP_SETS * 2 + ONE_SHOTS;
    let hot_writes = IMPORTERS + LOOPS * LOOP_SETS + ONE_SHOTS;
    assert_eq!((writes, hot_writes), (652, 132));

    // Every distinct pair holds exactly what its one writer saved, at version 1.
    let conn = c.read_only();
    let mut stmt = conn
        .prepare(
            "SELECT indicator, period, value, version FROM \"values\" WHERE indicator <> 'HOT'",
        )
        .unwrap();
    let mut stored: BTreeMap<(String, String), f64> = BTreeMap::new();
    for row in stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, f64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })
        .unwrap()
    {
        let (code, period, value, version) = row.unwrap();
        if code.starts_with("IMP") || code.starts_with("SET") {
            assert_eq!(version, 1, "{code} {period}");
            stored.insert((code, period), value);
        }
    }
    assert_eq!(stored.len(), IMPORTERS * IMPORT_MONTHS + LOOPS * LOOP_SETS);
    assert_eq!(stored, expected);

    // The hot pair: one version per write, none overwritten unseen.
    let hot = c.period(HOT.0, HOT.1);
    assert_eq!(hot["version"], hot_writes as i64, "{hot}");
    assert!(
        hot_values.contains(&hot["value"].as_f64().unwrap()),
        "{hot}"
    );
    assert_eq!(c.value_audit_rows(HOT.0, HOT.1), hot_writes as i64);
    let history = c.json(&["history", HOT.0]);
    let mut versions: Vec<i64> = history["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["table"] == "values")
        .map(|r| {
            // Each update starts from the version the previous write left.
            if r["op"] == "update" {
                assert_eq!(
                    r["old"]["version"].as_i64().unwrap() + 1,
                    r["new"]["version"].as_i64().unwrap(),
                    "{r}"
                );
            }
            assert_eq!(text(&r["login"]), me);
            r["new"]["version"].as_i64().unwrap()
        })
        .collect();
    versions.sort();
    assert_eq!(versions, (1..=hot_writes as i64).collect::<Vec<_>>());
    // The writers really ran at the same time: in version order, the hot pair's writes
    // switch from one writer to another more often than 18 writers taking turns would.
    let writer_of = |v: f64| -> usize {
        match v as usize {
            v if v > 900_000 => v - 900_000,
            v if v > 800_000 => 100 + v - 800_000,
            v => 200 + v / 1000,
        }
    };
    let mut by_version: Vec<(i64, f64)> = history["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["table"] == "values")
        .map(|r| {
            (
                r["new"]["version"].as_i64().unwrap(),
                r["new"]["value"].as_f64().unwrap(),
            )
        })
        .collect();
    by_version.sort_by_key(|(version, _)| *version);
    let turns = by_version
        .windows(2)
        .filter(|w| writer_of(w[0].1) != writer_of(w[1].1))
        .count();
    assert!(
        turns > IMPORTERS + LOOPS + ONE_SHOTS,
        "the writers took turns instead of running together ({turns} switches)"
    );
    // Every value the hot pair was given appears once in its history.
    let mut written: Vec<f64> = history["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["table"] == "values")
        .map(|r| r["new"]["value"].as_f64().unwrap())
        .collect();
    written.sort_by(f64::total_cmp);
    let mut given = hot_values.clone();
    given.sort_by(f64::total_cmp);
    assert_eq!(written, given);

    // One audit row per write.
    let value_rows_after = c.count("SELECT count(*) FROM audit_log WHERE tbl = 'values'");
    assert_eq!(value_rows_after - value_rows_before, writes as i64);

    drop(stmt);
    drop(conn);
    assert_eq!(common::integrity(&c.db), "ok");
    assert_eq!(c.json(&["check"])["integrity"], "ok");
}

#[test]
fn backups_and_reads_taken_while_others_write_are_consistent_and_never_locked() {
    let c = Council::fixture();
    let defs = c.file(
        "defs.csv",
        format!(
            "code,title,kind,polarity,frequency,aggregation,owner,plan\nW1,Written,local,higher,monthly,sum,{},SP1\n",
            common::me()
        ),
    );
    c.ok(&["import", "indicators", &defs]);
    // Four writers hammer the same pair while backups and reads run, each with figures of
    // its own (a figure equal to what is stored would change nothing, by design).
    let script = r#"set -e
for n in $(seq 1 25); do "$PMDB" --db "$DB" set W1 2024-07 "$((BASE + n))"; done"#;
    let mut writers = Vec::new();
    for k in 1..=4 {
        let mut sh = Command::new("sh");
        sh.arg("-c").arg(script);
        sh.env("PMDB", common::pmdb_binary())
            .env("DB", &c.db)
            .env("BASE", (k * 100).to_string());
        writers.push(start(&c, &format!("writer{k}"), sh));
    }
    let mut readers = Vec::new();
    for (k, args) in [
        &["rollup", "--json"][..],
        &["list", "--period", "2024-07", "--json"][..],
        &["show", "W1", "--json"][..],
        &["export", "values"][..],
        &["history", "W1", "--json"][..],
        &["check", "--json"][..],
    ]
    .iter()
    .enumerate()
    {
        readers.push(start(&c, &format!("reader{k}"), pmdb(&c, args)));
    }
    let mut started: Vec<Started> = writers.into_iter().chain(readers).collect();
    // Back up once the writers are under way.
    let begun = std::time::Instant::now();
    while c.count("SELECT count(*) FROM \"values\" WHERE indicator = 'W1'") == 0 {
        assert!(begun.elapsed().as_secs() < 20, "the writers never wrote");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let mut backups = Vec::new();
    for k in 1..=3 {
        let copy = c.path(&format!("backup{k}.db"));
        let mut cmd = pmdb(&c, &["backup"]);
        cmd.arg(&copy);
        started.push(start(&c, &format!("backup{k}"), cmd));
        backups.push(copy);
        std::thread::sleep(std::time::Duration::from_millis(60));
    }
    for mut s in started {
        let status = s.child.wait().unwrap();
        let out = std::fs::read_to_string(&s.out).unwrap();
        let err = std::fs::read_to_string(&s.err).unwrap();
        assert!(status.success(), "{} exited with {status}: {err}", s.name);
        assert!(err.is_empty(), "{}: {err}", s.name);
        assert!(!out.to_lowercase().contains("locked"), "{}: {out}", s.name);
    }
    assert_eq!(c.period("W1", "2024-07")["version"], 100);
    assert_eq!(c.value_audit_rows("W1", "2024-07"), 100);
    // Each backup is a consistent moment: its value's version matches its audit rows.
    for copy in &backups {
        assert_eq!(common::integrity(copy), "ok", "{}", copy.display());
        let conn = common::read_only(copy);
        let version: i64 = conn
            .query_row(
                "SELECT coalesce(max(version), 0) FROM \"values\" WHERE indicator = 'W1'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let audit: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE tbl = 'values' AND key = 'W1|2024-07'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            version >= 1,
            "{} was taken before the first write",
            copy.display()
        );
        assert_eq!(
            version,
            audit,
            "{} is not a consistent copy",
            copy.display()
        );
    }
}

/// Two logins saving at once under umask 022 (issue 22, point 2): each one's SQLite makes
/// the `-wal` and `-shm` afresh as the last to close removes them, and for a moment gives
/// them its umask's mode; the other login never takes that moment for "read-only", saving
/// or reading.
#[test]
fn two_logins_saving_at_once_under_umask_022_never_see_a_false_read_only() {
    if !common::nobody::can_run_as_nobody(
        "two_logins_saving_at_once_under_umask_022_never_see_a_false_read_only",
    ) {
        return;
    }
    const SAVES: usize = 120;
    let c = Council::init("2024-08-01");
    c.ok(&["user", "add", "nobody", "--role", "admin"]);
    common::nobody::share_with_nobody(&c);
    let script = r#"set -e
for n in $(seq 1 "$SAVES"); do
  "$PMDB" --db "$DB" user add "$WHO$n" --role viewer
  "$PMDB" --db "$DB" user list >/dev/null
done"#;
    let mut started = Vec::new();
    for (who, binary, nobody) in [
        ("root", common::pmdb_binary(), false),
        ("nobody", c.path("pmdb"), true),
    ] {
        let mut sh = Command::new("sh");
        sh.arg("-c")
            .arg(script)
            .env("PMDB", binary)
            .env("DB", &c.db)
            .env("WHO", format!("{who}-"))
            .env("SAVES", SAVES.to_string())
            .current_dir(c.dir.path());
        if nobody {
            sh.uid(65534).gid(65534);
        }
        started.push(start(&c, who, sh));
    }
    for mut s in started {
        let status = s.child.wait().unwrap();
        let err = std::fs::read_to_string(&s.err).unwrap();
        assert!(status.success(), "{} exited with {status}: {err}", s.name);
        assert!(err.is_empty(), "{} wrote to stderr: {err}", s.name);
    }
    let users = c.ok(&["user", "list"]);
    for who in ["root", "nobody"] {
        let saved = users
            .lines()
            .filter(|l| l.starts_with(&format!("{who}-")))
            .count();
        assert_eq!(saved, SAVES, "{who}'s saves");
    }
}
