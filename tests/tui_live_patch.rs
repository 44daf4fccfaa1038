//! An open interface takes in another officer's figures by patching them in (issue 27):
//! the screen it then draws is the screen an interface opened afresh draws, while the
//! plan's tree and the delivery judgements, which figures do not move, are kept. A change
//! to anything else the council holds is read whole, and shown as whole.

mod tui_support;

use pmdb::domain::period::Period;
use pmdb::domain::rag::Rag;
use pmdb::query::rollup::PeriodStats;
use pmdb::store::{Expect, NewValue, Quality, Store};
use pmdb::tui::{App, Theme};
use tui_support::{demo, demo_today, text, typing};

fn open(path: &std::path::Path) -> App {
    App::with_theme(
        Store::open(path, "perf").unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap()
}

fn october(num: f64) -> NewValue {
    NewValue {
        indicator: "PL03".into(),
        period: "2026-10".parse().unwrap(),
        value: None,
        numerator: Some(num),
        denominator: Some(100.0),
        quality: Quality::Final,
        commentary: "Two officers off sick".into(),
        action: "Agency cover from December".into(),
    }
}

fn save_elsewhere(path: &std::path::Path, nv: &NewValue) {
    let mut other = Store::open(path, "perf").unwrap();
    let ctx = other
        .dataset_of("PL03")
        .unwrap()
        .unwrap()
        .context(demo_today());
    other.record_value(nv, Expect::Any, ctx).unwrap();
}

/// Every screen the keys reach, at both sizes, as one text.
fn screens(app: &App) -> String {
    [(80, 24), (120, 40)]
        .iter()
        .map(|&(w, h)| text(app, w, h))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn another_officers_figure_is_patched_in_and_shown_as_a_fresh_interface_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = open(&path);
    let october_period: Period = "2026-10".parse().unwrap();
    assert_eq!(app.plan.period, october_period, "October's returns are due");
    // The filter narrows the tree to PL03 and its thread, so its line is on screen.
    typing(&mut app, "/PL03");
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Enter,
        crossterm::event::KeyModifiers::NONE,
    ));
    let before = screens(&app);
    let (whole, generation) = (app.data.whole, app.data.generation);
    let rows = app.plan.rows.as_ptr();
    assert_ne!(app.plan.stats.assessments["PL03"].rag, Rag::Red);

    save_elsewhere(&path, &october(40.0));
    assert!(app.settle(), "the save is taken in");
    assert_eq!(app.plan.stats.assessments["PL03"].rag, Rag::Red);
    assert_eq!(app.data.generation, generation + 1);
    assert_eq!(app.data.whole, whole, "patched in, not read whole");
    assert_eq!(app.plan.rows.as_ptr(), rows, "the tree's rows are kept");
    let ctx = app.data.ctx();
    let fresh_stats = PeriodStats::of(
        &Store::open(&path, "perf").unwrap().dataset().unwrap(),
        october_period,
        ctx,
    );
    assert_eq!(
        *app.plan.stats, fresh_stats,
        "every node's counts as a whole read gives them"
    );

    let mut fresh = open(&path);
    typing(&mut fresh, "/PL03");
    fresh.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Enter,
        crossterm::event::KeyModifiers::NONE,
    ));
    let after = screens(&app);
    assert_ne!(after, before, "the screen shows the new figure");
    assert_eq!(after, screens(&fresh));
    // The Entry and Rollup tabs too.
    for tab in ["2", "4"] {
        typing(&mut app, tab);
        typing(&mut fresh, tab);
        assert_eq!(screens(&app), screens(&fresh), "tab {tab}");
    }
}

#[test]
fn a_change_to_anything_else_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = open(&path);
    let whole = app.data.whole;
    Store::open(&path, "perf")
        .unwrap()
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Vale of Wyvern".into(),
        ))
        .unwrap();
    assert!(app.settle());
    assert!(app.data.whole > whole, "read whole");
    assert_eq!(app.data.ds.settings.council_name, "Vale of Wyvern");
    assert_eq!(screens(&app), screens(&open(&path)));
}

