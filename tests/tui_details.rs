//! Details people notice (SPEC.md, "What people see"), driven by keys and read off the
//! screen at 80×24 and a larger size: a field's cursor starts at the end of what is there
//! and `Ctrl-U`, `Home`/`End`, `Ctrl-A`/`Ctrl-E` and `Backspace` do what they say; `o`
//! opens a list of officers to search; the help has the status key in words; the footer
//! offers only what the login may do; the Entry tab marks locked periods, late values and
//! a deadline's year; the status line never cuts a word.

mod tui_support;

use crossterm::event::KeyCode;
use pmdb::csvio::{self, Kind};
use pmdb::domain::period::Period;
use pmdb::store::{Expect, NewValue, Quality, Store};
use pmdb::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::layout::Position;
use ratatui::style::Modifier;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

/// Records a plain value from a second connection, as the command line would.
fn record(path: &std::path::Path, code: &str, period: &str, value: f64) {
    let mut store = Store::open(path, LOGIN).unwrap();
    store.pin_today(today());
    let nv = NewValue {
        indicator: code.into(),
        period: p(period),
        value: Some(value),
        numerator: None,
        denominator: None,
        quality: Quality::Final,
        commentary: String::new(),
        action: String::new(),
    };
    let ctx = store.dataset().unwrap().context(today());
    store.record_value(&nv, Expect::Any, ctx).unwrap();
}

/// The screen drawn at `w`×`h` and where the terminal's cursor was put (it starts at the
/// top left corner, where no field is).
fn drawn(app: &App, w: u16, h: u16) -> (Vec<String>, ratatui::buffer::Buffer, Option<Position>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| pmdb::tui::draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    let lines = (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect();
    let cursor = t.backend_mut().get_cursor_position().ok();
    (lines, buf, cursor)
}

/// The cell just after `figure` in the editor's Value box: where the cursor must be.
fn after_figure(lines: &[String], figure: &str) -> (u16, u16) {
    let (y, line) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.contains(&format!("│{figure} ")))
        .unwrap_or_else(|| panic!("no field holding {figure}:\n{}", lines.join("\n")));
    let x = line
        .split(&format!("│{figure} "))
        .next()
        .unwrap()
        .chars()
        .count()
        + 1;
    ((x + figure.chars().count()) as u16, y as u16)
}

fn value_text(app: &App) -> String {
    app.entry.editor.as_ref().unwrap().value.lines().join("")
}

/// Alex Lee's July return, RW1 (the second row) holding 13.3, opened for editing.
fn editing_13_3(path: &std::path::Path) -> App {
    record(path, "RW1", "2024-07", 13.3);
    let mut a = app(path);
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    a
}

#[test]
fn a_field_opens_with_a_visible_cursor_after_the_stored_figure_and_typing_appends() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut a = editing_13_3(&path);
    assert_eq!(value_text(&a), "13.3");
    for (w, h) in SIZES {
        let (lines, buf, cursor) = drawn(&a, w, h);
        let (x, y) = after_figure(&lines, "13.3");
        assert!(
            buf[(x, y)].modifier.contains(Modifier::REVERSED),
            "{w}×{h}: the cursor is not shown after 13.3:\n{}",
            lines.join("\n")
        );
        assert!(
            !buf[(x - 4, y)].modifier.contains(Modifier::REVERSED),
            "{w}×{h}: the cursor is on the first digit"
        );
        assert_eq!(cursor, Some(Position::new(x, y)), "{w}×{h}");
    }
    // Typing never lands in front of the old figure.
    typing(&mut a, "30");
    assert_eq!(value_text(&a), "13.330");
    for (w, h) in SIZES {
        let (lines, buf, _) = drawn(&a, w, h);
        let (x, y) = after_figure(&lines, "13.330");
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED), "{w}×{h}");
    }
}

