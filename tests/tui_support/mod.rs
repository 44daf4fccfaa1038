//! Shared by the interface tests: a small council built through the store API, key
//! presses, and the rendered screen as text.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pmdb::csvio::{self, Kind};
use pmdb::domain::role::Role;
use pmdb::query::exceptions::candidates;
use pmdb::store::{MeetingRecord, Store};
use pmdb::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub const LOGIN: &str = "admin1";

pub fn today() -> NaiveDate {
    "2024-08-01".parse().unwrap()
}

/// The fixture council of tests/fixtures (two priorities, four indicators, data to June 2024).
pub fn fixture(dir: &Path) -> PathBuf {
    let path = dir.join("tui.db");
    let mut store = Store::create(&path, LOGIN).unwrap();
    // What the fixture records (its imports' entry times) falls on `today`.
    store.pin_today(today());
    store
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Wyvern Vale District Council".into(),
        ))
        .unwrap();
    add_fixture_users(&mut store);
    // The fixture's figures: its people are added above, as users.
    for kind in [Kind::Plan, Kind::Indicators, Kind::Targets, Kind::Values] {
        let bytes = std::fs::read(format!("tests/fixtures/{kind}.csv")).unwrap();
        csvio::import(&mut store, kind, &bytes, today()).unwrap();
    }
    store
        .add_board("MB", "Management Board", &["dhughes", "kmorgan"])
        .unwrap();
    path
}

/// The fixture's people (tests/fixtures/users.csv: owners and Board members), added as
/// officers: owners must be pmdb users before the plan and indicators name them.
pub fn add_fixture_users(store: &mut Store) {
    for (login, name, role) in fixture_users() {
        store
            .add_user(&login, &name, role.parse::<Role>().unwrap())
            .unwrap();
    }
}

/// (login, name, role) of each line of tests/fixtures/users.csv.
pub fn fixture_users() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string("tests/fixtures/users.csv").unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].into(), cells[1].into(), cells[2].into())
        })
        .collect()
}

/// The fixture with June's exceptions raised for the PPG meeting of 20 July: #1 WR1 (red),
/// #2 PL2 (missing).
pub fn raised(dir: &Path) -> PathBuf {
    let path = fixture(dir);
    let mut store = Store::open(&path, LOGIN).unwrap();
    store
        .add_board("PPG", "Performance & Programme Group", &[])
        .unwrap();
    let meeting = MeetingRecord {
        id: 1,
        board: "PPG".into(),
        date: "2024-07-20".into(),
        title: "PPG July".into(),
        period: "2024-06".into(),
    };
    store.add_meetings(std::slice::from_ref(&meeting)).unwrap();
    let ds = store.dataset().unwrap();
    let found = candidates(
        &ds,
        "2024-06".parse().unwrap(),
        &[meeting],
        ds.context(today()),
    );
    // WR1 is red in June (43.0%) and PL2 has no June figure: missing.
    assert_eq!(store.raise_exceptions(&found).unwrap(), 2);
    path
}

pub fn app(path: &Path) -> App {
    App::with_theme(Store::open(path, LOGIN).unwrap(), today(), Theme::COLOUR).unwrap()
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses each character of `keys` as a key.
pub fn typing(app: &mut App, keys: &str) {
    for c in keys.chars() {
        hit(app, key(KeyCode::Char(c)));
    }
}

pub fn press(app: &mut App, code: KeyCode) {
    hit(app, key(code));
}

/// Presses a key and, if it started a save, lets the save finish as the run loop would.
pub fn hit(app: &mut App, ev: KeyEvent) {
    let before = app.saving.is_some();
    app.handle_key(ev);
    if !before {
        settle(app);
    }
}

/// Polls a save in progress until its result is taken in (at most 10 s).
pub fn settle(app: &mut App) {
    for _ in 0..1000 {
        if app.saving.is_none() {
            return;
        }
        app.poll_save(Duration::from_millis(10));
    }
    panic!("the save did not finish within 10 s");
}

pub fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| pmdb::tui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// The screen as lines of text.
pub fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let b = buffer(app, w, h);
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// The screen's words in reading order, borders and runs of spaces taken out, so a title
/// wrapped over two lines reads as one.
pub fn flat(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h)
        .iter()
        .map(|l| l.replace(['│', '┌', '┐', '└', '┘', '─'], " "))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn text(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h).join("\n")
}

/// The line of the screen that contains `needle`.
pub fn line_with(app: &App, w: u16, h: u16, needle: &str) -> String {
    screen(app, w, h)
        .into_iter()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle}:\n{}", text(app, w, h)))
}

/// `o` in the Entry tab: the list of officers, narrowed by typing `login`, then `Enter`.
pub fn choose_officer(app: &mut App, login: &str) {
    typing(app, "o");
    typing(app, login);
    press(app, KeyCode::Enter);
}

/// The day the demo council's interface tests are set on: October's returns are due.
pub fn demo_today() -> NaiveDate {
    "2026-11-24".parse().unwrap()
}

/// The demo council (made as `perf`, its admin) in `dir`, on [`demo_today`].
pub fn demo(dir: &Path) -> PathBuf {
    let path = dir.join("demo.db");
    pmdb::demo::build_demo(&path, "perf", demo_today(), 1).unwrap();
    path
}

/// The app on the Entry tab as `login`, on [`demo_today`].
pub fn entry_as(path: &Path, login: &str) -> App {
    let mut app = App::with_theme(
        Store::open(path, login).unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap();
    typing(&mut app, "2");
    assert_eq!(app.tab, pmdb::tui::Tab::Entry);
    app
}

/// Moves the Entry tab's cursor down to the row of `code`, by `↓` as a person would.
pub fn go_to(app: &mut App, code: &str) {
    for _ in 0..200 {
        let on = app
            .entry
            .selected_item()
            .map(|r| r.code.clone())
            .or_else(|| app.entry.selected().map(|r| r.code.clone()));
        if on.as_deref() == Some(code) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("no row {code}:\n{}", text(app, 120, 40));
}

/// The Plan tab's detail pane of the indicator `code` on the demo, at `w`×`h`, read page by
/// page as a person scrolls it with PgDn (the screens one after another, flattened).
pub fn demo_detail_pages(path: &Path, code: &str, w: u16, h: u16) -> String {
    let mut app = App::with_theme(
        Store::open(path, "perf").unwrap(),
        demo_today(),
        pmdb::tui::Theme::COLOUR,
    )
    .unwrap();
    typing(&mut app, &format!("/{code}"));
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "G");
    let mut shown = String::new();
    for _ in 0..4 {
        shown.push_str(&flat(&app, w, h));
        shown.push(' ');
        press(&mut app, KeyCode::PageDown);
    }
    shown
}
