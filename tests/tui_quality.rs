//! Data quality is visible on the screens (issue 24, point 10): a provisional figure is
//! marked `p` and an estimated one `e` beside the value, in text, with the key in the
//! reports' words; a final figure has no mark. Driven by keys on the demo council, at
//! 80×24 as at 120×40.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::store::Store;
use pmdb::tui::{App, Theme};
use tui_support::{
    choose_officer, demo, demo_today, entry_as, flat, line_with, press, text, typing,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn open(path: &std::path::Path, login: &str) -> App {
    App::with_theme(
        Store::open(path, login).unwrap(),
        demo_today(),
        Theme::COLOUR,
    )
    .unwrap()
}

/// The demo's figures these tests read, with the quality the store holds for each: the
/// marks below follow from it, not from the screen.
fn quality(path: &std::path::Path, code: &str, period: &str) -> &'static str {
    let ds = Store::open(path, "perf").unwrap().dataset().unwrap();
    let q = ds.quality_at(code, period.parse().unwrap()).unwrap();
    q.as_str()
}

/// What the screen shows over `n` presses of `key` (a scroll), drawn before each so a pane
/// knows its height.
fn pages(app: &mut App, w: u16, h: u16, key: KeyCode, n: usize) -> String {
    let mut all = String::new();
    for _ in 0..n {
        all.push_str(&flat(app, w, h));
        all.push(' ');
        press(app, key);
    }
    all
}

/// Everything the `?` overlay says, scrolled through with `↓` as a person would.
fn help_text(app: &mut App, w: u16, h: u16) -> String {
    typing(app, "?");
    let all = pages(app, w, h, KeyCode::Down, 80);
    press(app, KeyCode::Esc);
    all
}

#[test]
fn the_entry_grid_marks_a_provisional_figure_and_says_what_the_mark_means() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    assert_eq!(quality(&path, "CS01", "2026-10"), "provisional");
    assert_eq!(quality(&path, "CS02", "2026-10"), "final");
    for (w, h) in SIZES {
        let mut app = entry_as(&path, "zcampbell");
        let cs01 = line_with(&app, w, h, "CS01 ");
        assert!(cs01.contains(" 61.7 p "), "{w}x{h}: {cs01}");
        let cs02 = line_with(&app, w, h, "CS02 ");
        assert!(cs02.contains(" 16.3 "), "{w}x{h}: {cs02}");
        assert!(
            !cs02.contains("16.3 p") && !cs02.contains("16.3 e"),
            "{w}x{h}: {cs02}"
        );
        // The selected row says its mark in words; a final one says nothing of quality.
        let shown = flat(&app, w, h);
        assert!(
            shown.contains("CS01 Calls answered within 60 seconds · 2026-10 · p provisional"),
            "{w}x{h}: {shown}"
        );
        press(&mut app, KeyCode::Down);
        let shown = flat(&app, w, h);
        assert!(shown.contains("▶ CS02 "), "{w}x{h}: {shown}");
        assert!(!shown.contains("provisional"), "{w}x{h}: {shown}");
        // The key, in the words the reports' key uses.
        let help = help_text(&mut app, w, h);
        assert!(help.contains("Data quality key"), "{w}x{h}: {help}");
        assert!(
            help.contains("p provisional: may change when the final figure is known"),
            "{w}x{h}: {help}"
        );
        assert!(
            help.contains("e estimated: an estimate, not yet a measurement"),
            "{w}x{h}: {help}"
        );
        assert!(
            help.contains("a figure with neither mark is final"),
            "{w}x{h}: {help}"
        );
    }
}