#[test]
fn ctrl_u_clears_home_end_ctrl_a_ctrl_e_move_and_backspace_deletes_before_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut a = editing_13_3(&path);
    press(&mut a, KeyCode::Backspace);
    assert_eq!(value_text(&a), "13.");
    hit(&mut a, ctrl('u'));
    assert_eq!(value_text(&a), "");
    typing(&mut a, "30");
    for (w, h) in SIZES {
        let (lines, buf, cursor) = drawn(&a, w, h);
        let (x, y) = after_figure(&lines, "30");
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED), "{w}×{h}");
        assert_eq!(cursor, Some(Position::new(x, y)), "{w}×{h}");
    }
    press(&mut a, KeyCode::Home);
    typing(&mut a, "1");
    assert_eq!(value_text(&a), "130");
    press(&mut a, KeyCode::End);
    press(&mut a, KeyCode::Backspace);
    assert_eq!(value_text(&a), "13");
    hit(&mut a, ctrl('a'));
    typing(&mut a, "4");
    assert_eq!(value_text(&a), "413");
    hit(&mut a, ctrl('e'));
    press(&mut a, KeyCode::Backspace);
    assert_eq!(value_text(&a), "41");
    for (w, h) in SIZES {
        assert!(text(&a, w, h).contains("│41 "), "{w}×{h}");
    }
    // Cleared and typed again, the save records what was typed.
    hit(&mut a, ctrl('u'));
    typing(&mut a, "30");
    hit(&mut a, ctrl('s'));
    let store = Store::open(&path, LOGIN).unwrap();
    let saved = store.value_at("RW1", p("2024-07")).unwrap().expect("saved");
    assert_eq!(saved.value, 30.0);
    assert!(text(&a, 80, 24).contains("Saved RW1 2024-07: 30 "));
}

#[test]
fn the_exception_form_and_the_filters_take_the_same_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(&raised(dir.path()));
    typing(&mut a, "3p");
    typing(&mut a, "Fix it");
    hit(&mut a, ctrl('u'));
    typing(&mut a, "Crew");
    press(&mut a, KeyCode::Home);
    typing(&mut a, "New ");
    let form = a.exceptions.form.as_ref().unwrap();
    assert_eq!(form.text.lines(), ["New Crew"]);
    for (w, h) in SIZES {
        assert!(text(&a, w, h).contains("│New Crew"), "{w}×{h}");
    }
    press(&mut a, KeyCode::Esc);
    typing(&mut a, "y");
    // A filter: Ctrl-U clears what was typed.
    typing(&mut a, "1/wr");
    assert_eq!(a.plan.filter, "wr");
    hit(&mut a, ctrl('u'));
    assert_eq!(a.plan.filter, "");
    typing(&mut a, "pl");
    for (w, h) in SIZES {
        assert!(text(&a, w, h).contains("/ pl▏"), "{w}×{h}");
    }
}

#[test]
fn o_opens_a_list_of_officers_found_by_typing_part_of_a_name_or_login() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut a = app(&path);
    typing(&mut a, "2o");
    for (w, h) in SIZES {
        let screen = text(&a, w, h);
        assert!(screen.contains("Choose an officer: 2 of 2"), "{screen}");
        assert!(line_with(&a, w, h, "Alex Lee (alee)").contains("2 indicators"));
        assert!(line_with(&a, w, h, "Jay Patel (jpatel)").contains("2 indicators"));
    }
    // Part of a name, in any case, narrows the list.
    typing(&mut a, "PAT");
    for (w, h) in SIZES {
        let screen = text(&a, w, h);
        assert!(screen.contains("Choose an officer: 1 of 2"), "{screen}");
        assert!(!screen.contains("Alex Lee (alee)"), "{screen}");
    }
    press(&mut a, KeyCode::Enter);
    assert!(a.entry.chooser.is_none());
    for (w, h) in SIZES {
        assert!(text(&a, w, h).contains("My return for 2024-07 · Jay Patel (jpatel)"));
    }
    // Part of a login; Down moves; Esc leaves the officer as it was.
    typing(&mut a, "o");
    press(&mut a, KeyCode::Up);
    press(&mut a, KeyCode::Esc);
    assert!(text(&a, 80, 24).contains("Jay Patel (jpatel)"));
    typing(&mut a, "o");
    press(&mut a, KeyCode::Backspace);
    typing(&mut a, "le");
    press(&mut a, KeyCode::Enter);
    assert!(text(&a, 80, 24).contains("My return for 2024-07 · Alex Lee (alee)"));
    // The footer and the help offer it.
    assert!(line_with(&a, 80, 24, "Enter edit").contains("o choose officer"));
    typing(&mut a, "?");
    assert!(text(&a, 120, 40).contains("choose officer"));
}

