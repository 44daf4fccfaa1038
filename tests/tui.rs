//! The terminal interface driven by key events, asserting on the rendered screen and on
//! what the store holds afterwards.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::domain::period::Period;
use pmdb::domain::rollup::Counts;
use pmdb::query::rollup::{GroupBy, rollup};
use pmdb::store::{Expect, NewValue, Quality, Store};
use pmdb::tui::keymap::View;
use pmdb::tui::{App, Tab, Theme};
use ratatui::style::Color;
use tui_support::*;

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn counts_text(c: &Counts) -> String {
    format!(
        "G{:<2} A{:<2} R{:<2} M{:<2} N{:<2}",
        c.green, c.amber, c.red, c.missing, c.none
    )
}

/// Saves a value from a second connection, as another officer's pmdb would.
fn save_elsewhere(
    path: &std::path::Path,
    code: &str,
    period: &str,
    num: f64,
    den: f64,
    expect: Expect,
) -> i64 {
    let mut other = Store::open(path, LOGIN).unwrap();
    let nv = NewValue {
        indicator: code.into(),
        period: p(period),
        value: None,
        numerator: Some(num),
        denominator: Some(den),
        quality: Quality::Final,
        commentary: "Their commentary".into(),
        action: "Their action".into(),
    };
    let ctx = other.dataset().unwrap().context(today());
    other.record_value(&nv, expect, ctx).unwrap().version
}

#[test]
fn plan_counts_are_what_the_rollup_computes() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let app = app(&path);
    let ds = Store::open(&path, LOGIN).unwrap().dataset().unwrap();
    let r = rollup(&ds, p("2024-07"), GroupBy::Priority, ds.context(today()));
    // P1 holds WR1 (red: 43.0 in June, the latest available), RW1 and PL1 (green).
    assert_eq!(
        r.groups[0].counts,
        Counts {
            green: 2,
            amber: 0,
            red: 1,
            missing: 0,
            none: 0
        }
    );
    for g in &r.groups {
        let line = line_with(&app, 100, 30, &format!("PRI {} ", g.code));
        assert!(line.contains(&counts_text(&g.counts)), "{line}");
    }
}

#[test]
fn the_period_steps_back_and_forward() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    assert!(text(&app, 80, 24).contains("Golden thread · 2024-07"));
    typing(&mut app, "[");
    assert_eq!(app.plan.period, p("2024-06"));
    assert!(text(&app, 80, 24).contains("Golden thread · 2024-06"));
    typing(&mut app, "[[");
    // In April only RW1 and WR1 (52.0%) have values: P1 is G2 with PL1 not yet due
    // (its Q1 figure counts from 2024/25 Q1 on, shown as latest available only later).
    let ds = Store::open(&path, LOGIN).unwrap().dataset().unwrap();
    let r = rollup(&ds, p("2024-04"), GroupBy::Priority, ds.context(today()));
    let line = line_with(&app, 100, 30, "PRI P1 ");
    assert!(line.contains(&counts_text(&r.groups[0].counts)), "{line}");
    typing(&mut app, "]]]]");
    assert_eq!(app.plan.period, p("2024-08"));
}

#[test]
fn the_filter_keeps_matching_rows_and_their_ancestors() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    typing(&mut app, "/RW1");
    press(&mut app, KeyCode::Enter);
    let screen = text(&app, 100, 30);
    assert!(
        screen.contains("RW1 Residual waste per household"),
        "{screen}"
    );
    assert!(screen.contains("SVC SP1 Waste service plan"), "{screen}");
    assert!(!screen.contains("WR1 Household"), "{screen}");
    assert!(!screen.contains("P2 An efficient council"), "{screen}");
    // By owner: jpatel owns PL1 and PL2.
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "/jpatel");
    press(&mut app, KeyCode::Enter);
    let screen = text(&app, 100, 30);
    assert!(
        screen.contains("PL1 Major planning")
            && screen.contains("PL2 Planning applications received"),
        "{screen}"
    );
    assert!(!screen.contains("RW1 Residual"), "{screen}");
    press(&mut app, KeyCode::Esc);
    assert!(text(&app, 100, 30).contains("PRI P2 An efficient council"));
}