#[test]
fn the_rollup_drill_down_marks_an_estimated_quarter_and_says_what_the_mark_means() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    assert_eq!(quality(&path, "WE02", "2026/27 Q2"), "estimated");
    assert_eq!(quality(&path, "WE01", "2026/27 Q2"), "final");
    for (w, h) in SIZES {
        let mut app = open(&path, "perf");
        typing(&mut app, "4");
        press(&mut app, KeyCode::Enter);
        let we02 = line_with(&app, w, h, "WE02 ");
        assert!(we02.contains(" 104.8 e "), "{w}x{h}: {we02}");
        let we01 = line_with(&app, w, h, "WE01 ");
        assert!(we01.contains(" 57.1 "), "{w}x{h}: {we01}");
        assert!(
            !we01.contains("57.1 e") && !we01.contains("57.1 p"),
            "{w}x{h}: {we01}"
        );
        // WE01 selected: final, so no key to its mark.
        assert!(
            !flat(&app, w, h).contains("estimated:"),
            "{}",
            text(&app, w, h)
        );
        press(&mut app, KeyCode::Down);
        let about = flat(&app, w, h);
        assert!(
            about.contains("e estimated: an estimate, not yet a measurement"),
            "{w}x{h}: {about}"
        );
    }
}

/// The Plan tab's detail pane read to its end, paged with PgDn.
fn detail(app: &mut App, w: u16, h: u16) -> String {
    pages(app, w, h, KeyCode::PageDown, 6)
}

#[test]
fn the_plan_tree_and_detail_mark_an_estimated_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    assert_eq!(quality(&path, "WE02", "2026/27 Q2"), "estimated");
    for (w, h) in SIZES {
        let mut app = open(&path, "perf");
        typing(&mut app, "/WE02");
        press(&mut app, KeyCode::Enter);
        typing(&mut app, "G");
        let shown = text(&app, w, h);
        let row = line_with(&app, w, h, "• WE02");
        assert!(row.contains(" 104.8 e "), "{w}x{h}: {row}\n{shown}");
        let all = detail(&mut app, w, h);
        assert!(all.contains("2026/27 Q2: 104.8 e "), "{w}x{h}: {all}");
        assert!(
            all.contains("Latest: 2026/27 Q2 104.8 e G"),
            "{w}x{h}: {all}"
        );
        // The key to it (the chart beside may split the sentence at its line's end).
        assert!(
            all.contains("e estimated: an estimate, not yet a"),
            "{w}x{h}: {all}"
        );
        // A final figure's indicator: no mark, no key.
        assert_eq!(quality(&path, "WE01", "2026-10"), "final");
        let mut app = open(&path, "perf");
        typing(&mut app, "/WE01");
        press(&mut app, KeyCode::Enter);
        typing(&mut app, "G");
        let row = line_with(&app, w, h, "• WE01");
        assert!(
            row.contains(" 57.7 ") && !row.contains("57.7 p"),
            "{w}x{h}: {row}"
        );
        assert!(!row.contains("57.7 e"), "{w}x{h}: {row}");
        let all = detail(&mut app, w, h);
        assert!(all.contains("2026-10: 57.7 G"), "{w}x{h}: {all}");
        assert!(!all.contains("estimated:"), "{w}x{h}: {all}");
    }
}

#[test]
fn the_footer_offers_n_where_it_fits_and_pushes_no_key_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path());
    for (w, h) in SIZES {
        // An officer writing their own quarter: `n` fits beside the period keys.
        let app = entry_as(&path, "zcampbell");
        let foot = line_with(&app, w, h, "? help");
        assert!(
            foot.contains("[/] step period  n narrative"),
            "{w}x{h}: {foot}"
        );
        // The performance team on that officer's return at 80 columns: no room for `n`
        // once the officer chooser and the period keys have theirs; neither is pushed out.
        let mut app = entry_as(&path, "perf");
        choose_officer(&mut app, "zcampbell");
        let foot = line_with(&app, w, h, "? help");
        assert!(
            foot.contains("o choose officer") && foot.contains("[/] step period"),
            "{w}x{h}: {foot}"
        );
        assert_eq!(foot.contains("n narrative"), w >= 100, "{w}x{h}: {foot}");
    }
}