#[test]
fn a_long_list_of_officers_says_how_many_are_above_and_below() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, "perf", "2026-11-24".parse().unwrap(), 1).unwrap();
    let mut a = App::with_theme(
        Store::open(&path, "perf").unwrap(),
        "2026-11-24".parse().unwrap(),
        Theme::COLOUR,
    )
    .unwrap();
    typing(&mut a, "2o");
    let all = a.entry.chooser.as_ref().unwrap().all.len();
    assert!(all > 14, "{all} officers");
    let screen = text(&a, 80, 24);
    assert!(screen.contains(&format!("{all} of {all}")), "{screen}");
    let counts = |screen: &str| -> String {
        screen
            .lines()
            .find(|l| l.contains(" more") && (l.contains('↑') || l.contains('↓')))
            .unwrap_or_else(|| panic!("{screen}"))
            .to_string()
    };
    // At the top nothing is above; the rest are counted below.
    let top = counts(&screen);
    assert!(top.contains("↓ ") && !top.contains('↑'), "{top}");
    for _ in 0..20 {
        press(&mut a, KeyCode::Down);
    }
    let screen = text(&a, 80, 24);
    // Twenty down, the first rows have gone above.
    let line = counts(&screen);
    assert!(line.contains("↑ "), "{line}");
    // Taller, more rows fit and fewer are below.
    let tall = text(&a, 120, 60);
    assert!(tall.contains(&format!("{all} of {all}")), "{tall}");
}

#[test]
fn an_officer_is_not_offered_another_officers_indicators() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut a =
        App::with_theme(Store::open(&path, "alee").unwrap(), today(), Theme::COLOUR).unwrap();
    typing(&mut a, "2");
    for (w, h) in SIZES {
        let footer = screen(&a, w, h).pop().unwrap();
        assert!(footer.contains("Enter edit"), "{footer}");
        assert!(!footer.contains("officer"), "{footer}");
    }
    typing(&mut a, "?");
    assert!(!text(&a, 200, 60).contains("choose officer"));
}

#[test]
fn the_help_gives_the_status_key_in_words_and_the_entry_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(&fixture(dir.path()));
    typing(&mut a, "2?");
    let key = "G green, A amber, R red, M missing, - no status";
    assert!(text(&a, 200, 60).contains(key), "{}", text(&a, 200, 60));
    assert!(text(&a, 200, 60).contains("in counts, N is no status"));
    for mark in ["locked", "late 14d", "OVERDUE", "12 Jan 2027"] {
        assert!(text(&a, 200, 60).contains(mark), "{mark}");
    }
    // At 80×24 the help scrolls down to it.
    assert!(!text(&a, 80, 24).contains(key));
    for _ in 0..60 {
        typing(&mut a, "j");
    }
    assert!(text(&a, 80, 24).contains(key), "{}", text(&a, 80, 24));
}

#[test]
fn the_entry_tab_gives_a_deadlines_year_when_it_is_not_this_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(&fixture(dir.path()));
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    for (w, h) in SIZES {
        let row = line_with(&a, w, h, "WR1 ");
        assert!(
            row.contains("15 Aug ") && !row.contains("15 Aug 2024"),
            "{row}"
        );
    }
    // December's data is due in January of the next year.
    typing(&mut a, "]]]]]");
    for (w, h) in SIZES {
        let row = line_with(&a, w, h, "WR1 ");
        assert!(
            row.contains("2024-12") && row.contains("15 Jan 2025"),
            "{row}"
        );
    }
}