#[test]
fn the_tree_expands_collapses_and_shows_an_indicators_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    assert!(!text(&app, 120, 40).contains("SVC SP1"));
    // Down to O1 and open it, then down to SP1 and open it: WR1 appears beneath.
    typing(&mut app, "jjl");
    typing(&mut app, "jjl");
    typing(&mut app, "j");
    let screen = text(&app, 120, 40);
    assert!(
        screen.contains("• WR1 Household waste recycled"),
        "{screen}"
    );
    // The detail pane: the latest available figure, the rule and the chart's legend.
    assert!(screen.contains("2024-06: 43.0"), "{screen}");
    assert!(
        screen.contains("rule: green ≥ 50.0; amber ≥ 45.0"),
        "{screen}"
    );
    assert!(
        screen.contains("⠤⠤ value  •• target  ▄▄ intervention"),
        "{screen}"
    );
    typing(&mut app, "h");
    typing(&mut app, "h");
    assert!(!text(&app, 120, 40).contains("• WR1"));
}

#[test]
fn help_lists_every_key_of_the_view_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    typing(&mut app, "?");
    let screen = text(&app, 100, 40);
    for b in View::Plan.bindings().iter().chain(View::Global.bindings()) {
        assert!(
            screen.contains(b.label),
            "help lacks '{}':\n{screen}",
            b.label
        );
        assert!(
            screen.contains(&b.keys_label()),
            "help lacks '{}':\n{screen}",
            b.keys_label()
        );
    }
    press(&mut app, KeyCode::Esc);
    assert!(!text(&app, 100, 40).contains("collapse all"));
    // The footer is drawn from the same table: help and quit always show.
    let footer = screen_last(&app);
    assert!(
        footer.contains("? help") && footer.contains("q/C-c quit"),
        "{footer}"
    );
}

fn screen_last(app: &App) -> String {
    screen(app, 80, 24).pop().unwrap_or_default()
}

#[test]
fn tabs_switch_by_number_and_tab_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    typing(&mut app, "4");
    assert_eq!(app.tab, Tab::Rollup);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Delivery);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Plan);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Delivery);
    typing(&mut app, "5");
    assert_eq!(app.tab, Tab::Delivery);
    typing(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn rollup_drills_down_to_the_quarter_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    typing(&mut app, "4");
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("Rollup · 2024/25 Q1 · by priority"),
        "{screen}"
    );
    assert!(line_with(&app, 80, 24, "P1 ").contains("G2  A1  R0  M0  N0"));
    press(&mut app, KeyCode::Enter);
    // WR1 in Q1: (520 + 480 + 430) / 3000 = 47.7% against 50.0: amber; YTD the same.
    let wr1 = line_with(&app, 80, 24, "WR1 ");
    assert!(
        wr1.contains("47.7") && wr1.contains("50.0") && wr1.contains(" A "),
        "{wr1}"
    );
    assert!(wr1.contains("2024/25 Q1") && !wr1.contains("Q1*"), "{wr1}");
    let pl1 = line_with(&app, 80, 24, "PL1 ");
    assert!(
        pl1.contains("75.0") && pl1.contains("60.0") && pl1.contains(" G "),
        "{pl1}"
    );
    press(&mut app, KeyCode::Esc);
    typing(&mut app, "b");
    assert!(text(&app, 80, 24).contains("by portfolio"));
}

#[test]
fn entering_a_value_that_misses_needs_commentary_and_action() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    assert!(text(&app, 80, 24).contains("My return for 2024-07 · Alex Lee (alee)"));
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "4x");
    assert!(text(&app, 80, 24).contains("'4x' is not a number"));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "100");
    // 4 / 100 = 4.0%: red, judged by the domain as it is typed.
    let screen = text(&app, 80, 24);
    assert!(screen.contains("✓ 4.0 % →  R  red"), "{screen}");
    assert!(
        screen.contains("needs a commentary and a remedial action"),
        "{screen}"
    );
    hit(&mut app, ctrl('s'));
    let store = Store::open(&path, LOGIN).unwrap();
    assert_eq!(store.value_at("WR1", p("2024-07")).unwrap(), None);
    assert!(text(&app, 80, 24).contains("✗ WR1 2024-07: the value misses its target"));
    // The whole refusal is on screen at 80×24, however many lines it takes.
    for (w, h) in [(80, 24), (120, 40)] {
        let words = flat(&app, w, h);
        assert!(
            words.contains("red below), so it needs a commentary and a remedial action"),
            "{words}"
        );
    }
    // The editor moved to the commentary.
    typing(&mut app, "Two crews off sick");
    press(&mut app, KeyCode::Tab);
    typing(&mut app, "Agency cover from August");
    hit(&mut app, ctrl('s'));
    let saved = store.value_at("WR1", p("2024-07")).unwrap().expect("saved");
    assert_eq!(
        (
            saved.value,
            saved.numerator,
            saved.denominator,
            saved.version
        ),
        (4.0, Some(4.0), Some(100.0), 1)
    );
    assert_eq!(
        (saved.commentary.as_str(), saved.action.as_str()),
        ("Two crews off sick", "Agency cover from August")
    );
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("Saved WR1 2024-07: 4.0 (red), version 1"),
        "{screen}"
    );
    assert!(line_with(&app, 80, 24, "WR1 ").contains("4.0"));
}

