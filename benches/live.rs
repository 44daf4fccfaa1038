//! Benchmark: what an officer feels with the interface open while others save (issue 27).
//!
//! `cargo bench --bench live` builds `pmdb demo --scale 10` (`PMDB_BENCH_SCALE` for another
//! size; `PMDB_BENCH_DB` times an existing database) with the release binary, in a process
//! of its own so its memory is not this one's, then measures, in this process, the
//! interface's state as the run loop drives it:
//!
//! - start-up: the database opened, the council read, the first frame drawn;
//! - keys (cursor moves, a period step and back, a tab switch and back) at a typist's pace,
//!   first with nobody else saving, then with `PMDB_BENCH_WRITERS` (default 4) other
//!   processes each saving a figure every 100 ms: every key's time and every tick's (a key
//!   arriving during a tick waits for it), and how many took over 50 ms;
//! - a figure saved by another process until it is shown, and a setting (which asks for
//!   the whole council to be read again) until it is shown, end to end, waiting between
//!   looks as the loop does;
//! - resident memory at start, after 100 figures saved elsewhere and taken in, and after
//!   10 settings saved elsewhere (each read whole), as factors of the start.
//!
//! The writers are this bench run again (`PMDB_BENCH_WRITER`), so no other tool is needed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use common::{admin_of, ms};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pmdb::domain::period::Period;
use pmdb::store::{Expect, NewValue, Store, StoredValue};
use pmdb::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TODAY: &str = "2026-11-24";

fn today() -> chrono::NaiveDate {
    TODAY.parse().expect("a date")
}

/// Median, 95th percentile and worst, in ms.
fn spread(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let n = samples.len();
    (
        ms(samples[n / 2]),
        ms(samples[(n * 95 / 100).min(n - 1)]),
        ms(samples[n - 1]),
    )
}

/// Resident memory of this process, in MB (Linux's `/proc/self/status`).
fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("VmRSS");
    kb / 1000.0
}

/// The October figures a writer saves again, their commentary changed each time, so each
/// save is a real change (a new version, an audit row) that passes every check the figure
/// passed when first saved.
fn october_figures(store: &Store) -> Vec<StoredValue> {
    let october: Period = "2026-10".parse().expect("a month");
    let mut all: Vec<StoredValue> = store
        .all_values()
        .expect("the values")
        .into_values()
        .flatten()
        .filter(|v| v.period == october)
        .collect();
    all.sort_by(|a, b| a.indicator.cmp(&b.indicator));
    all
}

fn saved_again(v: &StoredValue, n: usize) -> NewValue {
    NewValue {
        indicator: v.indicator.clone(),
        period: v.period,
        // A ratio's figure is worked out from its counts, as `pmdb set CODE P -` does.
        value: v.numerator.is_none().then_some(v.value),
        numerator: v.numerator,
        denominator: v.denominator,
        quality: v.quality,
        commentary: format!("Checked again ({n})"),
        action: v.action.clone(),
    }
}