#[test]
fn a_value_recorded_after_its_deadline_shows_late_with_the_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    // The fixture's June figures were imported on 1 August, 17 days after 15 July.
    let mut a = app(&path);
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    typing(&mut a, "[");
    for (w, h) in SIZES {
        let row = line_with(&a, w, h, "WR1 ");
        assert!(row.contains("late 17d"), "{w}×{h}: {row}");
        assert!(!row.contains("done"), "{row}");
    }
    // July's, recorded on 1 August before its deadline of 15 August, is done.
    record(&path, "RW1", "2024-07", 39.0);
    let mut a = app(&path);
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    for (w, h) in SIZES {
        let row = line_with(&a, w, h, "RW1 ");
        assert!(row.contains("done") && !row.contains("late"), "{row}");
    }
}

#[test]
fn a_signed_off_period_is_marked_locked_before_an_edit_is_tried() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut store = Store::open(&path, LOGIN).unwrap();
    let ds = store.dataset().unwrap();
    let q1 = p("2024/25 Q1");
    let statuses = pmdb::query::signoff::statuses_to_freeze(&ds, q1, ds.context(today()));
    store.sign_off(q1, &statuses, today()).unwrap();
    drop(store);
    let mut a = app(&path);
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    for (w, h) in SIZES {
        assert!(!line_with(&a, w, h, "WR1 ").contains("locked"));
    }
    typing(&mut a, "[");
    for (w, h) in SIZES {
        let row = line_with(&a, w, h, "WR1 ");
        assert!(row.contains("2024-06") && row.contains("locked"), "{row}");
    }
    press(&mut a, KeyCode::Enter);
    assert!(a.entry.editor.is_none());
    for (w, h) in SIZES {
        // The refusal is wrapped at word breaks, never cut.
        let said = screen(&a, w, h)[(h as usize - 4)..]
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            said.contains(
                "refused: 2024-06 is signed off (as part of 2024/25 Q1); its figures can no longer change"
            ),
            "{w}×{h}: {said}"
        );
    }
}

#[test]
fn the_status_line_leaves_parts_out_rather_than_cut_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut store = Store::open(&path, LOGIN).unwrap();
    store
        .set_setting(&pmdb::domain::setting::Setting::CouncilName(
            "Wyvern Vale and Upper Ashcombe District Council".into(),
        ))
        .unwrap();
    drop(store);
    let mut a = app(&path);
    typing(&mut a, "3");
    for (w, h) in SIZES {
        let status = screen(&a, w, h)[h as usize - 2].trim_end().to_string();
        assert!(status.ends_with("· live"), "{w}×{h}: {status}");
        assert!(status.contains("every period"), "{status}");
    }
    let narrow = screen(&a, 80, 24)[22].clone();
    assert!(!narrow.contains("today"), "{narrow}");
    assert!(screen(&a, 120, 40)[38].contains("today 2024-08-01"));
}

#[test]
fn an_editor_neither_prints_an_empty_unit_nor_speaks_of_command_line_flags() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_with(
        dir.path(),
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan,rag_rule,min,max,collect_from\n\
         CX1,Complaints answered,local,,1,none,monthly,sum,alee,SP1,,,,\n",
    );
    let mut a = app(&path);
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    // WR1, a ratio, with nothing typed.
    typing(&mut a, "/WR1");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    for (w, h) in SIZES {
        let screen = text(&a, w, h);
        assert!(
            screen.contains("WR1 is a ratio (%): give its numerator and denominator"),
            "{screen}"
        );
        assert!(!screen.contains("--"), "{screen}");
    }
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    // CX1 has no unit.
    typing(&mut a, "/CX1");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    for (w, h) in SIZES {
        let screen = text(&a, w, h);
        assert!(
            screen.contains("Complaints answered (1 decimal place)"),
            "{screen}"
        );
        assert!(!screen.contains("(, "), "{screen}");
    }
    // Nor does the Plan tab's detail pane: "CX1 Complaints answered", not "… ()".
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    typing(&mut a, "1/CX1");
    press(&mut a, KeyCode::Enter);
    typing(&mut a, "G");
    for (w, h) in [(120, 40), (200, 60)] {
        let screen = text(&a, w, h);
        assert!(screen.contains("CX1 Complaints answered"), "{screen}");
        assert!(screen.contains("Indicator CX1"), "{screen}");
        assert!(!screen.contains("()"), "{screen}");
    }
}