fn edit_june(app: &mut App) {
    typing(app, "2");
    choose_officer(app, "alee");
    typing(app, "[");
    press(app, KeyCode::Enter);
    // Numerator: replace 430 with 470 (47.0%: amber, the stored commentary stays).
    press(app, KeyCode::End);
    for _ in 0..3 {
        press(app, KeyCode::Backspace);
    }
    typing(app, "470");
}

#[test]
fn a_save_conflict_shows_theirs_and_keep_mine_saves_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    edit_june(&mut app);
    // Someone saves June while we type.
    assert_eq!(
        save_elsewhere(&path, "WR1", "2024-06", 440.0, 1000.0, Expect::Version(1)),
        2
    );
    hit(&mut app, ctrl('s'));
    let screen = text(&app, 80, 24);
    assert!(
        screen.contains("Someone else saved WR1 2024-06"),
        "{screen}"
    );
    assert!(
        screen.contains("Theirs (version 2)") && screen.contains("Value: 44.0"),
        "{screen}"
    );
    assert!(screen.contains("Value: 47.0 (470/1000)"), "{screen}");
    typing(&mut app, "m");
    let v = Store::open(&path, LOGIN)
        .unwrap()
        .value_at("WR1", p("2024-06"))
        .unwrap()
        .unwrap();
    assert_eq!((v.numerator, v.version), (Some(470.0), 3));
}

#[test]
fn a_save_conflict_take_theirs_discards_mine() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    edit_june(&mut app);
    save_elsewhere(&path, "WR1", "2024-06", 440.0, 1000.0, Expect::Version(1));
    hit(&mut app, ctrl('s'));
    typing(&mut app, "t");
    assert!(app.entry.editor.is_none());
    let v = Store::open(&path, LOGIN)
        .unwrap()
        .value_at("WR1", p("2024-06"))
        .unwrap()
        .unwrap();
    assert_eq!((v.numerator, v.version), (Some(440.0), 2));
    // The grid shows theirs (44.0%) once it has re-read.
    assert!(line_with(&app, 80, 24, "WR1 ").contains("44.0"));
}

#[test]
fn leaving_an_unsaved_edit_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(&fixture(dir.path()));
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "4q");
    assert!(!app.quit, "q is typed into the field");
    press(&mut app, KeyCode::Esc);
    assert!(text(&app, 80, 24).contains("Discard your unsaved changes?"));
    typing(&mut app, "n");
    assert!(text(&app, 80, 24).contains("4q"));
    hit(&mut app, ctrl('q'));
    assert!(text(&app, 80, 24).contains("You have an unsaved edit. Quit and discard it?"));
    typing(&mut app, "y");
    assert!(app.quit);
}

#[test]
fn another_process_save_appears_without_a_key_and_keeps_the_cursor_and_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app = app(&path);
    typing(&mut app, "jjljjlj");
    let selected = app.plan.selected().map(|r| r.code.clone());
    assert_eq!(selected.as_deref(), Some("WR1"));
    assert!(!app.tick(), "nothing changed yet");
    assert!(!app.settle(), "nothing to wait for");
    save_elsewhere(&path, "WR1", "2024-07", 520.0, 1000.0, Expect::Absent);
    // The tick that notices the save only starts reading it, in the background.
    assert!(!app.tick());
    assert!(app.data.refreshing());
    assert!(line_with(&app, 100, 30, "PRI P1 ").contains("G2  A0  R1"));
    assert!(app.settle());
    assert!(!app.data.refreshing());
    // WR1 is now green for July (52.0%): P1 is G3.
    assert!(line_with(&app, 100, 30, "PRI P1 ").contains("G3  A0  R0"));
    assert_eq!(app.plan.selected().map(|r| r.code.clone()), selected);
    // An edit in progress survives a refresh.
    typing(&mut app, "2");
    choose_officer(&mut app, "alee");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "41");
    save_elsewhere(&path, "WR1", "2024-06", 450.0, 1000.0, Expect::Version(1));
    assert!(app.settle());
    assert!(text(&app, 80, 24).contains("41"));
    assert_eq!(
        app.entry.editor.as_ref().map(|e| e.code.as_str()),
        Some("RW1")
    );
}

