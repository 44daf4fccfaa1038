//! Benchmark: the quarterly roll-up and `show` on a ten-times council.
//!
//! `cargo bench --bench rollup` builds `demo --scale 10` (`PMDB_BENCH_SCALE` for another
//! size; `PMDB_BENCH_DB` times an existing database) in a temporary folder (today
//! pinned to 2026-11-24) and times, over many runs, the whole of what `pmdb rollup` and
//! `pmdb show` do after start-up: read the dataset in one snapshot and compute; and, over a
//! few runs, `pmdb publish` of the quarter: the whole pack written into a temporary folder.
//! It prints the median and the 95th percentile; the README quotes them.

use std::time::{Duration, Instant};

use pmdb::domain::assess::Context;
use pmdb::domain::period::Period;
use pmdb::query::rollup::{GroupBy, PeriodStats, rollup};
use pmdb::query::show::show;
use pmdb::store::Store;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    (samples[runs / 2], samples[runs * 95 / 100])
}

fn main() {
    let scale: u32 = std::env::var("PMDB_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    // PMDB_BENCH_DB times an existing database instead of building the demo.
    let path = match std::env::var_os("PMDB_BENCH_DB") {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let path = dir.path().join("bench.db");
            let built = Instant::now();
            pmdb::demo::build_demo(&path, "bench", today, scale).expect("the demo builds");
            println!(
                "demo --scale {scale} built in {:.1} s",
                built.elapsed().as_secs_f64()
            );
            path
        }
    };

    let store = Store::open(&path, "bench").expect("the demo opens");
    let ds = store.dataset().expect("the dataset loads");
    let ctx = Context {
        today,
        deadline_day: ds.settings.deadline_day,
    };
    let quarter: Period = "2026/27 Q2".parse().expect("a quarter");
    println!(
        "{} indicators, {} plan nodes, {} values",
        ds.indicators.len(),
        ds.nodes.len(),
        ds.values.values().map(Vec::len).sum::<usize>()
    );

    let runs = 50;
    let (median, p95) = time(runs, || store.dataset().expect("loads"));
    println!(
        "load dataset:                      median {:>7.2} ms, p95 {:>7.2} ms",
        ms(median),
        ms(p95)
    );
    for by in [GroupBy::Priority, GroupBy::Portfolio, GroupBy::Service] {
        let (median, p95) = time(runs, || rollup(&ds, quarter, by, ctx));
        println!(
            "rollup {quarter} by {by:<9} compute: median {:>7.2} ms, p95 {:>7.2} ms",
            ms(median),
            ms(p95)
        );
    }
    // The Plan tab's statistics for a month (every indicator judged, every plan node
    // counted): a period step's main work, for the month in progress and a signed-off one.
    for month in ["2026-10", "2026-09"] {
        let month: Period = month.parse().expect("a month");
        let (median, p95) = time(runs, || PeriodStats::of(&ds, month, ctx));
        println!(
            "plan statistics {month}:           median {:>7.2} ms, p95 {:>7.2} ms",
            ms(median),
            ms(p95)
        );
    }
    // The quarter in progress is not signed off: every indicator's status is computed
    // from its figures and targets, where a signed-off quarter's are read from the freeze.
    let open_quarter: Period = "2026/27 Q3".parse().expect("a quarter");
    for by in [GroupBy::Priority, GroupBy::Portfolio, GroupBy::Service] {
        let (median, p95) = time(runs, || rollup(&ds, open_quarter, by, ctx));
        println!(
            "rollup {open_quarter} by {by:<9} compute: median {:>7.2} ms, p95 {:>7.2} ms",
            ms(median),
            ms(p95)
        );
    }
    let (median, p95) = time(runs, || {
        let ds = store.dataset().expect("loads");
        rollup(&ds, quarter, GroupBy::Priority, ctx).groups.len()
    });
    println!(
        "rollup end to end (load + compute): median {:>7.2} ms, p95 {:>7.2} ms",
        ms(median),
        ms(p95)
    );
    // Delivery for the month now due: what `pmdb actions`, `projects`, `risks` and `eias`
    // compute after loading, none of it to be slower than the roll-up.
    let month: Period = "2026-10".parse().expect("a month");
    let d = &ds.delivery;
    println!(
        "{} actions ({} updates), {} projects, {} risks ({} reviews), {} EIAs",
        d.actions.len(),
        d.action_updates.len(),
        d.projects.len(),
        d.risks.len(),
        d.risk_reviews.len(),
        d.eias.len()
    );
    for (name, f) in [
        (
            "actions",
            &(|| d.action_rows(month, ctx).len()) as &dyn Fn() -> usize,
        ),
        ("projects", &|| d.project_rows(month, ctx).len()),
        ("risks", &|| d.risk_rows(month).len()),
        ("eias", &|| d.eia_rows(month).len()),
    ] {
        let (median, p95) = time(runs, f);
        println!(
            "{name:<8} {month} compute:            median {:>7.2} ms, p95 {:>7.2} ms",
            ms(median),
            ms(p95)
        );
    }
    let rec = ds.indicators[ds.indicators.len() / 2].clone();
    let (median, p95) = time(runs, || show(&ds, &rec, None, ctx).periods.len());
    println!(
        "show {} (all periods) compute:  median {:>7.2} ms, p95 {:>7.2} ms",
        rec.indicator.code,
        ms(median),
        ms(p95)
    );
    let (whole, _) = time(runs, || {
        let ds = store.dataset().expect("loads");
        show(&ds, &rec, None, ctx).periods.len()
    });
    // What `pmdb show` reads now: the indicator's own rows, by index (issue 27).
    let code = rec.indicator.code.clone();
    let (median, p95) = time(runs, || {
        let ds = store
            .dataset_of(&code)
            .expect("loads")
            .expect("the indicator");
        show(&ds, &ds.indicators[0], None, ctx).periods.len()
    });
    // The yardstick the issue measures against: SQLite counting the audit log of the same
    // file (what `sqlite3 FILE 'SELECT count(*) FROM audit_log'` does after opening it).
    let (audit, _) = time(runs, || {
        let conn = rusqlite::Connection::open(&path).expect("opens");
        conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))
            .expect("counts") as usize
    });
    println!(
        "show end to end (own rows + compute): median {:>7.2} ms, p95 {:>7.2} ms; {:.1}x SQLite counting the audit log ({:.2} ms); the whole council read: {:.2} ms",
        ms(median),
        ms(p95),
        median.as_secs_f64() / audit.as_secs_f64(),
        ms(audit),
        ms(whole)
    );

    // `pmdb list --owner L` for the officer who owns the most indicators: their rows read
    // by index, then listed (issue 27), against the same from the whole council.
    let owner = {
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for r in &ds.indicators {
            *counts.entry(r.indicator.owner.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(l, n)| (*n, *l))
            .map(|(l, _)| l.to_string())
            .unwrap_or_default()
    };
    let filter = pmdb::query::list::ListFilter {
        owner: Some(owner.clone()),
        ..Default::default()
    };
    let listed = pmdb::query::list::list(&ds, &filter, quarter, ctx).len();
    let (whole, _) = time(runs, || {
        let ds = store.dataset().expect("loads");
        pmdb::query::list::list(&ds, &filter, quarter, ctx).len()
    });
    let (median, p95) = time(runs, || {
        let ds = store.dataset_of_owner(&owner).expect("loads");
        pmdb::query::list::list(&ds, &filter, quarter, ctx).len()
    });
    println!(
        "list --owner {owner} ({listed} indicators) end to end: median {:>7.2} ms, p95 {:>7.2} ms; the whole council read: {:.2} ms",
        ms(median),
        ms(p95),
        ms(whole)
    );

    // `pmdb remind` for a day five days after November's deadline: every person's owed
    // values, updates, reviews and EIAs, the steps and who is copied in; computing only,
    // and end to end as the command does it (read, then compute).
    let remind_day = chrono::NaiveDate::from_ymd_opt(2026, 12, 20).expect("a date");
    let (median, p95) = time(runs, || {
        pmdb::query::remind::reminders(&ds, remind_day, ctx).len()
    });
    let messages = pmdb::query::remind::reminders(&ds, remind_day, ctx).len();
    println!(
        "remind {remind_day} ({messages} messages) compute: median {:>7.2} ms, p95 {:>7.2} ms",
        ms(median),
        ms(p95)
    );
    let (median, p95) = time(runs, || {
        let ds = store.dataset().expect("loads");
        pmdb::query::remind::reminders(&ds, remind_day, ctx).len()
    });
    println!(
        "remind end to end (load + compute): median {:>7.2} ms, p95 {:>7.2} ms",
        ms(median),
        ms(p95)
    );

    // `pmdb publish --period 2026/27 Q2`, as the core's `publish` makes it for both front
    // ends: read (as at its sign-off), then every file of the pack made and written whole
    // (the council's report four ways, a page per portfolio, the index).
    let pack = dir.path().join("pack");
    let runs = 5;
    let mut written = vec![];
    let (median, p95) = time(runs, || {
        written = pmdb::publish::read_and_write_pack(&store, quarter, today, &pack)
            .expect("the pack is written");
    });
    let bytes: u64 = written
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "publish {quarter} ({} files, {:.1} MB): median {:>7.0} ms, p95 {:>7.0} ms ({runs} runs)",
        written.len(),
        bytes as f64 / 1e6,
        ms(median),
        ms(p95)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
