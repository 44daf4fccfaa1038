//! A large council's read is split over two connections (`Store::read_beside`, issue 27):
//! the figures and delivery on a second, read-only connection, the rest on the store's own,
//! side by side. The two halves are one snapshot, whoever saves meanwhile: each read here
//! happens while another process's connection saves a figure and a target together, in
//! one transaction, over and over, and every read sees both or neither.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use common::{Council, me};
use pmdb::domain::period::{FinYear, Period};
use pmdb::store::{Dataset, Store};

const CODE: &str = "PL01";

fn period() -> Period {
    "2026/27 Q2".parse().unwrap()
}

/// The figure stored for PL01's 2026/27 Q2, and its target for 2026/27.
fn pair(ds: &Dataset) -> (f64, f64) {
    let value = ds.values[CODE]
        .iter()
        .find(|v| v.period == period())
        .expect("PL01 has a figure for 2026/27 Q2")
        .value;
    let target = ds.targets[CODE]
        .iter()
        .find(|t| t.year == FinYear(2026) && t.period.is_none())
        .expect("PL01 has a target for 2026/27")
        .target;
    (value, target)
}

#[test]
fn a_read_split_over_two_connections_is_one_snapshot_while_others_save() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    // Past the size from which the read is split.
    c.pad_past_32_mb();
    let writing = Arc::new(AtomicBool::new(true));
    let saved = Arc::new(AtomicU64::new(0));
    let conn = c.writer(&me());
    // The figure (read beside) and the target (read on the store's own connection) are
    // always saved equal, in one transaction; the first save before any read.
    let save = move |n: u64| {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             UPDATE \"values\" SET value = {n} WHERE indicator = '{CODE}' AND period = '2026/27 Q2';
             UPDATE targets SET target = {n} WHERE indicator = '{CODE}' AND year = 2026 AND period = '';
             COMMIT;"
        ))
        .expect("the writer saves");
    };
    save(0);
    let writer = {
        let (writing, saved) = (writing.clone(), saved.clone());
        std::thread::spawn(move || {
            let mut n = 0u64;
            while writing.load(Ordering::Relaxed) {
                n += 1;
                save(n);
                saved.store(n, Ordering::Relaxed);
            }
        })
    };
    let store = Store::open_on(&c.db, &me(), Some("2026-11-24".parse().unwrap())).unwrap();
    let mut seen = vec![];
    for _ in 0..40 {
        let ds = store.dataset().unwrap();
        let (value, target) = pair(&ds);
        assert_eq!(
            value, target,
            "a figure and a target saved together, read apart"
        );
        seen.push(value);
        let ds = store.dataset_for_reports(period()).unwrap();
        let (value, target) = pair(&ds);
        assert_eq!(value, target, "the same, read for a report");
    }
    writing.store(false, Ordering::Relaxed);
    writer.join().unwrap();
    // The saves did land among the reads: the reads saw several of them.
    seen.dedup();
    assert!(seen.len() > 5, "reads saw only {seen:?}");
    assert!(saved.load(Ordering::Relaxed) > 40);
}