#[test]
fn a_keystroke_of_the_entry_filter_keeps_the_rows_it_filters() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = tui_support::entry_as(&path, "jpatel");
    let rows = app.entry.rows.as_ptr();
    let all = app.entry.visible.len();
    assert!(all > 2, "jpatel's return");
    typing(&mut app, "/PL0");
    let narrowed = app.entry.visible.len();
    assert!(narrowed < all && narrowed > 0, "{narrowed} of {all}");
    assert_eq!(app.entry.rows.as_ptr(), rows, "filtered, not made again");
    // A figure saved elsewhere makes them again.
    save_elsewhere(&path, &october(40.0));
    assert!(app.settle());
    assert_ne!(app.entry.rows.as_ptr(), rows);
    assert_eq!(app.entry.visible.len(), narrowed);
}

#[test]
fn an_answer_older_than_our_own_re_read_is_dropped_not_taken_back_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = open(&path);
    save_elsewhere(&path, &october(40.0));
    assert!(!app.tick(), "the look that notices only asks the reader");
    assert!(app.data.refreshing());
    // The reader answers with PL03 at 40%, red; the answer waits to be taken.
    std::thread::sleep(std::time::Duration::from_millis(300));
    save_elsewhere(&path, &october(95.0));
    // Our own re-read (after a save of ours) brings in both saves: PL03 green.
    app.data.reload().unwrap();
    app.sync();
    assert_eq!(app.plan.stats.assessments["PL03"].rag, Rag::Green);
    let generation = app.data.generation;
    // The reader's older answer comes, and changes nothing.
    assert!(!app.settle(), "nothing newer to take in");
    assert!(!app.data.refreshing());
    assert_eq!(app.data.generation, generation);
    assert_eq!(app.plan.stats.assessments["PL03"].rag, Rag::Green);
    assert_eq!(
        app.data.ds.values["PL03"],
        Store::open(&path, "perf")
            .unwrap()
            .values_of("PL03")
            .unwrap()
    );
}

#[test]
fn a_re_read_that_fails_is_said_and_the_next_one_takes_the_data_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = open(&path);
    let version: i64 = {
        let raw = rusqlite::Connection::open(&path).unwrap();
        let v = raw
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        // A file this pmdb cannot read (as if a newer pmdb had written it): the reader
        // cannot open it.
        raw.pragma_update(None, "user_version", 999).unwrap();
        v
    };
    assert!(app.settle(), "the failure is said");
    assert!(
        text(&app, 120, 40).contains("could not re-read the database"),
        "{}",
        text(&app, 120, 40)
    );
    assert!(!app.data.refreshing());
    // The file readable again, with another officer's figure in it.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", version)
        .unwrap();
    save_elsewhere(&path, &october(40.0));
    let generation = app.data.generation;
    assert!(app.settle(), "the next look takes the data in");
    assert!(app.data.generation > generation);
    assert_eq!(app.plan.stats.assessments["PL03"].rag, Rag::Red);
}

/// A meeting scheduled elsewhere reaches the interface's meetings (the Exceptions tab's
/// agenda picks from them); a figure saved elsewhere leaves them as held, not read again.
#[test]
fn a_meeting_scheduled_elsewhere_is_taken_in_and_a_figure_leaves_the_meetings_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    let mut app = open(&path);
    let held = app.data.meetings.len();
    let dated = |app: &App| app.data.meetings.iter().any(|m| m.date == "2026-12-17");
    assert!(!dated(&app));

    let mut other = Store::open(&path, "perf").unwrap();
    let meeting = "board,date,title,period\nPPG,2026-12-17,PPG: November data,2026-11\n";
    pmdb::csvio::import(
        &mut other,
        pmdb::csvio::Kind::Meetings,
        meeting.as_bytes(),
        demo_today(),
    )
    .unwrap();
    assert!(app.settle(), "the meeting is taken in");
    assert_eq!(app.data.meetings.len(), held + 1);
    assert!(dated(&app));

    let meetings = app.data.meetings.as_ptr();
    save_elsewhere(&path, &october(40.0));
    assert!(app.settle(), "the figure is taken in");
    assert_eq!(
        app.data.meetings.as_ptr(),
        meetings,
        "the meetings are kept"
    );
    assert_eq!(app.data.meetings.len(), held + 1);
}