/// A writer: saves one figure every 100 ms until killed (`PMDB_BENCH_WRITER=DB|LOGIN|N`).
fn writer(spec: &str) -> ! {
    let mut parts = spec.split('|');
    let (path, login, seat) = (
        parts.next().expect("a path"),
        parts.next().expect("a login"),
        parts
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .expect("a seat"),
    );
    let mut store = Store::open(Path::new(path), login).expect("the writer opens");
    let figures = october_figures(&store);
    let ctx = store
        .dataset_of(&figures[0].indicator)
        .expect("reads")
        .expect("one")
        .context(today());
    for n in 0.. {
        // Each writer takes its own figures: four officers, four returns.
        let v = &figures[(seat + n * 7) % figures.len()];
        store
            .record_value(&saved_again(v, n), Expect::Any, ctx)
            .expect("the writer saves");
        std::thread::sleep(Duration::from_millis(100));
    }
    unreachable!()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

/// The keys of one round, each with what it does: three rows down and up the Plan tree,
/// a period step back and forth, to the Rollup tab and back, to the Entry tab and back.
const ROUND: [(char, &str); 12] = [
    ('j', "cursor move"),
    ('j', "cursor move"),
    ('j', "cursor move"),
    ('k', "cursor move"),
    ('k', "cursor move"),
    ('k', "cursor move"),
    ('[', "period step"),
    (']', "period step"),
    ('4', "tab switch"),
    ('1', "tab switch"),
    ('2', "tab switch"),
    ('1', "tab switch"),
];

/// Each key's time (handled and drawn) by what it does, and each tick's.
struct Felt {
    keys: Vec<(&'static str, Duration)>,
    ticks: Vec<Duration>,
}

/// Keys at a typist's pace (one every 40 ms) with the loop's ticks between them, as
/// `tui::event_loop` runs them: a key is handled, then the frame drawn; a tick comes every
/// `REFRESH`, or at every turn while the reader works (a key arriving during a tick waits
/// for it).
fn keys_at_pace(app: &mut App, terminal: &mut Terminal<TestBackend>, rounds: usize) -> Felt {
    let mut felt = Felt {
        keys: Vec::new(),
        ticks: Vec::new(),
    };
    let mut last_tick = Instant::now();
    for _ in 0..rounds {
        for (key, what) in ROUND {
            let next = Instant::now() + Duration::from_millis(40);
            while Instant::now() < next {
                if last_tick.elapsed() >= pmdb::tui::REFRESH || app.data.refreshing() {
                    last_tick = Instant::now();
                    let started = Instant::now();
                    if app.tick() {
                        terminal.draw(|f| pmdb::tui::draw(f, app)).expect("draws");
                    }
                    felt.ticks.push(started.elapsed());
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            let started = Instant::now();
            press(app, ch(key));
            terminal.draw(|f| pmdb::tui::draw(f, app)).expect("draws");
            felt.keys.push((what, started.elapsed()));
        }
    }
    felt
}

fn report_keys(what: &str, felt: Felt) {
    let slow = |v: &[Duration]| v.iter().filter(|d| ms(**d) > 50.0).count();
    let all: Vec<Duration> = felt.keys.iter().map(|(_, d)| *d).collect();
    let (k50, k95, kmax) = spread(all.clone());
    let (t50, t95, tmax) = spread(felt.ticks.clone());
    println!(
        "  {what}: every key {k50:.2} / {k95:.2} / {kmax:.1} ms, {} of {} over 50 ms; \
         ticks {t50:.3} / {t95:.2} / {tmax:.1} ms, {} of {} over 50 ms",
        slow(&all),
        all.len(),
        slow(&felt.ticks),
        felt.ticks.len()
    );
    let mut kinds: Vec<&str> = ROUND.iter().map(|(_, w)| *w).collect();
    kinds.dedup();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let these: Vec<Duration> = felt
            .keys
            .iter()
            .filter(|(w, _)| *w == kind)
            .map(|(_, d)| *d)
            .collect();
        let (m, p, w) = spread(these.clone());
        println!(
            "    {kind:<12} {m:>7.2} / {p:>7.2} / {w:>7.1} ms, {} of {} over 50 ms",
            slow(&these),
            these.len()
        );
    }
}

/// From a save by another connection until the interface has taken it in, the save landing
/// just after a look (the next a whole `REFRESH` later), the reader's answer looked for at
/// every `ANSWER_POLL`.
fn until_shown(app: &mut App, save: &mut dyn FnMut(usize), runs: usize) -> Vec<Duration> {
    (0..runs)
        .map(|n| {
            save(n);
            let saved = Instant::now();
            std::thread::sleep(pmdb::tui::REFRESH);
            while !app.tick() {
                assert!(saved.elapsed().as_secs() < 30, "a save was never shown");
                std::thread::sleep(pmdb::tui::ANSWER_POLL);
            }
            saved.elapsed()
        })
        .collect()
}

fn build_demo(dir: &Path, scale: u32) -> PathBuf {
    let path = dir.join("live.db");
    let built = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_pmdb"))
        .args(["--db"])
        .arg(&path)
        .args(["demo", "--scale", &scale.to_string()])
        .env("PMDB_TODAY", TODAY)
        .env("USER", "bench")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("pmdb demo runs");
    assert!(status.success(), "pmdb demo failed");
    println!(
        "demo --scale {scale} built in {:.1} s",
        built.elapsed().as_secs_f64()
    );
    path
}

fn main() {
    if let Ok(spec) = std::env::var("PMDB_BENCH_WRITER") {
        writer(&spec);
    }
    let scale: u32 = std::env::var("PMDB_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let writers: usize = std::env::var("PMDB_BENCH_WRITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = match std::env::var_os("PMDB_BENCH_DB") {
        Some(p) => PathBuf::from(p),
        None => build_demo(dir.path(), scale),
    };
    let login = admin_of(&path);

    // Start-up: open, read, first frame.
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let started = Instant::now();
    let mut app = App::with_theme(
        Store::open(&path, &login).expect("opens"),
        today(),
        Theme::COLOUR,
    )
    .expect("the app opens");
    terminal.draw(|f| pmdb::tui::draw(f, &app)).expect("draws");
    let startup = started.elapsed();
    // The memory the open interface settles at, its first views made.
    for tab in ['2', '4', '5', '1'] {
        press(&mut app, ch(tab));
        terminal.draw(|f| pmdb::tui::draw(f, &app)).expect("draws");
    }
    let start_mb = resident_mb();
    println!(
        "start-up (open, read {} indicators, first frame at 120×40): {:.0} ms; resident {start_mb:.0} MB",
        app.data.ds.indicators.len(),
        ms(startup)
    );

    println!("keys 40 ms apart, the loop's ticks between them (median / p95 / worst):");
    report_keys(
        "nobody else saving",
        keys_at_pace(&mut app, &mut terminal, 10),
    );
    let exe = std::env::current_exe().expect("this bench");
    let mut others: Vec<Child> = (0..writers)
        .map(|seat| {
            Command::new(&exe)
                .env(
                    "PMDB_BENCH_WRITER",
                    format!("{}|{login}|{seat}", path.display()),
                )
                .spawn()
                .expect("a writer starts")
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let before = Store::open(&path, &login)
        .expect("opens")
        .audit_high_water()
        .expect("the log");
    let felt = keys_at_pace(&mut app, &mut terminal, 10);
    let saves = Store::open(&path, &login)
        .expect("opens")
        .audit_high_water()
        .expect("the log")
        - before;
    report_keys(&format!("{writers} others saving"), felt);
    println!("  ({saves} saves by the others while the keys were pressed)");
    for w in &mut others {
        let _ = w.kill();
        let _ = w.wait();
    }

    // Save to screen: a figure (patched in), a setting (read whole).
    let mut other = Store::open(&path, &login).expect("a second connection");
    let figures = october_figures(&other);
    let ctx = app.data.ctx();
    // Every save a new commentary: one equal to what is stored would change nothing.
    let mut saved = 0;
    let mut figure = |n: usize| {
        saved += 1;
        let v = &figures[n % figures.len()];
        other
            .record_value(&saved_again(v, 1_000_000 + saved), Expect::Any, ctx)
            .expect("saves");
    };
    let (f50, f95, fmax) = spread(until_shown(&mut app, &mut figure, 20));
    println!("another's figure until shown: {f50:.0} ms median, p95 {f95:.0}, worst {fmax:.0}");
    // Memory after many figures taken in.
    let more = until_shown(&mut app, &mut figure, 80);
    drop(more);
    let figures_mb = resident_mb();
    let mut other = Store::open(&path, &login).expect("a second connection");
    let mut setting = |n: usize| {
        other
            .set_setting(&pmdb::domain::setting::Setting::CouncilName(format!(
                "Bench council {n}"
            )))
            .expect("saves");
    };
    let settings = until_shown(&mut app, &mut setting, 10);
    let each: Vec<String> = settings.iter().map(|d| format!("{:.0}", ms(*d))).collect();
    println!(
        "another's setting until shown, each in turn: {} ms",
        each.join(", ")
    );
    let (s50, s95, smax) = spread(settings);
    println!(
        "another's setting until shown (the council read whole): {s50:.0} ms median, p95 {s95:.0}, worst {smax:.0}"
    );
    // The old councils are freed on threads of their own, their memory handed back once
    // no council has been read whole for `TRIM_AFTER`, at a look as the loop makes them.
    let settled = Instant::now() + pmdb::tui::TRIM_AFTER + Duration::from_millis(500);
    while Instant::now() < settled {
        app.tick();
        std::thread::sleep(pmdb::tui::REFRESH);
    }
    let whole_mb = resident_mb();
    println!(
        "resident memory: {start_mb:.0} MB at start; {figures_mb:.0} MB after 100 figures saved elsewhere ({:.2}×); {whole_mb:.0} MB after 10 settings more, each read whole ({:.2}×)",
        figures_mb / start_mb,
        whole_mb / start_mb
    );
}
