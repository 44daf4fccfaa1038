//! Shared by the interface tests: a small council built through the store API, key
//! presses, and the rendered screen as text.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pmdb::csvio::{self, Kind};
use pmdb::domain::role::Role;
use pmdb::store::Store;
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
    store
        .set_setting("council_name", "Wyvern Vale District Council", None)
        .unwrap();
    // Owners and Board members must be pmdb users.
    for (login, name) in [
        ("ceo", "Chief Executive"),
        ("dir.env", "Director of Environment"),
        ("dir.res", "Director of Resources"),
        ("hos.waste", "Head of Waste"),
        ("hos.plan", "Head of Planning"),
        ("alee", "Alex Lee"),
        ("jpatel", "Jay Patel"),
        ("dhughes", "Dafydd Hughes"),
        ("kmorgan", "Kate Morgan"),
    ] {
        store.add_user(login, name, Role::Officer).unwrap();
    }
    for kind in Kind::ALL {
        let bytes = std::fs::read(format!("tests/fixtures/{kind}.csv")).unwrap();
        csvio::import(&mut store, *kind, &bytes, today()).unwrap();
    }
    store
        .add_board("MB", "Management Board", &["dhughes", "kmorgan"])
        .unwrap();
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
        app.handle_key(key(KeyCode::Char(c)));
    }
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
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