#[test]
fn officers_cannot_switch_to_someone_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut app =
        App::with_theme(Store::open(&path, "alee").unwrap(), today(), Theme::COLOUR).unwrap();
    typing(&mut app, "2");
    assert!(text(&app, 80, 24).contains("My return for 2024-07 · Alex Lee (alee)"));
    typing(&mut app, "o");
    assert!(text(&app, 80, 24).contains("only performance and admin users can switch"));
}

#[test]
fn small_terminals_are_told_and_no_colour_means_no_colour() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let app = app(&path);
    assert!(
        text(&app, 60, 20).contains("pmdb needs a terminal of at least 80×24; this one is 60×20")
    );
    let named = |c: Color| !matches!(c, Color::Rgb(..) | Color::Indexed(_));
    for tab in ["1", "2", "3", "4"] {
        let mut colour = tui_support::app(&path);
        typing(&mut colour, tab);
        let b = buffer(&colour, 120, 40);
        assert!(
            b.content.iter().all(|c| named(c.fg) && named(c.bg)),
            "only the 16 named colours"
        );
        assert!(
            b.content.iter().any(|c| c.bg == Color::Cyan),
            "the active tab is coloured"
        );
        let mut plain =
            App::with_theme(Store::open(&path, LOGIN).unwrap(), today(), Theme::PLAIN).unwrap();
        typing(&mut plain, tab);
        let b = buffer(&plain, 120, 40);
        assert!(
            b.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
            "NO_COLOR: no colour at all"
        );
    }
}

/// What a terminal of any size shows: below 80×24 only the message naming the size it
/// has (cut to what fits), from 80×24 up the tab bar, the status line and the footer of
/// the view that has the keys (a tab, the help, the edit dialog, a drill-down).
#[test]
fn every_size_shows_the_screen_or_says_the_terminal_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    // (keys, what the status line says of the period, how the footer starts, whether it
    // ends with the help and quit keys: the help overlay and the edit dialog take them,
    // and the keys the too-small message offers to quit with: in the editor `q` is typed)
    for (keys, period, footer, quit, quit_keys) in [
        ("1", "period 2024-07", "h/← collapse/parent", true, "q/C-c"),
        (
            "1?",
            "period 2024-07",
            "Esc/? close the help",
            false,
            "q/C-c",
        ),
        ("2o\n\n", "month 2024-07", "C-s save", false, "C-q"),
        ("3", "every period", "Enter projector", true, "q/C-c"),
        (
            "4",
            "quarter 2024/25 Q1",
            "Enter/l drill down",
            true,
            "q/C-c",
        ),
        ("4\n", "quarter 2024/25 Q1", "Esc/h back", true, "q/C-c"),
    ] {
        let mut app = app(&path);
        for c in keys.chars() {
            match c {
                '\n' => press(&mut app, KeyCode::Enter),
                c => typing(&mut app, &c.to_string()),
            }
        }
        for (w, h) in [
            (1, 1),
            (10, 5),
            (79, 23),
            (79, 40),
            (120, 23),
            (80, 24),
            (81, 25),
            (100, 30),
            (200, 60),
        ] {
            let lines = screen(&app, w, h);
            assert_eq!(lines.len(), h as usize);
            let all = lines.join("\n");
            if w < 80 || h < 24 {
                let message = format!(
                    "pmdb needs a terminal of at least 80×24; this one is {w}×{h}. Enlarge it, or press {quit_keys} to quit."
                );
                // The message is wrapped to the width: its words, as far as they fit.
                let shown = all.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    !shown.is_empty() && message.starts_with(&shown),
                    "{keys:?} at {w}×{h} shows more or other than the message:\n{all}"
                );
                if w >= 40 {
                    assert_eq!(shown, message, "{keys:?} at {w}×{h}");
                }
            } else {
                let tabs = lines[0].trim_end();
                assert!(
                    tabs.starts_with(" pmdb  1 Plan  2 Entry  3 Exceptions  4 Rollup")
                        && tabs.ends_with("admin1 (admin)"),
                    "{keys:?} at {w}×{h}: tab bar {tabs:?}"
                );
                let status = lines[h as usize - 2].trim();
                assert_eq!(
                    status,
                    format!("Wyvern Vale District Council · {period} · today 2024-08-01 · live"),
                    "{keys:?} at {w}×{h}"
                );
                let foot = lines[h as usize - 1].trim();
                assert!(
                    foot.starts_with(footer),
                    "{keys:?} at {w}×{h}: footer {foot:?}\n{all}"
                );
                assert_eq!(
                    foot.ends_with("? help  q/C-c quit"),
                    quit,
                    "{keys:?} at {w}×{h}: footer {foot:?}"
                );
            }
        }
    }
}