#[test]
fn a_long_name_gives_way_so_the_login_is_never_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    pmdb::demo::build_demo(&path, "perf", "2026-11-24".parse().unwrap(), 1).unwrap();
    let mut a = App::with_theme(
        Store::open(&path, "perf").unwrap(),
        "2026-11-24".parse().unwrap(),
        Theme::COLOUR,
    )
    .unwrap();
    typing(&mut a, "2opat");
    // In the chooser the post is cut, the login kept.
    let chooser = text(&a, 80, 24);
    let row = chooser
        .lines()
        .find(|l| l.contains("Jaspreet Patel"))
        .unwrap_or_else(|| panic!("{chooser}"));
    assert!(row.contains("(jpatel)"), "{row}");
    press(&mut a, KeyCode::Enter);
    // The Entry title drops the post at 80 columns and keeps it where it fits.
    let narrow = text(&a, 80, 24);
    assert!(
        narrow.contains("My return for 2026-10 · Jaspreet Patel (jpatel) "),
        "{narrow}"
    );
    let wide = text(&a, 200, 60);
    assert!(
        wide.contains("My return for 2026-10 · Jaspreet Patel (jpatel)"),
        "{wide}"
    );
}

#[test]
fn the_editor_reads_a_figure_as_the_command_line_and_a_spreadsheet_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(&fixture(dir.path()));
    typing(&mut a, "2");
    choose_officer(&mut a, "jpatel");
    typing(&mut a, "/PL2");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    hit(&mut a, ctrl('u'));
    typing(&mut a, "1,234");
    let screen = text(&a, 80, 24);
    assert!(screen.contains("✓ 1234 count"), "{screen}");
    hit(&mut a, ctrl('u'));
    typing(&mut a, "12 pct");
    assert!(text(&a, 80, 24).contains("'12 pct' is not a number"));
    // A count takes no `%` sign; a measure in % does (tests/spreadsheet_habits.rs).
    hit(&mut a, ctrl('u'));
    typing(&mut a, "12%");
    let screen = text(&a, 120, 40);
    assert!(
        screen.contains("'12%': a % sign is only for a measure in %"),
        "{screen}"
    );
}

#[test]
fn a_percent_measure_takes_its_sign_as_a_spreadsheet_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_with(
        dir.path(),
        "code,title,kind,unit,decimals,polarity,frequency,aggregation,owner,plan\n\
         SAT1,Residents satisfied with waste collection,local,%,1,higher,monthly,mean,alee,SP1\n",
    );
    let mut a = app(&path);
    typing(&mut a, "2");
    choose_officer(&mut a, "alee");
    typing(&mut a, "/SAT1");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    typing(&mut a, "87.5%");
    for (w, h) in SIZES {
        assert!(
            text(&a, w, h).contains("✓ 87.5 %"),
            "{w}×{h}\n{}",
            text(&a, w, h)
        );
    }
    hit(&mut a, ctrl('s'));
    let store = Store::open(&path, LOGIN).unwrap();
    let saved = store
        .value_at("SAT1", p("2024-07"))
        .unwrap()
        .expect("saved");
    assert_eq!(saved.value, 87.5);
}

/// The fixture with one more indicators file imported.
fn fixture_with(dir: &std::path::Path, indicators: &str) -> std::path::PathBuf {
    let path = fixture(dir);
    let mut store = Store::open(&path, LOGIN).unwrap();
    csvio::import(&mut store, Kind::Indicators, indicators.as_bytes(), today()).unwrap();
    path
}
