//! The published pack of a signed-off quarter is the same bytes whenever it is made, by
//! whichever front end makes it: the demo council at scale 1 on 2026-11-24, its signed-off
//! 2026/27 Q2 published by `pmdb publish` and by the Rollup tab's `P`, compared file by file
//! (the list of files too) with `tests/fixtures/publish_pack/`, the pack as pmdb made it
//! before publishing moved into the core (issue 23, point 1).
//!
//! A change that means to change the pack remakes the fixture, and says why in its commit:
//!
//! ```sh
//! PMDB_TODAY=2026-11-24 pmdb --db /tmp/pack.db demo
//! PMDB_TODAY=2026-11-24 pmdb --db /tmp/pack.db publish --period "2026/27 Q2" \
//!     --out tests/fixtures/publish_pack
//! ```

mod common;
mod tui_support;

use std::path::{Path, PathBuf};

use common::{Council, files_in};
use pmdb::store::Store;
use pmdb::tui::{App, Theme};
use tui_support::{demo, demo_today, typing};

const SIGNED_OFF: &str = "2026/27 Q2";

fn fixture_dir() -> PathBuf {
    common::fixture("publish_pack")
}

/// The pack in `dir` holds exactly the fixture's files, each byte for byte.
fn assert_same_as_fixture(dir: &Path, made_by: &str) {
    let expected = files_in(&fixture_dir());
    let made = files_in(dir);
    let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        files.iter().map(|(n, _)| n.clone()).collect()
    };
    assert_eq!(names(&made), names(&expected), "{made_by}: the files");
    // The council's report four ways, six portfolio summaries and the index.
    assert_eq!(expected.len(), 11);
    for ((name, got), (_, want)) in made.iter().zip(&expected) {
        if got != want {
            let at = got
                .iter()
                .zip(want)
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(want.len()));
            panic!(
                "{made_by}: {name} differs from the fixture at byte {at} ({} bytes made, {} in the fixture)",
                got.len(),
                want.len()
            );
        }
    }
}

#[test]
fn pmdb_publish_of_a_signed_off_quarter_makes_the_fixtures_bytes() {
    let c = Council::empty("2026-11-24");
    c.ok(&["demo"]);
    let dir = c.path("pack");
    let out = c.ok(&[
        "publish",
        "--period",
        SIGNED_OFF,
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out,
        format!("published {SIGNED_OFF}: 11 files in {}\n", dir.display())
    );
    assert_same_as_fixture(&dir, "pmdb publish");
    // Made again from the same database: the same bytes.
    let again = c.path("again");
    c.ok(&[
        "publish",
        "--period",
        SIGNED_OFF,
        "--out",
        again.to_str().unwrap(),
    ]);
    assert_same_as_fixture(&again, "pmdb publish, again");
}

#[test]
fn p_on_the_rollup_tab_makes_the_fixtures_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = App::with_theme(
        Store::open(&path, "perf").unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap();
    let started_in = tempfile::tempdir().unwrap();
    app.rollup.publish_in = started_in.path().to_path_buf();
    typing(&mut app, "4");
    assert_eq!(app.rollup.period.to_string(), SIGNED_OFF);
    typing(&mut app, "P");
    assert_same_as_fixture(&app.rollup.pack_folder(), "the Rollup tab's P");
}
