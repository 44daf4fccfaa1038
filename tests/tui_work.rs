//! The interface's cost counted as work, not time: a keystroke of the Plan filter compares
//! each row's text a bounded number of times and prepares that text once per dataset, so
//! it grows with the plan, never with the plan times the lists of indicators or users.
//! Another process's save is read in the background and taken in between keys. (The
//! timings are in `cargo bench --bench frames`.)

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::store::Store;
use tui_support::*;

#[test]
fn a_filter_keystroke_compares_each_row_at_most_twice_and_prepares_the_text_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    let ds = &app.data.ds;
    // Every node and every link of an indicator to a node is a row that may be compared.
    let (nodes, links) = (ds.nodes.len(), ds.links.len());
    let bound = 2 * (nodes + links);
    typing(&mut app, "1/");
    for c in "wast".chars() {
        typing(&mut app, &c.to_string());
        let tests = app.plan.work.tests;
        assert!(
            tests > 0 && tests <= bound,
            "{tests} comparisons for {bound}"
        );
    }
    press(&mut app, KeyCode::Backspace);
    assert!(app.plan.work.tests <= bound);
    assert_eq!(
        app.plan.work.texts_built, 1,
        "made once for four keystrokes"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.plan.work.tests, 0, "no filter, no comparisons");
}

#[test]
fn the_filter_text_is_made_again_only_when_the_data_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    typing(&mut app, "1/wr");
    assert_eq!(app.plan.work.texts_built, 1);
    let mut other = Store::open(&path, LOGIN).unwrap();
    other
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Another name".into(),
        ))
        .unwrap();
    assert!(app.settle());
    assert_eq!(app.plan.work.texts_built, 2, "the new data's text");
    typing(&mut app, "1");
    assert_eq!(app.plan.work.texts_built, 2);
    assert!(app.plan.rows.iter().any(|r| r.code == "WR1"));
}

#[test]
fn a_save_elsewhere_is_read_in_the_background_with_the_plan_statistics_the_tab_would_compute() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    let before = app.data.generation;
    let mut other = Store::open(&path, LOGIN).unwrap();
    other
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Another name".into(),
        ))
        .unwrap();
    assert!(!app.tick(), "the first tick only starts the read");
    assert_eq!(app.data.generation, before, "nothing taken in yet");
    assert!(app.settle());
    assert_eq!(app.data.generation, before + 1);
    // The tab took the statistics made in the background rather than computing its own.
    let prepared = app.data.prepared_stats(app.plan.period).unwrap();
    assert!(std::sync::Arc::ptr_eq(&prepared, &app.plan.stats));
    assert_eq!(*prepared, app.data.period_stats(app.plan.period));
}
