//! The quarterly roll-up computed N times over a database, for counting instructions and
//! cache misses with valgrind (see the README's Benchmarks): run it with N = 0 and with
//! N = 10, and the difference over 10 is one roll-up's cost, whatever the machine is doing.
//!
//! `cargo build --release --example rollup_instructions`, then
//! `valgrind --tool=cachegrind --cache-sim=yes target/release/examples/rollup_instructions DB N`.

use pmdb::domain::period::Period;
use pmdb::query::rollup::{GroupBy, rollup};
use pmdb::store::Store;

fn main() {
    let mut args = std::env::args().skip(1);
    let db = args
        .next()
        .expect("give the database and how many roll-ups");
    let runs: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .expect("how many roll-ups: a whole number");
    let store = Store::open(std::path::Path::new(&db), "bench").expect("opens");
    let ds = store.dataset().expect("loads");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let ctx = ds.context(today);
    let quarter: Period = "2026/27 Q2".parse().expect("a quarter");
    let mut groups = 0;
    for _ in 0..runs {
        groups += rollup(&ds, quarter, GroupBy::Priority, ctx).groups.len();
    }
    println!("{runs} roll-ups of {quarter}: {groups} groups in all");
}
